// `jxaudit check` without the terminal: inputs → pool → per-file outputs →
// batch checks → summary.json, summary.csv, findings.csv, report.html.
// Memory stays flat: workers hand each file to the report phase (records, report,
// rendered parts); the main thread keeps one small row per file and hands the rows
// and spooled parts to the report phase at the end. Batch itself formats nothing.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { FileOutcome, StageTimings } from '../model/outcome.js';
import type { Summary } from '../model/report.js';
import type { ArchiveRun } from '../archive/batch.js';
import { DEFAULT_MAX_BYTES } from '../pipeline.js';
import { allocateOutputNames, buildSummary, insideOut, prepareOutputs, writeRunOutputs } from '../report/index.js';
import { batchObservations } from './batch-checks.js';
import { checkDirs, loadTaskContext } from './checks-context.js';
import { resolveInputs, type InputFile } from './inputs.js';
import { conversionSettings, startConversions } from './convert.js';
import { createPool } from './pool.js';
import { SectionSpool } from './spool.js';
import type { FileTask, TaskContext } from './task.js';

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  /** Extra rule folder (--rules). */
  rulesDir?: string;
  /** The rules and templates of `rulesDir`, when the caller has already loaded (and validated) them: not loaded again. */
  context?: TaskContext;
  jobs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** --year: flag forms of another year. */
  year?: number;
  /** Run in this thread instead of workers (unit tests). */
  inProcess?: boolean;
  cwd?: string;
  /** --soffice: LibreOffice to convert legacy formats with (default: soffice on PATH). */
  soffice?: string;
  /** --annotator: author of the annotated copies (annotated/<rel>) of files with errors or warnings; absent: none written. */
  annotator?: string;
  /** Called once the inputs are known, before any file runs. */
  onStart?: (files: InputFile[]) => void;
  /** Called as each file finishes (in completion order). */
  onFile?: (row: FileOutcome, done: number, total: number) => void;
  /** The run's time for summary.json (tests pass a fixed one). */
  now?: () => Date;
  /** --archive: each file is compared with its earlier submissions there, then filed (archive/batch.ts). */
  archive?: ArchiveRun;
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
  const resolved = await resolveInputs(opts.inputs, cwd, { exclude: [outDir, ...(opts.archive ? [resolve(opts.archive.store.dir)] : [])] });
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
    contextLoaded(opts.context ?? loadTaskContext(dirs));
    try {
      await mkdir(outDir, { recursive: true });
    } catch (err) {
      throw new UsageError(`无法创建输出文件夹 ${opts.outDir}：${(err as Error).message}`);
    }
    await prepareOutputs(outDir);
    // Per-file HTML sections and CSV rows, rendered by the workers, joined in input order at the end.
    await removeStaleScratch(outDir);
    spool = new SectionSpool(insideOut(outDir, `${SCRATCH_PREFIX}${process.pid}`));
  } catch (err) {
    await pool.close();
    throw err;
  }
  const names = allocateOutputNames(files.map((f) => f.rel));
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const convert = conversionSettings(opts.soffice, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  opts.onStart?.(files);

  const rows: FileOutcome[] = new Array(files.length);
  const started = performance.now();
  let done = 0;
  const running: Promise<void>[] = [];
  // Legacy files convert in batches in the background; the pool checks the others first.
  const conversions = await startConversions(files.map((f) => f.abs), convert, maxBytes);
  const order = [...files.keys()].sort((a, b) => Number(conversions.pending.has(a)) - Number(conversions.pending.has(b)));
  try {
    for (const index of order) {
      const file = files[index];
      const converted = await conversions.pending.get(index);
      await pool.ready(); // feed lazily: the queue never holds more than --jobs waiting tasks
      const task: FileTask = { abs: file.abs, rel: file.rel, name: names.get(file.rel)!, outDir, maxBytes, ...convert, ...(converted ? { converted } : {}), ...(opts.annotator !== undefined ? { annotator: opts.annotator } : {}) };
      running.push(
        pool.run(task).then((row) => {
          opts.archive?.take(row, task.outDir); // before the parts are spooled: a resubmission's are re-rendered
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
    await conversions.dispose();
  }
  const wallMs = performance.now() - started;

  const summary = buildSummary(rows, batchObservations(rows, { year: opts.year }), (opts.now ?? (() => new Date()))());
  try {
    await writeRunOutputs(outDir, summary, rows, (index) => spool.get(index));
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

/** A file in no format jxaudit reads (a cover letter .txt; a .doc without LibreOffice) named
 *  other than .docx/.xlsx/.pdf is reported but does not fail the run. */
function countsAsFailure(row: Pick<FileOutcome, 'path' | 'failure'>): boolean {
  if (row.failure?.code !== 'unsupported-format') return true;
  return /\.(docx|xlsx|pdf)$/i.test(row.path);
}

const SCRATCH_PREFIX = '.jxaudit-sections-';

/** Scratch files a killed run left behind. */
async function removeStaleScratch(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(SCRATCH_PREFIX)) await rm(join(outDir, name), { recursive: true, force: true });
  }
}
