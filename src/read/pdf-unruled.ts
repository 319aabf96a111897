// Rows a sheet prints without ruling lines: a clerk appends rows to a bordered form in
// Excel/WPS/Calc (总分, the 年度总体目标 text) and never draws their borders. The print
// shows such a row only by its text standing in the table's columns: between ruled
// parts it is a band whose sides are missing (the rules above and below it are the
// neighbours' borders), at the table's foot or head it lies outside every rule. Like
// pdf-textgrid, the result is rules drawn where the row's cells would have their sides,
// so pdf-grid builds the table as for a ruled one. A row is given the cell boundaries of
// the ruled row next to it (the row a clerk copies), except where its own text runs
// across one (a merged cell); a band between ruled rows only those its text stands on
// both sides of. Nothing is read into a row that does not show it belongs: a band
// between ruled rows, or a line of figures set under the figures of the row next to it
// — a title, a 单位 line, a signature line or the narrative stays outside.
import { boundaries, findTables, type PageTable } from './pdf-grid.js';
import type { HRule, Rules, VRule } from './pdf-rules.js';
import { runCentre, type TextRun } from './pdf-text.js';
import { textLines, VALUE, type Line, type Phrase } from './pdf-textgrid.js';

/** Rules closer than this (points) are one rule; ends this close touch (pdf-grid's). */
const SNAP = 2;
/** A line directly outside a table starts no further from its rule than this many ems
 *  (the padding above the text of a row: a blank line in between parts them). */
const ADJACENT = 1;
/** Figures one over the other are set alike when their centres, left or right edges
 *  are this many ems apart or less. */
const ALIGNED = 0.3;
/** At most this many lines of a row's cells stand before its line of figures (a label wrapped over them). */
const MAX_LEAD = 2;

/**
 * The page's ruled tables with their unruled rows put in: the tables again from the rules
 * drawn and the sides those rows' cells would have. The tables unchanged where no row lacks
 * its rules.
 */
export function withUnruledRows(tables: PageTable[], runs: readonly TextRun[], rules: Rules, page: number): PageTable[] {
  const extra: { h: HRule[]; v: VRule[] } = { h: [], v: [] };
  for (const table of tables) {
    if (table.open) continue;
    sidesOfBands(table, runs, rules, extra);
    rowsOutside(table, tables, runs, extra);
  }
  if (extra.h.length === 0 && extra.v.length === 0) return tables;
  const redone = findTables({ ...rules, h: [...rules.h, ...extra.h], v: [...rules.v, ...extra.v] }, page);
  // (the rules added only part cells and join rows to a table: as many tables as before)
  return redone.length === tables.length ? redone : tables;
}

/** The pieces of text whose line is centred within [y0, y1] and that stand within the table's width. */
function phrasesIn(table: PageTable, runs: readonly TextRun[], y0: number, y1: number): Phrase[] {
  const inside = runs.filter((r) => {
    const cy = runCentre(r);
    return cy > y0 && cy < y1 && r.right > table.xs[0] && r.x < table.xs.at(-1)!;
  });
  return textLines(inside).flatMap((l) => l.phrases);
}

/** The inner column boundaries (indexes into xs) where row `r` has a cell side. */
function sidesOfRow(table: PageTable, r: number): number[] {
  const out: number[] = [];
  for (let c = 1; c < table.xs.length - 1; c++) if (table.cellAt[r][c - 1] !== table.cellAt[r][c]) out.push(c);
  return out;
}

/**
 * Whether a piece of text runs across x: a run covers it, or two runs of one piece meet
 * over it, set glyph after glyph (a producer may write each glyph on its own). Two cells'
 * texts that only come close there — the first one's line full to its cell's side, the
 * next one's starting after its padding — leave a gap about x.
 */
function crosses(phrases: readonly Phrase[], x: number): boolean {
  return phrases.some((p) => {
    const runs = [...p.runs].sort((a, b) => a.x - b.x);
    return runs.some((r, i) => (r.x < x - 1 && r.right > x + 1) || (i > 0 && runs[i - 1].right <= x + 1 && r.x >= x - 1 && r.x - runs[i - 1].right < GLYPH_GAP));
  });
}

