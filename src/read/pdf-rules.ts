// Ruling lines of a PDF page from pdfjs' operator list: stroked horizontal/vertical
// path segments and thin filled rectangles (Word and some LibreOffice versions draw
// table borders that way). The same pass measures the largest picture and notes text
// drawn wholly outside its clip box, which nobody sees. Coded against pdfjs-dist
// 5.4.296's operator encoding: constructPath args are [paintOp, [Float32Array of
// DrawOPS], minMax] in user space; a clip operator comes before the path it clips to.

/** A horizontal rule: y (top-down page coordinates) from x0 to x1. */
export interface HRule { y: number; x0: number; x1: number }
/** A vertical rule: x from y0 to y1 (top-down page coordinates). */
export interface VRule { x: number; y0: number; y1: number }
export interface Rules {
  h: HRule[];
  v: VRule[];
  /** The largest picture painted on the page, in square points (absent: none). */
  picture?: number;
  /** Where the page draws text that its clipping hides (top-down page coordinates of
   *  each such text's origin, its baseline's start): drawn, but never seen. */
  hiddenText?: { x: number; y: number }[];
  /** Where rules run on past what the page shows — its clip box, or the page's own edge
   *  (notePastPage) — by more than a rule's width: the visible edge on that side (top-down
   *  page coordinates). A browser printing
   *  a table wider than its page draws the rules of the cells the edge cuts whole, clipped
   *  there, and leaves out what lies wholly beyond (pdf-layout marks the cells it cut). */
  pastEdge?: { right?: number; bottom?: number };
}

/** An axis-parallel box in top-down page coordinates. */
interface Box { x0: number; y0: number; x1: number; y1: number }

/** The subset of pdfjs' OPS table this module reads. */
export interface OpCodes {
  save: number; restore: number; transform: number; constructPath: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  setFillRGBColor: number; setStrokeRGBColor: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number;
  fillStroke: number; eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number;
  paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number;
  clip: number; eoClip: number;
  beginText: number; setFont: number; setTextMatrix: number; moveText: number; setLeadingMoveText: number;
  showText: number; showSpacedText: number; nextLineShowText: number; nextLineSetSpacingShowText: number;
}

// pdfjs 5.x DrawOPS inside a constructPath buffer.
const MOVE_TO = 0, LINE_TO = 1, CURVE_TO = 2, CLOSE_PATH = 3;
/** A filled rectangle at most this thick is a rule, not a shaded area (points). */
const MAX_RULE_THICKNESS = 3;
/** A segment this far from axis-parallel still counts as horizontal/vertical. */
const AXIS_TOLERANCE = 0.5;

type Matrix = [number, number, number, number, number, number];

/** `clip`: the clip box in force (null: none); `fontSize`: the text font's size (text space). */
interface GState { ctm: Matrix; fillWhite: boolean; strokeWhite: boolean; clip: Box | null; fontSize: number }

/**
 * Reads the ruling lines of one page. `pageTop` and `pageLeft` come from the
 * page's view box: y is turned top-down (0 at the top edge) so rows sort naturally.
 */
