// The recognizer on hand-built document models: label tolerance, synonyms and
// column order, units, layouts (national, Sichuan, a data-only one), several
// forms per document, documents that are no form, and the template loader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import { FormFailure } from '../src/model/failure.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { loadTemplates, recognizeForms, TemplateFileError, type TemplateSet } from '../src/recognize/index.js';
import { reportOwner } from '../src/recognize/report-binding.js';
import { buildLexicon, titleOf } from '../src/recognize/segments.js';
import { docModel, t, type BlockSpec, type TableSpec } from './helpers/doc-model-builder.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplates([bundledTemplatesDir()]);
});

const failureOf = (fn: () => unknown): FormFailure => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormFailure) return e;
    throw e;
  }
  throw new Error('expected a FormFailure');
};

interface DeptOptions {
  header?: string[]; // the 6 header labels after 项目
  anchor?: string;
  rows?: Partial<Record<string, string[]>>; // label → [budget, actual, rate, weight, score]
  labels?: Partial<Record<string, string>>;
}

/** The seed's layout (9 grid columns), with labels and values open to change. */
function deptTable(o: DeptOptions = {}): TableSpec {
  const h = o.header ?? ['全年预算数', '全年执行数', '执行率', '分值', '得分'];
  const L = { src: '资金\n来源', use: '资金\n结构', fiscal: '（1）财政拨款', other: '（2）其他资金', basic: '（1）基本支出', personnel: '其中：人员支出', public: '     公用支出', project: '（2）项目支出', ...o.labels };
  const v = (k: string, d: string[]) => o.rows?.[k] ?? d;
  return t([
    [o.anchor ?? '整体资金\n\n（万元）', '　项   目', '<', ...h, '<'],
    ['^', L.src, '合计', ...v('srcTotal', ['1000.00', '950.00', '95.00%', '10', '9.50']), '<'],
    ['^', '^', L.fiscal, ...v('fiscal', ['900.00', '860.00', '', '－', '－']), '<'],
    ['^', '^', L.other, ...v('other', ['100.00', '90.00', '', '－', '－']), '<'],
    ['^', L.use, '合计', ...v('useTotal', ['1000.00', '950.00', '', '－', '－']), '<'],
    ['^', '^', L.basic, ...v('basic', ['600.00', '580.00', '', '－', '－']), '<'],
    ['^', '^', L.personnel, ...v('personnel', ['500.00', '490.00', '', '－', '－']), '<'],
    ['^', '^', L.public, ...v('public', ['100.00', '90.00', '', '－', '－']), '<'],
    ['^', '^', L.project, ...v('project', ['400.00', '370.00', '', '－', '－']), '<'],
    ['年度总\n体目标', '年初设定目标', '<', '<', '<', '全年完成情况', '<', '<', '<'],
    ['^', '完成年度工作任务', '<', '<', '<', '已完成', '<', '<', '<'],
    ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['^', '产出指标', '数量指标', '指标1：服务户数', '≥500户', '526户', '50', '50', ''],
    ['^', '^', '^', '指标2：', '', '', '', '', ''],
    ['^', '^', '^', '……', '', '', '', '', ''],
    ['^', '效益指标', '社会效益\n指标', '指标1：群众满意', '100%', '95%', '40', '38', '宣传不足'],
    ['总分', '<', '<', '<', '<', '<', '100', '97.5', ''],
  ]);
}

const DEPT_TITLE = '2023年度部门整体支出绩效自评表';

describe('department form, seed layout', () => {
  it('reads fund lines, goals, indicators (template rows skipped), total', () => {
    const [r] = recognizeForms(docModel(DEPT_TITLE, '填报单位（盖章）：某某区民政局　　单位：万元', deptTable()), templates);
    expect(r.form).toBe('dept-overall');
    expect(r.layout).toBe('dept-overall');
    expect(r.year).toBe(2023);
    expect(r.entity).toBe('某某区民政局');
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
    expect(r.funds.sources.fiscal).toEqual({ budget: '900.00', actual: '860.00', rate: null, weight: null, score: null });
    expect(r.funds.uses?.personnel).toMatchObject({ budget: '500.00', actual: '490.00' });
    expect(r.funds.uses?.public).toMatchObject({ budget: '100.00', actual: '90.00' });
    expect(r.funds.uses?.project).toMatchObject({ budget: '400.00', actual: '370.00' });
    expect(r.goals).toEqual([{ target: '完成年度工作任务', result: '已完成' }]);
    expect(r.indicators).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '指标1：服务户数', target: '≥500户', actual: '526户', weight: '50', score: '50', deviation: null },
      { level1: '效益指标', level2: '社会效益指标', name: '指标1：群众满意', target: '100%', actual: '95%', weight: '40', score: '38', deviation: '宣传不足' },
    ]);
    expect(r.total).toEqual({ weight: '100', score: '97.5' });
    // provenance: 0-based positions in the expanded grid, raw text as read
    expect(r.provenance['funds.uses.basic.actual']).toEqual({ table: 0, row: 5, col: 4, page: null, raw: '580.00' });
    expect(r.provenance['indicators[1].score']).toEqual({ table: 0, row: 15, col: 7, page: null, raw: '38' });
    expect(r.provenance['funds.sources.fiscal.rate']).toEqual({ table: 0, row: 2, col: 5, page: null, raw: '' });
  });

  it('maps columns by header text whatever their order, with header synonyms', () => {
    // 得分 | 权重 | 预算执行率 | 预算执行数 | 调整后预算数 — reversed
    const table = deptTable({
      header: ['得分', '权重', '预算执行率', '预算执行数', '调整后预算数'],
      rows: { srcTotal: ['9.50', '10', '95.00%', '950.00', '1000.00'], basic: ['－', '－', '', '580.00', '600.00'] },
    });
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
    expect(r.funds.uses?.basic).toMatchObject({ budget: '600.00', actual: '580.00' });
    expect(r.provenance['funds.sources.total.budget'].col).toBe(7);
  });

  it('tolerates broken labels, spaces, numbering styles and full-width digits', () => {
    const table = deptTable({
      header: ['全年\n预算数', '全 年 执 行 数', '执 行 率', '分\n值', '得 分'],
      labels: { src: '资 金 来 源', fiscal: '(1)财政\n拨款', other: '2.其他资金', basic: '一、基本\n支出', personnel: '其中:人员支出', project: '(2)项 目 支 出' },
      rows: { srcTotal: ['１，０００．００', '９５０．００', '95.00%', '１０', '9.50'] },
    });
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'other']);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    expect(r.provenance['funds.sources.total.budget'].raw).toBe('１，０００．００');
  });

  it('reads headers carrying column letters and formulas: 全年预算数（A）, 执行率（B/A）', () => {
    const table = deptTable({ header: ['全年预算数（A）', '全年执行数（B）', '执行率（B/A）', '分值（分）', '得分'] });
    table.table[16][0] = '总分（100分）';
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
    expect(r.total).toEqual({ weight: '100', score: '97.5' });
  });

  it('a 总分 row whose 分值 cell is blank reads its weight from its label ("总分（100分）", "合计（100分）", probe Z z31); a 分值 cell that prints a figure is read as printed', () => {
    const withTotal = (row: string[]) => {
      const table = deptTable();
      table.table[16] = row;
      return recognizeForms(docModel(DEPT_TITLE, table), templates)[0];
    };
    for (const label of ['总分（100分）', '合计（100分）', '总分(100分)']) {
      const r = withTotal([label, '<', '<', '<', '<', '<', '', '97.5', '']);
      expect(r.total, label).toEqual({ weight: '100', score: '97.5' });
      expect(r.provenance['total.weight'], label).toMatchObject({ row: 16, col: 0, raw: label });
    }
    // the 分值 cell prints a figure: that figure, whatever the label says
    expect(withTotal(['总分（100分）', '<', '<', '<', '<', '<', '90', '97.5', '']).total).toEqual({ weight: '90', score: '97.5' });
    // no weight in the label and none in the cell: blank, as printed
    expect(withTotal(['总分', '<', '<', '<', '<', '<', '', '97.5', '']).total).toEqual({ weight: null, score: '97.5' });
  });

  it('keeps an unparseable number as null with its raw text in provenance', () => {
    const [r] = recognizeForms(docModel(DEPT_TITLE, deptTable({ rows: { basic: ['600.00', '58O.00', '', '－', '－'] } })), templates);
    expect(r.funds.uses?.basic.actual).toBeNull();
    expect(r.provenance['funds.uses.basic.actual'].raw).toBe('58O.00');
  });

  it('converts a form in 元 (单位：元 above the table) by moving the point', () => {
    const table = deptTable({ anchor: '整体资金', rows: { srcTotal: ['10284900.00', '215457.6', '', '10', ''] } });
    const [r] = recognizeForms(docModel(DEPT_TITLE, '单位：元', table), templates);
    expect(r.sourceUnit).toBe('元');
    expect(r.unit).toBe('万元');
    expect(r.funds.sources.total.budget).toBe('1028.490000');
    expect(r.funds.sources.total.actual).toBe('21.54576');
  });

  it('reads the unit from the anchor cell: （元）', () => {
    const [r] = recognizeForms(docModel(DEPT_TITLE, deptTable({ anchor: '整体资金（元）' })), templates);
    expect(r.sourceUnit).toBe('元');
    expect(r.funds.sources.total.budget).toBe('0.100000');
  });

  it('takes body paragraphs after the table as the narrative, numbered after its heading', () => {
    const doc = docModel(
      DEPT_TITLE,
      deptTable(),
      '评价报告综述（文字部分）',
      '',
      '一、部门（单位）概况',
      '某某区民政局是区人民政府工作部门。',
      '　',
      '2023年年初预算1000.00万元，决算支出950.00万元，其中基本支出580.00万元。',
      '五、存在的主要问题',
      '养老机构消防整改偏慢。',
      '六、改进措施和有关建议',
      '加强督导。',
    );
    const [r] = recognizeForms(doc, templates);
    const paras = r.narrative.text!.split('\n');
    expect(paras[0]).toBe('一、部门（单位）概况');
    expect(paras[2]).toContain('基本支出580.00万元');
    expect(r.entity).toBe('某某区民政局');
    expect(r.conclusions).toEqual({ verdict: null, problems: '养老机构消防整改偏慢。', measures: '加强督导。' });
  });

  it('takes lines after the table without a heading for the narrative only when they hold prose', () => {
    const signed = docModel(DEPT_TITLE, deptTable(), '单位负责人：刘建国　　审核人：陈丽　　填表人：王敏', '附件2-1');
    expect(recognizeForms(signed, templates)[0].narrative.text).toBeNull();
    const prose = docModel(DEPT_TITLE, deptTable(), '2023年决算支出950.00万元，其中基本支出580.00万元。', '单位负责人：刘建国');
    expect(recognizeForms(prose, templates)[0].narrative.text).toBe('2023年决算支出950.00万元，其中基本支出580.00万元。\n单位负责人：刘建国');
  });

  it('takes no note printed with the form for the narrative: 注：, 说明：, 填表说明： and the items numbered on under them', () => {
    const text = (...after: string[]) => recognizeForms(docModel(DEPT_TITLE, deptTable(), ...after), templates)[0].narrative;
    // the note and its third item on a line of its own: no narrative, and 58.20 no 人员经费 of the unit's
    const notes = text('注：1.本表金额单位为万元。2.执行率=执行数/预算数×100%。', '3.基本支出含离退休人员经费58.20万元。');
    expect(notes).toEqual({ text: null, facts: {}, changes: [] });
    expect(text('说明：基本支出中人员支出为651.00万元，公用支出为146.00万元；执行率=执行数/调整后预算数。').text).toBeNull();
    expect(text('填表说明：', '1.本表金额单位为万元。', '2.执行率=执行数/预算数。').text).toBeNull();
    expect(text('注1.本表金额单位为万元。', '注2.执行率=执行数/预算数。').text).toBeNull();
    // prose after a note of one sentence, numbered or not, is the narrative's; so is a heading's
    // own sentence ("情况说明：…" is no 说明：)
    expect(text('注：本表金额单位为万元。', '1.2023年决算支出950.00万元，其中基本支出580.00万元。').text).toBe('1.2023年决算支出950.00万元，其中基本支出580.00万元。');
    expect(text('注：1.本表金额单位为万元。', '2023年决算支出950.00万元，其中基本支出580.00万元。').text).toBe('2023年决算支出950.00万元，其中基本支出580.00万元。');
    expect(text('情况说明：2023年决算支出950.00万元，其中基本支出580.00万元。').text).toBe('情况说明：2023年决算支出950.00万元，其中基本支出580.00万元。');
    // under a heading, a note closing the report is no part of it either
    const report = text('部门整体支出绩效自评报告', '2023年决算支出950.00万元，其中基本支出580.00万元。', '注：以上基本支出含离退休人员经费58.20万元。');
    expect(report.text).toBe('2023年决算支出950.00万元，其中基本支出580.00万元。');
    expect(Object.keys(report.facts).sort()).toEqual(['spending.basic', 'spending.total']);
  });

  it('takes no note in the table\'s last rows for the narrative, nor the sign-off row under it (probe Y17)', () => {
    const table = deptTable();
    table.table.push(['注：1.本表金额单位为万元。2.执行率=执行数/预算数×100%。3.基本支出含离退休人员经费58.20万元，按规定列入人员支出。', '<', '<', '<', '<', '<', '<', '<', '<']);
    table.table.push(['单位负责人：赵立新      财务负责人：刘芳      填表人：孙磊      联系电话：0931-5561234      填报日期：2024年3月20日', '<', '<', '<', '<', '<', '<', '<', '<']);
    expect(recognizeForms(docModel(DEPT_TITLE, table), templates)[0].narrative).toEqual({ text: null, facts: {}, changes: [] });
  });

  it('takes the table\'s last wide cell as the narrative when no heading is printed', () => {
    const table = deptTable();
    table.table.push(['', '<', '<', '<', '<', '<', '<', '<', '<']);
    table.table.push(['一、部门（单位）概况\n\n某某区民政局是区人民政府工作部门，负责全区民政工作，内设机构六个。\n二、部门整体支出情况\n2023年决算支出950.00万元。', '<', '<', '<', '<', '<', '<', '<', '<']);
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.narrative.text).toBe('一、部门（单位）概况\n某某区民政局是区人民政府工作部门，负责全区民政工作，内设机构六个。\n二、部门整体支出情况\n2023年决算支出950.00万元。');
    expect(r.entity).toBe('某某区民政局');
  });

  it('a box after the form headed by a name of the text read by meaning (…绩效自评情况说明) is the narrative, as under the same heading in body text (probe W G09a/G09d, F12)', () => {
    const text = ['一、资金情况：全年预算数为150万元，执行数为118.80万元。', '二、自评结论：自评得分99.90分。'];
    const project = (...after: BlockSpec[]) => recognizeForms(docModel('项目支出绩效自评表', projectTable(), '', ...after), templates)[0];
    for (const heading of ['项目绩效自评情况说明', '2023年度信息化建设项目绩效评价总结（文字部分）']) {
      const boxed = project(t([[heading], [text.join('\n')]]));
      expect(boxed.narrative.text, heading).toBe(text.join('\n'));
      expect(boxed.narrative.facts['budget.final']?.map((f) => f.value), heading).toEqual(['150']);
      expect(project(heading, ...text).narrative.text, heading).toBe(text.join('\n'));
    }
    const dept = recognizeForms(
      docModel(DEPT_TITLE, deptTable(), t([['部门整体支出绩效自评情况说明'], ['2023年决算支出950.00万元，其中基本支出570.00万元，项目支出380.00万元。']])),
      templates,
    )[0];
    expect(dept.narrative.facts['spending.basic']?.map((f) => f.value)).toEqual(['570.00']);
    // Instructions for filling in the form, or a part numbered inside a text, name no text of the evaluation.
    for (const heading of ['绩效自评表填报说明', '填表说明']) expect(project(t([[heading], ['1.金额单位为万元。\n2.分值按权重填写。']])).narrative.text, heading).toBeNull();
    const parts = ['一、项目基本情况', '项目全年支出118.80万元。', '二、项目绩效分析', '系统数量完成率110%。'];
    expect(project(...parts).narrative.text).toBe(parts.join('\n'));
  });

  it('a conclusions section ends at a sign-off line, a date or an annex label; a heading closed by 。 has its content after it (probe W F01, F06, F08, F11)', () => {
    const read = (...lines: string[]) => recognizeForms(docModel('项目支出绩效自评表', projectTable(), '评价报告综述', ...lines), templates)[0].conclusions;
    expect(read('四、自评结论', '本项目自评得分99.90分，评价等级为优。', '联系人：刘芳　　联系电话：0797-5332018　　手机：13879712345').verdict).toBe('本项目自评得分99.90分，评价等级为优。');
    expect(read('五、存在问题及改进措施', '个别乡镇审核流程偏长。', '联系电话：0797-6321188　　填报日期：2024年3月15日')).toEqual({
      verdict: null,
      problems: '个别乡镇审核流程偏长。',
      measures: '个别乡镇审核流程偏长。',
    });
    expect(read('三、自评结果', '经自评，得分99.90分，等级“优”。', '附件：某某区信息中心2023年度项目支出绩效自评表', '某某区信息中心', '2024年3月5日').verdict).toBe('经自评，得分99.90分，等级“优”。');
    expect(read('三、绩效自评结果', '自评得分99.90分。', '（联系人：李娟，联系电话：13907971234）').verdict).toBe('自评得分99.90分。');
    expect(read('四、自评结论。自评得分99.90分，评价等级为优。', '五、存在的主要问题。系统验收偏慢。')).toEqual({
      verdict: '自评得分99.90分，评价等级为优。',
      problems: '系统验收偏慢。',
      measures: null,
    });
  });

  it("keeps the narrative's figures of the form's own year and unit, not a part's nor last year's", () => {
    const doc = docModel(
      DEPT_TITLE,
      deptTable(),
      '评价报告综述（文字部分）',
      '一、部门（单位）概况',
      '某某区民政局是区人民政府工作部门。',
      '2022年全年预算900.00万元，全年决算支出880.00万元。',
      '2023年全年预算1000.00万元，全年决算支出950.00万元。',
      '一般公共预算财政拨款支出决算数为860.00万元，比上年决算支出880.00万元减少20.00万元。',
      '区社会福利中心全年支出120.00万元，所属区救助站全年支出30.00万元。',
    );
    const [r] = recognizeForms(doc, templates);
    expect(r.year).toBe(2023);
    expect(Object.fromEntries(Object.entries(r.narrative.facts).map(([k, v]) => [k, v.map((f) => f.value)]))).toStrictEqual({
      'budget.final': ['1000.00'],
      'spending.total': ['950.00'],
    });
    expect(r.narrative.changes).toStrictEqual([]);
  });

  it('reads a printed level-1 weight into indicatorGroups and keeps the bare name', () => {
    const table = deptTable();
    table.table[12][1] = '产出指标(50分)';
    table.table[15][1] = '效益指标（40分）';
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.indicatorGroups).toEqual([
      { level1: '产出指标', weight: '50' },
      { level1: '效益指标', weight: '40' },
    ]);
    expect(r.indicators.map((i) => i.level1)).toEqual(['产出指标', '效益指标']);
  });

  it('keeps a placeholder row that carries a weight as an indicator', () => {
    const table = deptTable();
    table.table[13] = ['^', '^', '^', '指标2：', '', '', '5', '', ''];
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.indicators).toHaveLength(3);
    expect(r.indicators[1]).toMatchObject({ name: '指标2：', weight: '5', score: null });
  });

  it('reads conclusion and grade cells below the total row', () => {
    const table = deptTable();
    table.table.push(['自评等级', '<', '<', '优', '<', '<', '<', '<', '<']);
    table.table.push(['存在问题', '<', '<', '进度偏慢', '<', '<', '<', '<', '<']);
    table.table.push(['改进措施', '<', '<', '加强调度', '<', '<', '<', '<', '<']);
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.grade).toBe('优');
    expect(r.conclusions).toEqual({ verdict: null, problems: '进度偏慢', measures: '加强调度' });
    expect(r.provenance['grade']).toMatchObject({ row: 17, col: 3, raw: '优' });
  });

  it('tells 资金来源 合计 from 资金结构 合计 without group labels, by order', () => {
    const table = deptTable({ labels: { src: '', use: '' } });
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.funds.sources.total.budget).toBe('1000.00');
    expect(r.funds.uses?.total.budget).toBe('1000.00');
    expect(r.funds.uses?.basic.budget).toBe('600.00');
  });
});

