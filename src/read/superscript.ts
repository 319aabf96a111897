// Superscripts: a footnote reference mark after a figure ("9.50¹", Word's w:footnoteReference
// or a clerk's raised digit), "m²", "10⁴". Both readers give such a raised run its Unicode
// superscript characters where there are any, so that a mark printed after a number never
// becomes one of its digits ("9.50" + raised "2" is "9.50²", not 9.502); the number readers
// (normalize/cell.ts) read a figure with a trailing mark as the figure.

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070', '1': '\u00B9', '2': '\u00B2', '3': '\u00B3', '4': '\u2074', '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
  '+': '\u207A', '-': '\u207B', '=': '\u207C', '(': '\u207D', ')': '\u207E',
};

/** The text with its digits, signs and brackets as superscript characters (full-width ones
 *  too); other characters (letters, CJK, "*") stay as they are. */
export function toSuperscript(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    return SUPERSCRIPT[half] ?? ch;
  }).join('');
}

/** A footnote mark: superscript digits, maybe bracketed ("¹", "¹²", "⁽³⁾"). */
export const NOTE_MARK = '[\u207D]?[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+[\u207E]?';
