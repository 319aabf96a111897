// summary.json from the per-file rows; the summary row of a report.
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../src/model/outcome.js';
import { SummarySchema, type FileReport } from '../src/model/report.js';
import { buildSummary, localTimeText } from '../src/report/summary.js';

const finding = (severity: 'error' | 'warning' | 'info', message: string) => ({
  rule: 'r', severity, message, fields: ['funds.sources.total.actual'], actual: null, expected: null, difference: null, locations: [],
});

const report: FileReport = {
  schema: 'jxaudit/report@1',
  source: { name: '表.docx', path: '区/表.docx', sha256: 'ff', format: 'docx' },
  status: 'discrepancies',
  form: 'dept-overall',
  forms: [{ index: 0, form: 'dept-overall', entity: '甲局', year: 2022 }],
  findings: [
    finding('info', '提示'),
    finding('warning', '警告一'),
    finding('error', '错误一'),
    finding('error', '错误二'),
    finding('error', '错误三'),
    finding('error', '错误四'),
  ],
  error: null,
};

describe('outcomeOf', () => {
  it('counts findings by severity and keeps the first three error messages first', () => {
    const row = outcomeOf(report, '区/表.docx', { read: 1, recognize: 2, check: 3 });
    expect(row).toMatchObject({
      path: '区/表.docx', status: 'discrepancies', form: 'dept-overall', entity: '甲局', year: 2022,
      errors: 4, warnings: 1, infos: 1, failure: null, sha256: 'ff',
      firstMessages: ['错误一', '错误二', '错误三'],
    });
  });
});

describe('buildSummary', () => {
  it('totals the rows and validates against the summary schema', () => {
    const rows = [
      outcomeOf(report, '区/表.docx', { read: 0, recognize: 0, check: 0 }),
      outcomeOf({ ...report, source: { ...report.source, path: 'ok.docx' }, status: 'ok', findings: [finding('info', 'i')] }, 'ok.docx', { read: 0, recognize: 0, check: 0 }),
      outcomeOf(
        { ...report, source: { ...report.source, path: 'bad.pdf' }, status: 'failed', form: null, forms: [], findings: [], error: { code: 'corrupt-file', message: '坏了' } },
        'bad.pdf',
        { read: 0, recognize: 0, check: 0 },
      ),
    ];
    const summary = buildSummary(rows, [], new Date('2026-03-01T08:00:00Z'));
    expect(SummarySchema.parse(summary)).toEqual(summary);
    // local time with its offset, the same instant
    expect(summary.generatedAt).toMatch(/^2026-03-0[12]T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(new Date(summary.generatedAt).getTime()).toBe(Date.parse('2026-03-01T08:00:00Z'));
    expect(localTimeText(new Date('2026-03-01T08:00:00Z'), 480)).toBe('2026-03-01T16:00:00+08:00');
    expect(localTimeText(new Date('2026-03-01T08:00:00Z'), -330)).toBe('2026-03-01T02:30:00-05:30');
    expect(summary.inputs[0].forms).toEqual([{ index: 0, form: 'dept-overall', entity: '甲局', year: 2022, status: 'discrepancies', errors: 4, warnings: 1, infos: 1 }]);
    expect(summary.inputs[2].forms).toEqual([]);
    expect(summary.totals).toEqual({ files: 3, ok: 1, discrepancies: 1, failed: 1, errors: 4, warnings: 1 });
    expect(summary.inputs.map((i) => i.path)).toEqual(['区/表.docx', 'ok.docx', 'bad.pdf']);
    expect(summary.inputs[2].failure).toEqual({ code: 'corrupt-file', message: '坏了' });
    expect(Object.keys(summary)).toEqual(['schema', 'generatedAt', 'inputs', 'totals', 'batch']);
  });
});
