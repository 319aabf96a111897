// Issue 19: a long publication costs what its form costs. The pages before the first
// page that can hold a form are not laid out (src/read/pdf-page-filter.ts, the test's
// words from the templates: src/recognize/form-page.ts), and that changes nothing a
// user sees: a 26-page publication ending with a form (fixtures/long, made by
// scripts/make-long-pdfs.ts) gives the form's own record and findings, apart from
// where they are (source, pages, table numbers).
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { FormFailure } from '../src/model/failure.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile } from '../src/pipeline.js';
import { readPdf } from '../src/read/pdf.js';
import { firstPageToRead, pagesToLayOut } from '../src/read/pdf-page-filter.js';
import { findPdftotext, prepassPdf, undecoded } from '../src/read/pdf-prepass.js';
import { readDocument } from '../src/read/index.js';
import { formPageTest } from '../src/recognize/form-page.js';
import { loadTemplates, recognizeForms, type TemplateSet } from '../src/recognize/index.js';
import { FIXTURES } from './helpers/expected.js';

const LONG_WITH_FORM = join(FIXTURES, 'long', 'long-with-form.pdf');
const LONG_NO_FORM = join(FIXTURES, 'long', 'long-no-form.pdf');
const LONG_WITH_BLANK = join(FIXTURES, 'long', 'long-with-blank-page.pdf');
const FORM_ALONE = join(FIXTURES, 'pdf', 'dept-slip-typo.pdf');
const LIMIT = { maxBytes: 50 * 1024 * 1024 };

let rules: RuleSet;
let templates: TemplateSet;
beforeAll(() => {
  rules = loadRuleSet([bundledRulesDir()]);
  templates = loadTemplates([bundledTemplatesDir()]);
});

/** A record or finding without where it is: source, formIndex, page and table numbers (in fields and in words). */
function withoutPlace(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/第\s*\d+\s*页/g, '第?页').replace(/表\s*\d+/g, '表?');
  if (Array.isArray(value)) return value.map(withoutPlace);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' || k === 'formIndex' || k === 'page' || k === 'table' || k === 'paragraphPages') continue;
      out[k] = withoutPlace(v);
    }
    return out;
  }
  return value;
}

describe('a long PDF publication', () => {
  it('with a form on its last pages gives the record and findings of the form alone', async () => {
    const long = await processFile(LONG_WITH_FORM, { rules, templates });
    const alone = await processFile(FORM_ALONE, { rules, templates });
    expect(long.report.error).toBeNull();
    expect(long.records).toHaveLength(1);
    expect(alone.records).toHaveLength(1);
    // The form is where it is printed: pages 25–26 of 26.
    expect(long.records[0].provenance['funds.sources.total.budget'].page).toBe(25);
    expect(long.records[0].source.pages).toBe(26);
    expect(withoutPlace(long.records)).toEqual(withoutPlace(alone.records));
    // dept-slip-typo's slips (fixtures catalogue): the findings are there, and the same.
    expect(long.report.findings.length).toBeGreaterThan(0);
    expect(withoutPlace(long.report.findings)).toEqual(withoutPlace(alone.report.findings));
    expect(long.report.status).toBe(alone.report.status);
  });

  it('lays out only the pages from the one before the form (the 24 publication pages have tables)', async () => {
    const bytes = readFileSync(LONG_WITH_FORM);
    const filtered = await readPdf(bytes, { ...LIMIT, mayHoldForm: formPageTest(templates) });
    const all = await readPdf(bytes, LIMIT);
    const alone = await readPdf(readFileSync(FORM_ALONE), LIMIT);
    expect(filtered.pages).toBe(26);
    expect(filtered.tables.length).toBe(alone.tables.length);
    expect(all.tables.length).toBeGreaterThan(alone.tables.length + 6);
    const pagesSeen = new Set(filtered.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.page] : b.rows.flat().map((c) => c.page))));
    expect(Math.min(...[...pagesSeen].filter((p): p is number => p !== null))).toBe(24);
  });

  it('without a form fails as the whole document read would, with the same message', async () => {
    const bytes = readFileSync(LONG_NO_FORM);
    const failure = (doc: Parameters<typeof recognizeForms>[0]) => {
      try {
        recognizeForms(doc, templates);
      } catch (err) {
        if (err instanceof FormFailure) return { code: err.code, message: err.message };
        throw err;
      }
      return null;
    };
    const filtered = await readPdf(bytes, { ...LIMIT, mayHoldForm: formPageTest(templates) });
    const all = await readPdf(bytes, LIMIT);
    expect(filtered.tables).toHaveLength(0);
    expect(all.tables.length).toBeGreaterThan(6);
    expect(failure(filtered)).toEqual(failure(all));
    expect(failure(filtered)?.code).toBe('unrecognized-form');
  });
});