/** Text of a cell [x0, x1] stands on both sides of x. */
function parts(phrases: readonly Phrase[], x: number, x0: number, x1: number): boolean {
  const runs = phrases.flatMap((p) => p.runs);
  return runs.some((r) => r.x >= x0 - 1 && r.right <= x + 1) && runs.some((r) => r.x >= x - 1 && r.right <= x1 + 1);
}

/** Runs of one piece closer than this (points) are set glyph after glyph. */
const GLYPH_GAP = 1;

function covered(v: readonly VRule[], x: number, y0: number, y1: number): boolean {
  let total = 0;
  for (const r of v) if (Math.abs(r.x - x) <= SNAP) total += Math.max(0, Math.min(r.y1, y1) - Math.max(r.y0, y0));
  return total >= 0.5 * (y1 - y0);
}

/**
 * Rows between ruled rows whose sides are missing — the table's outer side is drawn down
 * the rows above and below and not beside this one — hold cells no rule parts: pdf-grid
 * made the row one cell across (预期目标's text and 实际完成情况's in one). Each gets those
 * sides of the nearest framed row above that its own text shows — text in the cell on
 * both sides of it, none running across it — in the part of the row that is its own (a
 * label merged down beside it keeps its place). A side with no text beyond it is not
 * shown: a heading merged across columns and cut by the page's edge (its side on the
 * next page) is one cell, as the rules say.
 */
function sidesOfBands(table: PageTable, runs: readonly TextRun[], rules: Rules, extra: { v: VRule[] }): void {
  const { xs, ys } = table;
  const rows = ys.length - 1;
  const framed = (r: number) => covered(rules.v, xs[0], ys[r], ys[r + 1]) && covered(rules.v, xs.at(-1)!, ys[r], ys[r + 1]);
  for (let r = 1; r < rows - 1; r++) {
    if (framed(r)) continue;
    let above = r - 1;
    while (above >= 0 && !framed(above)) above--;
    let below = r + 1;
    while (below < rows && !framed(below)) below++;
    if (above < 0 || below >= rows) continue;
    const phrases = phrasesIn(table, runs, ys[r], ys[r + 1]);
    for (const c of sidesOfRow(table, above)) {
      const x = xs[c];
      const left = table.cells[table.cellAt[r][c - 1]], right = table.cells[table.cellAt[r][c]];
      // only a cell of this row alone is parted (not a label merged down over it)
      if (left !== right || left.r0 !== r || left.r1 !== r + 1) continue;
      if (crosses(phrases, x) || !parts(phrases, x, left.x0, left.x1)) continue;
      extra.v.push({ x, y0: ys[r], y1: ys[r + 1] });
    }
  }
}

/**
 * Rows of text directly below the table's foot (or above its head), in the table's width,
 * that set a figure under a figure of the table's last (first) row the same way —
 * centred, or at the same left or right edge — are rows of the table a clerk left
 * unruled (总分 | 100 | 99.66 under the indicators' 分值 and 得分). A row is its line of
 * figures with the lines about it that its cells wrap (a label over two lines, centred on
 * the figures): the lines between the rule and the figures, and those below them within
 * as far again (cells set in the middle of their row). Rows are taken one by one, each
 * against the row before it. Lines of words only (a title, 填报单位 … 单位：万元, 填报人：…)
 * or running across the columns (the narrative) make no row.
 */
