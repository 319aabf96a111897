// One page's tables from its ruling lines: connected rules form a table, vertical
// rules give the column boundaries and horizontal rules the row boundaries; where an
// inner rule is missing the grid positions on both sides belong to one merged cell.
import type { CellEdge } from '../model/document.js';
import { PAST_EDGE, type HRule, type Rules, type VRule } from './pdf-rules.js';
import { groupLines, runCentre, splitRunAt, type TextLine, type TextRun } from './pdf-text.js';

/** A cell of one page's table: the grid positions [r0,r1)×[c0,c1) it covers. */
export interface PageCell {
  r0: number; r1: number; c0: number; c1: number;
  x0: number; x1: number; y0: number; y1: number;
  page: number;
  runs: TextRun[];
  /** In the part's last row with no rule under it: the page break cut the cell, which goes on
   *  at the top of the next page (a browser draws no rule there; pdf-layout joins the two). */
  openBottom?: boolean;
  /** Runs on past the page's visible edge (pdf-layout: cutByEdge). */
  edge?: CellEdge;
}

export interface PageTable {
  page: number;
  /** Column boundaries, left to right (columns = xs.length - 1). */
  xs: number[];
  /** Row boundaries, top to bottom (rows = ys.length - 1). */
  ys: number[];
  cells: PageCell[];
  /** cellAt[r][c]: index into `cells`. */
  cellAt: number[][];
  /** Sides with no rule at either end: the middle page of a cell taller than a page, which
   *  is a table only as the continuation of the one the page before ends with (pdf-layout). */
  open?: boolean;
}

/** Rules closer than this (points) are one rule; ends this close touch. */
const SNAP = 2;
/** Grid lines closer than this are one boundary (double borders, line caps). */
const MIN_TRACK = 3;
/** A row lower than this holds no text: the band between the two rules of a doubled
 *  border (a browser draws one where a rowspan starts). */
const SLIVER = 5;