interface ProjectOptions {
  name?: string;
  title?: boolean;
  header?: string[];
  rows?: [string, string[]][];
}

/** The national project layout: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
function projectTable(o: ProjectOptions = {}): TableSpec {
  const header = o.header ?? ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  const rows = o.rows ?? [
    ['年度资金总额', ['100.00', '120.00', '118.80', '10', '99.00%', '9.90']],
    ['其中：当年财政拨款', ['100.00', '110.00', '108.80', '—', '—', '—']],
    ['上年结转资金', ['', '10.00', '10.00', '—', '—', '—']],
    ['其他资金', ['', '', '', '—', '—', '—']],
  ];
  return t([
    ['项目名称', o.name ?? '2023年信息化建设项目', '<', '<', '<', '<', '<', '<', '<'],
    ['主管部门', '某某区财政局', '<', '<', '实施单位', '某某区信息中心', '<', '<', '<'],
    ['项目资金\n（万元）', '', '<', ...header, '<'],
    ...rows.map(([label, values]) => ['^', label, '<', ...values, '<']),
    ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
    ['^', '建成系统', '<', '<', '<', '已建成', '<', '<', '<'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '90', '90', ''],
    ['总分', '<', '<', '<', '<', '<', '100', '99.90', ''],
  ]);
}

describe('recognition by meaning (issue 12)', () => {
  it('reads unseen header wordings, 分值 before the values, and a label-column heading that names a budget', () => {
    const header = ['预算安排数(A)', '全年实际支出数（B）', '指标分值', '支出进度(B/A)', '自评得分'];
    const table = deptTable({ anchor: '年度预算数\n（万元）', header, rows: { srcTotal: ['1000.00', '950.00', '10', '95.00%', '9.50'] } });
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    // columns by meaning: 预算安排数 budget, 全年实际支出数 actual, 支出进度 rate; the
    // anchor "年度预算数（万元）" over the line names is no budget column.
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', weight: '10', rate: '95.00', score: '9.50' });
    expect(r.blocks.fund).toBe('read');
  });

  it('a two-row indicator header (年度指标值 over 指标性质 | 指标值 | 度量单位) maps the lower row', () => {
    const table = t([
      ['项目名称', '某项目', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
      ['项目资金\n（元）', '', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '<', '<'],
      ['^', '年度资金总额', '<', '', '387664.62', '387664.62', '10', '100%', '10', '<', '<'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '<', '<', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['^', '^', '^', '^', '指标性质', '指标值', '度量单位', '^', '^', '^', '^'],
      ['^', '产出指标', '数量指标', '学生受资助人数', '≧', '735', '人次', '735', '10', '10', ''],
      ['^', '效益指标', '社会效益\n指标', '政策知晓率', '═', '100', '%', '98%', '90', '89', '宣传不足'],
      ['总分', '<', '<', '<', '<', '<', '<', '<', '100', '99', ''],
    ]);
    const [r] = recognizeForms(docModel('2022年度项目支出绩效自评表', table), templates);
    expect(r.sourceUnit).toBe('元');
    expect(r.funds.sources.total.budget).toBe('38.766462');
    expect(r.indicators[0]).toMatchObject({ nature: '≧', target: '735', measure: '人次', actual: '735', weight: '10', score: '10' });
    expect(r.indicators[1]).toMatchObject({ nature: '═', target: '100', measure: '%', actual: '98%', deviation: '宣传不足' });
  });

  it('a two-row fund header (预算数 over 年初 | 全年) composes each lower label with its parent', () => {
    const table = t([
      ['项目名称', '某项目', '<', '<', '<', '<', '<', '<', '<'],
      ['资金情况\n（万元）', '', '<', '预算数', '<', '执行数', '执行率', '分值', '得分'],
      ['^', '^', '<', '年初', '全年', '^', '^', '^', '^'],
      ['^', '年度资金总额', '<', '100.00', '120.00', '114.00', '95.00%', '10', '9.50'],
      ['^', '其中：财政拨款', '<', '100.00', '120.00', '114.00', '', '', ''],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '90', '90', ''],
      ['总分', '<', '<', '<', '<', '<', '100', '99.50', ''],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.funds.sources.total).toEqual({ initial: '100.00', budget: '120.00', actual: '114.00', rate: '95.00', weight: '10', score: '9.50' });
    expect(r.funds.sources.fiscal).toMatchObject({ initial: '100.00', budget: '120.00', actual: '114.00' });
  });

  /** Probe P10: group labels over the usual header row, 项目资金（万元） merged down over
   *  both header rows only, a blank cell merged down the lines' left. */
  const groupedHeader = (groups: string[]): TableSpec =>
    t([
      ['项目名称', '县级公立医院综合改革补助资金', '<', '<', '<', '<', '<', '<'],
      ['项目资金（万元）', '<', ...groups],
      ['^', '^', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', '480.00', '520.00', '497.64', '10', '96%', '9.57'],
      ['^', '其中：当年财政拨款', '480.00', '500.00', '478.64', '—', '96%', '—'],
      ['^', '上年结转资金', '—', '—', '—', '—', '—', '—'],
      ['^', '其他资金', '—', '20.00', '19.00', '—', '95%', '—'],
      ['绩效指标', '<', '<', '<', '<', '<', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '补助公立医院数量', '2家', '2家', '90', '90', ''],
      ['总分', '<', '<', '<', '<', '100', '99.57', ''],
    ]);
  const P10_TOTAL = { initial: '480.00', budget: '520.00', actual: '497.64', weight: '10', rate: '96', score: '9.57' };

  it('group labels over the fund header (预算执行情况 | 评分, probe P10): the anchor merged over the two header rows bounds no line', () => {
    const [r] = recognizeForms(docModel('2023年度项目支出绩效自评表', groupedHeader(['预算执行情况', '<', '<', '评分', '<', '<'])), templates);
    expect(r.blocks.fund).toBe('read');
    expect(r.funds.sources.total).toEqual(P10_TOTAL);
    expect(r.funds.sources.fiscal).toMatchObject({ initial: '480.00', budget: '500.00', actual: '478.64', rate: '96' });
    expect(r.funds.sources.other).toMatchObject({ initial: null, budget: '20.00', actual: '19.00', rate: '95' });
    const rules = loadRuleSet([bundledRulesDir()]);
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    expect(checkRecord({ ...r, source }, rules).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('group labels that name columns themselves (预算情况 | 执行情况 | 评分) give way to the labels under them', () => {
    // The upper row is the header here (it names a budget and an actual); 评分 over
    // 分值 | 执行率 | 得分 must not make 分值 a score nor lose 执行率.
    const [r] = recognizeForms(docModel('2023年度项目支出绩效自评表', groupedHeader(['预算情况', '<', '执行情况', '评分', '<', '<'])), templates);
    expect(r.funds.sources.total).toEqual(P10_TOTAL);
    expect(r.funds.sources.fiscal).toMatchObject({ initial: '480.00', budget: '500.00', actual: '478.64', weight: null, rate: '96', score: null });
  });

  it('a source line the lexicon does not know, holding amounts, is read as a part under a numbered key', () => {
    const rows: [string, string[]][] = [
      ['年度资金总额', ['100.00', '120.00', '118.80', '10', '99.00%', '9.90']],
      ['其中：中央衔接资金', ['60.00', '70.00', '69.00', '—', '—', '—']],
      ['省级衔接资金', ['40.00', '50.00', '49.80', '—', '—', '—']],
      ['其他资金', ['', '', '', '—', '—', '—']],
    ];
    const [r] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows })), templates);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'extra1', 'extra2', 'other']);
    expect(r.funds.sources.extra2).toMatchObject({ initial: '40.00', budget: '50.00', actual: '49.80' });
    expect(r.lineLabels?.['funds.sources.extra1']).toBe('中央衔接资金');
  });

  it('其他资金 printed below 自筹资金 is the `other` line; 自筹资金 keeps its amounts under a numbered key', () => {
    const rows: [string, string[]][] = [
      ['年度资金总额', ['200.00', '200.00', '190.00', '10', '95.00%', '9.50']],
      ['其中：财政资金', ['150.00', '150.00', '145.00', '—', '—', '—']],
      ['自筹资金', ['30.00', '30.00', '27.00', '—', '—', '—']],
      ['其他资金', ['20.00', '20.00', '18.00', '—', '—', '—']],
    ];
    const [r] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows })), templates);
    expect(r.funds.sources.other).toMatchObject({ initial: '20.00', budget: '20.00', actual: '18.00' });
    expect(r.funds.sources.extra1).toMatchObject({ initial: '30.00', budget: '30.00', actual: '27.00' });
    expect(r.lineLabels).toMatchObject({ 'funds.sources.extra1': '自筹资金', 'funds.sources.other': '其他资金' });
    // 自筹资金 alone is the form's other money, as before
    const [alone] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows: rows.slice(0, 3) })), templates);
    expect(alone.funds.sources.other).toMatchObject({ budget: '30.00', actual: '27.00' });
  });

  it('a titled form whose fund header row was deleted: the fund block is unreadable, never blank', () => {
    const table = deptTable();
    table.table.splice(0, 1); // the header row 整体资金 | 项目 | 全年预算数 | …
    table.table[0][0] = '整体资金\n（万元）';
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.blocks).toEqual({ fund: 'unreadable', indicators: 'read', total: 'read', goals: 'read' });
    expect(r.funds.sources).toEqual({});
    expect(r.unreadBlocks).toEqual([expect.objectContaining({ block: 'fund', table: 0, row: 0 })]);
    expect(r.indicators).toHaveLength(2);
  });
});

/** The national 2021 department layout: 年度预算资金 | 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分,
 *  its 按收入性质分 / 按支出性质分 part given as rows of the cells right of the 年度预算资金 column. */
