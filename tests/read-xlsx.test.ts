// The workbook reader on workbooks as Excel and WPS save them: cached formula results
// that are falsy (0, the empty string of IF(…,"",…)) and number formats in a Chinese
// locale's words ([红色], G/通用格式).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DocCell } from '../src/model/document.js';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { readDocument } from '../src/read/index.js';
import { openZip } from '../src/read/zip.js';
import { loadTemplates, recognizeForms } from '../src/recognize/index.js';
import { locationText } from '../src/report/places.js';
import { buildZip } from './helpers/zip-writer.js';

async function sheetCells(fill: (ws: ExcelJS.Worksheet) => void): Promise<DocCell[][]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  fill(ws);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const doc = await readDocument(bytes, { maxBytes: 10 * 1024 * 1024 });
  return doc.tables[0].rows;
}

describe('XLSX: formulas as Excel saves them', () => {
  it('a cached 0 is 0 and a cached empty string is a blank cell, neither a formula never calculated', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['其他资金', '全年预算数', '执行率', '合计']);
      ws.getRow(2).values = ['其他资金', { formula: 'SUM(0)', result: 0 }, { formula: 'IF(B2=0,"",C2/B2)', result: '' }, { formula: 'B2*2', result: 0 }];
      ws.getCell('B2').numFmt = '0.00';
      ws.getCell('C2').numFmt = '0.00%';
    });
    expect(rows[1].map((c) => c.text)).toEqual(['其他资金', '0.00', '', '0']);
    expect(rows[1].map((c) => c.formula ?? null)).toEqual([null, null, null, null]);
  });

  it('a formula saved without any result stays uncached', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['合计', '全年预算数']);
      ws.getRow(2).values = ['合计', { formula: 'SUM(B3:B4)' } as ExcelJS.CellFormulaValue];
    });
    expect(rows[1][1].text).toBe('');
    expect(rows[1][1].formula).toBe('uncached');
  });
});

describe('XLSX: number formats in Chinese', () => {
  it('reads [红色] and the other colour words, and G/通用格式, as Excel shows them', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['执行率', '金额', '负数', '通用']);
      ws.addRow(['执行率', 1200000, -1200000, 0.5]);
      ws.addRow([0.953818, 0.5, 3, 4]);
      ws.getCell('B2').numFmt = '#,##0.00;[红色]-#,##0.00';
      ws.getCell('C2').numFmt = '[蓝色]#,##0.00;[红色]\\-#,##0.00';
      ws.getCell('D2').numFmt = 'G/通用格式';
      ws.getCell('A3').numFmt = '0.00%;[红色]-0.00%';
      ws.getCell('B3').numFmt = '[颜色10]0.0';
    });
    expect(rows[1].map((c) => c.text)).toEqual(['执行率', '1,200,000.00', '-1,200,000.00', '0.5']);
    expect(rows[2][0].text).toBe('95.38%');
    expect(rows[2][1].text).toBe('0.5');
  });
});

/** The workbook as Excel saves a cell under a built-in format: its xf names the format id
 *  and styles.xml defines no code for it. Each cell's format here is a stand-in code
 *  '"id"N' (exceljs writes every code it does not know as a custom format) that the
 *  rewrite turns into built-in id N. */
async function withBuiltinFormats(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = openZip(Buffer.from(await wb.xlsx.writeBuffer()), 'XLSX');
  const entries = zip.names.map((name) => {
    const data = zip.read(name, 1e8)!;
    if (name !== 'xl/styles.xml') return { name, data };
    let xml = data.toString('utf8');
    const ids = new Map<string, string>();
    xml = xml.replace(/<numFmt numFmtId="(\d+)" formatCode="&quot;id&quot;(\d+)"\/>/g, (_, custom: string, builtin: string) => {
      ids.set(custom, builtin);
      return '';
    });
    xml = xml.replace(/numFmtId="(\d+)"/g, (m, id: string) => (ids.has(id) ? `numFmtId="${ids.get(id)}"` : m));
    expect(xml).not.toContain('&quot;id&quot;');
    return { name, data: xml };
  });
  return buildZip(entries);
}

