// The fund block (整体资金 / 项目资金): its header row found by its column labels,
// columns mapped by header text, fund lines found by their row labels and the
// 资金来源 / 资金结构 group label beside them.
import type { DocTable } from '../model/document.js';
import type { FundColumn } from '../model/record.js';
import { isBlankCell, readMoney, readScore, squeeze } from '../normalize/cell.js';
import { rowCells, type RowCell } from './grid.js';
import { besideHeaderStart } from './indicator-block.js';
import { bestKey, bestKeyCached, labelHead, listMark, MAX_LABEL_LENGTH, matches, matchesExactly, normLabel, printedWeight, unmarked, type ListMark } from './labels.js';
import { readScoreBand, type BandReading } from './score-band.js';
import type { FundGroup, Template } from './template-schema.js';

export interface FundLineAt {
  group: FundGroup;
  key: string;
  row: number;
  /** A line printed with one amount of its own, outside the block's columns: as
   *  "label:amount" inside a text cell (Hunan: "其中:基本支出:900.47"), or as a label |
   *  amount pair beside the other group's (一般公共预算 | 2,388.90 | 基本支出 | 1,566.30).
   *  That amount is the line's 全年执行数 (`actual`), the only column it has. */
  textCell?: { col: number; raw: string; amount: string };
  /** The row label as printed (whitespace removed), for messages about lines a template adds. */
  label: string;
  /** How the printed label places the line in its list (其中, numbering, indent): rows only. */
  mark?: ListMark;
  /** The key of the line this one breaks down (其中：本级 under （1）财政拨款): a part of
   *  that line, not of its group's total. Sources only; absent for a line of the total. */
  parent?: string;
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
  /** The fund weight printed in a label when the block has no 分值 column: the score
   *  header 得分(20分*执行率) or the anchor 预算执行情况（万元）(20分) (rules.md check 33). */
  headerWeight: { value: string; row: number; col: number; raw: string } | null;
  /** The note the form prints in the reason column (see printedNote): no line's reason. */
  note: { row: number; col: number } | null;
  /** The scoring band the form prints for the fund score (scoreBandOf), and where. */
  scoreBand: (BandReading & { printed: 'header' | 'note' }) | null;
}

/** The first of the cells that prints a weight (得分(20分*执行率)), with where it stands. */
function weightPrintedIn(cells: RowCell[]): FundBlock['headerWeight'] {
  for (const rc of cells) {
    const value = printedWeight(rc.cell.text);
    if (value) return { value, row: rc.cell.origin.row, col: rc.col, raw: rc.cell.text };
  }
  return null;
}

/** Maps the header row's cells to fund columns by meaning (labels.ts bestKey). The
 *  block's own label (项目资金（万元）, 预算执行情况) is no column. Where two cells claim
 *  one column, a cell equal to a known label beats one that only contains a telling
 *  word, then the cell whose cells below hold numbers beats a label column's heading
 *  ("年度预算数（万元）" over the line names), then the leftmost. Cells from `endCol` on
 *  are another block's (an indicator table printed beside the fund block). */
export function fundColumns(table: DocTable, r: number, t: Template, endCol = Infinity): Partial<Record<FundColumn, number>> {
  const best: Partial<Record<FundColumn, { col: number; exact: boolean; numeric: number }>> = {};
  for (const rc of rowCells(table, r)) {
    if (rc.col >= endCol) break;
    if (!rc.label || matches(rc.label, t.fund.anchors)) continue;
    const label = columnLabel(rc, t);
    const key = bestKeyCached<FundColumn>(label, t.fund.columns, t.fund.ignoreColumns);
    if (!key) continue;
    const exact = Object.values(t.fund.columns).some((list) => list?.includes(label));
    const prev = best[key];
    if (!prev) {
      best[key] = { col: rc.col, exact, numeric: -1 };
      continue;
    }
    if (prev.exact !== exact) {
      if (exact) best[key] = { col: rc.col, exact, numeric: -1 };
      continue;
    }
    if (prev.numeric < 0) prev.numeric = numericBelow(table, r, prev.col);
    const numeric = numericBelow(table, r, rc.col);
    if (numeric > prev.numeric) best[key] = { col: rc.col, exact, numeric };
  }
  const cols: Partial<Record<FundColumn, number>> = {};
  for (const [k, v] of Object.entries(best) as [FundColumn, { col: number }][]) cols[k] = v.col;
  return cols;
}

/** The label a header cell is matched by: the whole label, or where it is too long to be
 *  one and means nothing, its head — a header that prints its scoring band under its name
 *  ("得分（执行率≥95%得10分；90%（含）-95%得8分；…）") is that name's column. */
function columnLabel(rc: RowCell, t: Template): string {
  if (rc.label.length <= MAX_LABEL_LENGTH || bestKeyCached<FundColumn>(rc.label, t.fund.columns, t.fund.ignoreColumns)) return rc.label;
  return labelHead(rc.cell.text) || rc.label;
}

