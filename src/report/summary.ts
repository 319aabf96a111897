// The batch summary (summary.json, jxaudit/summary@1) built from the small per-file rows.
import { SUMMARY_SCHEMA_ID, type BatchObservation, type Summary } from '../model/report.js';
import type { FileOutcome } from '../model/outcome.js';

type SummaryRow = Pick<FileOutcome, 'path' | 'status' | 'form' | 'entity' | 'year' | 'errors' | 'warnings' | 'infos' | 'failure'>;

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
    generatedAt: generatedAt.toISOString(),
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
    })),
    totals,
    batch,
  };
}