/** Finds the bordered tables of one page, top to bottom. */
export function findTables(rules: Rules, page: number): PageTable[] {
  const h = mergeH(rules.h);
  const v = mergeV(rules.v);
  const parent = [...h.map((_, i) => i), ...v.map((_, j) => h.length + j)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => { parent[find(a)] = find(b); };
  h.forEach((hr, i) => {
    v.forEach((vr, j) => {
      if (vr.x >= hr.x0 - SNAP && vr.x <= hr.x1 + SNAP && hr.y >= vr.y0 - SNAP && hr.y <= vr.y1 + SNAP) union(i, h.length + j);
    });
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  h.forEach((hr, i) => { const g = groups.get(find(i)) ?? { h: [], v: [] }; g.h.push(hr); groups.set(find(i), g); });
  v.forEach((vr, j) => { const g = groups.get(find(h.length + j)) ?? { h: [], v: [] }; g.v.push(vr); groups.set(find(h.length + j), g); });
  const tables: PageTable[] = [];
  const edge = rules.pastEdge?.right;
  for (const g of groups.values()) {
    // An underline or a lone rule is no table. A cell a page break cut may lack its top
    // or bottom rule (a browser draws none there): two sides and one rule still frame it.
    // Rules running on past the page's right edge have their right side there, unseen (a
    // row of a table wider than the page whose one shown cell is cut: 总分 | …).
    const sides = g.v.length + (edge !== undefined && g.h.filter((r) => r.x1 > edge + PAST_EDGE).length >= 2 ? 1 : 0);
    if (sides < 2 || g.h.length < (openFrame(g.h, g.v) ? 1 : 2)) continue;
    const table = gridOf(g.h, g.v, page);
    if (table) tables.push(unframed(table, g.h, g.v, page));
  }
  // A browser draws no rule where a page break cuts a cell: a cell that goes on over a
  // whole page leaves only its sides there, uprights of one height with nothing across.
  const lone = [...groups.values()].filter((g) => g.h.length === 0).flatMap((g) => g.v);
  for (const sides of sameExtent(lone)) {
    const table = sides.length >= 2 ? gridOf([], sides, page) : null;
    if (table) tables.push({ ...table, open: true });
  }
  return withoutFrames(tables).sort((a, b) => a.ys[0] - b.ys[0]);
}

/**
 * A box drawn around a table and the text about it — a web page pasted whole into one
 * cell: title, 单位 line, the form's table, the narrative — is a frame, not a table (as
 * in the DOCX reader): the table inside is the table, and the box's text is text
 * outside it, in reading order around it. Where the inner table shares a rule with the
 * box (its foot on the box's, both cut by a page break), the rules are one group, and
 * the box's margin around the inner table is one cell that is no rectangle: it runs
 * down both sides of the grid. That grid is the inner one, drawn by the rules within
 * it; the margin's text stays outside any table.
 */
function unframed(table: PageTable, h: readonly HRule[], v: readonly VRule[], page: number): PageTable {
  const box = innerBox(table);
  if (!box) return table;
  const [x0, x1, y0, y1] = [table.xs[box.c0], table.xs[box.c1], table.ys[box.r0], table.ys[box.r1]];
  const ih = h.filter((r) => r.y >= y0 - SNAP && r.y <= y1 + SNAP && r.x1 > x0 + SNAP && r.x0 < x1 - SNAP).map((r) => ({ y: r.y, x0: Math.max(r.x0, x0), x1: Math.min(r.x1, x1) }));
  const iv = v.filter((r) => r.x >= x0 - SNAP && r.x <= x1 + SNAP && r.y1 > y0 + SNAP && r.y0 < y1 - SNAP).map((r) => ({ x: r.x, y0: Math.max(r.y0, y0), y1: Math.min(r.y1, y1) }));
  const inner = iv.length >= 2 ? gridOf(ih, iv, page) : null;
  return inner ? unframed(inner, ih, iv, page) : table;
}

/** The grid positions inside a frame: where one cell holds the whole first and last
 *  columns and the positions that are not it form a rectangle. Null for any other grid. */
function innerBox(t: PageTable): { r0: number; r1: number; c0: number; c1: number } | null {
  const nr = t.ys.length - 1, nc = t.xs.length - 1;
  if (nr < 2 || nc < 3) return null;
  const ring = t.cellAt[0][0];
  if (t.cellAt.some((row) => row[0] !== ring || row[nc - 1] !== ring)) return null;
  let r0 = nr, r1 = 0, c0 = nc, c1 = 0;
  t.cellAt.forEach((row, r) => row.forEach((cell, c) => {
    if (cell === ring) return;
    r0 = Math.min(r0, r); r1 = Math.max(r1, r + 1); c0 = Math.min(c0, c); c1 = Math.max(c1, c + 1);
  }));
  if (r0 >= r1) return null;
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (t.cellAt[r][c] === ring) return null;
  return { r0, r1, c0, c1 };
}

/** A table of one cell around another table is the frame of what it holds (unframed),
 *  drawn with no rule touching the inner table's: left out. */
function withoutFrames(tables: readonly PageTable[]): PageTable[] {
  const holds = (outer: PageTable, inner: PageTable) =>
    inner.xs[0] >= outer.xs[0] - SNAP && inner.xs.at(-1)! <= outer.xs.at(-1)! + SNAP && inner.ys[0] >= outer.ys[0] - SNAP && inner.ys.at(-1)! <= outer.ys.at(-1)! + SNAP;
  return tables.filter((t) => t.cells.length !== 1 || !tables.some((o) => o !== t && holds(t, o)));
}

/** Vertical rules grouped by their extent (top and bottom within SNAP), left to right. */
function sameExtent(v: readonly VRule[]): VRule[][] {
  const out: VRule[][] = [];
  for (const r of [...v].sort((a, b) => a.x - b.x)) {
    const same = out.find((g) => Math.abs(g[0].y0 - r.y0) <= SNAP && Math.abs(g[0].y1 - r.y1) <= SNAP);
    if (same) same.push(r);
    else out.push([r]);
  }
  return out.filter((g) => g[0].y1 - g[0].y0 > 2 * SNAP);
}

/** Two sides of the same height beyond a single rule: the frame of a cell the page break opened at its top or bottom. */
function openFrame(h: HRule[], v: VRule[]): boolean {
  if (h.length !== 1) return false;
  const y0 = Math.min(...v.map((r) => r.y0)), y1 = Math.max(...v.map((r) => r.y1));
  const full = v.filter((r) => Math.abs(r.y0 - y0) <= SNAP && Math.abs(r.y1 - y1) <= SNAP);
  const [rule] = h;
  const atEnd = Math.abs(rule.y - y0) <= SNAP || Math.abs(rule.y - y1) <= SNAP;
  return full.length >= 2 && atEnd && y1 - y0 > 2 * SNAP;
}

function gridOf(h: HRule[], v: VRule[], page: number): PageTable | null {
  const left = Math.min(...h.map((r) => r.x0), ...v.map((r) => r.x));
  const right = Math.max(...h.map((r) => r.x1), ...v.map((r) => r.x));
  const top = Math.min(...v.map((r) => r.y0), ...h.map((r) => r.y));
  const bottom = Math.max(...v.map((r) => r.y1), ...h.map((r) => r.y));
  // The frame's edges count as boundaries even where a border is not drawn
  // (a table cut by a page break may lack its closing rule).
  const xs = boundaries([left, right, ...v.map((r) => r.x)]);
  const ys = boundaries([top, bottom, ...h.map((r) => r.y)]);
  const nr = ys.length - 1, nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;

  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !coveredV(v, xs[c + 1], ys[r], ys[r + 1]) && !bridged(v, xs[c + 1], ys, r)) union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !coveredH(h, ys[r + 1], xs[c], xs[c + 1])) union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const byRoot = new Map<number, number>();
  const cells: PageCell[] = [];
  const cellAt: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      let index = byRoot.get(root);
      if (index === undefined) {
        index = cells.push({ r0: r, r1: r + 1, c0: c, c1: c + 1, x0: 0, x1: 0, y0: 0, y1: 0, page, runs: [] }) - 1;
        byRoot.set(root, index);
      }
      const cell = cells[index];
      cell.r0 = Math.min(cell.r0, r); cell.r1 = Math.max(cell.r1, r + 1);
      cell.c0 = Math.min(cell.c0, c); cell.c1 = Math.max(cell.c1, c + 1);
      cellAt[r][c] = index;
    }
  }
  for (const cell of cells) {
    cell.x0 = xs[cell.c0]; cell.x1 = xs[cell.c1]; cell.y0 = ys[cell.r0]; cell.y1 = ys[cell.r1];
    if (cell.r1 === nr && !coveredH(h, cell.y1, cell.x0, cell.x1)) cell.openBottom = true;
  }
  return { page, xs, ys, cells, cellAt };
}

