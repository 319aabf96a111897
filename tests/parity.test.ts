// DOCX/PDF parity: every fixtures/pdf/X.pdf whose DOCX twin exists (fixtures/docx/X.docx,
// or fixtures/pdf/src/X.docx for the PDF-only forms) must give the same document
// content (reader level) and the same records and findings (pipeline level).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import type { DocModel, DocTable } from '../src/model/document.js';
import type { Finding } from '../src/model/report.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile } from '../src/pipeline.js';
import { readDocument } from '../src/read/index.js';
import { readPdf } from '../src/read/pdf.js';
import { findSoffice } from '../src/read/soffice.js';
import { readZipEntry } from '../src/read/zip.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const PDF_DIR = join(FIXTURES, 'pdf');
const LIMIT = { maxBytes: 50 * 1024 * 1024 };

interface Twin { name: string; docx: string; pdf: string }

function twins(): Twin[] {
  if (!existsSync(PDF_DIR)) return [];
  return readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .flatMap((f) => {
      const name = basename(f, '.pdf');
      const docx = [join(FIXTURES, 'docx', `${name}.docx`), join(PDF_DIR, 'src', `${name}.docx`)].find((p) => existsSync(p));
      return docx ? [{ name, docx, pdf: join(PDF_DIR, f) }] : [];
    });
}

/**
 * A DOCX whose table reaches past the right edge of the page cannot have a complete
 * PDF twin: Word and LibreOffice cut the text off at the page edge. Every twin's
 * tables must fit its page (the fixture is wrong otherwise, not the reader).
 */
async function overflowOf(docxPath: string): Promise<string | null> {
  const xml = (await readZipEntry(readFileSync(docxPath), 'word/document.xml', LIMIT.maxBytes))?.toString('utf8') ?? '';
  const pageWidth = Number(/<w:pgSz[^>]*w:w="(\d+)"/.exec(xml)?.[1] ?? 11906);
  const left = Number(/<w:pgMar[^>]*w:left="(\d+)"/.exec(xml)?.[1] ?? 1440);
  let widest = 0;
  for (const grid of xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []) {
    const sum = [...grid.matchAll(/w:w="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
    widest = Math.max(widest, sum);
  }
  return left + widest > pageWidth + 20
    ? `表格宽 ${widest} twips + 左边距 ${left} > 页宽 ${pageWidth}：PDF 中超出页面的文字被截掉`
    : null;
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** The table with the most rows: the form's own table. */
function mainTable(doc: DocModel): DocTable | undefined {
  return [...doc.tables].sort((a, b) => b.rows.length - a.rows.length)[0];
}

/** Human-readable list of the cells whose texts differ (whitespace removed). */
function cellDifferences(a: DocTable, b: DocTable): string[] {
  const out: string[] = [];
  a.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const x = noSpace(cell.text), y = noSpace(b.rows[r]?.[c]?.text ?? '<无>');
      if (x !== y) out.push(`表${a.index} [${r},${c}] DOCX「${x.slice(0, 60)}」 PDF「${y.slice(0, 60)}」`);
    }),
  );
  return out;
}

const TWINS = twins();

describe('reader parity: readDocument(docx) vs readPdf(pdf)', () => {
  it('has twins to compare', () => {
    expect(TWINS.length).toBeGreaterThanOrEqual(3);
  });

  for (const twin of TWINS) {
    it(`${twin.name}: same tables (rows, columns, cell texts) and paragraphs`, async () => {
      expect(await overflowOf(twin.docx)).toBeNull();
      const docx = await readDocument(readFileSync(twin.docx), LIMIT);
      const pdf = await readPdf(readFileSync(twin.pdf), LIMIT);
      expect(pdf.tables.map((t) => [t.rows.length, t.rows[0]?.length])).toEqual(docx.tables.map((t) => [t.rows.length, t.rows[0]?.length]));
      const main = mainTable(docx);
      if (main) expect(cellDifferences(main, pdf.tables[main.index])).toEqual([]);
      const paras = (d: DocModel) => d.blocks.flatMap((b) => (b.kind === 'paragraph' && b.text.trim() !== '' ? [noSpace(b.text)] : []));
      expect(paras(pdf)).toEqual(paras(docx));
      // Paragraphs inside cells (a narrative kept in the table) are numbered alike.
      const cellParas = (t: DocTable | undefined) => (t ? t.rows.at(-1)!.map((c) => c.paragraphs.filter((p) => p.trim() !== '').map(noSpace)) : []);
      expect(cellParas(main ? pdf.tables[main.index] : undefined)).toEqual(cellParas(main));
    });
  }
});

