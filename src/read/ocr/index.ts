// Reading scans (issue 18): an image-only PDF, a picture file (.png/.jpg/.tif) or a
// DOCX holding only pictures of the form. Each page is rendered (pdftoppm) or
// decoded, levelled, its ruling lines found and its cells read by Tesseract
// (ocr/page.ts); the pages then go through the PDF layout (pdf-layout.ts), so the
// recognizer sees the document model it always sees — with `readBy: 'ocr'`, and on
// every table cell what OCR knows of it (confidence, seal; its place is `boxes`).
import type { DocCell, DocModel } from '../../model/document.js';
import { FormFailure } from '../../model/failure.js';
import { layoutPages, type PageContent } from '../pdf-layout.js';
import { joinContinuedRows } from './continued-rows.js';
import { ocrPage, type OcrCellInfo, type OcrDigits, type OcrPage } from './page.js';
import { decodeImage, decodePnm, imageType, type ImageType, type Rgb } from './raster.js';
import { runBytes } from './tesseract.js';
import { announceOcr, ocrPageTimeoutMs } from './budget.js';
import { findOcrTools, INSTALL_OCR, type OcrTools } from './tools.js';

export { findOcrTools, imageType, INSTALL_OCR, type ImageType, type OcrPage };

/** Resolution pages are rendered at: 200 dpi reads 10.5 pt digits reliably (see the note of issue 18). */
export const OCR_DPI = 200;
/** Pages of one file read at once (each is one Tesseract process at a time). */
const PAGE_CONCURRENCY = 2;
/** Pages whose table frames are this close (points) are aligned before layout: a scanner
 *  shifts each sheet a little, and a table continued over pages must line up. */
const ALIGN_WITHIN = 15;

export interface OcrOptions {
  /** Time budget per page (ms). */
  pageTimeoutMs?: number;
}

function toolsOrNull(): OcrTools | null {
  return findOcrTools();
}

/** True when scans can be read here (Tesseract with chi_sim; PDF pages also need pdftoppm). */
export function canOcr(kind: 'pdf' | 'image'): boolean {
  const t = toolsOrNull();
  return !!t && (kind === 'image' || t.pdftoppm !== null);
}

/** Reads an image-only PDF of `pages` pages. */
export async function readScannedPdf(bytes: Buffer, pages: number, opts: OcrOptions = {}): Promise<DocModel> {
  const read = await readPdfPages(bytes, Array.from({ length: pages }, (_, i) => i + 1), opts);
  return model('pdf', read);
}

/**
 * Reads the given pages (1-based) of a PDF by OCR: the picture-only pages of a PDF whose
 * other pages have text (a signed form scanned into an exported publication). The
 * caller lays them out with its text pages, then calls `markOcrCells`.
 */
export async function readPdfPages(bytes: Buffer, pageNumbers: readonly number[], opts: OcrOptions = {}): Promise<OcrPage[]> {
  const tools = toolsOrNull();
  if (!tools?.pdftoppm) throw new Error('OCR tools absent');
  const perPage = opts.pageTimeoutMs ?? ocrPageTimeoutMs();
  announceOcr(pageNumbers.length, perPage);
  const pdftoppm = tools.pdftoppm;
  const read = await mapPages(pageNumbers.length, async (i) => {
    const n = pageNumbers[i - 1];
    // pdftoppm reads the PDF from stdin ("-") and writes the page as PPM to stdout.
    const ppm = await runPdftoppm(pdftoppm, bytes, n, perPage);
    return ocrPage(decodePnm(ppm), n, OCR_DPI, tools.tesseract, perPage);
  });
  align(read);
  return read;
}

/** Reads a picture file (a multi-page TIFF: each page). */
export async function readImageFile(bytes: Buffer, type: ImageType, opts: OcrOptions = {}): Promise<DocModel> {
  const rasters = decodeOrFail(bytes, type);
  return readRasters(rasters, type, opts);
}

/** Reads the pictures of a DOCX that holds nothing else, in their order (word/media/image1, image2, …). */
export async function readPictures(pictures: readonly Buffer[], opts: OcrOptions = {}): Promise<DocModel> {
  const rasters = pictures.flatMap((b) => {
    const type = imageType(b);
    return type ? decodeOrFail(b, type) : [];
  });
  if (rasters.length === 0) throw new FormFailure('no-text-layer', '文档只有图片，且图片格式无法识别（只能识别 PNG、JPEG、TIFF），没有可读取的文字。请提交由 Word/WPS 直接编辑导出的 DOCX 或 PDF 原件');
  return readRasters(rasters, 'docx', opts);
}

async function readRasters(rasters: Rgb[], format: DocModel['format'], opts: OcrOptions): Promise<DocModel> {
  const tools = toolsOrNull();
  if (!tools) throw new Error('OCR tools absent');
  const perPage = opts.pageTimeoutMs ?? ocrPageTimeoutMs();
  announceOcr(rasters.length, perPage);
  const read = await mapPages(rasters.length, (n) => ocrPage(rasters[n - 1], n, dpiOf(rasters[n - 1]), tools.tesseract, perPage));
  align(read);
  return model(format, read);
}

