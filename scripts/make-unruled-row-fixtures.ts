// Makes fixtures/sheet/project-unruled-rows.{xlsx,pdf} (run: `npx tsx scripts/make-unruled-row-fixtures.ts`;
// needs LibreOffice — tests never do): a project form kept in a sheet, every cell bordered
// except the rows a clerk added later and never drew borders for — the 年度总体目标 text
// row (between the bordered 预期目标 | 实际完成情况 row and the indicator header), the last
// indicator (满意度指标, appended under the bordered indicators) and the 总分 row under it.
// Printed by LibreOffice Calc, one page wide: those rows show only by their text standing
// in the table's columns (probe R, R24). Around the table, unbordered as well, what is not
// the table's: the title; a 填报单位（盖章）… | 单位：万元 line above; directly under the 总分
// row a sign-off line in cells of their own (填报人 | 联系电话 | the number alone | 填报日期);
// after a blank row the narrative, one merged cell across the columns. Expected outcome
// (hand-written): tests/expected/sheet-project-unruled-rows-pdf.json and sheet-project-unruled-rows.json.
import type ExcelJS from 'exceljs';
import { printSheetFixture } from './sheet-print.js';

const NAME = 'project-unruled-rows';
const THIN = { style: 'thin' } as const;
const FONT = { name: '宋体', size: 10 };
/** Sheet column widths (characters): 绩效指标 | 一级 | 二级 | 三级指标 (two columns) | 指标值 | 完成值 | 分值 | 得分 | 偏差原因. */
const WIDTHS = [8, 10, 12, 12, 14, 12, 12, 8, 8, 20];

/** [一级, 二级, 三级, 指标值, 完成值, 分值, 得分]: weights 9 × 10 = 90, scores = weights. The last one is the appended, unbordered row. */
const INDICATORS: [string, string, string, string, string, number, number][] = [
  ['产出指标', '数量指标', '除险加固水库座数', '≥3座', '3座', 10, 10],
  ['产出指标', '数量指标', '完成坝体防渗处理长度', '≥450米', '468米', 10, 10],
  ['产出指标', '质量指标', '工程验收合格率', '100%', '100%', 10, 10],
  ['产出指标', '时效指标', '工程按期完工率', '≥95%', '100%', 10, 10],
  ['产出指标', '成本指标', '工程成本控制在预算内', '≤预算数', '控制在预算内', 10, 10],
  ['效益指标', '社会效益指标', '受益人口', '≥12000人', '12600人', 10, 10],
  ['效益指标', '生态效益指标', '水库下游防洪能力', '明显提升', '明显提升', 10, 10],
  ['效益指标', '可持续影响指标', '工程设计使用年限', '≥30年', '30年', 10, 10],
  ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', 10, 10],
];
/** The 总分 row's 得分 as printed: 9.69 + 90 = 99.69, typed 98.69 (the planted slip, check 12). */
const TOTAL_SCORE = 98.69;
const NARRATIVE =
  '一、项目基本情况：本项目对全县3座小型水库实施除险加固，全年预算260.00万元，其中当年财政拨款245.00万元、上年结转资金15.00万元，全年执行251.88万元，执行率96.88%。二、绩效目标完成情况：各项工程按期完工并通过验收，水库下游防洪能力明显提升，群众满意度93%。';

