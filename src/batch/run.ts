// `jxaudit check` without the terminal: inputs → pool → per-file outputs →
// batch checks → summary.json, summary.csv, findings.csv, report.html.
// Memory stays flat: workers hand each file to the report phase (records, report,
// rendered parts); the main thread keeps one small row per file and hands the rows
// and spooled parts to the report phase at the end. Batch itself formats nothing.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { FileOutcome, StageTimings } from '../model/outcome.js';
import type { Summary } from '../model/report.js';
import type { ArchiveRun } from '../archive/batch.js';
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { isDynamicPattern } from 'tinyglobby';
import { batchObservations } from './batch-checks.js';
import { checkDirs } from './check-dirs.js';
import { globBase, realPathIntended, resolveInputs, type InputFile } from './inputs.js';
import { describeOsError, EnvironmentError, isOsError } from './os-errors.js';
import { createPool, PoolStopped } from './pool.js';
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
  /** --ocr-timeout: per scanned page (ms). */
  ocrTimeoutMs?: number;
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
  /** Aborted on Ctrl-C: the run stops, --out keeps the previous run's outputs, BatchInterrupted is thrown. */
  signal?: AbortSignal;
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
  // An empty argument (a shell variable never set: check "$收件箱") would otherwise mean the current folder.
  if (opts.inputs.some((arg) => arg.trim() === '')) {
    throw new UsageError('有一个要核查的路径是空的（可能是未设置的变量）；请写出文件、文件夹或通配符，当前文件夹请写 .');
  }
  const cwd = opts.cwd ?? process.cwd();
  const outDir = resolve(cwd, opts.outDir);
  await refuseOutAsInput(opts.inputs, cwd, outDir, opts.outDir);
  const resolved = await resolveInputs(opts.inputs, cwd, { exclude: [outDir, ...(opts.archive ? [resolve(opts.archive.store.dir)] : [])] });
  if (resolved.files.length === 0) {
    throw new UsageError(`这些文件夹或通配符中没有找到任何文件：${resolved.empty.join('、')}`);
  }

  const dirs = checkDirs(opts.rulesDir ? resolve(cwd, opts.rulesDir) : undefined);
  const files = resolved.files;
  // The workers start loading their code now and receive the rules and templates when
  // this thread has read them: start-up and loading overlap instead of adding up.
  let contextLoaded!: (context: TaskContext) => void;
  // Workers read the per-page OCR budget from their environment (a copy of this one).
  if (opts.ocrTimeoutMs !== undefined) process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS = String(opts.ocrTimeoutMs);
  const pool = createPool({
    jobs: Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length)), // no idle workers to boot
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    dirs,
    context: new Promise<TaskContext>((ok) => (contextLoaded = ok)),
    inProcess: opts.inProcess,
    preloadPdf: files.some((f) => /\.pdf$/i.test(f.abs)),
  });
  let staging: string;
  let spool: SectionSpool;
  // This thread's own share of the code (the checks to validate, the report writers,
  // LibreOffice conversion) loads only now, while the workers load theirs.
  let report!: typeof import('../report/index.js');
  let convertModule!: typeof import('./convert.js');
  try {
    // The bundled rules and templates as built come validated from the build's artifact
    // (context-cache.ts), without loading the loaders' code; else that code loads too.
    type Loaded = TaskContext | typeof import('./checks-context.js');
    const checks: Loaded | Promise<Loaded> = opts.context ?? import('./context-cache.js').then((m): Loaded | Promise<Loaded> => m.cachedTaskContext(dirs) ?? import('./checks-context.js'));
    let loaded: Loaded;
    [report, convertModule, loaded] = await Promise.all([import('../report/index.js'), import('./convert.js'), checks]);
    // Validate rules and templates once, here, before any check: a bad rule file stops the run (exit 2).
    contextLoaded('freshTaskContext' in loaded ? loaded.freshTaskContext(dirs) : loaded);
    try {
      await mkdir(outDir, { recursive: true });
    } catch (err) {
      throw new EnvironmentError(`无法创建输出文件夹 ${opts.outDir}：${describeOsError(err)}`);
    }
    try {
      // Everything of this run goes to a staging folder switched in at the end: --out never mixes runs.
      // First, before any clean-up: a run still writing here is never disturbed.
      staging = await report.openStaging(outDir);
      await report.prepareOutputs(outDir);
      await removeStaleScratch(outDir);
      // Per-file HTML sections and CSV rows, rendered by the workers, joined in input order at the end.
      spool = new SectionSpool(join(staging, SPOOL_NAME));
    } catch (err) {
      if (err instanceof report.OutputBusy) {
        throw new EnvironmentError(`${err.message}：${opts.outDir}。请等它结束后再运行，或用 --out 另选一个文件夹；${opts.outDir} 未作任何改动`);
      }
      if (!isOsError(err)) throw err;
      throw new EnvironmentError(`无法写入输出文件夹 ${opts.outDir}：${describeOsError(err)}`);
    }
  } catch (err) {
    await pool.close();
    throw err;
  }
  const names = report.outputNamesInOrder(files.map((f) => f.rel));
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const convert = convertModule.conversionSettings(opts.soffice, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  opts.onStart?.(files);

  // The run stops early on Ctrl-C (opts.signal) or when an output cannot be written (the disk is full).
  const stop = new AbortController();
  const stopped = new Promise<void>((ok) => stop.signal.addEventListener('abort', () => ok(), { once: true }));
  let writeError: string | null = null;
  const stopRun = () => {
    if (stop.signal.aborted) return;
    stop.abort();
    void pool.stop();
  };
  const interrupted = () => opts.signal?.aborted === true;
  opts.signal?.addEventListener('abort', stopRun, { once: true });
  if (interrupted()) stopRun();
  /** Waits for `promise` unless the run stops first. */
  const unlessStopped = <T>(promise: Promise<T>) => Promise.race([promise, stopped.then(() => undefined)]);

  const rows: FileOutcome[] = new Array(files.length);
  const started = performance.now();
  let done = 0;
  const running: Promise<void>[] = [];
  let conversions: Awaited<ReturnType<typeof convertModule.startConversions>> | null = null;
  let closing: Promise<void> | undefined;
  try {
    // Legacy files convert in batches in the background; the pool checks the others first.
    conversions = await convertModule.startConversions(files.map((f) => f.raw ?? f.abs), convert, maxBytes);
    const pending = conversions.pending;
    const order = [...files.keys()].sort((a, b) => Number(pending.has(a)) - Number(pending.has(b)));
    for (const index of order) {
      if (stop.signal.aborted) break;
      const file = files[index];
      const converted = await unlessStopped(pending.get(index) ?? Promise.resolve(undefined));
      await unlessStopped(pool.ready()); // feed lazily: the queue never holds more than --jobs waiting tasks
      if (stop.signal.aborted) break;
      const task: FileTask = {
        abs: file.abs,
        ...(file.raw ? { raw: file.raw } : {}),
        rel: file.rel,
        ...(file.typed !== undefined ? { typed: file.typed } : {}),
        name: names[index],
        outDir: staging,
        maxBytes,
        ...convert,
        ...(converted ? { converted } : {}),
        ...(opts.annotator !== undefined ? { annotator: opts.annotator } : {}),
      };
      running.push(
        pool.run(task).then(
          (row) => {
            if (row.outputError) {
              writeError ??= row.outputError;
              return stopRun();
            }
            try {
              opts.archive?.take(row, task.outDir); // before the parts are spooled: a resubmission's are re-rendered
              if (row.parts) spool.put(index, row.parts);
            } catch (err) {
              if (!isOsError(err)) throw err;
              writeError ??= describeOsError(err, spool.path);
              return stopRun();
            }
            delete row.parts; // the row stays small: its sections wait on disk
            rows[index] = row;
            opts.onFile?.(row, ++done, files.length);
          },
          (err: unknown) => {
            if (!(err instanceof PoolStopped)) throw err;
          },
        ),
      );
    }
    await Promise.all(running);
    // Ending the worker threads takes tens of milliseconds: the outputs are written meanwhile (awaited before returning or throwing).
    closing = pool.close();
    closing.catch(() => {});
  } catch (err) {
    stopRun();
    await Promise.allSettled(running);
    spool.dispose();
    await report.discardStaging(staging).catch(() => {});
    throw err;
  } finally {
    if (!closing) await pool.close();
    await conversions?.dispose();
  }
  const wallMs = performance.now() - started;
  const shownOut = opts.outDir;
  const untouched = `${shownOut} 保持上一次运行的结果，未作任何改动`;
  const giveUp = async (): Promise<never> => {
    await closing;
    spool.dispose();
    await report.discardStaging(staging).catch(() => {});
    if (writeError) throw new EnvironmentError(`无法写入结果，核查已停止：${writeError}。${untouched}；请处理后重新运行`);
    throw new BatchInterrupted(`已中断：已核查 ${done}/${files.length} 个文件，本次结果没有写入；${untouched}`, done, files.length);
  };
  if (writeError || interrupted()) await giveUp();

  const summary = report.buildSummary(rows, batchObservations(rows, { year: opts.year }), (opts.now ?? (() => new Date()))());
  try {
    await report.writeRunOutputs(staging, summary, rows, (index) => spool.bytes(index));
  } catch (err) {
    if (!isOsError(err)) throw err;
    writeError = describeOsError(err);
  } finally {
    if (!writeError) spool.dispose();
  }
  // The last moment to stop with nothing changed; once the switch begins it is finished (it takes a blink).
  if (writeError || interrupted()) await giveUp();
  try {
    await report.commitStaging(outDir, staging);
  } catch (err) {
    if (!isOsError(err)) throw err;
    await closing;
    throw new EnvironmentError(`结果已写好，但换入 ${shownOut} 时出错：${describeOsError(err)}。请处理后重新运行（会先完成这次换入）`);
  }

  await closing;
  const timings = { read: 0, recognize: 0, check: 0, wallMs, taskMs: 0 };
  for (const row of rows) {
    timings.taskMs += row.taskMs;
    timings.read += row.timings.read;
    timings.recognize += row.timings.recognize;
    timings.check += row.timings.check;
  }
  return { summary, rows, exitCode: exitCodeOf(rows), outDir, empty: resolved.empty, timings };
}

