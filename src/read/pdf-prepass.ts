// A long PDF's pages are first read for their text alone by poppler's pdftotext (one
// apt line, poppler-utils — the package OCR already uses for pdftoppm): a 25-page
// 部门决算 publication takes it ~30 ms and a few MB, where pdfjs needs ~200 ms and
// ~100 MB to parse its fonts for the same text. The pages before the first that can
// hold a form are then never opened by pdfjs, and a publication with no such page is
// not opened at all (pdfjs is not even loaded into the worker).
//
// The verdict may only ever narrow what pdfjs reads where both readers agree: each page
// is asked the test pdfjs asks of its own text, on poppler's (-raw keeps lines and the
// spaces between cells, as pdfjs' pageText does), and a page poppler finds no text on
// (a scan, or a font only pdfjs can decode) counts as a page that can hold a form, so
// pdfjs reads from there exactly as it would have. Where
// pdftotext is absent, fails, or the PDF is too short to gain, every page is read by
// pdfjs as before. Set JXAUDIT_PDFTOTEXT to a path, or to "none" to turn this off.
import { dirname, join } from 'node:path';
import { isExecutable, namedOrOnPath, runProgram } from './programs.js';
import { visibleText } from './invisible.js';
import { firstPageToRead, type PageTest } from './pdf-page-filter.js';

/** Reading is given this long; past it, pdfjs reads every page. */
const TIMEOUT_MS = 10_000;
/** A PDF that shows this few pages is read whole: starting pdftotext costs more than it
 *  saves. On a 6–10-page form (its form from page 1) it took 19–39 ms beside pdfjs'
 *  30–60 ms, for nothing — 7% of a batch of forms; a 部门决算 publication runs to 20–40. */
const SHORT_PDF_PAGES = 10;

let found: { key: string; path: string | null } | null = null;

/** pdftotext: JXAUDIT_PDFTOTEXT when set (empty or "none": not used), else on PATH. */
export function findPdftotext(): string | null {
  const key = `${process.env.JXAUDIT_PDFTOTEXT ?? ''}\0${process.env.PATH ?? ''}`;
  if (found?.key === key) return found.path;
  const path = namedOrOnPath('JXAUDIT_PDFTOTEXT', 'pdftotext');
  found = { key, path };
  return path;
}

export interface PrepassVerdict {
  /** The page count by poppler. */
  pages: number;
  /** The first page (0-based) pdfjs must read; `pages` when none can hold a form. */
  from: number;
}

/** Where pdfjs must start reading, by poppler's text; null when not decided here (read every page). */
export async function prepassPdf(bytes: Buffer, mayHoldForm: PageTest | undefined): Promise<PrepassVerdict | null> {
  if (!mayHoldForm || looksShort(bytes)) return null;
  const pdftotext = findPdftotext();
  if (!pdftotext) return null;
  // -raw: content-stream order, as pdfjs gives it.
  const out = await poppler(pdftotext, ['-q', '-raw', '-enc', 'UTF-8', '-', '-'], bytes);
  if (out === null) return null; // encrypted, damaged, killed: pdfjs reads it and says what is wrong
  // Every page ends with a form feed.
  const texts = out.split('\f');
  texts.pop();
  if (texts.length === 0) return null;
  const shown = texts.map(visibleText);
  const stripped = shown.map((t) => t.replace(/\s+/g, ''));
  // null: poppler cannot tell (no text, or none it could decode) — pdfjs must look.
  const visible = shown.map((t, i): string | null => (stripped[i] === '' || undecoded(stripped[i]) ? null : t));
  // Before the first page that can hold a form, a page with no text at all is asked
  // whether it shows a font or a picture; with neither it is empty in every reader (a
  // printed publication's blank verso), and pdfjs need not start there.
  for (let i = 0; i < visible.length; i++) {
    const text = visible[i];
    if (text !== null) {
      if (mayHoldForm(text)) break;
    } else {
      if (stripped[i] !== '' || !(await emptyPage(pdftotext, bytes, i + 1))) break;
      visible[i] = '';
    }
  }
  return { pages: texts.length, from: firstPageToRead(visible, mayHoldForm) };
}

/** Whether page `n` (1-based) has neither a font nor an image, by poppler's pdffonts and
 *  pdfimages beside pdftotext; false when either cannot tell. */
async function emptyPage(pdftotext: string, bytes: Buffer, n: number): Promise<boolean> {
  const page = ['-f', String(n), '-l', String(n)];
  for (const name of ['pdffonts', 'pdfimages']) {
    const program = join(dirname(pdftotext), name);
    if (!isExecutable(program)) return false;
    const listing = await poppler(program, [...(name === 'pdfimages' ? ['-list'] : []), ...page, '-'], bytes);
    // Both print two header lines, then a line per font or image.
    if (listing === null || listing.trim().split('\n').length !== 2) return false;
  }
  return true;
}

/** A poppler program's standard output for the PDF given on its standard input ("-"); null on failure. */
async function poppler(program: string, args: readonly string[], bytes: Buffer): Promise<string | null> {
  try {
    const out = await runProgram(program, args, {
      timeoutMs: TIMEOUT_MS,
      maxBytes: 64 * 1024 * 1024,
      input: bytes,
      onTimeout: () => new Error(`${program} timed out`),
    });
    return out.toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Text poppler could not map to characters (a font with no Unicode table: glyph codes
 * come out as private-use or replacement characters, control codes or Latin noise)
 * counts as no text: pdfjs, which may decode it from the font program, reads from there.
 * A page of these forms always shows Chinese; a few marks without it (a page number) are
 * taken as they are.
 */
export function undecoded(text: string): boolean {
  if (text === '') return false;
  let odd = 0, han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c < 0x20 || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) odd++;
  }
  return (han === 0 && text.length >= 20) || odd * 20 > text.length;
}

/**
 * Whether the file plainly has no more than SHORT_PDF_PAGES pages: its page objects
 * (`/Type /Page`, not `/Pages`) are counted in the bytes. A PDF that keeps its objects in
 * compressed object streams hides them, and is asked (a wrong guess costs only time).
 */
function looksShort(bytes: Buffer): boolean {
  if (bytes.includes('/ObjStm')) return false;
  let count = 0;
  for (let at = bytes.indexOf('/Page'); at >= 0; at = bytes.indexOf('/Page', at + 5)) {
    if (isNameChar(bytes[at + 5])) continue; // /Pages, /PageLayout…
    let k = at - 1;
    while (k >= 0 && isPdfSpace(bytes[k])) k--;
    if (k >= 4 && bytes.toString('latin1', k - 4, k + 1) === '/Type' && ++count > SHORT_PDF_PAGES) return false;
  }
  return count > 0;
}

function isPdfSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

function isNameChar(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39));
}
