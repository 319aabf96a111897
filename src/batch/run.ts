// `jxaudit check` without the terminal: inputs → pool → per-file outputs →
// batch checks → summary.json, summary.csv, findings.csv, report.html.
// Memory stays flat: workers write records and reports; the main thread keeps
// one small row per file and streams the batch-wide files from the reports on disk.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { FormRecord } from '../model/record.js';
import type { FileReport, Summary } from '../model/report.js';
import { DEFAULT_MAX_BYTES, type StageTimings } from '../pipeline.js';
import { AtomicStream, removeStaleTemps, toJsonText, writeFileAtomic } from '../report/atomic.js';
import { findingsCsvHeader, findingsCsvRows, summaryCsv } from '../report/csv.js';
import { renderHtmlEnd, renderHtmlFile, renderHtmlStart } from '../report/html.js';
import { allocateOutputNames, insideOut, recordPath, reportPath } from '../report/output-paths.js';
import { buildSummary } from '../report/summary.js';
import { batchObservations } from './batch-checks.js';
import { checkDirs, loadTaskContext } from './checks-context.js';
import { resolveInputs, type InputFile } from './inputs.js';
import { createPool } from './pool.js';
import { SectionSpool } from './spool.js';
import type { FileOutcome, FileTask, TaskContext } from './task.js';

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  /** Extra rule folder (--rules). */
  rulesDir?: string;
  jobs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** --year: flag forms of another year. */
  year?: number;
  /** Run in this thread instead of workers (unit tests). */
  inProcess?: boolean;
  cwd?: string;
  /** Called once the inputs are known, before any file runs. */
  onStart?: (files: InputFile[]) => void;
  /** Called as each file finishes (in completion order). */
  onFile?: (row: FileOutcome, done: number, total: number) => void;
  /** The run's time for summary.json (tests pass a fixed one). */
  now?: () => Date;
}

export interface BatchResult {
  summary: Summary;
  /** Rows in input order. */
  rows: FileOutcome[];
  /** 0: no error finding and no failed .docx/.pdf; 1 otherwise (report.md). */
  exitCode: 0 | 1;
  outDir: string;
  /** Folders and globs that yielded no file (while others did). */
  empty: string[];
  /** Summed phase times of all files (ms), and the wall time of the pool phase. */
  timings: StageTimings & { wallMs: number; taskMs: number };
}

