// Phase `read`: bytes → document model. Recognizes the format by content (sniff.ts)
// and hands the bytes to the DOCX reader (docx.ts) or the PDF reader (pdf.ts).
import type { DocModel } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import { readDocx } from './docx.js';
import type { PageTest } from './pdf-page-filter.js';
import { dropPrompts } from './placeholder-text.js';
import { sniffFormat, withoutSoffice, type LegacyFormat, type SniffedFormat } from './sniff.js';

export { sniffFormat, type LegacyFormat, type SniffedFormat };
// LibreOffice's code (and node:child_process) loads only where a file is converted: pipeline.ts and batch/convert.ts import soffice.ts.
export type { ConversionRequest, ConversionResult } from './soffice.js';
export { buildGrid, type PlacedCell } from './grid.js';

export interface ReadOptions {
  /** Per-file size limit in bytes; also bounds what a DOCX may inflate to. */
  maxBytes: number;
  /** PDF: whether a page's text can hold part of a form; the pages before the first that
   *  can are not laid out (pdf-page-filter.ts). Absent: every page is. */
  mayHoldForm?: PageTest;
}

/** The one size-limit check and message, for a file on disk (by its stat, before
 *  reading it) or for bytes in memory. */
export function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new FormFailure('too-large', `文件大小 ${size} 字节，超过上限 ${maxBytes} 字节；请拆分或压缩后重新提交，或用 --max-bytes 放宽上限`);
  }
}

/**
 * Reads a DOCX or PDF into the document model; throws FormFailure for bad input.
 * `sniffed` is the caller's sniffFormat(bytes) when it already has one (the
 * pipeline does: it needs the format for the report), so the bytes are sniffed,
 * and a zip's directory parsed, once.
 */
/** The document's tables and paragraphs as a person sees them, whatever its format: a
 *  word processor's content-control prompt ("单击或点击此处输入文字。") is no text of it
 *  (placeholder-text.ts). */
export async function readDocument(bytes: Buffer, opts: ReadOptions, sniffed: SniffedFormat = sniffFormat(bytes)): Promise<DocModel> {
  return dropPrompts(await readFormat(bytes, opts, sniffed));
}

async function readFormat(bytes: Buffer, opts: ReadOptions, sniffed: SniffedFormat): Promise<DocModel> {
  if (sniffed.kind === 'other') throw new FormFailure(sniffed.code, sniffed.what);
  // Converted bytes are read by the caller (pipeline) once LibreOffice has made them.
  if (sniffed.kind === 'convertible') throw new FormFailure('unsupported-format', withoutSoffice(sniffed));
  checkSize(bytes.length, opts.maxBytes);
  if (sniffed.kind === 'docx') return readDocx(sniffed.zip, opts);
  if (sniffed.kind === 'xlsx') {
    // Loaded on first use: exceljs is large, and a DOCX/PDF-only worker never needs it.
    const { readXlsx } = await import('./xlsx.js');
    return readXlsx(sniffed.zip, opts);
  }
  if (sniffed.kind === 'image') {
    // A scan or photo (issue 18): OCR where Tesseract is installed.
    const ocr = await import('./ocr/index.js');
    if (!ocr.canOcr('image')) throw new FormFailure('no-text-layer', `这是图片文件（${sniffed.type.toUpperCase()}，可能是扫描件或照片），没有可读取的文字。${ocr.INSTALL_OCR}；或提交由 Word/WPS 导出的 DOCX 或 PDF`);
    return ocr.readImageFile(bytes, sniffed.type);
  }
  // A long publication's text, by poppler, shows where a form can start; with no such
  // page pdfjs is never loaded (pdf-prepass.ts).
  // Loaded on first use, like pdf.js below: it runs poppler through node:child_process, which a DOCX-only worker never loads.
  const { prepassPdf } = await import('./pdf-prepass.js');
  const verdict = await prepassPdf(bytes, opts.mayHoldForm);
  if (verdict && verdict.from >= verdict.pages) return { format: 'pdf', pages: verdict.pages, blocks: [], tables: [], images: 0 };
  // Loaded on first use: pdfjs is heavy, and a DOCX-only worker never needs it.
  const { readPdf } = await import('./pdf.js');
  return readPdf(bytes, opts, verdict?.from);
}
