// A report's table of contents (目录): its entries name headings with a dot leader and a
// page number. They are no heading (a section, a form's title or the narrative does not
// start there) and no text (their figures are page numbers, never facts).
import { matchesExactly, normLabel } from './labels.js';

/** Leader characters: dots, middle dots, ellipses, full-width full stops. */
const LEADER_CHAR = '.．·・…⋯';
/** A heading, a leader (a run of dots, an ellipsis, Word's tab leader) and a page number at the end. */
const ENTRY = new RegExp(`^(\\S.*?)\\s*(?:[${LEADER_CHAR}]{2,}|[…⋯]|\\t)[\\s${LEADER_CHAR}]*\\d{1,3}$`);
/** Longest heading an entry names (its leader and page number left out). */
const MAX_ENTRY_HEADING = 40;
/** Longest line taken for an entry, leader included: longer ones are prose. */
const MAX_ENTRY_LENGTH = 200;

/** True when the line is a contents entry: "三、存在的问题及改进措施……3", "附件 ····· 12". */
export function isContentsEntry(text: string): boolean {
  if (text.length > MAX_ENTRY_LENGTH || !/\d\s*$/.test(text)) return false;
  const m = ENTRY.exec(text.trim());
  return m !== null && m[1].replace(/\s+/g, '').length <= MAX_ENTRY_HEADING;
}

/** The lines a table of contents takes: its heading (目录) with the entries after it, or
 *  a run of two entries or more; a lone entry without a heading is left alone. */
export function contentsLines(lines: string[], headings: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    const headed = matchesExactly(normLabel(lines[i]), headings);
    const first = headed ? i + 1 : i;
    let end = first;
    while (end < lines.length && isContentsEntry(lines[end])) end++;
    if (end - first >= (headed ? 1 : 2)) {
      for (let k = i; k < end; k++) out.add(k);
      i = end;
    } else i++;
  }
  return out;
}