describe('which pages can hold a form', () => {
  it('needs words of two groups: a title with a fund table, a fund anchor with 分值/得分, indicator levels with 分值', () => {
    const test = formPageTest(templates);
    expect(test('2022年度部门整体支出绩效自评表\n单位 平江县教育局\n年度总体目标\n资金情况（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分')).toBe(true);
    expect(test('一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标')).toBe(true);
    expect(test('项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分')).toBe(true);
    // a label wrapped in its narrow cell, one line a piece (pdftotext -raw)
    expect(test('资金\n来源\n项 目 全年预算\n数\n全年执行\n数\n执 行 率 分值 得分\n一级\n指标\n二级\n指标')).toBe(true);
  });

  it('is not fooled by one group alone: a table of contents naming the form, prose on 预算执行情况, a 决算 table', () => {
    const test = formPageTest(templates);
    expect(test('目录\n第一部分 部门概况\n第二部分 2022年度部门决算表\n第四部分 附件：2022年度部门整体支出绩效自评表')).toBe(false);
    expect(test('二、一般公共预算财政拨款支出预算执行情况说明：本年度预算资金主要用于项目支出。')).toBe(false);
    expect(test('收入支出决算总表\n单位：万元\n收入项目 决算数 支出项目 决算数\n合计 2548.00')).toBe(false);
  });

  it('nor by two groups in sentences: the 预算绩效管理情况 every 部门决算 publication prints', () => {
    const test = formPageTest(templates);
    // pdftotext -raw of a real publication's page: words split at numbers, lines at the page edge
    const prose = [
      '十、预算绩效管理情况',
      '中共上海市普陀区委社会工作部 2024 年度预算绩效管理工作开',
      '展情况如下：本部门建立了如下预算绩效管理制度：严格贯彻落实',
      '报绩效目标的 2024 年度项目 1 个，涉及预算金额 175.52 万元；绩',
      '效自评的 2024 年度项目 1 个，涉及预算金额 175.52 万元，平均得',
      '分 100.00 分',
      '（其中，',
    ].join('\n');
    expect(test(prose)).toBe(false);
  });

  it('starts one page before the first page that can, and runs to the end', () => {
    const test = (t: string) => t === 'form';
    expect(pagesToLayOut(['a', 'b', 'c', 'form', 'd'], test)).toEqual([false, false, true, true, true]);
    expect(pagesToLayOut(['form', 'a'], test)).toEqual([true, true]);
    expect(pagesToLayOut(['a', 'b'], test)).toEqual([false, false]);
    expect(pagesToLayOut(['a', 'b'], undefined)).toEqual([true, true]);
  });
});

