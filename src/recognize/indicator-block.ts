// The indicator block (绩效指标): its header row found by its column labels, the
// indicator rows below it (also across a page-split table) and the 总分 row.
import { Decimal } from 'decimal.js';
import type { DocTable } from '../model/document.js';
import { isBlankCell, readScore, toHalfWidth } from '../normalize/cell.js';
import { rowCellAt, rowCells, type RowCell } from './grid.js';
import { bestKeyCached, MAX_LABEL_LENGTH, matchesExactly, normLabel, printedWeight } from './labels.js';
import { isNarrativeHeading } from './narrative.js';
import type { Item } from './segments.js';
import type { IndicatorColumn, Template } from './template-schema.js';

export type IndicatorColumns = Partial<Record<IndicatorColumn, number>>;

export interface IndicatorRowAt {
  table: DocTable;
  row: number;
  columns: IndicatorColumns;
  /** The goal block the row sits in when its header's label prints a weight
   *  (年度绩效目标1(40分), the Hubei four-box layout). */
  goal?: GoalBlockLabel;
  /** The block's first grid column where it is printed beside another on the same rows
   *  (the fund block left of it): the cells left of it are not the block's. */
  fromCol?: number;
}

export interface GoalBlockLabel {
  label: string;
  weight: string;
}

/** "年度绩效目标1(40分)" → 年度绩效目标1, 40: the block's own label cell, when it prints a weight. */
function goalLabelOf(table: DocTable, r: number, t: Template): GoalBlockLabel | undefined {
  for (const rc of rowCells(table, r)) {
    if (!rc.label || !isIndicatorAnchor(rc.label, t)) continue;
    const weight = printedWeight(rc.cell.text);
    if (weight) return { label: rc.label, weight };
  }
  return undefined;
}

export interface IndicatorBlock {
  /** The first header row's table and row. */
  table: DocTable;
  headerRow: number;
  columns: IndicatorColumns;
  rows: IndicatorRowAt[];
  total: IndicatorRowAt | null;
  /** Index (into the segment's items) of the last item the block used. */
  endItem: number;
  /** Set where the block is printed beside another on the same rows: its first grid column. */
  fromCol?: number;
}

const columnsCache = new WeakMap<Template, WeakMap<object, IndicatorColumns>>();

/** Maps a row's cells to indicator columns (cached: every row is asked once per template). */
export function indicatorColumns(table: DocTable, r: number, t: Template): IndicatorColumns {
  let byRow = columnsCache.get(t);
  if (!byRow) columnsCache.set(t, (byRow = new WeakMap()));
  const row = table.rows[r];
  const hit = row && byRow.get(row);
  if (hit) return hit;
  const cols = mapIndicatorColumns(table, r, t, 0);
  if (row) byRow.set(row, cols);
  return cols;
}

/** The row's cells from grid column `fromCol` on mapped to indicator columns (the block
 *  printed beside another on the same rows). */
function indicatorColumnsFrom(table: DocTable, r: number, t: Template, fromCol: number): IndicatorColumns {
  return fromCol > 0 ? mapIndicatorColumns(table, r, t, fromCol) : indicatorColumns(table, r, t);
}

/** The indicator block's header printed on the same row as another block's header, right
 *  of it (the fund table in A:H, the indicator table in J:Q): the grid column the
 *  indicator header starts at — its first level or name column —, or null. */
export function besideHeaderStart(table: DocTable, r: number, t: Template): number | null {
  const cols = indicatorColumns(table, r, t);
  if (!isIndicatorHeader(cols)) return null;
  const start = firstColumn(cols);
  if (start === 0 || rowCells(table, r).every((rc) => rc.col >= start || rc.label === '')) return null;
  return isIndicatorHeader(indicatorColumnsFrom(table, r, t, start)) ? start : null;
}

/** The row's cells the block reads: all, or those from its first column on. */
function cellsFrom(table: DocTable, r: number, fromCol: number | undefined): RowCell[] {
  const cells = rowCells(table, r);
  return fromCol === undefined ? cells : cells.filter((rc) => rc.col >= fromCol);
}

