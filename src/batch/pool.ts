// Runs file tasks in a worker-thread pool (piscina), at most --jobs at a time
// (p-queue). A file past its time limit is stopped by terminating its worker —
// a synchronous parse cannot be interrupted any other way — and reported as `timeout`.
import { existsSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { packageRoot } from '../paths.js';
import { workerSetup, type CheckDirs, type WorkerSetup } from './check-dirs.js';
import { offerContext } from './context-offer.js';
import { raiseTierUpBudget } from './tier-up.js';
import type { WorkerTask } from './worker.js';
import type { FileOutcome, FileTask, TaskContext } from './task.js';

/** How long a new worker may take to load before its first file's clock starts anyway. */
const WORKER_BOOT_ALLOWANCE_MS = 30_000;
/** Each worker's young generation (V8's default is 48 MB, from 16 MB semi-spaces): its
 *  peak is resident whatever the batch. At 12 MB a 5,000-form DOCX batch peaked at
 *  274 MB instead of 338 MB and 200 PDF forms at 276 MB instead of 331 MB, for 7% more
 *  time on PDF and none measurable on DOCX (issue 19: peak ≤ 300 MB at any batch size). */
const WORKER_YOUNG_MB = 12;

export interface PoolOptions {
  jobs: number;
  /** Per-file limit in milliseconds. */
  timeoutMs: number;
  dirs: CheckDirs;
  /**
   * The rules and templates loaded (and validated) by the caller, if any — or a promise
   * of them: the workers then boot while the caller loads, and receive them when ready.
   * Absent: each worker loads them from `dirs`.
   */
  context?: TaskContext | Promise<TaskContext>;
  /** Run tasks in this thread (unit tests under vitest, where workers cannot load .ts). */
  inProcess?: boolean;
  /** Heap ceiling per worker in MB: a file that needs more fails alone instead of killing the run. */
  workerHeapMb?: number;
  /** The batch holds PDF files (WorkerSetup.preloadPdf). */
  preloadPdf?: boolean;
}

export interface FilePool {
  /** Resolves with the file's row; never rejects for a bad file. Waits while all slots are busy. */
  run(task: FileTask): Promise<FileOutcome>;
  /** Resolves once fewer than `jobs` tasks are waiting: lets a producer feed tasks lazily. */
  ready(): Promise<void>;
  /** Ends the run early (Ctrl-C, a full disk): tasks not begun reject with PoolStopped, running workers are terminated. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** A task the pool did not finish because the run was stopped. */
export class PoolStopped extends Error {
  override name = 'PoolStopped';
}

/** The compiled worker, next to this module in dist/, or dist/ under the package when run from src/. */
export function workerFile(): string | null {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(packageRoot(), 'dist', 'src', 'batch', 'worker.js');
  return existsSync(built) ? built : null;
}

export function createPool(opts: PoolOptions): FilePool {
  const queue = new PQueue({ concurrency: opts.jobs });
  const file = opts.inProcess ? null : workerFile();
  if (!file) return inProcessPool(queue, opts);
  raiseTierUpBudget();

  const offer = opts.context instanceof Promise ? offerContext(opts.context, opts.dirs) : null;
  const setup: WorkerSetup = offer
    ? { dirs: opts.dirs, context: null, contextChannel: offer.name }
    : opts.context
      ? workerSetup(opts.dirs, opts.context as TaskContext)
      : { dirs: opts.dirs, context: null }; // the workers load the rules and templates themselves
  if (opts.preloadPdf) setup.preloadPdf = true;
  const piscina = new Piscina({
    filename: file,
    minThreads: opts.jobs,
    maxThreads: opts.jobs,
    idleTimeout: 30_000,
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: opts.workerHeapMb ?? 1024, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });

  let stopping = false;
  let destroyed: Promise<void> | null = null;
  const destroy = () => (destroyed ??= piscina.destroy());
  return {
    run: (task) =>
      queue.add(async () => {
        if (stopping) throw new PoolStopped();
        // The limit starts when the worker says it began this file (not while a fresh worker boots);
        // a worker that never even starts is stopped after the limit plus a boot allowance.
        const abort = new AbortController();
        const channel = new MessageChannel();
        let timer = setTimeout(() => abort.abort(), opts.timeoutMs + WORKER_BOOT_ALLOWANCE_MS);
        channel.port1.on('message', (message: unknown) => {
          clearTimeout(timer);
          // a scan (issue 18): the file gets its own budget per page read by OCR
          const ocr = message as { ocrPages?: number; pageMs?: number } | null;
          const extra = typeof ocr === 'object' && ocr && ocr.ocrPages && ocr.pageMs ? ocr.ocrPages * ocr.pageMs : 0;
          timer = setTimeout(() => abort.abort(), opts.timeoutMs + extra);
        });
        try {
          const message: WorkerTask = { task, started: channel.port2 };
          return (await piscina.run(message, { signal: abort.signal, transferList: [channel.port2] })) as FileOutcome;
        } catch (err) {
          if (stopping) throw new PoolStopped();
          const { writeFailedTask } = await import('./task.js');
          return writeFailedTask(task, ...failureOfStoppedWorker(err, opts.timeoutMs));
        } finally {
          clearTimeout(timer);
          channel.port1.close();
        }
      }) as Promise<FileOutcome>,
    ready: () => queue.onSizeLessThan(opts.jobs),
    stop: async () => {
      stopping = true;
      await destroy(); // a synchronous parse cannot be interrupted: its worker is terminated
    },
    close: async () => {
      await queue.onIdle();
      await destroy();
      offer?.close();
    },
  };
}

function inProcessPool(queue: PQueue, opts: PoolOptions): FilePool {
  let context: TaskContext | null = null;
  let stopping = false;
  return {
    run: (task) =>
      queue.add(async () => {
        if (stopping) throw new PoolStopped();
        const { runFileTask, writeFailedTask } = await import('./task.js');
        context ??= (await opts.context) ?? (await import('./checks-context.js')).loadTaskContext(opts.dirs);
        // In-process the limit can only be awaited, not enforced on a synchronous parse.
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), opts.timeoutMs)));
        try {
          const result = await Promise.race([runFileTask(task, context), timedOut]);
          if (result === 'timeout') return writeFailedTask(task, 'timeout', timeoutMessage(opts.timeoutMs));
          return result;
        } finally {
          clearTimeout(timer);
        }
      }) as Promise<FileOutcome>,
    ready: () => queue.onSizeLessThan(opts.jobs),
    // In-process a running file cannot be stopped: it finishes, the ones not begun do not start.
    stop: async () => {
      stopping = true;
    },
    close: () => queue.onIdle(),
  };
}

function timeoutMessage(timeoutMs: number): string {
  const seconds = timeoutMs / 1000;
  return `处理时间超过 ${seconds} 秒的上限，已停止处理此文件；文件可能过大或结构异常，可用 --timeout 放宽上限后单独重试`;
}

/** Why a worker stopped without a result → the file's failure code and Chinese message. */
function failureOfStoppedWorker(err: unknown, timeoutMs: number): ['timeout' | 'too-large' | 'corrupt-file', string] {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return ['timeout', timeoutMessage(timeoutMs)];
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return ['too-large', '处理此文件所需内存超过上限，已停止处理；文件可能过大或结构异常，请拆分后重新提交'];
  }
  return ['corrupt-file', `处理此文件时工作线程异常退出，已跳过：${e?.message ?? String(err)}`];
}
