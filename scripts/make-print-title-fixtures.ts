// Makes fixtures/sheet/project-print-titles.{xlsx,pdf} (run: `npx tsx scripts/make-print-title-fixtures.ts`;
// needs LibreOffice — tests never do): a project form typed straight into a sheet and printed
// the way Excel/WPS users print a long form — landscape, fitted to the page width, with
// 打印标题 (print titles) rows 1:2, so the title "2023年度项目支出绩效自评表" and the
// "单位：万元" line are printed again atop page 2. The indicator names are long (a
// clause in brackets after each), so the 13 indicators run onto page 2; page 2 shows only
// the indicator columns (no fund block there), so its table has fewer column rules than
// page 1's. Expected outcome (hand-written): tests/expected/sheet-project-print-titles.json.
import type ExcelJS from 'exceljs';
import { printSheetFixture } from './sheet-print.js';

const NAME = 'project-print-titles';
const THIN = { style: 'thin' } as const;
const FONT = { name: '宋体', size: 10 };
/** Sheet column widths (characters): 绩效指标 | 一级 | 二级 | 三级指标 (two columns) | 指标值 | 完成值 | 分值 | 得分 | 偏差原因. */
const WIDTHS = [8, 10, 12, 16, 18, 12, 12, 8, 8, 20];
const CLAUSE = '（按照项目实施方案及年度工作计划要求，由实施单位组织开展并形成台账资料，年底前完成全部验收工作）';

/** [一级, 二级, 三级 (the clause follows), 指标值, 完成值, 分值, 得分]: weights 7 × 12 + 6 = 90;
 *  受益群众人数 scored 8 against its weight 7 (the planted slip). */
const INDICATORS: [string, string, string, string, string, number, number][] = [
  ['产出指标', '数量指标', '养护农村公路里程', '≥120公里', '126公里', 7, 7],
  ['产出指标', '数量指标', '修补路面坑槽面积', '≥3000平方米', '3180平方米', 7, 7],
  ['产出指标', '数量指标', '清理边沟长度', '≥40公里', '42公里', 7, 7],
  ['产出指标', '质量指标', '养护路段优良路率', '≥80%', '85%', 7, 7],
  ['产出指标', '质量指标', '资金使用合规率', '100%', '100%', 7, 7],
  ['产出指标', '时效指标', '养护任务按期完成率', '≥95%', '100%', 7, 7],
  ['产出指标', '成本指标', '养护成本控制在预算内', '≤预算数', '控制在预算内', 7, 7],
  ['效益指标', '经济效益指标', '降低群众出行成本', '有所降低', '有所降低', 7, 7],
  ['效益指标', '社会效益指标', '受益群众人数', '≥5000人', '5420人', 7, 8],
  ['效益指标', '社会效益指标', '群众出行条件改善', '明显改善', '明显改善', 7, 7],
  ['效益指标', '生态效益指标', '沿线环境改善', '有效改善', '有效改善', 7, 7],
  ['效益指标', '可持续影响指标', '路面使用寿命延长', '≥3年', '3年', 7, 7],
  ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '94%', 6, 6],
];

function buildSheet(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet('自评表');
  const W = WIDTHS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const put = (r: number, c: number, value: string | number, o: { span?: number; down?: number; left?: boolean; fmt?: string; border?: boolean } = {}) => {
    const span = o.span ?? 1, down = o.down ?? 1;
    if (span > 1 || down > 1) ws.mergeCells(r, c, r + down - 1, c + span - 1);
    const cell = ws.getCell(r, c);
    cell.value = value;
    if (o.fmt) cell.numFmt = o.fmt;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: o.left ? 'left' : 'center' };
    if (o.border !== false) for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) ws.getCell(r + i, c + j).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  };
  // rows 1–2: the title and the unit line, no borders (the print titles)
  ws.mergeCells(1, 1, 1, W);
  const title = ws.getCell(1, 1);
  title.value = '2023年度项目支出绩效自评表';
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, W);
  const unit = ws.getCell(2, 1);
  unit.value = '单位：万元';
  unit.font = FONT;
  unit.alignment = { horizontal: 'right' };
  // the form
  put(3, 1, '项目名称');
  put(3, 2, '2023年农村公路日常养护项目', { span: 9, left: true });
  put(4, 1, '主管部门');
  put(4, 2, '某县交通运输局', { span: 4, left: true });
  put(4, 6, '实施单位');
  put(4, 7, '某县公路养护中心', { span: 4, left: true });
  put(5, 1, '项目资金（万元）', { down: 5 });
  put(5, 2, '', { span: 3 });
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(5, 5 + i, h));
  const money = '#,##0.00';
  const lines: [string, number | '', number | '', number | ''][] = [
    ['年度资金总额', 200, 236.5, 231.42],
    ['其中：当年财政拨款', 200, 216.5, 211.42],
    ['上年结转资金', '', 20, 20],
    ['其他资金', '', '', ''],
  ];
  lines.forEach(([label, initial, budget, actual], i) => {
    const r = 6 + i;
    put(r, 2, label, { span: 3, left: true });
    put(r, 5, initial, { fmt: money });
    put(r, 6, budget, { fmt: money });
    put(r, 7, actual, { fmt: money });
    if (i === 0) {
      put(r, 8, 10, { fmt: '0' });
      put(r, 9, 0.9785, { fmt: '0.00%' });
      put(r, 10, 9.79, { fmt: '0.00' });
    } else for (let c = 8; c <= 10; c++) put(r, c, '－');
  });
  put(10, 1, '年度总体目标', { down: 2 });
  put(10, 2, '预期目标', { span: 4 });
  put(10, 6, '实际完成情况', { span: 5 });
  put(11, 2, '完成全县农村公路日常养护任务，保持路面完好，保障群众安全便捷出行，群众满意度达到90%以上。', { span: 4, left: true });
  put(11, 6, '全年养护任务按期完成，路况明显改善，资金按规定支付，群众满意度94%。', { span: 5, left: true });
  ws.getRow(11).height = 45;
  const head = 12;
  put(head, 1, '绩效指标', { down: INDICATORS.length + 1 });
  ['一级指标', '二级指标'].forEach((h, i) => put(head, 2 + i, h));
  put(head, 4, '三级指标', { span: 2 });
  ['年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => put(head, 6 + i, h));
  INDICATORS.forEach(([l1, l2, name, target, actual, weight, score], i) => {
    const r = head + 1 + i;
    // 一级/二级 labels merged down over their indicators
    const run = (k: 0 | 1) => {
      const n = INDICATORS.slice(i).findIndex((x) => x[k] !== INDICATORS[i][k]);
      return n === -1 ? INDICATORS.length - i : n;
    };
    if (i === 0 || INDICATORS[i - 1][0] !== l1) put(r, 2, l1, { down: run(0) });
    if (i === 0 || INDICATORS[i - 1][1] !== l2) put(r, 3, l2, { down: run(1) });
    put(r, 4, name + CLAUSE, { span: 2, left: true });
    put(r, 6, target);
    put(r, 7, actual);
    put(r, 8, weight, { fmt: '0' });
    put(r, 9, score, { fmt: '0' });
    put(r, 10, '无');
    ws.getRow(r).height = 45;
  });
  const total = head + 1 + INDICATORS.length;
  put(total, 1, '总分', { span: 7 });
  put(total, 8, 100, { fmt: '0' });
  put(total, 9, 100.79, { fmt: '0.00' });
  put(total, 10, '');
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:J${total}`,
    printTitlesRow: '1:2',
  };
}

await printSheetFixture(NAME, buildSheet, 'WPS');
