// summary.csv and findings.csv: BOM, CRLF, formula neutralization, numbers kept.
import { describe, expect, it } from 'vitest';
import type { FormRecord } from '../src/model/record.js';
import type { FileReport, Summary } from '../src/model/report.js';
import { csvCell, findingsCsvHeader, findingsCsvRows, summaryCsv } from '../src/report/csv.js';

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF) to read back what we wrote. */
function parse(text: string, _opts?: object): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

describe('csvCell', () => {
  it('neutralizes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe("'↵x");
  });

  it('keeps decimal strings and counts as numbers, plain text as is', () => {
    expect(csvCell('-5.00')).toBe('-5.00');
    expect(csvCell('1155.05')).toBe('1155.05');
    expect(csvCell(3)).toBe(3);
    expect(csvCell('长沙市岳麓区财政局')).toBe('长沙市岳麓区财政局');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a cell on one line and within Excel\'s 32,767 characters', () => {
    expect(csvCell('第一行\r\n第二行\n第三行')).toBe('第一行↵第二行↵第三行');
    const long = csvCell('字'.repeat(40_000)) as string;
    expect(long.length).toBe(32_767);
    expect(long.endsWith('…')).toBe(true);
  });
});

const report: FileReport = {
  schema: 'jxaudit/report@1',
  source: { name: '表.docx', path: '岳麓区/表.docx', sha256: 'ab', format: 'docx' },
  status: 'discrepancies',
  form: 'dept-overall',
  forms: [{ index: 0, form: 'dept-overall', entity: '=岳麓区财政局', year: 2022 }],
  findings: [
    {
      rule: 'narrative.spending-basic-matches-table',
      severity: 'error',
      message: '文字部分所述基本支出1150.05万元，与表中基本支出全年执行数1155.05万元不一致（相差-5.00万元）',
      fields: ['narrative.facts.spending.basic', 'funds.uses.basic.actual'],
      actual: '1150.05',
      expected: '1155.05',
      difference: '-5.00',
      locations: [],
    },
    {
      rule: 'indicator.text',
      severity: 'warning',
      message: '-含有"引号",和逗号',
      fields: ['indicators[0].actual'],
      actual: '=1+1',
      expected: null,
      difference: null,
      locations: [],
    },
  ],
  error: null,
};

describe('findings.csv', () => {
  it('starts with a BOM and writes one row per finding: Chinese columns, fields as printed, places from 1, machine codes last', () => {
    const located: FileReport = {
      ...report,
      findings: [
        {
          ...report.findings[0],
          locations: [
            { field: 'narrative.facts.spending.basic', paragraph: 3, quote: '上述决算支出中基本支出1150.05万元' },
            { field: 'funds.uses.basic.actual', table: 0, row: 7, col: 4, page: 2, raw: '1155.05　' },
          ],
        },
        { ...report.findings[1], locations: [{ field: 'indicators[0].actual', sheet: '自评表', row: 6, col: 3, raw: '=1+1' }] },
      ],
    };
    const text = findingsCsvHeader() + findingsCsvRows(located);
    expect(text.startsWith('\uFEFF文件,表号,表样,单位,严重程度,问题说明,涉及项目,填报值,应为,差额,位置,severity,rule,fields\r\n')).toBe(true);
    const rows = parse(text.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '岳麓区/表.docx', '1', '部门整体', "'=岳麓区财政局", '错误',
      '文字部分所述基本支出1150.05万元，与表中基本支出全年执行数1155.05万元不一致（相差-5.00万元）',
      '文字部分·基本支出；资金结构·基本支出·全年执行数', '1150.05', '1155.05', '-5.00',
      '文字部分·基本支出：第4段：“上述决算支出中基本支出1150.05万元”；资金结构·基本支出·全年执行数：第2页 表1 第8行 第5列 原文“1155.05”',
      'error', 'narrative.spending-basic-matches-table', 'narrative.facts.spending.basic; funds.uses.basic.actual',
    ]);
    expect(rows[2]).toEqual([
      '岳麓区/表.docx', '1', '部门整体', "'=岳麓区财政局", '警告', '\'-含有"引号",和逗号', '第1项指标·实际完成值', "'=1+1", '', '',
      '自评表!D7 原文“=1+1”', 'warning', 'indicator.text', 'indicators[0].actual',
    ]);
    // the number cells are written bare, not quoted, so spreadsheets read them as numbers
    expect(text).toContain(',1150.05,1155.05,-5.00,');
  });

  it('names a fund line a template adds as the form printed it, and places a finding without locations where its field was printed', () => {
    const finding = { ...report.findings[0], fields: ['funds.sources.generalBudget.actual'], locations: [], formIndex: 1 };
    const two: FileReport = { ...report, forms: [...report.forms, { index: 1, form: 'project', entity: '乙项目', year: 2022 }], findings: [finding] };
    const record = {
      source: { formIndex: 1 },
      lineLabels: { 'funds.sources.generalBudget': '一般公共预算' },
      provenance: { 'funds.sources.generalBudget.actual': { table: 1, row: 3, col: 2, page: null, raw: '12' } },
    } as unknown as FormRecord;
    const rows = parse(findingsCsvRows(two, [{ source: { formIndex: 0 }, provenance: {} } as unknown as FormRecord, record]));
    expect(rows[0].slice(1, 4)).toEqual(['2', '项目', '乙项目']);
    expect(rows[0][6]).toBe('资金来源·一般公共预算·全年执行数');
    expect(rows[0][10]).toBe('资金来源·一般公共预算·全年执行数：表2 第4行 第3列 原文“12”');
  });
  it('places a report bound to no form by its title, with its page where a PDF knows it', () => {
    const finding = { ...report.findings[0], fields: ['unboundReports'], actual: null, expected: null, difference: null, severity: 'info' as const };
    const at = (page?: number) => parse(findingsCsvRows({ ...report, findings: [{ ...finding, locations: [{ field: 'unboundReports', quote: '2023年度动物疫病防控项目绩效自评报告', ...(page ? { page } : {}) }] }] }))[0];
    expect(at(2)[6]).toBe('未对应任何表的自评报告');
    expect(at(2)[10]).toBe('第2页“2023年度动物疫病防控项目绩效自评报告”');
    expect(at()[10]).toBe('“2023年度动物疫病防控项目绩效自评报告”');
  });
});

