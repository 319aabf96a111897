// A table the page's visible edge cut off (a browser printing a table wider than its page:
// read/pdf-layout.ts marks the cells it cut, DocCell.edge). What the page does not show is
// never blank: a field read from a cut cell is missing (noteCell: cellIssues 'clipped').
// Where the right edge cut a block, the columns past it were never seen — any column the
// block did not find may stand there — so each field of the block read from no cell is
// missing too (null, 'clipped'), not absent (which says the layout has no such column).
// The block stays read; an unreadBlocks entry with `cut` says where the edge cut it and
// what it left (rules.md check 29), and the checks needing the missing fields skip them.
import type { DocCell, DocTable } from '../model/document.js';
import type { FormRecord, UnreadBlock } from '../model/record.js';
import { FUND_COLUMNS, type RecordBlock } from '../model/record-constants.js';
import type { BlockReading } from './block-reading.js';
import type { FundBlock } from './fund-block.js';
import { rowCells } from './grid.js';
import type { IndicatorBlock } from './indicator-block.js';
import type { IndicatorsReading } from './read-indicators.js';
import type { FundReading } from './read-fund.js';

/** An indicator's fields read from its own row's cells (level labels and name stand at the left, found or not). */
const INDICATOR_OWN = ['nature', 'measure', 'target', 'actual', 'weight', 'score', 'deviation'] as const;

/** A block's rows in one table, and its header row (the column labels) where it has one. */
interface BlockRows {
  block: RecordBlock;
  table: DocTable;
  rows: number[];
  header: number | null;
}

export interface EdgeCutInput {
  fund: FundBlock | null;
  fundReading: BlockReading<FundReading>;
  indicators: IndicatorBlock | null;
  indicatorsReading: BlockReading<IndicatorsReading>;
  totalReading: BlockReading<FormRecord['total']>;
  goalsReading: BlockReading<FormRecord['goals']>;
}

/** Marks what the page's edge hid from each block (the readings are updated in place) and
 *  returns one `cut` entry per block part of which was not read. */
export function markEdgeCuts(input: EdgeCutInput): UnreadBlock[] {
  const out: UnreadBlock[] = [];
  const { fund, indicators } = input;
  if (fund) {
    const rows = range(fund.headerRow, fund.endRow);
    const side = edgeSide(fund.table, rows);
    if (side === 'right') {
      const r = input.fundReading;
      for (const line of fund.lines) {
        const obj = r.value.funds[line.group]?.[line.key];
        if (!obj || line.textCell) continue;
        for (const key of FUND_COLUMNS) missingUnlessRead(r, obj, key, `funds.${line.group}.${line.key}.${key}`);
      }
    }
    if (side) note(out, { block: 'fund', table: fund.table, rows, header: fund.headerRow }, side, input.fundReading);
  }
  if (indicators) {
    const r = input.indicatorsReading;
    const byTable = new Map<DocTable, number[]>();
    for (const at of indicators.rows) byTable.set(at.table, [...(byTable.get(at.table) ?? []), at.row]);
    if (!byTable.has(indicators.table)) byTable.set(indicators.table, []);
    // the header row with the rows under it in its table
    const parts: BlockRows[] = [...byTable].map(([table, rows]) =>
      table === indicators.table ? { block: 'indicators', table, rows: [indicators.headerRow, ...rows], header: indicators.headerRow } : { block: 'indicators', table, rows, header: null },
    );
    const cutParts = parts.map((p) => ({ part: p, side: edgeSide(p.table, p.rows) })).filter((p) => p.side);
    if (cutParts.some((p) => p.side === 'right')) {
      const grouped = (i: number, key: string) => r.value.indicatorGroups.some((g) => 'indicators' in g && g.indicators.includes(i) && key in g);
      r.value.indicators.forEach((ind, i) => {
        for (const key of INDICATOR_OWN) if (!grouped(i, key)) missingUnlessRead(r, ind, key, `indicators[${i}].${key}`);
      });
    }
    const first = cutParts[0];
    if (first) note(out, first.part, first.side!, r);
    const tr = indicators.total;
    if (tr) {
      const side = edgeSide(tr.table, [tr.row]);
      const t = input.totalReading;
      if (side === 'right') for (const key of ['weight', 'score'] as const) missingUnlessRead(t, t.value, key, `total.${key}`);
      if (side) note(out, { block: 'total', table: tr.table, rows: [tr.row], header: tr.table === indicators.table ? indicators.headerRow : null }, side, t);
    }
  }
  // the goals' cells: only what was read from a cut cell (noteCell) is missing
  const g = input.goalsReading;
  const cutGoal = Object.entries(g.cellIssues).find(([, issue]) => issue === 'clipped');
  if (cutGoal) {
    const at = g.provenance[cutGoal[0]];
    const table = at ? tableOfCell(input, at.table) : null;
    if (at && table) note(out, { block: 'goals', table, rows: [at.row], header: null }, table.rows[at.row]?.[at.col]?.edge?.side ?? 'right', g);
  }
  return out;
}