/** Header cells mapped by meaning (labels.ts bestKey); the block's own label (绩效指标,
 *  年度绩效目标1(40分)) is no column, nor is a header whose head word says how a row is
 *  judged (评分标准, 评分依据: a text, though it starts with 评分). Where two cells claim
 *  one column, the one that names it most squarely wins (headerRank), else the leftmost. */
function mapIndicatorColumns(table: DocTable, r: number, t: Template, fromCol: number): IndicatorColumns {
  const cols: IndicatorColumns = {};
  const rankOf: Partial<Record<IndicatorColumn, number>> = {};
  for (const rc of rowCells(table, r)) {
    if (rc.col < fromCol || !rc.label || isIndicatorAnchor(rc.label, t)) continue;
    const exact = columnLabels(t).has(rc.label);
    if (!exact && t.indicators.criteria.some((w) => rc.label.endsWith(w))) continue;
    const key = bestKeyCached<IndicatorColumn>(rc.label, t.indicators.columns, t.indicators.ignoreColumns);
    if (!key) continue;
    const rank = headerRank(rc.label, exact, t.indicators.columns[key] ?? []);
    if (cols[key] === undefined || rank > rankOf[key]!) {
      cols[key] = rc.col;
      rankOf[key] = rank;
    }
  }
  return cols;
}

const columnLabelsCache = new WeakMap<Template, Set<string>>();

/** Every label the template lists for an indicator column (built once per template). */
function columnLabels(t: Template): Set<string> {
  let labels = columnLabelsCache.get(t);
  if (!labels) columnLabelsCache.set(t, (labels = new Set(Object.values(t.indicators.columns).flatMap((list) => list ?? []))));
  return labels;
}

/** How squarely a header names its column: by the earliest of the column's words it holds
 *  — a list names the concept itself before related ones, so 偏差原因分析 (原因) beats
 *  改进措施 (措施) beside it, and 2023年度指标值 (年度指标值) beats 指标值 —; then a cell equal
 *  to a known label; then one whose head is the word (自评得分 means a 得分) beats one that
 *  holds it before another word. */
function headerRank(label: string, exact: boolean, words: readonly string[]): number {
  const first = words.findIndex((w) => w && label.includes(w));
  const head = words.some((w) => w && label.endsWith(w)) ? 1 : 0;
  return (words.length - first) * 4 + (exact ? 2 : 0) + head;
}

/** The indicator block's own label: 绩效指标, or a goal block's 年度绩效目标1 (its weight stripped). */
export function isIndicatorAnchor(label: string, t: Template): boolean {
  return t.indicators.anchors.some((a) => label === a || (label.startsWith(a) && /^[0-9一二三四五六七八九十]*$/.test(label.slice(a.length))));
}

/** A header row names 三级指标, a level (一级/二级指标) and a value column. */
export function isIndicatorHeader(cols: IndicatorColumns): boolean {
  return (
    cols.name !== undefined &&
    (cols.level1 !== undefined || cols.level2 !== undefined) &&
    (cols.weight !== undefined || cols.score !== undefined || cols.target !== undefined || cols.actual !== undefined)
  );
}

const endLabelsCache = new WeakMap<Template, string[]>();

/** Labels after which indicator rows cannot continue (built once per template). */
function endLabels(t: Template): string[] {
  let labels = endLabelsCache.get(t);
  if (!labels) endLabelsCache.set(t, (labels = endLabelList(t)));
  return labels;
}

function endLabelList(t: Template): string[] {
  return [
    ...t.grade,
    ...t.conclusions.verdict,
    ...t.conclusions.problems,
    ...t.conclusions.measures,
    ...t.narrative.headings,
    ...t.goals.anchors,
    ...t.header.project,
  ];
}

/** True when the row is the 总分 row: its first labelled cell is a total label — or its
 *  first own one, beside the block's label merged down to it (绩效指标 | 合计 | 90 | 89) —,
 *  or its own label holds one as a word among noise and the row has a total's shape
 *  (totalShaped): a PDF cell's wrapped text spilling a "）" into it, OCR reading
 *  "1小 总分" or the whole row as one cell, "总分（满分100分）". `weightsAbove`: the
 *  indicator rows' weights read so far, or null where the block has no 分值 column. */
