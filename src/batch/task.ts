// One file's work inside a worker (or in-process): run the pipeline, hand its report
// and records to the report phase (which writes and renders them), return a small row.
import { readFileSync } from 'node:fs';
import { FormFailure, internalFailure, type FailureCode } from '../model/failure.js';
// Types only: convert.ts loads LibreOffice's code (node:child_process), which a worker needs only to convert a file itself.
import type { ConvertedInput } from './convert.js';
import { outcomeOf, type FileOutcome } from '../model/outcome.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport } from '../model/report.js';
import { writeAnnotatedCopy, writeFailedFileOutputs, writeFileOutputs } from '../report/file-outputs.js';
import { annotateCopy } from '../annotate/index.js';
import type { DocModel } from '../model/document.js';
import { failedReport, processFile, type StageTimings } from '../pipeline.js';
import { describeOsError, isOsError } from './os-errors.js';
import type { RuleSet } from '../check/index.js';
import type { TemplateSet } from '../recognize/index.js';

export type { FileOutcome };

/** What the main thread sends for one file (plain data: it crosses to a worker). */
export interface FileTask {
  /** Absolute path as shown (a name that is not UTF-8 appears decoded: batch/file-names.ts). */
  abs: string;
  /** The path's raw bytes when a name in it is not UTF-8: what the file is opened by. */
  raw?: Uint8Array;
  /** Path relative to the inputs' common folder: written into the record and report. */
  rel: string;
  /** A missing path as the user typed it (batch/inputs.ts). */
  typed?: string;
  /** Sanitized, collision-free output name (usually equal to rel). */
  name: string;
  outDir: string;
  maxBytes: number;
  /** LibreOffice for .doc/.wps/.xls/.et/.rtf/.odt/.ods (batch/convert.ts); null when absent. */
  soffice?: string | null;
  /** Time allowed for that conversion (ms). */
  convertTimeoutMs?: number;
  /** Author of the annotated copy's comments (--annotator); absent: no annotated copy (--no-annotate). */
  annotator?: string;
  /** A legacy file the main thread already converted (batch/convert.ts): its converted bytes' path, or why it failed. */
  converted?: ConvertedInput;
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
  let read: { document: DocModel; bytes: Buffer } | null = null;
  try {
    const result = await processFile(task.raw ? Buffer.from(task.raw) : task.abs, {
      rules: ctx.rules,
      templates: ctx.templates,
      maxBytes: task.maxBytes,
      displayPath: task.rel,
      ...(task.typed !== undefined ? { typedPath: task.typed } : {}),
      timings,
      syncIo: true, // one file at a time per worker: blocking reads cost nothing here
      soffice: task.soffice,
      convertTimeoutMs: task.convertTimeoutMs,
      converted: task.converted ? convertedBytes(task.converted, (path) => readFileSync(path)) : undefined,
      keepDocument: task.annotator !== undefined,
    });
    report = result.report;
    records = result.records;
    if (result.document && result.readBytes) read = { document: result.document, bytes: result.readBytes };
  } catch (err) {
    // processFile promises not to throw; if our own code still does, the batch goes on.
    report = failedReport(task.rel, null, null, internalFailure(err));
  }
  const outcome = outcomeOf(report, task.name, timings);
  try {
    const parts = writeFileOutputs(task.outDir, task.name, report, records as FormRecord[]);
    if (read && task.annotator !== undefined) {
      const copy = await annotateCopy(read.bytes, read.document, report, records as FormRecord[], { author: task.annotator });
      if (copy && 'bytes' in copy) writeAnnotatedCopy(task.outDir, task.name, copy.suffix, copy.bytes);
    }
    return { ...outcome, parts, taskMs: performance.now() - started };
  } catch (err) {
    return { ...outcome, outputError: outputErrorText(err), taskMs: performance.now() - started };
  }
}

/** A failed write is the machine's problem (the batch stops, exit 2), never this file's failure. */
function outputErrorText(err: unknown): string {
  if (isOsError(err)) return describeOsError(err);
  throw err;
}

/** The pipeline's `converted` option from what the main thread converted. */
export function convertedBytes(input: ConvertedInput, read: (path: string) => Buffer): Buffer | FormFailure {
  return 'path' in input ? read(input.path) : new FormFailure(input.failure.code, input.failure.message);
}

/** Writes the failed report of a file whose worker was stopped (timeout, memory) and returns its row. */
export async function writeFailedTask(task: FileTask, code: FailureCode, message: string): Promise<FileOutcome> {
  const report = failedReport(task.rel, null, null, new FormFailure(code, message));
  const outcome = outcomeOf(report, task.name, { read: 0, recognize: 0, check: 0 });
  try {
    return { ...outcome, parts: await writeFailedFileOutputs(task.outDir, task.name, report) };
  } catch (err) {
    return { ...outcome, outputError: outputErrorText(err) };
  }
}
