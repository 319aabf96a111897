// Issue 19: the pipeline hands the templates' page test to the reader, so a long PDF
// publication is laid out from the page before its form only. (4beca25 once dropped the
// hand-over and nothing noticed: the record is the same either way, only the cost differs.)
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadRuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile } from '../src/pipeline.js';
import { loadTemplates } from '../src/recognize/index.js';
import { FIXTURES } from './helpers/expected.js';

const seen: { mayHoldForm?: (text: string) => boolean }[] = [];
vi.mock('../src/read/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/read/index.js')>();
  return {
    ...real,
    readDocument: (bytes: Buffer, opts: { mayHoldForm?: (text: string) => boolean }, sniffed: unknown) => {
      seen.push(opts);
      return (real.readDocument as (...a: unknown[]) => unknown)(bytes, opts, sniffed);
    },
  };
});

describe('the pipeline and the PDF page filter', () => {
  it('reads with the templates\' page test, which passes a form page and refuses a 决算 table', async () => {
    const rules = loadRuleSet([bundledRulesDir()]);
    const templates = loadTemplates([bundledTemplatesDir()]);
    const out = await processFile(join(FIXTURES, 'long', 'long-with-form.pdf'), { rules, templates });
    expect(out.records).toHaveLength(1);
    expect(seen).toHaveLength(1);
    const test = seen[0].mayHoldForm;
    expect(typeof test).toBe('function');
    expect(test!('一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标')).toBe(true);
    expect(test!('收入支出决算总表\n单位：万元\n收入项目 决算数 支出项目 决算数\n合计 2548.00')).toBe(false);
  });
});