/** Longest text taken for an unknown fund line's label. */
const MAX_LINE_LABEL = 20;

/** A budget or actual cell of the row holds an amount. */
function holdsAmounts(table: DocTable, r: number, columns: Partial<Record<FundColumn, number>>): boolean {
  return (['budget', 'actual'] as const).some((k) => {
    const col = columns[k];
    const cell = col === undefined ? undefined : table.rows[r]?.[col];
    return !!cell && cell.origin.row === r && readMoney(cell.text).value !== null;
  });
}

/** A second header row under cells spanning several columns (预算数 over 年初 | 全年):
 *  a lower cell that names a column alone keeps its own meaning — the cell over it only
 *  groups columns ("评分" over 分值 | 执行率 | 得分, "执行情况" over 全年执行数 | 执行率); one
 *  that does not means its parent's label with its own ("预算数" + "全年" → budget). The
 *  parents that group lower cells are no columns themselves (`groups`: their grid columns).
 *  Null when the row below holds a figure or no such cell. */
function subHeaderColumns(table: DocTable, r: number, t: Template): { columns: Partial<Record<FundColumn, number>>; groups: Set<number> } | null {
  const below = rowCells(table, r + 1).filter((rc) => rc.cell.origin.row === r + 1 && rc.label !== '');
  if (below.length < 2 || below.some((rc) => readScore(rc.cell.text).value !== null)) return null;
  const columns: Partial<Record<FundColumn, number>> = {};
  const groups = new Set<number>();
  for (const rc of below) {
    const parent = rowCells(table, r).find((p) => p.col <= rc.col && p.lastCol >= rc.lastCol && p.lastCol > p.col);
    if (!parent) continue;
    const key =
      bestKeyCached<FundColumn>(rc.label, t.fund.columns, t.fund.ignoreColumns) ??
      bestKey<FundColumn>(normLabel(parent.cell.text + rc.cell.text), t.fund.columns, t.fund.ignoreColumns);
    if (!key) continue;
    groups.add(parent.col);
    if (columns[key] === undefined) columns[key] = rc.col;
  }
  return Object.keys(columns).length ? { columns, groups } : null;
}