/** The field is missing unless a cell was read for it: a column past the page's edge may hold it. */
function missingUnlessRead(r: BlockReading<unknown>, obj: object, key: string, path: string): void {
  if (r.provenance[path]) return;
  (obj as Record<string, unknown>)[key] = null;
  r.cellIssues[path] = 'clipped';
}

/** An entry for a block with a field missing by the cut, where the cut begins: its first
 *  row the edge reaches, and (`label`) the header of the last column shown whole where
 *  that row is the header row. */
function note(out: UnreadBlock[], at: BlockRows, side: 'right' | 'bottom', r: BlockReading<unknown>): void {
  if (!Object.values(r.cellIssues).includes('clipped')) return;
  const row = at.rows.find((n) => (at.table.rows[n] ?? []).some((c) => c.edge)) ?? at.rows[0];
  const cell = (at.table.rows[row] ?? []).find((c) => c.edge);
  const { reason, before } = why(at, side);
  out.push({ block: at.block, table: at.table.index, row, page: cell?.page ?? null, label: row === at.header ? before : null, reason, cut: side });
}

/** Where the edge cut the block, for staff: the last column it shows whole and what it shows of the next. */
function why(at: BlockRows, side: 'right' | 'bottom'): { reason: string; before: string | null } {
  if (side === 'bottom') return { reason: '表格超出页面下边缘，页面底部以下的内容没有印出', before: null };
  const header = at.header === null ? [] : rowCells(at.table, at.header);
  // the first header cell the edge reaches: shown whole, it is the last column seen;
  // cut, the column before it is, and it shows the start of the next
  const reached = header.findIndex((rc) => rc.cell.edge);
  const cutAt = reached >= 0 && !header[reached].cell.edge!.cut ? reached + 1 : reached;
  const before = header.slice(0, Math.max(cutAt, 0)).reverse().find((rc) => rc.cell.text.trim() !== '');
  const seen = cutAt >= 0 && header[cutAt]?.cell.edge?.cut ? header[cutAt].cell.edge!.seen.replace(/\s+/g, '') : '';
  const label = before ? before.cell.text.replace(/\s+/g, '') : null;
  const name = label ? `“${label}”栏右侧` : '表格右侧';
  return { reason: `表格超出页面右边缘，${name}的内容被截去${seen ? `（截断处露出“${seen}”）` : ''}`, before: label };
}

/** The side on which the page's edge cut the rows' cells, or null where it cut none. */
function edgeSide(table: DocTable, rows: readonly number[]): 'right' | 'bottom' | null {
  let side: 'right' | 'bottom' | null = null;
  for (const r of rows) {
    for (const cell of table.rows[r] ?? ([] as DocCell[])) {
      if (cell.edge?.side === 'right') return 'right';
      if (cell.edge) side = cell.edge.side;
    }
  }
  return side;
}

function tableOfCell(input: EdgeCutInput, index: number): DocTable | null {
  for (const t of [input.fund?.table, input.indicators?.table, ...(input.indicators?.rows ?? []).map((r) => r.table)]) if (t?.index === index) return t;
  return null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
