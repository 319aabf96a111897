// The batch summary (summary.json, jxaudit/summary@1) built from the small per-file rows.
import type { BatchObservation, Summary } from '../model/report.js';
import { SUMMARY_SCHEMA_ID } from '../model/report-constants.js';
import type { FileOutcome } from '../model/outcome.js';

type SummaryRow = Pick<FileOutcome, 'path' | 'status' | 'form' | 'entity' | 'year' | 'errors' | 'warnings' | 'infos' | 'failure'> &
  Partial<Pick<FileOutcome, 'formTallies'>>;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local time with its UTC offset, to the second: "2026-03-01T16:00:00+08:00".
 *  `offsetMinutes` (east of UTC) defaults to this machine's offset at that instant. */
export function localTimeText(date: Date, offsetMinutes: number = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Pure: rows in input order + observations + the run's time (the only timestamp of any output). */
export function buildSummary(rows: SummaryRow[], batch: BatchObservation[], generatedAt: Date): Summary {
  const totals = { files: rows.length, ok: 0, discrepancies: 0, failed: 0, errors: 0, warnings: 0 };
  for (const row of rows) {
    totals[row.status]++;
    totals.errors += row.errors;
    totals.warnings += row.warnings;
  }
  return {
    schema: SUMMARY_SCHEMA_ID,
    generatedAt: localTimeText(generatedAt),
    inputs: rows.map((r) => ({
      path: r.path,
      status: r.status,
      form: r.form,
      entity: r.entity,
      year: r.year,
      errors: r.errors,
      warnings: r.warnings,
      infos: r.infos,
      failure: r.failure,
      forms: (r.formTallies ?? []).map((f) => ({
        index: f.index,
        form: f.form,
        entity: f.entity,
        year: f.year,
        status: f.status,
        errors: f.errors,
        warnings: f.warnings,
        infos: f.infos,
        ...(f.submission ? { submission: f.submission } : {}),
      })),
    })),
    totals,
    batch,
  };
}
