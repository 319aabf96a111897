// The recognizer over the real fixture DOCX files: every hand-written expected
// record (tests/expected/*.json, forms[].record) is matched, and a few facts of
// the seed that the expectation files don't spell out (provenance, numbering).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormFailure } from '../src/model/failure.js';
import { readDocument } from '../src/read/index.js';
import { loadTemplates, recognizeForms, type RecognizedForm, type TemplateSet } from '../src/recognize/index.js';
import { bundledTemplatesDir } from '../src/paths.js';
import { FIXTURES, loadExpectations } from './helpers/expected.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplates([bundledTemplatesDir()]);
});

async function recognize(rel: string): Promise<RecognizedForm[]> {
  const doc = await readDocument(readFileSync(join(FIXTURES, rel)), { maxBytes: 50e6 });
  return recognizeForms(doc, templates);
}

describe('recognizer on the fixtures with expectations', () => {
  for (const exp of loadExpectations().filter((e) => e.file.startsWith('docx/'))) {
    const file = join(FIXTURES, exp.file);
    it.skipIf(!existsSync(file))(`${exp.name}: records as expected`, async () => {
      if (exp.failure) {
        await expect(recognize(exp.file)).rejects.toMatchObject({ code: exp.failure.code });
        return;
      }
      const forms = await recognize(exp.file);
      expect(forms).toHaveLength(exp.forms.length);
      exp.forms.forEach((f, i) => {
        if (f.record) expect(forms[i]).toMatchObject(f.record);
      });
    });
  }
});

/** Strings without whitespace: a PDF wraps long cell text over lines where the DOCX doesn't. */
function squeeze(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\s\u3000]+/g, '');
  if (Array.isArray(v)) return v.map(squeeze);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, squeeze(x)]));
  return v;
}

// The PDF twins (same forms exported to PDF) must give the same records, up to whitespace.
describe('recognizer on the PDF twins of those fixtures', () => {
  for (const exp of loadExpectations().filter((e) => e.file.startsWith('docx/') && !e.failure)) {
    const twin = exp.file.replace(/^docx\//, 'pdf/').replace(/\.docx$/, '.pdf');
    it.skipIf(!existsSync(join(FIXTURES, twin)))(`${exp.name} (PDF): records as expected`, async () => {
      const forms = await recognize(twin);
      expect(forms).toHaveLength(exp.forms.length);
      exp.forms.forEach((f, i) => {
        if (f.record) expect(squeeze(forms[i])).toMatchObject(squeeze(f.record) as object);
      });
    });
  }
});

const seedFile = join(FIXTURES, 'docx/seed-yuelu-2022.docx');
describe.skipIf(!existsSync(seedFile))('the seed form', () => {
  let seed: RecognizedForm;
  beforeAll(async () => {
    [seed] = await recognize('docx/seed-yuelu-2022.docx');
  });

  it('reads the basic-expenditure actual with its provenance', () => {
    expect(seed.funds.uses?.basic.actual).toBe('1155.05');
    expect(seed.provenance['funds.uses.basic.actual']).toEqual({ table: 0, row: 7, col: 4, page: null, raw: '1155.05　' });
  });

  it('keeps provenance of blank cells too', () => {
    expect(seed.provenance['funds.sources.total.rate']?.raw.trim()).toBe('');
    expect(seed.provenance['funds.sources.other.budget']).toBeDefined();
    expect(seed.provenance['total.score']?.raw).toBe('100');
  });

  it('has no initial and no reason key (the layout has no such column)', () => {
    expect(Object.keys(seed.funds.sources.total).sort()).toEqual(['actual', 'budget', 'rate', 'score', 'weight']);
    expect(seed.layout).toBe('dept-overall');
  });

  it('numbers the narrative from the first paragraph after 评价报告综述', () => {
    const paras = seed.narrative.text!.split('\n');
    expect(paras[0]).toBe('一、部门（单位）概况');
    expect(paras[2]).toContain('2022年区财政批复部门预算为1028.49万元');
    expect(paras[6]).toMatch(/^基本支出1150\.05万元/);
    expect(paras[10]).toContain('公务接待费支出0万元，比预算减少9万元，降低100%');
  });

  it('skips the template rows: 14 indicators whose weights sum to 100', () => {
    expect(seed.indicators).toHaveLength(14);
    expect(seed.indicators.some((i) => i.name === '指标2：' || i.name === '……')).toBe(false);
    expect(seed.indicators[13]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', weight: '10', score: '10' });
  });

  it('takes the entity from the 概况 part and conclusions from the narrative sections', () => {
    expect(seed.entity).toBe('岳麓区住房保障服务中心');
    expect(seed.conclusions).toEqual({ verdict: null, problems: '无', measures: '无' });
    expect(seed.year).toBe(2022);
  });

  it('gives a DOCX quote no page (Word decides pages), a PDF quote the page its paragraph starts on', async () => {
    expect(seed.narrative.facts['spending.basic']?.every((f) => !('page' in f))).toBe(true);
    const [pdf] = await recognize('pdf/seed-yuelu-2022.pdf');
    // the narrative runs in one table cell from page 6 to page 7 (pdftotext -f 6 -l 7 shows it):
    // 预算为1028.49万元 ends page 6, 上述决算支出中基本支出1150.05万元 and 基本支出1150.05万元 are on page 7
    expect(pdf.narrative.facts['budget.initial']?.map((f) => f.page)).toEqual([6]);
    expect(pdf.narrative.facts['spending.basic']?.map((f) => [f.paragraph, f.page])).toEqual([[3, 7], [6, 7]]);
    expect(pdf.narrative.changes.map((c) => c.page)).toEqual(pdf.narrative.changes.map(() => 7));
  });
});

describe('documents that are no form', () => {
  for (const name of ['nonform-letter', 'nonform-meeting-notice', 'nonform-empty']) {
    const rel = `docx/${name}.docx`;
    it.skipIf(!existsSync(join(FIXTURES, rel)))(`${name} fails as unrecognized-form, saying what is missing`, async () => {
      const err = await recognize(rel).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(FormFailure);
      expect((err as FormFailure).code).toBe('unrecognized-form');
      expect((err as FormFailure).message).toContain('全年预算数');
      expect((err as FormFailure).message).toContain('项目支出绩效自评表');
    });
  }
});