/** How many of the next rows hold a number in this column (money, rate, score). */
function numericBelow(table: DocTable, r: number, col: number): number {
  let n = 0;
  for (let row = r + 1; row < Math.min(table.rows.length, r + 9); row++) {
    const cell = table.rows[row]?.[col];
    if (cell && cell.origin.row === row && readScore(cell.text).value !== null) n++;
  }
  return n;
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
  // The indicator table's header printed on the same row, right of the fund block's: its
  // 分值 and 得分 are not the fund block's.
  const columns = fundColumns(table, headerRow, t, besideHeaderStart(table, headerRow, t) ?? Infinity);
  const subHeader = subHeaderColumns(table, headerRow, t);
  if (subHeader) {
    // A group's label read as a column (评分 → score) gives way to the columns under it.
    for (const [k, col] of Object.entries(columns) as [FundColumn, number][]) if (subHeader.groups.has(col) && subHeader.columns[k] === undefined) delete columns[k];
    Object.assign(columns, subHeader.columns);
  }
  if (columns.budget === undefined || columns.actual === undefined) return null;
  const firstValueCol = Math.min(...Object.values(columns));
  const anchor = findAnchor(table, headerRow, firstValueCol, t);
  const stops = stopLabels(t);
  const lines: FundLineAt[] = [];
  const firstLineRow = headerRow + (subHeader ? 2 : 1);
  // A vertically merged anchor cell (整体资金 to the left of every line) bounds the block;
  // one merged down over the header rows alone (项目资金（万元） beside the two-row header
  // 预算执行情况 | 评分 over 年初预算数 … 得分) names the header, and bounds nothing.
  const anchorBottom = anchor ? anchor.cell.origin.row + anchor.cell.rowSpan - 1 : -1;
  const anchorEnd = anchor && anchor.cell.rowSpan > 1 && anchorBottom >= firstLineRow ? anchorBottom : null;
  let group: FundGroup = 'sources';
  let endRow = headerRow;
  const textGroups = new Map<number, FundGroup>();
  const sides = new Map<number, FundGroup>();
  // Each line read from a row by the label that names it (group|label), for the rows that print
  // that label as their parent; and the lines read under such a parent, with the parent's key.
  const parentKeys = new Map<string, { group: FundGroup; key: string }>();
  const underParent = new Map<FundLineAt, string>();
  const placeUnder = (line: FundLineAt, label: string, partOf: { group: FundGroup; key: string } | undefined): void => {
    const named = `${line.group}|${label}`;
    if (!parentKeys.has(named)) parentKeys.set(named, { group: line.group, key: line.key });
    if (partOf && partOf.group === line.group && partOf.key !== line.key) underParent.set(line, partOf.key);
  };
  for (let r = firstLineRow; r < table.rows.length; r++) {
    if (anchorEnd !== null && r > anchorEnd) break;
    const inText = textCellLines(table, r, t, lines, textGroups);
    if (inText.length) {
      lines.push(...inText);
      endRow = r;
      continue;
    }
    const labelCells = rowCells(table, r).filter((rc) => rc.col < firstValueCol && rc.label !== '');
    const labels = labelCells.filter((rc) => !isAnchorCell(rc, anchor, t));
    if (labels.some((rc) => matchesExactly(rc.label, stops))) break;
    const paired = sideBySideLines(table, r, t, firstValueCol, lines, sides);
    if (paired) {
      lines.push(...paired);
      endRow = r;
      continue;
    }
    let lineLabel: string | null = null;
    let lineCell: RowCell | null = null;
    let explicitGroup: FundGroup | null = null;
    // The line's label printed left of the row's own label cell (基本支出 merged down over 小计 /
    // 人员经费 / 公用经费, or repeated on each row of a flat export): the line the row belongs to.
    // Only a cell right of the group's label (资金结构 | 基本支出 | 小计) is one.
    let outer: RowCell | null = null;
    let prior: RowCell | null = null;
    for (const rc of labels) {
      const g = groupOf(rc.label, t);
      if (g) {
        explicitGroup = g;
        prior = null;
        continue;
      }
      outer = prior;
      const split = splitGroupPrefix(rc.label, t);
      if (split) {
        explicitGroup = split.group;
        lineLabel = split.rest;
      } else lineLabel = rc.label;
      lineCell = rc;
      prior = split ? null : rc;
    }
    if (explicitGroup) group = explicitGroup;
    // Under a parent label, the row's own 小计 / 合计 is the parent line itself (基本支出's amounts,
    // not the group's total); any other row label names a part of the parent line.
    let partOf: { group: FundGroup; key: string } | undefined;
    const parent = outer && lineLabel ? parentLabel(outer, group, lines, t) : null;
    if (parent && lineLabel) {
      if (bestKey(unmarked(lineLabel, t.fund.breakdown), t.fund.lines[group] ?? {}) === 'total') {
        lineCell = outer;
        lineLabel = (outer as RowCell).label;
      } else partOf = parentKeys.get(parent);
    }
    const mark = lineCell ? rowMark(table, r, firstValueCol, lineCell, anchor, t) : undefined;
    if (lineLabel) lineLabel = unmarked(lineLabel, t.fund.breakdown);
    const key: { group: FundGroup; key: string } | null = lineLabel ? lineKeyFor(lineLabel, group, explicitGroup !== null, lines, t) : null;
    if (!key) {
      if (explicitGroup && !lineLabel) {
        endRow = r;
        continue; // a row holding only 资金来源 / 资金结构
      }
      // A row under which the block's own lines go on (a line the block has not read yet, or
      // the other group's label) is inside the block: it never ends it, and what follows it is
      // read (项目支出 under 基本支出's 其中：工资福利支出 list).
      const inside = anchorEnd !== null || blockGoesOn(table, r, firstValueCol, anchor, lines, group, stops, t);
      if (lineLabel && holdsAmounts(table, r, columns) && (group === 'sources' || !knownLine(lineLabel, t))) {
        // A line the lexicon does not know (中央衔接资金, 省级资金; 工资福利支出, “三公”经费)
        // that holds amounts: read under a numbered key, named as printed — a source is a
        // part of the total; a use only where it is printed in the block's list (the block's
        // lines go on below it, or it is marked as a breakdown, indented or numbered on).
        const short = lineLabel.length <= MAX_LINE_LABEL;
        const listed = group === 'sources' ? short : inside || (short && inUsesList(mark, lineLabel, lines, t));
        if (listed) {
          const line: FundLineAt = { group, key: nextExtraKey(lines, group), row: r, label: lineLabel, mark };
          lines.push(line);
          placeUnder(line, lineLabel, partOf);
          endRow = r;
          continue;
        }
      }
      if (inside) continue; // a row inside the block that is no line (a sub-header, a note)
      break;
    }
    group = key.group;
    const line: FundLineAt = { group: key.group, key: key.key, row: r, label: lineLabel as string, mark };
    lines.push(line);
    placeUnder(line, lineLabel as string, partOf);
    endRow = r;
  }
  // A line printed under a parent label is placed by it, not by its list mark: a source is a
  // part of the parent line (一般公共预算 under 财政拨款's 小计, not of 年度资金总额); a use the
  // lexicon does not know likewise, while 人员经费 / 公用经费 keep the meaning the lexicon gives
  // them (基本支出's parts, check 2), as nestUses leaves them.
  assignParents(lines.filter((l) => l.group === 'sources' && l.mark && !underParent.has(l)));
  nestUses(lines.filter((l) => l.group === 'uses' && l.mark && !underParent.has(l)), t);
  for (const [line, key] of underParent) if (line.group === 'sources' || isExtra(line)) line.parent = key;
  let headerWeight: FundBlock['headerWeight'] = null;
  if (columns.weight === undefined) {
    const header = rowCells(table, headerRow);
    const scoreCell = header.filter((rc) => rc.col === columns.score);
    headerWeight = weightPrintedIn(scoreCell) ?? (anchor ? weightPrintedIn([anchor]) : null);
  }
  const scoreBand = scoreBandOf(table, headerRow, endRow, columns.score, t);
  return { table, headerRow, columns, anchor, lines, endRow, headerWeight, note: printedNote(table, lines, columns.reason, t), scoreBand };
}

