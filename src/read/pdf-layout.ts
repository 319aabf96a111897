// Pages → document blocks: drops page headers/footers, joins a table that continues
// over pages into one (dropping the repeated header rows, re-joining a row the page
// break split, continuing vertical merges), and turns the text outside tables into
// paragraphs in reading order. Pure: pdfjs stays in pdf.ts.
import type { CellEdge, DocBlock, DocLine, DocParagraph, DocTable, PageBox } from '../model/document.js';
import { toHalfWidth } from '../normalize/cell.js';
import { unitIn } from '../normalize/unit.js';
import { toSuperscript } from './superscript.js';
import { buildGrid, type PlacedCell } from './grid.js';
import { labelBlanks, pdfIndent, withBlanks } from './label-indent.js';
import { absorbSpill, assignRuns, boundaries, findTables, lowestTable, reclaimWrapped, type PageCell, type PageTable } from './pdf-grid.js';
import { CLIP_SLACK, PAST_EDGE, type Rules } from './pdf-rules.js';
import { inferTables, type TextGrid } from './pdf-textgrid.js';
import { withUnruledRows } from './pdf-unruled.js';
import { continues, firstLineIndents, groupLines, roomAfter, toParagraphs, wrapEdge, type Frame, type Paragraph, type TextLine, type TextRun } from './pdf-text.js';

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rules;
  /** Displayed, top-down page coordinates → the page's user space (for the boxes the
   *  annotated copy marks); without it boxes stay in displayed coordinates. */
  toUser?: (x: number, y: number) => [number, number];
}

/** Frames this close (points) are the same table continued. */
const FRAME_TOLERANCE = 3;
const near = (a: number, b: number) => Math.abs(a - b) <= FRAME_TOLERANCE;
/** Header/footer bands: this share of the page height at the top and the bottom. */
const MARGIN_BAND = 0.1;
/** A cell with at least this many lines on a page is running text, not a label. */
const LONG_TEXT_LINES = 3;

/** Reading order: runs of lines, and tables that may go on over pages. */
type Seq = { kind: 'lines'; lines: TextLine[] } | { kind: 'table'; parts: PageTable[]; endsPage: boolean };

type PageItem = { kind: 'table'; table: PageTable; top: number } | { kind: 'line'; line: TextLine; top: number };

/** Lays out all pages as DocModel blocks and tables. */
export function layoutPages(pages: readonly PageContent[]): { blocks: DocBlock[]; tables: DocTable[]; pageFurniture?: string[] } {
  let above: PageTable | undefined; // the lowest table of the page before
  let carry: { page: number; grid: TextGrid } | undefined; // columns read from the text of the page before
  let refused = false;
  const drawn = pages.map((p) => {
    const found = findTables(p.rules, p.page);
    if (found.length > 0) return { tables: withUnruledRows(found, p.runs, p.rules, p.page), fromText: false };
    // No table drawn with sides: one whose cells are set out by the text alone.
    const inferred = inferTables(p.runs, p.rules, p.page, carry?.page === p.page - 1 ? carry.grid : undefined);
    refused ||= inferred.refused;
    carry = inferred.grid ? { page: p.page, grid: inferred.grid } : undefined;
    return { tables: inferred.tables, fromText: true };
  });
  // A table whose rows could not all be told on one page is not read from its text on any
  // page: the pages read would make a form with rows missing, not a clear failure.
  const perPage = pages.map((p, i) => {
    const found = refused && drawn[i].fromText ? [] : drawn[i].tables;
    const tables = above?.page === p.page - 1 ? widenTop(found, above) : found;
    above = lowestTable(tables);
    const body = absorbSpill(tables, assignRuns(tables, p.runs));
    reclaimWrapped(tables);
    cutByEdge(tables, p.rules.pastEdge);
    return { content: p, tables, lines: groupLines(body) };
  });
  const boxOf = pageBoxes(pages);
  const pad = cellPadding(perPage.flatMap((p) => p.tables.flatMap((t) => t.cells)));
  const { lines: furniture, units } = pageFurniture(perPage.map((p) => ({ content: p.content, lines: p.lines })));
  // A page's footnotes are out of the body as its furniture is: no paragraph between the
  // parts of a table they print between, nor a paragraph of the text after the form.
  for (const p of perPage) for (const line of footnotes(p.content, p.tables, p.lines, furniture)) furniture.add(line);

  // Reading order: one sequence of line runs and (possibly multi-page) tables.
  const seq: Seq[] = [];
  // the lines' texts of the pages laid out so far: a page header repeats one of them
  const earlier = new Set<string>();
  for (const p of perPage) {
    const placed: PageItem[] = [
      ...p.tables.map((table) => ({ kind: 'table' as const, table, top: table.ys[0] })),
      ...p.lines.filter((l) => !furniture.has(l)).map(lineItem),
    ].sort((a, b) => a.top - b.top);
    dropPageHeader(placed, seq.at(-1), p.content.height, earlier);
    for (const line of p.lines) earlier.add(lineKey(line));
    const items = unframeOpen(placed, seq.at(-1));
    items.forEach((item, i) => {
      const last = seq.at(-1);
      const endsPage = i === items.length - 1;
      if (item.kind === 'table') {
        if (last?.kind === 'table' && goesOn(last, item.table, i)) {
          last.parts.push(item.table);
          last.endsPage = endsPage;
        } else {
          seq.push({ kind: 'table', parts: [item.table], endsPage });
        }
      } else if (last?.kind === 'lines') {
        last.lines.push(item.line);
      } else {
        seq.push({ kind: 'lines', lines: [item.line] });
      }
    });
  }

  const allLines = seq.flatMap((s) => (s.kind === 'lines' ? s.lines : []));
  const tableLefts = perPage.flatMap((p) => p.tables.map((t) => t.xs[0]));
  const bodyFrame = textArea(allLines, pages, tableLefts);
  const blocks: DocBlock[] = [];
  const tables: DocTable[] = [];
  for (const s of seq) {
    if (s.kind === 'lines') {
      for (const para of toParagraphs(s.lines, bodyFrame)) {
        const block: DocParagraph = { kind: 'paragraph', text: para.text, page: para.page, lines: para.lines.map((l) => lineOf(l, boxOf)) };
        blocks.push(block);
      }
    } else {
      for (const chain of splitChains(s.parts)) {
        const table = joinParts(chain, tables.length, boxOf, pad);
        tables.push(table);
        blocks.push(table);
      }
    }
  }
  return units.length > 0 ? { blocks, tables, pageFurniture: units } : { blocks, tables };
}