function isTotalRow(table: DocTable, r: number, t: Template, fromCol: number | undefined, cols: IndicatorColumns, weightsAbove: Decimal | null): boolean {
  const cells = cellsFrom(table, r, fromCol);
  const first = cells.find((rc) => rc.label !== '');
  if (first && matchesExactly(first.label, t.total.labels)) return true;
  const own = cells.find((rc) => rc.label !== '' && rc.cell.origin.row === r);
  if (!own) return false;
  if (own !== first && matchesExactly(own.label, t.total.labels)) return true;
  return holdsTotalWord(own.cell.text, t) && totalShaped(table, r, own, t, cols, weightsAbove);
}

/** Stray marks around a label's words: punctuation, symbols, table rules OCR reads as "|". */
const NOISE = /[\s\u3000\p{P}\p{S}]+/gu;

/** Characters of stray words a noisy total label may hold before its word ("1小 总分"). */
const NOISE_BEFORE = 2;

/** A label cell that is a total label among noise: short (a label, not a cell of text
 *  that happens to hold the word), and a total label its first word once stray marks split
 *  it, or after a stray word or two: "）\n总分", "1小 总分", "总分 | 100 | 99.75 | 优",
 *  "总分（满分100分）" — not "总分数达标率", nor an indicator block run into one cell. */
function holdsTotalWord(text: string, t: Template): boolean {
  const s = toHalfWidth(text);
  if (s.replace(NOISE, '').length > MAX_LABEL_LENGTH) return false;
  let before = 0;
  for (const word of s.split(NOISE)) {
    if (word === '') continue;
    if (matchesExactly(normLabel(word), t.total.labels)) return true;
    before += word.length;
    if (before > NOISE_BEFORE) return false;
  }
  return false;
}

/** A row shaped as the 总分 row, not as an indicator: no text of its own where an
 *  indicator's name, target and actual stand (its label merged over them, or those cells
 *  blank), or a 分值 that covers every indicator weight above it (100 under 10s and 20s). */
function totalShaped(table: DocTable, r: number, label: RowCell, t: Template, cols: IndicatorColumns, weightsAbove: Decimal | null): boolean {
  const textCols = (['name', 'target', 'actual'] as const).map((k) => cols[k]).filter((c): c is number => c !== undefined);
  const noText = textCols.every((c) => {
    const rc = rowCellAt(table, r, c);
    return !rc || rc.cell === label.cell || isBlankCell(rc.cell.text);
  });
  if (noText) return true;
  if (cols.weight === undefined || weightsAbove === null || weightsAbove.isZero()) return false;
  const w = rowCellAt(table, r, cols.weight);
  if (!w || w.cell === label.cell) return false;
  const weight = readScore(w.cell.text, t.indicators.columns.weight).value;
  return weight !== null && new Decimal(weight).gte(weightsAbove);
}

/** `sum` plus the row's 分值 (its own cell), or null once the block has no 分值 column. */
function addWeight(sum: Decimal | null, table: DocTable, r: number, cols: IndicatorColumns, t: Template): Decimal | null {
  if (sum === null || cols.weight === undefined) return null;
  const cell = table.rows[r]?.[cols.weight];
  if (!cell || cell.origin.row !== r) return sum;
  const weight = readScore(cell.text, t.indicators.columns.weight).value;
  return weight === null ? sum : sum.plus(weight);
}

/** The next row item after `i`, or -1. */
function nextRow(items: Item[], i: number): number {
  for (let j = i + 1; j < items.length; j++) if (items[j].kind === 'row') return j;
  return -1;
}

/** A cell whose first paragraph is the narrative's heading (五、评价报告综述（文字部分）). */
function startsNarrative(paragraphs: string[], t: Template): boolean {
  const first = paragraphs.find((p) => p.trim() !== '');
  return first !== undefined && isNarrativeHeading(first, t);
}

/** The rows of the form's fund block, from its header row to its last line. */
export interface RowSpan {
  table: DocTable;
  from: number;
  to: number;
  /** The last grid column the block uses, where known: an indicator table may stand right of it. */
  toCol?: number;
}

