// Makes fixtures/sheet/ (run: `npx tsx scripts/make-sheet-fixtures.ts [name …]`; needs
// LibreOffice — tests never do): forms kept in a spreadsheet, and that spreadsheet printed
// to PDF. A clerk pastes the Word form into a sheet (here: LibreOffice Writer's HTML of a
// DOCX fixture, imported by Calc, as a paste carries HTML), borders the table, merges the
// title across it, wraps the text, fits the rows and the page width, and prints. Each
// fixture is <name>.xlsx and its print <name>.pdf; expected outcomes (hand-written, the
// DOCX's but where the print differs, said in their notes): tests/expected/sheet-<name>.json
// and sheet-<name>-pdf.json.
//
// real-yunnan-changning-2022: its 产出指标 and 数量指标 labels, merged down over many rows
// and set at the cell's foot, run over a page break. LibreOffice prints such a label on
// every page the cell spans, at the same place of the whole cell, and clips it to the cell's
// part on that page: on page 1 it lands below the footer, drawn but clipped away.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'fixtures', 'sheet');
const FORMS: { name: string; valign: 'top' | 'middle' | 'bottom' }[] = [{ name: 'real-yunnan-changning-2022', valign: 'bottom' }];
const THIN = { style: 'thin' } as const;
/** Points a wrapped line takes in a fitted row (the sheet's 10–11 pt type). */
const LINE_HEIGHT = 15;

/** LibreOffice headless, with a private profile (a desktop LibreOffice must not block it). */
function soffice(profile: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { stdio: 'ignore', timeout: 180_000 });
}

/** Characters' display width in a sheet column's units (a CJK character takes two). */
function textWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

/** What the clerk does to the pasted sheet (see the top of this file). */
async function tidy(path: string, valign: 'top' | 'middle' | 'bottom'): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  for (const sheet of book.worksheets) {
    const lastColumn = sheet.columnCount;
    sheet.columns.forEach((column) => {
      if (!column.width || column.width < 10) column.width = 12;
    });
    sheet.eachRow({ includeEmpty: false }, (row) => {
      // (a merged cell's other cells give its value: a label merged across counts as filled there)
      let filled = 0;
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value !== null && cell.value !== '') filled++;
      });
      if (filled < 2) {
        // a title or a line above the table: merged across it
        const first = row.getCell(1);
        if (first.value !== null && first.value !== '' && !first.isMerged && lastColumn > 1) sheet.mergeCells(row.number, 1, row.number, lastColumn);
        let width = 0;
        for (let c = 1; c <= lastColumn; c++) width += sheet.getColumn(c).width ?? 12;
        row.height = LINE_HEIGHT * Math.ceil((textWidth(first.text ?? '') * 1.1) / width) + 3;
        return;
      }
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: valign };
      });
      // fitted as Excel's autofit would: each cell's text width over its width (a cell merged
      // down over rows has their heights); a row of one text overflows on one line
      let lines = 1;
      let texts = 0;
      row.eachCell({ includeEmpty: false }, () => texts++);
      if (texts < 2) return;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const merge = (sheet as unknown as { _merges: Record<string, { top: number; bottom: number; left: number; right: number }> })._merges[cell.address];
        if (merge && merge.bottom > merge.top) return;
        let width = 0;
        for (let c = merge?.left ?? Number(cell.col); c <= (merge?.right ?? Number(cell.col)); c++) width += sheet.getColumn(c).width ?? 12;
        const text = cell.text ?? '';
        lines = Math.max(lines, Math.ceil((textWidth(text) * 1.1) / Math.max(4, width - 1)) + text.split('\n').length - 1);
      });
      row.height = LINE_HEIGHT * lines + 3;
    });
    sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  await book.xlsx.writeFile(path);
}

mkdirSync(OUT_DIR, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jxaudit-sheet-'));
const profile = mkdtempSync(join(tmpdir(), 'jxaudit-lo-'));
try {
  const wanted = process.argv.slice(2);
  for (const { name, valign } of FORMS) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    soffice(profile, ['--convert-to', 'html:HTML (StarWriter)', '--outdir', work, join(ROOT, 'fixtures', 'docx', `${name}.docx`)]);
    soffice(profile, ['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, join(work, `${name}.html`)]);
    const sheet = join(work, `${name}.xlsx`);
    await tidy(sheet, valign);
    soffice(profile, ['--convert-to', 'pdf', '--outdir', work, sheet]);
    copyFileSync(sheet, join(OUT_DIR, `${name}.xlsx`));
    copyFileSync(join(work, `${name}.pdf`), join(OUT_DIR, `${name}.pdf`));
    console.log(`wrote fixtures/sheet/${name}.xlsx and .pdf`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