/** Puts every run that lies inside a table into its cell; returns the others. */
export function assignRuns(tables: readonly PageTable[], runs: readonly TextRun[]): TextRun[] {
  const outside: TextRun[] = [];
  for (const run of runs) {
    const cy = runCentre(run);
    const table = tables.find((t) => cy >= t.ys[0] && cy <= t.ys.at(-1)! && run.right > t.xs[0] && run.x < t.xs.at(-1)!);
    if (!table) {
      outside.push(run);
      continue;
    }
    for (const piece of splitRunAt(run, table.xs)) {
      const cx = (piece.x + piece.right) / 2;
      const c = indexIn(table.xs, cx);
      const r = indexIn(table.ys, cy);
      if (c < 0 || r < 0) outside.push(piece);
      else table.cells[table.cellAt[r][c]].runs.push(piece);
    }
  }
  return outside;
}

/**
 * A wrapped text taller than its row, printed centred on it by a program that did not
 * refit the row (LibreOffice Calc printing a sheet whose rows keep the template's one-line
 * height), has its last line just past the row's bottom rule: filed by its centre, that
 * line would open the cell below (a 偏差原因 "…推迟完" whose "工，已调整施工计划" goes to
 * the next indicator's "无"; a name "…需氧量平" whose "均浓度" heads the next name). The
 * top line of a cell is given back to the cell above when it carries on that cell's text:
 * it stands inside the cell above's columns, on its text's left edge or centre, one line
 * pitch under the cell above's last line (the pitch of its lines above, or single spacing),
 * that last line full (the room left in the cell would not have held the line's first
 * token), and it is out of place in its own cell: it straddles the rule between them (a
 * cell's own text stands clear of its rules).
 */
