// The one place pdfjs-dist (5.4.296, legacy build) is loaded. Its bundled core-js
// replaces some builtins process-wide with slow JS versions (Array.prototype.push:
// ~15% of PDF reading time; JSON.parse); they are put back here once pdfjs and its
// in-thread worker are loaded (so nothing else may import pdfjs-dist before this).
// The worker code is loaded up front and runs in this thread behind one shared
// port (sharedWorker), so it cannot pollute the builtins again later.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { patchWorkerPieces } from './pdfjs-worker-patch.js';

const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;
const nativeToBase64 = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64');

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdfjs' worker side, driven through InThreadPort below (see sharedWorker), with its
// font compiler's byte copying made linear (pdfjs-worker-patch.ts).
const workerModule = workerModuleUrl();
const { WorkerMessageHandler } = (await import(workerModule.url).finally(() => {
  if (workerModule.dir) rmSync(workerModule.dir, { recursive: true, force: true });
})) as { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };

// The replaced versions only add edge cases nothing here relies on (array lengths
// beyond 2^53, JSON.parse's `source` context).
Array.prototype.push = nativePush;
JSON.parse = nativeJsonParse;
// Node 20 has no Uint8Array#toBase64; core-js adds a JS one, which pdfjs then prefers
// to the native btoa when it hands each font to the font loader (~3% of reading).
if (!nativeToBase64) delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;

export const { getDocument, OPS } = pdfjs;

/** Whether the worker runs with the font-compiler patch (false: another pdfjs version, unpatched). */
export const workerPatched = workerModule.patched;

/** The worker module to import: its patched source, or the file itself (JXAUDIT_PDFJS_PATCH=off;
 *  =fonts: patched, but font files built as pdfjs builds them — the tests compare these).
 *  The patched source is imported from a file in a private
 *  temporary folder, removed once loaded: as a data: URL the same module costs 60 MB more. */
function workerModuleUrl(): { url: string; patched: boolean; dir?: string } {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const mode = process.env.JXAUDIT_PDFJS_PATCH;
  const pieces = mode === 'off' ? null : patchWorkerPieces(readFileSync(path), { fontFiles: mode === 'fonts' });
  if (pieces === null) return { url: pathToFileURL(path).href, patched: false };
  try {
    const dir = mkdtempSync(join(tmpdir(), 'jxaudit-pdfjs-'));
    const file = join(dir, 'pdf.worker.mjs');
    writePieces(file, pieces);
    return { url: pathToFileURL(file).href, patched: true, dir };
  } catch {
    return { url: `data:text/javascript;base64,${Buffer.concat(pieces).toString('base64')}`, patched: true };
  }
}

/** Writes the pieces one after another, without joining them in memory first. */
function writePieces(file: string, pieces: Buffer[]): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    let left = pieces.filter((p) => p.length > 0);
    while (left.length > 0) {
      let written = writevSync(fd, left);
      // a short write: go on from where it stopped
      while (left.length > 0 && written >= left[0].length) written -= left.shift()!.length;
      if (left.length > 0 && written > 0) left[0] = left[0].subarray(written);
    }
  } finally {
    closeSync(fd);
  }
}

type Listener = (event: { data: unknown }) => void;

/** pdfjs' message stream kinds (MessageHandler, 5.4.296): chunk deliveries and the
 *  pull/acknowledge pairs around them. */
const STREAM_ENQUEUE = 4, STREAM_PULL = 6, STREAM_PULL_COMPLETE = 7;

/**
 * One end of an in-thread message channel between pdfjs' API and its worker code.
 * pdfjs' own fake worker (LoopbackPort) deep-copies every message with
 * structuredClone — ~10% of reading, mostly text-content chunks and operator lists.
 * Here those are handed over by reference: the worker builds fresh text items and
 * only re-points the chunk's `items` afterwards (so the chunk is copied shallowly),
 * and the operator-list arrays it empties after sending are copied (shallowly)
 * first. Every other message is still cloned as pdfjs does.
 */
class InThreadPort {
  other: InThreadPort | null = null;
  private readonly listeners = new Set<Listener>();

  postMessage(message: unknown, transfer?: unknown[]): void {
    const data = handOver(message, transfer);
    const target = this.other;
    // Asynchronous, like a real port (and like pdfjs' LoopbackPort).
    void Promise.resolve().then(() => {
      if (target) for (const listener of target.listeners) listener.call(target, { data });
    });
  }

  /** pdfjs removes its message handlers by aborting the `signal` it registered them with. */
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== 'message') return;
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

function handOver(message: unknown, transfer?: unknown[]): unknown {
  const m = message as { stream?: number; chunk?: { fnArray?: unknown[]; argsArray?: unknown[]; items?: unknown[] } } | null;
  if (m && (m.stream === STREAM_PULL || m.stream === STREAM_PULL_COMPLETE)) return m;
  if (m && m.stream === STREAM_ENQUEUE && m.chunk) {
    const { chunk } = m;
    if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
      return { ...m, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
    }
    // The worker then gives the chunk object a new `items` array (and styles).
    if (Array.isArray(chunk.items)) return { ...m, chunk: { ...chunk } };
  }
  return structuredClone(message, transfer ? ({ transfer } as Parameters<typeof structuredClone>[1]) : undefined);
}

let worker: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/** The one pdfjs worker of this thread, shared by every document read here
 *  (pdfjs keeps each document's state apart by its document id). */
export function sharedWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  if (worker) return worker;
  const main = new InThreadPort(), side = new InThreadPort();
  main.other = side;
  side.other = main;
  WorkerMessageHandler.initializeFromPort(side);
  // verbosity 0 (errors only): a recovered damaged file must not print pdfjs' warnings
  // ("Indexing all PDF objects") into the bureau's terminal; we report the file ourselves.
  worker = new pdfjs.PDFWorker({
    port: main as unknown as NonNullable<ConstructorParameters<typeof pdfjs.PDFWorker>[0]>['port'],
    verbosity: 0,
  });
  return worker;
}
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
