// Files are written whole or not at all: write `<file>.tmp-<pid>`, then rename over
// the target. A killed run leaves only *.tmp-* files, which the next run removes.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

const TEMP_MARK = '.tmp-';

function tempName(path: string): string {
  // pid + thread: two workers of one run never share a temporary file.
  return `${path}${TEMP_MARK}${process.pid}-${threadId}`;
}

/** Writes `data` to `path` atomically, creating folders as needed. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempName(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw withPath(err, path);
  }
}

/** A failed write() names no path (ENOSPC): the message a user reads must. */
function withPath(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && e.path === undefined) e.path = path;
  return err;
}

/** Folders this thread already created: a batch writes thousands of files into few folders. */
const madeDirs = new Set<string>();

/**
 * Synchronous twin of writeFileAtomic for worker threads: a worker handles one file
 * at a time, so blocking costs nothing there, while async fs would queue every small
 * write on libuv's shared 4-thread pool (measured: a fifth of a worker's time idle).
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const temp = tempName(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    madeDirs.delete(dir);
    // The folder was removed since we made it (a previous run's staging folder, switched in): make it again, once.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(dir)) throw withPath(err, path);
    writeFileAtomicSync(path, data);
  }
}

/** JSON as every output of ours: 2-space indentation and a trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Buffers per writev call (POSIX guarantees at least 1024). */
const IOV_MAX = 1024;

/** Writes every byte of `chunks`, going on after a short write. */
function writeAll(fd: number, chunks: Buffer[]): void {
  let left = chunks.reduce((n, c) => n + c.length, 0);
  while (left > 0) {
    let written = writevSync(fd, chunks);
    left -= written;
    while (written > 0 && chunks.length > 0) {
      if (written >= chunks[0].length) written -= chunks.shift()!.length;
      else {
        chunks[0] = chunks[0].subarray(written);
        written = 0;
      }
    }
  }
}

/**
 * A file joined from many pieces at the end of a run (report.html, findings.csv), written
 * synchronously in large writes and appearing under its name only on `commit()`. Nothing
 * else runs on the main thread then; a stream's write-and-wait per piece cost the end of
 * a 500-file batch more than the bytes did.
 */
export class AtomicFileSync {
  private static readonly FLUSH_BYTES = 1 << 20;
  private readonly temp: string;
  private fd: number | null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.temp = tempName(path);
    this.fd = openSync(this.temp, 'w');
  }

  write(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.pending.push(bytes as Buffer);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= AtomicFileSync.FLUSH_BYTES) this.flush();
  }

  commit(): void {
    this.flush();
    this.close();
    renameSync(this.temp, this.path);
  }

  abort(): void {
    this.pending = [];
    this.close();
    rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.fd === null || this.pendingBytes === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      // writev: the pieces go out as they are, without joining them into one buffer first
      for (let i = 0; i < chunks.length; i += IOV_MAX) writeAll(this.fd, chunks.slice(i, i + IOV_MAX));
    } catch (err) {
      throw withPath(err, this.path);
    }
  }

  private close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
  }
}

/** Removes temporaries a killed run left under `dir` (only our `*.tmp-<digits>-<digits>` names). */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && /\.tmp-\d+-\d+$/.test(entry.name)) {
      await rm(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}
