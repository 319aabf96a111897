// Kind `change-consistent` (rules.md check 28): a stated change agrees with itself —
// "比预算减少9万元，降低100%" with the current figure 0: 9 ÷ (0 + 9) = 100%; a change that
// names its base ("比上年决算支出3520.18万元减少63.98万元，下降1.82%"): 63.98 ÷ 3520.18; a
// change after a 其中 list may be the whole's ("合计12.30万元，其中…9.20万元，较上年减少1.20万元").
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { Change, FormRecord } from '../../model/record.js';
import { distinctFacts, distinctFigures, figureInterval, isWholeFigure, type Figure } from '../context.js';
import { dec, difference, divIv, exact, meets, moneyInterval, mulIv, rateInterval, round2, type Interval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { amountMoney, operandMoney, printedMoney } from '../money-text.js';
import type { Draft, RuleKind } from '../types.js';
import { nearestBy } from './narrative-common.js';

const options = lazySchema((z) => z.object({}).strict());

type Stated = Change & { amount: string; percent: string };

/** A figure of the change's own words as it printed it ("减少63.98万元", "减少12,000元"). */
function changeMoney(record: FormRecord, c: Change, value: string): string {
  return printedMoney(c.quote, value) ?? amountMoney(record, value);
}

/** The change measured from the base it names: amount ÷ base. */
function fromBase(record: FormRecord, c: Stated, i: number, base: string): Draft | null {
  if (dec(base).lte(0)) return null;
  const allWhole = !base.includes('.') && !c.amount.includes('.');
  const ratio = divIv(moneyInterval(c.amount, allWhole), moneyInterval(base, allWhole));
  if (!ratio || meets(rateInterval(c.percent), mulIv(ratio, exact('100')))) return null;
  const expected = round2(dec(c.amount).div(base).times(100));
  const diff = difference(c.percent, expected);
  return {
    fields: [`narrative.changes[${i}].percent`, `narrative.changes[${i}].amount`, `narrative.changes[${i}].base`],
    actual: c.percent,
    expected,
    difference: diff,
    messageId: c.direction === 'decrease' ? 'decreaseFromBase' : 'increaseFromBase',
    data: {
      concept: labelOf(`narrative.facts.${c.concept}`),
      base: changeMoney(record, c, base),
      amount: changeMoney(record, c, c.amount),
      expected,
      stated: c.percent,
      difference: diff,
    },
  };
}

/** amount ÷ (now ± amount) over the intervals, and at the printed values (`expected`);
 *  null when there is no such base. */
function ratioFromNow(c: Stated, now: Figure): { ratio: Interval; expected: string } | null {
  const allWhole = isWholeFigure(now) && !c.amount.includes('.');
  const amount = moneyInterval(c.amount, allWhole);
  const v = figureInterval(now, allWhole);
  const pointBase = c.direction === 'decrease' ? dec(now.value).plus(c.amount) : dec(now.value).minus(c.amount);
  if (pointBase.lte(0)) return null;
  if (c.direction === 'increase' && !v.lo.minus(amount.hi).gt(0)) return null;
  // amount ÷ (now ± amount) is monotone in each operand, so its bounds come from
  // the ends of their intervals (treating the base as independent would widen it)
  const ratio =
    c.direction === 'decrease'
      ? { lo: amount.lo.div(v.hi.plus(amount.lo)), hi: amount.hi.div(v.lo.plus(amount.hi)) }
      : { lo: amount.lo.div(v.hi.minus(amount.lo)), hi: amount.hi.div(v.lo.minus(amount.hi)) };
  return { ratio: mulIv(ratio, exact('100')), expected: round2(dec(c.amount).div(pointBase).times(100)) };
}

/** The figures stated for `concept` near the change — in its own words ("公务接待费支出0万元，
 *  比预算减少9万元") with `inQuote`, else in its paragraph — or else every one stated for it. */
function figuresNear(record: FormRecord, concept: string, c: Change, inQuote: boolean): Figure[] {
  const near = (record.narrative.facts[concept] ?? []).filter((f) => f.paragraph === c.paragraph && (!inQuote || c.quote.includes(f.quote)));
  const figures = distinctFigures(near);
  return figures.length > 0 ? figures : distinctFacts(record, concept);
}

/** Each reading of the change's current figure: its concept's, stated in its own words; then,
 *  after a 其中 list (Change.whole), the whole's, stated in its paragraph. */
function readings(record: FormRecord, c: Change): Array<{ concept: string; now: Figure }> {
  const out = figuresNear(record, c.concept, c, true).map((now) => ({ concept: c.concept, now }));
  if (c.whole) out.push(...figuresNear(record, c.whole, c, false).map((now) => ({ concept: c.whole as string, now })));
  return out;
}

/** The change measured from the current figure: holds when any reading of it holds; else
 *  one finding, on the figure that comes nearest. */
function fromNow(record: FormRecord, c: Stated, i: number): Draft | null {
  const failed: Array<{ concept: string; now: Figure; expected: string; diff: string }> = [];
  for (const { concept, now } of readings(record, c)) {
    const r = ratioFromNow(c, now);
    if (!r) continue;
    if (meets(rateInterval(c.percent), r.ratio)) return null;
    failed.push({ concept, now, expected: r.expected, diff: difference(c.percent, r.expected) });
  }
  if (failed.length === 0) return null;
  const { concept, now, expected, diff } = nearestBy(failed, (f) => dec(f.diff).abs());
  const factPath = `narrative.facts.${concept}`;
  return {
    fields: [`narrative.changes[${i}].percent`, `narrative.changes[${i}].amount`, factPath],
    actual: c.percent,
    expected,
    difference: diff,
    factValues: { [factPath]: now.value },
    messageId: c.direction,
    data: { concept: labelOf(factPath), value: operandMoney(record, factPath, now.value), amount: changeMoney(record, c, c.amount), expected, stated: c.percent, difference: diff },
  };
}

export const changeConsistent: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'change-consistent',
  meta: {
    title: '文字部分所述增减额与增减幅度相符',
    explanation:
      '文字部分写“比预算减少X万元，降低Y%”时，Y 应等于 X ÷（本期数 + X）× 100%（增加时为 X ÷（本期数 − X））；本期数取同一句中对该项目所写的金额，句中没有时取文字部分对该项目所写的金额（写了几个数时，有一个相符即为相符）；增减写在“其中”所列最后一项之后、另成一句时（“‘三公’经费支出合计12.30万元，其中……公务用车运行维护费9.20万元，较2022年减少1.20万元”），也可能说的是合计，合计的金额也是一种读法。写明比较基数时（“比上年决算支出3520.18万元减少63.98万元，下降1.82%”），Y 应等于 X ÷ 基数 × 100%。按四舍五入的区间比较。',
    messages: {
      decrease: '文字部分所述{{concept}}{{value}}，减少{{amount}}，应降低{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
      increase: '文字部分所述{{concept}}{{value}}，增加{{amount}}，应增长{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
      decreaseFromBase: '文字部分所述{{concept}}比{{base}}减少{{amount}}，应降低{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
      increaseFromBase: '文字部分所述{{concept}}比{{base}}增加{{amount}}，应增长{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    record.narrative.changes.forEach((c, i) => {
      if (c.amount === null || c.percent === null || dec(c.amount).lte(0)) return;
      const stated = c as Stated;
      const d = c.base !== undefined ? fromBase(record, stated, i, c.base) : fromNow(record, stated, i);
      if (d) drafts.push(d);
    });
    return drafts;
  },
};
