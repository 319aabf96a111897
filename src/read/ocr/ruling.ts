// The table's ruling lines in a scanned page: long thin runs of ink, horizontal and
// vertical, found on the levelled page and handed to the same table finder as a
// PDF's drawn rules (pdf-grid.ts). They are then erased, so Tesseract does not
// read a border as "|" or "一".
import type { HRule, Rules, VRule } from '../pdf-rules.js';

/** Ink gaps this short (pixels) inside a rule are noise or a faint scan. */
const GAP = 3;
/** A rule is at most this thick (inches): thicker ink is a glyph or a block. */
const MAX_THICKNESS = 0.035;

export interface PixelRules {
  /** In pixels; each with the rows (h) or columns (v) of ink it covers. */
  h: (HRule & { t0: number; t1: number })[];
  v: (VRule & { t0: number; t1: number })[];
}

/** Finds ruling lines at least `minH`/`minV` inches long in a binary image (1 = ink). */
export function findRuling(ink: Uint8Array, width: number, height: number, dpi: number, minH = 0.35, minV = 0.25): PixelRules {
  const hSegs: { at: number; a: number; b: number }[] = [];
  for (let y = 0; y < height; y++) {
    for (const [a, b] of runsOf((x) => ink[y * width + x] === 1, width)) if (b - a >= minH * dpi) hSegs.push({ at: y, a, b });
  }
  const vSegs: { at: number; a: number; b: number }[] = [];
  for (let x = 0; x < width; x++) {
    for (const [a, b] of runsOf((y) => ink[y * width + x] === 1, height)) if (b - a >= minV * dpi) vSegs.push({ at: x, a, b });
  }
  const maxThick = Math.max(2, Math.round(MAX_THICKNESS * dpi));
  return {
    h: band(hSegs, maxThick).map((s) => ({ y: s.at, x0: s.a, x1: s.b, t0: s.t0, t1: s.t1 })),
    v: band(vSegs, maxThick).map((s) => ({ x: s.at, y0: s.a, y1: s.b, t0: s.t0, t1: s.t1 })),
  };
}

/** Runs of ink along one line, bridging gaps up to GAP pixels; only solid ones (a line of
 *  small print, blurred, also runs on with short gaps — but far more of them). */
function runsOf(isInk: (i: number) => boolean, length: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1, lastInk = -1, inked = 0;
  const close = () => { if (inked >= SOLID * (lastInk + 1 - start)) out.push([start, lastInk + 1]); };
  for (let i = 0; i < length; i++) {
    if (!isInk(i)) continue;
    if (start < 0) start = i;
    else if (i - lastInk > GAP + 1) { close(); start = i; inked = 0; }
    lastInk = i;
    inked++;
  }
  if (start >= 0) close();
  return out;
}

/** Share of a rule's length that must be ink. */
const SOLID = 0.9;

/** Joins segments on neighbouring rows (columns) that overlap into one rule, at the
 *  middle of its thickness; too-thick bands are not rules. */
function band(segs: { at: number; a: number; b: number }[], maxThick: number): { at: number; a: number; b: number; t0: number; t1: number }[] {
  const groups: { t0: number; t1: number; a: number; b: number; weight: number; sum: number }[] = [];
  const open: typeof groups = [];
  for (const s of segs.sort((p, q) => p.at - q.at || p.a - q.a)) {
    const g = open.find((o) => s.at - o.t1 <= 1 && s.a < o.b && s.b > o.a);
    if (g) {
      g.t1 = s.at; g.a = Math.min(g.a, s.a); g.b = Math.max(g.b, s.b);
      g.weight += s.b - s.a; g.sum += s.at * (s.b - s.a);
    } else {
      const n = { t0: s.at, t1: s.at, a: s.a, b: s.b, weight: s.b - s.a, sum: s.at * (s.b - s.a) };
      groups.push(n); open.push(n);
    }
    // groups left behind by more than a row can take no more segments
    for (let i = open.length - 1; i >= 0; i--) if (s.at - open[i].t1 > 1) open.splice(i, 1);
  }
  return groups.filter((g) => g.t1 - g.t0 + 1 <= maxThick).map((g) => ({ at: g.sum / g.weight, a: g.a, b: g.b, t0: g.t0, t1: g.t1 }));
}

/** Paints the rules' ink white (with a pixel's halo) in a grey image. */
export function eraseRules(grey: { width: number; height: number; data: Uint8Array }, rules: PixelRules): void {
  const { width, height, data } = grey;
  for (const r of rules.h) {
    for (let y = Math.max(0, r.t0 - 1); y <= Math.min(height - 1, r.t1 + 1); y++) data.fill(255, y * width + Math.max(0, Math.floor(r.x0)), y * width + Math.min(width, Math.ceil(r.x1)));
  }
  for (const r of rules.v) {
    for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(height, Math.ceil(r.y1)); y++) {
      for (let x = Math.max(0, r.t0 - 1); x <= Math.min(width - 1, r.t1 + 1); x++) data[y * width + x] = 255;
    }
  }
}

/** Pixel rules → page rules in points (what pdf-grid.ts works in). */
export function toPoints(rules: PixelRules, dpi: number): Rules {
  const k = 72 / dpi;
  return {
    h: rules.h.map((r) => ({ y: r.y * k, x0: r.x0 * k, x1: r.x1 * k })),
    v: rules.v.map((r) => ({ x: r.x * k, y0: r.y0 * k, y1: r.y1 * k })),
  };
}