describe('XLSX: built-in formats saved without a code, as Chinese Excel shows them', () => {
  it('reads a date under ids 14, 22, 27–36 and 50–58 as a date, not its serial number (probe V v09b)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    // 45230 is 2023-10-31; 45230.6 is 14:24 that day.
    const ids = [14, 22, 27, 28, 30, 31, 32, 33, 34, 35, 36, 50, 52, 55, 57, 58];
    ws.addRow(['格式', ...ids.map(String)]);
    ws.addRow(['日期', ...ids.map(() => 45230.6)]);
    ids.forEach((id, i) => (ws.getCell(2, i + 2).numFmt = `"id"${id}`));
    const doc = await readDocument(await withBuiltinFormats(wb), { maxBytes: 10 * 1024 * 1024 });
    const shown = Object.fromEntries(doc.tables[0].rows[1].slice(1).map((c, i) => [ids[i], c.text]));
    expect(shown).toEqual({
      14: '2023/10/31',
      22: '2023/10/31 14:24',
      27: '2023年10月',
      28: '10月31日',
      30: '10-31-23',
      31: '2023年10月31日',
      32: '14时24分',
      33: '14时24分00秒',
      34: '下午2时24分',
      35: '下午2时24分00秒',
      36: '2023年10月',
      50: '2023年10月',
      52: '2023年10月',
      55: '下午2时24分',
      57: '2023年10月',
      58: '10月31日',
    });
  });

  it('a 时效 indicator typed as dates (2023年10月31日, 2023年10月) reads them as typed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('旅游厕所');
    const rows: (string | number)[][] = [
      ['项目支出绩效自评表'],
      ['项目名称', '旅游厕所建设项目'],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', 150, 150, 147.36, 10, 0.9824, 9.82],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '时效指标', '项目完工时间', 45230, 45200, 90, 90, ''],
      ['总分', '', '', '', '', 100, 99.82, ''],
    ];
    for (const r of rows) ws.addRow(r);
    ws.getCell('D6').numFmt = '"id"31';
    ws.getCell('E6').numFmt = '"id"57';
    ws.getCell('G4').numFmt = '0.00%';
    const doc = await readDocument(await withBuiltinFormats(wb), { maxBytes: 10 * 1024 * 1024 });
    const [r] = recognizeForms(doc, loadTemplates([bundledTemplatesDir()]));
    expect(r.indicators[0]).toMatchObject({ name: '项目完工时间', target: '2023年10月31日', actual: '2023年10月' });
  });
});

