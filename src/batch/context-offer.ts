// Hands the rules and templates to worker threads that were started before the main
// thread finished loading them, so worker start-up (~0.6 s of module loading) and the
// main thread's YAML parsing and validation (~0.3 s) overlap instead of adding up.
// A BroadcastChannel, because piscina fixes workerData when the pool is created.
import { BroadcastChannel } from 'node:worker_threads';
import { workerSetup, type CheckDirs } from './check-dirs.js';
import type { TaskContext } from './task.js';

/** What the main thread broadcasts: the context as plain data, or null when it cannot be copied (workers then load it themselves). */
interface ContextMessage {
  context: TaskContext | null;
}

const NEED = 'need-context';
let offers = 0;

export interface ContextOffer {
  /** The channel's name, passed to the workers in workerData. */
  name: string;
  close(): void;
}

/** Answers every worker's request once `loading` resolves (and broadcasts it then, for those already waiting). */
export function offerContext(loading: Promise<TaskContext>, dirs: CheckDirs): ContextOffer {
  const name = `jxaudit-context-${process.pid}-${++offers}`;
  const channel = new BroadcastChannel(name);
  let message: ContextMessage | null = null;
  channel.onmessage = (event) => {
    if ((event as { data: unknown }).data === NEED && message) channel.postMessage(message);
  };
  loading.then(
    (context) => {
      message = { context: workerSetup(dirs, context).context };
      channel.postMessage(message);
    },
    () => {}, // the caller reports the failure and closes the pool
  );
  return { name, close: () => channel.close() };
}

/** In a worker: waits for the main thread's context; null means "load it from the folders". */
export function receiveContext(name: string): Promise<TaskContext | null> {
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (event) => {
      const data = (event as { data: unknown }).data as ContextMessage | string;
      if (typeof data !== 'object' || data === null || !('context' in data)) return; // another worker's request
      channel.close();
      resolve(data.context);
    };
    channel.postMessage(NEED);
  });
}
