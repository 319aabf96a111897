// Makes fixtures/long/ (run: `npx tsx scripts/make-long-pdfs.ts`; needs qpdf — tests
// never do): long 部门决算-style publications for the page filter and the benchmark.
// - long-no-form.pdf: the four publication pages of fixtures/pdf/juesuan-2022-with-form.pdf
//   (目录, 部门概况, 决算表 with 预算数/决算数 tables, 情况说明) seven times over: 28 pages,
//   no form;
// - long-with-form.pdf: the same pages six times over (24 pages), then the two pages of
//   fixtures/pdf/dept-slip-typo.pdf (a department form with slips) as its last pages;
// - long-with-scanned-form.pdf: the publication pages three times (12 pages of text), then the
//   signed form scanned in: fixtures/scan/project-national-slips-seal.pdf (one page, a
//   picture only, a red seal over a money cell) — read by OCR among pages of text;
// - long-with-blank-page.pdf: the publication pages three times, a blank page (no text,
//   font or picture: a printed publication's empty verso), three times more, then the
//   department form's two pages (27 pages).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';

const ROOT = join(import.meta.dirname, '..');
const PDF_DIR = join(ROOT, 'fixtures', 'pdf');
const OUT_DIR = join(ROOT, 'fixtures', 'long');
const PUBLICATION = join(PDF_DIR, 'juesuan-2022-with-form.pdf');
const FORM = join(PDF_DIR, 'dept-slip-typo.pdf');
const SCANNED_FORM = join(ROOT, 'fixtures', 'scan', 'project-national-slips-seal.pdf');

/** qpdf --pages arguments repeating the publication's pages 1–4 `times` times. */
function publicationPages(times: number): string[] {
  return Array.from({ length: times }, () => [PUBLICATION, '1-4']).flat();
}

function qpdf(out: string, pages: string[]): void {
  // --deterministic-id: the same inputs give the same bytes.
  execFileSync('qpdf', ['--deterministic-id', '--empty', '--pages', ...pages, '--', out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A one-page PDF with an empty A4 page (no dates: the same bytes every run). */
async function blankPage(path: string): Promise<void> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595.28, 841.89]);
  writeFileSync(path, await doc.save());
}

mkdirSync(OUT_DIR, { recursive: true });
qpdf(join(OUT_DIR, 'long-no-form.pdf'), publicationPages(7));
qpdf(join(OUT_DIR, 'long-with-form.pdf'), [...publicationPages(6), FORM, '1-2']);
qpdf(join(OUT_DIR, 'long-with-scanned-form.pdf'), [...publicationPages(3), SCANNED_FORM, '1']);
const tmp = mkdtempSync(join(tmpdir(), 'jxaudit-long-'));
try {
  const blank = join(tmp, 'blank.pdf');
  await blankPage(blank);
  qpdf(join(OUT_DIR, 'long-with-blank-page.pdf'), [...publicationPages(3), blank, '1', ...publicationPages(3), FORM, '1-2']);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`written: ${OUT_DIR}/long-no-form.pdf, long-with-form.pdf, long-with-scanned-form.pdf, long-with-blank-page.pdf`);
