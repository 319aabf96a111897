// The outputs staff open first, over every file under fixtures/: summary.csv and
// findings.csv read back as a spreadsheet reader reads them (exceljs's CSV reader),
// one row per form and per finding, Chinese headers and values, a place on every
// finding; the multi-form fixture as four rows everywhere; and the console summary
// leading with the forms that have errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SummarySchema, type Summary } from '../src/model/report.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const FIXTURES = join(ROOT, 'fixtures');
const MULTI = ['docx/multi-dept-3-projects.docx', 'pdf/multi-dept-3-projects.pdf'];

let out: string;
let stdout: string;
let summary: Summary;

/** The sheet a spreadsheet program makes of a CSV file: rows of cell texts (BOM checked and read as Excel does). */
async function openCsv(path: string): Promise<string[][]> {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)], `${path} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const sheet = await new ExcelJS.Workbook().csv.readFile(path, { parserOptions: { ignoreEmpty: false } } as never);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  rows[0][0] = rows[0][0].replace(/^\uFEFF/, '');
  return rows;
}

const column = (rows: string[][], name: string) => {
  const i = rows[0].indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i]);
};

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'jx-fixtures-')), 'out');
  const run = spawnSync(process.execPath, [CLI, 'check', FIXTURES, '--out', out, '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
  });
  expect([0, 1], run.stderr).toContain(run.status);
  stdout = run.stdout;
  summary = SummarySchema.parse(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
}, 300_000);

describe('summary.csv over fixtures/', () => {
  it('has one row per form (a failed file one row), Chinese headers and values, machine codes last', async () => {
    const rows = await openCsv(join(out, 'summary.csv'));
    expect(rows[0].slice(0, 12)).toEqual(['文件', '表号', '表样', '单位', '年度', '状态', '错误', '警告', '提示', '失败原因', '失败说明', '批次情况']);
    expect(rows[0].slice(12)).toEqual(['status', 'form', 'failure']);
    const expected = summary.inputs.reduce((n, input) => n + Math.max(1, input.forms.length), 0);
    expect(rows.length - 1).toBe(expected);
    expect(new Set(column(rows, '状态'))).toEqual(new Set(['通过', '有差异', '读取失败']));
    expect(new Set(column(rows, '表样').filter((v) => v))).toEqual(new Set(['部门整体', '项目']));
    for (const [i, row] of rows.slice(1).entries()) {
      if (row[5] === '读取失败') expect(row[9], `row ${i + 2}: failure reason in words`).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const path of MULTI) {
      const mine = rows.filter((r) => r[0] === path);
      expect(mine.map((r) => [r[1], r[2]])).toEqual([['1', '部门整体'], ['2', '项目'], ['3', '项目'], ['4', '项目']]);
    }
  });
});

describe('summary.json and report.html over fixtures/', () => {
  it('give the multi-form file four forms: summary.json `forms` and four rows in the batch table', () => {
    const $ = cheerio.load(readFileSync(join(out, 'report.html'), 'utf8'));
    for (const path of MULTI) {
      const input = summary.inputs.find((i) => i.path === path)!;
      expect(input.forms.map((f) => [f.index, f.form])).toEqual([[0, 'dept-overall'], [1, 'project'], [2, 'project'], [3, 'project']]);
      const rows = $('#batch tbody tr[data-target]').filter((_, el) => $(el).find('td.file a').text() === path);
      expect(rows.length).toBe(4);
      expect(rows.map((_, el) => $(el).attr('data-form')).get()).toEqual(['0', '1', '2', '3']);
    }
    expect($('#batch tbody tr[data-target]').length).toBe(summary.inputs.reduce((n, i) => n + Math.max(1, i.forms.length), 0));
    expect(summary.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });
});

describe('findings.csv over fixtures/', () => {
  it('has one row per finding, Chinese headers and severities, fields as printed, a place on every finding', async () => {
    const rows = await openCsv(join(out, 'findings.csv'));
    expect(rows[0]).toEqual(['文件', '表号', '表样', '单位', '严重程度', '问题说明', '涉及项目', '填报值', '应为', '差额', '位置', 'severity', 'rule', 'fields']);
    const findings = summary.inputs.reduce((n, i) => n + i.errors + i.warnings + i.infos, 0);
    expect(rows.length - 1).toBe(findings);
    expect(new Set(column(rows, '严重程度'))).toEqual(new Set(['错误', '警告', '提示']));
    const places = column(rows, '位置');
    const unplaced = rows.slice(1).filter((_, i) => places[i].trim() === '').map((r) => `${r[0]} ${r[12]} ${r[13]}`);
    expect(unplaced, 'findings without a place').toEqual([]);
    // places count from 1: no 表0, 第0行, 第0列 or 第0段
    expect(places.filter((p) => /表0|第0[行列段]/.test(p))).toEqual([]);
    // the fields as printed; the paths stay in the last column for other tools
    expect(column(rows, '涉及项目').filter((f) => /funds\.|indicators\[|narrative\./.test(f))).toEqual([]);
    expect(column(rows, 'fields').every((f) => f.length > 0)).toBe(true);
    // each finding names its form; the multi-form file's findings name forms 1–4
    const nth = rows.slice(1).filter((r) => MULTI.includes(r[0])).map((r) => r[1]);
    expect(nth.every((n) => ['1', '2', '3', '4'].includes(n))).toBe(true);
  });
});

describe('console summary over fixtures/', () => {
  it('lists every form with errors, most errors first, before any failed file; cut lists say how many they left out', () => {
    const lines = stdout.split('\n');
    const errorsAt = lines.findIndex((l) => l.startsWith('有错误的表'));
    const failedAt = lines.findIndex((l) => l.startsWith('读取失败的文件'));
    expect(errorsAt).toBeGreaterThanOrEqual(0);
    expect(failedAt).toBeGreaterThan(errorsAt);
    const withErrors = summary.inputs.flatMap((i) => i.forms.filter((f) => f.errors > 0));
    expect(lines[errorsAt]).toContain(`${withErrors.length} 张`);
    const warningsAt = lines.findIndex((l) => l.startsWith('只有警告的表'));
    const section = lines.slice(errorsAt + 1, warningsAt > errorsAt ? warningsAt : failedAt);
    const listed = section.filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  ……'));
    const cut = section.find((l) => /^ {2}……另有 \d+ 张表有错误/.test(l));
    expect(listed.length + Number(cut?.match(/另有 (\d+)/)?.[1] ?? 0)).toBe(withErrors.length);
    const counts = listed.filter((l) => l.includes('错误 ')).map((l) => Number(l.match(/错误 (\d+) 条/)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(stdout).toMatch(/提示 \d+ 条/);
    expect(stdout).toContain('summary.csv');
  });
});
