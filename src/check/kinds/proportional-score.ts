// Kind `proportional-score` (rules.md check 15): a missed target scored above its proportional share.
import { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { dec, difference, round2 } from '../decimal.js';
import type { Draft, RuleKind } from '../types.js';
import { indicatorLabel } from './indicator-common.js';
import { missedTargetFields, scoredMissedTargets } from './missed-target-common.js';

const options = lazySchema((z) => z.object({}).strict());

export const proportionalScore: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'proportional-score',
  meta: {
    title: '未达目标的得分高于按比例应得分',
    explanation: '定量指标未达到目标时，按比例计分：正向指标 实际值 ÷ 目标值 × 分值；反向指标 目标值 ÷ 实际值 × 分值，或 (1 − (实际值 − 目标值) ÷ 目标值) × 分值（两种都接受）。得分高于按比例应得分时提示（得满分的另由“未达目标却得满分”报告）。',
    messages: { above: '{{indicator}}未达到目标（实际“{{actual}}”，目标“{{target}}”），得分{{score}}分高于按比例应得的{{expected}}分' },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    for (const { index: i, indicator: ind, judgement: j, score, weight: w } of scoredMissedTargets(record)) {
      if (dec(score).gte(w)) continue;
      const weight = dec(w);
      let share: Decimal;
      if (j.direction === 'ge' || j.direction === 'gt') {
        if (j.target.lte(0)) continue;
        share = j.actual.div(j.target).times(weight);
      } else {
        if (j.target.lte(0) || j.actual.lte(0)) continue;
        const ratio = j.target.div(j.actual).times(weight);
        const national = Decimal.max(0, new Decimal(1).minus(j.actual.minus(j.target).div(j.target))).times(weight);
        share = Decimal.max(ratio, national);
      }
      const expected = round2(share);
      if (!dec(score).gt(expected)) continue;
      drafts.push({
        fields: missedTargetFields(record, i),
        actual: score,
        expected,
        difference: difference(score, expected),
        messageId: 'above',
        data: { indicator: indicatorLabel(record, i), actual: String(ind.actual), target: String(ind.target), score, expected },
      });
    }
    return drafts;
  },
};
