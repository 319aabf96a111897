// Whose figure a narrative sentence states (probe W): a concept word inside a longer name
// ("食品安全抽检项目支出") is that name's, a budget word after a line ("基本支出年初预算",
// "“三公”经费年初预算") is that line's budget, a zero needs no unit, a budget compared
// with ("较年初预算1,850.00万元调增…") is the form's own, and a score said of the form's
// year is kept whatever later year the report names; a rate after a part's figures is the
// part's. Expected values from the sentences.
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model/record.js';
import { extractNarrativeFacts } from '../src/recognize/facts.js';
import { withPrecision } from '../src/recognize/facts-figures.js';
import { keepOwnFigures } from '../src/recognize/facts-scope.js';
import { statedMeasures } from '../src/recognize/facts-scores.js';

const values = (facts: Record<string, Fact[]>) => Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.map((f) => f.value)]));
const dept = (...paragraphs: string[]) => values(extractNarrativeFacts(paragraphs, { department: true }).facts);
const project = (...paragraphs: string[]) => values(extractNarrativeFacts(paragraphs).facts);

describe('a concept word inside a longer name binds nothing (probe W H03, G02)', () => {
  it("a department's sub-projects are not its 项目支出", () => {
    expect(
      dept(
        '2023年度决算总支出2,050.87万元，其中基本支出1,305.42万元，项目支出745.45万元。',
        '项目支出主要包括：食品安全抽检项目支出120.30万元，特种设备安全监察项目支出85.00万元，市场主体登记注册项目支出40.15万元，其他专项支出500.00万元。',
        '环境监测项目支出45.20万元，执法装备购置项目支出30.00万元。',
      ),
    ).toStrictEqual({ 'spending.total': ['2050.87'], 'spending.basic': ['1305.42'], 'spending.project': ['745.45'] });
  });
  it('the department\'s own words before 项目支出 still let it bind', () => {
    expect(
      dept('全年项目支出745.45万元。', '2023年项目支出745.45万元。', '本部门项目支出745.45万元。', '基本支出、项目支出分别为1,305.42万元、745.45万元。', '全年共发生1,305.42万元的基本支出，745.45万元的项目支出。'),
    ).toStrictEqual({
      'spending.project': ['745.45', '745.45', '745.45', '745.45', '745.45'],
      'spending.basic': ['1305.42', '1305.42'],
    });
  });
});

describe("a budget word after a line is that line's budget (probe W H01, H02, G01, G02)", () => {
  it('基本支出年初预算, 项目支出调整后预算: no budget of the form', () => {
    expect(
      dept(
        '2023年年初预算1,850.00万元，调整后预算2,106.20万元，全年支出2,050.87万元。',
        '其中基本支出年初预算1,300.00万元，调整后预算1,316.20万元，实际支出1,305.42万元；项目支出年初预算550.00万元，调整后预算790.00万元，实际支出745.45万元。',
      ),
    ).toStrictEqual({ 'budget.initial': ['1850.00'], 'budget.final': ['2106.20'], 'spending.total': ['2050.87'] });
  });
  it('“三公”经费年初预算 is the 三公\'s', () => {
    expect(dept('“三公”经费年初预算15.00万元，实际支出12.36万元。')).toStrictEqual({});
    expect(dept('“三公”经费的年初预算为15.00万元。')).toStrictEqual({});
  });
  it("a source's budget, and the next clause that goes on about it", () => {
    expect(project('当年财政拨款年初预算300.00万元，调整后预算300.00万元；全年预算数320.00万元。')).toStrictEqual({ 'budget.final': ['320.00'] });
  });
  it('a budget broken down in brackets: 其中基本支出 is a budget line, not spending', () => {
    expect(dept('部门收入预算2,356.80万元（其中基本支出1,586.30万元、项目支出770.50万元）。')).toStrictEqual({});
    // a spending broken down so is spending
    expect(dept('决算总支出2,298.45万元（其中基本支出1,572.18万元、项目支出726.27万元）。')).toStrictEqual({
      'spending.total': ['2298.45'],
      'spending.basic': ['1572.18'],
      'spending.project': ['726.27'],
    });
  });
});