describe('XLSX: a merged area whose top-left cell is hidden', () => {
  it('shows the top-left value, in its format, at the first visible row and column of the area', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['一级指标', '二级指标', '三级指标', '', '年度指标值', '', '分值']);
      ws.addRow(['产出指标', '数量指标', '带动产值（旧）', '', 500, '', 5]);
      ws.addRow(['', '', '新建高标准农田面积', '', 0.9856, '', 20]);
      ws.addRow(['', '时效指标', '项目按期完工率', '', 1, '', 10]);
      // 三级指标 and 年度指标值 each merged across a hidden column (C, E) and the next one.
      for (const r of [1, 2, 3, 4]) {
        ws.mergeCells(`C${r}:D${r}`);
        ws.mergeCells(`E${r}:F${r}`);
      }
      ws.getCell('E3').numFmt = '0.00%';
      ws.getCell('E4').numFmt = '0%';
      ws.getColumn(3).hidden = true;
      ws.getColumn(5).hidden = true;
      // 产出指标 and 数量指标 merged down from an old indicator row 2, hidden.
      ws.mergeCells('A2:A4');
      ws.mergeCells('B2:B3');
      ws.getRow(2).hidden = true;
    });
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '分值'],
      ['产出指标', '数量指标', '新建高标准农田面积', '98.56%', '20'],
      ['产出指标', '时效指标', '项目按期完工率', '100%', '10'],
    ]);
  });

  it('reads nothing of an area lying wholly in hidden rows or hidden columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.addRow(['三级指标', '分值', '', '', '得分']);
    ws.addRow(['亩均投资', 5, '旧稿分值', '', 5]);
    ws.addRow(['受益农户数（旧）', 10, '', '', 10]);
    ws.addRow(['', '', '', '', '']);
    ws.addRow(['受益群众满意度', 10, '', '', 10]);
    ws.mergeCells('C2:D2'); // both columns hidden
    ws.getColumn(3).hidden = true;
    ws.getColumn(4).hidden = true;
    ws.mergeCells('A3:B4'); // both rows hidden
    ws.getRow(3).hidden = true;
    ws.getRow(4).hidden = true;
    const doc = await readDocument(Buffer.from(await wb.xlsx.writeBuffer()), { maxBytes: 10 * 1024 * 1024 });
    const table = doc.tables[0];
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['三级指标', '分值', '得分'],
      ['亩均投资', '5', '5'],
      ['受益群众满意度', '10', '10'],
    ]);
    expect(table.sheetRows).toEqual([0, 1, 4]);
    expect(table.sheetCols).toEqual([0, 1, 4]);
  });
});

