// Characters that take no room and draw nothing (Unicode format characters and their
// kin): a person reading the form never sees them, so a reader must not see them
// either. Text pasted from web pages, PDFs and right-to-left-aware editors carries
// them into cells — "82­3.56" with a soft hyphen looks like 823.56 and is 823.56.
// U+00AD soft hyphen (printed only where a line breaks at it — never inside a number
// in a cell); U+034F combining grapheme joiner; U+061C Arabic letter mark; U+180B–180E
// Mongolian selectors and vowel separator; U+200B–200F zero-width space/non-joiner/
// joiner, LRM, RLM; U+202A–202E bidi embeddings and overrides; U+2060–2064 word joiner
// and invisible operators; U+2066–206F bidi isolates and deprecated format controls;
// U+FE00–FE0F variation selectors; U+FEFF zero-width no-break space (BOM); U+FFF9–FFFB
// interlinear annotation marks.
import { RADICAL_IDEOGRAPHS } from './radicals-table.js';

export const INVISIBLE = /[\u00AD\u034F\u061C\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFE00-\uFE0F\uFEFF\uFFF9-\uFFFB]/g;

// A CJK radical (U+2E80–2FDF) draws as the ideograph it is named for, and a PDF's font
// may map its glyph to the radical instead: a browser's print to PDF gives "部⻔整体⽀出
// 绩效⾃评表", which no label matches. A person reads 部门整体支出绩效自评表.
const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;
const IDEOGRAPH = new Map(RADICAL_IDEOGRAPHS.map(([radical, ideograph]) => [String.fromCodePoint(radical), String.fromCodePoint(ideograph)]));

/** The text as a person sees it: invisible format characters removed, each CJK radical
 *  as the unified ideograph it looks like (src/read/radicals-table.ts, from Unicode). */
export function visibleText(text: string): string {
  INVISIBLE.lastIndex = 0;
  let seen = INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
  RADICAL.lastIndex = 0;
  if (RADICAL.test(seen)) seen = seen.replace(RADICAL, (radical) => IDEOGRAPH.get(radical) ?? radical);
  return seen;
}
