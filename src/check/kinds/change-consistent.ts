// Kind `change-consistent` (rules.md check 28): a stated change agrees with itself —
// "比预算减少9万元，降低100%" with the current figure 0: 9 ÷ (0 + 9) = 100%.
import { z } from 'zod';
import { distinctFactValues } from '../context.js';
import { dec, difference, exact, meets, moneyInterval, mulIv, rateInterval, round2 } from '../decimal.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = z.object({}).strict();

export const changeConsistent: RuleKind<z.infer<typeof options>> = {
  name: 'change-consistent',
  meta: {
    title: '文字部分所述增减额与增减幅度相符',
    explanation: '文字部分写“比预算减少X万元，降低Y%”时，Y 应等于 X ÷（本期数 + X）× 100%（增加时为 X ÷（本期数 − X））；本期数取文字部分对该项目所写的金额，按四舍五入的区间比较。',
    messages: {
      decrease: '文字部分所述{{concept}}{{value}}万元，减少{{amount}}万元，应降低{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
      increase: '文字部分所述{{concept}}{{value}}万元，增加{{amount}}万元，应增长{{expected}}%，与所写的{{stated}}%不符（相差{{difference}}个百分点）',
    },
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    record.narrative.changes.forEach((c, i) => {
      if (c.amount === null || c.percent === null) return;
      const factPath = `narrative.facts.${c.concept}`;
      for (const v of distinctFactValues(record, c.concept)) {
        const allWhole = !v.includes('.') && !c.amount.includes('.');
        const amount = moneyInterval(c.amount, allWhole);
        const now = moneyInterval(v, allWhole);
        const pointBase = c.direction === 'decrease' ? dec(v).plus(c.amount) : dec(v).minus(c.amount);
        if (pointBase.lte(0) || dec(c.amount).lte(0)) continue;
        if (c.direction === 'increase' && !now.lo.minus(amount.hi).gt(0)) continue;
        // amount ÷ (now ± amount) is monotone in each operand, so its bounds come from
        // the ends of their intervals (treating the base as independent would widen it)
        const ratio =
          c.direction === 'decrease'
            ? { lo: amount.lo.div(now.hi.plus(amount.lo)), hi: amount.hi.div(now.lo.plus(amount.hi)) }
            : { lo: amount.lo.div(now.hi.minus(amount.lo)), hi: amount.hi.div(now.lo.minus(amount.hi)) };
        if (meets(rateInterval(c.percent), mulIv(ratio, exact('100')))) continue;
        const expected = round2(dec(c.amount).div(pointBase).times(100));
        const diff = difference(c.percent, expected);
        drafts.push({
          fields: [`narrative.changes[${i}].percent`, `narrative.changes[${i}].amount`, factPath],
          actual: c.percent,
          expected,
          difference: diff,
          factValues: { [factPath]: v },
          messageId: c.direction,
          data: { concept: labelOf(factPath), value: v, amount: c.amount, expected, stated: c.percent, difference: diff },
        });
      }
    });
    return drafts;
  },
};