/** The parent a label cell printed left of a row's own label names (its `group|label`, as
 *  parentKeys holds it), or null where the cell is no line's label: a bare breakdown marker
 *  (其中 merged down beside its list), a figure, or a word meaning the group's total. A label
 *  the lexicon does not know is a parent only once the group's total has been read: before
 *  it, a 合计 / 小计 beside it is the group's own total (支出 | 合计). */
function parentLabel(rc: RowCell, group: FundGroup, lines: readonly FundLineAt[], t: Template): string | null {
  if (!NAMING.test(rc.label) || (listMark(rc.label, t.fund.breakdown).breakdown && unmarked(rc.label, t.fund.breakdown) === rc.label)) return null;
  const label = unmarked(rc.label, t.fund.breakdown);
  const key = bestKey(label, t.fund.lines[group] ?? {});
  if (key === 'total') return null;
  if (!key && !lines.some((l) => l.group === group && l.key === 'total')) return null;
  return `${group}|${label}`;
}

/** The scoring band the form prints for the fund score: under the 得分 header's name
 *  ("得分（执行率≥95%得10分；…）"), else in a note row right under the block worded as the
 *  template's notes ("注：预算执行率得分按…"). Only a block with a score column has one. */
function scoreBandOf(table: DocTable, headerRow: number, endRow: number, scoreCol: number | undefined, t: Template): FundBlock['scoreBand'] {
  const words = t.fund.scoreBand;
  if (scoreCol === undefined || !words) return null;
  const head = table.rows[headerRow]?.[scoreCol];
  const inHeader = head ? readScoreBand(head.text, words) : null;
  if (inHeader) return { ...inHeader, printed: 'header' };
  for (const rc of rowCells(table, endRow + 1)) {
    if (rc.cell.origin.row !== endRow + 1) continue;
    if (!isTemplateNote(rc.cell.text, t)) continue;
    const band = readScoreBand(rc.cell.text, words);
    if (band) return { ...band, printed: 'note' };
  }
  return null;
}

/** A label cell that is the block's own label, not a line's: the anchor found, a cell
 *  saying an anchor's word, or one holding it merged down the lines' left. A line's label
 *  that only contains one ("一般公共预算资金" holds 预算资金) is the line's. */
function isAnchorCell(rc: RowCell, anchor: RowCell | null, t: Template): boolean {
  if (rc === anchor || rc.cell === anchor?.cell) return true;
  return matchesExactly(rc.label, t.fund.anchors) || (rc.cell.rowSpan > 1 && matches(rc.label, t.fund.anchors));
}

/** The list mark of a line: its label's, or where the label has no breakdown marker, that
 *  of a marker printed in a cell of its own left of it ("其中" merged down the breakdown's
 *  rows, each row under it marked alike). */
function rowMark(table: DocTable, r: number, firstValueCol: number, lineCell: RowCell, anchor: RowCell | null, t: Template): ListMark {
  const own = listMark(lineCell.cell.text, t.fund.breakdown);
  if (own.breakdown) return own;
  for (const rc of rowCells(table, r)) {
    if (rc.col >= lineCell.col || rc.col >= firstValueCol || isAnchorCell(rc, anchor, t)) continue;
    const left = listMark(rc.cell.text, t.fund.breakdown);
    if (left.breakdown && left.marker) return { ...own, breakdown: true, marker: left.marker };
  }
  return own;
}

/** A source line in the list being read: its mark, and whether it stands in a 其中 list
 *  (marked 其中, or an unmarked line continuing one). */
interface ListEntry {
  line: FundLineAt;
  mark: ListMark;
  inBreakdown: boolean;
}

/** Sets each source line's parent from how the form prints its list, the way a reader
 *  of the form nests it: a 其中 line (or 含：, —, ·: the lexicon's fund.breakdown) breaks
 *  down the line above it (a second one marked alike right after it is its sibling, see
 *  breakdownDepth); a numbering style already open goes back to that
 *  level, a new style numbered 1 (① under （1）) opens a level under the line above, a new
 *  style numbered further goes on beside it (a clerk's mixed numbering); an
 *  unmarked line continues a 其中 list where the list's parent is numbered (so its end
 *  would be marked) or where it is indented, and otherwise returns to the parent's
 *  level. Lines under the total (年度资金总额；其中：当年财政拨款；上年结转资金) are its
 *  parts: the total is the list's root, and a line at the first level has no parent. */
