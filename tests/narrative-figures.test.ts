// What the narrative's figures are good to and measured from (facts-figures.ts), and the
// execution rate and score it states of the whole form (facts-scores.ts).
import { describe, expect, it } from 'vitest';
import { moneyInterval } from '../src/check/decimal.js';
import { FactSchema, ChangeSchema } from '../src/model/record.js';
import { extractNarrativeFacts } from '../src/recognize/facts.js';
import { withBases, withPrecision } from '../src/recognize/facts-figures.js';
import { keepOwnFigures } from '../src/recognize/facts-scope.js';
import { statedMeasures } from '../src/recognize/facts-scores.js';

const read = (...paragraphs: string[]) => {
  const r = extractNarrativeFacts(paragraphs, { department: true });
  return { facts: withPrecision(r.facts), changes: withBases(r.changes) };
};

describe('the precision of a figure printed in 亿元', () => {
  it('"1.17亿元" is 11700万元 good to −2 decimals: 11650–11750', () => {
    const [f] = read('全年决算支出1.17亿元，其中基本支出2046.82万元。').facts['spending.total'];
    expect(f).toMatchObject({ value: '11700', decimals: -2 });
    expect(FactSchema.parse(f)).toEqual(f);
    const iv = moneyInterval(f.value, false, f.decimals);
    expect([iv.lo.toFixed(), iv.hi.toFixed()]).toEqual(['11650', '11750']);
  });
  it('万元 and 元 figures keep their own digits; a whole 亿元 figure is exact', () => {
    const { facts } = read('全年决算支出849.72万元。', '基本支出8,497,166.35元。', '项目支出2亿元。');
    expect(facts['spending.total'][0]).not.toHaveProperty('decimals');
    expect(facts['spending.basic'][0]).toMatchObject({ value: '849.716635' });
    expect(facts['spending.basic'][0]).not.toHaveProperty('decimals');
    expect(facts['spending.project'][0]).toMatchObject({ value: '20000' });
    expect(facts['spending.project'][0]).not.toHaveProperty('decimals');
  });
});

describe('the base a change names', () => {
  it('"比上年决算支出3520.18万元减少63.98万元，下降1.82%": base 3520.18', () => {
    const { changes } = read('2022年度支出决算数为3456.20万元，比上年决算支出3520.18万元减少63.98万元，下降1.82%。');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ amount: '63.98', direction: 'decrease', percent: '1.82', base: '3520.18' });
    expect(ChangeSchema.parse(changes[0])).toEqual(changes[0]);
  });
  it('a change that names no base has none', () => {
    const { changes } = read('公务接待费支出0万元，比预算减少9万元，降低100%。');
    expect(changes[0]).toMatchObject({ amount: '9', percent: '100' });
    expect(changes[0]).not.toHaveProperty('base');
  });
});

describe('the execution rate and score stated of the whole', () => {
  // a 2022 form: the rate said of 2021 is another year's
  const stated = statedMeasures(['本项目预算执行率达到97.11%，自评得分99.85分，产出指标得分48分。', '2021年执行率为90%，资金执行率95%以上，基本支出执行率88%。', '2022年度部门整体支出绩效自评得分为95.5分。']);
  const m = keepOwnFigures({ text: null, facts: stated, changes: [] }, { year: 2022, names: [] }).facts;
  it('binds the form\'s own rate and score', () => {
    expect(m['rate.execution']).toEqual([
      { value: '97.11', approx: false, quote: '本项目预算执行率达到97.11%', paragraph: 0 },
      { value: '95', approx: true, quote: '资金执行率95%以上', paragraph: 1 },
    ]);
    expect(m['score.total'].map((f) => f.value)).toEqual(['99.85', '95.5']);
  });
  it('not a part\'s (产出指标得分, 基本支出执行率) nor an earlier year\'s', () => {
    expect(m['score.total'].map((f) => f.value)).not.toContain('48');
    expect(m['rate.execution'].map((f) => f.value)).not.toContain('90');
    expect(m['rate.execution'].map((f) => f.value)).not.toContain('88');
  });
});
