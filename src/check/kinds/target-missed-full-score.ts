// Kind `target-missed-full-score` (rules.md check 14): a missed quantitative target still scored full marks.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { dec } from '../decimal.js';
import type { Draft, RuleKind } from '../types.js';
import { indicatorLabel } from './indicator-common.js';
import { missedTargetFields, scoredMissedTargets } from './missed-target-common.js';

const options = lazySchema((z) => z.object({}).strict());

export const targetMissedFullScore: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'target-missed-full-score',
  meta: {
    title: '未达到目标却得满分',
    explanation: '实际完成值未达到年度指标值（方向取指标性质，或目标值前的 ≥、≤、=；“=”和无符号都按“≥”理解，但目标值为0时按“=0”理解（如安全事故“0起”）；文字目标不判断），得分却等于分值，分数未按完成程度扣减。',
    messages: { fullScore: '{{indicator}}实际完成值“{{actual}}”未达到年度指标值“{{target}}”，却得满分{{score}}分，得分未扣减' },
  },
  get options() {
    return options();
  },
  run(record) {
    return scoredMissedTargets(record)
      .filter(({ score, weight }) => dec(score).eq(weight))
      .map(({ index: i, indicator: ind, score }): Draft => ({
        fields: missedTargetFields(record, i),
        actual: score,
        expected: null,
        difference: null,
        messageId: 'fullScore',
        data: { indicator: indicatorLabel(record, i), actual: String(ind.actual), target: String(ind.target), score },
      }));
  },
};
