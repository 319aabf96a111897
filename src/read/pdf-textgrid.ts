// A table drawn without vertical rules (borders set to none, a 三线表, rules across only,
// an Excel sheet printed without gridlines): its columns are read from the text — the
// left edges many lines share, where cell text starts after the cell's padding — and
// its rows from the horizontal rules only. A table is read only where a rule parts every
// two lines that read as separate rows (rules across every row, as Q16 or a sheet printed
// with horizontal borders only): read without them (no borders, 三线表), one form in
// three came out wrong. The result is rules, drawn where the cells' sides would be, so
// pdf-grid builds the table as for a ruled one.
import type { HRule, Rules, VRule } from './pdf-rules.js';
import { findTables, type PageTable } from './pdf-grid.js';
import { continues, groupLines, runCentre, type TextRun } from './pdf-text.js';

/** A piece of one line: runs closer than this share of the font size are one cell's text. */
const PHRASE_GAP = 0.6;
/** Left edges this close (points) are one column start. */
const EDGE_TOLERANCE = 1.5;
/** Word's and LibreOffice's default cell padding (0.19 cm), where no rule shows it. */
const DEFAULT_PAD = 5.5;
/** A table needs this many columns and this many lines holding two cells or more. */
const MIN_COLUMNS = 3;
const MIN_TABLE_LINES = 3;

export interface Phrase { x: number; right: number; runs: TextRun[] }
export interface Line { top: number; bottom: number; size: number; phrases: Phrase[] }

/** Column starts a table on the page before was read with: a table going on over the
 *  page shows too few lines of some columns to find them again. */
export interface TextGrid { starts: number[]; left: number; right: number }

/**
 * The tables of a page that has text in columns but no vertical rules: rules inferred
 * from the text, then pdf-grid's tables. `carry`: the columns of an inferred table the
 * page before ends with. Empty where the page holds no such table (prose).
 */
export function inferTables(runs: readonly TextRun[], rules: Rules, page: number, carry?: TextGrid): { tables: PageTable[]; grid?: TextGrid; refused: boolean } {
  const lines = textLines(runs);
  if (lines.length === 0) return { tables: [], refused: false };
  const starts = columnStarts(lines, carry?.starts ?? []);
  const aligned = (p: Phrase) => starts.some((s) => Math.abs(p.x - s) <= EDGE_TOLERANCE);
  // a line of cells: two or more of its pieces start where columns start
  const multi = lines.map((l) => l.phrases.length >= 2 && l.phrases.filter(aligned).length >= 2);
  const tables: PageTable[] = [];
  let grid: TextGrid | undefined;
  let refused = false;
  const onCarry = (p: Phrase) => carry !== undefined && carry.starts.some((s) => Math.abs(p.x - s) <= EDGE_TOLERANCE);
  for (let [from, to] of regions(lines, multi)) {
    // The rest of the table the page before ends with opens the page (a page header
    // aside): there one line of cells will do, as the page's last row may be all there is.
    // Lines above it in the page before's columns are the rest of that page's last row.
    let lead = from;
    const opening = from;
    if (carry !== undefined && from === firstIndex(multi)) while (lead > 0 && lines[lead - 1].phrases.every(onCarry)) lead--;
    const goesOn = carry !== undefined && lead <= 1 && from === firstIndex(multi);
    if (goesOn) from = lead;
    const count = multi.slice(from, to + 1).filter(Boolean).length;
    if (count < (goesOn ? 1 : MIN_TABLE_LINES)) continue;
    // a last row's text the cell's width wrapped below it ("100.0" over "0")
    let end = to;
    while (end + 1 < lines.length && lines[end + 1].phrases.every(aligned) && lines[end + 1].top - lines[end].bottom <= 1.6 * lines[end + 1].size) end++;
    const region = lines.slice(from, to + 1);
    const after = lines.slice(to + 1, end + 1);
    const carried = (s: number) => goesOn && carry.starts.some((x) => Math.abs(x - s) <= EDGE_TOLERANCE);
    const used = starts.filter((s) => carried(s) || region.some((l) => l.phrases.some((p) => Math.abs(p.x - s) <= EDGE_TOLERANCE)));
    if (used.length < MIN_COLUMNS) continue;
    const table = tableOf(region, after, used, rules, page, goesOn ? carry : undefined, goesOn ? opening - from : 0);
    if (table === null) refused = true;
    else {
      tables.push(table.table);
      grid = table.grid;
    }
  }
  return { tables, grid, refused };
}