/**
 * The cells of a page's tables that run on past what the page shows (Rules.pastEdge): a
 * browser printing a table wider than its page draws the cells the edge cuts and leaves
 * out those wholly beyond. A cut cell's text is unknown where it may go on past the edge:
 * a line of it reaches the edge, or it shows nothing (its text may stand wholly beyond),
 * or the edge is the page's foot (what lies below it is never known). A line reaches the
 * edge where a glyph after it could stand wholly past the edge: the producer draws a
 * glyph that starts before the edge (clipped) and leaves out only one wholly beyond, so
 * a line ending further than a space (half an em) short of the edge ends there. A cell
 * whose every line ends so shows its text whole (a short label at the left of a wide cell,
 * a figure set right with the cell's padding after it).
 */
function cutByEdge(tables: readonly PageTable[], edge: Rules['pastEdge']): void {
  if (!edge) return;
  for (const table of tables) {
    for (const cell of table.cells) {
      // a cell reaching the edge (within the producer's rounding) may go on past it: LibreOffice cuts a table at the paper's edge
      const right = edge.right !== undefined && cell.x1 >= edge.right - CLIP_SLACK;
      const bottom = edge.bottom !== undefined && cell.y1 > edge.bottom + PAST_EDGE;
      if (!right && !bottom) continue;
      const lines = groupLines(cell.runs);
      const whole = !bottom && lines.length > 0 && lines.every((l) => l.right <= edge.right! - SPACE * l.size);
      cell.edge = { side: right ? 'right' : 'bottom', cut: !whole, seen: lines.map((l) => l.text).join('') };
    }
  }
}

/** The widest gap between two glyphs of a line, in ems: a space. */
const SPACE = 0.5;

/** One cell's edges over the pages it covers: cut where any page cut it. */
function joinEdges(a: CellEdge | undefined, b: CellEdge | undefined): CellEdge | undefined {
  if (!a || !b) return a ?? b;
  return { side: a.side, cut: a.cut || b.cut, seen: a.seen + b.seen };
}

/** A rectangle in displayed coordinates (top-down) on a page → a PageBox in its user space. */
type BoxOf = (page: number, left: number, top: number, right: number, bottom: number) => PageBox;

