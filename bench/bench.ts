// `npm run bench`: builds a batch of ≥ 500 forms under bench/work/ and measures the
// real worker pool — forms/s for DOCX, PDF, XLSX and converted (.doc/.rtf/.xls) forms, peak RSS, time per stage, the speed-up
// of a second worker, and the floors (unzip + saxes of word/document.xml alone;
// `pdftotext -layout` per file) — printed next to the issue's targets.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { runBatch, type BatchResult } from '../src/batch/run.js';
import { packageRoot } from '../src/paths.js';
import { DEFAULT_LEVEL, pack, readZipEntries, writeZip } from '../scripts/lib/zip.js';

const ROOT = packageRoot();
const WORK = join(ROOT, 'bench', 'work');
/** Entry dates of the generated batch: 1980-01-01. */
const BENCH_STAMP = { date: 0x21, time: 0 };

interface Args {
  docx: number;
  pdf: number;
  xlsx: number;
  converted: number;
  scaling: number;
  jobs: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return { docx: get('docx', 500), pdf: get('pdf', 200), xlsx: get('xlsx', 200), converted: get('converted', 20), scaling: get('scaling', 200), jobs: get('jobs', availableParallelism()) };
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
  const sources = existsSync(from) ? readdirSync(from).filter((n) => n.endsWith('.pdf')).sort() : [];
  if (sources.length === 0 || count === 0) return null;
  const dir = join(WORK, 'pdf');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) copyFileSync(join(from, sources[i % sources.length]), join(dir, `表${String(i).padStart(4, '0')}.pdf`));
  return dir;
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

function pdfFloor(files: string[]): number | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const start = performance.now();
  for (const file of files) spawnSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return files.length / ((performance.now() - start) / 1000);
}

// ---- measuring ------------------------------------------------------------

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();

interface Run {
  result: BatchResult;
  forms: number;
  files: number;
  seconds: number;
  /** CPU seconds of the whole process (all threads): unlike wall time, barely moved by other load on the machine. */
  cpuSeconds: number;
}