function firstIndex(flags: readonly boolean[]): number {
  return flags.indexOf(true);
}

/** Lines top to bottom, each cut into the pieces a wide gap separates. */
export function textLines(runs: readonly TextRun[]): Line[] {
  const seen = runs.filter((r) => r.str.trim() !== '').sort((a, b) => runCentre(a) - runCentre(b) || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of seen) {
    const last = groups.at(-1);
    const centre = runCentre(run);
    if (last && Math.abs(centre - runCentre(last[last.length - 1])) <= 0.45 * run.size) last.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => {
    const sorted = [...g].sort((a, b) => a.x - b.x);
    const phrases: Phrase[] = [];
    for (const run of sorted) {
      const last = phrases.at(-1);
      if (last && run.x - last.right <= PHRASE_GAP * run.size) {
        last.runs.push(run);
        last.right = Math.max(last.right, run.right);
      } else phrases.push({ x: run.x, right: run.right, runs: [run] });
    }
    return { top: Math.min(...g.map((r) => r.baseline)), bottom: Math.max(...g.map((r) => r.baseline)), size: Math.max(...g.map((r) => r.size)), phrases };
  });
}

/**
 * Where columns start: left edges two lines or more share and fewer lines' text runs
 * across (an indented label, 上年结转资金 under 其中：当年财政拨款, starts inside its
 * column, which the longer labels above and below it cross). `carry` adds the columns
 * of the page before.
 */
function columnStarts(lines: readonly Line[], carry: readonly number[]): number[] {
  const edges: { x: number; lines: Set<number> }[] = [];
  lines.forEach((l, i) => {
    for (const p of l.phrases) {
      const e = edges.find((c) => Math.abs(c.x - p.x) <= EDGE_TOLERANCE);
      if (e) e.lines.add(i);
      else edges.push({ x: p.x, lines: new Set([i]) });
    }
  });
  // (crossings counted near the lines that start there: another part of the form may
  // merge that column's cells, 偏差原因分析 across the 执行率 | 得分 columns of the fund block)
  const crossing = (e: (typeof edges)[number]) => {
    const at = [...e.lines];
    const near = lines.slice(Math.max(0, Math.min(...at) - 2), Math.max(...at) + 3);
    return near.filter((l) => l.phrases.some((p) => p.x < e.x - EDGE_TOLERANCE && p.right > e.x + 1)).length;
  };
  const own = edges.filter((e) => e.lines.size >= 2 && e.lines.size > crossing(e)).map((e) => e.x);
  const carried = carry.filter((x) => !own.some((s) => Math.abs(s - x) <= EDGE_TOLERANCE));
  return [...own, ...carried].sort((a, b) => a - b);
}

/** Runs of lines that may be one table: from a line of cells to the last line of cells
 *  with no wider gap between lines than a blank line's. */
function regions(lines: readonly Line[], multi: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let from = -1, last = -1;
  for (let i = 0; i < lines.length; i++) {
    const gap = i > 0 ? lines[i].top - lines[i - 1].bottom : 0;
    if (from >= 0 && gap > 2.5 * lines[i].size) {
      out.push([from, last]);
      from = -1;
    }
    if (!multi[i]) continue;
    if (from < 0) from = i;
    last = i;
  }
  if (from >= 0) out.push([from, last]);
  return out;
}