function pageBoxes(pages: readonly PageContent[]): BoxOf {
  const byPage = new Map(pages.map((p) => [p.page, p.toUser]));
  return (page, left, top, right, bottom) => {
    const toUser = byPage.get(page);
    if (!toUser) return { page, x0: left, y0: top, x1: right, y1: bottom };
    const [ax, ay] = toUser(left, top);
    const [bx, by] = toUser(right, bottom);
    return { page, x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  };
}

/** A line's box: from its glyphs' top (about one em above the baseline) to their descent. */
function lineOf(line: TextLine, boxOf: BoxOf): DocLine {
  return { text: line.text, box: boxOf(line.page, line.left, line.baseline - line.size, line.right, line.baseline + 0.25 * line.size) };
}

/**
 * Where body lines wrap: the right edge several lines reach (justified or full
 * lines); with too few such lines (a title and two short lines), the mirror of
 * the left margin — Word and WPS default to equal side margins. A line that ends
 * in a mark hanging past the margin (LibreOffice's and Word's hanging punctuation:
 * "…12.20万元，" one comma beyond the others) shows the margin by the glyph before
 * that mark; how far such lines reach is kept as `outer`.
 */
function textArea(lines: readonly TextLine[], pages: readonly PageContent[], tableLefts: readonly number[]): Frame {
  if (lines.length === 0) return { left: 0, right: 0 };
  // A table's left edge is the text area's too: with only centred lines (a title over
  // the form) the lines alone would make the frame as narrow as the longest of them,
  // and every title line would look full (wrapped into the next).
  const left = Math.min(...lines.map((l) => l.left), ...tableLefts);
  const edge = (rightOf: (l: TextLine) => number): number => {
    const right = Math.max(...lines.map(rightOf));
    const reaching = lines.filter((l) => rightOf(l) >= right - l.size).length;
    if (reaching >= 3) return right;
    const width = pages.find((p) => p.page === lines[0].page)?.width ?? right + left;
    return Math.max(right, width - left);
  };
  const frame: Frame = { left, right: edge(wrapEdge), outer: edge((l) => l.right) };
  return { ...frame, indents: firstLineIndents(lines, frame) };
}

function lineItem(line: TextLine): PageItem {
  return { kind: 'line', line, top: line.baseline - line.size };
}

/** Two uprights with nothing across (pdf-grid: `open`) are the rest of a cell only where
 *  they continue the table the page before ends with; elsewhere they frame no table, and
 *  their text is the page's, in reading order. */
function unframeOpen(items: PageItem[], last: Seq | undefined): PageItem[] {
  const stray = (item: PageItem, i: number) => item.kind === 'table' && item.table.open === true && !(last?.kind === 'table' && goesOn(last, item.table, i));
  if (!items.some(stray)) return items;
  return items
    .flatMap((item, i) => (item.kind === 'table' && stray(item, i) ? groupLines(item.table.cells.flatMap((c) => c.runs)).map(lineItem) : [item]))
    .sort((a, b) => a.top - b.top);
}

/** The page's `i`-th item, a table, goes on with the table that ended the page before. */
function goesOn(last: Extract<Seq, { kind: 'table' }>, table: PageTable, i: number): boolean {
  return i === 0 && last.endsPage && continuesTable(last.parts, table);
}

/**
 * A page's top table that goes on with the one the page before ends with, drawn without
 * the merged side columns (绩效指标, 一级指标) whose cells the break cut: a browser draws no
 * rule for them on this page, but prints their text there (the rest of a label, or a
 * label that starts here). Where every column boundary of the part is one of that
 * table's, and the break cut some cell of its last row (`openBottom`), the part gets the
 * missing columns back, one cell each down all its rows, so that their text is read into
 * them.
 */
function widenTop(tables: PageTable[], above: PageTable): PageTable[] {
  const top = tables[0];
  if (!top || top.open) return tables;
  if (!top.xs.every((x) => above.xs.some((a) => near(a, x)))) return tables;
  // the cells of the last row above, beside the part; the break must have cut some cell of
  // that row (the producer leaves cut cells open: a cell ruled under ends there, and the
  // side cell below it is a new one, such as a 一级指标 label under the header row)
  const beside = above.cells.filter((c) => c.r1 === above.ys.length - 1 && besidePart(c, top)).sort((a, b) => a.x0 - b.x0);
  if (beside.length === 0 || !cutAtFoot(above)) return tables;
  const left = beside.filter((c) => c.x1 <= top.xs[0] + FRAME_TOLERANCE);
  const right = beside.filter((c) => c.x0 >= top.xs.at(-1)! - FRAME_TOLERANCE);
  // …and reach the table's edges, side by side
  const xs = [...left.map((c) => c.x0), ...top.xs, ...right.map((c) => c.x1)];
  if (![...left.map((c) => c.x1), ...right.map((c) => c.x0)].every((x) => xs.some((e) => near(e, x)))) return tables;

  const rows = top.ys.length - 1;
  const cells: PageCell[] = top.cells.map((c) => ({ ...c, c0: c.c0 + left.length, c1: c.c1 + left.length }));
  const cellAt = top.cellAt.map((row) => [...new Array<number>(left.length).fill(-1), ...row, ...new Array<number>(right.length).fill(-1)]);
  const sideColumns = [...left.keys(), ...right.map((_, i) => left.length + top.xs.length - 1 + i)];
  for (const c of sideColumns) {
    const index = cells.push({ r0: 0, r1: rows, c0: c, c1: c + 1, x0: xs[c], x1: xs[c + 1], y0: top.ys[0], y1: top.ys[rows], page: top.page, runs: [], openBottom: true }) - 1;
    for (const row of cellAt) row[c] = index;
  }
  return [{ ...top, xs, cells, cellAt }, ...tables.slice(1)];
}

/** A cell of the table above that stands left or right of a narrower part. */
function besidePart(cell: { x0: number; x1: number }, part: PageTable): boolean {
  return cell.x1 <= part.xs[0] + FRAME_TOLERANCE || cell.x0 >= part.xs.at(-1)! - FRAME_TOLERANCE;
}

/** The page break cut a cell of the part's last row (pdf-grid: `openBottom`, only there). */
function cutAtFoot(part: PageTable): boolean {
  return part.cells.some((c) => c.openBottom);
}

/** The next page's first table continues the table so far (its page parts) when their frames line up. */
function continuesTable(parts: readonly PageTable[], next: PageTable): boolean {
  // the table's columns so far: a part before may have been the narrower one
  const xs = boundaries(parts.flatMap((p) => p.xs));
  if (near(xs[0], next.xs[0]) && near(xs.at(-1)!, next.xs.at(-1)!)) return true;
  // A vertically merged cell at the table's side (年度绩效指标完成情况 beside every
  // indicator row) that goes on over the page may be drawn with no rule there (a
  // browser's print): the part is narrower, and every one of its column boundaries is
  // one of the table's.
  return next.xs.every((x) => xs.some((p) => near(p, x))) && next.xs.at(-1)! - next.xs[0] >= (xs.at(-1)! - xs[0]) / 2;
}

const PAGE_NUMBER = [
  /^[-—–－\s]*\d+[-—–－\s]*$/,
  /^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/,
  /^(共\s*\d+\s*页\s*)?第\s*\d+\s*页$/,
  /^\d+\s*\/\s*\d+$/,
  /^page\s*\d+(\s*of\s*\d+)?$/i,
];

/** A line's text for telling it again on another page: whitespace removed. */
function lineKey(line: TextLine): string {
  return line.text.replace(/\s+/g, '');
}

/** The lines atop a page whose table continues the last page's — its page header, kept by
 *  pageFurniture — are dropped, so the table is still one and a row the page break split
 *  is joined again: a unit line, which repeats the unit already stated; and, where the
 *  break cut a cell of the last row (the table surely goes on: a browser's print), any
 *  line that repeats a line of an earlier page (the form's title in the page header a
 *  browser prints atop every page). */
function dropPageHeader(items: PageItem[], last: Seq | undefined, height: number, earlier: ReadonlySet<string>): void {
  if (last?.kind !== 'table' || !last.endsPage) return;
  const cut = cutAtFoot(last.parts.at(-1)!);
  let lead = 0;
  while (lead < items.length) {
    const it = items[lead];
    if (it.kind !== 'line' || it.top >= MARGIN_BAND * height) break;
    if (!unitIn(it.line.text) && !(cut && earlier.has(lineKey(it.line)))) break;
    lead++;
  }
  const next = items[lead];
  if (lead === 0 || next?.kind !== 'table') return;
  if (continuesTable(last.parts, next.table)) items.splice(0, lead);
}

/** Page headers, footers and page numbers: lines in the top/bottom band of the page
 *  that look like a page number, or repeat (digits aside) on at least half the pages at
 *  the same place — the same band, as far from its edge within a line's height, as a
 *  running header is printed. A short answer ("无") that happens to end one page and open
 *  the next is text. Never a line stating the money unit atop the page: "单位：元" printed
 *  atop each page of a form (a Word page header) is the unit of its table, and the form
 *  misreads 10 000× without it — read above the title as the form's. One repeated at the
 *  foot of the pages (a Word page footer "注：金额单位：元") is furniture, out of the body
 *  (else it cuts the table at each page break), and its text is returned in `units`: the
 *  unit every page states (DocModel.pageFurniture). Nor a heading — a line set clearly
 *  larger than the document's text: several forms one to a page each open with the same
 *  title at the same place, and a title (its year, its kind) is the form's, where a
 *  running header is set no larger than the text. */
function pageFurniture(pages: readonly { content: PageContent; lines: TextLine[] }[]): { lines: Set<TextLine>; units: string[] } {
  const out = new Set<TextLine>();
  const units: string[] = [];
  const headingFrom = HEADING_SCALE * textSize(pages.map((p) => p.content));
  /** Which band a line is in, and how far its baseline is from that band's edge; null outside both. */
  const place = (line: TextLine, height: number): { band: 'top' | 'bottom'; depth: number } | null => {
    if (line.baseline - line.size < MARGIN_BAND * height) return { band: 'top', depth: line.baseline };
    if (line.baseline > (1 - MARGIN_BAND) * height) return { band: 'bottom', depth: height - line.baseline };
    return null;
  };
  const key = (line: TextLine, band: string) => `${band}|${line.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;
  const seen = new Map<string, { page: number; depth: number }[]>();
  for (const p of pages) {
    for (const line of p.lines) {
      const at = place(line, p.content.height);
      if (!at) continue;
      const k = key(line, at.band);
      if (!seen.has(k)) seen.set(k, []);
      seen.get(k)!.push({ page: p.content.page, depth: at.depth });
    }
  }
  const repeatAt = Math.max(2, Math.ceil(pages.length / 2));
  for (const p of pages) {
    for (const line of p.lines) {
      const at = place(line, p.content.height);
      if (!at) continue;
      const unit = unitIn(line.text) !== null;
      if (unit && at.band === 'top') continue;
      const text = line.text.trim();
      if (!unit && PAGE_NUMBER.some((re) => re.test(text))) {
        out.add(line);
        continue;
      }
      if (line.size >= headingFrom) continue;
      const same = (seen.get(key(line, at.band)) ?? []).filter((o) => Math.abs(o.depth - at.depth) <= line.size);
      if (new Set(same.map((o) => o.page)).size < repeatAt) continue;
      out.add(line);
      if (unit) units.push(text);
    }
  }
  return { lines: out, units };
}

/** The footnotes at a page's foot (Word's w:footnote, printed by Word and LibreOffice under
 *  a short rule): the page's last lines from the first one that opens with a note's mark
 *  (TextLine.noteMark, a small raised "1") which a reference mark on the page repeats (the
 *  raised "¹" after a figure, markSuperscripts), nothing but such lines and their wrapped
 *  text below it and no table. Their text says more about a figure of the page ("¹含上年结转
 *  资金支出36.20万元。"); it is neither the form's nor its narrative's — the DOCX reader does
 *  not read footnotes either. */
function footnotes(content: PageContent, tables: readonly PageTable[], lines: readonly TextLine[], furniture: ReadonlySet<TextLine>): TextLine[] {
  const body = lines.filter((l) => !furniture.has(l)).sort((a, b) => a.baseline - b.baseline);
  const referenced = (mark: string) => {
    const sup = toSuperscript(mark);
    return sup !== mark && content.runs.some((r) => r.str.includes(sup));
  };
  const first = body.findIndex((l) => l.noteMark !== undefined && referenced(l.noteMark));
  if (first < 0) return [];
  const top = body[first].baseline - body[first].size;
  if (tables.some((t) => t.ys.at(-1)! > top + FRAME_TOLERANCE)) return [];
  return body.slice(first);
}

/** A line this many times the document's text size is a heading. */
const HEADING_SCALE = 1.3;

/** The size most of the document's glyphs are set in (tables' text included): the
 *  median over glyphs, so a long table outweighs a short title. */
function textSize(pages: readonly PageContent[]): number {
  const bySize = new Map<number, number>();
  for (const p of pages) for (const r of p.runs) bySize.set(r.size, (bySize.get(r.size) ?? 0) + Array.from(r.str.replace(/\s+/g, '')).length);
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  let left = [...bySize.values()].reduce((a, b) => a + b, 0) / 2;
  for (const size of sizes) if ((left -= bySize.get(size)!) <= 0) return size;
  return Infinity;
}

/** How many leading rows of `part` repeat the leading rows of `head` (non-empty). */
function repeatedRows(part: PageTable, head: PageTable): number {
  const a = rowSignatures(part), b = rowSignatures(head);
  let k = 0;
  while (k < a.length - 1 && k < b.length && a[k] !== '' && a[k] === b[k]) k++;
  return k;
}

/**
 * Page parts that line up may still be two tables: a table whose header rows
 * repeat on the next page but do not open the page before it starts on its own
 * page. Splits the run of parts there.
 */
function splitChains(parts: readonly PageTable[]): PageTable[][] {
  const chains: PageTable[][] = [[parts[0]]];
  for (let k = 1; k < parts.length; k++) {
    // below cells the break cut, the page opens with their rest, not with repeated headers
    const repeatsPrev = !cutAtFoot(parts[k - 1]) && repeatedRows(parts[k], parts[k - 1]) > 0;
    const chain = chains.at(-1)!;
    const prevStarts = chain.length > 1 && chain.at(-1) === parts[k - 1] && repeatedRows(parts[k - 1], chain[0]) === 0;
    if (repeatsPrev && prevStarts) {
      chain.pop();
      chains.push([parts[k - 1], parts[k]]);
    } else {
      chain.push(parts[k]);
    }
  }
  return chains;
}

/** A cell of the joined table: global rows, columns still as x positions. */
interface JoinedCell {
  r0: number; r1: number; x0: number; x1: number;
  page: number;
  runs: TextRun[];
  /** Its rectangle on each page part (displayed coordinates). */
  parts: { page: number; y0: number; y1: number }[];
  /** Cut by the page break at its foot (pdf-grid): the next page's cell below it is its rest. */
  openBottom: boolean;
  /** Runs on past a page's visible edge (cutByEdge), on any of its pages. */
  edge?: CellEdge;
}

/** A cell's runs grouped into lines, once per runs array: cellPadding, the page-break
 *  tests and cellParagraphs each asked again for the same cells (a joined cell shares
 *  its page cell's array until the next page's rest is added, which makes a new one).
 *  Keyed by the array, checked by its length: an array grown since is grouped afresh. */
const cellLinesMemo = new WeakMap<readonly TextRun[], { count: number; lines: readonly TextLine[] }>();

function cellLines(runs: readonly TextRun[]): readonly TextLine[] {
  const known = cellLinesMemo.get(runs);
  if (known && known.count === runs.length) return known.lines;
  const lines = groupLines(runs);
  cellLinesMemo.set(runs, { count: runs.length, lines });
  return lines;
}

/** Joins one table's page parts into a DocTable. */
function joinParts(parts: readonly PageTable[], index: number, boxOf: BoxOf, pad: number): DocTable {
  const first = parts[0];
  let cells: JoinedCell[] = first.cells.map((c) => fromPage(c, 0));
  let rows = first.ys.length - 1;
  // A producer that leaves the rule out where a page break cuts a cell (a browser) says
  // by its rules which cells go on over the page: there the rules decide, not the text.
  const cutsShown = parts.slice(0, -1).some(cutAtFoot);

  for (const part of parts.slice(1)) {
    let partCells = part.cells.map((c) => fromPage(c, 0));
    let partRows = part.ys.length - 1;
    // Drop the header rows Word/LibreOffice repeat at the top of each page.
    const k = repeatedRows(part, first);
    if (k > 0 && partCells.every((c) => c.r1 <= k || c.r0 >= k)) {
      partCells = partCells.filter((c) => c.r0 >= k).map((c) => ({ ...c, r0: c.r0 - k, r1: c.r1 - k }));
      partRows -= k;
    }
    if (partRows <= 0) continue;

    const lastRow = cells.filter((c) => c.r1 === rows);
    const firstRow = partCells.filter((c) => c.r0 === 0);
    // a part open at its top (no rule there) is the rest of the row above
    const split =
      part.open === true ||
      (cutsShown
        ? firstRow.length > 0 && firstRow.every((c) => lastRow.find((t) => sameColumns(t, c))?.openBottom)
        : isSplitRow(lastRow, firstRow, part.xs.at(-1)! - part.xs[0], pad));
    const offset = split ? rows - 1 : rows;
    // Columns holding vertically merged cells group the rows (一级/二级指标): an empty
    // cell opening the page there continues the group above it, and so does the rest
    // of a label the break cut even where the rows beside it are new.
    const grouping = [...cells, ...partCells].filter((c) => c.r1 - c.r0 > 1);
    const grouped = (cell: JoinedCell) => grouping.some((g) => sameColumns(g, cell));
    // A group label opening the page in a column left of this one (效益指标 under 产出指标's
    // rows) starts a new group there, so a label right of it starts one too, however
    // full the last line above it was (成本指标 | 社会效益指标 are two).
    let newGroupAt = Infinity;
    for (const cell of [...partCells].sort((a, b) => a.r0 - b.r0 || a.x0 - b.x0)) {
      const above = cell.r0 === 0 ? lastRow.find((t) => sameColumns(t, cell)) : undefined;
      const cut = () => cell.x0 < newGroupAt && labelGoesOn(above!, cell, lastRow, grouped, pad);
      const joins = above && (split || above.openBottom || (grouped(cell) && (isEmpty(cell) || cut())));
      if (above && !joins && grouped(cell) && !isEmpty(cell)) newGroupAt = Math.min(newGroupAt, cell.x0);
      if (above && joins) {
        above.r1 = offset + cell.r1;
        above.runs = [...above.runs, ...cell.runs]; // a new array: the one before may be in cellLines' memo
        above.parts.push(...cell.parts);
        above.openBottom = cell.openBottom;
        above.edge = joinEdges(above.edge, cell.edge);
      } else {
        cells.push({ ...cell, r0: cell.r0 + offset, r1: cell.r1 + offset });
      }
    }
    // A cell of the last row beside a narrower part (its merged side column, drawn
    // without rules on this page) goes on down the part's rows.
    for (const cell of lastRow) {
      if (besidePart(cell, part)) cell.r1 = offset + partRows;
    }
    rows = offset + partRows;
  }

  const xs = boundaries(parts.flatMap((p) => p.xs));
  const colOf = (x: number) => nearestIndex(xs, x);
  const placed: PlacedCell[][] = Array.from({ length: rows }, () => []);
  cells = cells.sort((a, b) => a.r0 - b.r0 || a.x0 - b.x0);
  const laid = cells.map((cell) => {
    const c0 = colOf(cell.x0);
    return { cell, c0, c1: Math.max(c0 + 1, colOf(cell.x1)), paragraphs: cellParagraphs(cell, pad) };
  });
  const blanks = labelBlanks(laid.map(({ cell, c0, c1, paragraphs }) => ({ column: `${c0}:${c1}`, indent: pdfIndent(cell.x0, cell.x1, paragraphs[0]?.lines[0]), glyph: paragraphs[0]?.lines[0]?.size ?? 1 })));
  laid.forEach(({ cell, c0, c1, paragraphs }, i) => {
    // a cell the page's edge cut holds what is unknown: no text is read from it
    const shown = cell.edge?.cut ? [] : paragraphs;
    const texts = withBlanks(shown.map((p) => p.text), blanks[i]);
    placed[cell.r0].push({
      text: texts.join('\n'),
      paragraphs: texts,
      paragraphPages: shown.map((p) => p.page),
      boxes: cell.parts.map((p) => boxOf(p.page, cell.x0, p.y0, cell.x1, p.y1)),
      lines: shown.flatMap((p) => p.lines.map((l) => lineOf(l, boxOf))),
      ...(cell.edge ? { edge: cell.edge } : {}),
      col: c0,
      colSpan: c1 - c0,
      vMerge: null,
      rowSpan: cell.r1 - cell.r0,
      page: cell.runs.length > 0 ? Math.min(...cell.runs.map((r) => r.page)) : cell.page,
    });
  });
  return { kind: 'table', index, rows: buildGrid(placed, xs.length - 1) };
}

function fromPage(c: PageCell, offset: number): JoinedCell {
  return { r0: c.r0 + offset, r1: c.r1 + offset, x0: c.x0, x1: c.x1, page: c.page, runs: c.runs, parts: [{ page: c.page, y0: c.y0, y1: c.y1 }], openBottom: c.openBottom === true, ...(c.edge ? { edge: c.edge } : {}) };
}

/** Each row's cell texts (whitespace removed), for spotting repeated header rows. */
function rowSignatures(table: PageTable): string[] {
  const rows: string[] = [];
  for (let r = 0; r < table.ys.length - 1; r++) {
    const cells = table.cells.filter((c) => c.r0 <= r && c.r1 > r).sort((a, b) => a.x0 - b.x0);
    const texts = cells.map((c) => (c.r0 === r ? runsText(c.runs) : '^'));
    rows.push(texts.some((t) => t !== '' && t !== '^') ? texts.join('|') : '');
  }
  return rows;
}

function runsText(runs: readonly TextRun[]): string {
  return [...runs]
    .sort((a, b) => a.page - b.page || a.baseline - b.baseline || a.x - b.x)
    .map((r) => r.str)
    .join('')
    .replace(/\s+/g, '');
}

function isEmpty(cell: JoinedCell): boolean {
  return cell.runs.every((r) => r.str.trim() === '');
}

function sameColumns(a: JoinedCell, b: JoinedCell): boolean {
  return near(a.x0, b.x0) && near(a.x1, b.x1);
}

/**
 * Whether the next page's first row is the rest of the previous page's last row
 * (Word/LibreOffice let a row break across pages). It is when every cell with text
 * on the new page carries on a cell whose last line on the old page was full — a
 * wrapped line, not a finished paragraph — and at least one such cell exists.
 */
function isSplitRow(lastRow: readonly JoinedCell[], firstRow: readonly JoinedCell[], tableWidth: number, pad: number): boolean {
  if (isLongTextRow(lastRow, firstRow, tableWidth)) return true;
  let carried = 0;
  for (const cell of firstRow) {
    if (isEmpty(cell)) continue;
    const above = lastRow.find((t) => sameColumns(t, cell));
    if (!above || isEmpty(above) || !carriesOn(above, cell, pad)) return false;
    carried++;
  }
  return carried > 0;
}

/** The text of `cell`, opening the next page, is the rest of the text of `above`, whose last line was full. */
function carriesOn(above: JoinedCell, cell: JoinedCell, pad: number): boolean {
  const prevLines = cellLines(above.runs);
  const nextLines = cellLines(cell.runs);
  const prev = prevLines.at(-1)!;
  const next = nextLines[0];
  if (next.page !== prev.page + 1) return false;
  const frame = innerFrame(above, prevLines, pad, nextLines);
  if (twoNumbers(prevLines.filter((l) => l.page === prev.page), nextLines, frame)) return false;
  return continues(prev, next, frame, next.size * 1.5) || verticalGoesOn(prevLines, nextLines);
}

/**
 * A label of a grouping column (一级/二级指标, merged down its indicators' rows) that the
 * break cut between two rows: the rows beside it ended on the old page, so the label
 * had only their height there — its lines reach the foot of its cell, as low as the
 * row's own cells — and its rest opens the cell below. A label that stops short of
 * its cell's foot, or ends lower than every other cell of the row (it made the row
 * that tall itself), was finished there however full its last line.
 */
function labelGoesOn(above: JoinedCell, cell: JoinedCell, lastRow: readonly JoinedCell[], grouped: (c: JoinedCell) => boolean, pad: number): boolean {
  if (isEmpty(above) || isEmpty(cell)) return false;
  const last = cellLines(above.runs).at(-1)!;
  const foot = above.parts.filter((p) => p.page === last.page).at(-1);
  if (!foot || foot.y1 - last.baseline >= last.size) return false;
  const asLow = lastRow.some((t) => {
    if (t === above || grouped(t)) return false;
    const end = cellLines(t.runs).at(-1);
    return end !== undefined && end.page === last.page && end.baseline >= last.baseline - 0.5 * last.size;
  });
  return asLow && carriesOn(above, cell, pad);
}

/** A cell holding one number and nothing else: a weight, a score, a rate, a target ("≥90%"). */
const LONE_NUMBER = /^[≥≤≧≦><=＝]?[-−]?[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?[%％‰]?$/;

/**
 * A number ending a cell above the break and a number opening the cell below it are two
 * rows' values ("10" over "10" in a 分值 column), not one cell's "1010": a short number
 * in a narrow column leaves too little room for the next one to have fitted, so the line
 * looks full, yet a row the break splits leaves such a finished cell empty below. They
 * are one number only where the break fell inside it, digit against digit, and then the
 * line above is full to within that digit: a word is broken only where it overflows.
 */
function twoNumbers(above: readonly TextLine[], below: readonly TextLine[], frame: Frame): boolean {
  const top = above.map((l) => l.text).join('');
  const rest = below.map((l) => l.text).join('');
  if (!LONE_NUMBER.test(top) || !LONE_NUMBER.test(rest)) return false;
  if (!/\d$/.test(toHalfWidth(top)) || !/^\d/.test(toHalfWidth(rest))) return true;
  const prev = above.at(-1)!, next = below[0];
  // the lone number is its line's first token; the width estimate is even across its glyphs
  const digit = next.firstToken / Array.from(next.text).length;
  return roomAfter(prev, frame) >= digit + 0.15 * next.size;
}

/**
 * A label written one character a line (绩/效/指/标 — how forms set vertical labels in
 * narrow columns) carries on over the page break: each line is its own paragraph, so
 * no line is "full", yet the word is cut. Both sides must be written that way, the side
 * above over two lines at least; a new row always has some cell of ordinary text.
 */
function verticalGoesOn(above: readonly TextLine[], below: readonly TextLine[]): boolean {
  const oneChar = (l: TextLine) => [...l.text.trim()].length === 1;
  return above.length >= 2 && above.every(oneChar) && below.every(oneChar);
}

/**
 * A wide cell of running text (a narrative kept inside the table) that fills the
 * bottom of one page and goes on at the top of the next is one cell even when the
 * break falls between two of its paragraphs: a long text row on both sides.
 */
function isLongTextRow(lastRow: readonly JoinedCell[], firstRow: readonly JoinedCell[], tableWidth: number): boolean {
  const before = lastRow.filter((c) => !isEmpty(c));
  const after = firstRow.filter((c) => !isEmpty(c));
  if (before.length !== 1 || after.length !== 1 || !sameColumns(before[0], after[0])) return false;
  const cell = before[0];
  if (cell.x1 - cell.x0 < 0.5 * tableWidth) return false;
  const lastPage = Math.max(...cell.runs.map((r) => r.page));
  return groupLines(cell.runs.filter((r) => r.page === lastPage)).length >= LONG_TEXT_LINES;
}

/**
 * The box a cell's text wraps in: its rules less the padding seen on the left, and on
 * the right the document's padding (`pad`, cellPadding) where the lines start further in
 * (indented or centred text). Lines centred in the cell — their centres on the cell's,
 * and their left edges apart or further in than the padding; `also`: the cell's rest on
 * the next page — are a centred box with that padding on both sides.
 */
function innerFrame(cell: JoinedCell, lines: readonly TextLine[], pad: number, also: readonly TextLine[] = []): Frame {
  const minLeft = Math.min(...lines.map((l) => l.left));
  const own = Math.min(10, Math.max(0.5, minLeft - cell.x0));
  const inset = Math.min(own, pad);
  const maxRight = Math.max(...lines.map((l) => l.right));
  const all = [...lines, ...also];
  const mid = (cell.x0 + cell.x1) / 2;
  const lefts = all.map((l) => l.left);
  const size = all[0].size;
  // (lines that start at one edge no further in than the padding may as well be left-aligned)
  const apart = Math.max(...lefts) - Math.min(...lefts) > 0.5 * size || Math.min(...lefts) - cell.x0 - pad > 0.5 * size;
  const centred = apart && all.every((l) => Math.abs((l.left + l.right) / 2 - mid) <= CENTRED * l.size);
  if (centred) return { left: Math.min(cell.x0 + inset, minLeft), right: Math.max(cell.x1 - inset, maxRight), cell: true, centred: true };
  // Several lines ending at one edge show where the text wraps more exactly than
  // the padding.
  const reaching = lines.filter((l) => l.right >= maxRight - l.size).length;
  return { left: cell.x0 + own, right: reaching >= 3 ? maxRight : Math.max(cell.x1 - inset, maxRight), cell: true };
}

/** A line whose centre is this many ems or less off its cell's is centred in it. */
const CENTRED = 0.3;
/** Word's and LibreOffice's default cell padding (0.19 cm), where no cell shows one. */
const DEFAULT_PAD = 5.4;

/**
 * The padding the producer sets inside every cell (one for the whole document), as the
 * left-aligned cells show it: the distance from the left rule at which the lines of a
 * cell of several lines all start, those lines ending at different places (centred
 * lines start where their width puts them). Their median; Word's default where no cell
 * is set that way.
 */
function cellPadding(cells: readonly PageCell[]): number {
  const gaps: number[] = [];
  for (const cell of cells) {
    const lines = cellLines(cell.runs);
    if (lines.length < 2) continue;
    const left = Math.min(...lines.map((l) => l.left));
    const rights = lines.map((l) => l.right);
    if (lines.some((l) => l.left - left > 0.5) || Math.max(...rights) - Math.min(...rights) < lines[0].size) continue;
    if (left - cell.x0 >= 0.5 && left - cell.x0 <= 10) gaps.push(left - cell.x0);
  }
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : DEFAULT_PAD;
}

function cellParagraphs(cell: JoinedCell, pad: number): Paragraph[] {
  const lines = cellLines(cell.runs);
  if (lines.length === 0) return [];
  return toParagraphs(lines, innerFrame(cell, lines, pad));
}

function nearestIndex(values: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - x) < Math.abs(values[best] - x)) best = i;
  return best;
}