export function reclaimWrapped(tables: readonly PageTable[]): void {
  for (const table of tables) {
    const order = table.cells.map((_, i) => i).sort((a, b) => table.cells[a].r0 - table.cells[b].r0);
    for (const i of order) {
      const below = table.cells[i];
      if (below.r0 === 0) continue;
      // (only a cell with text across its top rule has a line to give back)
      for (let guard = 0; guard < 4 && below.runs.some((r) => acrossTop(r, below) && r.str.trim() !== ''); guard++) {
        const lines = groupLines(below.runs);
        const line = lines.at(0);
        if (!line) break;
        const mid = (line.left + line.right) / 2;
        const c = table.xs.findIndex((x, k) => k + 1 < table.xs.length && mid >= x && mid < table.xs[k + 1]);
        if (c < below.c0 || c >= below.c1) break;
        const above = table.cells[table.cellAt[below.r0 - 1][c]];
        if (above === below || !carriesOn(above, below, line)) break;
        const taken = new Set(below.runs.filter((r) => r.str.trim() !== '' && Math.abs(runCentre(r) - lineCentre(line)) <= 0.45 * line.size && r.x >= line.left - SNAP && r.right <= line.right + SNAP));
        if (taken.size === 0) break;
        above.runs.push(...taken);
        below.runs = below.runs.filter((r) => !taken.has(r));
      }
    }
  }
}

/** The run's glyphs reach above the cell's top rule (their upper part: a line set inside
 *  the cell stands clear of it). */
function acrossTop(run: { baseline: number; size: number }, cell: PageCell): boolean {
  return run.baseline - 0.6 * run.size < cell.y0;
}

function lineCentre(line: TextLine): number {
  return line.baseline - 0.35 * line.size;
}

