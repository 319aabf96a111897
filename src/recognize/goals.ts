// 年度总体目标: the anchor cell, the 年初设定目标 | 全年完成情况 header (when
// printed) and the goal rows under it, columns mapped by header text.
import type { DocTable } from '../model/document.js';
import { labelRowsEnd, rowCellAt, rowCells, type RowCell } from './grid.js';
import { fundColumns } from './fund-block.js';
import { indicatorColumns, isIndicatorHeader } from './indicator-block.js';
import { bestKey, MAX_LABEL_LENGTH, matchesExactly } from './labels.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

/** Where one goal's target and result cells are; null where the form prints none. */
export interface GoalRowAt {
  table: DocTable;
  target: CellAt | null;
  result: CellAt | null;
}

export interface CellAt {
  row: number;
  col: number;
}

const MAX_GOAL_ROWS = 20;

export interface GoalsAnchor {
  table: DocTable;
  row: number;
  cell: RowCell;
  /** The block's header row is its only label: `cell` is its first header (预期目标 | 实际完成情况
   *  heading a table of its own), one of the goal columns, not a label beside them. */
  headerOnly?: boolean;
}

/** The cell that labels the block: a template anchor (年度总体目标) where one is printed;
 *  otherwise the label of a row that goes on with the block's own header pair, a target
 *  column (预期目标, 年初设定目标) and a result column (实际完成情况) — the block known by
 *  what it holds, whatever its label says: a wording no template lists (项目总体目标), one
 *  other layouts give their indicators (年度绩效目标), one that names the section the goals
 *  sit in (Sichuan's 项目基本情况), or one a PDF scrambled (vertical text in two columns,
 *  "年度总体" read "总年体度"). See isGoalsHeaderPair for what makes a pair. */
export function findGoalsAnchor(items: Item[], t: Template): GoalsAnchor | null {
  for (const it of items) {
    if (it.kind !== 'row') continue;
    const cell = rowCells(it.table, it.r).find((rc) => matchesExactly(rc.label, t.goals.anchors));
    if (cell) return { table: it.table, row: it.r, cell };
  }
  for (const it of items) {
    if (it.kind !== 'row') continue;
    const cells = rowCells(it.table, it.r);
    const label = cells.find((rc) => rc.label !== '');
    if (!label || label.label.length > MAX_LABEL_LENGTH) continue;
    // The pair after a label (序号 | 年度绩效目标 | 目标完成情况), or the pair alone: a goals
    // table of its own whose header row is nothing but its two columns (预期目标 | 实际完成情况,
    // 年初设定目标 | 全年完成情况, a blank 序号 before them), its label a heading above the table.
    const labelled = isGoalsHeaderPair(cells.filter((rc) => rc.col > label.lastCol), t);
    if (!labelled && !isGoalsHeaderPair(cells, t)) continue;
    if (isIndicatorHeader(indicatorColumns(it.table, it.r, t))) continue;
    const fund = fundColumns(it.table, it.r, t);
    if (fund.budget !== undefined && fund.actual !== undefined) continue; // 计划投资额 | 实际投资额: the fund block's header
    return labelled ? { table: it.table, row: it.r, cell: label } : { table: it.table, row: it.r, cell: label, headerOnly: true };
  }
  return null;
}

/** The cells after a row's label are the goals block's header pair: a target header and
 *  a result header printed as the lexicon lists them (预期目标 | 实际完成情况, other cells
 *  beside them allowed); or, for a wording it does not list (Sichuan's 项目年度目标 |
 *  年度目标完成情况), a row of nothing but such headers known by their telling words (目标,
 *  完成情况), one a target and one a result. Only headers of four characters or more
 *  without a figure count: a bare 完成 or 目标, or "完成3个", is as likely an indicator's
 *  value. */