function rowsOutside(table: PageTable, tables: readonly PageTable[], runs: readonly TextRun[], extra: { h: HRule[]; v: VRule[] }): void {
  const { xs, ys } = table;
  const left = xs[0], right = xs.at(-1)!;
  // the last row must be closed by its rule (a page break's open cell goes on elsewhere)
  if (table.cells.some((c) => c.openBottom)) return;
  const free = textLines(runs.filter((r) => !tables.some((t) => inTable(t, r))));
  const within = (l: Line) => l.phrases.every((p) => p.x >= left - SNAP && p.right <= right + SNAP);
  const glyphTop = (l: Line) => l.top - l.size, glyphFoot = (l: Line) => l.bottom + 0.25 * l.size;
  const centre = (l: Line) => (l.top + l.bottom) / 2 - 0.35 * l.size;
  for (const down of [true, false]) {
    const start = down ? ys.at(-1)! : ys[0];
    let edge = start;
    let ref = phrasesIn(table, runs, down ? ys.at(-2)! : ys[0], down ? ys.at(-1)! : ys[1]);
    let refSides = sidesOfRow(table, down ? ys.length - 2 : 0).map((c) => xs[c]);
    // outward from the rule: below it top down, above it bottom up
    const pool = down ? free.filter((l) => centre(l) > start) : free.filter((l) => centre(l) < start).reverse();
    let i = 0;
    while (i < pool.length) {
      // the row's line of figures, after no more than MAX_LEAD lines of its cells, each close to the one before
      let figures = -1;
      let reach = edge;
      for (let k = i; k < pool.length && k <= i + MAX_LEAD; k++) {
        const line = pool[k];
        const gap = down ? glyphTop(line) - reach : reach - glyphFoot(line);
        if (gap > ADJACENT * line.size || !within(line)) break;
        if (rowOfFigures(line.phrases, ref, refSides)) {
          figures = k;
          break;
        }
        // (a row's lines may interleave: a label's two lines about the figures' one)
        reach = down ? Math.max(reach, glyphFoot(line)) : Math.min(reach, glyphTop(line));
      }
      if (figures < 0) break;
      const fig = pool[figures];
      const mid = centre(fig);
      let far = down ? Math.max(2 * mid - edge, glyphFoot(fig) + 1) : Math.min(2 * mid - edge, glyphTop(fig) - 1);
      let j = figures + 1;
      // lines past the figures within the row's reach, unless they hold the next row's figures
      for (; j < pool.length; j++) {
        const line = pool[j];
        if ((down ? centre(line) >= far : centre(line) <= far) || !within(line) || rowOfFigures(line.phrases, fig.phrases, refSides)) break;
        far = down ? Math.max(far, glyphFoot(line) + 1) : Math.min(far, glyphTop(line) - 1);
      }
      const phrases = pool.slice(i, j).flatMap((l) => l.phrases);
      const [y0, y1] = down ? [edge, far] : [far, edge];
      extra.h.push({ y: far, x0: left, x1: right });
      extra.v.push({ x: left, y0, y1 }, { x: right, y0, y1 });
      const sides = refSides.filter((x) => !crosses(phrases, x));
      for (const x of sides) extra.v.push({ x, y0, y1 });
      refSides = sides;
      ref = phrases;
      edge = far;
      i = j;
    }
  }
}

function inTable(t: PageTable, r: TextRun): boolean {
  const cy = runCentre(r);
  return cy >= t.ys[0] && cy <= t.ys.at(-1)! && r.right > t.xs[0] && r.x < t.xs.at(-1)!;
}

/**
 * Pieces of a line that make a row under (over) the row `ref`: two or more, one of them
 * a figure standing within one cell of that row and set as a figure in that cell is.
 */
function rowOfFigures(phrases: readonly Phrase[], ref: readonly Phrase[], sides: readonly number[]): boolean {
  if (phrases.length < 2) return false;
  const bounds = boundaries([...sides]);
  const cellOf = (a: number, b: number) => {
    const i = bounds.findIndex((x) => x > a + 1);
    // (within one cell: no side between its edges)
    return i === -1 || bounds[i] >= b - 1 ? i : -2;
  };
  return phrases.some((p) => {
    if (!VALUE.test(text(p))) return false;
    const cell = cellOf(p.x, p.right);
    if (cell === -2) return false;
    const size = Math.max(...p.runs.map((r) => r.size));
    return ref.some((q) => VALUE.test(text(q)) && cellOf(q.x, q.right) === cell && setAlike(p, q, size));
  });
}

function setAlike(p: Phrase, q: Phrase, size: number): boolean {
  const tol = ALIGNED * size;
  return Math.abs(p.x - q.x) <= tol || Math.abs(p.right - q.right) <= tol || Math.abs((p.x + p.right) / 2 - (q.x + q.right) / 2) <= tol;
}

function text(p: Phrase): string {
  return p.runs.map((r) => r.str).join('').replace(/\s+/g, '');
}