function assignParents(lines: FundLineAt[]): void {
  let chain: ListEntry[] = []; // the previous line and its ancestors, outermost first
  for (const line of lines) {
    if (line.key === 'total') {
      chain = [];
      continue;
    }
    const mark = line.mark as ListMark;
    const depth = listDepth(chain, mark);
    const prev = chain[chain.length - 1];
    const inBreakdown = mark.breakdown || (!mark.numbering && depth === chain.length - 1 && depth > 0 && !!prev?.inBreakdown);
    chain = [...chain.slice(0, depth), { line, mark, inBreakdown }];
    if (depth > 0) line.parent = chain[depth - 1].line.key;
  }
}

/** Where in `chain` (the previous line's ancestry) a line with this mark stands: its index. */
function listDepth(chain: ListEntry[], mark: ListMark): number {
  const last = chain.length - 1;
  const prev = chain[last];
  if (!prev) return 0;
  if (mark.breakdown) return breakdownDepth(chain, mark);
  if (mark.numbering) {
    const open = chain.findIndex((e) => e.mark.numbering?.style === mark.numbering?.style);
    if (open >= 0) return open;
    return mark.numbering.first ? chain.length : last;
  }
  if (last === 0) return 0;
  if (mark.indented) {
    // Its words stand where a line's above do: that line's sibling (a clerk lines a list up by its words).
    for (let i = last; i >= 0; i--) if (Math.abs(chain[i].mark.wordsAt - mark.wordsAt) <= 0.5) return i;
  }
  const parent = chain[last - 1];
  return prev.inBreakdown && (parent.mark.numbering || mark.indented) ? last : last - 1;
}

/** Where a breakdown line stands: under the line above unless that line is itself a
 *  breakdown printed as deep; beside the nearest line marked alike at its place ("其中：人员
 *  / 其中：公用", "—中央 / -省级"); under the line above when its marker is another group's
 *  ("含：" under "其中：财政资金") or printed deeper ("　　其中:" under "其中："). */
function breakdownDepth(chain: ListEntry[], mark: ListMark): number {
  const last = chain.length - 1;
  const own = mark.marker as NonNullable<ListMark['marker']>;
  const prev = chain[last].mark.marker;
  if (!chain[last].mark.breakdown || !prev || own.at > prev.at) return chain.length;
  for (let i = last; i >= 0; i--) {
    const m = chain[i].mark.marker;
    if (m && m.style === own.style && m.at === own.at) return i;
  }
  if (own.at < prev.at) {
    // printed shallower: beside the nearest breakdown printed no deeper
    for (let i = last; i >= 0; i--) {
      const m = chain[i].mark.marker;
      if (m && m.at <= own.at) return i;
    }
    return last;
  }
  return chain.length;
}

/** The reason column's one cell merged down over every line of the block, worded as the
 *  template's instructions (需说明原因, (100字以内), 预算执行率=预算执行数/调整后预算数 —
 *  the lexicon's fund.notes): the note the form prints for the column (Sichuan's
 *  510000_0013zp), which no line owns — not a clerk's reason, so neither read as the
 *  total's reason (it would stand for one where check 17 asks for it) nor taken by check 19
 *  for instructions left in a cell meant to be filled. A reason the clerk wrote over all
 *  the lines, in the clerk's words, stays the total's. */
