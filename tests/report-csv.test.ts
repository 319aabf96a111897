// summary.csv and findings.csv: BOM, CRLF, formula neutralization, numbers kept.
import { describe, expect, it } from 'vitest';
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
    expect(csvCell('\rx')).toBe("'\rx");
  });

  it('keeps decimal strings and counts as numbers, plain text as is', () => {
    expect(csvCell('-5.00')).toBe('-5.00');
    expect(csvCell('1155.05')).toBe('1155.05');
    expect(csvCell(3)).toBe(3);
    expect(csvCell('长沙市岳麓区财政局')).toBe('长沙市岳麓区财政局');
    expect(csvCell(null)).toBe('');
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
  it('starts with a BOM and writes one row per finding with the columns of report.md', () => {
    const text = findingsCsvHeader() + findingsCsvRows(report);
    expect(text.startsWith('\uFEFFfile,entity,severity,rule,message,fields,actual,expected,difference\r\n')).toBe(true);
    const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '岳麓区/表.docx', "'=岳麓区财政局", 'error', 'narrative.spending-basic-matches-table',
      '文字部分所述基本支出1150.05万元，与表中基本支出全年执行数1155.05万元不一致（相差-5.00万元）',
      'narrative.facts.spending.basic; funds.uses.basic.actual', '1150.05', '1155.05', '-5.00',
    ]);
    expect(rows[2]).toEqual([
      '岳麓区/表.docx', "'=岳麓区财政局", 'warning', 'indicator.text', '\'-含有"引号",和逗号', 'indicators[0].actual', "'=1+1", '', '',
    ]);
    // the number cells are written bare, not quoted, so spreadsheets read them as numbers
    expect(text).toContain(',1150.05,1155.05,-5.00\r\n');
  });
});

describe('summary.csv', () => {
  it('writes one row per input with the batch observations naming it', () => {
    const summary: Summary = {
      schema: 'jxaudit/summary@1',
      generatedAt: '2026-01-01T00:00:00.000Z',
      inputs: [
        { path: 'a.docx', status: 'discrepancies', form: 'dept-overall', entity: '甲局', year: 2022, errors: 2, warnings: 1, infos: 0, failure: null },
        { path: 'b.txt', status: 'failed', form: null, entity: null, year: null, errors: 0, warnings: 0, infos: 0, failure: { code: 'unsupported-format', message: '请另存为 DOCX 或 PDF' } },
      ],
      totals: { files: 2, ok: 0, discrepancies: 1, failed: 1, errors: 2, warnings: 1 },
      batch: [{ kind: 'other-year', severity: 'warning', message: 'a.docx 是 2021 年度的表', paths: ['a.docx'] }],
    };
    const text = summaryCsv(summary);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows).toEqual([
      ['path', 'status', 'form', 'entity', 'year', 'errors', 'warnings', 'infos', 'failure', 'failureMessage', 'batch'],
      ['a.docx', 'discrepancies', 'dept-overall', '甲局', '2022', '2', '1', '0', '', '', 'a.docx 是 2021 年度的表'],
      ['b.txt', 'failed', '', '', '', '0', '0', '0', 'unsupported-format', '请另存为 DOCX 或 PDF', ''],
    ]);
  });
});
