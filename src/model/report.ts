// Findings, per-file reports and the batch summary (report.md) as zod schemas. Their
// names live in report-constants.ts (no zod), re-exported here.
import type { z as Z } from 'zod';
import { zod } from '../lazy-zod.js';
import { FAILURE_CODES } from './failure.js';
import { FORM_KINDS, SOURCE_FORMATS } from './record-constants.js';
import { REPORT_SCHEMA_ID, SEVERITIES, SUMMARY_SCHEMA_ID } from './report-constants.js';

export { REPORT_SCHEMA_ID, SEVERITIES, SUMMARY_SCHEMA_ID } from './report-constants.js';
export type { Severity } from './report-constants.js';

const z = zod();

export const LocationSchema = z
  .object({
    field: z.string(),
    // a table cell
    table: z.number().int().optional(),
    row: z.number().int().optional(),
    col: z.number().int().optional(),
    page: z.number().int().nullable().optional(),
    raw: z.string().optional(),
    /** XLSX: the worksheet of row/col (the sheet's own, 0-based). */
    sheet: z.string().optional(),
    /** A scan: OCR's confidence in the value and where the cell is (record provenance's). */
    confidence: z.number().min(0).max(1).optional(),
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    seal: z.literal(true).optional(),
    // a narrative mention
    paragraph: z.number().int().optional(),
    quote: z.string().optional(),
  })
  .strict();
export type Location = Z.infer<typeof LocationSchema>;

/** The values a finding's message was rendered from (its kind's template names them). */
export const MessageDataSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageData = Z.infer<typeof MessageDataSchema>;

export const FindingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(SEVERITIES),
    /** Rendered from the kind's template `messageId` and `data`. */
    message: z.string(),
    messageId: z.string().optional(),
    data: MessageDataSchema.optional(),
    fields: z.array(z.string()).min(1),
    actual: z.string().nullable(),
    expected: z.string().nullable(),
    difference: z.string().nullable(),
    locations: z.array(LocationSchema),
    formIndex: z.number().int().nonnegative().optional(),
    /** rules.md check 31: an operand was read by OCR below the confidence threshold — the
     *  finding is a warning asking staff to check the original there. */
    uncertain: z.literal(true).optional(),
  })
  .strict();
export type Finding = Z.infer<typeof FindingSchema>;

export const FailureSchema = z.object({ code: z.enum(FAILURE_CODES), message: z.string() }).strict();

/** One form of a file, as reports and the summary name it. */
const FormIdSchema = z.object({
  index: z.number().int().nonnegative(),
  form: z.enum(FORM_KINDS),
  entity: z.string().nullable(),
  year: z.number().int().nullable(),
});

/** A value that differs from the submission before (archive compare; before/after as the records hold them). */
export const ValueChangeSchema = z
  .object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })
  .strict();
export type ValueChange = Z.infer<typeof ValueChangeSchema>;

/** A finding in a comparison: `finding` indexes this report's findings (absent for a resolved, earlier one). */
export const ResubmittedFindingSchema = z
  .object({
    finding: z.number().int().nonnegative().optional(),
    rule: z.string(),
    severity: z.enum(SEVERITIES),
    fields: z.array(z.string()),
    message: z.string(),
  })
  .strict();
export type ResubmittedFinding = Z.infer<typeof ResubmittedFindingSchema>;

/** A form that an archive (--archive) already holds an earlier, different file of: what changed since. */
export const ResubmissionSchema = z
  .object({
    formIndex: z.number().int().nonnegative(),
    /** 第n次提交: this file's place among the distinct files archived for the form. */
    submission: z.number().int().min(2),
    previous: z.object({ sha256: z.string(), path: z.string(), status: z.enum(['ok', 'discrepancies']) }).strict(),
    changes: z.array(ValueChangeSchema),
    /** 已改正: the earlier submission's findings not found again. */
    resolved: z.array(ResubmittedFindingSchema),
    /** 仍存在 */
    persisting: z.array(ResubmittedFindingSchema),
    /** 新问题 */
    new: z.array(ResubmittedFindingSchema),
  })
  .strict();
export type Resubmission = Z.infer<typeof ResubmissionSchema>;

/** A form's place in the archive, for summaries: its submission number and, from the second on, the counts. */
export const SubmissionTallySchema = z
  .object({
    submission: z.number().int().positive(),
    resolved: z.number().int().optional(),
    persisting: z.number().int().optional(),
    new: z.number().int().optional(),
    changes: z.number().int().optional(),
  })
  .strict();
export type SubmissionTally = Z.infer<typeof SubmissionTallySchema>;

export const ReportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    source: z
      .object({
        name: z.string(),
        path: z.string(),
        sha256: z.string().nullable(),
        format: z.enum(SOURCE_FORMATS).nullable(),
        convertedFrom: z.enum(['doc', 'wps', 'xls', 'et', 'rtf', 'odt', 'ods']).optional(),
      })
      .strict(),
    status: z.enum(['ok', 'discrepancies', 'failed']),
    form: z.enum(FORM_KINDS).nullable(),
    forms: z.array(FormIdSchema.strict()),
    findings: z.array(FindingSchema),
    error: FailureSchema.nullable(),
    /** Only with --archive, for forms the archive held an earlier file of. */
    resubmissions: z.array(ResubmissionSchema).optional(),
  })
  .strict();
export type FileReport = Z.infer<typeof ReportSchema>;
export type FileStatus = FileReport['status'];

export const BatchObservationSchema = z
  .object({
    kind: z.enum(['duplicate-content', 'duplicate-form', 'other-year']),
    severity: z.enum(SEVERITIES),
    message: z.string(),
    paths: z.array(z.string()),
    /** The forms it concerns when it is about forms rather than whole files (the same form
     *  twice, a form of another year): each by its file's path and its index in the file, so
     *  a file holding several forms carries it on its own forms' rows only. */
    forms: z.array(z.object({ path: z.string(), index: z.number().int().nonnegative() }).strict()).optional(),
  })
  .strict();
export type BatchObservation = Z.infer<typeof BatchObservationSchema>;

export const SummarySchema = z
  .object({
    schema: z.literal(SUMMARY_SCHEMA_ID),
    /** The run's local time with its UTC offset ("2026-03-01T16:00:00+08:00"). */
    generatedAt: z.string(),
    inputs: z.array(
      z
        .object({
          path: z.string(),
          status: z.enum(['ok', 'discrepancies', 'failed']),
          form: z.enum(FORM_KINDS).nullable(),
          entity: z.string().nullable(),
          year: z.number().int().nullable(),
          errors: z.number().int(),
          warnings: z.number().int(),
          infos: z.number().int(),
          failure: FailureSchema.nullable(),
          /** The file's forms, each with its own status and counts (one summary.csv row each). */
          forms: z.array(
            FormIdSchema.extend({
              status: z.enum(['ok', 'discrepancies']),
              errors: z.number().int(),
              warnings: z.number().int(),
              infos: z.number().int(),
              /** Only with --archive. */
              submission: SubmissionTallySchema.optional(),
            }).strict(),
          ),
        })
        .strict(),
    ),
    totals: z
      .object({
        files: z.number().int(),
        ok: z.number().int(),
        discrepancies: z.number().int(),
        failed: z.number().int(),
        errors: z.number().int(),
        warnings: z.number().int(),
      })
      .strict(),
    batch: z.array(BatchObservationSchema),
  })
  .strict();
export type Summary = Z.infer<typeof SummarySchema>;