/** Ctrl-C before this run's outputs were switched in: --out holds the previous run's, untouched (exit 130). */
export class BatchInterrupted extends Error {
  override name = 'BatchInterrupted';
  constructor(
    message: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(message);
  }
}

/** `--out` that is one of the input folders (or a glob's folder) would mix outputs with submissions: exit 2. */
async function refuseOutAsInput(inputs: string[], cwd: string, outDir: string, shown: string): Promise<void> {
  const realOut = realPathIntended(outDir);
  for (const arg of inputs) {
    const folder = isDynamicPattern(arg) && !existsSync(resolve(cwd, arg)) ? resolve(cwd, globBase(arg)) : resolve(cwd, arg);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) continue;
    if (realPathIntended(folder) === realOut) {
      throw new UsageError(
        `输出文件夹 ${shown} 就是输入文件夹 ${arg}：结果会和要核查的文件混在一起。请用 --out 指定输入文件夹以外的文件夹（例如 --out 核查结果/）`,
      );
    }
  }
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

/** The spool inside the staging folder (removed before the switch). */
const SPOOL_NAME = '.sections';
/** Before staging folders, the spool sat in --out itself. */
const SCRATCH_PREFIX = '.jxaudit-sections-';

/** Scratch files a killed run of an earlier version left behind. */
async function removeStaleScratch(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(SCRATCH_PREFIX)) await rm(join(outDir, name), { recursive: true, force: true });
  }
}