function inSpan(it: Item & { kind: 'row' }, spans: readonly RowSpan[]): boolean {
  return spans.some((span) => it.table === span.table && it.r >= span.from && it.r <= span.to);
}

/** A row of a block of another kind (年度主要任务 | 任务名称 | …): one of its cells is that block's label. */
function opensOtherBlock(table: DocTable, r: number, t: Template, fromCol?: number): boolean {
  return cellsFrom(table, r, fromCol).some((rc) => matchesExactly(rc.label, t.tasks.anchors));
}

/** The indicator header in a row of another block, right of the columns that block uses
 *  (the two tables printed side by side on the same rows): its columns and first column. */
function headerBeside(it: Item & { kind: 'row' }, spans: readonly RowSpan[], t: Template): { columns: IndicatorColumns; fromCol: number } | null {
  const span = spans.find((s) => it.table === s.table && it.r >= s.from && it.r <= s.to);
  if (span?.toCol === undefined) return null;
  const columns = indicatorColumnsFrom(it.table, it.r, t, span.toCol + 1);
  if (!isIndicatorHeader(columns)) return null;
  return { columns, fromCol: firstColumn(columns) };
}

/** Where an indicator header starts: its first level or name column. */
function firstColumn(cols: IndicatorColumns): number {
  return Math.min(...[cols.level1, cols.level2, cols.name].filter((c): c is number => c !== undefined));
}

/** Points two column edges may differ by and still be one rule (pdf-layout's frame tolerance). */
const EDGE_TOLERANCE = 3;

/** A PDF table's column edges across the page, from its cells' boxes: xs[c] the left edge
 *  of grid column c, xs[width] the right edge of the last; null where a column has no
 *  cell starting at it, or the table has no boxes (DOCX, XLSX). */
function columnEdges(table: DocTable): number[] | null {
  const width = table.rows[0]?.length ?? 0;
  const xs: (number | undefined)[] = new Array(width + 1).fill(undefined);
  for (const row of table.rows) {
    row.forEach((cell, c) => {
      const box = cell.boxes?.[0];
      if (!box) return;
      if (cell.origin.col === c && xs[c] === undefined) xs[c] = box.x0;
      if (cell.origin.col + cell.colSpan === width && xs[width] === undefined) xs[width] = box.x1;
    });
  }
  return width > 0 && xs.every((x) => x !== undefined) ? (xs as number[]) : null;
}

/** The first and last page a table's cells are on. */
function pageRange(table: DocTable): [number, number] | null {
  const pages = table.rows.flatMap((row) => row.map((c) => c.page)).filter((p): p is number => p !== null);
  return pages.length ? [Math.min(...pages), Math.max(...pages)] : null;
}

/**
 * The block's columns in `next`, a table on a later page of a PDF that goes on with `table`
 * under another grid (the pages' tables are laid out apart where a repeated title or head
 * stands between them, and a page without the fund block shows fewer column rules): it
 * does where every column edge of `next` is one of `table`'s and every column the block
 * reads starts at an edge of `next` — the same ruled columns, fewer of them. Null otherwise.
 */
function columnsOnNextPage(table: DocTable, next: DocTable, cols: IndicatorColumns): IndicatorColumns | null {
  const here = pageRange(table), there = pageRange(next);
  if (!here || !there || there[0] <= here[1]) return null;
  const xs = columnEdges(table), nextXs = columnEdges(next);
  if (!xs || !nextXs) return null;
  const near = (a: number, b: number) => Math.abs(a - b) <= EDGE_TOLERANCE;
  if (!nextXs.every((x) => xs.some((e) => near(e, x)))) return null;
  const moved: IndicatorColumns = {};
  for (const [key, c] of Object.entries(cols) as [IndicatorColumn, number][]) {
    const at = nextXs.slice(0, -1).findIndex((x) => near(x, xs[c]));
    if (at < 0) return null;
    moved[key] = at;
  }
  return moved;
}

