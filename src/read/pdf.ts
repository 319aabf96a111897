// PDF → DocModel: pdfjs gives each page's positioned text and drawn rules; the
// layout (pdf-layout.ts) rebuilds tables as grids and paragraphs in reading order,
// so the recognizer sees the same model as for the DOCX the PDF was exported from.
import { OPS, type PDFDocumentProxy } from './pdfjs.js';
import type { DocModel } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import type { ReadOptions } from './index.js';
import { layoutPages, type PageContent } from './pdf-layout.js';
import { pagesToLayOut, pageText } from './pdf-page-filter.js';
import { openPdf, toFailure } from './pdf-load.js';
import { notePastPage, readRules } from './pdf-rules.js';
import { visibleText } from './invisible.js';
import { markSuperscripts, splitRunAt, type TextRun } from './pdf-text.js';

export const NO_TEXT_MESSAGE = 'PDF 没有文字层（可能是扫描件），无法读取；请提交由 Word/WPS 导出的 PDF 或 DOCX';
/** pdfjs runs in this thread (no worker), but a promise that never settles must not
 *  hold the batch: give up after this long. */
const READ_TIMEOUT_MS = 120_000;

/** A picture this share of the page or more, on a page without text, is a scanned sheet. */
const SCANNED_SHARE = 0.5;

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject]);

/** Reads a PDF into the document model; throws FormFailure for scanned, encrypted or damaged files.
 *  `from`: the first page (0-based) that can matter, as poppler's text showed (pdf-prepass.ts). */
export async function readPdf(bytes: Buffer, opts: ReadOptions, from = 0): Promise<DocModel> {
  const doc = await openPdf(bytes);
  const pageCount = doc.numPages;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FormFailure('timeout', `PDF 读取超过 ${READ_TIMEOUT_MS / 1000} 秒仍未完成，已跳过此文件`)), READ_TIMEOUT_MS);
    });
    return await Promise.race([readOpen(doc, bytes, opts, from < pageCount ? from : 0), timeout]);
  } catch (err) {
    if (!(err instanceof FormFailure && err.code === 'no-text-layer')) throw toFailure(err);
  } finally {
    clearTimeout(timer);
    await doc.destroy().catch(() => undefined);
  }
  // A scan (issue 18): OCR where Tesseract is installed, with its own time budget per page.
  const ocr = await import('./ocr/index.js');
  if (!ocr.canOcr('pdf')) throw new FormFailure('no-text-layer', `${NO_TEXT_MESSAGE}。${ocr.INSTALL_OCR}`);
  return ocr.readScannedPdf(bytes, pageCount);
}

async function readOpen(doc: PDFDocumentProxy, bytes: Buffer, opts: ReadOptions, from: number): Promise<DocModel> {
  const texts = [];
  for (let n = from + 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    texts.push({ page, runs: await pageRuns(page, n) });
    page.cleanup();
  }
  const blank = texts.map((t) => t.runs.every((r) => r.str.trim() === ''));
  // (Pages before `from` have text, or are empty — no font, no picture — by poppler.)
  const noText = from === 0 && blank.every(Boolean);
  // Text on some pages, only a picture on others: a signed form scanned into an exported
  // document. Those pages are read by OCR (where it is installed) and may hold a form.
  const scanned = noText ? new Set<number>() : await picturePages(texts.map((t) => t.page), blank);
  // A scan is told by its pictures on any page; otherwise only the pages that can hold a form are laid out.
  const layOut = noText ? null : pagesToLayOut(texts.map((t) => pageText(t.runs)), opts.mayHoldForm, scanned);
  const pages: PageContent[] = [];
  const toOcr: number[] = [];
  let images = 0;
  for (const [i, { page, runs }] of texts.entries()) {
    if (layOut && !layOut[i]) continue;
    if (scanned.has(i)) {
      toOcr.push(page.pageNumber);
      continue;
    }
    const [x0, y0, x1, y1] = page.view;
    const ops = await page.getOperatorList();
    for (const fn of ops.fnArray) if (IMAGE_OPS.has(fn)) images++;
    // Pictures and no text at all: a scan — no need to look at further pages.
    if (noText && images > 0) throw new FormFailure('no-text-layer', NO_TEXT_MESSAGE);
    const turned = turnedView(page);
    const rules = turned ? readRules(ops.fnArray, ops.argsArray, OPS, y1, x0, turned.transform) : readRules(ops.fnArray, ops.argsArray, OPS, y1, x0);
    const seen = unclipped(runs, rules.hiddenText);
    if (turned) notePastPage(rules, turned.width, turned.height);
    else notePastPage(rules, x1 - x0, y1 - y0);
    pages.push(
      turned
        ? { page: page.pageNumber, width: turned.width, height: turned.height, runs: seen, rules, toUser: inverse(turned.transform) }
        : { page: page.pageNumber, width: x1 - x0, height: y1 - y0, runs: seen, rules, toUser: (x, y) => [x + x0, y1 - y] },
    );
    page.cleanup();
  }
  // (No text and no pictures: an empty document, reported by the recognizer like an
  // empty DOCX.)
  const ocr = toOcr.length > 0 ? await import('./ocr/index.js') : null;
  const canRead = ocr?.canOcr('pdf') === true;
  const read = ocr && canRead ? await ocr.readPdfPages(bytes, toOcr) : [];
  pages.push(...read.map((p) => p.content));
  pages.sort((a, b) => a.page - b.page);
  const { blocks, tables, pageFurniture } = layoutPages(pages);
  const model: DocModel = { format: 'pdf', pages: doc.numPages, blocks, tables, images: images + read.length, ...(pageFurniture ? { pageFurniture } : {}) };
  // Without Tesseract those pages stay unread: said where it matters (no form found).
  if (ocr && !canRead) model.unreadScans = { pages: toOcr, why: ocr.INSTALL_OCR };
  return ocr && read.length > 0 ? ocr.markOcrCells(model, read) : model;
}