/** Strings with all whitespace removed, `source` and `provenance` dropped, and the
 *  document coordinates of unread blocks and narrative quotes (a PDF knows their page,
 *  a DOCX does not). */
function comparable(value: unknown): unknown {
  if (typeof value === 'string') return noSpace(value);
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' || k === 'provenance') continue;
      if (k === 'sheet' || k === 'page') continue; // a workbook's or a PDF's location
      out[k] = k === 'unreadBlocks' && Array.isArray(v) ? v.map(({ table: _t, row: _r, page: _p, ...rest }) => comparable(rest)) : comparable(v);
    }
    return out;
  }
  return value;
}

/** Where an unread block or a report bound to no form was seen: a PDF also names its page
 *  ("，第1页", "（第2页）"), a DOCX cannot. */
function withoutPage(text: string): string {
  return text.replace(/，第\s*\d+\s*页/g, '').replace(/（第\s*\d+\s*页）/g, '');
}

/** A finding without the document coordinates of its locations. */
function comparableFinding(f: Finding): unknown {
  return comparable({
    ...f,
    message: withoutPage(f.message),
    ...(f.data ? { data: Object.fromEntries(Object.entries(f.data).map(([k, v]) => [k, typeof v === 'string' ? withoutPage(v) : v])) } : {}),
    locations: f.locations.map(({ table: _t, row: _r, col: _c, page: _p, raw: _raw, sheet: _s, ...rest }) => rest),
  });
}

describe('pipeline parity: records and findings from the PDF equal those from its DOCX', () => {
  let rules: RuleSet;
  let templates: TemplateSet;
  beforeAll(async () => {
    rules = await loadRuleSet([bundledRulesDir()]);
    templates = await loadTemplates([bundledTemplatesDir()]);
  });

  for (const twin of TWINS) {
    it(`${twin.name}: same records and findings`, async () => {
      expect(await overflowOf(twin.docx)).toBeNull();
      const fromDocx = await processFile(twin.docx, { rules, templates });
      const fromPdf = await processFile(twin.pdf, { rules, templates });
      expect(fromPdf.report.error?.code ?? null).toBe(fromDocx.report.error?.code ?? null);
      expect(fromPdf.records.map(comparable)).toEqual(fromDocx.records.map(comparable));
      expect(fromPdf.report.findings.map(comparableFinding)).toEqual(fromDocx.report.findings.map(comparableFinding));
      expect(fromPdf.report.status).toBe(fromDocx.report.status);
      // The PDF's provenance carries the page of every cell read.
      for (const record of fromPdf.records) {
        for (const where of Object.values(record.provenance ?? {})) {
          expect(where.page).toEqual(expect.any(Number));
        }
      }
    });
  }
});

/** Issue 14: the seed and fixtures typed as workbooks, and the seed saved as .doc/.rtf/.xls
 *  through LibreOffice, give their DOCX original's records and findings (locations in
 *  each format's own terms: a workbook's are the sheet's cells). */
const OFFICE_TWINS: { file: string; docx: string }[] = [
  ...['seed-yuelu-2022', 'dept-clean-rounding', 'project-national-clean', 'dept-slip-typo'].map((n) => ({ file: join(FIXTURES, 'xlsx', `${n}.xlsx`), docx: join(FIXTURES, 'docx', `${n}.docx`) })),
  ...['doc', 'rtf', 'xls'].map((ext) => ({ file: join(FIXTURES, 'office', `seed-yuelu-2022.${ext}`), docx: join(FIXTURES, 'docx', 'seed-yuelu-2022.docx') })),
];

describe('pipeline parity: workbooks and LibreOffice-converted files equal their DOCX', () => {
  let rules: RuleSet;
  let templates: TemplateSet;
  beforeAll(async () => {
    rules = await loadRuleSet([bundledRulesDir()]);
    templates = await loadTemplates([bundledTemplatesDir()]);
  });

  for (const twin of OFFICE_TWINS) {
    it(`${basename(twin.file)}: same records and findings as ${basename(twin.docx)}`, { timeout: 120_000 }, async () => {
      const fromDocx = await processFile(twin.docx, { rules, templates });
      const other = await processFile(twin.file, { rules, templates, soffice: findSoffice() });
      expect(other.report.error).toBeNull();
      expect(other.records.map(comparable)).toEqual(fromDocx.records.map(comparable));
      expect(other.report.findings.map(comparableFinding)).toEqual(fromDocx.report.findings.map(comparableFinding));
      if (twin.file.endsWith('.xlsx')) {
        for (const record of other.records) {
          for (const where of Object.values(record.provenance)) expect(where.sheet).toBe('自评表');
        }
      }
    });
  }
});
