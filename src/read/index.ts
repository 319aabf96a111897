// Phase `read`: bytes → document model. Recognizes the format by content (sniff.ts)
// and hands the bytes to the DOCX reader (docx.ts) or the PDF reader (pdf.ts).
import type { DocModel } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import { readDocx } from './docx.js';
import { sniffFormat, type SniffedFormat } from './sniff.js';

export { sniffFormat, type SniffedFormat };
export { buildGrid, type PlacedCell } from './grid.js';

export interface ReadOptions {
  /** Per-file size limit in bytes; also bounds what a DOCX may inflate to. */
  maxBytes: number;
}

/** Reads a DOCX or PDF into the document model; throws FormFailure for bad input. */
export async function readDocument(bytes: Buffer, opts: ReadOptions): Promise<DocModel> {
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'other') throw new FormFailure(sniffed.code, sniffed.what);
  if (bytes.length > opts.maxBytes) {
    throw new FormFailure('too-large', `文件大小 ${bytes.length} 字节，超过上限 ${opts.maxBytes} 字节；请拆分或压缩后重新提交，或用 --max-bytes 放宽上限`);
  }
  if (sniffed.kind === 'docx') return readDocx(bytes, opts);
  // Loaded on first use: pdfjs is heavy, and a DOCX-only worker never needs it.
  const { readPdf } = await import('./pdf.js');
  return readPdf(bytes, opts);
}
