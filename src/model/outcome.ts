// The small per-file row the batch keeps once a file is done (report.md's summary row
// plus what the terminal and the benchmark need): built from a per-file report, read
// by the report phase (summary, console) and the batch (observations, exit status).
import type { FileReport, SubmissionTally } from './report.js';

/** Milliseconds spent in each phase of one file. */
export interface StageTimings {
  read: number;
  recognize: number;
  check: number;
}

/** The per-file row the batch keeps in memory: small whatever the form's size. */
export interface FileOutcome {
  path: string;
  /** Sanitized, collision-free output name under --out (usually the relative path). */
  name: string;
  status: FileReport['status'];
  format: FileReport['source']['format'];
  sha256: string | null;
  form: FileReport['form'];
  forms: FileReport['forms'];
  entity: string | null;
  year: number | null;
  errors: number;
  warnings: number;
  infos: number;
  failure: FileReport['error'];
  /** The first error/warning messages (at most 3), for the terminal summary. */
  firstMessages: string[];
  /** Per form of the file (summary.json's `forms`, one summary.csv row each), in the file's order. */
  formTallies: FormTally[];
  timings: StageTimings;
  /** Milliseconds the whole task took where it ran (pipeline, writes, rendering), for the benchmark. */
  taskMs: number;
  /** This file's report.html section and findings.csv rows, rendered where the file ran; the batch spools them and drops them from the row. */
  parts?: SectionParts;
  /** Writing this file's outputs failed (a full disk, a read-only --out): the sentence to tell. The batch stops. */
  outputError?: string;
}

/** One form of a file: what it is, its status and counts, and its first messages. */
export interface FormTally {
  index: number;
  form: FileReport['forms'][number]['form'];
  entity: string | null;
  year: number | null;
  status: 'ok' | 'discrepancies';
  errors: number;
  warnings: number;
  infos: number;
  /** Its first error/warning messages (at most 3; errors first), for the terminal summary. */
  firstMessages: string[];
  /** With --archive: its submission number and what changed since the one before (archive/batch.ts). */
  submission?: SubmissionTally;
}

/** How many messages of a file or form the terminal gets. */
export const FIRST_MESSAGES = 3;

type Counts = { errors: number; warnings: number; infos: number; firstMessages: string[] };

function tally(findings: FileReport['findings']): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, firstMessages: [] };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  // Errors first, then warnings: the terminal shows what matters most.
  for (const severity of ['error', 'warning'] as const) {
    for (const finding of findings) {
      if (counts.firstMessages.length < FIRST_MESSAGES && finding.severity === severity) counts.firstMessages.push(finding.message);
    }
  }
  return counts;
}

/** The forms of a report with their own counts (a finding without formIndex is the first form's). */
export function formTallies(report: FileReport): FormTally[] {
  return report.forms.map((form) => {
    const counts = tally(report.findings.filter((f) => (f.formIndex ?? 0) === form.index));
    return {
      index: form.index,
      form: form.form,
      entity: form.entity,
      year: form.year,
      status: counts.errors + counts.warnings > 0 ? 'discrepancies' : 'ok',
      ...counts,
    };
  });
}

/** One file's share of the batch-wide report.html and findings.csv. */
export interface SectionParts {
  html: string;
  csv: string;
}

/** The same, UTF-8 encoded (as the spool keeps them: joined into the run's outputs without decoding). */
export interface SectionBytes {
  html: Buffer;
  csv: Buffer;
}

/** The summary row of a report. */
export function outcomeOf(report: FileReport, name: string, timings: StageTimings): FileOutcome {
  const { errors, warnings, infos, firstMessages } = tally(report.findings);
  const first = report.forms[0];
  return {
    path: report.source.path,
    name,
    status: report.status,
    format: report.source.format,
    sha256: report.source.sha256,
    form: report.form,
    forms: report.forms,
    entity: first?.entity ?? null,
    year: first?.year ?? null,
    errors,
    warnings,
    infos,
    failure: report.error,
    firstMessages,
    formTallies: formTallies(report),
    timings,
    taskMs: 0,
  };
}
