// Annotated copies (issue 17), checked by readers that are not ours: the fixtures go
// through the compiled command line; LibreOffice opens every annotated DOCX (one
// headless start converts them all to .fodt) and each finding must have a comment by
// the annotator in the cited table cell (by grid position) or in the paragraph holding
// the quoted sentence; qpdf lists every annotated PDF's highlights and poppler's
// pdftotext places the printed words, so each cited cell's printed value (or quoted
// line) must lie inside a highlight of that finding on that page. Plus by hand on the
// seed: its slip (基本支出 1150.05 in the text against 1155.05 in the table) is commented
// with the numbers, the copy's other parts are byte-identical, and two runs give the
// same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../src/model/report.js';
import { openZip } from '../src/read/zip.js';
import { annotateCopy } from '../src/annotate/index.js';
import { annotatorOption } from '../src/annotate/options.js';
import { bundledRulesDir, bundledTemplatesDir, loadRuleSet, loadTemplates } from '../src/index.js';
import { processFile } from '../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const AUTHOR = '财政局核查';
const FOLDERS = ['docx', 'pdf', 'xlsx'];

let out: string;
let reports: FileReport[];
/** Files read by OCR (record readBy 'ocr'): a scan gets no annotated copy (annotate/index.ts). */
let scans: Set<string>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const marked = (r: FileReport) => (scans.has(r.source.path) ? [] : r.findings.filter((f) => f.severity !== 'info'));
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** How the first mark of a finding starts, and what its further marks quote of it. */
const prefixOf = (f: Finding) => Array.from(f.message).slice(0, 12).join('');

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/src/cli.js is missing: run `npm run build` (npm test does it)');
  out = mkdtempSync(join(tmpdir(), 'jx-annotate-'));
  const r = spawnSync(process.execPath, [CLI, 'check', ...FOLDERS.map((f) => join('fixtures', f)), join('fixtures', 'office', 'seed-yuelu-2022.doc'), '--out', out, '--quiet', '--jobs', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(r.status, r.stderr).toBe(1);
  reports = filesUnder(join(out, 'reports')).map((p) => JSON.parse(readFileSync(p, 'utf8')) as FileReport);
  const records = filesUnder(join(out, 'records')).map((p) => JSON.parse(readFileSync(p, 'utf8')) as { source: { path: string }; readBy?: string });
  scans = new Set(records.filter((r) => r.readBy === 'ocr').map((r) => r.source.path));
}, 320_000);