function national2021Table(fundRows: string[][]): TableSpec {
  return t([
    ['年度预算资金（万元）', '', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['^', '年度资金总额', '<', '300.00', '320.00', '310.00', '10', '96.88%', '9.69'],
    ...fundRows.map((row) => ['^', ...row]),
    ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
    ['^', '完成年度工作任务', '<', '<', '<', '已完成', '<', '<', '<'],
    ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['^', '产出指标', '数量指标', '服务户数', '≥500户', '526户', '90', '90', ''],
    ['总分', '<', '<', '<', '<', '<', '100', '99.69', ''],
  ]);
}

describe('the fund block\'s 按收入性质分 / 按支出性质分 part (national 2021 layout)', () => {
  const line = (label: string, v: string[]) => [label, '<', ...v, '—', '—', '—'];
  const sources = [line('其中：一般公共预算', ['280.00', '300.00', '290.00']), line('其中：单位资金', ['20.00', '20.00', '20.00'])];
  const uses = [line('其中：基本支出', ['200.00', '210.00', '210.00']), line('其中：项目支出', ['100.00', '110.00', '100.00'])];

  it('a group sub-header row with no amounts neither ends the block nor is a line', () => {
    const [plain] = recognizeForms(docModel(DEPT_TITLE, national2021Table([...sources, ...uses])), templates);
    expect(Object.keys(plain.funds.sources)).toEqual(['total', 'generalBudget', 'unitFunds']);
    expect(Object.keys(plain.funds.uses ?? {})).toEqual(['basic', 'project']);
    const empty = ['', '', '', '', '', ''];
    const across = ['<', '<', '<', '<', '<', '<'];
    const subHeaders: [string, string[], string[]][] = [
      ['label and colon, empty cells', ['按收入性质分：', '<', ...empty], ['按支出性质分：', '<', ...empty]],
      ['label, empty cells', ['按收入性质分', '<', ...empty], ['按支出性质分', '<', ...empty]],
      ['one cell across the row', ['按收入性质分', '<', ...across], ['按支出性质分', '<', ...across]],
    ];
    for (const [name, src, use] of subHeaders) {
      const forms = recognizeForms(docModel(DEPT_TITLE, national2021Table([src, ...sources, use, ...uses])), templates);
      expect(forms, name).toHaveLength(1);
      const [r] = forms;
      expect(r.blocks, name).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
      expect(r.funds, name).toEqual(plain.funds);
      expect(r.total, name).toEqual({ weight: '100', score: '99.69' });
    }
  });

  it('side-by-side label | amount pairs are read as sources and uses by their labels\' meaning, each amount its line\'s 全年执行数', () => {
    const table = national2021Table([
      ['按收入性质分', '<', '<', '', '按支出性质分', '<', '<', ''],
      ['一般公共预算', '<', '<', '290.00', '基本支出', '<', '<', '210.00'],
      ['国有资本经营预算', '<', '<', '0.00', '项目支出', '<', '<', '100.00'],
      ['单位资金', '<', '<', '20.00', '', '<', '<', ''],
      ['政府性基金预算', '<', '<', '', '', '<', '<', ''],
    ]);
    const forms = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(forms).toHaveLength(1);
    const [r] = forms;
    expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
    expect(r.funds.sources).toEqual({
      total: { initial: '300.00', budget: '320.00', actual: '310.00', weight: '10', rate: '96.88', score: '9.69' },
      generalBudget: { actual: '290.00' },
      extra1: { actual: '0.00' },
      unitFunds: { actual: '20.00' },
      govFundBudget: { actual: null }, // printed with a blank amount: blank, never zero
    });
    expect(r.funds.uses).toEqual({ basic: { actual: '210.00' }, project: { actual: '100.00' } });
    expect(r.lineLabels?.['funds.sources.extra1']).toBe('国有资本经营预算');
    expect(r.provenance['funds.uses.basic.actual']).toEqual({ table: 0, row: 3, col: 8, page: null, raw: '210.00' });
    // Without the 按收入性质分 | 按支出性质分 row, the pairs' meanings tell the sides.
    const [bare] = recognizeForms(docModel(DEPT_TITLE, national2021Table(table.table.slice(3, 7).map((row) => row.slice(1)))), templates);
    expect(bare.funds).toEqual(r.funds);
  });

  it('a text cell printing several "label：amount" lines is that many lines; a label with no amount is a blank line, not the next line\'s', () => {
    const half = (left: string, right: string) => [left, '<', '<', '<', right, '<', '<', '<'];
    const sourcesCell = '其中：一般公共预算：\n250.00\n政府性基金拨款：20.00'; // the first amount wrapped to a line of its own
    const table = national2021Table([
      half('按收入性质分：310.00', '按支出性质分：310.00'),
      half(sourcesCell, '其中：\n基本支出：200.00\n项目支出：110.00'),
      // a label wrapped over two lines with no amount, a known line, and a source the lexicon does not know
      half('纳入专户管理的非税收\n入拨款：\n其他资金：25.00\n中央补助资金：15.00', ''),
    ]);
    const forms = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(forms).toHaveLength(1);
    const [r] = forms;
    expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
    expect(r.funds.sources).toEqual({
      total: { initial: '300.00', budget: '320.00', actual: '310.00', weight: '10', rate: '96.88', score: '9.69' },
      generalBudget: { actual: '250.00' },
      govFundBudget: { actual: '20.00' },
      specialAccount: { actual: null }, // printed with no amount: blank, never 其他资金's 25.00
      other: { actual: '25.00' },
      extra1: { actual: '15.00' },
    });
    expect(r.funds.uses).toEqual({ total: { actual: '310.00' }, basic: { actual: '200.00' }, project: { actual: '110.00' } });
    expect(r.lineLabels?.['funds.sources.extra1']).toBe('中央补助资金');
    expect(r.provenance['funds.sources.govFundBudget.actual']).toEqual({ table: 0, row: 3, col: 1, page: null, raw: sourcesCell });
    // 250.00 + 20.00 + blank + 25.00 + 15.00 = 310.00 and 200.00 + 110.00 = 310.00: no sum check fails
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    expect(checkRecord({ ...r, source }, loadRuleSet([bundledRulesDir()])).filter((f) => f.severity !== 'info')).toEqual([]);

    // The whole sub-column typed in one cell each side: its group label's pair is the group's total.
    const oneCell = national2021Table([
      half(
        '按收入性质分：310.00\n其中：一般公共预算：250.00\n政府性基金拨款：20.00\n纳入专户管理的非税收入拨款：\n其他资金：25.00\n中央补助资金：15.00',
        '按支出性质分：310.00\n其中：基本支出：200.00\n项目支出：110.00',
      ),
    ]);
    const [whole] = recognizeForms(docModel(DEPT_TITLE, oneCell), templates);
    expect(whole.funds).toEqual(r.funds);
  });
});

describe('project forms', () => {
  it('national layout: header fields, initial column, 年度资金总额 rows', () => {
    const [r] = recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', projectTable()), templates);
    expect(r.form).toBe('project');
    expect(r.layout).toBe('project-national');
    expect(r.year).toBe(2023);
    expect(r.entity).toBe('2023年信息化建设项目');
    expect(r.header).toEqual({ department: '某某区财政局', implementer: '某某区信息中心' });
    expect(r.funds.sources.total).toEqual({ initial: '100.00', budget: '120.00', actual: '118.80', weight: '10', rate: '99.00', score: '9.90' });
    expect(r.funds.sources.carryover).toEqual({ initial: null, budget: '10.00', actual: '10.00', weight: null, rate: null, score: null });
    expect(r.funds.uses).toBeUndefined();
    expect(r.goals).toEqual([{ target: '建成系统', result: '已建成' }]);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
    expect(r.provenance['entity']).toMatchObject({ row: 0, col: 1, raw: '2023年信息化建设项目' });
  });

  it('a 备注 column beside the fund block holds each line\'s reason, as a 原因 column does: text, never an amount; the indicator table\'s 备注 stays unread', () => {
    const table = t([
      ['项目名称', '2025年农村饮水安全巩固提升工程', '<', '<', '<', '<', '<', '<', '<'],
      ['主管部门', '某某区水利局', '<', '<', '实施单位', '某某区农村供水管理站', '<', '<', '<'],
      ['项目资金（万元）', '资金来源', '全年预算数', '全年执行数', '执行率', '分值', '得分', '备注', '<'],
      ['^', '年度资金总额', '1480.00', '1420.80', '96.00%', '10', '9.60', '', '<'],
      ['^', '其中：中央资金', '800.00', '800.00', '100.00%', '', '', '20.00', '<'],
      ['^', '县级资金', '680.00', '620.80', '91.29%', '', '', '县级配套资金到位较晚', '<'],
      ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
      ['^', '新建改造供水工程25处', '<', '<', '<', '新建改造供水工程26处', '<', '<', '<'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '备注'],
      ['^', '产出指标', '数量指标', '供水工程数量', '≥25处', '24处', '90', '86.40', '1处因征地延后'],
      ['总分', '<', '<', '<', '<', '<', '100', '96.00', ''],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', '（2025年度）', table), templates);
    expect(r.layout).toBe('project-national');
    expect(r.funds.sources.total).toEqual({ budget: '1480.00', actual: '1420.80', rate: '96.00', weight: '10', score: '9.60', reason: null });
    // 800.00 + 680.00 = 1480.00 and 800.00 + 620.80 = 1420.80: the remark "20.00" is no amount of any line
    expect(r.funds.sources.extra1).toEqual({ budget: '800.00', actual: '800.00', rate: '100.00', weight: null, score: null, reason: '20.00' });
    expect(r.funds.sources.extra2).toMatchObject({ budget: '680.00', actual: '620.80', reason: '县级配套资金到位较晚' });
    expect(r.provenance['funds.sources.extra2.reason']).toMatchObject({ row: 5, col: 7, raw: '县级配套资金到位较晚' });
    // no deviation column on the indicators: their 备注 is no reason of theirs (no `deviation` key)
    expect(r.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '供水工程数量', target: '≥25处', actual: '24处', weight: '90', score: '86.40' }]);
  });

  it('an absent 其他资金 row is an absent line', () => {
    const rows: [string, string[]][] = [
      ['年度资金总额', ['100.00', '120.00', '118.80', '10', '99.00%', '9.90']],
      ['其中：当年财政拨款', ['100.00', '120.00', '118.80', '—', '—', '—']],
    ];
    const [r] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows })), templates);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal']);
  });

  it('a 得分 header printing its scoring band is read by its head: the fund score is read, never counted as 0', () => {
    const header = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分\n（执行率≥95%得10分；90%（含）-95%得8分；80%（含）-90%得6分；80%以下不得分）'];
    const rows: [string, string[]][] = [
      ['年度资金总额', ['250.00', '250.00', '231.00', '10', '92.40%', '8']],
      ['其中：当年财政拨款', ['250.00', '250.00', '231.00', '—', '—', '—']],
    ];
    const [r] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ header, rows })), templates);
    expect(r.funds.sources.total).toEqual({ initial: '250.00', budget: '250.00', actual: '231.00', weight: '10', rate: '92.40', score: '8' });
    // the header run together on one line (a PDF's wrap) has the same head
    const [flat] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ header: [...header.slice(0, 5), header[5].replace('\n', '')], rows })), templates);
    expect(flat.funds.sources.total.score).toBe('8');
  });

  it('the scoring band a 得分 header prints is the fund score\'s rule: 92.40% earns 8, not 10 × 92.40%', () => {
    const header = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分\n（执行率≥95%得10分；90%（含）-95%得8分；80%（含）-90%得6分；80%以下不得分）'];
    const rows: [string, string[]][] = [
      ['年度资金总额', ['250.00', '250.00', '231.00', '10', '92.40%', '8']],
      ['其中：当年财政拨款', ['250.00', '250.00', '231.00', '—', '—', '—']],
    ];
    const [r] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ header, rows })), templates);
    expect(r.fundScoreBand).toMatchObject({ printed: 'header', steps: [
      { from: '95', fromIncluded: true, to: null, points: '10' },
      { from: '90', fromIncluded: true, to: '95', toIncluded: false, points: '8' },
      { from: '80', fromIncluded: true, to: '90', toIncluded: false, points: '6' },
      { from: null, to: '80', toIncluded: false, points: '0' },
    ] });
    const rules = loadRuleSet([bundledRulesDir()]);
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    const fundScore = (rec: typeof r) => checkRecord({ ...rec, source }, rules).filter((f) => f.rule.startsWith('funds.score')).map((f) => `${f.rule} ${f.message}`);
    expect(fundScore(r)).toEqual([]);
    r.funds.sources.total.score = '9.24';
    expect(fundScore(r)).toEqual(['funds.score-matches 年度资金总额得分填写为9.24分，按表头所列评分档次，执行率92.40%应得8分']);
    // a note row under the block printing the band; one it cannot read applies no rule and says so
    const noted = (note: string) => {
      const withNote: [string, string[]][] = [...rows, [note, ['<', '<', '<', '<', '<', '<']]];
      const [rec] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows: withNote })), templates);
      return rec;
    };
    const inNote = noted('注：预算执行率得分按以下标准计分：执行率≥95%得10分；90%（含）-95%得8分；低于90%不得分');
    expect(inNote.fundScoreBand).toMatchObject({ printed: 'note', steps: [{ points: '10' }, { points: '8' }, { points: '0' }] });
    expect(fundScore(inNote)).toEqual([]);
    const unread = noted('注：预算执行率得分：执行率每降低1%扣0.5分');
    expect(unread.fundScoreBand?.steps).toBeNull();
    expect(fundScore(unread)).toEqual(['funds.score-band-unread 表下注释印有预算执行得分的评分档次“注:预算执行率得分:执行率每降低1%扣0.5分”，未能完整读取，未核对年度资金总额得分']);
  });

  it('Sichuan layout: 权重/原因 columns, 财政专户管理资金/单位资金 rows, 指标性质/度量单位, 合计 row', () => {
    const table = t([
      ['项目名称', '2023年垃圾分类项目', '<', '<', '<', '<', '<', '<', '<', '<'],
      ['主管部门', '某市城管局', '<', '<', '实施单位', '某市环卫中心', '<', '<', '<', '<'],
      ['项目资金\n（万元）', '', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因', '<'],
      ['^', '总额', '260.00', '280.00', '240.00', '85.71%', '10', '8.57', '部分设备未到货', '<'],
      ['^', '其中：财政资金', '200.00', '220.00', '185.00', '', '', '', '', '<'],
      ['^', '财政专户管理资金', '30.00', '30.00', '30.00', '', '', '', '', '<'],
      ['^', '单位资金', '30.00', '30.00', '25.00', '', '', '', '', '<'],
      ['^', '其他资金', '', '', '', '', '', '', '', '<'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '权重', '得分', '未完成原因分析'].slice(0, 10),
      ['^', '产出指标', '数量指标', '覆盖小区', '≥', '120', '个', '126', '90', '90'],
      ['合计', '<', '<', '<', '<', '<', '<', '<', '100', '98.57'],
    ]);
    // a grid of 10 columns: the reason column of the indicators is left out on purpose (no deviation key)
    const [r] = recognizeForms(docModel('2023年度项目支出绩效自评表', table), templates);
    expect(r.layout).toBe('project-sichuan');
    expect(r.funds.sources.total).toEqual({ initial: '260.00', budget: '280.00', actual: '240.00', rate: '85.71', weight: '10', score: '8.57', reason: '部分设备未到货' });
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'specialAccount', 'unitFunds', 'other']);
    expect(r.funds.sources.unitFunds).toMatchObject({ budget: '30.00', actual: '25.00', reason: null });
    expect(r.indicators).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '覆盖小区', nature: '≥', target: '120', measure: '个', actual: '126', weight: '90', score: '90' },
    ]);
    expect(r.total).toEqual({ weight: '100', score: '98.57' });
  });

  it('a 备注 column reads as the reason but makes no Sichuan layout: check 17 (Sichuan\'s own threshold) runs only where the column is headed 原因', () => {
    const table = (header: string, remark: string) =>
      t([
        ['项目名称', '2023年垃圾分类项目', '<', '<', '<', '<', '<', '<', '<', '<'],
        ['主管部门', '某市城管局', '<', '<', '实施单位', '某市环卫中心', '<', '<', '<', '<'],
        ['项目资金\n（万元）', '', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', header, '<'],
        ['^', '总额', '260.00', '280.00', '240.00', '85.71%', '10', '8.57', remark, '<'],
        ['^', '其中：财政资金', '200.00', '220.00', '185.00', '', '', '', '', '<'],
        ['^', '财政专户管理资金', '30.00', '30.00', '30.00', '', '', '', '', '<'],
        ['^', '单位资金', '30.00', '30.00', '25.00', '', '', '', '', '<'],
        ['^', '其他资金', '', '', '', '', '', '', '', '<'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '权重', '得分'],
        ['^', '产出指标', '数量指标', '覆盖小区', '≥', '120', '个', '126', '90', '90'],
        ['合计', '<', '<', '<', '<', '<', '<', '<', '100', '98.57'],
      ]);
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    const rules = loadRuleSet([bundledRulesDir()]);
    const lowRate = (header: string, remark: string, layout: string) => {
      const [r] = recognizeForms(docModel('2023年度项目支出绩效自评表', table(header, remark)), templates);
      expect(r.layout).toBe(layout);
      expect(r.funds.sources.total.reason).toBe(remark === '' ? null : remark);
      return checkRecord({ ...r, source }, rules).filter((f) => f.rule === 'project.sichuan.low-rate-reason');
    };
    // 240.00 / 280.00 = 85.71% < 90%
    expect(lowRate('原因', '部分设备未到货，尾款未支付', 'project-sichuan')).toEqual([]);
    expect(lowRate('原因', '', 'project-sichuan').map((f) => [f.severity, f.fields[0]])).toEqual([['warning', 'funds.sources.total.reason']]);
    expect(lowRate('备注', '部分设备未到货，尾款未支付', 'project-national')).toEqual([]);
    expect(lowRate('备注', '', 'project-national')).toEqual([]);
  });

  it('Sichuan 510000_0013zp: the note printed in the 原因 cell merged over every fund line is no reason; a clerk\'s reason there is', () => {
    const NOTE = '1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。';
    const sichuan = (reason: string) =>
      t([
        ['项目名称', '2023年垃圾分类项目', '<', '<', '<', '<', '<', '<', '<', '<'],
        ['主管部门', '某市城管局', '<', '<', '实施单位', '某市环卫中心', '<', '<', '<', '<'],
        ['预算执行情况（10分）', '年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因', '<'],
        ['^', '总额', '260.00', '280.00', '240.00', '85.71%', '10', '8.57', reason, '<'],
        ['^', '其中：财政资金', '200.00', '220.00', '185.00', '', '/', '/', '^', '^'],
        ['^', '财政专户管理资金', '30.00', '30.00', '30.00', '', '/', '/', '^', '^'],
        ['^', '单位资金', '30.00', '30.00', '25.00', '', '/', '/', '^', '^'],
        ['^', '其他资金', '', '', '', '', '/', '/', '^', '^'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '权重', '得分'],
        ['^', '产出指标', '数量指标', '覆盖小区', '≥', '120', '个', '126', '90', '90'],
        ['合计', '<', '<', '<', '<', '<', '<', '<', '100', '98.57'],
      ]);
    const [noted] = recognizeForms(docModel('部门预算项目支出绩效自评表', sichuan(NOTE)), templates);
    expect(noted.layout).toBe('project-sichuan');
    expect(noted.funds.sources.total).toMatchObject({ actual: '240.00', rate: '85.71', reason: null });
    expect(Object.values(noted.funds.sources).map((l) => l.reason)).toEqual([null, null, null, null, null]);
    const [written] = recognizeForms(docModel('部门预算项目支出绩效自评表', sichuan('部分设备未到货，尾款未支付')), templates);
    expect(written.funds.sources.total.reason).toBe('部分设备未到货，尾款未支付');
  });
});