function printedNote(table: DocTable, lines: FundLineAt[], col: number | undefined, t: Template): FundBlock['note'] {
  if (col === undefined || lines.length < 2) return null;
  const rows = lines.map((l) => l.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const cell = table.rows[first]?.[col];
  if (!cell || first === last || cell.origin.row !== first || cell.origin.row + cell.rowSpan - 1 < last) return null;
  return isTemplateNote(cell.text, t) ? { row: first, col } : null;
}

/** A cell worded as the template's instructions (the lexicon's fund.notes), not a clerk's entry. */
function isTemplateNote(text: string, t: Template): boolean {
  const s = squeeze(text);
  return t.fund.notes.some((re) => re.test(s));
}

/** "按收入性质分:2030.12" / "其中: 一般公共预算:1325.68" / "纳入专户管理的非税收入拨款:". */
const TEXT_LINE = /^(?:其中[:：]?)?([^:：]{2,30})[:：]\s*([-−]?[0-9][0-9,.]*)?\s*(?:万元|元)?$/;
/** A printed line that is only an amount ("2030.12", "558.62万元"): the rest of a pair whose amount wrapped. */
const AMOUNT_ONLY = /^[-−]?[0-9][0-9,.]*(?:万元|元)?$/;
/** A printed line that is only the breakdown marker ("其中："): it heads the pair under it. */
const MARKER_ONLY = /^其中[:：]?$/;

/** The "label:amount" pairs a text cell prints, in order: one pair for the whole cell
 *  (its label may wrap over lines), else one per printed line ("其中：一般公共预算：1325.68
 *  ⏎ 政府性基金拨款：118.82"). A line ending at its colon is a pair whose amount is blank,
 *  never the next line's ("纳入专户管理的非税收入拨款： ⏎ 其他资金：558.62"); a line holding
 *  only an amount finishes the pair above it that has none yet (its amount wrapped); a line
 *  with no colon heads the line under it (a label wrapped). Null when the cell is anything
 *  else: one line read as no pair makes the cell no text-cell lines at all. */
function textCellPairs(text: string): { label: string; amount: string | undefined }[] | null {
  const whole = TEXT_LINE.exec(squeeze(text));
  if (whole) return [{ label: whole[1], amount: whole[2] }];
  const segments: string[] = [];
  let head = '';
  for (const printed of text.split('\n')) {
    const line = squeeze(printed);
    if (!line) continue;
    const last = segments.length - 1;
    if (!head && last >= 0 && /[:：]$/.test(segments[last]) && AMOUNT_ONLY.test(line)) segments[last] += line;
    else if (MARKER_ONLY.test(line) || !/[:：]/.test(line)) head += line;
    else {
      segments.push(head + line);
      head = '';
    }
  }
  if (head || segments.length < 2) return null;
  const pairs: { label: string; amount: string | undefined }[] = [];
  for (const seg of segments) {
    const m = TEXT_LINE.exec(seg);
    if (!m) return null;
    pairs.push({ label: m[1], amount: m[2] });
  }
  return pairs;
}

/** Fund lines printed as "label:amount" text cells, side by side: a group label's pair
 *  (按收入性质分 / 按支出性质分) is that group's total and claims the cells below it. A cell
 *  may print several pairs, one a line (textCellPairs): each is a line of its own. A pair
 *  goes to the group its label means (基本支出 is a use), a label both groups know (合计) to
 *  the group of its column; an unknown source holding an amount (中央补助资金:50.00) to a
 *  numbered key, named as printed. */
function textCellLines(table: DocTable, r: number, t: Template, seen: FundLineAt[], groups: Map<number, FundGroup>): FundLineAt[] {
  const out: FundLineAt[] = [];
  const has = (group: FundGroup, key: string) => seen.some((l) => l.group === group && l.key === key) || out.some((l) => l.group === group && l.key === key);
  for (const rc of rowCells(table, r)) {
    if (rc.cell.origin.row !== r) continue;
    const pairs = textCellPairs(rc.cell.text);
    if (!pairs) continue;
    for (const pair of pairs) {
      const label = normLabel(pair.label);
      let group = groupOf(label, t);
      let key: string | null = group ? 'total' : null;
      if (group) {
        for (let c = rc.col; c <= rc.lastCol; c++) groups.set(c, group);
        // "按支出性质分：" with no amount: the group's sub-header, no line of its own.
        if (pair.amount === undefined) continue;
      } else {
        const column = groups.get(rc.col);
        if (!column) continue;
        const meaning = lineMeaning(label, t);
        group = meaning.meant ?? column;
        key = keyOrExtra(group, meaning.keys[group], label, pair.amount, [...seen, ...out]);
      }
      if (!key || has(group, key)) continue;
      out.push({ group, key, row: r, label: pair.label, textCell: { col: rc.col, raw: rc.cell.text, amount: pair.amount ?? '' } });
    }
  }
  return out;
}

/** The numbered key of the group's next line the lexicon does not know: extra1, extra2 … */
function nextExtraKey(lines: readonly FundLineAt[], group: FundGroup = 'sources'): string {
  return `extra${lines.filter((l) => l.group === group && isExtra(l)).length + 1}`;
}

const EXTRA_KEY = /^extra\d+$/;

function isExtra(line: FundLineAt): boolean {
  return EXTRA_KEY.test(line.key);
}

/** A label either group's lexicon knows (a repeated 合计 is known: no line of its own). */
function knownLine(label: string, t: Template): boolean {
  return bestKey(label, t.fund.lines.sources ?? {}) !== null || bestKey(label, t.fund.lines.uses ?? {}) !== null;
}

/** A label the lexicon says is always a breakdown of a line above (工资福利支出, 三公经费). */
function isBreakdownLine(label: string, group: FundGroup, t: Template): boolean {
  return (t.fund.breakdownLines[group] ?? []).some((w) => label.includes(w));
}

/** A use the lexicon does not know is one of the block's lines where the form prints it in
 *  the uses list: as a breakdown (其中, indented), numbered on in a style the list already
 *  uses (（3）经营支出 after （2）项目支出), or worded as a breakdown (工资福利支出). */
function inUsesList(mark: ListMark | undefined, label: string, lines: readonly FundLineAt[], t: Template): boolean {
  if (isBreakdownLine(label, 'uses', t)) return true;
  if (!mark) return false;
  if (mark.breakdown || mark.indented) return true;
  const style = mark.numbering?.style;
  return !!style && lines.some((l) => l.group === 'uses' && l.mark?.numbering?.style === style);
}

/** Rows looked at below an unknown row for the block's lines going on. */
const LOOKAHEAD_ROWS = 12;

/** The block goes on below row `r`: before another block's label (a 年度主要任务 block's too),
 *  a row below names a line of the current group not read yet (项目支出 under a list the
 *  lexicon does not know), or a group. */
function blockGoesOn(table: DocTable, r: number, firstValueCol: number, anchor: RowCell | null, lines: readonly FundLineAt[], group: FundGroup, stops: string[], t: Template): boolean {
  for (let row = r + 1; row < Math.min(table.rows.length, r + 1 + LOOKAHEAD_ROWS); row++) {
    const cells = rowCells(table, row).filter((rc) => rc.col < firstValueCol && rc.label !== '');
    if (cells.some((rc) => matchesExactly(rc.label, stops) || matches(rc.label, t.tasks.anchors))) return false;
    for (const rc of cells) {
      if (rc.cell.origin.row !== row || isAnchorCell(rc, anchor, t)) continue;
      if (groupOf(rc.label, t) || splitGroupPrefix(rc.label, t)) return true;
      const key = bestKey(unmarked(rc.label, t.fund.breakdown), t.fund.lines[group] ?? {});
      if (key && !lines.some((l) => l.group === group && l.key === key)) return true;
    }
  }
  return false;
}

/** Nests the uses lines the lexicon does not know (extraN) the way the form's list prints
 *  them, as assignParents nests sources: 其中：工资福利支出 and the lines continuing it under
 *  （1）基本支出, 其中：“三公”经费 under 公用支出. A line worded as a breakdown (工资福利支出)
 *  that the list leaves at its first level is still a part of the line above it: the nearest
 *  line the lexicon knows (基本支出, or 合计 itself). The lines the lexicon knows keep the
 *  meaning it gives them (人员支出 and 公用支出 are 基本支出's parts, check 2): no parent. */
function nestUses(lines: FundLineAt[], t: Template): void {
  if (!lines.some(isExtra)) return;
  assignParents(lines);
  lines.forEach((line, i) => {
    if (!isExtra(line)) {
      delete line.parent;
      return;
    }
    if (line.parent || !isBreakdownLine(line.label, 'uses', t)) return;
    for (let j = i - 1; j >= 0; j--) {
      if (isExtra(lines[j])) continue;
      line.parent = lines[j].key;
      break;
    }
  });
}

/** What a printed line's label means: its key in each group's lexicon, and the one group
 *  that knows it (null where both or neither do: the line's column then decides). */
function lineMeaning(label: string, t: Template): { meant: FundGroup | null; keys: Record<FundGroup, string | null> } {
  const keys = { sources: bestKey(label, t.fund.lines.sources ?? {}), uses: bestKey(label, t.fund.lines.uses ?? {}) };
  return { meant: keys.sources && !keys.uses ? 'sources' : keys.uses && !keys.sources ? 'uses' : null, keys };
}

/** The line's key in `group`, or for a source the lexicon does not know printed with an
 *  amount (中央补助资金 | 50.00) a numbered key (`lines`: the lines read so far); else null. */
function keyOrExtra(group: FundGroup, key: string | null, label: string, amount: string | undefined, lines: readonly FundLineAt[]): string | null {
  if (key || group !== 'sources' || amount === undefined || label.length > MAX_LINE_LABEL || readMoney(amount).value === null) return key;
  return nextExtraKey(lines);
}

/** A cell that names something (holds a Chinese word), not a figure or a placeholder. */
const NAMING = /\p{Script=Han}/u;

/** A cell beside a label that is its amount: a figure, or blank (a line printed without one). */
function amountCell(rc: RowCell | undefined): boolean {
  return !!rc && (isBlankCell(rc.cell.text) || readMoney(rc.cell.text).value !== null);
}

/** Fund lines printed side by side as label | amount pairs, sources beside uses
 *  (按收入性质分 | | 按支出性质分 | over 一般公共预算 | 2,388.90 | 基本支出 | 1,566.30): the
 *  header's columns do not hold them; each pair's amount is its line's only one. A row
 *  is such a row when it prints both groups' labels side by side (a sub-header: it
 *  claims the columns below for its groups; a group label with an amount beside it is
 *  that group's total), when its pairs name a source and a use and one stands in a value
 *  column (the columns then claimed likewise), or when such a row stood above it. A line goes to the group its label means
 *  (基本支出 is a use whichever column it stands in); a label both groups know (合计) to
 *  the group of its column; an unknown source holding an amount to a numbered key. A
 *  pair's blank amount is read as blank, never as zero. Null when the row is no such row. */
function sideBySideLines(table: DocTable, r: number, t: Template, firstValueCol: number, seen: FundLineAt[], sides: Map<number, FundGroup>): FundLineAt[] | null {
  const cells = rowCells(table, r).filter((rc) => rc.cell.origin.row === r && !matches(rc.label, t.fund.anchors));
  const pairs: { label: RowCell; amount: RowCell; group: FundGroup | null; key: string | null; meant: boolean }[] = [];
  const groupCells: { rc: RowCell; group: FundGroup }[] = [];
  for (let i = 0; i < cells.length; i++) {
    const rc = cells[i];
    if (!NAMING.test(rc.label)) continue;
    const next = cells[i + 1];
    const amount = next && next.col === rc.lastCol + 1 && amountCell(next) ? next : null;
    const group = groupOf(rc.label, t);
    if (group) {
      groupCells.push({ rc, group });
      // 按收入性质分 | 2,688.90: the group's total; with no amount, only its sub-header.
      if (amount && readMoney(amount.cell.text).value !== null) pairs.push({ label: rc, amount, group, key: 'total', meant: false });
      continue;
    }
    if (!amount) return null; // a label with no amount beside it: no row of pairs
    const { meant, keys } = lineMeaning(rc.label, t);
    const lineGroup = meant ?? sides.get(rc.col) ?? null;
    pairs.push({ label: rc, amount, group: lineGroup, key: lineGroup ? keys[lineGroup] : null, meant: meant !== null });
  }
  const header = new Set(groupCells.map((g) => g.group)).size > 1;
  const meantBoth = pairs.some((p) => p.meant && p.group === 'sources') && pairs.some((p) => p.meant && p.group === 'uses');
  if (!header && !(sides.size > 0 && pairs.length > 0) && !(meantBoth && pairs.some((p) => p.label.col >= firstValueCol))) return null;
  // The columns a group's label (or, where none is printed, a line's meaning) claimed go on claiming the rows below.
  for (const { rc, group } of groupCells) for (let c = rc.col; c <= rc.lastCol; c++) sides.set(c, group);
  for (const p of pairs) if (p.meant) for (let c = p.label.col; c <= p.label.lastCol; c++) if (!sides.has(c)) sides.set(c, p.group as FundGroup);
  const out: FundLineAt[] = [];
  const has = (group: FundGroup, key: string) => seen.some((l) => l.group === group && l.key === key) || out.some((l) => l.group === group && l.key === key);
  for (const p of pairs) {
    if (!p.group) continue;
    const key = keyOrExtra(p.group, p.key, p.label.label, p.amount.cell.text, [...seen, ...out]);
    if (!key || has(p.group, key)) continue;
    out.push({ group: p.group, key, row: r, label: p.label.label, textCell: { col: p.amount.col, raw: p.amount.cell.text, amount: p.amount.cell.text } });
  }
  return out;
}

function lineKeyFor(label: string, group: FundGroup, groupPrinted: boolean, seen: FundLineAt[], t: Template): { group: FundGroup; key: string } | null {
  const inGroup = bestKey(label, t.fund.lines[group] ?? {});
  const other: FundGroup = group === 'sources' ? 'uses' : 'sources';
  const inOther = groupPrinted ? null : bestKey(label, t.fund.lines[other] ?? {});
  // Without a printed group label, a line the current group already has (a second
  // 合计) or a line only the other group knows (基本支出) starts the other group.
  const holder = inGroup ? seen.find((l) => l.group === group && l.key === inGroup) : undefined;
  if (inGroup && !holder) return { group, key: inGroup };
  if (inOther && !seen.some((l) => l.group === other && l.key === inOther)) return { group: other, key: inOther };
  // The line the lexicon names exactly (其他资金) takes its key from a line that only held it
  // by a word of its label (自筹资金 above it), which keeps its amounts under a numbered key.
  if (holder && namesExactly(label, group, inGroup!, t) && !namesExactly(holder.label, group, inGroup!, t)) {
    holder.key = nextExtraKey(seen);
    return { group, key: inGroup! };
  }
  return null; // a repeated line: not read twice
}

function namesExactly(label: string, group: FundGroup, key: string, t: Template): boolean {
  return (t.fund.lines[group]?.[key] ?? []).includes(label);
}

function findAnchor(table: DocTable, headerRow: number, firstValueCol: number, t: Template): RowCell | null {
  const candidates: RowCell[] = [...rowCells(table, headerRow)];
  if (headerRow > 0) candidates.push(...rowCells(table, headerRow - 1));
  if (headerRow + 1 < table.rows.length) candidates.push(...rowCells(table, headerRow + 1).filter((rc) => rc.col < firstValueCol));
  return candidates.find((rc) => matches(rc.label, t.fund.anchors)) ?? null;
}