function buildSheet(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet('自评表');
  const W = WIDTHS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const put = (r: number, c: number, value: string | number, o: { span?: number; down?: number; align?: 'left' | 'right'; fmt?: string; border?: boolean } = {}) => {
    const span = o.span ?? 1, down = o.down ?? 1;
    if (span > 1 || down > 1) ws.mergeCells(r, c, r + down - 1, c + span - 1);
    const cell = ws.getCell(r, c);
    cell.value = value;
    if (o.fmt) cell.numFmt = o.fmt;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: o.align ?? 'center' };
    if (o.border !== false) for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) ws.getCell(r + i, c + j).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  };
  const bare = { border: false } as const;
  // row 1: the title; row 2: 填报单位 at the left, the unit at the right — no borders
  ws.mergeCells(1, 1, 1, W);
  const title = ws.getCell(1, 1);
  title.value = '2023年度项目支出绩效自评表';
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  put(2, 1, '填报单位（盖章）：某县水利局', { ...bare, span: 5, align: 'left' });
  put(2, 8, '单位：万元', { ...bare, span: 3, align: 'right' });
  // the form
  put(3, 1, '项目名称');
  put(3, 2, '2023年小型水库除险加固项目', { span: 9, align: 'left' });
  put(4, 1, '主管部门');
  put(4, 2, '某县水利局', { span: 4, align: 'left' });
  put(4, 6, '实施单位');
  put(4, 7, '某县水利工程建设管理站', { span: 4, align: 'left' });
  put(5, 1, '项目资金（万元）', { down: 5 });
  put(5, 2, '', { span: 3 });
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(5, 5 + i, h));
  const money = '#,##0.00';
  const lines: [string, number | '', number | '', number | ''][] = [
    ['年度资金总额', 240, 260, 251.88],
    ['其中：当年财政拨款', 240, 245, 236.88],
    ['上年结转资金', '', 15, 15],
    ['其他资金', '', '', ''],
  ];
  lines.forEach(([label, initial, budget, actual], i) => {
    const r = 6 + i;
    put(r, 2, label, { span: 3, align: 'left' });
    put(r, 5, initial, { fmt: money });
    put(r, 6, budget, { fmt: money });
    put(r, 7, actual, { fmt: money });
    if (i === 0) {
      put(r, 8, 10, { fmt: '0' });
      put(r, 9, 0.9688, { fmt: '0.00%' });
      put(r, 10, 9.69, { fmt: '0.00' });
    } else for (let c = 8; c <= 10; c++) put(r, c, '－');
  });
  // 年度总体目标: the label and the heading row bordered, the text row added later without borders
  put(10, 1, '年度总体目标', { down: 2 });
  put(10, 2, '预期目标', { span: 4 });
  put(10, 6, '实际完成情况', { span: 5 });
  put(11, 2, '完成3座小型水库除险加固任务，消除水库安全隐患，提升下游防洪能力，受益群众满意度达到90%以上。', { ...bare, span: 4, align: 'left' });
  put(11, 6, '3座水库除险加固工程全部按期完工并通过验收，水库安全隐患消除，下游防洪能力明显提升，受益群众满意度93%。', { ...bare, span: 5, align: 'left' });
  ws.getRow(11).height = 42;
  const head = 12;
  const ruled = INDICATORS.length - 1; // the last indicator is the clerk's appended row
  put(head, 1, '绩效指标', { down: ruled + 1 });
  ['一级指标', '二级指标'].forEach((h, i) => put(head, 2 + i, h));
  put(head, 4, '三级指标', { span: 2 });
  ['年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => put(head, 6 + i, h));
  INDICATORS.forEach(([l1, l2, name, target, actual, weight, score], i) => {
    const r = head + 1 + i;
    const border = i < ruled;
    // 一级/二级 labels merged down over their bordered indicators
    const run = (k: 0 | 1) => {
      const n = INDICATORS.slice(i, ruled).findIndex((x) => x[k] !== INDICATORS[i][k]);
      return border ? (n === -1 ? ruled - i : n) : 1;
    };
    if (i === 0 || INDICATORS[i - 1][0] !== l1 || !border) put(r, 2, l1, { down: run(0), border });
    if (i === 0 || INDICATORS[i - 1][1] !== l2 || !border) put(r, 3, l2, { down: run(1), border });
    put(r, 4, name, { span: 2, align: 'left', border });
    put(r, 6, target, { border });
    put(r, 7, actual, { border });
    put(r, 8, weight, { fmt: '0', border });
    put(r, 9, score, { fmt: '0', border });
    put(r, 10, '无', { border });
    // (a 二级 label of more than five characters wraps in its column: two lines)
    ws.getRow(r).height = l2.length > 5 ? 28 : 18;
  });
  for (let r = 3; r <= 10; r++) ws.getRow(r).height = 18;
  ws.getRow(head).height = 18;
  // 总分, added later without borders
  const total = head + 1 + INDICATORS.length;
  ws.getRow(total).height = 18;
  put(total, 1, '总分', { ...bare, span: 7 });
  put(total, 8, 100, { ...bare, fmt: '0' });
  put(total, 9, TOTAL_SCORE, { ...bare, fmt: '0.00' });
  // the sign-off line right under it, each part in a cell of its own (no borders)
  const sign = total + 1;
  ws.getRow(sign).height = 18;
  put(sign, 1, '填报人：王立新', { ...bare, span: 3, align: 'left' });
  put(sign, 4, '联系电话：', { ...bare, align: 'right' });
  put(sign, 5, '13907970001', { ...bare, align: 'left' });
  put(sign, 7, '填报日期：2024年3月1日', { ...bare, span: 4, align: 'left' });
  // a blank row, then the narrative across the columns
  const narrative = sign + 2;
  put(narrative, 1, NARRATIVE, { ...bare, span: W, align: 'left' });
  ws.getRow(narrative).height = 58;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:J${narrative}`,
  };
}

await printSheetFixture(NAME, buildSheet, 'WPS');