function isGoalsHeaderPair(after: RowCell[], t: Template): boolean {
  const listed = (list: string[]) => after.some((rc) => rc.label.length >= HEADER_WORD && matchesExactly(rc.label, list));
  if (listed(t.goals.target) && listed(t.goals.result)) return true;
  const keys = after.filter((rc) => rc.label !== '').map((rc) => goalHeaderKey(rc.label, t));
  return keys.length >= 2 && !keys.includes(null) && keys.includes('target') && keys.includes('result');
}

function goalHeaderKey(label: string, t: Template): 'target' | 'result' | null {
  if (label.length < HEADER_WORD || label.length > MAX_GOAL_HEADER || /[0-9]/.test(label)) return null;
  // result first: "年度目标完成情况" is a result, though it names the 目标 it reports on
  return bestKey(label, { result: t.goals.result, target: t.goals.target });
}

/** A cell that may be a goals column's header: a wording the lexicon lists, or a short
 *  one without a sentence's punctuation — not a goal's text that holds a header's word
 *  (完成, 目标, 计划), as a goal written right after the block's label does. A note in
 *  brackets ("实际完成情况(200字以内)") does not count. */
function headerLike(label: string, t: Template): boolean {
  if (matchesExactly(label, t.goals.target) || matchesExactly(label, t.goals.result)) return true;
  const bare = label.replace(/\([^()]*\)/g, '');
  return bare.length <= MAX_GOAL_HEADER && !/[,，。;；]/.test(bare);
}

const HEADER_WORD = 4;
/** Longer cells are a goal's text, not a header. */
const MAX_GOAL_HEADER = 12;

