// 年度总体目标: the anchor cell, the 年初设定目标 | 全年完成情况 header (when
// printed) and the goal rows under it, columns mapped by header text.
import type { DocTable } from '../model/document.js';
import { rowCells, type RowCell } from './grid.js';
import { indicatorColumns, isIndicatorHeader } from './indicator-block.js';
import { bestKey, matchesExactly } from './labels.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

export interface GoalRowAt {
  table: DocTable;
  row: number;
  targetCol: number | null;
  resultCol: number | null;
}

const MAX_GOAL_ROWS = 20;

export function readGoalRows(items: Item[], t: Template, stops: string[]): GoalRowAt[] {
  const at = items.findIndex((it) => it.kind === 'row' && rowCells(it.table, it.r).some((rc) => matchesExactly(rc.label, t.goals.anchors)));
  if (at < 0) return [];
  const { table, r } = items[at] as Item & { kind: 'row' };
  const anchor = rowCells(table, r).find((rc) => matchesExactly(rc.label, t.goals.anchors)) as RowCell;
  const anchorEnd = anchor.cell.origin.row + anchor.cell.rowSpan - 1;
  const headerCols = (row: number) => {
    const cols: { target?: number; result?: number } = {};
    for (const rc of rowCells(table, row)) {
      if (rc.cell === anchor.cell || matchesExactly(rc.label, t.goals.anchors)) continue; // the block's own label
      const k = bestKey(rc.label, { result: t.goals.result, target: t.goals.target });
      if (k && cols[k] === undefined) cols[k] = rc.col;
    }
    return cols;
  };
  let headerRow = -1;
  let cols: { target?: number; result?: number } = {};
  for (const row of [r, r + 1]) {
    if (row >= table.rows.length) continue;
    if (row > r && isIndicatorHeader(indicatorColumns(table, row, t))) break; // the next block's header, not the goals'
    const c = headerCols(row);
    if (c.target !== undefined || c.result !== undefined) {
      headerRow = row;
      cols = c;
      break;
    }
  }
  const out: GoalRowAt[] = [];
  if (headerRow < 0) {
    // No sub-header: the cells right of the anchor are the target and the result.
    const rest = rowCells(table, r).filter((rc) => rc.col > anchor.lastCol);
    out.push({ table, row: r, targetCol: rest[0]?.col ?? null, resultCol: rest[1]?.col ?? null });
    headerRow = r;
    cols = { target: rest[0]?.col, result: rest[1]?.col };
  }
  const last = anchorEnd > headerRow ? anchorEnd : Math.min(table.rows.length - 1, headerRow + MAX_GOAL_ROWS);
  for (let row = headerRow + 1; row <= last && row < table.rows.length; row++) {
    const cells = rowCells(table, row);
    if (anchorEnd <= headerRow && cells.some((rc) => matchesExactly(rc.label, stops))) break;
    out.push({ table, row, targetCol: cols.target ?? null, resultCol: cols.result ?? null });
    if (anchorEnd <= headerRow) break; // unmerged anchor: one goal row
  }
  return out;
}
