// PDF reading speed on the committed PDF fixtures: readPdf per file (median of a few
// rounds, after a warm-up), and `pdftotext -layout` on the same files as the floor.
// Run after `npm run build`: node dist/bench/pdf-profile.js [rounds] [--no-pdftotext]
// (add `node --cpu-prof` to profile; summarize with bench/cpuprofile-summary.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../src/read/pdf.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PDF_DIR = join(ROOT, 'fixtures', 'pdf');
const SKIP = new Set(['encrypted.pdf', 'scanned.pdf']);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time (user + system, ms) of one read: steadier than wall time on a busy machine. */
let lastCpu = 0;

async function timeRead(bytes: Buffer): Promise<number> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    await readPdf(bytes, { maxBytes: 100 * 1024 * 1024 });
  } catch {
    // Failures (no text layer…) are timed like reads.
  }
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1000;
  return performance.now() - t0;
}

function timePdftotext(file: string): number | null {
  try {
    const t0 = performance.now();
    execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    return performance.now() - t0;
  } catch {
    return null;
  }
}

function pageCount(file: string): number {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
  const floor = !process.argv.includes('--no-pdftotext');
  const files = readdirSync(PDF_DIR).filter((f) => f.endsWith('.pdf') && !SKIP.has(f)).sort();
  const data = files.map((f) => ({ name: f, bytes: readFileSync(join(PDF_DIR, f)), pages: pageCount(join(PDF_DIR, f)) }));
  for (const d of data) await timeRead(d.bytes); // warm-up: JIT, CMaps, fonts
  const rows: { name: string; pages: number; ms: number; cpu: number; floor: number | null }[] = [];
  for (const d of data) {
    const times: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < rounds; i++) {
      times.push(await timeRead(d.bytes));
      cpus.push(lastCpu);
    }
    const floorTimes = floor ? Array.from({ length: 3 }, () => timePdftotext(join(PDF_DIR, d.name))) : [];
    const floorMs = floorTimes.length && floorTimes.every((t) => t !== null) ? median(floorTimes as number[]) : null;
    rows.push({ name: d.name, pages: d.pages, ms: median(times), cpu: median(cpus), floor: floorMs });
  }
  for (const r of rows) {
    console.log(`${r.name.padEnd(34)} ${String(r.pages).padStart(2)} p  readPdf ${r.ms.toFixed(1).padStart(6)} ms (cpu ${r.cpu.toFixed(1).padStart(6)})` +
      (r.floor !== null ? `  pdftotext ${r.floor.toFixed(1).padStart(5)} ms  ×${(r.ms / r.floor).toFixed(2)}` : ''));
  }
  const group = (pred: (p: number) => boolean, label: string) => {
    const sel = rows.filter((r) => pred(r.pages));
    if (sel.length === 0) return;
    const ms = sel.reduce((s, r) => s + r.ms, 0) / sel.length;
    const cpu = sel.reduce((s, r) => s + r.cpu, 0) / sel.length;
    const fl = sel.every((r) => r.floor !== null) ? sel.reduce((s, r) => s + (r.floor ?? 0), 0) / sel.length : null;
    console.log(`${label}: ${sel.length} files, mean readPdf ${ms.toFixed(1)} ms (cpu ${cpu.toFixed(1)} ms)` + (fl !== null ? `, pdftotext ${fl.toFixed(1)} ms, ×${(ms / fl).toFixed(2)}` : ''));
  };
  group((p) => p <= 2, '≤ 2 pages');
  group((p) => p > 2, '> 2 pages');
  group(() => true, 'all');
}

await main();
