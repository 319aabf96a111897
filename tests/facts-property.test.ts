// Properties of the binding over the whole lexicon: every alias followed by any
// filler and a figure binds that figure to its concept (万元 as printed, 元 and
// 亿元 by moving the point); the same figure stated as a change binds nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNarrativeFacts } from '../src/recognize/facts.js';
import { expandAlias } from '../src/recognize/facts-concepts.js';
import { CONCEPT_LEXICON, FILLERS } from '../src/recognize/facts-lexicon.js';

const aliases = CONCEPT_LEXICON.filter((e) => e.concept && !e.after).flatMap((e) =>
  e.aliases.flatMap(expandAlias).map((alias) => ({ alias, concept: e.concept as string })),
);
const alias = fc.constantFrom(...aliases);
const filler = fc.constantFrom('', ...FILLERS.filter((f) => f !== '('));
const int = fc.bigInt({ min: 0n, max: 99999999n }).map(String);
const frac = fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined });
const amount = fc.tuple(int, frac).map(([i, f]) => (f === undefined ? i : `${i}.${f}`));

describe('binding over the whole lexicon', () => {
  it('binds "<alias><filler><figure>万元" to the alias concept', () => {
    fc.assert(
      fc.property(alias, filler, amount, ({ alias, concept }, fill, value) => {
        const r = extractNarrativeFacts([`2023年${alias}${fill}${value}万元。`]);
        expect(Object.keys(r.facts)).toStrictEqual([concept]);
        expect(r.facts[concept].map((f) => [f.value, f.approx])).toStrictEqual([[value.replace(/^0+(?=\d)/, ''), false]]);
        expect(r.changes).toStrictEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('reads 元 and 亿元 by moving the point four places', () => {
    const r = extractNarrativeFacts(['基本支出11500500.50元，项目支出0.302878亿元。']);
    expect(r.facts['spending.basic'][0].value).toBe('1150.050050');
    expect(r.facts['spending.project'][0].value).toBe('3028.78');
  });

  it('binds nothing when the figure is a change of the concept', () => {
    fc.assert(
      fc.property(alias, fc.constantFrom('比上年增加', '较上年减少', '同比下降', '比预算节约'), amount, ({ alias, concept }, verb, value) => {
        const r = extractNarrativeFacts([`${alias}${verb}${value}万元。`]);
        expect(r.facts).toStrictEqual({});
        expect(r.changes.map((c) => [c.concept, c.amount])).toStrictEqual([[concept, value.replace(/^0+(?=\d)/, '')]]);
      }),
      { numRuns: 300 },
    );
  });

  it('binds nothing when an unknown noun stands between concept and figure', () => {
    fc.assert(
      fc.property(alias, fc.constantFrom('中专项资金', '包括奖补资金', '结转', '指标数', '中的部分'), amount, ({ alias }, noun, value) => {
        const r = extractNarrativeFacts([`${alias}${noun}${value}万元。`]);
        expect(r.facts).toStrictEqual({});
      }),
      { numRuns: 300 },
    );
  });
});
