// Builds the office-format fixtures (issue 14) from the same declarative descriptions
// as the DOCX fixtures:
// - fixtures/xlsx/<name>.xlsx — the form typed into a workbook the way a clerk would:
//   a title row merged over the table's width, the paragraphs before the table (unit
//   line, 填报单位) in cells above it, the table's merges as merged ranges, money as
//   numbers under "#,##0.00", rates as fractions under "0.00%", whole numbers as
//   numbers, everything else as text; a few totals as formulas with their cached value;
//   a hidden helper column and a hidden second sheet that must not be read.
// - fixtures/office/<name>.doc|.rtf (from the DOCX) and <name>.xls (from the XLSX),
//   saved through LibreOffice (soffice on PATH or $SOFFICE).
// Usage: npx tsx scripts/gen-office-fixtures.ts [name …] (names: only those outputs, by their
// stem — an XLSX plan's or a LEGACY file's name; LibreOffice is needed only for the latter)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { catalogue } from './fixtures/catalogue.js';
import type { CellSpec, DocSpec, TableSpec } from './fixtures/model.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const FIXED_DATE = new Date(Date.UTC(2023, 2, 1, 9, 0, 0));

/** Which fixtures get an XLSX twin, and the formulas typed into each (A1 address on
 *  the form sheet → formula; the cached value is the number the cell shows). */
interface XlsxPlan {
  name: string;
  formulas?: Record<string, string>;
  /** A formula cell saved without its cached value (a workbook written by a program
   *  that does not calculate): rules.md check 30. */
  uncached?: Record<string, string>;
  /** Output stem when it differs from `name`. */
  out?: string;
}

const XLSX_PLANS: XlsxPlan[] = [
  // Seed: 资金来源 合计 全年预算数 = （1）财政拨款 + （2）其他资金 (title on sheet row 1,
  // the table from row 2: its rows 3–5 are sheet rows 5–7, column D).
  { name: 'seed-yuelu-2022', formulas: { D5: 'SUM(D6:D7)' } },
  { name: 'dept-clean-rounding' },
  { name: 'project-national-clean' },
  { name: 'dept-slip-typo' },
  // The seed whose 资金来源 合计 全年预算数 is a formula saved without a cached value.
  { name: 'seed-yuelu-2022', out: 'seed-formula-uncached', uncached: { D5: 'SUM(D6:D7)' } },
  // Plain grids as 预算管理一体化系统 exports them: labels repeated on each row, no merges.
  { name: 'project-flat-export' },
  { name: 'dept-flat-export' },
  { name: 'project-flat-export-rows' },
  // The indicator table beside the fund table on the same rows of a wide sheet.
  { name: 'project-side-by-side' },
  // 基本支出 / 财政拨款 merged down beside their 小计 row and their parts (probe AA).
  { name: 'dept-subtotal-parents' },
  { name: 'dept-subtotal-parents-slip' },
];

const LEGACY = [
  { name: 'seed-yuelu-2022', from: 'docx', to: ['doc', 'rtf'] },
  { name: 'seed-yuelu-2022', from: 'xlsx', to: ['xls'] },
];

function specs(): Map<string, DocSpec> {
  const seed = JSON.parse(readFileSync(join(here, 'fixtures', 'seed-yuelu-2022.json'), 'utf8')) as DocSpec;
  return new Map([seed, ...catalogue()].map((s) => [s.name, s]));
}

const MONEY = /^[-]?\d+\.(\d+)$/;
const WHOLE = /^-?\d{1,9}$/;
const PERCENT = /^(-?\d+(?:\.(\d+))?)%$/;

/** What a clerk types for a cell's text: a number with a format where it is one. */
function typed(text: string): { value: string | number; numFmt?: string } {
  const t = text.replace(/[\s\u3000]+/g, '');
  if (t !== text.trim() || text.includes('\n')) return { value: text }; // text with inner spaces stays text
  let m = PERCENT.exec(t);
  if (m) {
    const places = m[2]?.length ?? 0;
    return { value: Number(m[1]) / 100, numFmt: places ? `0.${'0'.repeat(places)}%` : '0%' };
  }
  m = MONEY.exec(t);
  if (m) return { value: Number(t), numFmt: m[1].length === 2 ? '#,##0.00' : `0.${'0'.repeat(m[1].length)}` };
  if (WHOLE.test(t) && !/^0\d/.test(t)) return { value: Number(t) };
  return { value: text };
}

