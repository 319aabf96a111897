// Phase `read`: bytes → document model. Recognizes the format by content and
// hands the bytes to the DOCX or PDF reader. (Owned by the DOCX-reader work.)
import type { DocModel } from '../model/document.js';
import { FormFailure } from '../model/failure.js';

export type SniffedFormat =
  | { kind: 'docx' }
  | { kind: 'pdf' }
  | { kind: 'other'; what: string; code: 'unsupported-format' | 'encrypted' | 'corrupt-file' };

export interface ReadOptions {
  /** Per-file size limit in bytes; also bounds what a DOCX may inflate to. */
  maxBytes: number;
}

/** Which format the bytes really are (magic numbers and zip contents, not the name). */
export function sniffFormat(_bytes: Buffer): SniffedFormat {
  throw new Error('not implemented yet');
}

/** Reads a DOCX or PDF into the document model; throws FormFailure for bad input. */
export async function readDocument(_bytes: Buffer, _opts: ReadOptions): Promise<DocModel> {
  throw new FormFailure('unsupported-format', '尚未实现');
}