describe('a zero needs no unit (probe W G07, H01)', () => {
  it('因公出国（境）费、公务用车购置费均为0', () => {
    expect(dept('2023年“三公”经费支出13.36万元，其中因公出国（境）费、公务用车购置费均为0，公务接待费3.15万元，公务用车运行维护费9.21万元。')).toStrictEqual({
      'threePublic.total': ['13.36'],
      'threePublic.abroad': ['0'],
      'threePublic.vehiclePurchase': ['0'],
      'threePublic.reception': ['3.15'],
      'threePublic.vehicleOps': ['9.21'],
    });
    expect(dept('公务接待费为0.00。')).toStrictEqual({ 'threePublic.reception': ['0.00'] });
  });
  it('but a count of zero is no money', () => {
    expect(dept('公务接待费0人次，公务用车购置费为0辆，因公出国（境）费10万元。')).toStrictEqual({ 'threePublic.abroad': ['10'] });
  });
});

describe('the budget a change is measured from (probe W H05, H08)', () => {
  it('"较年初预算1,850.00万元调增246.20万元": the initial budget and the amount added', () => {
    expect(dept('2023年全年预算数为2,106.20万元，较年初预算1,850.00万元调增246.20万元。全年支出2,050.87万元。')).toStrictEqual({
      'budget.final': ['2106.20'],
      'budget.initial': ['1850.00'],
      'budget.added': ['246.20'],
      'spending.total': ['2050.87'],
    });
  });
  it('"较年初预算调增256.20万元": the amount added', () => {
    expect(dept('2023年全年预算数为2,106.20万元，较年初预算调增256.20万元，主要是追加食品安全抽检经费。')).toStrictEqual({
      'budget.final': ['2106.20'],
      'budget.added': ['256.20'],
    });
  });
  it("a line's budget compared with is the line's; another year's is no fact", () => {
    expect(dept('“三公”经费支出12.36万元，比年初预算15.00万元减少2.64万元。')).toStrictEqual({ 'threePublic.total': ['12.36'] });
    expect(dept('全年支出2,050.87万元，比上年决算支出1,923.45万元增加127.42万元。')).toStrictEqual({ 'spending.total': ['2050.87'] });
  });
});

describe("the score of the form's year (probe W F11)", () => {
  const own = (facts: Record<string, Fact[]>, year: number) => values(keepOwnFigures({ text: null, facts, changes: [] }, { year, names: [] }).facts);
  it('is kept when the report names a later year after it (its date)', () => {
    const facts = statedMeasures(['经自评，2023年度部门整体支出绩效自评得分99.73分，等级“优”。', '上犹县统计局', '2024年3月5日']);
    expect(own(facts, 2023)).toStrictEqual({ 'score.total': ['99.73'] });
  });
  it("another year's score and rate are left out once the form's year is known", () => {
    const facts = statedMeasures(['2022年度部门整体支出绩效自评得分为95.5分，2022年执行率为90%。', '本部门自评得分98分，预算执行率97.5%。']);
    expect(own(facts, 2023)).toStrictEqual({ 'score.total': ['98'], 'rate.execution': ['97.5'] });
    expect(own(facts, 2022)).toStrictEqual({ 'score.total': ['95.5', '98'], 'rate.execution': ['90', '97.5'] });
  });
  it("a rate after a part's figures is the part's (probe W G06, G01)", () => {
    const facts = statedMeasures([
      '全年执行数312.48万元，其中当年财政拨款执行292.48万元，执行率97.49%；上年结转资金执行20万元，执行率100%。',
      '其中：基本支出预算1,586.30万元，实际支出1,572.18万元，执行率99.11%；“三公”经费年初预算15.00万元，实际支出12.36万元，执行率82.40%。',
      '全年预算320万元，实际支出312.48万元，执行率97.65%。',
      // after a list of parts, the whole's again
      '全年支出2,298.45万元，其中基本支出1,572.18万元，项目支出726.27万元，执行率97.52%。',
    ]);
    expect(values(facts)).toStrictEqual({ 'rate.execution': ['97.65', '97.52'] });
  });
  it("a project's rate and score in a department's report are the project's, not the department's (probe Y32)", () => {
    const report = [
      '2023年部门全年预算2456.80万元，全年决算支出2398.64万元，部门预算执行率97.63%。',
      '二、重点项目实施情况',
      '（一）高标准农田建设项目。该项目年初预算450万元，全年预算500万元，全年支出476.52万元，预算执行率95.30%，建成高标准农田1.2万亩。',
      '（二）农村人居环境整治项目',
      '全年预算164万元，全年支出138万元，执行率84.15%，项目自评得分90分。',
      '三、其他情况',
      '动物疫病防控项目全年预算180.35万元，全年支出178.85万元，执行率99.17%。',
      '该项目执行率为99.17%。',
      '全年实施高标准农田建设项目等12个项目，部门整体预算执行率97.63%。',
      '四、自评结论',
      '部门整体支出绩效自评得分99.76分。',
    ];
    expect(values(statedMeasures(report, [], true))).toStrictEqual({ 'rate.execution': ['97.63', '97.63'], 'score.total': ['99.76'] });
    // a project's own report: 该项目 is the form itself
    expect(values(statedMeasures(['该项目全年支出476.52万元，预算执行率95.30%，自评得分96分。']))).toStrictEqual({ 'rate.execution': ['95.30'], 'score.total': ['96'] });
  });
  it('a figure printed in 亿元 keeps the year it is said of', () => {
    const r = extractNarrativeFacts(['2022年决算支出1.17亿元。', '2023年决算支出1.23亿元。'], { department: true });
    expect(values(keepOwnFigures({ text: null, facts: withPrecision(r.facts), changes: [] }, { year: 2023, names: [] }).facts)).toStrictEqual({
      'spending.total': ['12300'],
    });
  });
});