export function readRules(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  pageTop: number,
  pageLeft = 0,
  /** A turned page (/Rotate): the view transform (user space → top-down page
   *  coordinates as displayed), used instead of pageTop/pageLeft. */
  view?: ArrayLike<number>,
): Rules {
  const rules: Rules = { h: [], v: [] };
  let state: GState = { ctm: [1, 0, 0, 1, 0, 0], fillWhite: false, strokeWhite: false, clip: null, fontSize: 0 };
  // pdfjs puts a clip operator before the path it clips to ("re W n": clip, then constructPath)
  let clipNext = false;
  // The text line matrix, while its position is known: from a Tm or Td up to the first show
  // after it (a later show starts where the glyphs before it ended, which is not tracked).
  let textLine: Matrix | null = null;
  const stack: GState[] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [a, b, c, d, e, f] = state.ctm;
    const ux = a * x + c * y + e, uy = b * x + d * y + f;
    if (view) return [view[0] * ux + view[2] * uy + view[4], view[1] * ux + view[3] * uy + view[5]];
    return [ux - pageLeft, pageTop - uy];
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) {
      stack.push(state);
      state = { ...state };
    } else if (fn === ops.restore) {
      state = stack.pop() ?? state;
    } else if (fn === ops.transform) {
      state = { ...state, ctm: multiply(state.ctm, args as unknown as Matrix) };
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(state);
      const m = args?.[0] as ArrayLike<number> | null;
      state = m && m.length === 6 ? { ...state, ctm: multiply(state.ctm, Array.from(m) as Matrix) } : { ...state };
    } else if (fn === ops.paintFormXObjectEnd) {
      state = stack.pop() ?? state;
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject) {
      // a picture fills the unit square the CTM maps onto the page
      const [a, b, c, d] = state.ctm;
      rules.picture = Math.max(rules.picture ?? 0, Math.abs(a * d - b * c));
    } else if (fn === ops.clip || fn === ops.eoClip) {
      clipNext = true;
    } else if (fn === ops.beginText) {
      textLine = [1, 0, 0, 1, 0, 0];
    } else if (fn === ops.setFont) {
      state = { ...state, fontSize: Number(args?.[1]) || 0 };
    } else if (fn === ops.setTextMatrix) {
      const m = args?.[0] as ArrayLike<number> | undefined;
      textLine = m && m.length === 6 ? (Array.from(m) as Matrix) : null;
    } else if (fn === ops.moveText || fn === ops.setLeadingMoveText) {
      textLine = textLine && args ? multiply(textLine, [1, 0, 0, 1, Number(args[0]), Number(args[1])]) : null;
    } else if (fn === ops.showText || fn === ops.showSpacedText || fn === ops.nextLineShowText || fn === ops.nextLineSetSpacingShowText) {
      const positioned = fn === ops.showText || fn === ops.showSpacedText; // ' and " move to the next line first
      const hidden = textLine && state.clip && positioned ? hiddenOrigin(textLine, state) : null;
      if (hidden) (rules.hiddenText ??= []).push(hidden);
      textLine = null;
    } else if (fn === ops.setFillRGBColor) {
      state = { ...state, fillWhite: isWhite(args) };
    } else if (fn === ops.setStrokeRGBColor) {
      state = { ...state, strokeWhite: isWhite(args) };
    } else if (fn === ops.constructPath && args) {
      const paintOp = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (clipNext) {
        clipNext = false;
        const box = buffer ? boxOf(subpaths(buffer, toPage)) : null;
        if (box) state = { ...state, clip: state.clip ? intersect(state.clip, box) : box };
      }
      if (!buffer) continue;
      const strokes = paintOp === ops.stroke || paintOp === ops.closeStroke || paintOp === ops.fillStroke ||
        paintOp === ops.eoFillStroke || paintOp === ops.closeFillStroke || paintOp === ops.closeEOFillStroke;
      const fills = paintOp === ops.fill || paintOp === ops.eoFill || paintOp === ops.fillStroke ||
        paintOp === ops.eoFillStroke || paintOp === ops.closeFillStroke || paintOp === ops.closeEOFillStroke;
      if (!strokes && !fills) continue; // endPath (clipping) paints nothing
      const closeAll = paintOp === ops.closeStroke || paintOp === ops.closeFillStroke || paintOp === ops.closeEOFillStroke;
      const h = rules.h.length, v = rules.v.length;
      for (const sub of subpaths(buffer, toPage)) {
        if (strokes && !state.strokeWhite) addStrokedEdges(sub.points, sub.closed || closeAll, rules);
        if (fills && !state.fillWhite) addThinRectangle(sub.points, rules);
      }
      if (state.clip) notePastEdge(rules, h, v, state.clip);
    }
  }
  return rules;

  /** The origin of a text drawn at text line matrix `at` when its line lies wholly outside
   *  the clip box: above or below it, or starting right of it. Null when it shows. */
  function hiddenOrigin(at: Matrix, s: GState): { x: number; y: number } | null {
    const [x, y] = toPage(at[4], at[5]);
    const [, top] = toPage(at[2] * s.fontSize + at[4], at[3] * s.fontSize + at[5]);
    const clip = s.clip!;
    const y0 = Math.min(y, top), y1 = Math.max(y, top);
    const outside = y1 < clip.y0 - CLIP_SLACK || y0 > clip.y1 + CLIP_SLACK || x > clip.x1 + CLIP_SLACK;
    return outside ? { x, y } : null;
  }
}