export function readGoalRows(items: Item[], t: Template, stops: string[]): GoalRowAt[] {
  const found = findGoalsAnchor(items, t);
  if (!found) return [];
  const { table, row: r, cell: anchor } = found;
  // The anchor's rows: its merge, or in a flat export the rows repeating its label.
  const anchorEnd = labelRowsEnd(table, r, anchor);
  const stacked = stackedGoal(table, r, anchor, anchorEnd, t);
  if (stacked) return [stacked];
  const headerCols = (row: number) => {
    const cols: { target?: number; result?: number } = {};
    for (const rc of rowCells(table, row)) {
      if ((rc.cell === anchor.cell && !found.headerOnly) || matchesExactly(rc.label, t.goals.anchors)) continue; // the block's own label
      if (/\S/.test(namedValue(rc.cell.text)?.value ?? '')) continue; // "预期目标：建设示范点3个" is a goal, not a header
      if (!headerLike(rc.label, t)) continue; // "完成安保工程40公里，消除隐患点30处。" is a goal, though it says 完成
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
  if (headerRow === r && cols.target === undefined && cols.result !== undefined && anchorHeadsColumn(table, r, anchor, anchorEnd, cols.result)) {
    cols.target = anchor.col;
  }
  const at = (row: number, col: number | undefined): CellAt | null => (col === undefined ? null : { row, col });
  const out: GoalRowAt[] = [];
  if (headerRow < 0) {
    // No sub-header: the cells right of the anchor are the target and the result. In a
    // grid exported flat a text does not merge the cells it is printed over: blank cells
    // after the target are its own, the result is the next filled cell.
    const rest = rowCells(table, r).filter((rc) => rc.col > anchor.lastCol);
    const result = rest.slice(1).find((rc) => rc.label !== '') ?? rest[1];
    out.push({ table, target: at(r, rest[0]?.col), result: at(r, result?.col) });
    headerRow = r;
    cols = { target: rest[0]?.col, result: result?.col };
  }
  const last = anchorEnd > headerRow ? anchorEnd : Math.min(table.rows.length - 1, headerRow + MAX_GOAL_ROWS);
  for (let row = headerRow + 1; row <= last && row < table.rows.length; row++) {
    const cells = rowCells(table, row);
    if (anchorEnd <= headerRow && cells.some((rc) => matchesExactly(rc.label, stops))) break;
    // One cell across both columns ends the goal rows: another part of the block under the
    // same merged label (Sichuan's 项目基本情况 goes on with 2.项目实施内容及过程概述 and its text).
    const spanning = cols.target !== undefined ? rowCellAt(table, row, cols.target) : undefined;
    if (spanning && cols.result !== undefined && spanning === rowCellAt(table, row, cols.result)) break;
    out.push({ table, target: at(row, cols.target), result: at(row, cols.result) });
    // Unmerged anchor: one goal row, unless the goals go on below it (a table of their own).
    if (anchorEnd <= headerRow && !goalsGoOn(table, row + 1, cols, t)) break;
  }
  return out;
}

/** The row below a goal row is one more goal of the same block: nothing printed left of
 *  the goal columns but a sequence number (1, 2, 3 under 序号) — no label of another block
 *  (绩效指标, 自评结论) — and it is no indicator header. The caller's own tests (a stop
 *  label, one cell across both columns, the row cap) still end the rows. */
function goalsGoOn(table: DocTable, row: number, cols: { target?: number; result?: number }, t: Template): boolean {
  if (row >= table.rows.length) return false;
  const first = Math.min(cols.target ?? Infinity, cols.result ?? Infinity);
  if (!Number.isFinite(first)) return false;
  const before = rowCells(table, row).filter((rc) => rc.col < first && rc.label !== '');
  if (before.some((rc) => rc.lastCol >= first || !SEQUENCE_NUMBER.test(rc.label))) return false;
  return !isIndicatorHeader(indicatorColumns(table, row, t));
}

const SEQUENCE_NUMBER = /^[(（]?[0-9一二三四五六七八九十]{1,3}[)）.、]?$/;

/** The anchor's wording printed as the target column's own header, beside a result header
 *  ("项目基本情况 | 年度总体目标 | 年度目标完成情况", goals in the rows below): the anchor
 *  spans one row (neither merged down nor repeated below), the result header follows it
 *  with nothing between, and the row below has a cell of its own under the anchor. */
function anchorHeadsColumn(table: DocTable, r: number, anchor: RowCell, anchorEnd: number, resultCol: number): boolean {
  if (anchorEnd > r || resultCol <= anchor.lastCol || r + 1 >= table.rows.length) return false;
  const between = rowCells(table, r).filter((rc) => rc.col > anchor.lastCol && rc.col < resultCol);
  if (between.some((rc) => rc.label !== '')) return false;
  const below = rowCellAt(table, r + 1, anchor.col);
  return below !== undefined && below.cell.origin.row === r + 1 && below.label !== '';
}

/** A cell that names what it holds before a colon ("预期目标：建设示范点3个",
 *  "实际完成情况: …"): that name and what follows it; null for a cell without one. */
export function namedValue(text: string): { name: string; value: string } | null {
  const m = NAMED_VALUE.exec(text);
  return m ? { name: m[1], value: text.slice(m[0].length) } : null;
}

const NAMED_VALUE = /^[\s\u3000]*([^:：\n]{1,12})[:：]/;

/** The block turned on its side: under the anchor, a row "预期目标 | text" above a row
 *  "实际完成情况 | text", their labels in one column — one goal, each text right of its label. */
function stackedGoal(table: DocTable, r: number, anchor: RowCell, anchorEnd: number, t: Template): GoalRowAt | null {
  if (anchorEnd <= r) return null;
  const labelAt = (row: number, synonyms: string[]): CellAt | null => {
    const cells = rowCells(table, row).filter((rc) => rc.col > anchor.lastCol);
    const label = cells[0];
    if (!label || !matchesExactly(label.label, synonyms) || !cells[1]) return null;
    return { row, col: cells[1].col };
  };
  let target: CellAt | null = null;
  let result: CellAt | null = null;
  for (let row = r; row <= anchorEnd && row < table.rows.length; row++) {
    target ??= labelAt(row, t.goals.target);
    result ??= labelAt(row, t.goals.result);
  }
  if (!target || !result || target.row === result.row) return null;
  return { table, target, result };
}
