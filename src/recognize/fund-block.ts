// The fund block (整体资金 / 项目资金): its header row found by its column labels,
// columns mapped by header text, fund lines found by their row labels and the
// 资金来源 / 资金结构 group label beside them.
import type { DocTable } from '../model/document.js';
import type { FundColumn } from '../model/record.js';
import { rowCells, type RowCell } from './grid.js';
import { bestKey, bestKeyCached, matches, matchesExactly } from './labels.js';
import type { FundGroup, Template } from './template-schema.js';

export interface FundLineAt {
  group: FundGroup;
  key: string;
  row: number;
  /** The row label as printed (whitespace removed), for messages about lines a template adds. */
  label: string;
}

export interface FundBlock {
  table: DocTable;
  headerRow: number;
  /** Grid column of each column the layout has. */
  columns: Partial<Record<FundColumn, number>>;
  /** The block's anchor cell (整体资金（万元）…), when printed. */
  anchor: RowCell | null;
  lines: FundLineAt[];
  /** Last row of the block (inclusive). */
  endRow: number;
}

/** Maps the header row's cells to fund columns; the first cell of a key wins. */
export function fundColumns(table: DocTable, r: number, t: Template): Partial<Record<FundColumn, number>> {
  const cols: Partial<Record<FundColumn, number>> = {};
  for (const rc of rowCells(table, r)) {
    const key = bestKeyCached<FundColumn>(rc.label, t.fund.columns, t.fund.ignoreColumns);
    if (key && cols[key] === undefined) cols[key] = rc.col;
  }
  return cols;
}

const stopCache = new WeakMap<Template, string[]>();

/** Labels that end the fund block: another block begins. */
export function stopLabels(t: Template): string[] {
  let hit = stopCache.get(t);
  if (!hit) stopCache.set(t, (hit = computeStopLabels(t)));
  return hit;
}

function computeStopLabels(t: Template): string[] {
  const lineLabels = new Set(Object.values(t.fund.lines).flatMap((g) => Object.values(g ?? {}).flat()));
  return [
    ...t.goals.anchors,
    ...t.indicators.anchors,
    ...(t.indicators.columns.level1 ?? []),
    ...(t.indicators.columns.name ?? []),
    ...t.header.project,
    ...t.header.department,
    ...t.header.implementer,
    ...t.grade,
    ...t.conclusions.verdict,
    ...t.conclusions.problems,
    ...t.conclusions.measures,
    ...t.total.labels.filter((l) => !lineLabels.has(l)),
  ];
}

function groupOf(label: string, t: Template): FundGroup | null {
  for (const g of ['sources', 'uses'] as const) if (matchesExactly(label, t.fund.groups[g] ?? [])) return g;
  return null;
}

/** Splits "资金来源合计" into its group and its line label. */
function splitGroupPrefix(label: string, t: Template): { group: FundGroup; rest: string } | null {
  for (const g of ['sources', 'uses'] as const) {
    for (const syn of t.fund.groups[g] ?? []) if (label.startsWith(syn) && label.length > syn.length) return { group: g, rest: label.slice(syn.length).replace(/^[:：]/, '') };
  }
  return null;
}

/** Reads the fund block whose header is row `headerRow`, or null when the row does
 *  not carry this template's budget and actual columns. */
export function readFundBlock(table: DocTable, headerRow: number, t: Template): FundBlock | null {
  const columns = fundColumns(table, headerRow, t);
  if (columns.budget === undefined || columns.actual === undefined) return null;
  const firstValueCol = Math.min(...Object.values(columns));
  const anchor = findAnchor(table, headerRow, firstValueCol, t);
  const stops = stopLabels(t);
  const lines: FundLineAt[] = [];
  // A vertically merged anchor cell (整体资金 to the left of every line) bounds the block.
  const anchorEnd = anchor && anchor.cell.rowSpan > 1 ? anchor.cell.origin.row + anchor.cell.rowSpan - 1 : null;
  let group: FundGroup = 'sources';
  let endRow = headerRow;
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    if (anchorEnd !== null && r > anchorEnd) break;
    const labelCells = rowCells(table, r).filter((rc) => rc.col < firstValueCol && rc.label !== '');
    const labels = labelCells.filter((rc) => rc !== anchor && rc.cell !== anchor?.cell && !matches(rc.label, t.fund.anchors));
    if (labels.some((rc) => matchesExactly(rc.label, stops))) break;
    let lineLabel: string | null = null;
    let explicitGroup: FundGroup | null = null;
    for (const rc of labels) {
      const g = groupOf(rc.label, t);
      if (g) {
        explicitGroup = g;
        continue;
      }
      const split = splitGroupPrefix(rc.label, t);
      if (split) {
        explicitGroup = split.group;
        lineLabel = split.rest;
      } else lineLabel = rc.label;
    }
    if (explicitGroup) group = explicitGroup;
    const key: { group: FundGroup; key: string } | null = lineLabel ? lineKeyFor(lineLabel, group, explicitGroup !== null, lines, t) : null;
    if (!key) {
      if (explicitGroup && !lineLabel) {
        endRow = r;
        continue; // a row holding only 资金来源 / 资金结构
      }
      if (anchorEnd !== null) continue; // an unknown line inside the block
      break;
    }
    group = key.group;
    lines.push({ group: key.group, key: key.key, row: r, label: lineLabel as string });
    endRow = r;
  }
  return { table, headerRow, columns, anchor, lines, endRow };
}

function lineKeyFor(label: string, group: FundGroup, groupPrinted: boolean, seen: FundLineAt[], t: Template): { group: FundGroup; key: string } | null {
  const inGroup = bestKey(label, t.fund.lines[group] ?? {});
  const other: FundGroup = group === 'sources' ? 'uses' : 'sources';
  const inOther = groupPrinted ? null : bestKey(label, t.fund.lines[other] ?? {});
  // Without a printed group label, a line the current group already has (a second
  // 合计) or a line only the other group knows (基本支出) starts the other group.
  if (inGroup && !seen.some((l) => l.group === group && l.key === inGroup)) return { group, key: inGroup };
  if (inOther && !seen.some((l) => l.group === other && l.key === inOther)) return { group: other, key: inOther };
  if (inGroup) return null; // a repeated line: not read twice
  return null;
}

function findAnchor(table: DocTable, headerRow: number, firstValueCol: number, t: Template): RowCell | null {
  const candidates: RowCell[] = [...rowCells(table, headerRow)];
  if (headerRow > 0) candidates.push(...rowCells(table, headerRow - 1));
  if (headerRow + 1 < table.rows.length) candidates.push(...rowCells(table, headerRow + 1).filter((rc) => rc.col < firstValueCol));
  return candidates.find((rc) => matches(rc.label, t.fund.anchors)) ?? null;
}