/** Finds and reads the indicator block among the segment's items, wherever it stands
 *  beside the fund block: below it, or above it (the fund block printed after the
 *  indicators, before the 总分 row). `others` are the rows of the form's blocks of
 *  budget | actual columns — the fund block, and the header of any other (年度主要任务).
 *  Their rows are neither its header nor its rows, and where one of them, or a block
 *  of another kind, begins, the indicator rows end: below it only a new indicator
 *  header brings them back, and the block goes on past it to its 总分 row. Printed beside
 *  such a block, on its rows and right of its columns, the block reads its own columns
 *  only, from its header down to its 总分 row. */
export function readIndicatorBlock(items: Item[], t: Template, others: readonly RowSpan[]): IndicatorBlock | null {
  let start = -1;
  let columns: IndicatorColumns = {};
  let fromCol: number | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== 'row') continue;
    if (inSpan(it, others)) {
      const beside = headerBeside(it, others, t);
      if (!beside) continue;
      start = i;
      columns = beside.columns;
      fromCol = beside.fromCol;
      break;
    }
    const cols = indicatorColumns(it.table, it.r, t);
    if (isIndicatorHeader(cols)) {
      start = i;
      columns = cols;
      break;
    }
  }
  if (start < 0) return null;
  const head = items[start] as Item & { kind: 'row' };
  const block: IndicatorBlock = { table: head.table, headerRow: head.r, columns, rows: [], total: null, endItem: start, ...(fromCol !== undefined ? { fromCol } : {}) };
  const own = fromCol !== undefined ? { fromCol } : {};
  const ends = endLabels(t);
  let table = head.table;
  let cols = columns;
  let goal = goalLabelOf(head.table, head.r, t);
  // Under another block (the fund block, 年度主要任务): its rows are no indicators.
  let underOther = false;
  // The indicator rows' weights so far: a noisy 总分 label's row covers them all.
  let weightsAbove: Decimal | null = new Decimal(0);
  for (let i = start + 1; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== 'row') continue;
    if ((fromCol === undefined && inSpan(it, others)) || opensOtherBlock(it.table, it.r, t, fromCol)) {
      underOther = true;
      continue;
    }
    if (it.table !== table) {
      if (fromCol !== undefined) break; // a block beside another ends with its table
      // The table goes on in another one (a PDF page): its own header row, or the same grid width.
      const again = indicatorColumns(it.table, it.r, t);
      if (isIndicatorHeader(again)) {
        underOther = false;
        table = it.table;
        cols = again;
        goal = goalLabelOf(it.table, it.r, t) ?? goal;
        block.endItem = i;
        continue;
      }
      if (it.table.rows[0]?.length !== table.rows[0]?.length) {
        // A PDF page's table of another grid (its page showed fewer columns: no fund
        // block there to cut them) goes on with the block where its columns stand where
        // the block's do: read by place, not by grid index.
        const moved = columnsOnNextPage(table, it.table, cols);
        if (!moved) break;
        cols = moved;
      }
      table = it.table;
    }
    const here = indicatorColumnsFrom(it.table, it.r, t, fromCol ?? 0);
    if (isIndicatorHeader(here)) {
      underOther = false;
      cols = here; // a repeated header row, or the next goal block's
      goal = goalLabelOf(it.table, it.r, t) ?? goal;
      block.endItem = i;
      continue;
    }
    if (isTotalRow(it.table, it.r, t, fromCol, cols, weightsAbove)) {
      // The indicators' own 合计 (90 | 89) right above the form's 总分 (100 | 98.75): the later row is the total.
      const j = nextRow(items, i);
      const next = j >= 0 ? (items[j] as Item & { kind: 'row' }) : null;
      const at = next && next.table === it.table && isTotalRow(next.table, next.r, t, fromCol, cols, weightsAbove) ? j : i;
      const row = (items[at] as Item & { kind: 'row' }).r;
      block.total = { table: it.table, row, columns: cols, ...own };
      block.endItem = at;
      break;
    }
    if (cellsFrom(it.table, it.r, fromCol).some((rc) => matchesExactly(rc.label, ends) || startsNarrative(rc.cell.paragraphs, t))) break;
    if (underOther) continue;
    block.rows.push({ table: it.table, row: it.r, columns: cols, ...(goal ? { goal } : {}), ...own });
    block.endItem = i;
    weightsAbove = addWeight(weightsAbove, it.table, it.r, cols, t);
  }
  return block;
}
