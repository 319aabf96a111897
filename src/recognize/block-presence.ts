// Where a form prints each block, read or not: the block's own label (项目资金（万元）,
// 绩效指标, 总分, 年度总体目标) or, for the fund block, a funding line holding amounts.
// A block printed but not read is "unreadable" — never blank (rules.md check 29).
import type { DocTable } from '../model/document.js';
import type { BlockState, RecordBlock, UnreadBlock } from '../model/record.js';
import { readMoney } from '../normalize/cell.js';
import { rowCells } from './grid.js';
import { isIndicatorAnchor, type IndicatorRowAt } from './indicator-block.js';
import { findGoalsAnchor } from './goals.js';
import { bestKey, matches, matchesExactly } from './labels.js';
import type { Item, Segment } from './segments.js';
import type { Template } from './template-schema.js';

export interface PrintedAt {
  table: number;
  row: number;
  page: number | null;
  label: string;
  /** XLSX: the label's cell in the sheet's own terms (0-based). */
  sheet?: { name: string; row: number; col: number };
}

/** Where a block's label is printed: grid row (and for a workbook, the sheet's cell). */
function printedAt(table: DocTable, row: number, col: number, label: string): PrintedAt {
  const at: PrintedAt = { table: table.index, row, page: table.rows[row]?.[col]?.page ?? null, label };
  if (table.sheet !== undefined) at.sheet = { name: table.sheet, row: table.sheetRows?.[row] ?? row, col: table.sheetCols?.[col] ?? col };
  return at;
}

export type Printed = Partial<Record<RecordBlock, PrintedAt>>;

const BLOCK_NAMES: Record<RecordBlock, string> = { fund: '资金表', indicators: '绩效指标表', total: '总分行', goals: '年度总体目标栏' };

/** The first place each block is printed in the candidate. */
export function findPrinted(seg: Segment, t: Template): Printed {
  const out: Printed = {};
  const lineLabels = t.fund.lines.sources ?? {};
  for (const it of seg.items) {
    if (it.kind !== 'row') continue;
    const cells = rowCells(it.table, it.r);
    const at = (label: string, col: number): PrintedAt => printedAt(it.table, it.r, col, label);
    for (const rc of cells) {
      if (!rc.label) continue;
      if (!out.fund && matches(rc.label, t.fund.anchors)) out.fund = at(rc.cell.text.trim(), rc.col);
      if (!out.indicators && isIndicatorAnchor(rc.label, t)) out.indicators = at(rc.cell.text.trim(), rc.col);
    }
    const first = cells.find((rc) => rc.label !== '');
    if (!first) continue;
    if (!out.total && matchesExactly(first.label, t.total.labels) && !isFundLineLabel(first.label, t) && !out.total) out.total = at(first.cell.text.trim(), first.col);
    // A funding line with amounts (年度资金总额 | 880 | 880) is the fund block even when its label is gone.
    if (!out.fund && bestKey(first.label, lineLabels) !== null && fundLineWithAmounts(it)) out.fund = at(first.cell.text.trim(), first.col);
  }
  const goals = findGoalsAnchor(seg.items, t);
  if (goals) out.goals = printedAt(goals.table, goals.row, goals.cell.col, goals.cell.cell.text.trim());
  return out;
}

/** Where the 总分 row is printed when only the indicator block found it: a block printed
 *  beside another (the goals at its left) has its 总分 label after other labels in the row. */
export function withTotalRow(printed: Printed, tr: IndicatorRowAt | null | undefined): Printed {
  if (printed.total || !tr) return printed;
  const label = rowCells(tr.table, tr.row).find((rc) => rc.label !== '' && (tr.fromCol === undefined || rc.col >= tr.fromCol));
  return label ? { ...printed, total: printedAt(tr.table, tr.row, label.col, label.cell.text.trim()) } : printed;
}

/** 合计 is a 总分 label and a fund line's: as a fund line it says nothing of the 总分 row. */
function isFundLineLabel(label: string, t: Template): boolean {
  return Object.values(t.fund.lines).some((g) => Object.values(g ?? {}).some((list) => list.includes(label)));
}

/** Two or more money cells after a funding line's label. */
function fundLineWithAmounts(it: Item & { kind: 'row' }): boolean {
  const cells = rowCells(it.table, it.r);
  return cells.filter((rc) => rc.label !== '' && readMoney(rc.cell.text).value !== null).length >= 2;
}

/** A block's state from what was read and what is printed, and the warning's data when
 *  unreadable. `notFound`: why a block found nowhere is still not absent (a required one). */
export function blockState(block: RecordBlock, read: boolean, printed: Printed, why: string, notFound?: string): { state: BlockState; unread?: UnreadBlock } {
  if (read) return { state: 'read' };
  const at = printed[block];
  if (!at && notFound) return { state: 'unreadable', unread: { block, table: null, row: null, page: null, label: null, reason: notFound } };
  if (!at) return { state: 'absent' };
  return {
    state: 'unreadable',
    unread: {
      block,
      table: at.table,
      ...(at.sheet ? { row: at.sheet.row, sheet: at.sheet.name, col: at.sheet.col } : { row: at.row }),
      page: at.page,
      label: at.label,
      reason: why || `未能读取${BLOCK_NAMES[block]}`,
    },
  };
}