/** Points of slack at a clip box's edges (the producer's rounding). */
export const CLIP_SLACK = 1;

/** A rule runs on past its clip box when it reaches this far beyond it (points): more
 *  than a line's width or cap, less than any column. */
export const PAST_EDGE = 3;

/** Notes where rules run on past the page's own edges (`width` × `height`, top-down
 *  coordinates): a table wider than its page, drawn with no clip box (Rules.pastEdge).
 *  Rules that reach the paper's right edge itself (within a rule's width) say the same only
 *  with evidence that the table goes on past it (cutAtPaper): LibreOffice, exporting a Word
 *  table wider than its page, draws its rules up to the paper's edge and cuts them there,
 *  while a table laid out edge to edge (a browser printing with no page margin) has its
 *  right side at the paper's edge, whole. Two such rules at least (a table's, not a
 *  header's stroke), starting inside the page (not a decoration across the whole sheet). */
export function notePastPage(rules: Rules, width: number, height: number): void {
  notePastEdge(rules, 0, 0, { x0: 0, y0: 0, x1: width, y1: height });
  const atPaper = rules.h.filter((r) => r.x1 >= width - CLIP_SLACK && r.x0 > CLIP_SLACK && r.x0 < width - PAST_EDGE);
  if (atPaper.length >= 2 && cutAtPaper(rules, atPaper, width)) rules.pastEdge = { ...rules.pastEdge, right: Math.min(rules.pastEdge?.right ?? Infinity, width) };
}

/**
 * Whether rows whose rules reach the paper's right edge (`atPaper`) go on past it: what a
 * table shows of it at its two sides.
 * - Its rows keep a margin at their left and none at their right: the table ran past the
 *   right margin its left one mirrors, and the paper cut it (LibreOffice draws the cut
 *   table's right side along the paper's edge, so an upright there proves nothing).
 * - Its rows start at the paper's left edge too (laid out to the paper's width, a browser
 *   printing with no margin): whole where an upright closes every such row at the right
 *   edge, cut where rows with uprights elsewhere have none there (their rules just stop).
 */
function cutAtPaper(rules: Rules, atPaper: readonly HRule[], width: number): boolean {
  const rows = rules.h.filter((r) => atPaper.some((a) => Math.abs(a.y - r.y) <= AXIS_TOLERANCE));
  const left = Math.min(...rows.map((r) => r.x0));
  if (left > PAST_EDGE) return true;
  const top = Math.min(...atPaper.map((r) => r.y)), bottom = Math.max(...atPaper.map((r) => r.y));
  const sided = rules.v.some((v) => v.x < width - PAST_EDGE && v.y1 > top && v.y0 < bottom);
  if (!sided) return false; // a table drawn without uprights has none to miss at the edge
  const closing = rules.v.filter((v) => v.x >= width - CLIP_SLACK);
  return !atPaper.every((a) => closing.some((v) => a.y >= v.y0 - CLIP_SLACK && a.y <= v.y1 + CLIP_SLACK));
}

/** Notes where the rules added since index `h`, `v` run on past the clip box's right or
 *  bottom edge while starting inside it: a table cut off there (Rules.pastEdge). */
function notePastEdge(rules: Rules, h: number, v: number, clip: Box): void {
  for (const r of rules.h.slice(h)) {
    if (r.x1 > clip.x1 + PAST_EDGE && r.x0 < clip.x1 - PAST_EDGE && r.y >= clip.y0 && r.y <= clip.y1) {
      rules.pastEdge = { ...rules.pastEdge, right: Math.min(rules.pastEdge?.right ?? Infinity, clip.x1) };
    }
  }
  for (const r of rules.v.slice(v)) {
    if (r.y1 > clip.y1 + PAST_EDGE && r.y0 < clip.y1 - PAST_EDGE && r.x >= clip.x0 && r.x <= clip.x1) {
      rules.pastEdge = { ...rules.pastEdge, bottom: Math.min(rules.pastEdge?.bottom ?? Infinity, clip.y1) };
    }
  }
}

