// Narrative facts on the seed's own narrative (record.md numbering): every
// concept, value, approximation flag, paragraph and quote, and its one change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChangeSchema, FactSchema } from '../src/model/record.js';
import { extractNarrativeFacts } from '../src/recognize/facts.js';
import { expandAlias } from '../src/recognize/facts-concepts.js';
import { moneyFigures, sentences, matchView } from '../src/recognize/facts-text.js';

const seed: { paragraphs: string[] } = JSON.parse(
  readFileSync(new URL('./corpus/seed-narrative.json', import.meta.url), 'utf8'),
);

describe('seed narrative', () => {
  const result = extractNarrativeFacts(seed.paragraphs);

  it('numbers paragraphs as record.md does', () => {
    expect(seed.paragraphs[0]).toBe('一、部门（单位）概况');
    expect(seed.paragraphs[1].startsWith('（一）岳麓区住房保障服务中心是')).toBe(true);
    expect(seed.paragraphs[2].startsWith('（二）2022年区财政批复')).toBe(true);
    expect(seed.paragraphs[3].startsWith('2022年决算总支出')).toBe(true);
  });

  it('gives exactly the seed facts, keyed in first-mention order', () => {
    const f = (value: string, paragraph: number, quote: string) => ({ value, approx: false, quote, paragraph });
    const list = '其中工资福利支出538.19万元、商品和服务支出45.04万元、对个人和家庭的补助566.82万元';
    expect(result.facts).toStrictEqual({
      'budget.initial': [f('1028.49', 2, '2022年区财政批复部门预算为1028.49万元')],
      'budget.added': [f('3155.34', 2, '后追加预算3155.34万元')],
      'funds.received': [f('4183.83', 2, '实际拨付到位金额4183.83万元')],
      'spending.total': [f('4183.83', 2, '2022年决算支出为4183.83万元'), f('4183.83', 3, '2022年决算总支出4183.83万元')],
      'econ.wages': [f('538.19', 3, list)],
      'econ.goodsServices': [f('45.04', 3, list)],
      'econ.householdSubsidy': [f('566.82', 3, list)],
      'spending.basic': [f('1150.05', 3, '上述决算支出中基本支出1150.05万元'), f('1150.05', 6, '基本支出1150.05万元')],
      'spending.project': [f('3028.78', 3, '项目支出3028.78万元'), f('3028.78', 8, '项目支出3028.78万元')],
      'threePublic.total': [f('0', 10, '2022年“三公”经费支出合计0万元')],
      'threePublic.abroad': [
        f('0', 10, '分项为：因公出国（境）费支出0万元'),
        f('0', 10, '主要为在全区预算总额控制范围内安排我单位因公出国（境）费用0万元'),
      ],
      'threePublic.reception': [f('0', 10, '公务接待费支出0万元')],
      'threePublic.vehiclePurchase': [f('0', 10, '公务用车购置0万元')],
      'threePublic.vehicleOps': [f('0', 10, '公务用车运行经费支出0万元')],
    });
    expect(Object.keys(result.facts)).toStrictEqual([
      'budget.initial', 'budget.added', 'funds.received', 'spending.total', 'econ.wages', 'econ.goodsServices',
      'econ.householdSubsidy', 'spending.basic', 'spending.project', 'threePublic.total', 'threePublic.abroad',
      'threePublic.reception', 'threePublic.vehiclePurchase', 'threePublic.vehicleOps',
    ]);
  });

  it('gives the reception change and nothing else', () => {
    expect(result.changes).toStrictEqual([
      {
        concept: 'threePublic.reception', amount: '9', direction: 'decrease', percent: '100',
        quote: '公务接待费支出0万元，比预算减少9万元，降低100%', paragraph: 10,
      },
    ]);
  });

  it('fits the record schema', () => {
    for (const list of Object.values(result.facts)) for (const fact of list) FactSchema.parse(fact);
    for (const change of result.changes) ChangeSchema.parse(change);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(extractNarrativeFacts(seed.paragraphs))).toBe(JSON.stringify(result));
  });

  it('binds nothing in an empty narrative', () => {
    expect(extractNarrativeFacts([])).toStrictEqual({ facts: {}, changes: [] });
    expect(extractNarrativeFacts(['', '   '])).toStrictEqual({ facts: {}, changes: [] });
  });

  it('numbers facts by the index of the paragraph given', () => {
    const r = extractNarrativeFacts(['概况', '', '基本支出10万元。']);
    expect(r.facts['spending.basic']).toStrictEqual([{ value: '10', approx: false, quote: '基本支出10万元', paragraph: 2 }]);
  });

  it("in a department's narrative, leaves a project's own figures out: under a heading naming it, or said of it", () => {
    const paragraphs = [
      '一、部门整体支出情况',
      '全年预算400.00万元，全年决算支出392.00万元。',
      '二、重点项目实施情况',
      '（一）财政信息化建设项目。全年预算120.00万元，全年支出118.80万元。',
      '（二）乡镇财政所标准化建设工程',
      '全年预算60.00万元，全年支出57.00万元。',
      '（三）其他',
      '政府采购监督管理项目全年预算35.00万元，全年支出35.00万元。',
      '三、部门预算执行',
      '全年决算支出中基本支出247.00万元。',
    ];
    const values = (r: ReturnType<typeof extractNarrativeFacts>) => Object.fromEntries(Object.entries(r.facts).map(([k, v]) => [k, v.map((f) => f.value)]));
    expect(values(extractNarrativeFacts(paragraphs, { department: true }))).toStrictEqual({
      'budget.final': ['400.00'],
      'spending.total': ['392.00'],
      'spending.basic': ['247.00'],
    });
    // A project's narrative is about the project: every figure is its own.
    expect(values(extractNarrativeFacts(paragraphs))['budget.final']).toStrictEqual(['400.00', '120.00', '60.00', '35.00']);
  });

  it("keeps only the form's own figures: its year, its own unit, not a comparison's base", () => {
    const paragraphs = [
      '2023年全年预算860.00万元，全年支出845.32万元。',
      '2022年该项目全年预算780.00万元，全年支出770.15万元，较2021年增加20.15万元。',
      '全年支出比上年支出750.00万元增加95.32万元。',
      '截至2023年12月31日，县农田建设服务中心全年支出845.32万元。',
      '县农机事务中心全年支出212.58万元。',
    ];
    const own = { year: 2023, names: ['麻阳苗族自治县高标准农田建设项目', '麻阳苗族自治县农田建设服务中心'] };
    const r = extractNarrativeFacts(paragraphs, { own });
    const values = Object.fromEntries(Object.entries(r.facts).map(([k, v]) => [k, v.map((f) => `${f.paragraph}:${f.value}`)]));
    expect(values).toStrictEqual({ 'budget.final': ['0:860.00'], 'spending.total': ['0:845.32', '3:845.32'] });
    expect(r.changes.map((c) => [c.paragraph, c.amount])).toStrictEqual([[2, '95.32']]);
    // A form whose year and names are unknown keeps what its sentences give to a year or a unit.
    expect(extractNarrativeFacts(paragraphs).facts['spending.total'].map((f) => f.value)).toStrictEqual(['845.32', '770.15', '845.32', '212.58']);
  });

  it("reads the actual spending of a project's funds, not of a department's project lines", () => {
    const sentence = '项目资金95.00万元，实际支出93.12万元。';
    // "项目资金" alone is no figure of its own (its budget? its money received?).
    expect(extractNarrativeFacts([sentence]).facts).toStrictEqual({
      'spending.total': [{ value: '93.12', approx: false, quote: '实际支出93.12万元', paragraph: 0 }],
    });
    expect(extractNarrativeFacts([sentence], { department: true }).facts).toStrictEqual({});
  });

  it('reads 支出决算 as the spending of what its sentence speaks of: the department\'s alone, the 三公\'s after 三公 (probe R15, R17)', () => {
    const values = (paragraphs: string[]) =>
      Object.fromEntries(Object.entries(extractNarrativeFacts(paragraphs, { department: true }).facts).map(([k, list]) => [k, list.map((f) => f.value)]));
    expect(values(['2023年度支出决算2704.91万元，其中基本支出1480.37万元。', '2023年部门预算2765.38万元，支出决算数2704.91万元。'])).toStrictEqual({
      'spending.total': ['2704.91', '2704.91'],
      'spending.basic': ['1480.37'],
      'budget.initial': ['2765.38'],
    });
    expect(values(['“三公”经费支出决算为8.40万元，其中：公务用车运行维护费支出决算4.80万元，公务接待费支出决算3.60万元。'])).toStrictEqual({
      'threePublic.total': ['8.40'],
      'threePublic.vehicleOps': ['4.80'],
      'threePublic.reception': ['3.60'],
    });
    // its own clause after a 三公 budget: no figure of the department's, nor a guess
    expect(values(['“三公”经费财政拨款支出预算为18.50万元，支出决算为15.26万元，比上年减少1.84万元。'])['spending.total']).toBeUndefined();
    const r = extractNarrativeFacts(['“三公”经费实际支出8.40万元，比上年减少1.60万元，下降16.00%。'], { department: true });
    expect(r.facts['threePublic.total']?.map((f) => f.value)).toStrictEqual(['8.40']);
    expect(r.changes.map((c) => c.concept)).toStrictEqual(['threePublic.total']);
  });

  it('gives one figure to each concept listed before 均为 (probe S19)', () => {
    const r = extractNarrativeFacts(['“三公”经费支出决算为7.20万元，其中：公务接待费支出决算2.10万元，公务用车运行维护费支出决算4.10万元，因公出国（境）费、公务用车购置费均为0万元。'], { department: true });
    expect(Object.fromEntries(Object.entries(r.facts).map(([k, list]) => [k, list.map((f) => f.value)]))).toStrictEqual({
      'threePublic.total': ['7.20'],
      'threePublic.reception': ['2.10'],
      'threePublic.vehicleOps': ['4.10'],
      'threePublic.abroad': ['0'],
      'threePublic.vehiclePurchase': ['0'],
    });
    // 均 with no figure after it binds nothing
    expect(extractNarrativeFacts(['基本支出、项目支出均较上年有所增长，全年支出1000.00万元。']).facts).toStrictEqual({
      'spending.total': [{ value: '1000.00', approx: false, quote: '全年支出1000.00万元', paragraph: 0 }],
    });
  });

  it('accepts an extended lexicon', () => {
    const r = extractNarrativeFacts(['专项支出56.91万元。'], { lexicon: [{ concept: 'spending.special', aliases: ['专项支出'] }] });
    expect(r.facts).toStrictEqual({ 'spending.special': [{ value: '56.91', approx: false, quote: '专项支出56.91万元', paragraph: 0 }] });
  });
});