describe('a breakdown printed under a source line', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  const v = (budget: string, actual: string): string[] => [budget, budget, actual, '—', '—', '—'];
  const read = (rows: [string, string[]][]) => recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows })), templates)[0];
  const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
  const sumFindings = (rows: [string, string[]][]) =>
    checkRecord({ ...read(rows), source }, rules).filter((f) => /sources-sum|breakdown-sum/.test(f.rule)).map((f) => `${f.rule} ${f.message}`);
  const TOTAL: [string, string[]] = ['年度资金总额', ['120.00', '120.00', '118.20', '10', '98.50%', '9.85']];

  it('其中 lines under （1）财政拨款 are its parts, not the total\'s; an indented line continues them, （2） returns', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['（1）财政拨款', v('100.00', '98.20')],
      ['其中：一般公共预算', v('80.00', '78.20')],
      ['　　　政府性基金预算', v('20.00', '20.00')],
      ['（2）其他资金', v('20.00', '20.00')],
    ];
    const r = read(rows);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'generalBudget', 'govFundBudget', 'other']);
    expect(r.lineParents).toEqual({ 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' });
    expect(sumFindings(rows)).toEqual([]);
    // the breakdown that does not add up is noted, as an info: 78.20 + 20.00 ≠ 100.00
    rows[3] = ['　　　政府性基金预算', v('20.00', '10.00')];
    expect(sumFindings(rows)).toEqual(['funds.sources-breakdown-sum 财政拨款全年执行数98.20万元，与其下所列一般公共预算全年执行数78.20万元 + 政府性基金预算全年执行数10.00万元 = 88.20万元不一致（相差10.00万元）']);
  });

  it('① ② under （1）财政资金 are its parts (a new numbering opened at 1)', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['（1）财政资金', v('120.00', '118.20')],
      ['①中央补助', v('80.00', '80.00')],
      ['②县级配套', v('40.00', '38.20')],
      ['（2）其他资金', v('0', '')],
    ];
    expect(read(rows).lineParents).toEqual({ 'funds.sources.extra1': 'funds.sources.fiscal', 'funds.sources.extra2': 'funds.sources.fiscal' });
    expect(sumFindings(rows)).toEqual([]);
  });

  it('under an unnumbered line, an indented line continues the 其中 list and an unindented one returns to its level', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['财政拨款', v('100.00', '98.20')],
      ['其中：中央资金', v('60.00', '60.00')],
      ['　　　省级资金', v('40.00', '38.20')],
      ['其他资金', v('20.00', '20.00')],
    ];
    expect(read(rows).lineParents).toEqual({ 'funds.sources.extra1': 'funds.sources.fiscal', 'funds.sources.extra2': 'funds.sources.fiscal' });
    expect(sumFindings(rows)).toEqual([]);
  });

  it('the national template\'s 其中：当年财政拨款 / 上年结转资金 / 其他资金 are the parts of 年度资金总额', () => {
    const r = read([
      TOTAL,
      ['其中：当年财政拨款', v('100.00', '98.20')],
      ['上年结转资金', v('10.00', '10.00')],
      ['其他资金', v('10.00', '10.00')],
    ]);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'carryover', 'other']);
    expect(r.lineParents).toBeUndefined();
    const [plain] = recognizeForms(docModel('项目支出绩效自评表', projectTable()), templates);
    expect(plain.lineParents).toBeUndefined();
  });

  it('a line labelled …预算资金 is a line, not the block\'s 预算资金 anchor', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['其中：一般公共预算资金', v('80.00', '78.20')],
      ['　　　政府性基金预算资金', v('40.00', '40.00')],
    ];
    const r = read(rows);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'generalBudget', 'govFundBudget']);
    expect(r.lineParents).toBeUndefined();
    expect(sumFindings(rows)).toEqual([]);
    rows[2] = ['　　　政府性基金预算资金', v('40.00', '30.00')];
    expect(sumFindings(rows)).toHaveLength(1);
  });

  it('含： / 包括： and lines led by — - · • break down the line above like 其中', () => {
    const han: [string, string[]][] = [
      TOTAL,
      ['其中：财政资金', v('100.00', '98.20')],
      ['含：中央衔接资金', v('60.00', '60.00')],
      ['　　省级衔接资金', v('40.00', '38.20')],
      ['上年结转资金', v('20.00', '20.00')],
    ];
    expect(read(han).lineParents).toEqual({ 'funds.sources.extra1': 'funds.sources.fiscal', 'funds.sources.extra2': 'funds.sources.fiscal' });
    expect(read(han).lineLabels?.['funds.sources.extra1']).toBe('中央衔接资金');
    expect(sumFindings(han)).toEqual([]);
    const dash: [string, string[]][] = [
      TOTAL,
      ['其中：当年财政拨款', v('90.00', '88.20')],
      ['上年结转资金', v('30.00', '30.00')],
      ['—中央结转资金', v('20.00', '20.00')],
      ['-省级结转资金', v('10.00', '10.00')],
    ];
    expect(read(dash).lineParents).toEqual({ 'funds.sources.extra1': 'funds.sources.carryover', 'funds.sources.extra2': 'funds.sources.carryover' });
    expect(sumFindings(dash)).toEqual([]);
    const dots: [string, string[]][] = [
      TOTAL,
      ['当年财政拨款', v('100.00', '98.20')],
      ['包括：·一般公共预算资金', v('80.00', '78.20')],
      ['　　　·政府性基金预算资金', v('20.00', '20.00')],
      ['上年结转资金', v('20.00', '20.00')],
    ];
    expect(read(dots).lineParents).toEqual({ 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' });
    expect(sumFindings(dots)).toEqual([]);
  });

  it('a 其中 line printed deeper under a 其中 line breaks it down; the indented line after it stays at its depth', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['其中：当年财政拨款', v('100.00', '98.20')],
      ['　　其中:中央补助资金', v('70.00', '70.00')],
      ['　　　　　省级补助资金', v('30.00', '28.20')],
      ['上年结转资金', v('20.00', '20.00')],
    ];
    expect(read(rows).lineParents).toEqual({ 'funds.sources.extra1': 'funds.sources.fiscal', 'funds.sources.extra2': 'funds.sources.fiscal' });
    expect(sumFindings(rows)).toEqual([]);
  });

  it('lines whose words stand where a line\'s above do are its siblings: a breakdown\'s own list, then the total\'s parts lined up under 其中\'s words (probe S01)', () => {
    for (const [lead, sub, back] of [['　　', '　　　　　', '　　　'], ['    ', '          ', '      '], ['　　　　', '　　　　　　　', '　　　']]) {
      const rows: [string, string[]][] = [
        TOTAL,
        ['其中：当年财政拨款', v('100.00', '98.20')],
        [`${lead}其中：中央补助资金`, v('70.00', '70.00')],
        [`${sub}省级补助资金`, v('30.00', '28.20')],
        [`${back}上年结转资金`, v('20.00', '20.00')],
      ];
      expect(read(rows).lineParents, JSON.stringify(lead)).toEqual({ 'funds.sources.extra1': 'funds.sources.fiscal', 'funds.sources.extra2': 'funds.sources.fiscal' });
      expect(sumFindings(rows)).toEqual([]);
    }
  });

  it('"其中" in a cell of its own, merged down the breakdown\'s rows, marks each of them', () => {
    const rows: [string, string[]][] = [
      TOTAL,
      ['（1）财政拨款', v('100.00', '98.20')],
      ['一般公共预算', v('80.00', '78.20')],
      ['政府性基金预算', v('20.00', '20.00')],
      ['（2）其他资金', v('20.00', '20.00')],
    ];
    // the label's own column (1) holds 其中, merged down; the line's words stand in column 2
    const ownCell = (table: TableSpec, first: number, last: number): TableSpec => {
      for (let i = first; i <= last; i++) {
        const row = table.table[i];
        table.table[i] = ['^', i === first ? '其中' : '^', row[1], ...row.slice(3)];
      }
      return table;
    };
    const [r] = recognizeForms(docModel('项目支出绩效自评表', ownCell(projectTable({ rows }), 5, 6)), templates);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'generalBudget', 'govFundBudget', 'other']);
    expect(r.lineParents).toEqual({ 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' });
    // over the total's own parts, the 其中 cell leaves them the total's
    const top: [string, string[]][] = [TOTAL, ['当年财政拨款', v('100.00', '98.20')], ['上年结转资金', v('10.00', '10.00')], ['其他资金', v('10.00', '10.00')]];
    const [plain] = recognizeForms(docModel('项目支出绩效自评表', ownCell(projectTable({ rows: top }), 4, 6)), templates);
    expect(Object.keys(plain.funds.sources)).toEqual(['total', 'fiscal', 'carryover', 'other']);
    expect(plain.lineParents).toBeUndefined();
  });
});

/** projectTable with its goal rows (9 columns) and indicator rows replaced. */
function projectWith(goals: string[][], indicators?: string[][]): TableSpec {
  const rows = projectTable().table;
  const g = rows.findIndex((r) => r[0] === '年度总体目标');
  const ind = rows.findIndex((r) => r[0] === '绩效指标');
  return t([...rows.slice(0, g), ...goals, ...(indicators ?? rows.slice(ind))]);
}