describe('summary.csv', () => {
  it('writes one row per form (a failed file one row) in Chinese, with the batch observations naming the file', () => {
    const form = (index: number, entity: string, errors: number) => ({
      index, form: index === 0 ? ('dept-overall' as const) : ('project' as const), entity, year: 2022,
      status: errors ? ('discrepancies' as const) : ('ok' as const), errors, warnings: 0, infos: 1,
    });
    const summary: Summary = {
      schema: 'jxaudit/summary@1',
      generatedAt: '2026-01-01T08:00:00+08:00',
      inputs: [
        { path: 'a.docx', status: 'discrepancies', form: 'dept-overall', entity: '甲局', year: 2022, errors: 2, warnings: 0, infos: 2, failure: null, forms: [form(0, '甲局', 2), form(1, '乙项目', 0)] },
        { path: 'b.txt', status: 'failed', form: null, entity: null, year: null, errors: 0, warnings: 0, infos: 0, failure: { code: 'unsupported-format', message: '请另存为 DOCX 或 PDF' }, forms: [] },
      ],
      totals: { files: 2, ok: 0, discrepancies: 1, failed: 1, errors: 2, warnings: 0 },
      batch: [{ kind: 'duplicate-content', severity: 'warning', message: '2 个文件内容完全相同（重复提交）：a.docx、c.docx', paths: ['a.docx', 'c.docx'] }],
    };
    const text = summaryCsv(summary);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parse(text.slice(1))).toEqual([
      ['文件', '表号', '表样', '单位', '年度', '状态', '错误', '警告', '提示', '失败原因', '失败说明', '批次情况', 'status', 'form', 'failure'],
      // the whole file's observation once, on its first row (probe Y: not repeated on every form's)
      ['a.docx', '1', '部门整体', '甲局', '2022', '有差异', '2', '0', '1', '', '', '2 个文件内容完全相同（重复提交）：a.docx、c.docx', 'discrepancies', 'dept-overall', ''],
      ['a.docx', '2', '项目', '乙项目', '2022', '通过', '0', '0', '1', '', '', '', 'ok', 'project', ''],
      ['b.txt', '', '', '', '', '读取失败', '0', '0', '0', '格式不支持', '请另存为 DOCX 或 PDF', '', 'failed', '', 'unsupported-format'],
    ]);
  });

  it('carries an observation about forms on the rows of those forms only (probe Y: a multi-form file)', () => {
    const form = (index: number, entity: string, year: number) => ({
      index, form: 'project' as const, entity, year, status: 'ok' as const, errors: 0, warnings: 0, infos: 0,
    });
    const summary: Summary = {
      schema: 'jxaudit/summary@1',
      generatedAt: '2026-01-01T08:00:00+08:00',
      inputs: [
        { path: 'a.docx', status: 'ok', form: 'project', entity: '甲项目', year: 2023, errors: 0, warnings: 0, infos: 0, failure: null,
          forms: [form(0, '甲项目', 2023), form(1, '乙项目', 2023), form(2, '丙项目', 2022)] },
        { path: 'a.pdf', status: 'ok', form: 'project', entity: '乙项目', year: 2023, errors: 0, warnings: 0, infos: 0, failure: null, forms: [form(0, '乙项目', 2023)] },
      ],
      totals: { files: 2, ok: 2, discrepancies: 0, failed: 0, errors: 0, warnings: 0 },
      batch: [
        { kind: 'duplicate-form', severity: 'warning', message: '“乙项目”2023 年度项目支出绩效自评表出现 2 份', paths: ['a.docx', 'a.pdf'],
          forms: [{ path: 'a.docx', index: 1 }, { path: 'a.pdf', index: 0 }] },
        { kind: 'other-year', severity: 'warning', message: 'a.docx 是 2022 年度的表', paths: ['a.docx'], forms: [{ path: 'a.docx', index: 2 }] },
      ],
    };
    const cells = parse(summaryCsv(summary).slice(1)).slice(1).map((row) => [row[0], row[1], row[11]]);
    expect(cells).toEqual([
      ['a.docx', '1', ''],
      ['a.docx', '2', '“乙项目”2023 年度项目支出绩效自评表出现 2 份'],
      ['a.docx', '3', 'a.docx 是 2022 年度的表'],
      ['a.pdf', '1', '“乙项目”2023 年度项目支出绩效自评表出现 2 份'],
    ]);
  });
});
