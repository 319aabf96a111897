// Annotated copies (issue 17): the department's own file, unchanged but for marks on
// what each error and warning finding cites — Word comments (DOCX), highlight notes
// (PDF), cell notes (XLSX) — so it can go back for correction as it is. A legacy file
// LibreOffice converted (.doc/.wps/.rtf, .xls/.et) is annotated in the converted
// DOCX/XLSX, named <name>.docx / <name>.xlsx after the original: a marked .doc could
// only be written by converting back, through the same LibreOffice, for no gain.
import type { DocModel } from '../model/document.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport } from '../model/report.js';
import { planMarks } from './marks.js';

export { DEFAULT_ANNOTATOR } from './options.js';

export interface AnnotatedCopy {
  bytes: Buffer;
  /** Added to the output name when the copy's format differs from the input's (a converted file): ".docx". */
  suffix: string;
  /** Findings with no place found in the document, by index (expected none). */
  unplaced: number[];
}

/**
 * The annotated copy of a file (`bytes` as read: a converted file's converted bytes), or
 * null when nothing is marked (no error or warning finding) or the file cannot carry
 * marks — the reason is then in `skipped`. Never throws for a file's content.
 */
export async function annotateCopy(
  bytes: Buffer,
  doc: DocModel,
  report: FileReport,
  records: readonly FormRecord[],
  opts: { author: string },
): Promise<AnnotatedCopy | { skipped: string } | null> {
  if (!report.findings.some((f) => f.severity !== 'info')) return null;
  // A scan's cells are placed on page images, not in the PDF's own coordinates: a mark
  // could land beside its figure, and a wrong mark is worse than none.
  if (doc.readBy === 'ocr') return { skipped: '扫描件（由 OCR 读取）不生成批注副本' };
  const { marks, unplaced } = planMarks(report, records, doc);
  if (marks.length === 0) return { skipped: '问题均无法定位到原文中的位置' };
  const suffix = report.source.convertedFrom ? `.${doc.format}` : '';
  try {
    // Each writer's library loads when a file of its format first needs it.
    const result =
      doc.format === 'docx'
        ? (await import('./docx.js')).annotateDocx(bytes, doc, marks, opts)
        : doc.format === 'pdf'
          ? await (await import('./pdf.js')).annotatePdf(bytes, doc, marks, opts)
          : doc.format === 'xlsx'
            ? await (await import('./xlsx.js')).annotateXlsx(bytes, doc, marks, opts)
            : { skipped: `${doc.format} 文件不生成批注副本` };
    return 'skipped' in result ? result : { bytes: result.bytes, suffix, unplaced };
  } catch (err) {
    return { skipped: `生成批注副本时出错：${(err as Error)?.message ?? String(err)}` };
  }
}