/** Whether `line`, the top line of `below`, is the wrapped last line of the text of `above` (see reclaimWrapped). */
function carriesOn(above: PageCell, below: PageCell, line: TextLine): boolean {
  const size = line.size;
  if (!acrossTop(line, below) || above.runs.length === 0 || line.left < above.x0 - SNAP || line.right > above.x1 + SNAP) return false;
  const own = groupLines(above.runs);
  const last = own.at(-1);
  if (!last) return false;
  if (Math.abs(last.size - size) > 0.15 * size) return false;
  // one line pitch under the last line: the pitch of the lines above, or single spacing
  const gap = line.baseline - last.baseline;
  const pitch = own.length >= 2 ? median(own.slice(1).map((l, k) => l.baseline - own[k].baseline)) : null;
  if (pitch !== null ? Math.abs(gap - pitch) > 0.25 * size : gap < 1.0 * size || gap > 1.6 * size) return false;
  // on the text's left edge, or centred where its lines are centred
  const left = Math.min(...own.map((l) => l.left));
  const centre = (l: TextLine) => (l.left + l.right) / 2;
  const sameLeft = Math.abs(line.left - left) <= 0.5 * size;
  const sameCentre = Math.abs(centre(line) - centre(last)) <= 0.5 * size && Math.abs(centre(last) - (above.x0 + above.x1) / 2) <= 0.5 * size;
  if (!sameLeft && !sameCentre) return false;
  // the last line full: the room left in the cell (less the padding seen on its nearer side,
  // on both sides) would not have held the line's first token
  const inset = Math.max(0, Math.min(last.left - above.x0, above.x1 - last.right));
  return above.x1 - above.x0 - (last.right - last.left) - 2 * inset < line.firstToken + 0.15 * size;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The table that reaches lowest on its page (the one a page break may cut). */
export function lowestTable(tables: readonly PageTable[]): PageTable | undefined {
  return tables.reduce<PageTable | undefined>((a, t) => (a && a.ys.at(-1)! >= t.ys.at(-1)! ? a : t), undefined);
}

/**
 * Text a browser printed just past the foot of a cell the page break cut (`openBottom`):
 * a cell spanning rows is laid out whole, its lines centred over all its rows, and the
 * break moves the rows below it to the next page, so the lines laid out for them spill
 * below the part's last rule. Such a run is the cell's when it stands within the cell's
 * columns, in line with the cell's own text (the same left edge or centre: a label's
 * next line) or on the line of a run just taken, and within three lines of the line
 * above it; returns the runs left outside.
 */
export function absorbSpill(tables: readonly PageTable[], outside: readonly TextRun[]): TextRun[] {
  const lowest = lowestTable(tables);
  const open = lowest?.cells.filter((c) => c.openBottom && c.runs.length > 0) ?? [];
  if (!lowest || open.length === 0) return [...outside];
  const centre = (r: TextRun) => (r.x + r.right) / 2;
  const inLine = (c: PageCell, r: TextRun) => c.runs.some((t) => Math.abs(t.x - r.x) <= 1 || Math.abs(centre(t) - centre(r)) <= 1);
  const home = (r: TextRun) => open.find((c) => r.x >= c.x0 - SNAP && r.right <= c.x1 + SNAP && inLine(c, r));
  const below = outside.filter((r) => runCentre(r) > lowest.ys.at(-1)!);
  const taken = new Set<TextRun>();
  let lastCell: PageCell | undefined;
  let lastBaseline = Number.NaN;
  for (const run of below.sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    // the rest of a line already taken ("总" taken, "体" beside it)
    const sameLine = lastCell !== undefined && Math.abs(run.baseline - lastBaseline) <= 0.3 * run.size && run.x >= lastCell.x0 - SNAP && run.right <= lastCell.x1 + SNAP;
    const cell = sameLine ? lastCell : home(run);
    if (!cell || run.baseline - Math.max(...cell.runs.map((r) => r.baseline)) > 3 * run.size) break;
    cell.runs.push(run);
    taken.add(run);
    lastCell = cell;
    lastBaseline = run.baseline;
  }
  return outside.filter((r) => !taken.has(r));
}

function indexIn(bounds: readonly number[], value: number): number {
  if (value < bounds[0] - SNAP || value > bounds[bounds.length - 1] + SNAP) return -1;
  for (let i = 0; i < bounds.length - 1; i++) if (value < bounds[i + 1]) return i;
  return bounds.length - 2;
}

/** Sorted, de-duplicated boundary positions (nearby values become their mean). */
export function boundaries(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const value of sorted) {
    const last = out.at(-1);
    if (last && value - last[last.length - 1] < MIN_TRACK) last.push(value);
    else out.push([value]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function coveredV(v: readonly VRule[], x: number, y0: number, y1: number): boolean {
  return coverage(v.filter((r) => Math.abs(r.x - x) <= SNAP).map((r) => [r.y0, r.y1] as const), y0, y1) >= 0.5 * (y1 - y0);
}

function coveredH(h: readonly HRule[], y: number, x0: number, x1: number): boolean {
  return coverage(h.filter((r) => Math.abs(r.y - y) <= SNAP).map((r) => [r.x0, r.x1] as const), x0, x1) >= 0.5 * (x1 - x0);
}

/** An upright that stops only across a sliver row, going on above and below it, is one
 *  upright interrupted at a joint: the cells beside it stay apart (through a band that
 *  holds no text, two label cells of a doubled border would otherwise become one). */
function bridged(v: readonly VRule[], x: number, ys: readonly number[], r: number): boolean {
  if (ys[r + 1] - ys[r] >= SLIVER) return false;
  const above = r > 0 && coveredV(v, x, ys[r - 1], ys[r]);
  const below = r + 2 < ys.length && coveredV(v, x, ys[r + 1], ys[r + 2]);
  return above && below;
}

/** Length of [from, to] covered by the (merged, non-overlapping) intervals. */
function coverage(intervals: readonly (readonly [number, number])[], from: number, to: number): number {
  let total = 0;
  for (const [a, b] of intervals) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return total;
}

function mergeH(rules: readonly HRule[]): HRule[] {
  return mergeCollinear(rules.map((r) => ({ at: r.y, a: r.x0, b: r.x1 }))).map((s) => ({ y: s.at, x0: s.a, x1: s.b }));
}

function mergeV(rules: readonly VRule[]): VRule[] {
  return mergeCollinear(rules.map((r) => ({ at: r.x, a: r.y0, b: r.y1 }))).map((s) => ({ x: s.at, y0: s.a, y1: s.b }));
}

/** Joins segments on the same line whose ends overlap or touch. */
function mergeCollinear(segs: { at: number; a: number; b: number }[]): { at: number; a: number; b: number }[] {
  const sorted = [...segs].sort((p, q) => p.at - q.at || p.a - q.a);
  const lines: { at: number; segs: { at: number; a: number; b: number }[] }[] = [];
  for (const s of sorted) {
    const line = lines.find((l) => Math.abs(l.at - s.at) <= 1);
    if (line) line.segs.push(s);
    else lines.push({ at: s.at, segs: [s] });
  }
  const out: { at: number; a: number; b: number }[] = [];
  for (const line of lines) {
    const at = line.segs.reduce((sum, s) => sum + s.at, 0) / line.segs.length;
    const spans = line.segs.map((s) => ({ a: s.a, b: s.b })).sort((p, q) => p.a - q.a);
    let cur = { ...spans[0] };
    for (const span of spans.slice(1)) {
      if (span.a <= cur.b + SNAP) cur.b = Math.max(cur.b, span.b);
      else { out.push({ at, ...cur }); cur = { ...span }; }
    }
    out.push({ at, ...cur });
  }
  return out;
}