describe('narrative text helpers', () => {
  it('expands optional alias parts', () => {
    expect(expandAlias('因公出国[（境）]费[用]').sort()).toStrictEqual(
      ['因公出国（境）费用', '因公出国（境）费', '因公出国费用', '因公出国费'].sort(),
    );
  });

  it('converts 亿元 and 元 by moving the point, keeping digits', () => {
    expect(moneyFigures('2.09亿元').map((m) => m.value)).toStrictEqual(['20900']);
    expect(moneyFigures('215457.6元').map((m) => m.value)).toStrictEqual(['21.54576']);
    expect(moneyFigures('1,028.49万元').map((m) => m.value)).toStrictEqual(['1028.49']);
    expect(moneyFigures('898.563万余元')).toMatchObject([{ value: '898.563', approx: true }]);
    expect(moneyFigures('7060万余元')).toMatchObject([{ value: '7060', approx: true }]);
    expect(moneyFigures('3200多万元')).toMatchObject([{ value: '3200', approx: true }]);
    expect(moneyFigures('742户、2022年、10000套、100%')).toStrictEqual([]);
  });

  it('keeps digits apart across whitespace, and reads wrapped PDF lines', () => {
    expect(moneyFigures(matchView('表1 1150.05万元').text).map((m) => m.value)).toStrictEqual(['1150.05']);
    const r = extractNarrativeFacts(['上述决算支出中基本\n支出1150.05\n万元，项目支出\n3028.78万元。']);
    expect(r.facts).toStrictEqual({
      'spending.basic': [{ value: '1150.05', approx: false, quote: '上述决算支出中基本支出1150.05 万元', paragraph: 0 }],
      'spending.project': [{ value: '3028.78', approx: false, quote: '项目支出 3028.78万元', paragraph: 0 }],
    });
  });

  it('splits clauses on Chinese commas but not inside a digit group', () => {
    const v = matchView('支出1,028.49万元，比上年增加10万元。另一句');
    const s = sentences(v).map((cl) => cl.map((c) => v.text.slice(c.start, c.end)));
    expect(s).toStrictEqual([['支出1,028.49万元', '比上年增加10万元'], ['另一句']]);
  });
});
