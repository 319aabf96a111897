// Superscripts: a footnote reference mark after a figure ("9.50¹", Word's w:footnoteReference
// or a clerk's raised digit), "m²", "10⁴". Both readers give such a raised run its Unicode
// superscript characters where it has them all (digits, signs, brackets), so that a mark
// printed after a number never becomes one of its digits ("9.50" + raised "2" is "9.50²",
// not 9.502); the number readers (normalize/cell.ts) read a figure with a trailing mark as
// the figure.

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070', '1': '\u00B9', '2': '\u00B2', '3': '\u00B3', '4': '\u2074', '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
  '+': '\u207A', '-': '\u207B', '=': '\u207C', '(': '\u207D', ')': '\u207E',
};

/** The text as superscript characters where every character of it has one (digits, signs,
 *  brackets; full-width ones too; spaces kept): "2" → "²", "(1)" → "⁽¹⁾". Other text raised
 *  (a "注", a letter, "*") stays as it is. */
export function toSuperscript(text: string): string {
  const chars = Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    return /\s/.test(ch) ? ch : SUPERSCRIPT[half];
  });
  return chars.every((ch) => ch !== undefined) ? chars.join('') : text;
}

/** A footnote mark: superscript digits, maybe bracketed ("¹", "¹²", "⁽³⁾"). */
export const NOTE_MARK = '[\u207D]?[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+[\u207E]?';
