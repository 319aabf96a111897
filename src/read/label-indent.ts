// The blanks a clerk puts before a label ("　　其中：中央补助资金") nest the fund block's
// lines (recognize/labels listMark). A PDF keeps typed blanks only as the text's distance
// from its cell's left rule, and Word's paragraph indent (w:ind) is no text at all: both
// are put back as U+3000, one per glyph a cell's label stands right of the least indented
// label of its column — so a column indented as a whole (a style's 首行缩进) adds none.
import type { TextLine } from './pdf-text.js';

export interface LabelIndent {
  /** The grid columns the cell spans: a column's labels are compared among themselves. */
  column: string;
  /** Its first paragraph's indent; null where that is no label set flush left. */
  indent: number | null;
  /** A glyph's width in the indent's unit (a PDF's points: the line's font size). */
  glyph: number;
}

/** Words a list line may start with: a Han character, a numbering bracket or circle, a marker. */
const LABEL_START = /^[\s\u3000]*[\p{Script=Han}（(\u2460-\u2473\u2776-\u277F—\-·•]/u;
const HAN = /\p{Script=Han}/u;

/** A label: words, or a number or marker before words — not a lone placeholder ("—"). */
export function isLabel(text: string): boolean {
  return LABEL_START.test(text) && HAN.test(text);
}

/** For each cell, the blanks its label was indented by (0 where none, where it is no label,
 *  or where its column has no other label to measure it against). */
export function labelBlanks(cells: readonly LabelIndent[]): number[] {
  const least = new Map<string, { min: number; count: number }>();
  for (const { column, indent } of cells) {
    if (indent === null) continue;
    const seen = least.get(column);
    least.set(column, seen ? { min: Math.min(seen.min, indent), count: seen.count + 1 } : { min: indent, count: 1 });
  }
  return cells.map(({ column, indent, glyph }) => {
    const col = least.get(column);
    if (indent === null || !col || col.count < 2) return 0;
    return Math.max(0, Math.round((indent - col.min) / glyph));
  });
}

/** The paragraphs with `blanks` U+3000 before the first. */
export function withBlanks(paragraphs: readonly string[], blanks: number): string[] {
  return blanks > 0 ? paragraphs.map((p, k) => (k === 0 ? '\u3000'.repeat(blanks) + p : p)) : [...paragraphs];
}

/** A PDF label's indent in points: its first line's distance from the cell's left rule (a
 *  narrow column wraps it); null where the text is no label set flush left (centred: equal
 *  room both sides, as headers and short values are printed). */
export function pdfIndent(x0: number, x1: number, line: TextLine | undefined): number | null {
  if (!line || !isLabel(line.text)) return null;
  const left = line.left - x0;
  const right = x1 - line.right;
  if (Math.abs(left - right) <= 0.5 * line.size) return null;
  return left;
}