describe('a report\'s table of contents, rows of in-table prose, labels naming two parts (probe N)', () => {
  /** The national project table with rows added after 总分. */
  const projectWithRows = (rows: string[][], header?: string[]): TableSpec => {
    const table = projectTable();
    if (header) table.table[1] = header;
    table.table.push(...rows);
    return table;
  };

  it('a report before its form with a cover and a table of contents: the narrative starts after them, and a TOC entry is no section', () => {
    const doc = docModel(
      '某某区教育体育局',
      '2023年度信息化建设项目绩效自评报告',
      '二〇二四年三月',
      '目　　录',
      '一、项目基本情况……………………………1',
      '二、存在的问题及改进措施………………2',
      '附件：项目支出绩效自评表………………3',
      '一、项目基本情况',
      '2023年年初预算100.00万元，全年预算120.00万元，全年支出118.80万元。',
      '二、存在的问题及改进措施',
      '系统验收进度偏慢。',
      '附件',
      '项目支出绩效自评表',
      '（2023年度）',
      projectTable(),
    );
    const [r] = recognizeForms(doc, templates);
    expect(r.narrative.text).toBe('一、项目基本情况\n2023年年初预算100.00万元，全年预算120.00万元，全年支出118.80万元。\n二、存在的问题及改进措施\n系统验收进度偏慢。');
    expect(r.conclusions).toEqual({ verdict: null, problems: '系统验收进度偏慢。', measures: '系统验收进度偏慢。' });
    expect(r.narrative.facts['spending.total']).toEqual([{ value: '118.80', approx: false, quote: '全年支出118.80万元', paragraph: 1 }]);
  });

  it('one report printed around its form (一、 before it, 二、 after it): both parts are its narrative (probe Q12)', () => {
    const doc = docModel(
      '2023年度信息化建设项目绩效自评报告',
      '一、基本情况',
      '项目年初预算100.00万元，调整后全年预算125.00万元，全年支出118.80万元。',
      '附表：',
      '项目支出绩效自评表',
      '（2023年度）',
      projectTable(),
      '二、绩效自评结论',
      '经自评，项目自评得分99.90分。',
    );
    const [r] = recognizeForms(doc, templates);
    expect(r.narrative.text).toBe('一、基本情况\n项目年初预算100.00万元，调整后全年预算125.00万元，全年支出118.80万元。\n附表：\n二、绩效自评结论\n经自评，项目自评得分99.90分。');
    expect(r.narrative.facts['budget.final']?.map((f) => f.value)).toEqual(['125.00']);
    expect(r.narrative.facts['score.total']?.map((f) => f.value)).toEqual(['99.90']);
    // numbered in other styles (probe S12, S13)
    for (const [one, two] of [['（一）基本情况', '（二）绩效自评结论'], ['1.基本情况', '2.绩效自评结论'], ['第一部分 基本情况', '第二部分 绩效自评结论']]) {
      const styled = docModel('2023年度信息化建设项目绩效自评报告', one, '项目年初预算100.00万元，调整后全年预算125.00万元。', '项目支出绩效自评表', projectTable(), two, '经自评，项目自评得分99.90分。');
      expect(recognizeForms(styled, templates)[0].narrative.facts['budget.final']?.map((f) => f.value), one).toEqual(['125.00']);
    }
    // numbered afresh after the form (一、 again: another document's), the text before it is no report of it
    const apart = docModel('2023年度信息化建设项目绩效自评报告', '一、基本情况', '项目年初预算100.00万元，调整后全年预算125.00万元。', '项目支出绩效自评表', projectTable(), '一、绩效自评结论', '经自评，项目自评得分99.90分。');
    expect(recognizeForms(apart, templates)[0].narrative.text).toBe('一、绩效自评结论\n经自评，项目自评得分99.90分。');
  });

  it('a table of contents in the narrative after the form (Word\'s tab leaders, no 目录 heading) is neither heading nor text', () => {
    const doc = docModel(
      DEPT_TITLE,
      deptTable(),
      '评价报告综述',
      '一、部门（单位）概况\t1',
      '二、存在的主要问题\t3',
      '一、部门（单位）概况',
      '某某区民政局是区人民政府工作部门。',
      '二、存在的主要问题',
      '养老机构消防整改偏慢。',
    );
    const [r] = recognizeForms(doc, templates);
    expect(r.narrative.text).toBe('一、部门（单位）概况\n某某区民政局是区人民政府工作部门。\n二、存在的主要问题\n养老机构消防整改偏慢。');
    expect(r.conclusions.problems).toBe('养老机构消防整改偏慢。');
  });

  it('a row labelled 存在问题及改进措施 fills both parts; a 主要绩效 row of prose is the narrative, its figures facts; the fields below it are read', () => {
    const table = projectWithRows([
      ['主要绩效', '全年建成系统22个，全年支出118.80万元，运行平稳。', '<', '<', '<', '<', '<', '<', '<'],
      ['存在问题及改进措施', '验收偏慢。下一步加快验收。', '<', '<', '<', '<', '<', '<', '<'],
      ['自评等级', '优', '<', '<', '<', '<', '<', '<', '<'],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', table), templates);
    expect(r.narrative.text).toBe('全年建成系统22个，全年支出118.80万元，运行平稳。');
    expect(r.narrative.facts['spending.total']?.map((f) => f.value)).toEqual(['118.80']);
    expect(r.conclusions).toEqual({ verdict: null, problems: '验收偏慢。下一步加快验收。', measures: '验收偏慢。下一步加快验收。' });
    expect(r.grade).toBe('优');
    expect(r.provenance['conclusions.measures']).toMatchObject({ row: 13, col: 1 });
  });

  it('a report before a form with 主要绩效 prose rows is still its narrative (its figures the facts); the rows\' 存在问题及改进措施 cell its conclusions', () => {
    const table = projectWithRows([
      ['主要绩效', '全年建成系统22个，全年执行数118.80万元，运行平稳。', '<', '<', '<', '<', '<', '<', '<'],
      ['存在问题及改进措施', '验收偏慢。下一步加快验收。', '<', '<', '<', '<', '<', '<', '<'],
    ]);
    const doc = docModel(
      '2023年度信息化建设项目绩效自评报告',
      '目　　录',
      '一、项目基本情况……………………………1',
      '二、存在的问题及改进措施………………2',
      '一、项目基本情况',
      '2023年全年预算120.00万元，全年支出116.80万元。',
      '二、存在的问题及改进措施',
      '系统验收进度偏慢。',
      '附件',
      '项目支出绩效自评表',
      '（2023年度）',
      table,
    );
    const [r] = recognizeForms(doc, templates);
    expect(r.narrative.text).toBe('一、项目基本情况\n2023年全年预算120.00万元，全年支出116.80万元。\n二、存在的问题及改进措施\n系统验收进度偏慢。');
    expect(r.narrative.facts['spending.total']?.map((f) => f.value)).toEqual(['116.80']);
    expect(r.conclusions).toEqual({ verdict: null, problems: '验收偏慢。下一步加快验收。', measures: '验收偏慢。下一步加快验收。' });
  });

  it('a label joining a conclusion part and something no part (存在问题及原因分析) names none', () => {
    const table = projectWithRows([['存在问题及原因分析', '验收偏慢。', '<', '<', '<', '<', '<', '<', '<']]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', table), templates);
    expect(r.conclusions).toEqual({ verdict: null, problems: null, measures: null });
  });

  it('a value past an empty cell after its label is read; a label there, or an unknown label (联系人, 项目编码) with its own value, is no value (probe V 08)', () => {
    // projectTable's grid is 10 columns wide
    const read = (name: string[], header: string[]) => {
      const table = projectTable();
      table.table[0] = name;
      table.table[1] = header;
      return recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', table), templates)[0];
    };
    // the value last in its row, or before the next field's label
    const r = read(['项目名称', '', '2023年信息化建设项目', '<', '<', '<', '<', '<', '<', '<'], ['主管部门', '', '某某区财政局', '<', '实施单位', '', '某某区信息中心', '<', '<', '<']);
    expect(r.entity).toBe('2023年信息化建设项目');
    expect(r.header).toEqual({ department: '某某区财政局', implementer: '某某区信息中心' });
    expect(r.provenance.entity).toMatchObject({ table: 0, row: 0, col: 2, raw: '2023年信息化建设项目' });
    // the next filled cell a field's label: the value is blank, not the label nor what follows it
    const blank = read(['项目名称', '', '联系人', '张三', '<', '<', '<', '<', '<', '<'], ['主管部门', '', '实施单位', '某某区信息中心', '<', '<', '<', '<', '<', '<']);
    expect(blank.entity).toBeNull();
    expect(blank.header).toEqual({ department: null, implementer: '某某区信息中心' });
    // an unknown label followed by its own blank value, the empty cell in a column other rows write in
    expect(read(['项目名称', '', '项目编码', '<', '<', '', '<', '<', '<', '<'], ['主管部门', '某某区财政局', '<', '<', '实施单位', '某某区信息中心', '<', '<', '<', '<']).entity).toBeNull();
  });

  it('项目单位 is the implementer; 填报单位 and 主管单位 are not', () => {
    const read = (header: string[]) => recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', projectWithRows([], header)), templates)[0];
    expect(read(['主管部门', '某某区民政局', '<', '<', '项目单位', '某某区养老服务中心', '<', '<', '<']).header).toEqual({ department: '某某区民政局', implementer: '某某区养老服务中心' });
    expect(read(['主管单位', '某某区民政局', '<', '<', '填报单位', '某某区养老服务中心', '<', '<', '<']).header).toEqual({ department: '某某区民政局', implementer: null });
  });

  it('one label naming 主管部门 and 实施单位 (主管部门（实施单位）, 主管部门/实施单位, 主管部门及实施单位): one unit is both, units separated as the label joins its parts are one each (probe Z z05, z14, z16)', () => {
    const read = (label: string, value: string) =>
      recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', projectWithRows([], [label, value, '<', '<', '<', '<', '<', '<', '<'])), templates)[0];
    const both = (unit: string) => ({ department: unit, implementer: unit });
    expect(read('主管部门（实施单位）', '青山镇人民政府').header).toEqual(both('青山镇人民政府'));
    expect(read('主管部门及实施单位', '江垭镇人民政府').header).toEqual(both('江垭镇人民政府'));
    const z14 = read('主管部门/实施单位', '石门县林业局/罗坪乡林业站');
    expect(z14.header).toEqual({ department: '石门县林业局', implementer: '罗坪乡林业站' });
    expect(z14.provenance['header.implementer']).toMatchObject({ row: 1, col: 1, raw: '石门县林业局/罗坪乡林业站' });
    // in the label's order, whatever the separator
    expect(read('实施单位、主管部门', '罗坪乡林业站；石门县林业局').header).toEqual({ department: '石门县林业局', implementer: '罗坪乡林业站' });
    expect(read('主管部门和实施单位', '石门县林业局、罗坪乡林业站').header).toEqual({ department: '石门县林业局', implementer: '罗坪乡林业站' });
    // a value cell naming the fields itself is read by its own labels (probe Z z01)
    expect(read('主管部门及实施单位', '主管部门：石门县交通运输局　　实施单位：大坪镇人民政府').header).toEqual({ department: '石门县交通运输局', implementer: '大坪镇人民政府' });
    // three units for two parts: which is which cannot be told, neither is read
    expect(read('主管部门/实施单位', '石门县财政局/石门县林业局/罗坪乡林业站').header).toEqual({ department: null, implementer: null });
    // a part that names no field: the label names none
    expect(read('实施单位（盖章）', '罗坪乡林业站').header).toEqual({ department: null, implementer: null });
    // the same label on a line above the table
    const table = projectTable();
    table.table.splice(1, 1);
    const [line] = recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', '主管部门/实施单位：石门县林业局/罗坪乡林业站', table), templates);
    expect(line.header).toEqual({ department: '石门县林业局', implementer: '罗坪乡林业站' });
  });
});

describe('fund lines typed one under the other in one row (probe Z z20, z40)', () => {
  it('the fund block is unreadable, and the reason names the lines packed into one cell', () => {
    const table = projectTable({
      rows: [['年度资金总额\n其中：财政拨款\n其他资金', ['', '150.00\n150.00\n—', '147.30\n147.30\n—', '10\n—\n—', '98.20%\n98.20%\n—', '9.82\n—\n—']]],
    });
    const [r] = recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', table), templates);
    expect(r.blocks.fund).toBe('unreadable');
    expect(r.unreadBlocks.find((u) => u.block === 'fund')?.reason).toBe(
      '资金表中一格里填了几个资金行（“年度资金总额”“其中：财政拨款”“其他资金”），各行的金额也挤在同一行，无法逐行读取；请每个资金行各占一行',
    );
  });
});

describe('a 自评结果 cell holding a grade word alone (probe Z z16)', () => {
  /** The national project table with a row after 总分. */
  const read = (row: string[]) => {
    const table = projectTable();
    table.table.push(row);
    return recognizeForms(docModel('项目支出绩效自评表', '（2023年度）', table), templates)[0];
  };

  it('says the grade when no 自评等级 does; a sentence, or a 自评等级 of its own, leaves the grade to that', () => {
    const one = read(['自评结果', '优', '<', '<', '<', '<', '<', '<', '<']);
    expect(one.grade).toBe('优');
    expect(one.conclusions.verdict).toBe('优');
    expect(one.provenance.grade).toMatchObject({ col: 1, raw: '优' });
    expect(read(['自评结果', '良 好', '<', '<', '<', '<', '<', '<', '<']).grade).toBe('良 好');
    // a verdict in words is no grade
    expect(read(['自评结果', '项目完成情况较好，群众满意', '<', '<', '<', '<', '<', '<', '<']).grade).toBeNull();
    // a 自评等级 cell says the grade, whatever the verdict prints
    expect(read(['自评等级', '良', '<', '<', '自评结果', '优', '<', '<', '<']).grade).toBe('良');
  });
});

describe('blocks printed in another order, or beside the usual ones', () => {
  /** The 年度主要任务 block some department layouts print between the fund block and the goals. */
  const tasks = [
    ['年度主要任务', '任务名称', '<', '主要内容', '<', '预算数', '<', '执行数', '<'],
    ['^', '城乡低保提标扩面', '<', '提高保障标准', '<', '320.00', '<', '318.50', '<'],
    ['^', '临时救助', '<', '急难救助（元/人）', '<', '111.10', '<', '36.41', '<'],
    ['^', '2022年度结转任务', '<', '困难群众救助', '<', '20.00', '<', '20.00', '<'],
  ];

  // After the fund block (Hunan), or before it under the 部门名称 row (Gansu).
  for (const [anchor, at] of [['整体资金\n（万元）', 9], ['年度资金\n（万元）', 9], ['整体资金\n（万元）', 0], ['预算执行情况\n（万元）', 0]] as const) {
    it(`a 年度主要任务 block (任务名称 | 主要内容 | 预算数 | 执行数) is another block of the form, not a new form nor fund lines (${anchor.split('\n')[0]}, ${at ? 'after' : 'before'} the fund block)`, () => {
      const table = deptTable({ anchor, rows: { srcTotal: ['1000.00', '950.00', '97.00%', '10', '9.50'] } });
      table.table.splice(at, 0, ...tasks);
      if (at === 0) table.table.unshift(['部门（单位）名称', '某某市民政局', '<', '<', '<', '<', '<', '<', '<']);
      const forms = recognizeForms(docModel('部门整体支出绩效自评表', table), templates);
      expect(forms).toHaveLength(1);
      const [r] = forms;
      expect(r.form).toBe('dept-overall');
      expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
      // A task's （元/人） or year is none of the form's.
      expect(r.sourceUnit).toBe('万元');
      expect(r.year).toBeNull();
      expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'other']);
      expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '97.00', weight: '10', score: '9.50' });
      expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
      expect(r.funds.uses?.project).toMatchObject({ budget: '400.00', actual: '370.00' });
      expect(r.goals).toEqual([{ target: '完成年度工作任务', result: '已完成' }]);
      expect(r.indicators.map((i) => i.name)).toEqual(['指标1：服务户数', '指标1：群众满意']);
      expect(r.total).toEqual({ weight: '100', score: '97.5' });
    });
  }

  it('after a form\'s 总分 row a fund header still opens the next form, untitled as it is', () => {
    const forms = recognizeForms(docModel(DEPT_TITLE, deptTable(), deptTable({ rows: { srcTotal: ['2000.00', '1900.00', '95.00%', '10', '9.50'] } })), templates);
    expect(forms.map((f) => f.funds.sources.total?.budget)).toEqual(['1000.00', '2000.00']);
  });

  // Goals and indicators first, then the fund block, then the 年度主要任务 block (its header
  // naming budget and actual columns, or not), then 总分 — or no 总分 row at all.
  const indicatorsFirst = (taskRows: string[][], withTotal: boolean) => {
    const rows = deptTable().table;
    return t([...rows.slice(9, 16), ...rows.slice(0, 9), ...taskRows, ...(withTotal ? [rows[16]] : [])]);
  };
  const tasksNoBudget = [
    ['重点\n工作\n任务', '任务名称', '<', '主要内容', '<', '<', '完成情况', '<', '<'],
    ['^', '城乡低保提标扩面', '<', '提高保障标准', '<', '<', '已完成', '<', '<'],
  ];
  for (const [name, taskRows] of [['预算数 | 执行数', tasks], ['对应项目 | 预算数 | 执行数', tasks.map((r) => [r[0], r[1], '<', r[3], '<', r[0] === '^' ? '某某项目' : '对应项目', r[5], '<', r[7]])], ['no budget column', tasksNoBudget]] as const) {
    it(`a 年度主要任务 block after the fund block that follows the indicators (${name}): its rows are no indicators, the 总分 below it is the form's`, () => {
      const forms = recognizeForms(docModel(DEPT_TITLE, indicatorsFirst(taskRows as string[][], true)), templates);
      expect(forms).toHaveLength(1);
      const [r] = forms;
      expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
      expect(r.indicators.map((i) => i.name)).toEqual(['指标1：服务户数', '指标1：群众满意']);
      expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
      expect(r.total).toEqual({ weight: '100', score: '97.5' });
    });
  }

  it('a form printing no 总分 row is read: its total block not read, the checks needing it skipped, a warning says the row was not found', () => {
    const forms = recognizeForms(docModel(DEPT_TITLE, indicatorsFirst(tasks, false)), templates);
    expect(forms).toHaveLength(1);
    const [r] = forms;
    expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'unreadable', goals: 'read' });
    expect(r.indicators.map((i) => i.name)).toEqual(['指标1：服务户数', '指标1：群众满意']);
    expect(r.unreadBlocks).toEqual([{ block: 'total', table: null, row: null, page: null, label: null, reason: expect.stringContaining('未找到总分行') }]);
    const findings = checkRecord({ ...r, source: { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx', bytes: 1, pages: null, formIndex: 0 } }, loadRuleSet([bundledRulesDir()]));
    expect(findings.filter((f) => f.fields.some((p) => p.startsWith('total.')))).toEqual([]);
    expect(findings.filter((f) => f.fields.includes('blocks.total')).map((f) => f.severity)).toEqual(['warning']);
  });

  it('a fund block printed after the indicators, above 总分: every block read; an indicator\'s （元） or year is not the form\'s', () => {
    const rows = projectTable({ name: '信息化建设项目' }).table;
    // 项目名称, 主管部门 | goals, indicators | the fund block | 总分
    const table = t([...rows.slice(0, 2), ...rows.slice(7, 11), ...rows.slice(2, 7), rows[11]]);
    table.table[2 + 3][3] = '人均补助标准（元）';
    table.table[2 + 3][4] = '2022年底前';
    table.table[6][0] = '项目资金';
    const forms = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(forms).toHaveLength(1);
    const [r] = forms;
    expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'read', goals: 'read' });
    expect(r.sourceUnit).toBe('万元');
    expect(r.year).toBeNull();
    expect(r.funds.sources.total).toEqual({ initial: '100.00', budget: '120.00', actual: '118.80', weight: '10', rate: '99.00', score: '9.90' });
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'carryover', 'other']);
    expect(r.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '人均补助标准（元）', target: '2022年底前', actual: '22个', weight: '90', score: '90', deviation: null }]);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
    expect(r.provenance['total.score']).toMatchObject({ row: 11 });
  });
});

