// The worker-thread entry (loaded as compiled dist/src/batch/worker.js by the pool):
// loads rules and templates once, then runs one file task per call.
// piscina hands a worker its workerData as the thread's own: taken from node:worker_threads,
// a worker does not load piscina's pool code (and node:assert, perf_hooks, … with it).
import { workerData, type MessagePort } from 'node:worker_threads';
import { loadTaskContext } from './checks-context.js';
import type { WorkerSetup } from './check-dirs.js';
import { receiveContext } from './context-offer.js';
import { onOcrBudget } from '../read/ocr/budget.js';
import { runFileTask, type FileOutcome, type FileTask, type TaskContext } from './task.js';

let context: TaskContext | null = null;

// A batch with PDFs: pdfjs loads now (a quarter of a second of CPU), while the main thread
// still starts up and before the first file arrives, not when the first PDF does. (A
// failure to load shows when a PDF is read.)
if ((workerData as WorkerSetup | undefined)?.preloadPdf) void import('../read/pdf.js').catch(() => undefined);

/** A task as the pool sends it: the file, plus a port to say when work on it really begins. */
export interface WorkerTask {
  task: FileTask;
  started: MessagePort;
}

export default async function runInWorker({ task, started }: WorkerTask): Promise<FileOutcome> {
  const setup = workerData as WorkerSetup;
  context ??= setup.context ?? (setup.contextChannel ? await receiveContext(setup.contextChannel) : null) ?? loadTaskContext(setup.dirs);
  // The time limit counts from here: a fresh worker's start-up is not the file's fault.
  started.postMessage('started');
  // A scan tells how many pages it will OCR: the pool then extends this file's limit.
  onOcrBudget((pages, pageMs) => started.postMessage({ ocrPages: pages, pageMs }));
  try {
    hangForTests(task);
    return await runFileTask(task, context);
  } finally {
    onOcrBudget(null);
    started.close();
  }
}

/**
 * Test-only hook: JXAUDIT_TEST_HANG=<text> makes a file whose path contains the
 * text spin synchronously, like a parser stuck on a hostile file — only
 * terminating the worker stops it, which is what the timeout test proves.
 */
function hangForTests(task: FileTask): void {
  const marker = process.env.JXAUDIT_TEST_HANG;
  if (!marker || !task.rel.includes(marker)) return;
  for (;;) {
    // spin until the pool terminates this thread
  }
}