/**
 * The pages (0-based) with no text but a picture covering most of the page: scanned
 * sheets. A cover's logo or a chart is smaller and is not read. Only blank pages are
 * asked (their operator list is the cost).
 */
async function picturePages(pages: readonly PageProxy[], blank: readonly boolean[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const [i, page] of pages.entries()) {
    if (!blank[i]) continue;
    const [x0, y0, x1, y1] = page.view;
    const ops = await page.getOperatorList();
    const { picture } = readRules(ops.fnArray, ops.argsArray, OPS, y1, x0);
    if (picture !== undefined && picture >= SCANNED_SHARE * (x1 - x0) * (y1 - y0)) out.add(i);
    page.cleanup();
  }
  return out;
}

type PageProxy = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;

/** The runs a reader sees: text the page clips away is drawn but not shown (LibreOffice
 *  prints a merged cell's text on each page the cell spans, and the copy that falls
 *  outside the cell's part on a page — below the page's footer — is clipped off). */
function unclipped(runs: TextRun[], hidden: readonly { x: number; y: number }[] | undefined): TextRun[] {
  if (!hidden) return runs;
  return runs.filter((r) => !hidden.some((h) => Math.abs(h.x - r.x) <= SAME_ORIGIN && Math.abs(h.y - r.baseline) <= SAME_ORIGIN));
}

/** A run starts where a hidden text does when their origins are this close (points). */
const SAME_ORIGIN = 1;

/** A page with a /Rotate is displayed turned: what is horizontal is decided on the page
 *  as displayed (a form drawn turned by 90° on a page turned back by /Rotate looks, and
 *  prints, like any other). null for an unturned page (read in user space as before). */
function turnedView(page: PageProxy): { transform: number[]; width: number; height: number } | null {
  if (((page.rotate % 360) + 360) % 360 === 0) return null;
  const viewport = page.getViewport({ scale: 1 });
  return { transform: viewport.transform, width: viewport.width, height: viewport.height };
}

/** Displayed coordinates back to user space: the inverse of the viewport's transform. */
function inverse([a, b, c, d, e, f]: number[]): (x: number, y: number) => [number, number] {
  const det = a * d - b * c;
  return (x, y) => [(d * (x - e) - c * (y - f)) / det, (a * (y - f) - b * (x - e)) / det];
}

/** The page's text runs in top-down coordinates (0 at the view's top edge, as displayed). */
async function pageRuns(page: PageProxy, n: number): Promise<TextRun[]> {
  const [x0, y0, x1, y1] = page.view;
  const turned = turnedView(page);
  const width = turned ? turned.width : x1 - x0, height = turned ? turned.height : y1 - y0;
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const str = visibleText(item.str);
    if (str === '') continue;
    let [a, b, c, d, e, f] = item.transform as number[];
    if (turned) {
      // Into displayed, top-down coordinates; then back to the y-up convention below.
      const [va, vb, vc, vd, ve, vf] = turned.transform;
      [a, b, c, d, e, f] = [va * a + vc * b, -(vb * a + vd * b), va * c + vc * d, -(vb * c + vd * d), va * e + vc * f + ve, height - (vb * e + vd * f + vf)];
    }
    // Horizontal text only: its size is the vertical scale of the text matrix.
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue;
    const size = Math.abs(d) || Math.abs(a) || item.height;
    const left = turned ? e : e - x0, top = turned ? height : y1;
    const run: TextRun = { str, x: left, right: left + item.width, baseline: top - f, size, page: n };
    // Text beyond the page edge is not visible (an over-wide table is cut off there).
    for (const piece of splitRunAt(run, [0, width])) {
      const centre = (piece.x + piece.right) / 2;
      if (centre >= 0 && centre <= width && piece.baseline >= 0 && piece.baseline <= height + piece.size) runs.push(piece);
    }
  }
  return markSuperscripts(runs);
}