describe('goals and indicators in layouts seen in other provinces', () => {
  const GOAL = { target: '建成系统', result: '已建成' };
  const GOAL_ROWS = [
    ['年度总体目标', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
    ['^', '建成系统', '<', '<', '<', '已建成', '<', '<', '<'],
  ];

  it('a goals label no template lists is known by its header pair: 项目总体目标, 年度绩效目标, a PDF\'s scrambled vertical label', () => {
    for (const label of ['项目总体目标', '年度总体绩效目标', '年度绩效目标', '总年体度']) {
      const table = projectWith([
        [label, '预期目标', '<', '<', '<', '全年实际完成情况', '<', '<', '<'],
        ['^', '建成系统', '<', '<', '<', '已建成', '<', '<', '<'],
      ]);
      const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
      expect(r.goals, label).toEqual([GOAL]);
      expect(r.blocks.goals).toBe('read');
      expect(r.indicators).toHaveLength(1);
    }
  });

  it('Sichuan 510000_0013zp: goals under 项目基本情况, a header pair in words no list holds (项目年度目标 | 年度目标完成情况), the block going on with other parts', () => {
    const table = projectWith([
      ['项目基本情况', '1.项目年度目标完成情况', '<', '<', '<', '<', '<', '<', '<'],
      ['^', '项目年度目标', '<', '<', '<', '年度目标完成情况', '<', '<', '<'],
      ['^', '建成系统', '<', '<', '<', '已建成', '<', '<', '<'],
      ['^', '2.项目实施内容及过程概述', '<', '<', '<', '<', '<', '<', '<'],
      ['^', '按计划采购设备，完成安装调试。', '<', '<', '<', '<', '<', '<', '<'],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.goals).toEqual([GOAL]);
    expect(r.blocks.goals).toBe('read');
    expect(r.provenance['goals[0].target']).toMatchObject({ row: 9, col: 1 });
    expect(r.indicators).toHaveLength(1);
  });

  it('Sichuan\'s variant printing 年度总体目标 as the target column\'s header beside 年度目标完成情况: the goals below are read, target and result', () => {
    const table = projectWith([
      ['项目基本情况', '1.项目年度目标完成情况', '<', '<', '<', '<', '<', '<', '<'],
      ['^', '年度总体目标', '<', '<', '<', '年度目标完成情况', '<', '<', '<'],
      ['^', '建成系统', '<', '<', '<', '已建成', '<', '<', '<'],
      ['^', '2.项目实施内容及过程概述', '<', '<', '<', '<', '<', '<', '<'],
      ['^', '按计划采购设备，完成安装调试。', '<', '<', '<', '<', '<', '<', '<'],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.goals).toEqual([GOAL]);
    expect(r.provenance['goals[0].target']).toMatchObject({ row: 9, col: 1 });
  });

  it('a column saying how a row is scored (评分标准, 评分依据) is no score column; the header that means a score (自评得分) is', () => {
    for (const criteria of ['评分标准', '评分依据', '评分细则', '评分说明']) {
      const table = projectWith(GOAL_ROWS, [
        ['绩效指标', '一级指标', '二级指标', '三级指标', criteria, '实际完成值', '分值', '自评得分', '扣分原因和其他说明'],
        ['^', '产出指标', '数量指标', '系统数量', '建成20个计50分，每少1个扣2分', '18个', '50', '46', '供货延迟'],
        ['^', '效益指标', '社会效益指标', '服务满意度', '≥90%计40分，每低1个百分点扣1分', '95%', '40', '40', ''],
        ['总分', '<', '<', '<', '<', '<', '100', '95.90', ''],
      ]);
      const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
      expect(r.indicators.map((i) => [i.name, i.actual, i.weight, i.score, i.deviation]), criteria).toEqual([
        ['系统数量', '18个', '50', '46', '供货延迟'],
        ['服务满意度', '95%', '40', '40', null],
      ]);
      expect(r.cellIssues ?? {}, criteria).toEqual({});
    }
  });

  it('goals stacked: a 预期目标 row above an 实际完成情况 row, each text right of its label', () => {
    const table = projectWith([
      ['年度总体目标', '预期目标', '建成系统', '<', '<', '<', '<', '<', '<'],
      ['^', '实际完成情况', '已建成', '<', '<', '<', '<', '<', '<'],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.goals).toEqual([GOAL]);
    expect(r.provenance['goals[0].result']).toMatchObject({ row: 8, col: 2, raw: '已建成' });
  });

  it('goals in one row, each cell naming its column before a colon', () => {
    const table = projectWith([['年度总体目标', '预期目标：建成系统', '<', '<', '<', '实际完成情况：已建成', '<', '<', '<']]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.goals).toEqual([GOAL]);
    expect(r.provenance['goals[0].target'].raw).toBe('预期目标：建成系统');
  });

  it('the indicators\' own 合计 row above 总分 is no indicator, and a 偏差原因 merged down the rows belongs to each', () => {
    const table = projectWith(
      GOAL_ROWS,
      [
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['^', '产出指标', '数量指标', '系统数量', '≥20个', '18个', '50', '45', '供货延迟'],
        ['^', '^', '质量指标', '验收合格率', '100%', '90%', '40', '36', '^'],
        ['^', '合计', '<', '<', '<', '<', '90', '81', ''],
        ['总分', '<', '<', '<', '<', '<', '100', '90.90', ''],
      ],
    );
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.weight, i.score, i.deviation])).toEqual([
      ['系统数量', '50', '45', '供货延迟'],
      ['验收合格率', '40', '36', '供货延迟'],
    ]);
    expect(r.total).toEqual({ weight: '100', score: '90.90' });
    expect(r.provenance['total.score'].row).toBe(13);
  });

  it('偏差原因分析 beside 改进措施 (K17): the reason is read from its own column, not from the measures', () => {
    const table = projectWith(GOAL_ROWS, [
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析', '改进措施'],
      ['^', '产出指标', '数量指标', '系统数量', '≥20个', '18个', '50', '45', '供货延迟', '加强督促'],
      ['^', '效益指标', '社会效益指标', '服务满意度', '≥90%', '85%', '40', '36', '', '加强宣传'],
      ['总分', '<', '<', '<', '<', '<', '100', '90.90', '', '<'],
    ]);
    for (const row of table.table) while (row.length < 10) row.push('<');
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.deviation])).toEqual([
      ['系统数量', '供货延迟'],
      ['服务满意度', null],
    ]);
    expect(r.provenance['indicators[1].deviation']).toMatchObject({ col: 8 });
  });

  it('指标值 beside 年度指标值 (probe Q04): the year\'s target is read from 年度指标值, the column the lexicon names first', () => {
    const table = projectWith(GOAL_ROWS, [
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['^', '产出指标', '数量指标', '贴息人数', '1200人', '≥400人', '412人', '50', '50', ''],
      ['^', '效益指标', '社会效益指标', '新增就业人数', '6000人', '≥2000人', '2156人', '40', '40', ''],
      ['总分', '<', '<', '<', '<', '<', '<', '100', '99.90', ''],
    ]);
    for (const row of table.table) while (row.length < 10) row.push('<');
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ['贴息人数', '≥400人', '412人'],
      ['新增就业人数', '≥2000人', '2156人'],
    ]);
    // the year's column however its header is worded (probe S11)
    for (const yearly of ['2023年度指标值', '年度指标值（2023年）', '本年度指标值', '年度目标值']) {
      table.table[table.table.findIndex((row) => row[4] === '指标值')][5] = yearly;
      const [y] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
      expect(y.indicators.map((i) => i.target), yearly).toEqual(['≥400人', '≥2000人']);
    }
  });

  it('a 分值/得分 merged over a 二级指标\'s rows (K03) is the group\'s: one indicatorGroups entry, its rows without the keys, never blank', () => {
    const table = projectWith(GOAL_ROWS, [
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '50', '48', ''],
      ['^', '^', '^', '培训人数', '≥100人', '90人', '^', '^', '场地受限'],
      ['^', '效益指标', '社会效益指标', '服务满意度', '≥90%', '95%', '40', '40', ''],
      ['总分', '<', '<', '<', '<', '<', '100', '97.90', ''],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ['系统数量', undefined, undefined],
      ['培训人数', undefined, undefined],
      ['服务满意度', '40', '40'],
    ]);
    expect(r.indicatorGroups).toEqual([{ indicators: [0, 1], weight: '50', score: '48' }]);
    expect(r.provenance['indicatorGroups[0].score']).toMatchObject({ row: 10, col: 7, raw: '48' });
    expect(Object.keys(r.provenance).filter((p) => /^indicators\[[01]\]\.(weight|score)$/.test(p))).toEqual([]);
    expect(r.cellIssues ?? {}).toEqual({});
  });

  it('a blank 三级指标 with the name printed in the 二级指标 cell (K07): the name is read from there; a blank row stays a template row', () => {
    const table = projectWith(GOAL_ROWS, [
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '50', '50', ''],
      ['^', '^', '质量指标', '', '', '', '', '', ''],
      ['^', '效益指标', '社会效益指标：困难群众生活保障水平', '', '有效保障', '有效保障', '30', '30', ''],
      ['^', '满意度指标', '服务对象满意度', '', '≥90%', '95%', '10', '10', ''],
      ['总分', '<', '<', '<', '<', '<', '100', '99.90', ''],
    ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.level2, i.name])).toEqual([
      ['数量指标', '系统数量'],
      ['社会效益指标', '困难群众生活保障水平'],
      ['服务对象满意度', '服务对象满意度'],
    ]);
    expect(r.provenance['indicators[1].name']).toMatchObject({ row: 12, col: 2, raw: '困难群众生活保障水平' });
  });

  it('no 分值 column, each weight at the end of its indicator\'s name and the total\'s in its label', () => {
    const table = projectWith(
      GOAL_ROWS,
      [
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施', '<'],
        ['^', '产出指标', '数量指标', '系统数量（50分）', '≥20个', '22个', '50', '', '<'],
        ['^', '效益指标', '社会效益指标', '★服务满意度(40分)', '≥90%', '95%', '40', '', '<'],
        ['总分（100分）', '<', '<', '<', '<', '<', '99.90', '', '<'],
      ],
    );
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.weight, i.score, i.key])).toEqual([
      ['系统数量', '50', '50', undefined],
      ['服务满意度', '40', '40', true],
    ]);
    expect(r.provenance['indicators[1].weight']).toMatchObject({ row: 11, col: 3, raw: '★服务满意度(40分)' });
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
  });

  it('a total score cell printing its own label before the figure (自评得分：99.20) reads as the figure; other labels do not', () => {
    const rows = (weight: string, score: string) =>
      projectWith(GOAL_ROWS, [
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '偏差原因分析及改进措施', '<'],
        ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '90', '', '<'],
        ['总分', '<', '<', '<', '<', '<', weight, score, '<'],
      ]);
    const [r] = recognizeForms(docModel('项目支出绩效自评表', rows('100', '自评得分：99.20')), templates);
    expect(r.total).toEqual({ weight: '100', score: '99.20' });
    expect(r.provenance['total.score'].raw).toBe('自评得分：99.20');
    expect(r.cellIssues ?? {}).toEqual({});
    const [named] = recognizeForms(docModel('项目支出绩效自评表', rows('总分：100', '合计得分: 99.20分')), templates);
    expect(named.total).toEqual({ weight: '100', score: '99.20' });
    // a label that is not the cell's own (其中, 扣分, 得分率) leaves the cell no number
    for (const other of ['其中：99.20', '扣分：0.80', '得分率：99.20']) {
      const [x] = recognizeForms(docModel('项目支出绩效自评表', rows('100', other)), templates);
      expect(x.total.score, other).toBeNull();
      expect(x.cellIssues?.['total.score'], other).toBe('nan');
    }
  });

  it('a 总分 row shifted a column with the grade typed under 得分 ("总分 | 100 | 97.5 | 自评等级：优", probe Z z35): its two figures are 分值 then 得分; the aligned row (z38) reads as ever', () => {
    const form = (total: string[]) =>
      projectWith(GOAL_ROWS, [
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '90', '87.6', '进度偏慢'],
        total,
      ]);
    const rules = loadRuleSet([bundledRulesDir()]);
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    // 100 under 实际完成值, 97.5 under 分值, the grade over 得分 and 偏差原因
    const [z35] = recognizeForms(docModel('项目支出绩效自评表', form(['总分', '<', '<', '<', '<', '100', '97.5', '自评等级：优', '<'])), templates);
    expect(z35.total).toEqual({ weight: '100', score: '97.5' });
    expect(z35.cellIssues ?? {}).toEqual({});
    expect(z35.provenance['total.weight']).toMatchObject({ col: 5, raw: '100' });
    expect(z35.provenance['total.score']).toMatchObject({ col: 6, raw: '97.5' });
    expect(z35.grade).toBe('优');
    // fund 10 + 90 = 100, 9.90 + 87.6 = 97.5: nothing to say
    expect(checkRecord({ ...z35, source }, rules).filter((f) => f.severity !== 'info')).toEqual([]);
    // the grade alone, no label: the grade beside the score read
    const [bare] = recognizeForms(docModel('项目支出绩效自评表', form(['总分', '<', '<', '<', '<', '100', '97.5', '良好', '<'])), templates);
    expect(bare.total).toEqual({ weight: '100', score: '97.5' });
    expect(bare.grade).toBe('良好');
    // aligned: 100 under 分值, 97.5 under 得分, the grade under 偏差原因
    const [z38] = recognizeForms(docModel('项目支出绩效自评表', form(['总分', '<', '<', '<', '<', '<', '100', '97.5', '自评等级：优'])), templates);
    expect(z38.total).toEqual({ weight: '100', score: '97.5' });
    expect(z38.provenance['total.score']).toMatchObject({ col: 7, raw: '97.5' });
    expect(z38.grade).toBe('优');
    // a figure mistyped under 得分 is no grade: still a cell not read as a number
    const [typo] = recognizeForms(docModel('项目支出绩效自评表', form(['总分', '<', '<', '<', '<', '<', '100', '97.5.0', ''])), templates);
    expect(typo.total).toEqual({ weight: '100', score: null });
    expect(typo.cellIssues?.['total.score']).toBe('nan');
    // words under 得分 with one figure in the row: no 得分 to take
    const [one] = recognizeForms(docModel('项目支出绩效自评表', form(['总分', '<', '<', '<', '<', '<', '100', '自评等级：优', ''])), templates);
    expect(one.total).toEqual({ weight: '100', score: null });
  });

  it('a weight in one name only is part of that name', () => {
    const table = projectWith(
      GOAL_ROWS,
      [
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施', '<'],
        ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '50', '', '<'],
        ['^', '效益指标', '社会效益指标', '考核得分（90分）', '≥90', '95', '40', '', '<'],
        ['总分', '<', '<', '<', '<', '<', '99.90', '', '<'],
      ],
    );
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.indicators.map((i) => [i.name, i.weight])).toEqual([
      ['系统数量', undefined],
      ['考核得分（90分）', undefined],
    ]);
  });
});

describe('Chongqing layout (a template file only: rules/templates/project-chongqing.yaml)', () => {
  it('reads past 是否核心指标 and 得分系数: 得分系数 is not taken for 得分', () => {
    const table = projectTable();
    const at = table.table.findIndex((r) => r[1] === '一级指标');
    table.table[at] = ['绩效指标', '一级指标', '二级指标', '三级指标', '是否核心指标', '年度指标值', '实际完成值', '分值', '得分系数', '得分'];
    table.table[at + 1] = ['^', '产出指标', '数量指标', '系统数量', '是', '≥20个', '22个', '90', '1', '90'];
    table.table[at + 2] = ['总分', '<', '<', '<', '<', '<', '<', '100', '', '99.90'];
    for (const row of table.table) while (row.length < 10) row.push('<');
    const [r] = recognizeForms(docModel('项目支出绩效自评表', table), templates);
    expect(r.layout).toBe('project-chongqing');
    expect(r.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '系统数量', target: '≥20个', actual: '22个', weight: '90', score: '90' }]);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
    expect(r.provenance['indicators[0].score'].col).toBe(9);
  });
});

describe('several forms in one document', () => {
  it('a department form followed by project forms without titles: one record each, own narrative', () => {
    const doc = docModel(
      DEPT_TITLE,
      deptTable(),
      '评价报告综述',
      '某某区财政局是区政府工作部门。',
      projectTable({ name: '项目甲' }),
      '项目甲的自评说明。',
      projectTable({ name: '项目乙' }),
    );
    const forms = recognizeForms(doc, templates);
    expect(forms.map((f) => [f.form, f.entity])).toEqual([
      ['dept-overall', '某某区财政局'],
      ['project', '项目甲'],
      ['project', '项目乙'],
    ]);
    expect(forms[0].narrative.text).toBe('某某区财政局是区政府工作部门。');
    expect(forms[1].narrative.text).toBe('项目甲的自评说明。');
    expect(forms[2].narrative.text).toBeNull();
    expect(forms[2].provenance['funds.sources.total.budget']).toMatchObject({ table: 2, row: 3, col: 4 });
  });

  it('the year line above a 项目名称 row that opens the next form is that form\'s, not the end of the one before', () => {
    // a PDF whose repeated titles went as page furniture, or titles of a wording no template knows
    const doc = docModel('（2022年度）', projectTable({ name: '项目甲' }), '（2023年度）', projectTable({ name: '项目乙' }));
    const forms = recognizeForms(doc, templates);
    expect(forms.map((f) => [f.entity, f.year])).toEqual([
      ['项目甲', 2022],
      ['项目乙', 2023],
    ]);
    expect(forms[0].narrative.text).toBeNull();
  });

  it('a filing date above the form (填报日期：2024年3月15日) is not its year where the title or 年度 line states one (probe P07)', () => {
    // XLSX: the cover rows are rows of the sheet's one table, above the title row and its 年度 line
    const form = projectTable({ name: '小型水库除险加固项目' }).table;
    const cover = (cells: string[]) => [...cells, '<', '<', '<', '<', '<', '<', '<'];
    const sheet = t([cover(['单位名称：', '岳阳市君山区水利局']), cover(['填报日期：', '2024年3月15日']), ['项目支出绩效自评表', '<', '<', '<', '<', '<', '<', '<', '<'], ['（2023年度）', '<', '<', '<', '<', '<', '<', '<', '<'], ...form]);
    expect(recognizeForms(docModel('附件3', sheet), templates).map((f) => f.year)).toEqual([2023]);
    // DOCX / PDF: the date a line above the 年度 line
    expect(recognizeForms(docModel('项目支出绩效自评表', '填报日期：2024年3月15日', '（2023年度）', t(form)), templates).map((f) => f.year)).toEqual([2023]);
    expect(recognizeForms(docModel('项目支出绩效自评表', '报送日期：2024年', '（2023年度）', t(form)), templates).map((f) => f.year)).toEqual([2023]);
    // where nothing else states a year, the date still does
    expect(recognizeForms(docModel('项目支出绩效自评表', '填报日期：2024年3月15日', t(form)), templates).map((f) => f.year)).toEqual([2024]);
  });

  it('a title repeated inside an unfinished form (a PDF page header) does not split it', () => {
    const whole = deptTable();
    const page1 = t(whole.table.slice(0, 13));
    const page2 = t([whole.table[11], ...whole.table.slice(13)].map((r) => r.map((c) => (c === '^' ? '' : c))));
    page2.table[0][0] = '绩效指标';
    const forms = recognizeForms(docModel(DEPT_TITLE, page1, DEPT_TITLE, page2), templates);
    expect(forms).toHaveLength(1);
    expect(forms[0].indicators.map((i) => i.name)).toEqual(['指标1：服务户数', '指标1：群众满意']);
    expect(forms[0].total).toEqual({ weight: '100', score: '97.5' });
  });

  it('a 部门决算 publication: tables with 合计/基本支出 rows are not fund blocks', () => {
    const doc = docModel(
      '2022年度某某县教育局部门决算',
      '目录',
      '八、部门整体支出绩效自评表',
      t([
        ['项目', '<', '年初预算数', '决算数'],
        ['合计', '<', '2600.00', '2548.00'],
        ['基本支出', '<', '1800.00', '1776.00'],
        ['项目支出', '<', '800.00', '772.00'],
      ]),
      t([
        ['项目', '预算数', '执行数'],
        ['合计', '10', '9'],
        ['基本支出', '6', '5'],
      ]),
      '本部门决算由局本级组成。',
      DEPT_TITLE,
      deptTable(),
    );
    const forms = recognizeForms(doc, templates);
    expect(forms).toHaveLength(1);
    expect(forms[0].funds.sources.total.budget).toBe('1000.00');
    expect(forms[0].provenance['funds.sources.total.budget'].table).toBe(2);
  });
});

