// summary.csv and findings.csv for staff who filter in Excel/WPS: UTF-8 with BOM,
// CRLF, and text cells that could run as a formula neutralized with a leading '.
import { stringify } from 'csv-stringify/sync';
import type { FormRecord } from '../model/record.js';
import type { BatchObservation, FileReport, Finding, SubmissionTally, Summary } from '../model/report.js';
import { FAILURE_NAMES, FORM_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import { fieldLabel } from './html-assets/labels.js';
import { cellPlace, locationText } from './places.js';
import { formKey, observationsByForm } from '../batch/batch-checks.js';

export const CSV_BOM = '\uFEFF';

/** A decimal string written by us (actual, expected, difference): stays a number for Excel. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** What a line break inside a cell is shown as. */
export const LINE_BREAK_MARK = '↵';

/** Excel's limit on one cell's text. */
export const MAX_CELL_CHARS = 32_767;

/** Text that Excel would evaluate (= + - @, or a leading tab/CR) gets a leading ' ; numbers stay numbers.
 *  A line break becomes a visible ↵ (a row stays one line wherever it is opened, even by a reader that
 *  splits at every LF, and `a↵b.docx` stays apart from `a b.docx`); a cell keeps to Excel's limit. */
export function csvCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (DECIMAL_TEXT.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const flat = safe.replace(/\r\n|[\r\n\u2028\u2029]/g, LINE_BREAK_MARK);
  return flat.length > MAX_CELL_CHARS ? `${flat.slice(0, MAX_CELL_CHARS - 1)}…` : flat;
}

type Cell = string | number | null | undefined;

function csvLines(rows: Cell[][]): string {
  return rows.length === 0 ? '' : stringify(rows.map((cells) => cells.map(csvCell)), { record_delimiter: 'windows' });
}

function csvLine(cells: Cell[]): string {
  return csvLines([cells]);
}

/** summary.csv: Chinese columns for people, then the machine codes (status, form kind, failure code). */
export const SUMMARY_CSV_COLUMNS = [
  '文件', '表号', '表样', '单位', '年度', '状态', '错误', '警告', '提示', '失败原因', '失败说明', '批次情况',
  'status', 'form', 'failure',
] as const;

/** With --archive, after 批次情况: the form's submission number and, from the second on, what became of the earlier findings. */
export const ARCHIVE_CSV_COLUMNS = ['提交次数', '已改正', '仍存在', '新问题'] as const;

/** The whole summary.csv: one row per form (a failed file is one row), the batch observations naming a file in its 批次情况 cell. */
export function summaryCsv(summary: Summary): string {
  const archived = summary.inputs.some((input) => input.forms.some((form) => form.submission));
  const archiveCells = (s?: SubmissionTally): Cell[] =>
    archived ? [s?.submission, s?.resolved, s?.persisting, s?.new] : [];

  const byForm = observationsByForm(summary.batch);
  const messages = (list: BatchObservation[] = []) => list.map((o) => o.message).join('；');
  const head: string[] = [...SUMMARY_CSV_COLUMNS];
  if (archived) head.splice(head.indexOf('status'), 0, ...ARCHIVE_CSV_COLUMNS);
  const rows: Cell[][] = [head];
  for (const input of summary.inputs) {
    const whole = byForm.get(formKey(input.path, null)) ?? [];
    if (input.forms.length === 0) {
      rows.push([
        input.path, null, input.form ? FORM_NAMES[input.form] : null, input.entity, input.year,
        STATUS_NAMES[input.status], input.errors, input.warnings, input.infos,
        input.failure ? FAILURE_NAMES[input.failure.code] : null, input.failure?.message, messages(whole),
        ...archiveCells(),
        input.status, input.form, input.failure?.code,
      ]);
      continue;
    }
    input.forms.forEach((form, i) => {
      // An observation about forms goes on the rows of the forms it names; one about the
      // whole file (its content submitted twice) once, on the file's first row.
      const own = messages([...(i === 0 ? whole : []), ...(byForm.get(formKey(input.path, form.index)) ?? [])]);
      rows.push([
        input.path, form.index + 1, FORM_NAMES[form.form], form.entity, form.year,
        STATUS_NAMES[form.status], form.errors, form.warnings, form.infos,
        null, null, own,
        ...archiveCells(form.submission),
        form.status, form.form, null,
      ]);
    });
  }
  return CSV_BOM + csvLines(rows);
}

/** findings.csv: Chinese columns for people, then the machine codes other tools match findings by. */
export const FINDINGS_CSV_COLUMNS = [
  '文件', '表号', '表样', '单位', '严重程度', '问题说明', '涉及项目', '填报值', '应为', '差额', '位置',
  'severity', 'rule', 'fields',
] as const;

/** The header of findings.csv (BOM included): the rows are appended file by file. */
export function findingsCsvHeader(): string {
  return CSV_BOM + csvLine([...FINDINGS_CSV_COLUMNS]);
}

/** Where a finding stands, in words counted from 1: its locations, or else where the form printed its fields. */
export function findingPlaces(finding: Finding, record?: FormRecord): string {
  const several = new Set(finding.locations.map((l) => l.field)).size > 1;
  if (finding.locations.length > 0) return finding.locations.map((l) => locationText(l, several, record)).join('；');
  const label = (field: string) => fieldLabel(field, record?.indicatorGroups, record?.lineLabels);
  const cells = finding.fields
    .filter((field) => record?.provenance[field])
    .map((field) => `${label(field)}：${cellPlace(record!.provenance[field])}`);
  // a finding about the whole form (its money unit, a block it lacks) has no one cell
  return cells.length > 0 ? cells.join('；') : `${label(finding.fields[0])}（全表）`;
}

/** The findings.csv rows of one per-file report; `records` (its forms') name fund lines as printed and place findings. */
export function findingsCsvRows(report: FileReport, records: FormRecord[] = []): string {
  const rows: Cell[][] = [];
  for (const finding of report.findings) {
    const index = finding.formIndex ?? 0;
    const form = report.forms.find((f) => f.index === index);
    const record = records.find((r) => r.source.formIndex === index) ?? records[index];
    rows.push([
      report.source.path,
      form ? index + 1 : null,
      form ? FORM_NAMES[form.form] : null,
      form?.entity ?? null,
      SEVERITY_NAMES[finding.severity],
      finding.message,
      finding.fields.map((f) => fieldLabel(f, record?.indicatorGroups, record?.lineLabels)).join('；'),
      finding.actual,
      finding.expected,
      finding.difference,
      findingPlaces(finding, record),
      finding.severity,
      finding.rule,
      finding.fields.join('; '),
    ]);
  }
  return csvLines(rows);
}
