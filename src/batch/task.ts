// One file's work inside a worker (or in-process): run the pipeline, write its
// records and report atomically, and hand back a small summary row.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { FormFailure, type FailureCode } from '../model/failure.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport } from '../model/report.js';
import { findingsCsvRows } from '../report/csv.js';
import { renderHtmlFile } from '../report/html.js';
import { failedReport, processFile, type StageTimings } from '../pipeline.js';
import type { RuleSet } from '../check/index.js';
import type { TemplateSet } from '../recognize/index.js';
import { toJsonText, writeFileAtomicSync } from '../report/atomic.js';
import { recordPath, reportPath } from '../report/output-paths.js';
import type { SectionParts } from './spool.js';


/** What the main thread sends for one file (plain data: it crosses to a worker). */
export interface FileTask {
  abs: string;
  /** Path relative to the inputs' common folder: written into the record and report. */
  rel: string;
  /** Sanitized, collision-free output name (usually equal to rel). */
  name: string;
  outDir: string;
  maxBytes: number;
}

/** The per-file row the batch keeps in memory: small whatever the form's size. */
export interface FileOutcome {
  path: string;
  name: string;
  status: FileReport['status'];
  format: 'docx' | 'pdf' | null;
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

export interface TaskContext {
  rules: RuleSet;
  templates: TemplateSet;
}

/** Reads, checks and writes one file. Never throws for bad input; an internal error becomes a failed report. */
export async function runFileTask(task: FileTask, ctx: TaskContext): Promise<FileOutcome> {
  const started = performance.now();
  const timings: StageTimings = { read: 0, recognize: 0, check: 0 };
  let report: FileReport;
  let records: unknown[] = [];
  try {
    const result = await processFile(task.abs, {
      rules: ctx.rules,
      templates: ctx.templates,
      maxBytes: task.maxBytes,
      displayPath: task.rel,
      timings,
      syncIo: true, // one file at a time per worker: blocking reads cost nothing here
    });
    report = result.report;
    records = result.records;
  } catch (err) {
    // processFile promises not to throw; if our own code still does, the batch goes on.
    report = failedReport(task.rel, null, null, internalFailure(err));
  }
  records.forEach((record, index) => writeFileAtomicSync(recordPath(task.outDir, task.name, index), toJsonText(record)));
  writeFileAtomicSync(reportPath(task.outDir, task.name), toJsonText(report));
  const parts = renderParts(report, records as FormRecord[]);
  return { ...outcomeOf(report, task.name, timings), parts, taskMs: performance.now() - started };
}

/** Writes the failed report of a file whose worker was stopped (timeout, memory) and returns its row. */
export async function writeFailedTask(task: FileTask, code: FailureCode, message: string): Promise<FileOutcome> {
  const report = failedReport(task.rel, null, null, new FormFailure(code, message));
  // A worker stopped late may already have written records: a failed file has none.
  for (let index = 0; ; index++) {
    const path = recordPath(task.outDir, task.name, index);
    if (!existsSync(path)) break;
    await rm(path, { force: true });
  }
  writeFileAtomicSync(reportPath(task.outDir, task.name), toJsonText(report));
  return { ...outcomeOf(report, task.name, { read: 0, recognize: 0, check: 0 }), parts: renderParts(report, []) };
}

/** The file's report.html section and findings.csv rows, rendered here (in the worker, in parallel). */
export function renderParts(report: FileReport, records: FormRecord[]): SectionParts {
  return { html: renderHtmlFile(report, records), csv: findingsCsvRows(report) };
}

export function internalFailure(err: unknown): FormFailure {
  if (err instanceof FormFailure) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new FormFailure('corrupt-file', `读取时发生内部错误，已跳过此文件：${detail}`);
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
