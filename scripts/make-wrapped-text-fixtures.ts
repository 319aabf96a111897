// Makes fixtures/sheet/project-wrapped-text.{xlsx,pdf} (run: `npx tsx scripts/make-wrapped-text-fixtures.ts`;
// needs LibreOffice — tests never do): a project form typed into a sheet whose indicator rows
// were never fitted to their text (exceljs stores no row height: Calc prints them one line
// high) while some of their texts wrap over two lines in their cells — an 实际完成值, a
// 偏差原因, two 三级指标 names, the 二级 label 服务对象满意度指标 — and under the last
// indicator the template's spare indicator row, left blank. Calc centres a wrapped text on
// its row and does not refit the row when it prints, so each text's last line is printed
// across the row's bottom rule, its centre just below it, over the top of the row below.
// Expected outcome (hand-written): tests/expected/sheet-project-wrapped-text-pdf.json and
// sheet-project-wrapped-text.json.
import type ExcelJS from 'exceljs';
import { printSheetFixture } from './sheet-print.js';

const NAME = 'project-wrapped-text';
const THIN = { style: 'thin' } as const;
const FONT = { name: '宋体', size: 10 };
/** Sheet column widths (characters): 一级 | 二级 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因. */
const WIDTHS = [10, 12, 20, 12, 12, 7, 7, 12, 12];

/** [一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因]. */
const INDICATORS: [string, string, string, string, string, number, number, string][] = [
  ['产出指标', '数量指标', '新建污水管网长度', '≥12公里', '12.6公里（含支管2.1公里）', 10, 10, ''],
  ['产出指标', '质量指标', '工程验收合格率', '100%', '100%', 10, 10, ''],
  ['产出指标', '时效指标', '项目完成及时率', '100%', '92%', 10, 9, '受汛期连续降雨影响两段管网推迟完工，已调整施工计划'],
  ['产出指标', '成本指标', '单位长度建设成本', '≤45万元/公里', '43.8万元/公里', 10, 10, '无'],
  ['效益指标', '社会效益指标', '受益人口', '≥30000人', '31200人', 10, 10, '无'],
  ['效益指标', '生态效益指标', '污水处理厂进水化学需氧量平均浓度', '≥200mg/L', '236mg/L', 10, 10, '无'],
  ['效益指标', '生态效益指标', '城区生活污水集中收集率', '≥70%', '73%', 10, 10, '无'],
  ['效益指标', '可持续影响指标', '管网设计使用年限', '≥30年', '30年', 10, 10, '无'],
  ['满意度指标', '服务对象满意度指标', '沿线居民及沿街商户满意度调查结果', '≥90%', '92%', 10, 10, '无'],
];

function buildSheet(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet('自评表');
  const W = WIDTHS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const put = (r: number, c: number, value: string | number, o: { span?: number; down?: number; align?: 'left' | 'center'; fmt?: string } = {}) => {
    const span = o.span ?? 1, down = o.down ?? 1;
    if (span > 1 || down > 1) ws.mergeCells(r, c, r + down - 1, c + span - 1);
    const cell = ws.getCell(r, c);
    cell.value = value;
    if (o.fmt) cell.numFmt = o.fmt;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: o.align ?? 'center' };
    for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) ws.getCell(r + i, c + j).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  };
  ws.mergeCells(1, 1, 1, W);
  const title = ws.getCell(1, 1);
  title.value = '2024年度项目支出绩效自评表';
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  put(2, 1, '项目名称');
  put(2, 2, '2024年城区污水管网建设项目', { span: 7, align: 'left' });
  put(3, 1, '主管部门');
  put(3, 2, '某县住房和城乡建设局', { span: 3, align: 'left' });
  put(3, 5, '实施单位');
  put(3, 6, '某县排水管理所', { span: 3, align: 'left' });
  put(4, 1, '项目资金（万元）', { down: 4 });
  put(4, 2, '', { span: 2 });
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(4, 4 + i, h));
  const money = '#,##0.00';
  const lines: [string, number | '', number | '', number | ''][] = [
    ['年度资金总额', 600, 640, 620.48],
    ['其中：当年财政拨款', 600, 600, 580.48],
    ['上年结转资金', '', 40, 40],
  ];
  lines.forEach(([label, initial, budget, actual], i) => {
    const r = 5 + i;
    put(r, 2, label, { span: 2, align: 'left' });
    put(r, 4, initial, { fmt: money });
    put(r, 5, budget, { fmt: money });
    put(r, 6, actual, { fmt: money });
    if (i === 0) {
      put(r, 7, 10, { fmt: '0' });
      put(r, 8, 0.9695, { fmt: '0.00%' });
      put(r, 9, 9.7, { fmt: '0.00' });
    } else for (let c = 7; c <= 9; c++) put(r, c, '－');
  });
  put(8, 1, '年度总体目标', { down: 2 });
  put(8, 2, '预期目标', { span: 3 });
  put(8, 5, '实际完成情况', { span: 5 });
  put(9, 2, '新建城区污水管网12公里，提高生活污水集中收集率。', { span: 3, align: 'left' });
  put(9, 5, '新建污水管网12.6公里，城区生活污水集中收集率达到73%。', { span: 5, align: 'left' });
  ws.getRow(9).height = 30;
  const head = 10;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].forEach((h, i) => put(head, 1 + i, h));
  put(head, 8, '偏差原因分析及改进措施', { span: 2 });
  INDICATORS.forEach(([l1, l2, name, target, actual, weight, score, reason], i) => {
    const r = head + 1 + i;
    const run = (k: 0 | 1) => {
      const n = INDICATORS.slice(i).findIndex((x) => x[k] !== INDICATORS[i][k]);
      return n === -1 ? INDICATORS.length - i : n;
    };
    if (i === 0 || INDICATORS[i - 1][0] !== l1) put(r, 1, l1, { down: run(0) });
    if (i === 0 || INDICATORS[i - 1][1] !== l2) put(r, 2, l2, { down: run(1) });
    put(r, 3, name, { align: 'left' });
    put(r, 4, target);
    put(r, 5, actual);
    put(r, 6, weight, { fmt: '0' });
    put(r, 7, score, { fmt: '0' });
    put(r, 8, reason, { span: 2, align: 'left' });
  });
  // the template's spare indicator row, left blank
  const spare = head + 1 + INDICATORS.length;
  for (let c = 1; c <= 7; c++) put(spare, c, '');
  put(spare, 8, '', { span: 2 });
  const total = spare + 1;
  put(total, 1, '总分', { span: 5 });
  put(total, 6, 100, { fmt: '0' });
  put(total, 7, 98.7, { fmt: '0.00' });
  put(total, 8, '', { span: 2 });
  // the rows above the indicators and the 总分 row given heights of their own; the indicator rows none
  ws.getRow(total).height = 16;
  for (let r = 2; r <= head; r++) if (r !== 9) ws.getRow(r).height = 18;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

await printSheetFixture(NAME, buildSheet);
