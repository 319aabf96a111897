// LibreOffice as a component jxaudit starts: legacy and other office formats
// (.doc, .wps, .xls, .et, .rtf, .odt, .ods) converted headless to DOCX/XLSX, then
// read as those.
// - One soffice process converts a batch of files (its start-up, ~1–2 s, is paid once
//   per batch); a private -env:UserInstallation profile in a temporary folder, so it
//   never collides with a user's running LibreOffice or their settings.
// - Each input is copied into the private folder under a numbered name (two inputs
//   with the same name in different folders cannot overwrite each other's output).
// - A batch of n files gets n × the file timeout; on a timeout the process group is
//   killed and the files are retried one at a time, so one bad file costs only itself.
// - Everything is removed afterwards (profile, copies, outputs).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FormFailure } from '../model/failure.js';
import { isExecutable, onPath } from './programs.js';
import type { LegacyFormat } from './sniff.js';

/** soffice: the given path (--soffice), else `soffice` or `libreoffice` on PATH; null when absent. */
export function findSoffice(explicit?: string): string | null {
  if (explicit) return isExecutable(explicit) ? explicit : null;
  return onPath('soffice', 'libreoffice');
}

export interface ConversionRequest {
  bytes: Buffer;
  from: LegacyFormat;
  to: 'docx' | 'xlsx';
}

/** Converted bytes, or the FormFailure saying why a file could not be converted. */
export type ConversionResult = Buffer | FormFailure;

export interface ConvertOptions {
  soffice: string;
  /** Per-file timeout (ms); a batch of n files gets n × this. */
  timeoutMs: number;
}

/** Converts a batch (mixed targets are split into one soffice run per target). */
export async function convertBatch(requests: readonly ConversionRequest[], opts: ConvertOptions): Promise<ConversionResult[]> {
  const results: ConversionResult[] = new Array(requests.length);
  for (const to of ['docx', 'xlsx'] as const) {
    const indices = requests.flatMap((r, i) => (r.to === to ? [i] : []));
    if (indices.length === 0) continue;
    const group = await convertGroup(indices.map((i) => requests[i]), to, opts);
    indices.forEach((i, k) => (results[i] = group[k]));
  }
  return results;
}

async function convertGroup(requests: readonly ConversionRequest[], to: 'docx' | 'xlsx', opts: ConvertOptions): Promise<ConversionResult[]> {
  const first = await runOnce(requests, to, opts);
  if (first !== 'timeout') return first;
  if (requests.length === 1) return [timeoutFailure(opts.timeoutMs)];
  // One file hung the batch: each alone, so it costs only itself.
  const results: ConversionResult[] = [];
  for (const request of requests) {
    const alone = await runOnce([request], to, opts);
    results.push(alone === 'timeout' ? timeoutFailure(opts.timeoutMs) : alone[0]);
  }
  return results;
}

async function runOnce(requests: readonly ConversionRequest[], to: 'docx' | 'xlsx', opts: ConvertOptions): Promise<ConversionResult[] | 'timeout'> {
  const work = await mkdtemp(join(tmpdir(), 'jxaudit-soffice-'));
  try {
    const inputs = join(work, 'in');
    const outputs = join(work, 'out');
    const profile = join(work, 'profile');
    await Promise.all([inputs, outputs].map((d) => rm(d, { recursive: true, force: true })));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(inputs);
    await mkdir(outputs);
    const files = await Promise.all(
      requests.map(async (r, i) => {
        const file = join(inputs, `f${i}.${r.from}`);
        await writeFile(file, r.bytes);
        return file;
      }),
    );
    const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--convert-to', filter, '--outdir', outputs, ...files];
    const outcome = await run(opts.soffice, args, opts.timeoutMs * requests.length);
    if (outcome === 'timeout') return 'timeout';
    return Promise.all(
      requests.map(async (r, i) => {
        const out = join(outputs, `f${i}.${to}`);
        if (!existsSync(out)) {
          return new FormFailure('corrupt-file', `LibreOffice 无法把这个${r.from.toUpperCase()}文件转换为 ${to.toUpperCase()}（文件可能已损坏或设有密码）。请在 Word/WPS 中打开后另存为 DOCX 或 PDF，重新提交${outcome.error ? `（${outcome.error}）` : ''}`);
        }
        return readFile(out);
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ error: string | null } | 'timeout'> {
  return new Promise((resolve) => {
    // Its own process group: a timeout kills soffice.bin and its children together.
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve('timeout');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ error: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ error: code === 0 ? null : stderr.trim().split('\n').at(-1) || `exit ${code}` });
    });
  });
}

function timeoutFailure(timeoutMs: number): FormFailure {
  return new FormFailure('timeout', `LibreOffice 转换此文件超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已跳过。请在 Word/WPS 中打开后另存为 DOCX 或 PDF，重新提交`);
}
