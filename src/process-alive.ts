// Whether a process of this machine still runs: a lock or a staging folder named by
// its pid belongs to nobody once it has gone.

/** True while `pid` runs (signal 0 only asks; EPERM: it runs as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
