// The end-of-run summary on the terminal: forms with errors first (most errors, then
// path), then warnings only, then failures by reason; every cut list says what it left out.
import { describe, expect, it } from 'vitest';
import type { FormTally } from '../src/model/outcome.js';
import type { Summary } from '../src/model/report.js';
import { LIST_LIMITS, summaryText } from '../src/report/console.js';

const form = (index: number, errors: number, warnings: number, infos = 0): FormTally => ({
  index, form: index === 0 ? 'dept-overall' : 'project', entity: `单位${index}`, year: 2022,
  status: errors + warnings ? 'discrepancies' : 'ok', errors, warnings, infos,
  firstMessages: Array.from({ length: Math.min(3, errors + warnings) }, (_, i) => `问题${i + 1}`),
});

type Row = Parameters<typeof summaryText>[1][number];
const row = (path: string, forms: FormTally[], failure: Row['failure'] = null): Row => ({
  path,
  status: failure ? 'failed' : forms.some((f) => f.status === 'discrepancies') ? 'discrepancies' : 'ok',
  errors: forms.reduce((n, f) => n + f.errors, 0),
  warnings: forms.reduce((n, f) => n + f.warnings, 0),
  infos: forms.reduce((n, f) => n + f.infos, 0),
  failure,
  formTallies: forms,
});

function summaryOf(rows: Row[], batch: Summary['batch'] = []): Summary {
  return {
    schema: 'jxaudit/summary@1',
    generatedAt: '2026-01-01T08:00:00+08:00',
    inputs: [],
    totals: {
      files: rows.length,
      ok: rows.filter((r) => r.status === 'ok').length,
      discrepancies: rows.filter((r) => r.status === 'discrepancies').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      errors: rows.reduce((n, r) => n + r.errors, 0),
      warnings: rows.reduce((n, r) => n + r.warnings, 0),
    },
    batch,
  };
}

describe('summaryText', () => {
  it('leads with forms with errors (most first, then path), then warnings only, then failures grouped by reason', () => {
    const failed = Array.from({ length: LIST_LIMITS.failuresPerReason + 5 }, (_, i) =>
      row(`a/坏${String(i).padStart(2, '0')}.docx`, [], { code: 'corrupt-file', message: '文件不完整' }),
    );
    const rows = [
      ...failed,
      row('b/多表.docx', [form(0, 1, 0), form(1, 0, 0), form(2, 6, 1, 2)]),
      row('c/只有警告.docx', [form(0, 0, 2)]),
      row('d/两条.docx', [form(0, 2, 0)]),
      row('a/也是一条.docx', [form(0, 1, 0)]),
      row('e/文本.txt', [], { code: 'unsupported-format', message: '请另存为 DOCX 或 PDF' }),
    ];
    const text = summaryText(summaryOf(rows), rows, '/tmp/out', '/tmp');
    const lines = text.split('\n');
    expect(lines[0]).toBe('核查完成：共 20 个文件、6 张表 — 通过 0，有差异 4，读取失败 16（按文件计）；错误 10 条，警告 3 条，提示 2 条');
    const listed = lines.filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  ……'));
    expect(listed.slice(0, 4)).toEqual([
      '  b/多表.docx 第3张表（项目·单位2）：错误 6 条，警告 1 条，提示 2 条',
      '  d/两条.docx（部门整体·单位0）：错误 2 条，警告 0 条，提示 0 条',
      '  a/也是一条.docx（部门整体·单位0）：错误 1 条，警告 0 条，提示 0 条',
      '  b/多表.docx 第1张表（部门整体·单位0）：错误 1 条，警告 0 条，提示 0 条',
    ]);
    expect(lines).toContain('    ……另有 4 条'); // 6 + 1 findings, 3 shown
    expect(lines.indexOf('只有警告的表（1 张）：')).toBeGreaterThan(lines.indexOf('有错误的表（3 张，错误多的在前）：'));
    expect(lines.indexOf('读取失败的文件（16 个）：')).toBeGreaterThan(lines.indexOf('只有警告的表（1 张）：'));
    expect(lines).toContain('  文件损坏（15 个）：');
    expect(lines).toContain('    ……另有 5 个，详见 summary.csv');
    expect(lines).toContain('  格式不支持（1 个）：');
    expect(text).toContain('out/report.html');
  });

  it('says how many forms and observations a cut list left out', () => {
    const rows = Array.from({ length: LIST_LIMITS.errorForms + 3 }, (_, i) => row(`f${String(i).padStart(2, '0')}.docx`, [form(0, 1, 0)]));
    const batch = Array.from({ length: LIST_LIMITS.observations + 15 }, (_, i) => ({
      kind: 'duplicate-content' as const, severity: 'warning' as const, message: `第${i}份重复`, paths: [],
    }));
    const text = summaryText(summaryOf(rows, batch), rows, '/tmp/out', '/tmp');
    expect(text).toContain('  ……另有 3 张表有错误，详见 summary.csv 与 report.html');
    expect(text).toContain(`批量检查发现 ${batch.length} 条情况：`);
    expect(text).toContain('  ……另有 15 条，详见 summary.json 与 report.html');
  });
});