describe("a report after the forms is bound to the form its title names (probe Y38)", () => {
  const UNIT_TITLE = '某某区民政局2023年度部门整体支出绩效自评表';
  const facts = (r: { narrative: { facts: Record<string, { value: string }[]> } }) =>
    Object.fromEntries(Object.entries(r.narrative.facts).map(([k, v]) => [k, v.map((f) => f.value)]));
  const deptReport = ['一、部门整体支出情况', '2023年全年预算1000.00万元，决算支出950.00万元，其中基本支出580.00万元。'];
  const other = projectTable({ name: '乡镇财政所标准化建设项目', rows: [['年度资金总额', ['60.00', '60.00', '57.00', '10', '95.00%', '9.50']]] });

  it("the department's report printed after the last project form is the department form's narrative", () => {
    // the title on one line, with an annex label, or wrapped over two lines as a PDF prints it
    for (const title of [['某某区民政局2023年度部门整体支出绩效自评报告'], ['附件3：部门整体支出绩效自评报告'], ['某某区民政局2023年度部门整体支出绩效自评', '报告']]) {
      const doc = docModel(UNIT_TITLE, deptTable(), projectTable({ name: '信息化建设项目' }), other, '附件3', ...title, ...deptReport);
      const forms = recognizeForms(doc, templates);
      const what = title.join('|');
      expect(forms.map((f) => f.form), what).toEqual(['dept-overall', 'project', 'project']);
      expect(facts(forms[0]), what).toStrictEqual({ 'budget.final': ['1000.00'], 'spending.total': ['950.00'], 'spending.basic': ['580.00'] });
      expect(forms[2].narrative.text, what).toBeNull();
      expect(facts(forms[2]), what).toStrictEqual({});
    }
  });

  it("a project's report after another project's form is the named project's; one naming the form before it stays", () => {
    const doc = docModel(
      projectTable({ name: '信息化建设项目' }),
      other,
      '乡镇财政所标准化建设项目绩效自评报告',
      '该项目全年预算60.00万元，全年支出57.00万元。',
      '2023年度信息化建设项目支出绩效自评报告',
      '该项目全年预算120.00万元，全年支出118.80万元。',
    );
    const forms = recognizeForms(doc, templates);
    expect(forms.map((f) => f.entity)).toEqual(['信息化建设项目', '乡镇财政所标准化建设项目']);
    expect(facts(forms[0])).toStrictEqual({ 'budget.final': ['120.00'], 'spending.total': ['118.80'] });
    expect(facts(forms[1])).toStrictEqual({ 'budget.final': ['60.00'], 'spending.total': ['57.00'] });
  });

  it('a report whose title names a kind or a unit no form of the file has is bound to none', () => {
    const projects = recognizeForms(docModel(projectTable({ name: '信息化建设项目' }), other, '某某区民政局2023年度部门整体支出绩效自评报告', ...deptReport), templates);
    expect(projects.map((f) => f.narrative.text)).toEqual([null, null]);
    // kept, with its title and why, on the form it was printed with (the last), never dropped unsaid
    expect(projects.map((f) => f.unboundReports)).toEqual([
      undefined,
      [{ title: '某某区民政局2023年度部门整体支出绩效自评报告', page: null, reason: '本文件中没有“某某区民政局”的部门整体支出绩效自评表' }],
    ]);
    const unit = recognizeForms(docModel(UNIT_TITLE, deptTable(), '某某区教育局2023年度部门整体支出绩效自评报告', ...deptReport), templates);
    expect(unit[0].narrative.text).toBeNull();
    expect(unit[0].unboundReports).toEqual([{ title: '某某区教育局2023年度部门整体支出绩效自评报告', page: null, reason: '本文件中没有“某某区教育局”的部门整体支出绩效自评表' }]);
    // the same unit, its name printed otherwise, is the form's own
    const own = recognizeForms(docModel(UNIT_TITLE, deptTable(), '某某区民政局（本级）2023年度部门整体支出绩效自评报告', ...deptReport), templates);
    expect(facts(own[0])).toStrictEqual({ 'budget.final': ['1000.00'], 'spending.total': ['950.00'], 'spending.basic': ['580.00'] });
    expect(own[0].unboundReports).toBeUndefined();
  });

  it('a report naming a kind several forms of the file have, none the one it follows, is bound to none and says so', () => {
    const doc = docModel(UNIT_TITLE, deptTable(), '项目支出绩效自评情况说明', '项目全年支出118.80万元。', projectTable({ name: '信息化建设项目' }), other);
    const forms = recognizeForms(doc, templates);
    expect(forms.map((f) => f.form)).toEqual(['dept-overall', 'project', 'project']);
    expect(facts(forms[0])).toStrictEqual({});
    expect(forms[0].unboundReports).toEqual([{ title: '项目支出绩效自评情况说明', page: null, reason: '其标题与本文件中的2张表都相符，无法确定是哪一张表的报告' }]);
    expect(forms.slice(1).map((f) => f.unboundReports)).toEqual([undefined, undefined]);
  });

  it("what a report's title names: the form's kind by the templates' title anchors, and the unit or project before it", () => {
    const lex = buildLexicon(templates.templates);
    const owner = (title: string) => reportOwner(title, lex, templates.templates[0]);
    expect(owner('附件4：平川县农业农村局2023年度部门整体支出绩效自评报告')).toEqual({ kinds: ['dept-overall'], name: '平川县农业农村局' });
    expect(owner('平川县农业农村局关于2023年度部门整体支出绩效自评工作的报告')).toEqual({ kinds: ['dept-overall'], name: '平川县农业农村局' });
    expect(owner('部门（单位）整体支出绩效目标自评报告')).toEqual({ kinds: ['dept-overall'], name: null });
    expect(owner('项目支出绩效自评情况说明')).toEqual({ kinds: ['project'], name: null });
    expect(owner('关于高标准农田建设项目的绩效自评报告')).toEqual({ kinds: ['project'], name: '高标准农田建设' });
    expect(owner('动物疫病防控项目绩效评价报告')).toEqual({ kinds: ['project'], name: '动物疫病防控' });
    expect(owner('平川县农业农村局2023年度绩效自评报告')).toEqual({ kinds: [], name: '平川县农业农村局' });
    // 情况 before 的 (probe W F11, G11): the report's word, no unit named "部门整体"
    expect(owner('关于2023年度部门整体支出绩效自评情况的报告')).toEqual({ kinds: ['dept-overall'], name: null });
    expect(owner('平川县农业农村局关于2023年度部门整体支出绩效自评情况的报告')).toEqual({ kinds: ['dept-overall'], name: '平川县农业农村局' });
    // no owner named, or no report's title: a part of a text, a heading naming nothing
    for (const line of ['绩效自评报告（文字部分）', '评价报告综述', '一、部门整体支出绩效自评报告', '（二）项目支出绩效自评情况说明', '部门整体支出绩效自评表']) expect(owner(line), line).toBeNull();
  });

  it('a report before the form titled for a project the file has no form of is bound to none and says so, taken as the form\'s text or not', () => {
    const unbound = [{ title: '2023年度动物疫病防控项目绩效自评报告', page: null, reason: '本文件中没有“动物疫病防控”的项目支出绩效自评表' }];
    const report = ['2023年度动物疫病防控项目绩效自评报告', '一、项目资金情况', '该项目全年预算80.00万元，全年支出72.00万元。'];
    // the form prints no text of its own: the report before it is placed as its text, then bound to none
    const [placed] = recognizeForms(docModel(...report, '项目支出绩效自评表', projectTable({ name: '信息化建设项目' })), templates);
    expect(facts(placed)).toStrictEqual({});
    expect(placed.unboundReports).toEqual(unbound);
    // the form has its own report after it: the one before it is no form's text, and still said
    const [own] = recognizeForms(docModel(...report, '项目支出绩效自评表', projectTable({ name: '信息化建设项目' }), '一、项目资金情况', '该项目全年预算120.00万元，全年支出118.80万元。'), templates);
    expect(facts(own)).toStrictEqual({ 'budget.final': ['120.00'], 'spending.total': ['118.80'] });
    expect(own.unboundReports).toEqual(unbound);
    // a cover letter naming the report, no figures under it, is no report
    const [letter] = recognizeForms(docModel('附件：2023年度动物疫病防控项目绩效自评报告', '项目支出绩效自评表', projectTable({ name: '信息化建设项目' }), '一、项目资金情况', '该项目全年预算120.00万元，全年支出118.80万元。'), templates);
    expect(letter.unboundReports).toBeUndefined();
  });

  it('a title naming nothing (自评报告) leaves the report with the form it follows', () => {
    const forms = recognizeForms(docModel(UNIT_TITLE, deptTable(), projectTable({ name: '信息化建设项目' }), '绩效自评报告', '2023年全年支出118.80万元。'), templates);
    expect(facts(forms[0])).toStrictEqual({});
    expect(facts(forms[1])).toStrictEqual({ 'spending.total': ['118.80'] });
  });
});

describe('documents that are no known form', () => {
  it('a letter fails saying what was looked for', () => {
    const e = failureOf(() => recognizeForms(docModel('关于报送材料的函', '各单位：请于月底前报送。'), templates));
    expect(e.code).toBe('unrecognized-form');
    expect(e.message).toBe('未找到绩效自评表：文档中没有含“全年预算数/全年执行数”列的资金表，也没有“部门整体支出绩效自评表”或“项目支出绩效自评表”标题');
  });

  it('an empty document fails the same way', () => {
    expect(failureOf(() => recognizeForms(docModel(), templates)).code).toBe('unrecognized-form');
  });

  it('a titled form without its indicator block names the missing block', () => {
    const table = deptTable();
    table.table.splice(11); // drop the indicators and the total row
    const e = failureOf(() => recognizeForms(docModel(DEPT_TITLE, table), templates));
    expect(e.code).toBe('unrecognized-form');
    expect(e.message).toContain('部门整体支出绩效自评表');
    expect(e.message).toContain('绩效指标表');
    expect(e.message).toContain('总分行');
  });

  it('a form whose 总分 row is missing is read, its total reported not found, and the narrative cell is no indicator', () => {
    const table = deptTable();
    table.table[16] = ['五、评价报告综述（文字部分）\n一、概况\n某某局是区政府工作部门。', '<', '<', '<', '<', '<', '<', '<', '<'];
    const [r] = recognizeForms(docModel(DEPT_TITLE, table), templates);
    expect(r.blocks).toEqual({ fund: 'read', indicators: 'read', total: 'unreadable', goals: 'read' });
    expect(r.unreadBlocks.map((u) => u.reason)).toEqual([expect.stringContaining('总分行')]);
    expect(r.indicators.map((i) => i.name)).toEqual(['指标1：服务户数', '指标1：群众满意']);
  });

  it('a titled form whose fund block bears no fund label, without indicators, says the title was found and what is missing', () => {
    const table = deptTable({ anchor: '年度资金\n（万元）' });
    table.table.splice(11); // drop the indicators and the total row
    const e = failureOf(() => recognizeForms(docModel(DEPT_TITLE, table), templates));
    expect(e.code).toBe('unrecognized-form');
    expect(e.message).toBe('找到“部门整体支出绩效自评表”标题，但缺少绩效指标表（表头含“一级指标”“二级指标”“三级指标”列）、总分行（“总分”），无法读取；请检查表格是否完整');
  });

  it('a titled form whose indicator header is not recognized says so, not that no title was found', () => {
    const table = deptTable({ anchor: '年度资金\n（万元）' });
    table.table[11][3] = '具体内容'; // 三级指标
    const e = failureOf(() => recognizeForms(docModel(DEPT_TITLE, table), templates));
    expect(e.message).toBe('找到“部门整体支出绩效自评表”标题，但未找到绩效指标表的表头行（应含一级指标、三级指标、分值/得分等栏），无法读取；请检查表格是否完整');
  });

  it('a titled PDF form whose table came out as lines of text (drawn without rules) says so, not that no title was found', () => {
    const lines = ['项目名称 农村公路日常养护项目', '项目资金 年初预 全年预 全年执 分值 执行率 得分', '（万元） 算数 算数 行数', '年度资金总额 300.00 326.80 326.80 10 100.00% 10.00', '绩效指 一级指 二级指 三级指 年度指 实际完 分值 得分', '总分 100 100.00'];
    const doc = { ...docModel('项目支出绩效自评表', '（2023年度）', ...lines), format: 'pdf' as const };
    const e = failureOf(() => recognizeForms(doc, templates));
    expect(e.code).toBe('unrecognized-form');
    expect(e.message).toBe('找到“项目支出绩效自评表”标题，但其下的资金表、绩效指标表只读到文字行：表格内没有框线（或只有横线），无法按单元格读取；请提交带框线的 PDF，或 DOCX/XLSX 原件');
    // a frame around it all and no rule inside (a web page saved as PDF, probe T2): one cell holding the lines
    const framed = { ...docModel('项目支出绩效自评表', '（2023年度）', t([[lines.join('\n')]])), format: 'pdf' as const };
    expect(failureOf(() => recognizeForms(framed, templates)).message).toBe(e.message);
  });

  it('a letter naming the form, with none of its labels below, still says no form was found', () => {
    const e = failureOf(() => recognizeForms(docModel('关于报送材料的函', '附件：项目支出绩效自评表', '请于月底前报送。'), templates));
    expect(e.message).toContain('未找到绩效自评表');
  });

  it('a titled form without a fund block names it', () => {
    const table = deptTable();
    table.table.splice(0, 9);
    const e = failureOf(() => recognizeForms(docModel(DEPT_TITLE, table), templates));
    expect(e.message).toContain('资金表');
    expect(e.message).not.toContain('绩效指标表');
  });
});

describe('a title read by its words (probe U)', () => {
  const kindsOf = (title: string) => titleOf(title, buildLexicon(templates.templates))?.kinds ?? null;

  it('names a kind by the anchor it holds most closely, words inserted before the form word', () => {
    // Sichuan's department title: 部门(单位)整体支出绩效自评表 with 目标 inserted, not the
    // project title 绩效目标自评表 it also holds
    expect(kindsOf('部门（单位）整体支出绩效目标自评表')).toEqual(['dept-overall']);
    expect(kindsOf('部门整体支出绩效目标自评表')).toEqual(['dept-overall']);
    expect(kindsOf('衔接资金绩效目标自评表')).toEqual(['project']);
    expect(kindsOf('项目资金绩效自评表')).toEqual(['project']);
    // 项目支出绩效自评表 held whole; 整体支出… only with 推进项目 inserted
    expect(kindsOf('乡村整体推进项目支出绩效自评表')).toEqual(['project']);
  });

  it('no title where the form word is split or too much stands between the words', () => {
    expect(kindsOf('项目绩效自评结果表明')).toBeNull();
    expect(kindsOf('部门整体支出绩效自评报告（附自评表）')).toBeNull();
  });

  it('a department form titled 部门（单位）整体支出绩效目标自评表 is read and checked as one', () => {
    const table = deptTable({ rows: { useTotal: ['1000.00', '940.00', '', '－', '－'] } });
    const [r] = recognizeForms(docModel('部门（单位）整体支出绩效目标自评表', '（2022年度）', '部门（单位）名称：某区教育和体育局　　单位：万元', table), templates);
    expect([r.form, r.layout, r.year, r.entity]).toEqual(['dept-overall', 'dept-overall', 2022, '某区教育和体育局']);
    const rules = loadRuleSet([bundledRulesDir()]);
    const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
    // the department's own check: 基本支出 580.00 + 项目支出 370.00 = 950.00, 合计 940.00
    const uses = checkRecord({ ...r, source }, rules).filter((f) => f.rule === 'funds.uses-sum');
    expect(uses.map((f) => [f.fields[0], f.actual, f.expected])).toEqual([['funds.uses.total.actual', '940.00', '950.00']]);
  });

  it('the unit a title prints before the year or the form name is the entity when no field names one', () => {
    const entity = (...blocks: BlockSpec[]) => recognizeForms(docModel(...blocks, deptTable()), templates)[0].entity;
    expect(entity('深圳市福田区科技创新局2023年度部门整体支出绩效自评表')).toBe('深圳市福田区科技创新局');
    expect(entity('2023年度苏州市姑苏区文化体育和旅游局部门整体支出绩效自评表')).toBe('苏州市姑苏区文化体育和旅游局');
    expect(entity('附件2：某县民政局（本级）整体支出绩效自评表（2023年度）')).toBe('某县民政局(本级)');
    // a field names it: the field's
    expect(entity('某某局2023年度部门整体支出绩效自评表', '填报单位（盖章）：某某区民政局　　单位：万元')).toBe('某某区民政局');
    // an annex label, a table number or a level is no unit
    expect(entity('附件1：2023年度部门整体支出绩效自评表')).toBeNull();
    expect(entity('表3 2023年度部门整体支出绩效自评表')).toBeNull();
    expect(entity('附件一2023年度部门整体支出绩效自评表')).toBeNull();
    expect(entity('市本级部门整体支出绩效自评表')).toBeNull();
  });
});

describe('templates are data', () => {
  const fujianLike = (dir: string) =>
    writeFileSync(
      join(dir, 'dept-newprovince.yaml'),
      [
        '# a province that prints its own labels: no code change needed',
        'id: dept-newprovince',
        'extends: dept-overall',
        'title: [部门整体绩效自评表]',
        'fund:',
        '  anchors: [部门预算资金情况]',
        '  columns:',
        '    budget: [①预算安排数]',
        '    actual: [②实际支出数]',
        '    rate: [③支出进度]',
        'identify:',
        '  fundColumns: [rate]',
      ].join('\n'),
    );
  const newLayoutDoc = () =>
    docModel(
      '2023年度部门整体绩效自评表',
      deptTable({ anchor: '部门预算资金情况', header: ['①预算安排数', '②实际支出数', '③支出进度', '分值', '得分'] }),
    );

  it('bundles the known layouts, the abstract base left out', () => {
    const ids = templates.templates.map((x) => x.id);
    // A new province's variant is a data-only change: it may add ids, never needs this test edited.
    expect(ids).toEqual(expect.arrayContaining(['dept-overall', 'project-chongqing', 'project-national', 'project-sichuan']));
    expect(ids).not.toContain('base');
    const sichuan = templates.templates.find((x) => x.id === 'project-sichuan')!;
    expect(sichuan.kind).toBe('project');
    expect(sichuan.fund.columns.weight).toContain('权重'); // inherited from base through project-national
  });

  it('a new layout is read by meaning with the bundled templates alone (①预算安排数, ②实际支出数, ③支出进度)', () => {
    const [r] = recognizeForms(newLayoutDoc(), templates);
    expect(r.form).toBe('dept-overall');
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
  });

  it('is recognized once its template file is added to a templates folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxaudit-templates-'));
    fujianLike(dir);
    const more = loadTemplates([bundledTemplatesDir(), dir]);
    const [r] = recognizeForms(newLayoutDoc(), more);
    expect(r.layout).toBe('dept-newprovince');
    expect(r.funds.sources.total).toEqual({ budget: '1000.00', actual: '950.00', rate: '95.00', weight: '10', score: '9.50' });
  });

  it('refuses a malformed template naming its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxaudit-templates-'));
    writeFileSync(join(dir, 'bad.yaml'), ['id: bad-one', 'extends: dept-overall', 'fund:', '  colums:', '    budget: [预算]'].join('\n'));
    let err: unknown;
    try {
      loadTemplates([bundledTemplatesDir(), dir]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateFileError);
    expect((err as TemplateFileError).line).toBe(4); // the unknown key colums:
    expect((err as TemplateFileError).file).toBe(join(dir, 'bad.yaml'));
    expect((err as Error).message).toContain('bad-one');
  });

  it('refuses an unknown parent template and bad YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxaudit-templates-'));
    writeFileSync(join(dir, 'orphan.yaml'), 'id: orphan\nkind: project\nextends: no-such-template\n');
    expect(() => loadTemplates([dir])).toThrow(/第 3 行.*no-such-template/);
    const dir2 = mkdtempSync(join(tmpdir(), 'jxaudit-templates-'));
    writeFileSync(join(dir2, 'broken.yaml'), 'id: broken\ntitle: [a, b\n');
    expect(() => loadTemplates([dir2])).toThrow(TemplateFileError);
  });
});

