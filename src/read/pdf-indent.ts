// A PDF keeps the blanks a clerk typed before a label ("　　其中：中央补助资金") only as the
// text's distance from its cell's left rule; the fund block is nested by those blanks
// (recognize/labels listMark), so they are put back as U+3000: one per glyph the label
// stands right of the least indented left-aligned label of its column.
import type { TextLine } from './pdf-text.js';

export interface IndentCell {
  /** The grid columns the cell spans: a column's labels are compared among themselves. */
  c0: number;
  c1: number;
  /** The cell's left and right rules. */
  x0: number;
  x1: number;
  /** The first paragraph's lines. */
  lines: readonly TextLine[];
}

/** Words a list line may start with: a Han character, a numbering bracket or circle, a marker. */
const LABEL_START = /^[\s\u3000]*[\p{Script=Han}（(\u2460-\u2473\u2776-\u277F—\-·•]/u;

/** For each cell, the blanks its label was typed with (0 where none or not a label). */
export function labelIndents(cells: readonly IndentCell[]): number[] {
  const gaps = cells.map(leftGap);
  const base = new Map<string, { min: number; count: number }>();
  cells.forEach((c, i) => {
    const gap = gaps[i];
    if (gap === null) return;
    const key = `${c.c0}:${c.c1}`;
    const seen = base.get(key);
    base.set(key, seen ? { min: Math.min(seen.min, gap), count: seen.count + 1 } : { min: gap, count: 1 });
  });
  return cells.map((c, i) => {
    const gap = gaps[i];
    const col = base.get(`${c.c0}:${c.c1}`);
    if (gap === null || !col || col.count < 2) return 0;
    const size = c.lines[0].size;
    return Math.max(0, Math.round((gap - col.min) / size));
  });
}

/** A label's distance from its left rule (its first line's: a narrow column wraps it); null
 *  where the text is not a label set flush left (centred: equal room both sides, as headers
 *  and short values are printed). */
function leftGap(c: IndentCell): number | null {
  const line = c.lines[0];
  if (!line || !LABEL_START.test(line.text)) return null;
  const left = line.left - c.x0;
  const right = c.x1 - line.right;
  if (Math.abs(left - right) <= 0.5 * line.size) return null;
  return left;
}