function colName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function buildXlsx(spec: DocSpec, plan: XlsxPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jxaudit fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('自评表');
  const tables = spec.blocks.filter((b): b is TableSpec => b.type === 'table');
  const table = tables[0];
  const width = table.widths.length;
  ws.columns = table.widths.map((w) => ({ width: Math.max(6, Math.round(w / 120)) }));
  let row = 1;
  let seenTable = false;
  let formTop = 1;
  const after: string[] = [];
  for (const block of spec.blocks) {
    if (block.type === 'p') {
      if (block.text.trim() === '') continue;
      if (seenTable) { after.push(block.text); continue; }
      // Title and unit lines above the table, each merged over the table's width.
      ws.getCell(row, 1).value = block.text;
      if (block.bold) ws.getCell(row, 1).font = { bold: true, size: 14 };
      ws.mergeCells(row, 1, row, width);
      row++;
      continue;
    }
    if (block !== table) throw new Error(`${spec.name}: one table per workbook fixture`);
    seenTable = true;
    const top = row;
    formTop = top;
    const vStarts = new Map<number, number>(); // column → sheet row of an open vertical merge
    const mergeVertical = (start: number, c: number, last: number) => {
      const span = spanAt.get(c) ?? 1;
      if (last > start || span > 1) ws.mergeCells(start, c + 1, last, c + span);
    };
    block.rows.forEach((r, ri) => {
      const sheetRow = top + ri;
      let col = 0;
      const cells = r.map((c): CellSpec => (typeof c === 'string' ? { text: c } : c));
      const continued = new Set<number>();
      { let c0 = 0; for (const c of cells) { if (c.vm === 'continue') continued.add(c0); c0 += c.span ?? 1; } }
      // A vertical merge ends at the first row without a continuation at its column.
      for (const [c, start] of [...vStarts]) {
        if (continued.has(c)) continue;
        mergeVertical(start, c, sheetRow - 1);
        vStarts.delete(c);
      }
      for (const c of cells) {
        const span = c.span ?? 1;
        if (c.vm === 'continue') { col += span; continue; }
        const cell = ws.getCell(sheetRow, col + 1);
        const t = typed(c.text);
        cell.value = t.value;
        if (t.numFmt) cell.numFmt = t.numFmt;
        cell.alignment = { wrapText: true, vertical: 'middle' };
        if (c.vm === 'restart') { vStarts.set(col, sheetRow); spanAt.set(col, span); }
        else if (span > 1) ws.mergeCells(sheetRow, col + 1, sheetRow, col + span);
        col += span;
      }
    });
    const end = top + block.rows.length;
    for (const [c, start] of vStarts) mergeVertical(start, c, end - 1);
    row = end;
  }
  for (const text of after) ws.getCell(row++, 1).value = text;
  for (const [address, formula] of Object.entries(plan.formulas ?? {})) {
    const cell = ws.getCell(address);
    const shown = cell.value;
    if (typeof shown !== 'number') throw new Error(`${spec.name}: ${address} holds ${String(shown)}, not a number`);
    cell.value = { formula, result: shown } as ExcelJS.CellFormulaValue;
  }
  for (const [address, formula] of Object.entries(plan.uncached ?? {})) {
    ws.getCell(address).value = { formula } as ExcelJS.CellFormulaValue;
  }
  // A hidden helper column right of the form (a clerk's scratch sums) and a hidden
  // sheet of last year's figures: neither may be read.
  const helper = ws.getColumn(width + 2);
  helper.hidden = true;
  ws.getCell(formTop + 3, width + 2).value = '草稿：9999.99';
  const old = wb.addWorksheet('上年数据', { state: 'hidden' });
  old.getCell('A1').value = '2021年度部门整体支出绩效自评表';
  old.getCell('A2').value = '资金来源';
  old.getCell('B2').value = 1.5;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const spanAt = new Map<number, number>();

function soffice(): string {
  return process.env.SOFFICE ?? 'soffice';
}

/** Saves `file` as `ext` through LibreOffice into `outDir`. LibreOffice 7.4 drops the
 *  tables of a DOCX saved straight to .doc; through .odt (as an office re-saving an
 *  old file would have it) they are kept. */
function convert(file: string, ext: string, outDir: string): void {
  if (ext === 'doc' && file.endsWith('.docx')) {
    const mid = mkdtempSync(join(tmpdir(), 'jxaudit-fixtures-odt-'));
    try {
      convertOnce(file, 'odt', mid);
      convertOnce(join(mid, file.replace(/^.*\//, '').replace(/\.docx$/, '.odt')), 'doc', outDir);
    } finally {
      rmSync(mid, { recursive: true, force: true });
    }
    return;
  }
  convertOnce(file, ext, outDir);
}

function convertOnce(file: string, ext: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'jxaudit-fixtures-lo-'));
  try {
    const filter = ext === 'doc' ? 'doc:MS Word 97' : ext === 'xls' ? 'xls:MS Excel 97' : ext === 'odt' ? 'odt' : 'rtf:Rich Text Format';
    execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const all = specs();
  const xlsxDir = join(root, 'fixtures', 'xlsx');
  const officeDir = join(root, 'fixtures', 'office');
  mkdirSync(xlsxDir, { recursive: true });
  mkdirSync(officeDir, { recursive: true });
  const only = new Set(process.argv.slice(2));
  for (const plan of XLSX_PLANS) {
    if (only.size && !only.has(plan.out ?? plan.name)) continue;
    const spec = all.get(plan.name);
    if (!spec) throw new Error(`no fixture ${plan.name}`);
    spanAt.clear();
    const bytes = await buildXlsx(spec, plan);
    const out = join(xlsxDir, `${plan.out ?? plan.name}.xlsx`);
    writeFileSync(out, bytes);
    console.log(`${out}  ${bytes.length} bytes`);
  }
  for (const { name, from, to } of LEGACY) {
    if (only.size && !only.has(name)) continue;
    const src = join(root, 'fixtures', from, `${name}.${from}`);
    for (const ext of to) {
      const work = mkdtempSync(join(tmpdir(), 'jxaudit-fixtures-out-'));
      convert(src, ext, work);
      const target = join(officeDir, `${name}.${ext}`);
      renameSync(join(work, `${name}.${ext}`), target);
      rmSync(work, { recursive: true, force: true });
      console.log(`${target}  (LibreOffice from ${from})`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