async function run(inputs: string[], jobs: number, out: string): Promise<Run> {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await runBatch({ inputs, outDir: out, jobs, timeoutMs: 120_000 });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const forms = result.rows.reduce((n, r) => n + Math.max(1, r.forms.length), 0);
  return { result, forms, files: result.rows.length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number) => `${n.toFixed(1)}/s`;
const mark = (ok: boolean) => (ok ? '✓ 达标' : '✗ 未达标');

function stageLine(r: Run): string {
  const t = r.result.timings;
  const per = (ms: number) => `${(ms / r.files).toFixed(1)} ms`;
  const other = r.seconds * 1000 - t.wallMs;
  return (
    `读取 ${per(t.read)} / 识别 ${per(t.recognize)} / 核查 ${per(t.check)}，整个任务 ${per(t.taskMs)}（含哈希、写出记录与报告、渲染 HTML 片段；每个文件平均，工作线程内计时）；` +
    `线程池阶段 ${(t.wallMs / 1000).toFixed(1)} s，其余（读规则与模板、启动线程、汇总与 CSV/HTML 写出）${(other / 1000).toFixed(1)} s；` +
    `CPU 合计 ${r.cpuSeconds.toFixed(1)} s（每个文件 ${((r.cpuSeconds * 1000) / r.files).toFixed(1)} ms，含启动工作线程）`
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  // The load average says whether other processes shared the cores: wall-time figures (and the jobs=2 speed-up) suffer when they did.
  console.log(`jxaudit 基准测试 — ${availableParallelism()} 个 CPU 核，--jobs ${args.jobs}；开始时系统负载 ${loadavg()[0].toFixed(2)}`);
  const docxDir = await buildDocxBatch(args.docx);
  const pdfDir = buildPdfBatch(args.pdf);
  const docxFiles = filesUnder(docxDir);
  console.log(`批次：DOCX ${docxFiles.length} 个（由 fixtures/docx 改数生成）${pdfDir ? `，PDF ${filesUnder(pdfDir).length} 个（fixtures/pdf 复制）` : '，无 PDF 样例'}`);

  // `--docx 0` measures PDF alone.
  if (docxFiles.length > 0) {
    const docx = await run([docxDir], args.jobs, join(WORK, 'out-docx'));
    const docxRate = docx.forms / docx.seconds;
    const docxFloorRate = await docxFloor(docxFiles);
    console.log('\nDOCX');
    console.log(`  吞吐     ${rate(docxRate)} 张表（${docx.forms} 张 / ${docx.seconds.toFixed(1)} s，含写出全部结果）  目标 ≥ 100/s  ${mark(docxRate >= 100)}`);
    console.log(`  下限     ${rate(docxFloorRate)}（单进程只解压并 saxes 解析 word/document.xml）  比值 ${(docxFloorRate / docxRate).toFixed(2)}×  目标 ≤ 3×  ${mark(docxFloorRate / docxRate <= 3)}`);
    console.log(`  分阶段   ${stageLine(docx)}`);
    console.log(`  状态     通过 ${docx.result.summary.totals.ok}，有差异 ${docx.result.summary.totals.discrepancies}，失败 ${docx.result.summary.totals.failed}`);
  }

  if (pdfDir) {
    const pdf = await run([pdfDir], args.jobs, join(WORK, 'out-pdf'));
    const pdfRate = pdf.forms / pdf.seconds;
    const floor = pdfFloor(filesUnder(pdfDir));
    console.log('\nPDF');
    console.log(`  吞吐     ${rate(pdfRate)} 张表（${pdf.forms} 张 / ${pdf.seconds.toFixed(1)} s）  目标 ≥ 30/s  ${mark(pdfRate >= 30)}`);
    if (floor === null) console.log('  下限     未安装 pdftotext（poppler-utils），无法测量');
    else console.log(`  下限     ${rate(floor)}（每个文件一次 pdftotext -layout）  比值 ${(floor / pdfRate).toFixed(2)}×  目标 ≤ 3×  ${mark(floor / pdfRate <= 3)}`);
    console.log(`  分阶段   ${stageLine(pdf)}`);
    console.log(`  状态     通过 ${pdf.result.summary.totals.ok}，有差异 ${pdf.result.summary.totals.discrepancies}，失败 ${pdf.result.summary.totals.failed}`);
  }

  // Workbooks (exceljs + numfmt) and LibreOffice conversions (one soffice per file, in the workers).
  for (const [label, dir] of [
    ['XLSX', buildCopies('xlsx', 'xlsx', ['.xlsx'], args.xlsx)],
    ['转换（.doc/.rtf/.xls，经 LibreOffice）', buildCopies('converted', 'office', ['.doc', '.rtf', '.xls'], args.converted)],
  ] as const) {
    if (!dir) continue;
    const r = await run([dir], args.jobs, join(WORK, `out-${label.length}`));
    console.log(`\n${label}`);
    console.log(`  吞吐     ${rate(r.forms / r.seconds)} 张表（${r.forms} 张 / ${r.seconds.toFixed(1)} s）`);
    console.log(`  分阶段   ${stageLine(r)}`);
    console.log(`  状态     通过 ${r.result.summary.totals.ok}，有差异 ${r.result.summary.totals.discrepancies}，失败 ${r.result.summary.totals.failed}`);
  }

  if (args.scaling > 0 && docxFiles.length > 0) {
    const subset = docxFiles.slice(0, args.scaling);
    const one = await run(subset, 1, join(WORK, 'out-jobs1'));
    const two = await run(subset, 2, join(WORK, 'out-jobs2'));
    const speedup = one.seconds / two.seconds;
    console.log(`\n并行（${subset.length} 个 DOCX）`);
    console.log(`  jobs=1 ${rate(one.forms / one.seconds)}，jobs=2 ${rate(two.forms / two.seconds)}，加速 ${speedup.toFixed(2)}×  目标 ≥ 1.4×  ${mark(speedup >= 1.4)}`);
    console.log(`  CPU 合计 jobs=1 ${one.cpuSeconds.toFixed(1)} s，jobs=2 ${two.cpuSeconds.toFixed(1)} s；结束时系统负载 ${loadavg()[0].toFixed(2)}`);
  }

  const maxRss = process.resourceUsage().maxRSS * 1024; // KB → bytes; the whole process, worker threads included
  const peak = Math.max(peakRss, maxRss);
  console.log(`\n内存峰值 ${mb(peak)}（进程含工作线程：resourceUsage().maxRSS ${mb(maxRss)}，采样 rss ${mb(peakRss)}）  目标 < 400 MB  ${mark(peak < 400 * 1024 * 1024)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
