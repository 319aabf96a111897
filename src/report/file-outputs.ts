// One file's outputs, written where the file ran (a worker thread): its records and
// report, its annotated copy, and its share of report.html / findings.csv. Apart from
// index.ts so that a worker does not load what only the run's end needs (the page's
// script and style, the summary, the progress bar). index.ts re-exports all of this.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { SectionParts } from '../model/outcome.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport } from '../model/report.js';
import { toJsonText, writeFileAtomicSync } from './atomic.js';
import { findingsCsvRows } from './csv.js';
import { renderHtmlFile } from './html-file.js';
import { annotatedPath, recordPath, reportPath } from './output-paths.js';

/** The file's report.html section and findings.csv rows (pure: rendered where the file ran, in parallel). */
export function renderFileParts(report: FileReport, records: FormRecord[]): SectionParts {
  return { html: renderHtmlFile(report, records), csv: findingsCsvRows(report, records) };
}

/** Writes one file's records and report under `outDir` (atomically) and returns its rendered parts. */
export function writeFileOutputs(outDir: string, name: string, report: FileReport, records: FormRecord[]): SectionParts {
  records.forEach((record, index) => writeFileAtomicSync(recordPath(outDir, name, index), toJsonText(record)));
  writeFileAtomicSync(reportPath(outDir, name), toJsonText(report));
  return renderFileParts(report, records);
}

/** Writes a file's annotated copy (issue 17) under `annotated/`, atomically like its report. */
export function writeAnnotatedCopy(outDir: string, name: string, suffix: string, bytes: Buffer): void {
  writeFileAtomicSync(annotatedPath(outDir, name, suffix), bytes);
}

/** Writes the report of a file that failed outside the pipeline (a stopped worker);
 *  records a late worker may already have written are removed: a failed file has none. */
export async function writeFailedFileOutputs(outDir: string, name: string, report: FileReport): Promise<SectionParts> {
  for (let index = 0; ; index++) {
    const path = recordPath(outDir, name, index);
    if (!existsSync(path)) break;
    await rm(path, { force: true });
  }
  writeFileAtomicSync(reportPath(outDir, name), toJsonText(report));
  return renderFileParts(report, []);
}
