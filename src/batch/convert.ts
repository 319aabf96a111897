// LibreOffice conversions in a batch run. soffice is looked up once per run (on PATH,
// or --soffice); the legacy files (.doc, .wps, .xls, .et, .rtf, .odt, .ods — told by
// content) are converted in the main thread in batches, one soffice start per batch
// (read/soffice.ts: private profile, n × the file timeout, one at a time after a
// timeout), while the worker pool checks the other files. Each converted file then
// goes to a worker with its converted bytes on disk: the record and report keep the
// original's name and sha256. Starting soffice costs seconds; per file it costs little.
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormFailure, type FailureCode } from '../model/failure.js';
import { sniffFormat, type LegacyFormat } from '../read/sniff.js';
import { convertBatch, findSoffice } from '../read/soffice.js';

export interface ConversionSettings {
  soffice: string | null;
  /** Per-file conversion timeout (ms): a batch of n files gets n × this. */
  convertTimeoutMs: number;
}

export function conversionSettings(explicit: string | undefined, fileTimeoutMs: number): ConversionSettings {
  return { soffice: findSoffice(explicit), convertTimeoutMs: Math.max(1000, Math.floor(fileTimeoutMs * 0.8)) };
}

/** What a worker gets for a converted file: the converted bytes' path, or why conversion failed. */
export type ConvertedInput = { from: LegacyFormat; path: string } | { from: LegacyFormat; failure: { code: FailureCode; message: string } };

/** Files per soffice start: large enough to spread its start-up, small enough that the
 *  first converted files reach the pool early. */
const BATCH_SIZE = 16;

/** First bytes of a format LibreOffice converts: OLE2 (.doc/.wps/.xls/.et), RTF, ODF (a zip
 *  whose first entry is its mimetype). Only these files are read whole in the main thread. */
function mayBeLegacy(head: Buffer): boolean {
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return true;
  const text = head.toString('latin1');
  return text.startsWith('{\\rtf') || (text.startsWith('PK\u0003\u0004') && text.includes('mimetypeapplication/vnd.oasis.opendocument'));
}

function readHead(path: string | Buffer): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(128);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return Buffer.alloc(0); // unreadable: the worker reports it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOrNull(path: string | Buffer): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null; // unreadable: the worker reports it
  }
}

/**
 * Starts converting every legacy file among `paths` (by index) and returns, per such
 * index, a promise of its converted input. Batches run one after another in the
 * background; the caller feeds other files to the pool meanwhile. `dispose` removes the
 * converted files once the run is over.
 */
export async function startConversions(
  paths: readonly (string | Buffer)[],
  settings: ConversionSettings,
  maxBytes: number,
): Promise<{ pending: Map<number, Promise<ConvertedInput>>; dispose: () => Promise<void> }> {
  const pending = new Map<number, Promise<ConvertedInput>>();
  if (!settings.soffice) return { pending, dispose: async () => {} };
  const legacy: { index: number; bytes: Buffer; from: LegacyFormat; to: 'docx' | 'xlsx' }[] = [];
  for (const [index, path] of paths.entries()) {
    // Only regular files are opened: opening a FIFO would wait for a writer forever (the worker reports it unreadable).
    // Synchronous, like readHead: the first tasks wait for this scan, and 500 awaited stats took
    // 40–200 ms of wall (a round trip through libuv's thread pool each) against ~25 ms.
    const info = statOrNull(path);
    if (!info?.isFile()) continue;
    if (info.size > maxBytes) continue; // the worker reports too-large
    if (!mayBeLegacy(readHead(path))) continue;
    const bytes = await readFile(path).catch(() => null);
    const sniffed = bytes && sniffFormat(bytes);
    if (bytes && sniffed?.kind === 'convertible') legacy.push({ index, bytes, from: sniffed.from, to: sniffed.to });
  }
  if (legacy.length === 0) return { pending, dispose: async () => {} };
  const work = await mkdtemp(join(tmpdir(), 'jxaudit-converted-'));
  const soffice = settings.soffice;
  const resolvers = new Map<number, (c: ConvertedInput) => void>();
  for (const l of legacy) pending.set(l.index, new Promise((ok) => resolvers.set(l.index, ok)));
  const run = (async () => {
    for (let at = 0; at < legacy.length; at += BATCH_SIZE) {
      const batch = legacy.slice(at, at + BATCH_SIZE);
      let results: (Buffer | FormFailure)[];
      try {
        results = await convertBatch(batch, { soffice, timeoutMs: settings.convertTimeoutMs });
      } catch (err) {
        results = batch.map(() => new FormFailure('corrupt-file', `LibreOffice 转换失败：${(err as Error).message}`));
      }
      await Promise.all(
        batch.map(async (l, k) => {
          const r = results[k];
          if (r instanceof FormFailure) return resolvers.get(l.index)!({ from: l.from, failure: { code: r.code, message: r.message } });
          const path = join(work, `${l.index}.${l.to}`);
          await writeFile(path, r);
          resolvers.get(l.index)!({ from: l.from, path });
        }),
      );
    }
  })();
  return {
    pending,
    dispose: async () => {
      await run.catch(() => {});
      await rm(work, { recursive: true, force: true });
    },
  };
}