describe('a verb of paying out said as done is the spending of what its sentence speaks of (probe Y33)', () => {
  it('全年执行, 累计支付, 实际已支出, 全年共使用: the spending, whatever the verb', () => {
    expect(
      project('实际拨付到位180.35万元，全年执行178.85万元，执行率99.17%，结余1.50万元。'),
    ).toStrictEqual({ 'funds.received': ['180.35'], 'spending.total': ['178.85'] });
    expect(project('项目全年预算320万元，截至12月31日累计支付312.48万元。')).toStrictEqual({ 'budget.final': ['320'], 'spending.total': ['312.48'] });
    expect(project('该项目2023年实际已支出312.48万元。')).toStrictEqual({ 'spending.total': ['312.48'] });
    expect(dept('本单位全年共使用资金2398.64万元。')).toStrictEqual({ 'spending.total': ['2398.64'] });
    expect(project('全年预算180.35万元，已全部支付178.85万元。')).toStrictEqual({ 'budget.final': ['180.35'], 'spending.total': ['178.85'] });
  });
  it('binds nothing where the verb is not said as done, or the money is not the year\'s spending of the form', () => {
    expect(
      project(
        '全年预算320万元，计划支出300万元。', // a plan
        '其中道路工程累计支付45万元。', // a sub-project's
        '设备购置实际支出45万元。', // a sub-item's
        '上年累计支付150万元。', // last year's
        '截至6月底已支出150万元。', // part of the year
        '当年财政拨款实际执行292.48万元，上年结转资金执行20万元。', // source lines
        '累计完成投资500万元，已拨付资金300万元。', // an investment, money handed on
        '项目计划投资500万元，累计已支付资金450万元。', // since the building began, maybe
        '结余7.52万元，结转下年使用。', // money left
      ),
    ).toStrictEqual({ 'budget.final': ['320'] });
    expect(dept('“三公”经费预算9万元，累计支付6万元。', '基本支出预算1586.30万元，实际已支出1572.18万元。')).toStrictEqual({});
  });
  it("in a department's report, a project's spending is the project's", () => {
    expect(dept('动物疫病防控项目全年预算180.35万元，全年执行178.85万元。')).toStrictEqual({});
  });
  it('a rate of the verb is no amount: 全年执行率, 累计支付进度', () => {
    const r = extractNarrativeFacts(['全年执行率97.65%，比上年提高2个百分点。', '全年预算120万元，累计支付进度100%。']);
    expect(values(r.facts)).toStrictEqual({ 'budget.final': ['120'] });
  });
});

describe("a source's money received is the source's (check 27 saw the whole stated twice)", () => {
  it('中央资金到位, 县级配套资金到位, 上年结转资金到位: no figure of the whole', () => {
    expect(project('中央资金到位100万元，省级资金到位50万元。')).toStrictEqual({});
    expect(project('资金到位150万元，其中中央资金到位100万元、县级配套资金到位50万元。')).toStrictEqual({ 'funds.received': ['150'] });
    expect(project('上年结转资金到位20万元。')).toStrictEqual({});
    expect(dept('一般公共预算拨付到位150万元。')).toStrictEqual({});
  });
  it('the whole is still read', () => {
    expect(project('实际拨付到位资金3069.15万元，资金到位率100%。', '项目资金到位180.35万元。')).toStrictEqual({ 'funds.received': ['3069.15', '180.35'] });
  });
});
