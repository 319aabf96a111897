// Tables drawn without vertical rules (pdf-textgrid.ts), on hand-made pages laid out as
// LibreOffice prints a DOCX form with rules across only (probe Q16): read where a rule
// parts every two rows; not where rows go unruled (borders set to none, probe Q07; a
// 三线表, Q08). 10.5 pt text, 5.5 pt cell padding, 15.2 pt lines.
import { describe, expect, it } from 'vitest';
import type { DocTable } from '../src/model/document.js';
import { layoutPages, type PageContent } from '../src/read/pdf-layout.js';
import type { HRule } from '../src/read/pdf-rules.js';
import { isCjk, type TextRun } from '../src/read/pdf-text.js';

const SIZE = 10.5;
/** A run as pdfjs gives it: CJK glyphs one em wide, digits and signs about 0.56 em. */
const run = (str: string, x: number, baseline: number, page = 1): TextRun => {
  const width = [...str].reduce((w, ch) => w + (isCjk(ch) ? SIZE : 0.556 * SIZE), 0);
  return { str, x, right: x + width, baseline, size: SIZE, page };
};
/** Column text starts (cell left edge + padding) of the probe's 10-column form. */
const X = [77.5, 122.5, 167.5, 217.5, 267.5, 320, 372.5, 425, 470, 527.5];
/** One printed line: [column, text] pairs on one baseline (figures sit 2.5 pt higher, as printed). */
const line = (baseline: number, cells: [number, string][]): TextRun[] =>
  cells.map(([c, s]) => run(s, X[c], /^[-0-9.,%≥≤—]+$/.test(s) ? baseline - 2.5 : baseline));

/** The form's top: 项目名称, the fund block (a two-line header, four lines) and the goals. */
function formRuns(): TextRun[] {
  return [
    run('项目支出绩效自评表', 225.8, 90.6),
    run('单位：万元', 72.1, 122.6),
    ...line(137.8, [[0, '项目名'], [1, '农村公路日常养护项目']]),
    ...line(153.0, [[0, '称']]),
    ...line(168.2, [[0, '项目资金'], [4, '年初预'], [5, '全年预'], [6, '全年执'], [7, '分值'], [8, '执行率'], [9, '得分']]),
    ...line(183.4, [[0, '（万元）'], [4, '算数'], [5, '算数'], [6, '行数']]),
    ...line(198.6, [[2, '年度资金总额'], [4, '300.00'], [5, '326.80'], [6, '326.80'], [7, '10'], [8, '100.00%'], [9, '10.00']]),
    ...line(213.8, [[2, '其中：当年财政拨'], [4, '300.00'], [5, '300.00'], [6, '300.00'], [7, '—'], [8, '—'], [9, '—']]),
    ...line(229.0, [[2, '款']]),
    run('上年结转资金', 187.6, 244.2), ...line(244.2, [[4, '0.00'], [5, '26.80'], [6, '26.80'], [7, '—'], [8, '—'], [9, '—']]),
    run('其他资金', 187.6, 259.4), ...line(259.4, [[4, '—'], [5, '—'], [6, '—'], [7, '—'], [8, '—'], [9, '—']]),
    ...line(274.6, [[0, '绩效指'], [1, '一级指'], [2, '二级指'], [3, '三级指'], [4, '年度指'], [5, '实际完'], [6, '分值'], [7, '得分']]),
    ...line(289.8, [[0, '标'], [1, '标'], [2, '标'], [3, '标'], [4, '标值'], [5, '成值']]),
    ...line(305.0, [[1, '产出指'], [2, '数量指'], [3, '农村公'], [4, '≥215'], [5, '215'], [6, '20'], [7, '20']]),
    ...line(320.2, [[1, '标'], [2, '标'], [3, '路养护']]),
    ...line(335.4, [[3, '里程']]),
    ...line(350.6, [[2, '质量指'], [3, '养护工'], [4, '100%'], [5, '100%'], [6, '10'], [7, '10']]),
    ...line(365.8, [[2, '标'], [3, '程按期']]),
    ...line(381.0, [[3, '完工率']]),
    ...line(396.2, [[2, '成本指'], [3, '每公里'], [4, '≤1.2'], [5, '1.15'], [6, '10'], [7, '10']]),
    ...line(411.4, [[2, '标'], [3, '养护成']]),
    ...line(426.6, [[3, '本']]),
    ...line(441.8, [[0, '总分'], [6, '100'], [7, '100.0']]),
    ...line(457.0, [[7, '0']]),
  ];
}

/** Rules across between the form's rows, as LibreOffice prints a DOCX whose borders are top,
 *  bottom and insideH only: none through a cell merged down (项目资金, 绩效指标, 产出指标). */
