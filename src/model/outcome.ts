// The small per-file row the batch keeps once a file is done (report.md's summary row
// plus what the terminal and the benchmark need): built from a per-file report, read
// by the report phase (summary, console) and the batch (observations, exit status).
import type { FileReport } from './report.js';

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
  timings: StageTimings;
  /** Milliseconds the whole task took where it ran (pipeline, writes, rendering), for the benchmark. */
  taskMs: number;
  /** This file's report.html section and findings.csv rows, rendered where the file ran; the batch spools them and drops them from the row. */
  parts?: SectionParts;
}

/** One file's share of the batch-wide report.html and findings.csv. */
export interface SectionParts {
  html: string;
  csv: string;
}

/** The summary row of a report. */
export function outcomeOf(report: FileReport, name: string, timings: StageTimings): FileOutcome {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const firstMessages: string[] = [];
  for (const finding of report.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  // Errors first, then warnings: the terminal shows what matters most.
  for (const severity of ['error', 'warning'] as const) {
    for (const finding of report.findings) {
      if (firstMessages.length < 3 && finding.severity === severity) firstMessages.push(finding.message);
    }
  }
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
    timings,
    taskMs: 0,
  };
}
