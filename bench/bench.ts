// `npm run bench`: builds batches under bench/work/ and runs each as `jxaudit check` does,
// in a process of its own (bench/batch-child.ts: process start and peak RSS are the
// batch's own) — per input class (DOCX, PDF forms, long PDF publications with and
// without a form, XLSX, converted .doc/.rtf/.xls): forms/s, the ratio to the floor
// (unzip + saxes of word/document.xml alone; `pdftotext -layout` per file), peak RSS,
// the speed-up of a second worker (jobs=2 / jobs=1) and time per stage, printed next
// to the targets (issue 19). Beside the speed-up, what two cores of this machine give at
// all: the same one-thread JavaScript run twice at once, and the batch split between two
// independent processes. DOCX and PDF forms are run three times each way, in turn,
// and the median quoted; one batch of 5,000 DOCX shows peak memory at a deadline's size.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { packageRoot } from '../src/paths.js';
import { DEFAULT_LEVEL, pack, readZipEntries, writeZip } from '../scripts/lib/zip.js';
import { ocrBench } from './ocr.js';

const ROOT = packageRoot();
const WORK = join(ROOT, 'bench', 'work');
/** Entry dates of the generated batch: 1980-01-01. */
const BENCH_STAMP = { date: 0x21, time: 0 };

interface Args {
  docx: number;
  pdf: number;
  /** Long publications per batch (one class without a form, one with). */
  long: number;
  xlsx: number;
  converted: number;
  /** 0 skips the OCR class (minutes of Tesseract) while iterating on the others. */
  scans: number;
  /** Files in the one large DOCX batch that measures peak memory at scale (0 skips it). */
  many: number;
  /** Runs of each DOCX/PDF batch, jobs=N and jobs=1 in turn: the median is quoted. */
  repeat: number;
  jobs: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return { docx: get('docx', 500), pdf: get('pdf', 200), long: get('long', 20), xlsx: get('xlsx', 200), converted: get('converted', 20), scans: get('scans', 1), many: get('many', 5000), repeat: Math.max(1, get('repeat', 3)), jobs: get('jobs', Math.min(2, availableParallelism())) };
}

// ---- building the batch ---------------------------------------------------

/** Changes the last digit of every fifth money-like number, differently for each copy: distinct content, realistic slips. */
function varyNumbers(xml: string, copy: number): string {
  let seen = 0;
  return xml.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (whole, open: string, text: string, close: string) => {
    const changed = text.replace(/\d+\.\d{2}/g, (num) => {
      if (seen++ % 5 !== copy % 5) return num;
      const last = (Number(num.at(-1)) + 1 + (copy % 9)) % 10;
      return num.slice(0, -1) + String(last);
    });
    return changed === text ? whole : open + changed + close;
  });
}

