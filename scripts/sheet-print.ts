// Shared by the scripts that type a form into a sheet with exceljs and print it with
// LibreOffice Calc (make-print-title-fixtures, make-unruled-row-fixtures,
// make-unfitted-rows-fixtures): the workbook and its PDF go to fixtures/sheet/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const OUT_DIR = join(import.meta.dirname, '..', 'fixtures', 'sheet');

/** LibreOffice headless, with a private profile (a desktop LibreOffice must not block it). */
function soffice(profile: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { stdio: 'ignore', timeout: 180_000 });
}

/** Builds the workbook (`creator`: the application a clerk saved it with), saves it and
 *  Calc's print of it as fixtures/sheet/<name>.xlsx and .pdf. */
export async function printSheetFixture(name: string, build: (book: ExcelJS.Workbook) => void, creator?: string): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), `jxaudit-${name}-`));
  const profile = mkdtempSync(join(tmpdir(), 'jxaudit-lo-'));
  try {
    const book = new ExcelJS.Workbook();
    if (creator) book.creator = creator;
    build(book);
    const sheet = join(work, `${name}.xlsx`);
    await book.xlsx.writeFile(sheet);
    soffice(profile, ['--convert-to', 'pdf', '--outdir', work, sheet]);
    copyFileSync(sheet, join(OUT_DIR, `${name}.xlsx`));
    copyFileSync(join(work, `${name}.pdf`), join(OUT_DIR, `${name}.pdf`));
    console.log(`wrote fixtures/sheet/${name}.xlsx and .pdf`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