/** The bounding box of a path (a clip path is most often a rectangle: its box is exact). */
function boxOf(paths: readonly Subpath[]): Box | null {
  const points = paths.flatMap((p) => p.points);
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function intersect(a: Box, b: Box): Box {
  const x0 = Math.max(a.x0, b.x0), y0 = Math.max(a.y0, b.y0);
  return { x0, y0, x1: Math.max(x0, Math.min(a.x1, b.x1)), y1: Math.max(y0, Math.min(a.y1, b.y1)) };
}

interface Subpath { points: [number, number][]; closed: boolean }

function subpaths(buffer: ArrayLike<number>, toPage: (x: number, y: number) => [number, number]): Subpath[] {
  const out: Subpath[] = [];
  let current: Subpath | null = null;
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++];
    if (op === MOVE_TO) {
      current = { points: [toPage(buffer[k], buffer[k + 1])], closed: false };
      out.push(current);
      k += 2;
    } else if (op === LINE_TO) {
      const p = toPage(buffer[k], buffer[k + 1]);
      if (!current) { current = { points: [], closed: false }; out.push(current); }
      current.points.push(p);
      k += 2;
    } else if (op === CURVE_TO) {
      // Curves are never table borders; break the subpath so no false edge appears.
      const end = toPage(buffer[k + 4], buffer[k + 5]);
      current = { points: [end], closed: false };
      out.push(current);
      k += 6;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
    } else {
      break; // unknown encoding: stop rather than misread coordinates
    }
  }
  return out;
}

function addStrokedEdges(points: [number, number][], closed: boolean, rules: Rules): void {
  const n = points.length;
  const edges = closed && n > 2 ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % n];
    addSegment(ax, ay, bx, by, rules);
  }
}

function addSegment(ax: number, ay: number, bx: number, by: number, rules: Rules): void {
  if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) > AXIS_TOLERANCE) {
    rules.h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
  } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) {
    rules.v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}

/**
 * A filled axis-parallel rectangle thin in one direction is a rule along the other. So is
 * any thin filled four-cornered path (at most MAX_BEVEL_THICKNESS across): a browser draws
 * an inset or outset border (HTML's `<table border=1>`) side by side as trapezoids whose
 * bevelled ends meet the sides across them, their corners a border's width off the box.
 */
function addThinRectangle(points: [number, number][], rules: Rules): void {
  if (points.length < 4 || points.length > 5) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = x1 - x0, h = y1 - y0;
  // Every corner must sit on the bounding box (an axis-parallel rectangle), or the path be a bevelled border's thin strip.
  const boxed = points.every(([x, y]) => (near(x, x0) || near(x, x1)) && (near(y, y0) || near(y, y1)));
  const thick = boxed ? MAX_RULE_THICKNESS : MAX_BEVEL_THICKNESS;
  if (h <= thick && w > MAX_RULE_THICKNESS) rules.h.push({ y: (y0 + y1) / 2, x0, x1 });
  else if (w <= thick && h > MAX_RULE_THICKNESS) rules.v.push({ x: (x0 + x1) / 2, y0, y1 });
}

/** A filled four-cornered path not a rectangle is a rule when at most this thick (points):
 *  a bevelled border, not a shape. */
const MAX_BEVEL_THICKNESS = 1.5;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= AXIS_TOLERANCE;
}

function isWhite(args: unknown[] | null): boolean {
  const v = args?.[0];
  if (typeof v === 'string') return v.toLowerCase() === '#ffffff';
  if (args && args.length >= 3 && args.slice(0, 3).every((n) => n === 255 || n === 1)) return true;
  return false;
}

/** m × ctm in PDF's row-vector convention (the new matrix applies first). */
function multiply(ctm: Matrix, m: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = ctm;
  return [
    m[0] * a + m[1] * c,
    m[0] * b + m[1] * d,
    m[2] * a + m[3] * c,
    m[2] * b + m[3] * d,
    m[4] * a + m[5] * c + e,
    m[4] * b + m[5] * d + f,
  ];
}