/** Bad usage: exit status 2 (no input, nothing found). Invalid rules throw RuleFileError, also exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  if (opts.inputs.length === 0) throw new UsageError('没有给出要核查的文件、文件夹或通配符');
  const cwd = opts.cwd ?? process.cwd();
  const outDir = resolve(cwd, opts.outDir);
  const resolved = await resolveInputs(opts.inputs, cwd, { exclude: [outDir] });
  if (resolved.files.length === 0) {
    throw new UsageError(`这些文件夹或通配符中没有找到任何文件：${resolved.empty.join('、')}`);
  }

  const dirs = checkDirs(opts.rulesDir ? resolve(cwd, opts.rulesDir) : undefined);
  const files = resolved.files;
  // The workers start loading their code now and receive the rules and templates when
  // this thread has read them: start-up and loading overlap instead of adding up.
  let contextLoaded!: (context: TaskContext) => void;
  const pool = createPool({
    jobs: Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length)), // no idle workers to boot
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    dirs,
    context: new Promise<TaskContext>((ok) => (contextLoaded = ok)),
    inProcess: opts.inProcess,
  });
  let spool: SectionSpool;
  try {
    // Validate rules and templates once, here, before any check: a bad rule file stops the run (exit 2).
    contextLoaded(loadTaskContext(dirs));
    try {
      await mkdir(outDir, { recursive: true });
    } catch (err) {
      throw new UsageError(`无法创建输出文件夹 ${opts.outDir}：${(err as Error).message}`);
    }
    await removeStaleTemps(outDir);
    // Per-file HTML sections and CSV rows, rendered by the workers, joined in input order at the end.
    await removeStaleScratch(outDir);
    spool = new SectionSpool(insideOut(outDir, `${SCRATCH_PREFIX}${process.pid}`));
  } catch (err) {
    await pool.close();
    throw err;
  }
  const names = allocateOutputNames(files.map((f) => f.rel));
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  opts.onStart?.(files);

  const rows: FileOutcome[] = new Array(files.length);
  const started = performance.now();
  let done = 0;
  const running: Promise<void>[] = [];
  try {
    for (const [index, file] of files.entries()) {
      await pool.ready(); // feed lazily: the queue never holds more than --jobs waiting tasks
      const task: FileTask = { abs: file.abs, rel: file.rel, name: names.get(file.rel)!, outDir, maxBytes };
      running.push(
        pool.run(task).then((row) => {
          if (row.parts) spool.put(index, row.parts);
          delete row.parts; // the row stays small: its sections wait on disk
          rows[index] = row;
          opts.onFile?.(row, ++done, files.length);
        }),
      );
    }
    await Promise.all(running);
  } catch (err) {
    spool.dispose();
    throw err;
  } finally {
    await pool.close();
  }
  const wallMs = performance.now() - started;

  const summary = buildSummary(rows, batchObservations(rows, { year: opts.year }), (opts.now ?? (() => new Date()))());
  await writeFileAtomic(insideOut(outDir, 'summary.json'), toJsonText(summary));
  await writeFileAtomic(insideOut(outDir, 'summary.csv'), summaryCsv(summary));
  try {
    await writeFromSpool(outDir, spool, summary, rows);
  } finally {
    spool.dispose();
  }

  const timings = { read: 0, recognize: 0, check: 0, wallMs, taskMs: 0 };
  for (const row of rows) {
    timings.taskMs += row.taskMs;
    timings.read += row.timings.read;
    timings.recognize += row.timings.recognize;
    timings.check += row.timings.check;
  }
  return { summary, rows, exitCode: exitCodeOf(rows), outDir, empty: resolved.empty, timings };
}

/** 1 when any file has an error finding, or a .docx/.pdf (or a missing path) failed. */
export function exitCodeOf(rows: Pick<FileOutcome, 'path' | 'status' | 'errors' | 'failure'>[]): 0 | 1 {
  for (const row of rows) {
    if (row.errors > 0) return 1;
    if (row.status === 'failed' && countsAsFailure(row)) return 1;
  }
  return 0;
}

/** A non-form file (cover letter, spreadsheet) named other than .docx/.pdf is reported but does not fail the run. */
function countsAsFailure(row: Pick<FileOutcome, 'path' | 'failure'>): boolean {
  if (row.failure?.code !== 'unsupported-format') return true;
  return /\.(docx|pdf)$/i.test(row.path);
}

/**
 * findings.csv and report.html in input order, joined from the sections the workers
 * rendered (one small file each) — the batch never holds them all. A missing section
 * (should not happen) is rendered here from the report and records on disk.
 */
async function writeFromSpool(outDir: string, spool: SectionSpool, summary: Summary, rows: FileOutcome[]): Promise<void> {
  const csv = await AtomicStream.open(insideOut(outDir, 'findings.csv'));
  const html = await AtomicStream.open(insideOut(outDir, 'report.html'));
  try {
    await csv.write(findingsCsvHeader());
    await html.write(renderHtmlStart(summary));
    for (const [index, row] of rows.entries()) {
      const parts = spool.get(index);
      if (parts) {
        await html.write(parts.html);
        await csv.write(parts.csv);
        continue;
      }
      const report = await readJson<FileReport>(reportPath(outDir, row.name));
      if (!report) continue; // removed under us: the summary still lists the file
      const records: FormRecord[] = [];
      for (let i = 0; i < report.forms.length; i++) {
        const record = await readJson<FormRecord>(recordPath(outDir, row.name, i));
        if (record) records.push(record);
      }
      await csv.write(findingsCsvRows(report));
      await html.write(renderHtmlFile(report, records));
    }
    await html.write(renderHtmlEnd());
    await csv.commit();
    await html.commit();
  } catch (err) {
    await csv.abort();
    await html.abort();
    throw err;
  }
}

const SCRATCH_PREFIX = '.jxaudit-sections-';

/** Scratch files a killed run left behind. */
async function removeStaleScratch(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(SCRATCH_PREFIX)) await rm(join(outDir, name), { recursive: true, force: true });
  }
}

/** A JSON output of this run, or null when it cannot be read back. */
async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