describe('a 总分 row whose label holds the word among noise (probes S, T)', () => {
  /** A project form: fund total 100.00 | 120.00 | 118.80, 10 → 9.90; two indicators 50 + 40; then `last`. */
  const form = (last: string[], second = ['^', '效益指标', '社会效益指标', '受益群众满意度', '≥90%', '95%', '40', '40', '']) =>
    docModel(
      '2023年度项目支出绩效自评表',
      t([
        ['项目名称', '2023年信息化建设项目', '<', '<', '<', '<', '<', '<', '<'],
        ['项目资金\n（万元）', '', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['^', '年度资金总额', '<', '100.00', '120.00', '118.80', '10', '99.00%', '9.90'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['^', '产出指标', '数量指标', '系统数量', '≥20个', '22个', '50', '50', ''],
        second,
        last,
      ]),
    );

  it('a stray mark before 总分 in its merged label (a wrapped label above spilling its "）" in a PDF): the total, not an indicator', () => {
    const [r] = recognizeForms(form(['）\n总分', '<', '<', '<', '<', '<', '100', '99.90', '']), templates);
    expect(r.indicators.map((i) => i.name)).toEqual(['系统数量', '受益群众满意度']);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
    expect(r.blocks.total).toBe('read');
  });

  it('OCR\'s stray word before 总分 ("1小 总分") beside a misread name cell: the total, by its 分值 covering every weight above', () => {
    const [r] = recognizeForms(form(['^', '1小 总分', '<', '一', '', '', '100', '99.90', '']), templates);
    expect(r.indicators).toHaveLength(2);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
  });

  it('the whole row read into one cell ("总分 | 100 |19975| 优"): the total row found, not read — never an indicator, never 未找到', () => {
    const [r] = recognizeForms(form(['总分 | 100 |19975| 优', '<', '<', '<', '<', '<', '<', '<', '<']), templates);
    expect(r.indicators).toHaveLength(2);
    expect(r.total).toEqual({ weight: null, score: null });
    expect(r.blocks.total).toBe('unreadable');
    expect(r.unreadBlocks).toEqual([expect.objectContaining({ block: 'total', row: 6, label: '总分 | 100 |19975| 优', reason: '总分行的分值和得分与其标签印在同一格内，未能分别读取' })]);
  });

  it('indicators whose names hold a total word stay indicators: 综合得分（第三方评价） with its own target and a weight below those above, 总分数达标率', () => {
    const second = ['^', '效益指标', '社会效益指标', '综合得分（第三方评价）', '≥90分', '93分', '20', '20', ''];
    const doc = form(['总分', '<', '<', '<', '<', '<', '100', '99.90', ''], second);
    const table = doc.tables[0];
    // one more indicator row, 总分数达标率 20 | 20, before the total
    const row = table.rows[5].map((c) => ({ ...c, origin: { row: 6, col: c.origin.col } }));
    row[1] = table.rows[5][1];
    row[3] = { ...row[3], text: '总分数达标率', paragraphs: ['总分数达标率'] };
    table.rows.splice(6, 0, row);
    table.rows[7] = table.rows[7].map((c) => ({ ...c, origin: { row: 7, col: c.origin.col } }));
    const [r] = recognizeForms(doc, templates);
    expect(r.indicators.map((i) => i.name)).toEqual(['系统数量', '综合得分（第三方评价）', '总分数达标率']);
    expect(r.total).toEqual({ weight: '100', score: '99.90' });
  });

  it('a cell of text that happens to hold 总分 (an indicator block run into one cell) is no total label', () => {
    const long = '系统数量 ≥20个 22个 50 50 受益群众满意度 ≥90% 95% 40 40 总分 100 99.90';
    const [r] = recognizeForms(form(['^', long, '<', '<', '<', '<', '<', '<', '<']), templates);
    expect(r.total).toEqual({ weight: null, score: null });
    expect(r.unreadBlocks).toEqual([expect.objectContaining({ block: 'total', reason: expect.stringContaining('未找到总分行') })]);
  });
});

describe('a 资金结构 row the lexicon does not know (probe S, B3)', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
  const v = (budget: string, actual: string): string[] => [budget, actual, '', '－', '－'];
  /** A 江西-style dept form with no block anchor merged down the lines (nothing bounds the
   *  block but the labels): 资金来源 over 3 rows, 资金结构 over the uses rows given. */
  const table = (uses: [string, string[]][]): TableSpec =>
    t([
      ['部门（单位）名称', '<', '九江市濂溪区司法局', '<', '<', '<', '<'],
      ['年度预算执行情况（万元）', '<', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
      ['资金来源', '合计', '980.00', '965.30', '98.50%', '10', '9.85'],
      ['^', '（1）财政拨款', ...v('980.00', '965.30')],
      ['^', '（2）其他资金', ...v('－', '－')],
      ...uses.map(([label, values], i) => [i === 0 ? '资金结构' : '^', label, ...values]),
      ['年度总体目标', '年初设定目标', '<', '<', '全年完成情况', '<', '<'],
      ['^', '做好法律援助工作', '<', '<', '已完成', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '办理法律援助案件', '≥300件', '318件', '90', '90'],
      ['总分', '<', '<', '<', '<', '100', '99.85'],
    ]);
  const read = (uses: [string, string[]][]) => recognizeForms(docModel('2025年度部门整体支出绩效自评表', table(uses)), templates)[0];
  const errors = (uses: [string, string[]][]) =>
    checkRecord({ ...read(uses), source }, rules).filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.message}`);

  it('reads the lines below an economic breakdown of 基本支出 (and a sub-header row without amounts), so a 项目支出 slip is checked', () => {
    const uses: [string, string[]][] = [
      ['合计', v('980.00', '965.30')],
      ['（1）基本支出', v('720.00', '716.80')],
      ['按经济分类：', ['', '', '', '', '']],
      ['其中：工资福利支出', v('600.00', '598.60')],
      ['　　　商品和服务支出', v('90.00', '88.70')],
      ['　　　对个人和家庭的补助', v('30.00', '29.50')],
      ['（2）项目支出', v('260.00', '258.50')],
    ];
    const r = read(uses);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'extra1', 'extra2', 'extra3', 'project']);
    expect(r.lineParents).toEqual({ 'funds.uses.extra1': 'funds.uses.basic', 'funds.uses.extra2': 'funds.uses.basic', 'funds.uses.extra3': 'funds.uses.basic' });
    // 716.80 + 258.50 = 975.30 ≠ 965.30; 基本支出 = 598.60 + 88.70 + 29.50 = 716.80 holds
    expect(errors(uses)).toEqual([
      'funds.uses-sum 资金结构合计全年执行数965.30万元，与基本支出全年执行数716.80万元 + 项目支出全年执行数258.50万元 = 975.30万元不一致（相差-10.00万元）',
    ]);
    // the breakdown off by 10: check 2 on 基本支出 (600.00 + 90.00 + 20.00 = 710.00)
    uses[5] = ['　　　对个人和家庭的补助', v('20.00', '29.50')];
    uses[6] = ['（2）项目支出', v('260.00', '248.50')];
    expect(errors(uses)).toEqual([
      'funds.basic-sum 基本支出全年预算数720.00万元，与工资福利支出全年预算数600.00万元 + 商品和服务支出全年预算数90.00万元 + 对个人和家庭的补助全年预算数20.00万元 = 710.00万元不一致（相差10.00万元）',
    ]);
  });

  it('nests an unmarked economic row under the line above it, and a 其中：“三公”经费 under 公用支出', () => {
    const r = read([
      ['合计', v('980.00', '965.30')],
      ['基本支出', v('720.00', '716.80')],
      ['人员支出', v('630.00', '628.10')],
      ['公用支出', v('90.00', '88.70')],
      ['　其中：“三公”经费', v('8.00', '6.20')],
      ['项目支出', v('260.00', '248.50')],
    ]);
    expect(r.lineParents).toEqual({ 'funds.uses.extra1': 'funds.uses.public' });
    expect(r.funds.uses?.project).toMatchObject({ budget: '260.00', actual: '248.50' });
    const flush = read([
      ['合计', v('980.00', '965.30')],
      ['基本支出', v('720.00', '716.80')],
      ['工资福利支出', v('630.00', '628.10')],
      ['商品和服务支出', v('90.00', '88.70')],
      ['项目支出', v('260.00', '248.50')],
    ]);
    expect(flush.lineParents).toEqual({ 'funds.uses.extra1': 'funds.uses.basic', 'funds.uses.extra2': 'funds.uses.basic' });
    expect(errors([
      ['合计', v('980.00', '965.30')],
      ['基本支出', v('720.00', '716.80')],
      ['工资福利支出', v('630.00', '628.10')],
      ['商品和服务支出', v('90.00', '88.70')],
      ['项目支出', v('260.00', '248.50')],
    ])).toEqual([]);
  });

  it('a row after the last use that is no line of the list ends the block, unread', () => {
    const r = read([
      ['合计', v('980.00', '965.30')],
      ['（1）基本支出', v('720.00', '716.80')],
      ['（2）项目支出', v('260.00', '248.50')],
      ['公务用车编制数', v('6', '5')],
    ]);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'project']);
    expect(r.lineParents).toBeUndefined();
  });
});

describe('a line whose amounts stand on a 小计 row under its label merged down (probe AA A02, A06, R1)', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  const source = { name: 'a.docx', path: 'a.docx', sha256: 'a'.repeat(64), format: 'docx' as const, bytes: 1, pages: null, formIndex: 0 };
  /** 整体资金 | group | parent | line | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分: a fund row is
   *  [group, parent, line, budget, actual] ("^" continues the cell above, "<" the one left). */
  const form = (fund: string[][]) =>
    recognizeForms(
      docModel(
        DEPT_TITLE,
        t([
          ['整体资金\n（万元）', '项目', '<', '<', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
          ...fund.map(([group, parent, line, budget, actual], i) => ['^', group, parent, line, budget, actual, '', i === 0 ? '10' : '－', i === 0 ? '9.74' : '－']),
          ['年度总\n体目标', '年初设定目标', '<', '<', '<', '全年完成情况', '<', '<', '<'],
          ['^', '完成年度工作任务', '<', '<', '<', '已完成', '<', '<', '<'],
          ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
          ['^', '产出指标', '数量指标', '服务户数', '≥500户', '526户', '90', '90', ''],
          ['总分', '<', '<', '<', '<', '<', '100', '99.74', ''],
        ]),
      ),
      templates,
    )[0];
  const errors = (fund: string[][]) =>
    checkRecord({ ...form(fund), source }, rules)
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.message}`);
  const SOURCES = [
    ['资金来源', '合计', '<', '2450.00', '2386.52'],
    ['^', '财政拨款', '<', '2400.00', '2338.02'],
    ['^', '其他资金', '<', '50.00', '48.50'],
  ];
  const BASIC = [
    ['^', '基本支出', '小计', '1620.00', '1615.30'],
    ['^', '^', '人员经费', '1380.00', '1378.45'],
    ['^', '^', '公用经费', '240.00', '236.85'],
    ['^', '项目支出', '<', '830.00', '771.22'],
  ];

  it('基本支出 merged over 小计 / 人员经费 / 公用经费: 小计 is 基本支出, its rows its parts; no 资金结构 合计 printed, none read', () => {
    const fund = [...SOURCES, ['资金结构', ...BASIC[0].slice(1)], ...BASIC.slice(1)];
    const r = form(fund);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['basic', 'personnel', 'public', 'project']);
    expect(r.funds.uses?.basic.actual).toBe('1615.30');
    expect(r.lineParents).toBeUndefined();
    // 年度资金总额 = 基本支出 + 项目支出 stands in for the absent 合计 (check 2), and holds
    expect(errors(fund)).toEqual([]);
    // a slip in 人员经费 (1338.45 for 1378.45): 基本支出 ≠ 人员经费 + 公用经费
    fund[4] = ['^', '^', '人员经费', '1380.00', '1338.45'];
    expect(errors(fund)).toEqual(['funds.basic-sum 基本支出全年执行数1615.30万元，与人员支出全年执行数1338.45万元 + 公用支出全年执行数236.85万元 = 1575.30万元不一致（相差40.00万元）']);
  });

  it('with a 资金结构 合计 row above it, 小计 is still 基本支出, not a second 合计 left unread', () => {
    const fund = [...SOURCES, ['资金结构', '合计', '<', '2450.00', '2386.52'], ...BASIC];
    const r = form(fund);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    expect(r.funds.uses?.total.actual).toBe('2386.52');
    expect(r.funds.uses?.basic.budget).toBe('1620.00');
    expect(errors(fund)).toEqual([]);
  });

  it('财政拨款 merged over 小计 / 一般公共预算 / 政府性基金: 小计 is 财政拨款, the rows beside it its parts, not the total\'s', () => {
    const fund = [
      ['资金来源', '合计', '<', '2450.00', '2386.52'],
      ['^', '财政拨款', '小计', '2400.00', '2338.02'],
      ['^', '^', '一般公共预算', '2250.00', '2195.10'],
      ['^', '^', '政府性基金', '150.00', '142.92'],
      ['^', '其他资金', '<', '50.00', '48.50'],
      ['资金结构', ...BASIC[0].slice(1)],
      ...BASIC.slice(1),
    ];
    const r = form(fund);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'generalBudget', 'govFundBudget', 'other']);
    expect(r.funds.sources.fiscal.actual).toBe('2338.02');
    expect(r.lineParents).toEqual({ 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' });
    expect(errors(fund)).toEqual([]);
  });

  it('a parent the lexicon does not know (中央资金) is a line named as printed, its rows its parts', () => {
    const fund = [
      ['资金来源', '合计', '<', '2450.00', '2386.52'],
      ['^', '中央资金', '小计', '2400.00', '2338.02'],
      ['^', '^', '中央衔接资金', '2250.00', '2195.10'],
      ['^', '^', '中央其他补助', '150.00', '142.92'],
      ['^', '其他资金', '<', '50.00', '48.50'],
      ['资金结构', ...BASIC[0].slice(1)],
      ...BASIC.slice(1),
    ];
    const r = form(fund);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'extra1', 'extra2', 'extra3', 'other']);
    expect(r.lineLabels?.['funds.sources.extra1']).toBe('中央资金');
    expect(r.lineParents).toEqual({ 'funds.sources.extra2': 'funds.sources.extra1', 'funds.sources.extra3': 'funds.sources.extra1' });
    expect(errors(fund)).toEqual([]);
  });

  it('a 小计 whose only label beside it is the group\'s (资金来源 | 小计), or one with no label beside it, is the group\'s total', () => {
    const fund = [
      ['资金来源', '小计', '<', '2450.00', '2386.52'],
      ['^', '财政拨款', '<', '2400.00', '2338.02'],
      ['^', '其他资金', '<', '50.00', '48.50'],
      ['资金结构', '小计', '<', '2450.00', '2386.52'],
      ...BASIC,
    ];
    const r = form(fund);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'other']);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    expect(errors(fund)).toEqual([]);
    // a project form's 小计 first in its list, no label beside it: 年度资金总额
    const [p] = recognizeForms(docModel('项目支出绩效自评表', projectTable({ rows: [['小计', ['100.00', '120.00', '118.80', '10', '99.00%', '9.90']], ['当年财政拨款', ['100.00', '120.00', '118.80', '—', '—', '—']]] })), templates);
    expect(Object.keys(p.funds.sources)).toEqual(['total', 'fiscal']);
    expect(p.funds.sources.total.budget).toBe('120.00');
  });

  it('a plain grid (一体化 export: no merges, the labels repeated on each row) reads alike', () => {
    const fund = [
      ['资金来源', '合计', '', '2450.00', '2386.52'],
      ['资金来源', '财政拨款', '小计', '2400.00', '2338.02'],
      ['资金来源', '财政拨款', '一般公共预算', '2250.00', '2195.10'],
      ['资金来源', '财政拨款', '政府性基金', '150.00', '142.92'],
      ['资金来源', '其他资金', '', '50.00', '48.50'],
      ['资金结构', '基本支出', '小计', '1620.00', '1615.30'],
      ['资金结构', '基本支出', '人员经费', '1380.00', '1378.45'],
      ['资金结构', '基本支出', '公用经费', '240.00', '236.85'],
      ['资金结构', '项目支出', '', '830.00', '771.22'],
    ];
    const r = form(fund);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'generalBudget', 'govFundBudget', 'other']);
    expect(Object.keys(r.funds.uses ?? {})).toEqual(['basic', 'personnel', 'public', 'project']);
    expect(r.lineParents).toEqual({ 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' });
    expect(errors(fund)).toEqual([]);
  });

  it('a label the lexicon does not know beside the group\'s first 合计 is no parent: that 合计 is the total', () => {
    // no group labels printed: 资金 merged beside 合计 / 财政拨款 / 其他资金
    const fund = [
      ['资金', '合计', '<', '2450.00', '2386.52'],
      ['^', '财政拨款', '<', '2400.00', '2338.02'],
      ['^', '其他资金', '<', '50.00', '48.50'],
    ];
    const r = form(fund);
    expect(Object.keys(r.funds.sources)).toEqual(['total', 'fiscal', 'other']);
    expect(r.lineParents).toBeUndefined();
  });
});