/** `rest`: how many first lines are the rest of the page before's last row, one row's text. */
function tableOf(lines: Line[], after: readonly Line[], starts: number[], rules: Rules, page: number, carry: TextGrid | undefined, rest: number): { table: PageTable; grid: TextGrid } | null {
  const size = lines[0].size;
  const region = [...lines];
  // rules across the table: the nearest above its first line and below its last one frame it
  const across = rules.h.filter((r) => r.x1 > starts[0] && r.x0 < starts.at(-1)!);
  const topY = region[0].top - size;
  const above = across.filter((r) => r.y <= topY + 1 && r.y >= topY - size).sort((a, b) => b.y - a.y)[0];
  const top = above?.y ?? topY;
  const within = across.filter((r) => r.y >= top - 1 && r.y <= region.at(-1)!.bottom + size);
  const ruledLeft = within.length > 0 ? Math.min(...within.map((r) => r.x0)) : undefined;
  const pad = ruledLeft !== undefined && starts[0] - ruledLeft >= 1 && starts[0] - ruledLeft <= 8 ? starts[0] - ruledLeft : DEFAULT_PAD;
  const maxRight = Math.max(...region.flatMap((l) => l.phrases.map((p) => p.right)));
  const left = carry?.left ?? ruledLeft ?? starts[0] - pad;
  const right = carry?.right ?? (within.length > 0 ? Math.max(...within.map((r) => r.x1)) : maxRight + pad);
  const xs = [left, ...starts.slice(1).map((s) => s - pad), right];
  for (const line of after) {
    const last = region.at(-1)!;
    if (across.some((r) => r.y > last.bottom && r.y < line.top - 0.5 * line.size)) break;
    if (opensRow(last, line, xs, pad, (x) => columnOf(xs, x))) break;
    region.push(line);
  }
  const bottomY = region.at(-1)!.bottom + 0.4 * size;
  const below = across.filter((r) => r.y >= bottomY - 1 && r.y <= bottomY + size).sort((a, b) => a.y - b.y)[0];
  const bottom = below?.y ?? bottomY;
  const inside = across.filter((r) => r.y >= top - 1 && r.y <= bottom + 1);
  const column = (x: number) => columnOf(xs, x);

  // Rows only from the rules drawn between them. Where two lines have no rule between
  // them and the lower one reads as a new row, the rows cannot be told from the text: a
  // cell merged down several rows (项目资金 beside each fund line, 产出指标 beside its
  // indicators) and a row of its own look alike. Measured on the fixtures printed
  // without rules, guessing there read one form in three wrongly; not reading is safer.
  const ys = [top, bottom];
  const h: HRule[] = [...inside];
  for (let i = 1; i < region.length; i++) {
    const prev = region[i - 1], line = region[i];
    const ruled = inside.some((r) => r.y > prev.bottom && r.y < line.top - 0.5 * line.size);
    if (!ruled && i >= rest && opensRow(prev, line, xs, pad, column)) return null;
  }
  if (!above) h.push({ y: top, x0: left, x1: right });
  if (!below) h.push({ y: bottom, x0: left, x1: right });
  const rowYs = [...new Set([...ys, ...h.map((r) => r.y)])].sort((a, b) => a - b);

  // sides: each column boundary in each row, unless a cell's text runs across it there
  const v: VRule[] = [{ x: left, y0: top, y1: bottom }, { x: right, y0: top, y1: bottom }];
  for (let r = 0; r + 1 < rowYs.length; r++) {
    const [y0, y1] = [rowYs[r], rowYs[r + 1]];
    if (y1 - y0 < 1) continue;
    const phrases = region.filter((l) => l.top - 0.35 * l.size > y0 && l.top - 0.35 * l.size < y1).flatMap((l) => l.phrases);
    if (sideLabelGap(phrases, column)) return null;
    for (const x of xs.slice(1, -1)) {
      if (!phrases.some((p) => p.x < x - 1 && p.right > x + 1)) v.push({ x, y0, y1 });
    }
  }
  const tables = findTables({ h, v }, page);
  if (tables.length !== 1) return null;
  return { table: tables[0], grid: { starts, left, right } };
}