async function buildDocxBatch(count: number): Promise<string> {
  const dir = join(WORK, 'docx');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(join(ROOT, 'fixtures', 'docx'))
    .filter((n) => n.endsWith('.docx') && !n.startsWith('nonform'))
    .sort()
    .map((n) => join(ROOT, 'fixtures', 'docx', n));
  const parsed = await Promise.all(sources.map(async (path) => ({ path, entries: (await readZipEntries(readFileSync(path))).filter((e) => !e.name.endsWith('/')) })));
  for (let i = 0; i < count; i++) {
    const source = parsed[i % parsed.length];
    const entries = source.entries.map((e) =>
      e.name === 'word/document.xml' ? { name: e.name, data: Buffer.from(varyNumbers(e.data.toString('utf8'), i), 'utf8') } : e,
    );
    const folder = join(dir, `区${String(i % 10).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `表${String(i).padStart(4, '0')}.docx`), writeZip(entries.map((e) => pack(e.name, e.data, { level: DEFAULT_LEVEL })), BENCH_STAMP));
  }
  return dir;
}

function buildPdfBatch(count: number): string | null {
  const from = join(ROOT, 'fixtures', 'pdf');
  // A PDF without a text layer (scanned.pdf) goes through OCR, seconds a page: the scan
  // class measures it. Left in, four copies of it were most of this class's time.
  const sources = existsSync(from) ? readdirSync(from).filter((n) => n.endsWith('.pdf') && hasTextLayer(join(from, n))).sort() : [];
  if (sources.length === 0 || count === 0) return null;
  const dir = join(WORK, 'pdf');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) copyFileSync(join(from, sources[i % sources.length]), join(dir, `表${String(i).padStart(4, '0')}.pdf`));
  return dir;
}

/** Whether pdftotext finds any text in the PDF (true when pdftotext is not installed: it cannot tell). */
function hasTextLayer(file: string): boolean {
  const r = spawnSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return true;
  return /\S/.test(r.stdout ?? '') || r.status !== 0; // an encrypted or broken file stays: it fails fast, as a batch's would
}

/** Copies of fixtures/<from> files with one of `exts` (XLSX natively; .doc/.rtf/.xls through LibreOffice). */
function buildCopies(kind: string, from: string, exts: string[], count: number): string | null {
  const src = join(ROOT, 'fixtures', from);
  const sources = existsSync(src) ? readdirSync(src).filter((n) => exts.some((e) => n.endsWith(e))).sort() : [];
  if (sources.length === 0 || count === 0) return null;
  const dir = join(WORK, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = sources[i % sources.length];
    copyFileSync(join(src, name), join(dir, `表${String(i).padStart(4, '0')}${name.slice(name.lastIndexOf('.'))}`));
  }
  return dir;
}

/** Real publications without a form (../shared/perf, when there) and fixtures/long's. */
function longSources(withForm: boolean): string[] {
  if (withForm) return [join(ROOT, 'fixtures', 'long', 'long-with-form.pdf')].filter(existsSync);
  const perf = join(ROOT, '..', 'shared', 'perf');
  const real = existsSync(perf) ? readdirSync(perf).filter((n) => n.endsWith('.pdf')).sort().map((n) => join(perf, n)) : [];
  return [...real, join(ROOT, 'fixtures', 'long', 'long-no-form.pdf')].filter(existsSync);
}

/** `count` copies of the sources, in turn, in their own folder. */
function buildLongBatch(kind: string, sources: string[], count: number): string | null {
  if (sources.length === 0 || count === 0) return null;
  const dir = join(WORK, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) copyFileSync(sources[i % sources.length], join(dir, `刊${String(i).padStart(3, '0')}.pdf`));
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

// ---- floors -----------------------------------------------------------------

/** word/document.xml of a DOCX, inflated, via yauzl's central directory. */
function documentXml(bytes: Buffer): Promise<string> {
  return new Promise((ok, fail) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return fail(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => fail(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

/** Unzip + streaming XML parse of word/document.xml alone, one process, one file at a time. */
async function docxFloor(files: string[]): Promise<number> {
  const start = performance.now();
  let elements = 0;
  for (const file of files) {
    const xml = await documentXml(readFileSync(file));
    const parser = new SaxesParser();
    parser.on('opentag', () => elements++);
    parser.write(xml).close();
  }
  if (elements === 0) throw new Error('floor parsed nothing');
  return files.length / ((performance.now() - start) / 1000);
}

/** CPU seconds of this process's finished children (Linux /proc; null elsewhere). */
function childrenCpuSeconds(): number | null {
  try {
    // Fields after the command's closing parenthesis; cutime and cstime are the 14th and 15th (clock ticks, 100 a second).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** `pdftotext -layout`, one process per file, one after another: files per second, and CPU seconds per file. */
function pdftotextFloor(files: string[]): { rate: number; cpuPerFile: number | null } | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const cpuStart = childrenCpuSeconds();
  const start = performance.now();
  for (const file of files) spawnSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const cpuEnd = childrenCpuSeconds();
  return {
    rate: files.length / ((performance.now() - start) / 1000),
    cpuPerFile: cpuStart !== null && cpuEnd !== null ? (cpuEnd - cpuStart) / files.length : null,
  };
}

function pdfFloor(files: string[]): number | null {
  return pdftotextFloor(files)?.rate ?? null;
}

// ---- measuring ------------------------------------------------------------

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'batch-child.js');

interface Run {
  forms: number;
  files: number;
  /** Wall time from starting the process to its exit. */
  seconds: number;
  /** CPU seconds of the whole process (all threads): unlike wall time, barely moved by other load on the machine. */
  cpuSeconds: number;
  maxRss: number;
  timings: { read: number; recognize: number; check: number; taskMs: number; wallMs: number };
  totals: { ok: number; discrepancies: number; failed: number };
}

/** The child's last line, its figures, with the wall time measured from outside. */
function childRun(status: number | null, stdout: string, stderr: string, seconds: number): Run {
  if (status !== 0) throw new Error(`batch failed (${status}): ${stderr}`);
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<Run, 'seconds'>), seconds };
}

/** One `check` over `inputs` with `jobs` workers, in a process of its own. */
function run(inputs: string[], jobs: number, out: string): Run {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const child = spawnSync(process.execPath, [CHILD, out, String(jobs), ...inputs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return childRun(child.status, child.stdout, child.stderr, (performance.now() - start) / 1000);
}

/** `node args…` started now; resolves with its exit status, output and wall time. */
function started(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; seconds: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, args);
  let stdout = '', stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr, seconds: (performance.now() - start) / 1000 }));
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number) => `${n.toFixed(1)}/s`;
const mark = (ok: boolean) => (ok ? '✓ 达标' : '✗ 未达标');

function stageLine(r: Run): string {
  const t = r.timings;
  const per = (ms: number) => `${(ms / r.files).toFixed(1)} ms`;
  const other = r.seconds * 1000 - t.wallMs;
  return (
    `读取 ${per(t.read)} / 识别 ${per(t.recognize)} / 核查 ${per(t.check)}，整个任务 ${per(t.taskMs)}（每个文件平均，工作线程内计时）；` +
    `线程池阶段 ${(t.wallMs / 1000).toFixed(1)} s，其余（进程启动、读规则与模板、启动线程、汇总与写出）${(other / 1000).toFixed(1)} s；` +
    `CPU 合计 ${r.cpuSeconds.toFixed(1)} s（每个文件 ${((r.cpuSeconds * 1000) / r.files).toFixed(1)} ms）`
  );
}

/** Why the speed-up stops where it does: one worker's process already keeps more than
 *  one core busy (V8's garbage-collection and compiler threads run beside it), so the same
 *  CPU work spread over `jobs` cores can at best finish `jobs` ÷ (cores it used) sooner —
 *  and with both cores busy the same work takes more CPU (the two-process control below
 *  shows how much of that is this machine's, not the pool's). */
function ceilingLine(one: Run, many: Run, jobs: number): string {
  const cores = Math.min(jobs, availableParallelism());
  const used = one.cpuSeconds / one.seconds;
  const extra = many.cpuSeconds / one.cpuSeconds - 1;
  return (
    `jobs=1 已占用 ${used.toFixed(2)} 个核（工作线程之外，V8 的垃圾回收与编译线程也在运行），同样的 CPU 工作量在 ${cores} 个核上最多加速 ${(cores / used).toFixed(2)}×；` +
    `jobs=${jobs} 的 CPU 合计比 jobs=1 ${extra >= 0 ? '多' : '少'} ${Math.abs(extra * 100).toFixed(0)}%（每个线程各自预热与编译，两核同时运行时内存与缓存互相争用）`
  );
}

// ---- what two cores of this machine give -------------------------------------

/** A fixed piece of JavaScript on one thread (garbage collection included): with `alloc`,
 *  it builds and drops small objects and strings, as reading a form does; without, it is
 *  integer arithmetic in registers that touches no memory. */
function reference(alloc: boolean): string {
  return alloc
    ? "let n=0;for(let r=0;r<12;r++){const a=[];for(let i=0;i<200000;i++)a.push({i,s:'x'+i,c:[i]});n+=a.length+JSON.parse(JSON.stringify(a.slice(0,20000))).length}if(n===0)process.exit(1)"
    : 'let x=1;for(let i=0;i<6e8;i++)x=(x*1103515245+12345)|0;if(x===0.5)process.exit(1)';
}

/** How much faster two copies of the same one-thread work finish on two cores than one
 *  after the other: 2.00× where the cores share nothing. */
async function referenceScaling(alloc: boolean): Promise<number> {
  const args = ['--single-threaded', '-e', reference(alloc)];
  const alone = await started(args);
  const pair = await Promise.all([started(args), started(args)]);
  for (const r of [alone, ...pair]) if (r.status !== 0) throw new Error(`reference failed: ${r.stderr}`);
  return (2 * alone.seconds) / Math.max(...pair.map((r) => r.seconds));
}

/** The batch split in two (files in turn, so both halves hold the same mix), each half
 *  checked by a `--jobs 1` process of its own, both at once: two cores with no pool and no
 *  shared process — what a process pool could at best give. */
async function twoProcesses(dir: string): Promise<Run> {
  const files = filesUnder(dir);
  const halves = [0, 1].map((k) => files.filter((_, i) => i % 2 === k));
  const outs = halves.map((_, k) => join(WORK, `out-half-${k}`));
  for (const out of outs) rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const runs = (await Promise.all(halves.map((half, k) => started([CHILD, outs[k], '1', ...half])))).map((r) => childRun(r.status, r.stdout, r.stderr, r.seconds));
  const seconds = (performance.now() - start) / 1000;
  return { ...runs[0], forms: runs[0].forms + runs[1].forms, files: runs[0].files + runs[1].files, seconds, cpuSeconds: runs[0].cpuSeconds + runs[1].cpuSeconds, maxRss: runs[0].maxRss + runs[1].maxRss };
}

const statusLine = (r: Run) => `  状态     通过 ${r.totals.ok}，有差异 ${r.totals.discrepancies}，失败 ${r.totals.failed}`;

/** Of several runs of one batch, the one with the median wall time; its peak RSS the
 *  largest of them (this machine's wall times vary by a third from run to run). */
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], maxRss: Math.max(...runs.map((r) => r.maxRss)) };
}

/** A class of forms: throughput with `jobs` workers, the speed-up over one, the floor,
 *  peak RSS — each the median of `repeat` runs, jobs=N and jobs=1 taken in turn. */
async function formsClass(label: string, dir: string, jobs: number, repeat: number, target: number | null, floor: { rate: number | null; what: string }): Promise<void> {
  const manyRuns: Run[] = [], oneRuns: Run[] = [], pairRuns: Run[] = [];
  for (let i = 0; i < repeat; i++) {
    manyRuns.push(run([dir], jobs, join(WORK, `out-${label}-${jobs}`)));
    if (jobs > 1) oneRuns.push(run([dir], 1, join(WORK, `out-${label}-1`)));
    if (jobs === 2) pairRuns.push(await twoProcesses(dir));
  }
  const many = median(manyRuns);
  const one = jobs > 1 ? median(oneRuns) : null;
  const pair = pairRuns.length ? median(pairRuns) : null;
  const r = many.forms / many.seconds;
  console.log(`\n${label}（${many.files} 个文件，--jobs ${jobs}，含进程启动；${repeat} 次运行取中位数）`);
  console.log(`  吞吐     ${rate(r)} 张表（${many.forms} 张 / ${many.seconds.toFixed(1)} s）` + (target !== null ? `  目标 ≥ ${target}/s  ${mark(r >= target)}` : ''));
  if (floor.rate !== null) console.log(`  下限     ${rate(floor.rate)}（${floor.what}）  比值 ${(floor.rate / r).toFixed(2)}×`);
  if (one) {
    const speedup = one.seconds / many.seconds;
    console.log(`  并行     jobs=1 ${rate(one.forms / one.seconds)}，jobs=${jobs} ${rate(r)}，加速 ${speedup.toFixed(2)}×  目标 ≥ 1.7×  ${mark(speedup >= 1.7)}（CPU 合计 jobs=1 ${one.cpuSeconds.toFixed(1)} s，jobs=${jobs} ${many.cpuSeconds.toFixed(1)} s）`);
    console.log(`  加速上限 ${ceilingLine(one, many, jobs)}`);
    if (pair) {
      const more = pair.cpuSeconds / one.cpuSeconds - 1;
      console.log(
        `  进程对照 两个独立进程（各 --jobs 1，各查一半文件）同时运行：加速 ${(one.seconds / pair.seconds).toFixed(2)}×（jobs=2 ${speedup.toFixed(2)}×），` +
          `CPU 合计 ${pair.cpuSeconds.toFixed(1)} s，比一个进程查全部多 ${(more * 100).toFixed(0)}%（含多一次启动）：两核同时运行时同样的工作要更多 CPU，换成进程池也不会更快`,
      );
    }
  }
  console.log(`  内存峰值 ${mb(many.maxRss)}（进程含工作线程）  目标 ≤ 300 MB  ${mark(many.maxRss <= 300 * 1024 * 1024)}`);
  console.log(`  分阶段   ${stageLine(many)}`);
  console.log(statusLine(many));
}

/** `count` DOCX forms, the generated batch's files in turn, as hard links (copies where
 *  links are refused): one batch of a bureau's deadline size. */
function buildManyBatch(sources: string[], count: number): string {
  const dir = join(WORK, 'many');
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `批${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const target = join(folder, `表${String(i).padStart(5, '0')}.docx`);
    try {
      linkSync(sources[i % sources.length], target);
    } catch {
      copyFileSync(sources[i % sources.length], target);
    }
  }
  return dir;
}

/** Peak memory at a deadline batch's size: it must not grow with the number of files. */
function manyClass(dir: string, jobs: number): void {
  const r = run([dir], jobs, join(WORK, 'out-many'));
  console.log(`\n大批量 DOCX（${r.files} 个文件，--jobs ${jobs}，含进程启动）`);
  console.log(`  吞吐     ${rate(r.forms / r.seconds)} 张表（${r.forms} 张 / ${r.seconds.toFixed(1)} s）`);
  console.log(`  内存峰值 ${mb(r.maxRss)}（进程含工作线程）  目标 ≤ 300 MB（与批次大小无关）  ${mark(r.maxRss <= 300 * 1024 * 1024)}`);
  console.log(statusLine(r));
}

/** Long publications: the batch's time per file with the start-up (a one-file run) taken
 *  off, against pdftotext's. The issue sets the 150 MB for the batch with no form only:
 *  with a form, pdf.js must read the form's pages (its code and the fonts it parses). */
function longClass(label: string, dir: string, jobs: number, memoryTarget: boolean): void {
  const files = filesUnder(dir);
  const batch = run([dir], jobs, join(WORK, `out-${label}-${jobs}`));
  const single = run([files[0]], jobs, join(WORK, `out-${label}-single`));
  const serial = jobs > 1 ? run([dir], 1, join(WORK, `out-${label}-1`)) : null;
  const perFile = (batch.seconds - single.seconds) / (files.length - 1);
  const cpuPerFile = (batch.cpuSeconds - single.cpuSeconds) / (files.length - 1);
  const floorRun = pdftotextFloor(files);
  const floor = floorRun?.rate ?? null;
  const pages = files.map((f) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0));
  console.log(`\n${label}（${files.length} 个 ${Math.min(...pages)}–${Math.max(...pages)} 页的文件，--jobs ${jobs}）`);
  console.log(`  每个文件 ${(perFile * 1000).toFixed(0)} ms（批次 ${batch.seconds.toFixed(1)} s 减单个文件 ${single.seconds.toFixed(1)} s 的启动，÷ ${files.length - 1}）；CPU ${(cpuPerFile * 1000).toFixed(0)} ms`);
  if (floor === null) console.log('  下限     未安装 pdftotext（poppler-utils），无法测量');
  else {
    const ratio = perFile * floor;
    const cpuRatio = floorRun?.cpuPerFile ? `；CPU：pdftotext 每个文件 ${(floorRun.cpuPerFile * 1000).toFixed(0)} ms，比值 ${(cpuPerFile / floorRun.cpuPerFile).toFixed(2)}×` : '';
    console.log(`  下限     pdftotext -layout 每个文件 ${(1000 / floor).toFixed(0)} ms  比值 ${ratio.toFixed(2)}×  目标 ≤ 5×  ${mark(ratio <= 5)}（墙钟时间${cpuRatio}）`);
  }
  if (serial) console.log(`  并行     jobs=1 ${serial.seconds.toFixed(1)} s，jobs=${jobs} ${batch.seconds.toFixed(1)} s，加速 ${(serial.seconds / batch.seconds).toFixed(2)}×`);
  const target = memoryTarget ? `目标 ≤ 150 MB  ${mark(batch.maxRss <= 150 * 1024 * 1024)}` : '不设目标（表所在的页须由 pdf.js 读取）';
  console.log(`  内存峰值 ${mb(batch.maxRss)}（整个批次，进程含工作线程；单个文件 ${mb(single.maxRss)}）  ${target}`);
  console.log(`  分阶段   ${stageLine(batch)}`);
  console.log(statusLine(batch));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  // The load average says whether other processes shared the cores: wall-time figures (and the jobs=2 speed-up) suffer when they did.
  console.log(`jxaudit 基准测试 — ${availableParallelism()} 个 CPU 核，--jobs ${args.jobs}；开始时系统负载 ${loadavg()[0].toFixed(2)}`);
  if (args.jobs === 2 && args.repeat > 0) {
    // Two cores are not twice one when the work goes to memory: the ceiling any jobs=2 speed-up meets here.
    const [compute, alloc] = [await referenceScaling(false), await referenceScaling(true)];
    console.log(`本机两核   同一段单线程 JavaScript 两份同时运行，比先后运行快：纯计算 ${compute.toFixed(2)}×，分配内存为主（如读表）${alloc.toFixed(2)}×`);
  }
  const docxDir = await buildDocxBatch(args.docx);
  const pdfDir = buildPdfBatch(args.pdf);
  const docxFiles = filesUnder(docxDir);

  // `--docx 0` measures the others alone.
  if (docxFiles.length > 0) await formsClass('DOCX', docxDir, args.jobs, args.repeat, 150, { rate: await docxFloor(docxFiles), what: '单进程只解压并 saxes 解析 word/document.xml' });
  if (pdfDir) await formsClass('PDF', pdfDir, args.jobs, args.repeat, 40, { rate: pdfFloor(filesUnder(pdfDir)), what: '每个文件一次 pdftotext -layout' });

  if (docxFiles.length > 0 && args.many > 0) manyClass(buildManyBatch(docxFiles, args.many), args.jobs);

  for (const [label, withForm] of [['长 PDF（部门决算，无自评表）', false], ['长 PDF（部门决算，末页附自评表）', true]] as const) {
    const dir = buildLongBatch(withForm ? 'long-form' : 'long', longSources(withForm), args.long);
    if (dir && args.long > 1) longClass(label, dir, args.jobs, !withForm);
  }

  // Workbooks (exceljs + numfmt) and LibreOffice conversions (batched soffice starts).
  for (const [label, dir] of [
    ['XLSX', buildCopies('xlsx', 'xlsx', ['.xlsx'], args.xlsx)],
    ['转换（.doc/.rtf/.xls，经 LibreOffice）', buildCopies('converted', 'office', ['.doc', '.rtf', '.xls'], args.converted)],
  ] as const) {
    if (!dir) continue;
    const r = run([dir], args.jobs, join(WORK, `out-${label.length}`));
    console.log(`\n${label}（${r.files} 个文件，--jobs ${args.jobs}）`);
    console.log(`  吞吐     ${rate(r.forms / r.seconds)} 张表（${r.forms} 张 / ${r.seconds.toFixed(1)} s）  内存峰值 ${mb(r.maxRss)}`);
    console.log(`  分阶段   ${stageLine(r)}`);
    console.log(statusLine(r));
  }
  // Scans (issue 18): forms/s through OCR and its digit accuracy.
  if (args.scans > 0) await ocrBench();
  console.log(`\n结束时系统负载 ${loadavg()[0].toFixed(2)}（高于核数时，墙钟时间与加速比受其他进程影响）`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
