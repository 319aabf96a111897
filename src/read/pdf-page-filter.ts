// Which pages of a PDF are laid out (operator lists, ruling lines, tables). A 30-page
// 部门决算 publication carries its 自评表, if at all, on a few pages; its other pages
// cost ten times their text to lay out. Each page's text (already read, cheap) is
// asked whether it can hold a form; the layout starts one page before the first page
// that can (the form's title or its first rows may end the page before) and runs to
// the end of the document: a table continuing from that page, later forms and the
// pages after a form (its narrative — the recognizer gives a form every text after it)
// are all read as before. Pages before that are prose and other tables of no form.
import type { TextRun } from './pdf-text.js';

/** Whether a page's text can hold part of a form. The text keeps its lines, and a space
 *  where words stand apart on a line (between table cells): the test tells a table's
 *  labels from a paragraph naming the same words by them (src/recognize/form-page.ts). */
export type PageTest = (text: string) => boolean;

/** The page's text as the test sees it, as pdftotext -raw prints it: the runs in stream
 *  order, a line break where the baseline moves or the text goes back left, a space
 *  where a gap separates two runs on a line. */
export function pageText(runs: readonly TextRun[]): string {
  let text = '';
  let prev: TextRun | null = null;
  for (const run of runs) {
    if (prev) {
      const size = Math.min(run.size, prev.size);
      if (Math.abs(run.baseline - prev.baseline) > size / 2 || run.x < prev.right - size) text += '\n';
      else if (run.x - prev.right > size / 4) text += ' ';
    }
    text += run.str;
    prev = run;
  }
  return text;
}

/**
 * For each page (0-based), whether to lay it out. Every page when there is no test.
 * `pictures`: the pages holding only a picture (read by OCR), which may always hold a form.
 * No page when no page can hold a form: the document is then read as having no
 * tables or paragraphs, which the recognizer reports as no form found.
 */
export function pagesToLayOut(texts: readonly string[], mayHoldForm: PageTest | undefined, pictures: ReadonlySet<number> = new Set()): boolean[] {
  if (!mayHoldForm) return texts.map(() => true);
  // a picture-only page (a scanned sheet) has no text to ask: it may hold a form
  const from = firstPageToRead(texts.map((t, i) => (pictures.has(i) ? null : t)), mayHoldForm);
  return texts.map((_, i) => i >= from);
}

/**
 * The first page (0-based) a full reading must start at, from each page's text as
 * another reader gave it (in the form its test takes; null where that reader cannot tell — no
 * text, which may be a scanned sheet, or text it could not decode: only pdfjs can): one
 * before the first page that can hold a form — as pagesToLayOut starts — or that is
 * null. The page count when no page can hold a form.
 */
export function firstPageToRead(texts: readonly (string | null)[], mayHoldForm: PageTest): number {
  const first = texts.findIndex((t) => t === null || mayHoldForm(t));
  return first < 0 ? texts.length : Math.max(0, first - 1);
}