/**
 * Whether `line` opens a new row below `prev`: some cell's text starts where its column
 * held nothing on the line above (the row's cells start together, top-aligned), or less
 * of its text carries on a full line above it in its column than starts afresh (two
 * one-line rows; a label's second paragraph, （万元） under 项目资金, stays in its row).
 */
function opensRow(prev: Line, line: Line, xs: readonly number[], pad: number, column: (x: number) => number): boolean {
  const adjacent = line.top - prev.bottom <= 1.6 * line.size;
  if (!adjacent) return true;
  let carried = 0, fresh = 0;
  for (const p of line.phrases) {
    const c = column(p.x);
    const over = prev.phrases.find((q) => column(q.x) === c);
    if (!over) return true;
    const [upper] = groupLines(over.runs), [lower] = groupLines(p.runs);
    // the cell reaches as far as either line's text does (a merged cell's short heading
    // over its text: 预期目标 over the target, which runs on across three columns)
    const end = xs.findIndex((x) => x > Math.max(over.right, p.right) - 1);
    const frame = { left: xs[c] + pad, right: (end > 0 ? xs[end] : xs.at(-1)!) - pad };
    if (continues(upper, lower, frame, 1.5 * line.size) && !twoValues(upper.text, lower.text)) carried++;
    else fresh++;
  }
  return carried === 0 || fresh > carried;
}

/**
 * A row holding a second label, after a value, whose own value stands a column or more to
 * its right (其中：基本支出 … 1,988.46 beside the sources): without sides drawn, the label's cell may reach up to its
 * value or stop where the empty cells start, and the value is read as that label's only
 * where they touch.
 */
function sideLabelGap(phrases: readonly Phrase[], column: (x: number) => number): boolean {
  const sorted = [...phrases].sort((a, b) => a.x - b.x);
  const text = (p: Phrase) => p.runs.map((r) => r.str).join('').replace(/\s+/g, '');
  const last = (p: Phrase) => column(p.right - 1);
  // columns some text of the row reaches (a label wrapped over two lines spans its columns)
  const covered = (c: number) => sorted.some((p) => column(p.x) <= c && last(p) >= c);
  for (let i = 1; i + 1 < sorted.length; i++) {
    const label = sorted[i], next = sorted[i + 1];
    // (a first label's value is read by its column's header: 合计 … 2,345.6, 总分 … 100)
    if (VALUE.test(text(label)) || !VALUE.test(text(next)) || !sorted.slice(0, i).some((p) => VALUE.test(text(p)))) continue;
    for (let c = last(label) + 1; c < column(next.x); c++) if (!covered(c)) return true;
  }
  return false;
}

const NUMBER = /^[-−]?[0-9][0-9,]*(?:\.[0-9]+)?%?$/;
/** A cell's value: a figure, a rate, or the dash of a cell that takes none. */
export const VALUE = /^(?:[-−≥≤<>]?[0-9][0-9,.]*%?|[—－–-]+)$/;

/** Two values, one over the other, that do not read as one number joined ("300.00" over
 *  "300.00", "—" under "20.00"): each row's own, not a number the cell's width wrapped
 *  ("2,345.6" over "0"). */
function twoValues(upper: string, lower: string): boolean {
  const a = upper.replace(/\s+/g, ''), b = lower.replace(/\s+/g, '');
  return VALUE.test(a) && VALUE.test(b) && !NUMBER.test(a.replace(/^[≥≤<>]/, '') + b);
}

function columnOf(xs: readonly number[], x: number): number {
  let c = 0;
  while (c + 1 < xs.length - 1 && x >= xs[c + 1] - 1) c++;
  return c;
}
