// One writer at a time in an archive, across processes: `DIR/.lock` is created with
// O_EXCL (exactly one creator wins on a local or NFSv3+ file system) and removed when
// done. It is held for milliseconds — one entry's rename and one index line — so a run
// never blocks another for long. A lock whose holder died (same host, process gone, or
// older than STALE_MS anywhere) is broken; breaking it is reported to the caller, who
// then rebuilds the index, because the dead holder may have left it one line short.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../process-alive.js';

export const LOCK_NAME = '.lock';
/** Nothing holds the lock this long while alive (one entry is a few ms). */
const STALE_MS = 120_000;
/** How long a writer waits for the lock before giving up with a message. */
const WAIT_MS = 60_000;

export class ArchiveLockError extends Error {
  override name = 'ArchiveLockError';
}

/** Whether the lock file at `path` belongs to nobody alive. */
function isStale(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    const [pid, host] = text.split('\n');
    if (host === hostname() && /^\d+$/.test(pid) && !processAlive(Number(pid))) return true;
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return false; // gone meanwhile, or being written: try again
  }
}

const sleepBuffer = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleepBuffer, 0, 0, ms);
}

/**
 * Runs `fn` holding the archive's lock; `fn` learns whether a dead holder's lock was
 * broken first. Synchronous on purpose: the critical section is a rename and an append,
 * and a synchronous hold cannot interleave with this process's own other writes.
 */
export function withArchiveLock<T>(dir: string, fn: (brokeStale: boolean) => T): T {
  const path = join(dir, LOCK_NAME);
  const started = Date.now();
  let broke = false;
  let delay = 2;
  for (;;) {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== null) {
      try {
        writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      } finally {
        closeSync(fd);
      }
      try {
        return fn(broke);
      } finally {
        rmSync(path, { force: true });
      }
    }
    if (isStale(path)) {
      // renamed aside first: of two processes breaking the same dead lock, only one succeeds
      const aside = `${path}.stale-${process.pid}-${Date.now()}`;
      try {
        renameSync(path, aside);
        rmSync(aside, { force: true });
        broke = true;
      } catch {
        // another process broke it first
      }
      continue;
    }
    if (Date.now() - started > WAIT_MS) {
      throw new ArchiveLockError(`档案文件夹 ${dir} 被另一个 jxaudit 进程占用超过 ${WAIT_MS / 1000} 秒（${path}）；若没有其他核查在运行，可删除该文件后重试`);
    }
    sleep(delay);
    delay = Math.min(delay * 2, 50);
  }
}