describe('XLSX: a form as a clerk lays it out on the sheet', () => {
  it('empty spacer columns between a label and its value (probe V 08): the value is the next filled cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('粪污资源化');
    // A margin, D and H spacer columns no row writes in; labels in B:C, values from E.
    const rows: (string | number | null)[][] = [
      [null, '2023年度项目支出绩效自评表'],
      [null, '项目名称', '', null, '畜禽粪污资源化利用项目'],
      [null, '主管部门', '', null, '某县农业农村局', '', '', null, '实施单位', '某县畜牧兽医水产中心'],
      [null, '项目资金（万元）', '', null, '年初预算数', '全年预算数', '全年执行数', null, '分值', '执行率', '得分'],
      [null, '年度资金总额', '', null, 200, 200, 186.4, null, 10, 0.932, 9.32],
      [null, '一级指标', '二级指标', null, '三级指标', '年度指标值', '实际完成值', null, '分值', '得分', '偏差原因分析及改进措施'],
      [null, '产出指标', '数量指标', null, '粪污处理设施建设', '≥15处', '15处', null, 90, 90, ''],
      [null, '总分', '', null, '', '', '', null, 100, 99.32, ''],
    ];
    for (const r of rows) ws.addRow(r);
    // 项目名称's value E2:G2 stops short of the row's end (K, L blank)
    for (const m of ['B1:L1', 'B2:C2', 'E2:G2', 'B3:C3', 'E3:G3', 'J3:L3', 'B4:C4', 'B5:C5', 'K6:L6', 'K7:L7', 'B8:G8', 'K8:L8']) ws.mergeCells(m);
    ws.getCell('J5').numFmt = '0.00%';
    const doc = await readDocument(Buffer.from(await wb.xlsx.writeBuffer()), { maxBytes: 10 * 1024 * 1024 });
    const [r] = recognizeForms(doc, loadTemplates([bundledTemplatesDir()]));
    expect(r.entity).toBe('畜禽粪污资源化利用项目');
    expect(r.header).toEqual({ department: '某县农业农村局', implementer: '某县畜牧兽医水产中心' });
    expect(r.provenance.entity).toMatchObject({ sheet: '粪污资源化', row: 1, col: 4 });
    expect(r.provenance['header.department']).toMatchObject({ sheet: '粪污资源化', row: 2, col: 4 });
  });

  it('a block it cannot read is placed by its label\'s cell, the Excel way (probe V: "表1 第8行" on a workbook)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    const rows: (string | number | null)[][] = [
      ['2023年度项目支出绩效自评表'],
      ['单位：万元'],
      ['项目名称', '旅游厕所建设项目'],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', 150, 150, 147.36, 10, 0.9824, 9.82],
      // a goals block with nothing in it: printed, not read
      ['年度总体目标', '', '', '', '', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '新建旅游厕所', '≥5座', '5座', 90, 90, ''],
      ['总分', '', '', '', '', 100, 99.82, ''],
    ];
    for (const r of rows) ws.addRow(r);
    ws.getCell('G5').numFmt = '0.00%';
    const doc = await readDocument(Buffer.from(await wb.xlsx.writeBuffer()), { maxBytes: 10 * 1024 * 1024 });
    const [r] = recognizeForms(doc, loadTemplates([bundledTemplatesDir()]));
    expect(r.blocks.goals).toBe('unreadable');
    const source = { name: 'a.xlsx', path: 'a.xlsx', sha256: 'a'.repeat(64), format: 'xlsx' as const, bytes: 1, pages: null, formIndex: 0 };
    const [finding] = checkRecord({ ...r, source }, loadRuleSet([bundledRulesDir()])).filter((f) => f.rule === 'record.block-unreadable');
    // 年度总体目标 is in A6 of the sheet (row 4 of the table: two title lines above it)
    expect(finding.message).toMatch(/^年度总体目标未能读取（自评表!A6，印有“年度总体目标”）/);
    expect(finding.locations.map((l) => locationText(l, false))).toEqual(['自评表!A6 原文“年度总体目标”']);
  });

  it('cover rows with a 填报日期 above the title, and group labels over the fund header (probe P07, P10)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    const rows: (string | number)[][] = [
      ['单位名称：', '攸县卫生健康局'],
      ['填报日期：', '2024年3月15日'],
      [],
      ['项目支出绩效自评表'],
      ['（2023年度）'],
      ['项目名称', '县级公立医院综合改革补助资金'],
      ['项目资金（万元）', '', '预算执行情况', '', '', '评分'],
      ['', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', 480, 520, 497.64, 10, 0.957, 9.57],
      ['', '其中：当年财政拨款', 480, 500, 478.64, '—', 0.957, '—'],
      ['', '上年结转资金', '—', '—', '—', '—', '—', '—'],
      ['', '其他资金', '—', 20, 19, '—', 0.95, '—'],
      ['绩效指标'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '补助公立医院数量', '2家', '2家', 90, 90, ''],
      ['总分', '', '', '', '', 100, 99.57, ''],
    ];
    for (const r of rows) ws.addRow(r);
    for (const m of ['B1:E1', 'B2:E2', 'A4:H4', 'A5:H5', 'B6:H6', 'A7:B8', 'C7:E7', 'F7:H7', 'A9:A12', 'A13:H13', 'A16:E16']) ws.mergeCells(m);
    for (const r of [9, 10, 11, 12]) {
      for (const c of ['C', 'D', 'E']) ws.getCell(`${c}${r}`).numFmt = '0.00';
      ws.getCell(`G${r}`).numFmt = '0%';
    }
    const doc = await readDocument(Buffer.from(await wb.xlsx.writeBuffer()), { maxBytes: 10 * 1024 * 1024 });
    const [r] = recognizeForms(doc, loadTemplates([bundledTemplatesDir()]));
    expect(r.year).toBe(2023);
    expect(r.blocks.fund).toBe('read');
    expect(r.funds.sources.total).toEqual({ initial: '480.00', budget: '520.00', actual: '497.64', weight: '10', rate: '96', score: '9.57' });
    expect(r.funds.sources.fiscal).toMatchObject({ initial: '480.00', budget: '500.00', actual: '478.64' });
    expect(r.funds.sources.other).toMatchObject({ initial: null, budget: '20.00', actual: '19.00' });
  });
});