const CELL_LEFT = X.map((x) => x - 5.5);
function formRules(): HRule[] {
  const rule = (y: number, col = 0): HRule => ({ y, x0: CELL_LEFT[col], x1: 592 });
  return [
    rule(125.8), rule(156.2), // 项目名称, 项目资金 header
    rule(186.6, 1), rule(201.8, 1), rule(232.2, 1), rule(247.4, 1), // fund lines, beside 项目资金
    rule(262.6), // 绩效指标 header
    rule(293.0, 1), rule(338.6, 2), rule(384.2, 2), // indicators, beside 绩效指标 and 产出指标
    rule(429.8), rule(463.0), // 总分, the bottom
  ];
}

const page = (runs: TextRun[], h: HRule[] = []): PageContent => ({ page: 1, width: 595.3, height: 841.9, runs, rules: { h, v: [] } });
const texts = (t: DocTable) => t.rows.map((r) => r.map((c) => c.text.replace(/\s+/g, '')));
const rowOf = (t: DocTable, first: string) => texts(t).find((r) => r.includes(first))!;

describe('a form printed without rules between its rows', () => {
  it('is not read as a table where no rule is drawn: a cell merged down and a row of its own look alike', () => {
    const { blocks, tables } = layoutPages([page(formRuns())]);
    expect(tables).toHaveLength(0);
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('is not read as a 三线表 either (rules over and under the header and at the bottom only)', () => {
    const rules: HRule[] = [125.8, 156.2, 463.0].map((y) => ({ y, x0: 72, x1: 592 }));
    expect(layoutPages([page(formRuns(), rules)]).tables).toHaveLength(0);
  });

  it('is not read where one rule between two rows is missing', () => {
    const rules = formRules().filter((r) => r.y !== 201.8); // 年度资金总额 | 其中：当年财政拨款
    expect(layoutPages([page(formRuns(), rules)]).tables).toHaveLength(0);
  });
});

describe('a form with a rule between every row (no sides)', () => {
  const { blocks, tables } = layoutPages([page(formRuns(), formRules())]);

  it('is read as one table under the title and unit lines, in ten columns', () => {
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual(['项目支出绩效自评表', '单位：万元', 'table']);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.every((r) => r.length === 10)).toBe(true);
  });

  it('keeps a label wrapped over lines in one cell, and a label typed on two lines (项目资金/（万元）) in its row', () => {
    const t = texts(tables[0]);
    expect(t[0].slice(0, 2)).toEqual(['项目名称', '农村公路日常养护项目']);
    expect(t[1]).toEqual(['项目资金（万元）', '项目资金（万元）', '', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(rowOf(tables[0], '农村公路养护里程').slice(1, 8)).toEqual(['产出指标', '数量指标', '农村公路养护里程', '≥215', '215', '20', '20']);
    expect(rowOf(tables[0], '养护工程按期完工率').slice(2, 8)).toEqual(['质量指标', '养护工程按期完工率', '100%', '100%', '10', '10']);
  });

  it('keeps each row its own figures, and a number the cell wrapped (100.0 over 0) stays one', () => {
    expect(rowOf(tables[0], '年度资金总额').slice(4, 7)).toEqual(['300.00', '326.80', '326.80']);
    expect(rowOf(tables[0], '其中：当年财政拨款').slice(4, 7)).toEqual(['300.00', '300.00', '300.00']);
    expect(rowOf(tables[0], '上年结转资金').slice(4, 7)).toEqual(['0.00', '26.80', '26.80']);
    expect(rowOf(tables[0], '其他资金').slice(4, 7)).toEqual(['—', '—', '—']);
    expect(rowOf(tables[0], '总分').slice(6, 8)).toEqual(['100', '100.00']);
  });

  it('makes no column of an indented label (上年结转资金 inside the label column)', () => {
    const labelCell = tables[0].rows.find((r) => r.some((c) => c.text.includes('上年结转资金')))!;
    expect(labelCell.filter((c) => c.text.includes('上年结转资金'))).toHaveLength(2); // one cell over two grid columns, as the labels above it
  });

  it('goes on down a column no rule crosses (产出指标 beside its indicators), as the DOCX merges it', () => {
    const output = tables[0].rows.filter((r) => r[1].text === '产出指标');
    expect(output).toHaveLength(3);
    expect(output[0][1].rowSpan).toBe(3);
  });

  it('is not read where a second label stands apart from its value (其中：基本支出 … 1,988.46): its cell may reach the value or not', () => {
    const runs = [...formRuns().filter((r) => r.baseline < 255), ...line(259.4, [[2, '其他资金'], [4, '—'], [6, '基本支出'], [9, '10.00']])];
    const rules = formRules().filter((r) => r.y < 262.6).concat({ y: 268, x0: 72, x1: 592 });
    expect(layoutPages([page(runs, rules)]).tables).toHaveLength(0);
  });
});

describe('a row-ruled form going on over a page', () => {
  const first = formRuns().filter((r) => r.baseline < 440); // up to 成本指标 (总分 moves over)
  const firstRules = formRules().filter((r) => r.y < 430).concat({ y: 431, x0: 72, x1: 592 });
  const second = (ruled: boolean) => ({
    ...page([
      ...line(82.3, [[2, '社会效'], [3, '养护路'], [4, '≤2起'], [5, '1起'], [6, '10'], [7, '10']]),
      ...line(97.5, [[2, '益指标'], [3, '段事故']]),
      ...line(112.7, [[0, '总分'], [6, '100'], [7, '100.00']]),
    ].map((r) => ({ ...r, page: 2 })), [{ y: 70, x0: 72, x1: 592 }, ...(ruled ? [{ y: 100.7, x0: 72, x1: 592 }] : []), { y: 118, x0: 72, x1: 592 }]),
    page: 2,
  });

  it('reads the next page with the columns of the page before: one table, its last rows in their columns', () => {
    const { tables } = layoutPages([page(first, firstRules), second(true)]);
    expect(tables).toHaveLength(1);
    expect(rowOf(tables[0], '养护路段事故').slice(2, 8)).toEqual(['社会效益指标', '养护路段事故', '≤2起', '1起', '10', '10']);
    expect(rowOf(tables[0], '总分').slice(6, 8)).toEqual(['100', '100.00']);
  });

  it('reads neither page where the next page has a row without its rule: not a form with rows missing', () => {
    expect(layoutPages([page(first, firstRules), second(false)]).tables).toHaveLength(0);
  });

  it('does not read a page of prose after it as a table', () => {
    const prose = [0, 1, 2, 3].map((i) => run('一、部门基本情况。本部门负责全区公路、水路交通运输行业管理，农村公路建设养', 72, 80 + 15.2 * i, 2));
    const { tables } = layoutPages([page(formRuns(), formRules()), { ...page(prose), page: 2 }]);
    expect(tables).toHaveLength(1);
  });
});

describe('a form with rules across only (no sides)', () => {
  it('takes its rows from the rules: a figure the narrow column wrapped (2,345.6 / 0) stays in its cell', () => {
    const rule = (y: number, x0 = 72): HRule => ({ y, x0, x1: 592 });
    const runs = [
      ...line(139.3, [[0, '部门名'], [1, '临川区交通运输局']]),
      ...line(154.5, [[0, '称']]),
      ...line(170.2, [[0, '整体资'], [1, '项目'], [5, '全年预'], [6, '全年执'], [7, '执行率'], [8, '分值'], [9, '得分']]),
      ...line(185.4, [[0, '金'], [5, '算数'], [6, '行数']]),
      ...line(198.0, [[1, '资金来'], [2, '合计'], [5, '2,345.6'], [6, '2,301.1'], [7, '98.11'], [8, '10'], [9, '9.81']]),
      ...line(213.2, [[1, '源'], [5, '0'], [6, '8'], [7, '%']]),
      ...line(229.0, [[2, '（1）财政拨款'], [5, '2,100.0'], [6, '2,071.0'], [7, '－'], [8, '－'], [9, '－']]),
      ...line(244.2, [[5, '0'], [6, '6']]),
    ];
    const rules = [rule(126.4), rule(157.8), rule(188.7, 117), rule(216.5, 162), rule(247.5, 72)];
    const { tables } = layoutPages([page(runs, rules)]);
    expect(tables).toHaveLength(1);
    const t = texts(tables[0]);
    expect(t).toHaveLength(4);
    // (no line starts at the indicator columns here: eight columns)
    expect(t[2]).toEqual(['整体资金', '资金来源', '合计', '2,345.60', '2,301.18', '98.11%', '10', '9.81']);
    // (the rule under 合计 starts right of 资金来源, which goes on down)
    expect(t[3]).toEqual(['整体资金', '资金来源', '（1）财政拨款', '2,100.00', '2,071.06', '－', '－', '－']);
    // no rule under 整体资金 across its column: one cell down the fund rows
    expect(tables[0].rows[1][0].rowSpan).toBe(3);
  });
});

describe('pages that hold no table', () => {
  it('prose, a title and a line of two fields stay paragraphs', () => {
    const prose = [
      run('2023年度部门整体支出绩效自评报告', 160, 90),
      run('填报单位（盖章）：临川区交通运输局', 72, 120), run('单位：万元', 313.6, 120),
      ...[0, 1, 2, 3, 4, 5].map((i) => run('一、部门基本情况。本部门负责全区公路、水路交通运输行业管理，农村公路建设养', 72, 150 + 15.2 * i)),
      run('护管理等工作。', 72, 241.2),
      run('二、绩效目标完成情况。全年完成农村公路养护215公里，路面优良率82.5%。', 93, 256.4),
    ];
    const { blocks, tables } = layoutPages([page(prose)]);
    expect(tables).toHaveLength(0);
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('a list set out in two columns on a few lines is no form table (too few columns)', () => {
    const runs = [0, 1, 2, 3].flatMap((i) => [run(`签字人${i}`, 72, 100 + 15.2 * i), run(`联系电话${i}`, 300, 100 + 15.2 * i)]);
    expect(layoutPages([page(runs)]).tables).toHaveLength(0);
  });
});
