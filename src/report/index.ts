// Phase `report`: the one door through which the batch and the CLI write outputs.
// Per file: its records and report (written where the file ran) and its share of
// report.html / findings.csv; per run: summary.json, summary.csv, findings.csv and
// report.html joined in input order. Everything is a function of the report model.
import { readFile } from 'node:fs/promises';
import type { FileOutcome, SectionBytes, SectionParts } from '../model/outcome.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport, Summary } from '../model/report.js';
import { AtomicFileSync, removeStaleTemps, toJsonText, writeFileAtomic } from './atomic.js';
import { findingsCsvHeader, summaryCsv } from './csv.js';
import { renderFileParts } from './file-outputs.js';
import { renderHtmlEnd, renderHtmlStart } from './html.js';
import { insideOut, recordPath, reportPath } from './output-paths.js';

export { renderFileParts, writeAnnotatedCopy, writeFailedFileOutputs, writeFileOutputs } from './file-outputs.js';

export { allocateOutputNames, insideOut, outputNamesInOrder } from './output-paths.js';
export { commitStaging, discardStaging, openStaging, OutputBusy } from './staging.js';
export { buildSummary } from './summary.js';
export { createProgress, summaryText, type Progress } from './console.js';
export { toJsonText } from './atomic.js';

/** Before a run: temp files a killed run left under `outDir` go. */
export async function prepareOutputs(outDir: string): Promise<void> {
  await removeStaleTemps(outDir);
}

/**
 * After a run: summary.json, summary.csv, then findings.csv and report.html in input
 * order, joined from the parts the files rendered (`partsOf`, one at a time — the run
 * never holds them all). A missing part (should not happen) is rendered here from the
 * report and records on disk.
 */
export async function writeRunOutputs(
  outDir: string,
  summary: Summary,
  rows: Pick<FileOutcome, 'name'>[],
  partsOf: (index: number) => SectionParts | SectionBytes | null,
): Promise<void> {
  await writeFileAtomic(insideOut(outDir, 'summary.json'), toJsonText(summary));
  await writeFileAtomic(insideOut(outDir, 'summary.csv'), summaryCsv(summary));
  const csv = new AtomicFileSync(insideOut(outDir, 'findings.csv'));
  let html: AtomicFileSync | null = null;
  try {
    html = new AtomicFileSync(insideOut(outDir, 'report.html'));
    csv.write(findingsCsvHeader());
    html.write(renderHtmlStart(summary));
    for (const [index, row] of rows.entries()) {
      const parts = partsOf(index) ?? (await partsFromDisk(outDir, row.name));
      if (!parts) continue; // removed under us: the summary still lists the file
      html.write(parts.html);
      csv.write(parts.csv);
    }
    html.write(renderHtmlEnd());
    csv.commit();
    html.commit();
  } catch (err) {
    csv.abort();
    html?.abort();
    throw err;
  }
}

async function partsFromDisk(outDir: string, name: string): Promise<SectionParts | null> {
  const report = await readJson<FileReport>(reportPath(outDir, name));
  if (!report) return null;
  const records: FormRecord[] = [];
  for (let i = 0; i < report.forms.length; i++) {
    const record = await readJson<FormRecord>(recordPath(outDir, name, i));
    if (record) records.push(record);
  }
  return renderFileParts(report, records);
}

/** A JSON output of this run, or null when it cannot be read back. */
async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
