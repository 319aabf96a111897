// Makes fixtures/sheet/dept-unfitted-rows.{xlsx,pdf} (run: `npx tsx scripts/make-unfitted-rows-fixtures.ts`;
// needs LibreOffice — tests never do): a department form typed straight into a sheet whose
// rows were never fitted to their text (a sheet written by a program — here exceljs — stores
// no row heights, and LibreOffice does not refit them when it prints). Cells wrap their text
// all the same: a wrapped text taller than its row is printed centred on it, running over
// into the rows above and below. The level-1 label 满意度指标（10分）, in a one-row cell, wraps
// after 10分 and prints its "）" in the 总分 row below, inside the 总分 label's cell: the
// PDF's 总分 label reads "）\n总分". Expected outcomes (hand-written):
// tests/expected/sheet-dept-unfitted-rows.json (the sheet) and -pdf.json (its print).
import type ExcelJS from 'exceljs';
import { printSheetFixture } from './sheet-print.js';

const NAME = 'dept-unfitted-rows';
const THIN = { style: 'thin' } as const;
/** Sheet column widths (characters): 一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因. */
const WIDTHS = [14, 18, 24, 14, 14, 12, 10, 30];

/** [一级 (with its weight), 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因]: weights 9 × 10 = 90;
 *  压减比例 4.5% against ≥5% scored 9 = 10 × 4.5 / 5, with its reason. */
const INDICATORS: [string, string, string, string, string, number, number, string][] = [
  ['产出指标（50分）', '数量指标', '完成民生实事项目数', '≥6项', '6项', 10, 10, ''],
  ['产出指标（50分）', '数量指标', '开展价格监测次数', '≥24次', '26次', 10, 10, ''],
  ['产出指标（50分）', '质量指标', '项目验收合格率', '100%', '100%', 10, 10, ''],
  ['产出指标（50分）', '时效指标', '预算执行进度', '≥95%', '97.50%', 10, 10, ''],
  ['产出指标（50分）', '成本指标', '一般性支出压减比例', '≥5%', '4.5%', 10, 9, '部分刚性支出无法压减'],
  ['效益指标（30分）', '社会效益指标', '群众办事便利度', '明显提升', '明显提升', 10, 10, ''],
  ['效益指标（30分）', '生态效益指标', '节约型机关创建', '达标', '达标', 10, 10, ''],
  ['效益指标（30分）', '可持续影响指标', '数字化改革应用场景', '≥2个', '3个', 10, 10, ''],
  ['满意度指标（10分）', '服务对象满意度指标', '服务对象满意度', '≥90%', '95.1%', 10, 10, ''],
];

function buildSheet(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet('部门整体自评表');
  const W = WIDTHS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // every cell wrapped and bordered; no row given a height
  const put = (r: number, c: number, value: string | number, o: { span?: number; down?: number; fmt?: string } = {}) => {
    const span = o.span ?? 1, down = o.down ?? 1;
    if (span > 1 || down > 1) ws.mergeCells(r, c, r + down - 1, c + span - 1);
    const cell = ws.getCell(r, c);
    cell.value = value;
    if (o.fmt) cell.numFmt = o.fmt;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) ws.getCell(r + i, c + j).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  };
  ws.mergeCells(1, 1, 1, W);
  const title = ws.getCell(1, 1);
  title.value = '2025年度部门整体支出绩效自评表';
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  put(2, 1, '部门名称', { span: 2 });
  put(2, 3, '嘉兴市秀洲区发展和改革局', { span: 6 });
  put(3, 1, '年度资金（万元）', { span: 2 });
  ['年初预算数', '调整后预算数', '执行数', '执行率', '分值', '得分'].forEach((h, i) => put(3, 3 + i, h));
  const money = '0.00';
  const lines: [string, number, number, number, string][] = [
    ['合计', 4200, 4580.6, 4466.09, '97.50%'],
    ['本级财政资金', 3900, 4100.6, 4010.35, '97.80%'],
    ['上级补助资金', 200, 360, 342.54, '95.15%'],
    ['其他资金', 100, 120, 113.2, '94.33%'],
    ['基本支出', 2900, 2985.4, 2970.16, '99.49%'],
    ['项目支出', 1300, 1595.2, 1495.93, '93.78%'],
  ];
  put(4, 1, '资金来源', { down: 4 });
  put(8, 1, '资金用途', { down: 2 });
  lines.forEach(([label, initial, budget, actual, rate], i) => {
    const r = 4 + i;
    put(r, 2, label);
    put(r, 3, initial, { fmt: money });
    put(r, 4, budget, { fmt: money });
    put(r, 5, actual, { fmt: money });
    put(r, 6, rate);
    if (i === 0) {
      put(r, 7, 10, { fmt: '0' });
      put(r, 8, 9.75, { fmt: '0.00' });
    } else {
      put(r, 7, '');
      put(r, 8, '');
    }
  });
  put(10, 1, '年度总体目标', { down: 2 });
  put(10, 2, '年初设定目标', { span: 3 });
  put(10, 5, '全年完成情况', { span: 4 });
  put(11, 2, '推进6项民生实事项目，深化数字化改革，压减一般性支出5%。', { span: 3 });
  put(11, 5, '完成民生实事项目6项，上线数字化应用场景3个，一般性支出压减4.5%。', { span: 4 });
  const head = 12;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => put(head, 1 + i, h));
  INDICATORS.forEach(([l1, l2, name, target, actual, weight, score, reason], i) => {
    const r = head + 1 + i;
    // 一级/二级 labels merged down over their indicators (a group of one: a one-row cell)
    const run = (k: 0 | 1) => {
      const n = INDICATORS.slice(i).findIndex((x) => x[k] !== INDICATORS[i][k]);
      return n === -1 ? INDICATORS.length - i : n;
    };
    if (i === 0 || INDICATORS[i - 1][0] !== l1) put(r, 1, l1, { down: run(0) });
    if (i === 0 || INDICATORS[i - 1][1] !== l2) put(r, 2, l2, { down: run(1) });
    put(r, 3, name);
    put(r, 4, target);
    put(r, 5, actual);
    put(r, 6, weight, { fmt: '0' });
    put(r, 7, score, { fmt: '0' });
    put(r, 8, reason);
  });
  const total = head + 1 + INDICATORS.length;
  put(total, 1, '总分', { span: 5 });
  put(total, 6, 100, { fmt: '0' });
  put(total, 7, 98.75, { fmt: '0.00' });
  put(total, 8, '');
  ws.mergeCells(total + 1, 1, total + 1, W);
  ws.getCell(total + 1, 1).value = '单位负责人：沈建国　　填表人：陆佳　　联系电话：0573-82712345　　填报日期：2026年3月20日';
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

await printSheetFixture(NAME, buildSheet);
