// summary.csv and findings.csv for staff who filter in Excel/WPS: UTF-8 with BOM,
// CRLF, and text cells that could run as a formula neutralized with a leading '.
import { stringify } from 'csv-stringify/sync';
import type { BatchObservation, FileReport, Summary } from '../model/report.js';

export const CSV_BOM = '\uFEFF';

/** A decimal string written by us (actual, expected, difference): stays a number for Excel. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Text that Excel would evaluate (= + - @, or a leading tab/CR) gets a leading ' ; numbers stay numbers. */
export function csvCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (DECIMAL_TEXT.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | null | undefined;

function csvLines(rows: Cell[][]): string {
  return rows.length === 0 ? '' : stringify(rows.map((cells) => cells.map(csvCell)), { record_delimiter: 'windows' });
}

function csvLine(cells: Cell[]): string {
  return csvLines([cells]);
}

export const SUMMARY_CSV_COLUMNS = [
  'path', 'status', 'form', 'entity', 'year', 'errors', 'warnings', 'infos', 'failure', 'failureMessage', 'batch',
] as const;

/** The whole summary.csv: one row per input, the batch observations naming a file in its `batch` cell. */
export function summaryCsv(summary: Summary): string {
  const byPath = new Map<string, BatchObservation[]>();
  for (const obs of summary.batch) {
    for (const path of obs.paths) byPath.set(path, [...(byPath.get(path) ?? []), obs]);
  }
  const rows: Cell[][] = [[...SUMMARY_CSV_COLUMNS]];
  for (const input of summary.inputs) {
    rows.push([
      input.path,
      input.status,
      input.form,
      input.entity,
      input.year,
      input.errors,
      input.warnings,
      input.infos,
      input.failure?.code,
      input.failure?.message,
      (byPath.get(input.path) ?? []).map((o) => o.message).join('；'),
    ]);
  }
  return CSV_BOM + csvLines(rows);
}

export const FINDINGS_CSV_COLUMNS = [
  'file', 'entity', 'severity', 'rule', 'message', 'fields', 'actual', 'expected', 'difference',
] as const;

/** The header of findings.csv (BOM included): the rows are appended file by file. */
export function findingsCsvHeader(): string {
  return CSV_BOM + csvLine([...FINDINGS_CSV_COLUMNS]);
}

/** The findings.csv rows of one per-file report. */
export function findingsCsvRows(report: FileReport): string {
  const rows: Cell[][] = [];
  for (const finding of report.findings) {
    const form = report.forms[finding.formIndex ?? 0];
    rows.push([
      report.source.path,
      form?.entity ?? null,
      finding.severity,
      finding.rule,
      finding.message,
      finding.fields.join('; '),
      finding.actual,
      finding.expected,
      finding.difference,
    ]);
  }
  return csvLines(rows);
}