describe("poppler's text first (src/read/pdf-prepass.ts)", () => {
  const withPdftotext = async <T>(path: string, fn: () => Promise<T>): Promise<T> => {
    process.env.JXAUDIT_PDFTOTEXT = path;
    try {
      return await fn();
    } finally {
      delete process.env.JXAUDIT_PDFTOTEXT;
    }
  };
  const withoutPoppler = <T>(fn: () => Promise<T>): Promise<T> => withPdftotext('none', fn);

  it('is there: .ci/run installs poppler-utils, so these tests read with pdftotext for real', () => {
    expect(findPdftotext()).not.toBeNull();
  });

  it('names the first page pdfjs must read: one before the first that can hold a form, or with no text', async () => {
    const test = formPageTest(templates);
    // the form on pages 25–26 of 26: pdfjs reads from page 24 (0-based 23), as it lays out
    expect(await prepassPdf(readFileSync(LONG_WITH_FORM), test)).toEqual({ pages: 26, from: 23 });
    // 28 pages of 决算 tables and prose: no page can
    expect(await prepassPdf(readFileSync(LONG_NO_FORM), test)).toEqual({ pages: 28, from: 28 });
    // page 13 of 13 is a scanned sheet, no text: a picture that may hold a form, so pdfjs reads from page 12
    expect(await prepassPdf(readFileSync(join(FIXTURES, 'long', 'long-with-scanned-form.pdf')), test)).toEqual({ pages: 13, from: 11 });
    // page 13 of 27 is empty (no text, font or picture): pdfjs starts before the form (pages 26–27), not there
    expect(await prepassPdf(readFileSync(LONG_WITH_BLANK), test)).toEqual({ pages: 27, from: 24 });
  });

  it('reads the form after an empty page as the form alone', async () => {
    const long = await processFile(LONG_WITH_BLANK, { rules, templates });
    const alone = await processFile(FORM_ALONE, { rules, templates });
    expect(long.records).toHaveLength(1);
    expect(long.records[0].provenance['funds.sources.total.budget'].page).toBe(26);
    expect(withoutPlace(long.records)).toEqual(withoutPlace(alone.records));
    expect(withoutPlace(long.report.findings)).toEqual(withoutPlace(alone.report.findings));
  });

  it('cannot prove a page empty without pdffonts and pdfimages beside pdftotext, and reads from there', async () => {
    const test = formPageTest(templates);
    const dir = mkdtempSync(join(tmpdir(), 'jxaudit-poppler-'));
    try {
      symlinkSync(findPdftotext()!, join(dir, 'pdftotext'));
      const alone = await withPdftotext(join(dir, 'pdftotext'), () => prepassPdf(readFileSync(LONG_WITH_BLANK), test));
      expect(alone).toEqual({ pages: 27, from: 11 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves alone what it cannot gain on or read: a two-page form, an encrypted file, no page test, turned off', async () => {
    const test = formPageTest(templates);
    expect(await prepassPdf(readFileSync(FORM_ALONE), test)).toBeNull();
    expect(await prepassPdf(readFileSync(join(FIXTURES, 'pdf', 'encrypted.pdf')), test)).toBeNull();
    expect(await prepassPdf(readFileSync(LONG_WITH_FORM), undefined)).toBeNull();
    expect(await withoutPoppler(() => prepassPdf(readFileSync(LONG_WITH_FORM), test))).toBeNull();
  });

  it('a page poppler cannot tell counts as one that can hold a form; none that can gives the page count', () => {
    const test = (t: string) => t === 'form';
    expect(firstPageToRead(['a', 'b', 'c', 'form', 'd'], test)).toBe(2);
    expect(firstPageToRead(['a', 'b', null, 'form'], test)).toBe(1);
    expect(firstPageToRead(['a', '', 'b', 'form'], test)).toBe(2); // a page known to be empty
    expect(firstPageToRead(['form', 'a'], test)).toBe(0);
    expect(firstPageToRead(['a', 'b', 'c'], test)).toBe(3);
  });

  it('takes text poppler could not map to characters as no text, so pdfjs reads from there', () => {
    expect(undecoded('\ue001\ue002\ue003部门决算')).toBe(true); // private-use codes
    expect(undecoded('\ufffd\ufffd项目支出绩效自评表')).toBe(true);
    expect(undecoded('!"#$%&\'()*+,-./0123456789:;<=>?')).toBe(true); // raw glyph codes, no Chinese
    expect(undecoded('-14-')).toBe(false); // a page number alone is what it is
    expect(undecoded('')).toBe(false);
    expect(undecoded('项目支出绩效自评表（2023年度）项目名称预算执行情况（万元）')).toBe(false);
  });

  it('changes nothing a user sees: the same records, findings and failures with and without pdftotext', async () => {
    const files = [LONG_WITH_FORM, LONG_NO_FORM, LONG_WITH_BLANK, join(FIXTURES, 'pdf', 'juesuan-2022-with-form.pdf'), join(FIXTURES, 'pdf', 'multipage-split-rows.pdf'), join(FIXTURES, 'pdf', 'owner-password.pdf')];
    for (const file of files) {
      const seen = await processFile(file, { rules, templates });
      const unseen = await withoutPoppler(() => processFile(file, { rules, templates }));
      expect(seen.records, file).toEqual(unseen.records);
      expect(seen.report.findings, file).toEqual(unseen.report.findings);
      expect(seen.report.error, file).toEqual(unseen.report.error);
      expect(seen.report.status, file).toBe(unseen.report.status);
    }
  });

  it('does not open a publication with no form in pdfjs, and reports its pages', async () => {
    const doc = await readDocument(readFileSync(LONG_NO_FORM), { ...LIMIT, mayHoldForm: formPageTest(templates) });
    expect(doc).toEqual({ format: 'pdf', pages: 28, blocks: [], tables: [], images: 0 });
  });
});
