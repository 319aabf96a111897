// The outside programs jxaudit starts (LibreOffice, Tesseract, poppler's pdftoppm and
// pdftotext) are found on PATH at run time and run with a time and output limit;
// nothing is downloaded. One finder and one runner for all of them.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `path` is a file this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH (directory by directory), or null. */
export function onPath(...names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** A program named by the environment variable `variable` when it is set (empty or
 *  "none": not to be used; a path that cannot be run: absent), else the first of `names`
 *  on PATH. */
export function namedOrOnPath(variable: string, ...names: string[]): string | null {
  const named = process.env[variable];
  if (named === undefined) return onPath(...names);
  return named === '' || named === 'none' || !isExecutable(named) ? null : named;
}

export interface RunLimits {
  timeoutMs: number;
  /** Standard output beyond this many bytes kills the program (an error). */
  maxBytes: number;
  /** Written to its standard input. */
  input?: Buffer;
  env?: NodeJS.ProcessEnv;
  /** The error a timeout rejects with. */
  onTimeout: () => Error;
}

/** Runs a program and collects its standard output; rejects on a non-zero exit, a
 *  timeout (the program is killed) or too much output. */
export function runProgram(program: string, args: readonly string[], limits: RunLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { input } = limits;
    const child = spawn(program, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: limits.env ?? process.env });
    if (input) {
      child.stdin!.on('error', () => undefined); // a program that exits early closes its stdin
      child.stdin!.end(input);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(limits.onTimeout());
    }, limits.timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limits.maxBytes) child.kill('SIGKILL');
      else chunks.push(c);
    });
    child.stderr!.on('data', (c: Buffer) => {
      if (err.length < 4000) err += c.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new Error(`${program} exited ${code}: ${err.trim().slice(0, 500)}`));
    });
  });
}