function decodeOrFail(bytes: Buffer, type: ImageType): Rgb[] {
  try {
    const out = decodeImage(bytes, type);
    if (out.length === 0) throw new Error('no image');
    return out;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new FormFailure('corrupt-file', `图片文件（${type.toUpperCase()}）无法解码，文件可能已损坏（${message}）。请重新扫描或重新发送文件`);
  }
}

/** A picture's resolution, taking its longer side as an A4 page's (11.69 in): forms are
 *  printed on A4, and a photo's own dpi field says nothing about the paper. */
function dpiOf(img: Rgb): number {
  return Math.max(img.width, img.height) / 11.69;
}

async function mapPages(count: number, readPage: (n: number) => Promise<OcrPage>): Promise<OcrPage[]> {
  const out: OcrPage[] = new Array(count);
  let next = 1;
  const lane = async () => {
    for (let n = next++; n <= count; n = next++) out[n - 1] = await readPage(n);
  };
  await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, count) }, lane));
  return out;
}

function runPdftoppm(pdftoppm: string, bytes: Buffer, page: number, timeoutMs: number): Promise<Buffer> {
  return runBytes(pdftoppm, ['-r', String(OCR_DPI), '-f', String(page), '-l', String(page), '-'], timeoutMs, 1024 * 1024 * 1024, bytes);
}

/** The pages (aligned) laid out as a document, each table cell told what OCR knows of it. */
function model(format: DocModel['format'], pages: OcrPage[]): DocModel {
  const { blocks, tables } = layoutPages(pages.map((p) => p.content));
  const doc: DocModel = { format, pages: pages.length, blocks, tables, images: pages.length };
  return markOcrCells(doc, pages);
}

/**
 * Tells each table cell on a page read by OCR what OCR knows of it (confidence, seal),
 * joins the rows a scan split over pages, and marks the document as read by OCR with
 * the digits it read (narrative figures are matched to them) and the pages it read.
 */
export function markOcrCells(doc: DocModel, pages: readonly OcrPage[]): DocModel {
  const ocrPages = new Set(pages.map((p) => p.content.page));
  const whole = doc.pages === ocrPages.size; // a scan: every cell, placed or not
  const onOcrPage = (cell: DocCell) => whole || (cell.boxes ?? []).some((b) => ocrPages.has(b.page));
  const infos = pages.flatMap((p) => p.cells);
  const seen = new Set<DocCell>();
  for (const table of doc.tables) {
    if (!table.rows.some((row) => row.some(onOcrPage))) continue;
    joinContinuedRows(table);
    for (const row of table.rows) {
      for (const cell of row) {
        if (seen.has(cell) || !onOcrPage(cell)) continue;
        seen.add(cell);
        const parts = (cell.boxes ?? []).map((b) => infos.find((i) => i.page === b.page && near(i.box[0], b.x0) && near(i.box[1], b.y0) && near(i.box[2], b.x1)));
        const known = parts.filter((p): p is OcrCellInfo => p !== undefined);
        // a cell of no ink anywhere is a confident blank
        cell.ocr = {
          confidence: known.length === 0 ? 1 : Math.min(...known.map((p) => p.conf)),
          ...(known.some((p) => p.seal) ? { seal: true as const } : {}),
        };
      }
    }
  }
  const digits: OcrDigits[] = pages.flatMap((p) => p.digits);
  return { ...doc, readBy: 'ocr', ocrDigits: digits, skew: pages.map((p) => p.skew), ...(whole ? {} : { ocrPages: [...ocrPages].sort((a, b) => a - b) }) };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.75;
}

/** Shifts each page so its widest table frame lines up with the page before's. */
function align(pages: OcrPage[]): void {
  let prev: { x0: number; x1: number } | null = null;
  for (const p of pages) {
    const frame = widestRule(p.content);
    if (!frame) continue;
    if (prev) {
      const dx = prev.x0 - frame.x0;
      if (Math.abs(dx) > 0.01 && Math.abs(dx) <= ALIGN_WITHIN && Math.abs(prev.x1 - (frame.x1 + dx)) <= ALIGN_WITHIN) {
        shift(p, dx);
        frame.x0 += dx; frame.x1 += dx;
      }
    }
    prev = frame;
  }
}

function widestRule(c: PageContent): { x0: number; x1: number } | null {
  let best: { x0: number; x1: number } | null = null;
  for (const r of c.rules.h) if (!best || r.x1 - r.x0 > best.x1 - best.x0) best = { x0: r.x0, x1: r.x1 };
  return best;
}

function shift(p: OcrPage, dx: number): void {
  const c = p.content;
  for (const r of c.runs) { r.x += dx; r.right += dx; }
  for (const r of c.rules.h) { r.x0 += dx; r.x1 += dx; }
  for (const r of c.rules.v) r.x += dx;
  for (const cell of p.cells) { cell.box[0] += dx; cell.box[2] += dx; }
  for (const d of p.digits) { d.box[0] += dx; d.box[2] += dx; }
}