describe('annotated copies', { timeout: 240_000 }, () => {
  it('exist for every file with an error or warning, and only for those', () => {
    const annotated = new Set(filesUnder(join(out, 'annotated')).map((p) => relative(join(out, 'annotated'), p)));
    const expected = new Set<string>();
    for (const r of reports) {
      if (marked(r).length === 0) continue;
      // A converted legacy file's copy is the DOCX/XLSX it was read as.
      expected.add(r.source.convertedFrom ? `${r.source.path}.${r.source.format}` : r.source.path);
    }
    expect(expected.size).toBeGreaterThan(40);
    expect([...annotated].sort()).toEqual([...expected].sort());
    expect(annotated.has('seed-yuelu-2022.doc.docx') || annotated.has('office/seed-yuelu-2022.doc.docx')).toBe(true);
  });

  it('DOCX: LibreOffice finds every finding as a comment by the annotator in the cited cell or the quoted paragraph', () => {
    const docx = reports.filter((r) => r.source.format === 'docx' && marked(r).length > 0);
    const conv = join(out, 'fodt');
    mkdirSync(conv);
    const copies = docx.map((r) => join(out, 'annotated', r.source.convertedFrom ? `${r.source.path}.docx` : r.source.path));
    const profile = pathToFileURL(join(out, 'lo-profile')).href;
    // One soffice start for all of them; same-named files in two folders would overwrite: there are none.
    const res = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', conv, ...copies], {
      encoding: 'utf8',
      timeout: 200_000,
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    });
    expect(res.status, res.stderr).toBe(0);
    let checked = 0;
    docx.forEach((report, i) => {
      const name = copies[i].split('/').at(-1)!.replace(/\.docx$/, '.fodt');
      const annotations = readFodt(readFileSync(join(conv, name), 'utf8'));
      const ours = annotations.filter((a) => a.author === AUTHOR);
      for (const finding of marked(report)) {
        const where = `${report.source.path}: ${finding.rule}`;
        expect(ours.some((a) => a.text.startsWith(finding.message)), `${where} has no comment carrying its message`).toBe(true);
        const mine = ours.filter((a) => a.text.includes(prefixOf(finding)));
        for (const loc of finding.locations) {
          if (loc.table !== undefined && loc.row !== undefined && loc.col !== undefined) {
            const hit = mine.some((a) => a.cell && a.cell.table === loc.table && covers(a.cell, loc.row!, loc.col!));
            expect(hit, `${where}: no comment in table ${loc.table} cell (${loc.row},${loc.col})`).toBe(true);
          } else if (loc.quote !== undefined) {
            const hit = mine.some((a) => norm(a.paragraph).includes(norm(loc.quote!)));
            expect(hit, `${where}: no comment on the paragraph quoting “${loc.quote}”`).toBe(true);
          }
        }
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(60);
  });

  it('DOCX by hand, the seed: the 基本支出 slip is commented with its numbers; every part but four is byte-identical', () => {
    const copy = readFileSync(join(out, 'annotated', 'docx', 'seed-yuelu-2022.docx'));
    const original = readFileSync(join(ROOT, 'fixtures', 'docx', 'seed-yuelu-2022.docx'));
    const conv = join(out, 'fodt', 'seed-yuelu-2022.fodt');
    const annotations = readFodt(readFileSync(conv, 'utf8')).filter((a) => a.author === AUTHOR);
    // The narrative says 基本支出1150.05万元 (paragraph 4 of 综述), the table prints 1155.05.
    const slip = annotations.find((a) => a.paragraph.includes('上述决算支出中基本支出1150.05万元') && a.text.startsWith('文字部分所述基本支出1150.05万元'));
    expect(slip?.text).toContain('填报值：1150.05；应为：1155.05；差额：-5.00');
    // The table's cell (row 8, column 5 counted from 1) carries a mark of the same finding.
    expect(annotations.some((a) => a.cell?.table === 0 && covers(a.cell, 7, 4) && a.text.includes('文字部分所述基本支出'))).toBe(true);
    // 5 errors and 4 warnings on the seed: 9 comments carry a message.
    expect(annotations.filter((a) => !a.text.startsWith('同一问题')).length).toBe(9);

    const a = openZip(original);
    const b = openZip(copy);
    const changed = new Set(['word/document.xml', 'word/comments.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']);
    for (const name of a.names) {
      expect(b.has(name), name).toBe(true);
      if (changed.has(name)) continue;
      expect(b.read(name, 1e8)!.equals(a.read(name, 1e8)!), `${name} changed`).toBe(true);
    }
    expect(b.names.filter((n) => !a.has(n)).every((n) => changed.has(n))).toBe(true);
  });

  it('PDF: qpdf lists a highlight of each finding over each cited cell’s printed value or quoted line', () => {
    const pdfs = reports.filter((r) => r.source.format === 'pdf' && marked(r).length > 0);
    expect(pdfs.length).toBeGreaterThan(20);
    let checked = 0;
    for (const report of pdfs) {
      const highlights = qpdfHighlights(join(out, 'annotated', report.source.path));
      const words = pdfWords(join(ROOT, 'fixtures', report.source.path));
      for (const finding of marked(report)) {
        const where = `${report.source.path}: ${finding.rule}`;
        expect(highlights.some((h) => h.text.startsWith(finding.message)), `${where} has no highlight carrying its message`).toBe(true);
        const mine = highlights.filter((h) => h.text.includes(prefixOf(finding)));
        for (const loc of finding.locations) {
          if (loc.row !== undefined && loc.col !== undefined && loc.page) {
            const onPage = mine.filter((h) => h.page === loc.page);
            expect(onPage.length, `${where}: no highlight on page ${loc.page}`).toBeGreaterThan(0);
            const raw = norm(loc.raw ?? '');
            if (raw === '') continue; // a blank cell prints nothing to find
            // The value may wrap inside its cell ("1155." / "05"): every printed piece of it is covered.
            const pieces = words.filter((w) => w.page === loc.page && raw.includes(norm(w.text)) && onPage.some((h) => inside(w, h)));
            expect(norm(pieces.map((w) => w.text).join('')).length, `${where}: “${loc.raw}” on page ${loc.page} not under a highlight`).toBeGreaterThanOrEqual(raw.length);
          } else if (loc.quote !== undefined) {
            const q = norm(loc.quote);
            // The words under the highlight, in reading order: a quote may print as several
            // words ("全年支出" "58.00" "万元", spaced apart between digits and CJK).
            const under = (h: Rect) => norm(words.filter((w) => w.page === h.page && inside(w, h)).map((w) => w.text).join(''));
            const hit = mine.some((h) => sharesRun(under(h), q, Math.min(6, q.length)));
            expect(hit, `${where}: quote “${loc.quote}” not under a highlight`).toBe(true);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('XLSX: each finding is a note on its cited cell (read back by exceljs), the first with the message', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const xlsx = reports.filter((r) => r.source.format === 'xlsx' && !r.source.convertedFrom && marked(r).length > 0);
    expect(xlsx.length).toBeGreaterThanOrEqual(3);
    for (const report of xlsx) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, 'annotated', report.source.path));
      for (const finding of marked(report)) {
        const notes: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => notes.push(noteText(cell.note)))));
        expect(notes.some((n) => n.includes(finding.message)), `${report.source.path}: ${finding.rule}`).toBe(true);
        for (const loc of finding.locations) {
          if (loc.sheet === undefined || loc.row === undefined || loc.col === undefined) continue;
          const note = noteText(wb.getWorksheet(loc.sheet)!.getCell(loc.row + 1, loc.col + 1).note);
          expect(note, `${report.source.path}: ${finding.rule} at ${loc.sheet}!${loc.row},${loc.col}`).toContain(prefixOf(finding));
          expect(note.startsWith(`${AUTHOR}:`)).toBe(true);
        }
      }
    }
  });

  it('is deterministic: a second run gives byte-identical copies', () => {
    const again = mkdtempSync(join(tmpdir(), 'jx-annotate-2-'));
    const inputs = ['docx/seed-yuelu-2022.docx', 'pdf/seed-yuelu-2022.pdf', 'xlsx/seed-yuelu-2022.xlsx'];
    const r = spawnSync(process.execPath, [CLI, 'check', ...inputs.map((p) => join('fixtures', p)), '--out', again, '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 200_000 });
    expect(r.status, r.stderr).toBe(1);
    for (const p of inputs) {
      expect(readFileSync(join(again, 'annotated', p)).equals(readFileSync(join(out, 'annotated', p))), p).toBe(true);
    }
  });

  it('--no-annotate writes none; --annotator names the author (no date in any comment)', async () => {
    const none = mkdtempSync(join(tmpdir(), 'jx-annotate-none-'));
    const seed = join('fixtures', 'docx', 'seed-yuelu-2022.docx');
    expect(spawnSync(process.execPath, [CLI, 'check', seed, '--out', none, '--quiet', '--no-annotate', '--jobs', '1'], { cwd: ROOT }).status).toBe(1);
    expect(existsSync(join(none, 'annotated'))).toBe(false);
    const bad = spawnSync(process.execPath, [CLI, 'check', seed, '--out', none, '--annotator', ' '], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--annotator');
    expect(annotatorOption({ annotate: true, annotator: '县财政局绩效股' })).toEqual({ ok: true, value: '县财政局绩效股' });
    expect(annotatorOption({ annotate: true })).toEqual({ ok: true, value: AUTHOR });
    expect(annotatorOption({ annotate: false, annotator: 'x' })).toEqual({ ok: true, value: undefined });
    // The author reaches the comments (in process: the same writer the run uses).
    const rules = loadRuleSet([bundledRulesDir()]);
    const templates = loadTemplates([bundledTemplatesDir()]);
    const result = await processFile(join(ROOT, seed), { rules, templates, keepDocument: true });
    const copy = await annotateCopy(result.readBytes!, result.document!, result.report, result.records, { author: '县财政局绩效股' });
    expect(copy && 'bytes' in copy).toBe(true);
    const comments = openZip((copy as { bytes: Buffer }).bytes).read('word/comments.xml', 1e8)!.toString('utf8');
    expect(comments).toContain('w:author="县财政局绩效股"');
    expect(comments).not.toContain('w:date');
  });
});

// --- LibreOffice's flat ODF --------------------------------------------------------

interface Annotation {
  author: string;
  text: string;
  /** The paragraph it is anchored in, its own text left out. */
  paragraph: string;
  /** The table cell it sits in: table index (document order), the cell's grid area. */
  cell: { table: number; row: number; col: number; rows: number; cols: number } | null;
}

function covers(cell: NonNullable<Annotation['cell']>, row: number, col: number): boolean {
  return row >= cell.row && row < cell.row + cell.rows && col >= cell.col && col < cell.col + cell.cols;
}

function readFodt(xml: string): Annotation[] {
  const $ = cheerio.load(xml, { xml: true });
  const tables = $('table\\:table').toArray();
  const grids = new Map<Element, Map<Element, { row: number; col: number; rows: number; cols: number }>>();
  const gridOf = (table: Element) => {
    let grid = grids.get(table);
    if (grid) return grid;
    grid = new Map();
    // This table's own rows (not a nested table's), in order. ODF lists every grid
    // position of a row — a merged cell's others as covered cells — so a cell's column
    // is its position in the row.
    const rows = $(table).find('table\\:table-row').toArray().filter((r) => $(r).closest('table\\:table')[0] === table);
    rows.forEach((row, r) => {
      let c = 0;
      for (const cell of $(row).children('table\\:table-cell, table\\:covered-table-cell').toArray()) {
        const repeat = Number($(cell).attr('table:number-columns-repeated') ?? 1);
        if (cell.tagName === 'table:table-cell') {
          const rows = Number($(cell).attr('table:number-rows-spanned') ?? 1);
          const cols = Number($(cell).attr('table:number-columns-spanned') ?? 1);
          grid.set(cell, { row: r, col: c, rows, cols });
        }
        c += repeat;
      }
    });
    grids.set(table, grid);
    return grid;
  };
  return $('office\\:annotation')
    .toArray()
    .map((el) => {
      const author = $(el).find('dc\\:creator').text();
      const text = $(el).children('text\\:p').toArray().map((p) => $(p).text()).join('\n');
      const para = $(el).closest('text\\:p, text\\:h');
      const clone = para.clone();
      clone.find('office\\:annotation').remove();
      const cellEl = $(el).closest('table\\:table-cell')[0] as Element | undefined;
      let cell: Annotation['cell'] = null;
      if (cellEl) {
        const table = $(cellEl).closest('table\\:table')[0] as Element;
        const area = gridOf(table).get(cellEl);
        if (area) cell = { table: tables.indexOf(table), ...area };
      }
      return { author, text, paragraph: clone.text(), cell };
    });
}

// --- qpdf and pdftotext -------------------------------------------------------------

interface Rect { page: number; x0: number; y0: number; x1: number; y1: number }

function qpdfHighlights(path: string): (Rect & { text: string })[] {
  const res = spawnSync('qpdf', ['--json', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(res.status, res.stderr).toBe(0);
  const json = JSON.parse(res.stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const objects = json.qpdf[1];
  const value = (ref: unknown) => (typeof ref === 'string' && objects[`obj:${ref}`]?.value) || (ref as Record<string, unknown>);
  const str = (v: unknown) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');
  const out: (Rect & { text: string })[] = [];
  json.pages.forEach((page, i) => {
    const dict = value(page.object) as Record<string, unknown>;
    const annots = (value(dict['/Annots']) as unknown as unknown[] | undefined) ?? [];
    for (const ref of annots) {
      const a = value(ref) as Record<string, unknown>;
      if (a['/Subtype'] !== '/Highlight') continue;
      const [x0, y0, x1, y1] = a['/Rect'] as number[];
      out.push({ page: i + 1, x0, y0, x1, y1, text: str(a['/Contents']) });
    }
  });
  return out;
}

/** Words as poppler's pdftotext places them, in PDF user space (y up; the fixtures' pages start at 0,0). */
function pdfWords(path: string): (Rect & { text: string })[] {
  const res = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(res.status, res.stderr).toBe(0);
  const $ = cheerio.load(res.stdout, { xml: true });
  const out: (Rect & { text: string })[] = [];
  $('page').each((i, page) => {
    const height = Number($(page).attr('height'));
    $(page)
      .find('word')
      .each((_, w) => {
        const n = (k: string) => Number($(w).attr(k));
        out.push({ page: i + 1, x0: n('xMin'), x1: n('xMax'), y0: height - n('yMax'), y1: height - n('yMin'), text: $(w).text() });
      });
  });
  return out;
}

/** The word's box lies within the highlight (a point of slack for rounding). */
function inside(w: Rect, h: Rect): boolean {
  const slack = 1.5;
  return w.x0 >= h.x0 - slack && w.x1 <= h.x1 + slack && w.y0 >= h.y0 - slack && w.y1 <= h.y1 + slack;
}

/** Whether two texts share a run of at least `n` characters. */
function sharesRun(a: string, b: string, n: number): boolean {
  if (n <= 0) return false;
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

function noteText(note: unknown): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts ?? [];
  return texts.map((t) => t.text).join('');
}
