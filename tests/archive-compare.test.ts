// The same finding across submissions (archive/compare.ts): rule id and fields, an
// indicator by its 三级指标 text (not its index), the numbers ignored.
import { describe, expect, it } from 'vitest';
import { findingKey, indicatorIds, indicatorText } from '../src/archive/compare.js';
import type { Indicator } from '../src/model/record.js';

const ind = (name: string | null): Indicator => ({ level1: '产出指标', level2: '数量指标', name, target: null, actual: null });

describe('finding identity', () => {
  it('names an indicator by its text: an inserted row above moves its index, not its identity', () => {
    const before = indicatorIds([ind('完成数量'), ind('设施长效运行')]);
    const after = indicatorIds([ind('完成数量'), ind('安保设施完好率'), ind('设施 长效运行')]);
    const a = findingKey({ rule: 'indicators.weight-score-blank', fields: ['indicators[1].score', 'indicators[1].weight'] }, before);
    const b = findingKey({ rule: 'indicators.weight-score-blank', fields: ['indicators[2].score', 'indicators[2].weight'] }, after);
    expect(a).toBe(b);
    // …and the indicator now at the old index is another one
    const c = findingKey({ rule: 'indicators.weight-score-blank', fields: ['indicators[1].score', 'indicators[1].weight'] }, after);
    expect(c).not.toBe(a);
  });

  it('keeps the first field first, the others as a set; another rule or another first field is another finding', () => {
    const ids: string[] = [];
    const k = (rule: string, fields: string[]) => findingKey({ rule, fields }, ids);
    expect(k('funds.basic-sum', ['funds.uses.basic.budget', 'funds.uses.personnel.budget', 'funds.uses.public.budget'])).toBe(
      k('funds.basic-sum', ['funds.uses.basic.budget', 'funds.uses.public.budget', 'funds.uses.personnel.budget']),
    );
    expect(k('funds.basic-sum', ['funds.uses.basic.budget'])).not.toBe(k('funds.basic-sum', ['funds.uses.basic.actual']));
    expect(k('funds.total-rate-blank', ['funds.sources.total.rate'])).not.toBe(k('funds.total-rate-above-100', ['funds.sources.total.rate']));
  });

  it('reads an indicator by its text without its printed numbering; two equal texts stay apart; none falls back to its place', () => {
    expect(indicatorText('指标1：住房困难群众 应保尽保')).toBe('住房困难群众应保尽保');
    expect(indicatorText('（1）验收合格率')).toBe(indicatorText('1.验收合格率'));
    expect(indicatorIds([ind('满意度'), ind('满意度'), ind(null)])).toEqual(['满意度', '满意度#2', '#3']);
  });
});
