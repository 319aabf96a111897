// Kind `indicator-range` (rules.md check 9): 0 ≤ score ≤ weight on every indicator (assigned points: exact).
import { z } from 'zod';
import { operand } from '../context.js';
import { dec, difference } from '../decimal.js';
import type { Draft, RuleKind } from '../types.js';
import { indicatorLabel, indPath } from './indicator-common.js';

const options = z.object({}).strict();

export const indicatorRange: RuleKind<z.infer<typeof options>> = {
  name: 'indicator-range',
  meta: {
    title: '指标得分在0与分值之间',
    explanation: '每项指标的得分不得超过其分值，也不得小于 0。分值和得分都是赋予的分数，按精确值比较，不考虑四舍五入。',
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    record.indicators.forEach((_, i) => {
      const s = operand(record, indPath(i, 'score'));
      if (s.state !== 'value') return;
      const w = operand(record, indPath(i, 'weight'));
      if (w.state === 'absent' || w.state === 'missing') return; // check 33: no weight key, no range to check
      const fields = [indPath(i, 'score'), indPath(i, 'weight')];
      if (dec(s.value).lt(0)) {
        drafts.push({ fields, actual: s.value, expected: '0', difference: difference(s.value, '0'),
          message: `${indicatorLabel(record, i)}得分${s.value}分，小于0分` });
      } else if (w.state === 'value' && dec(s.value).gt(w.value)) {
        const diff = difference(s.value, w.value);
        drafts.push({ fields, actual: s.value, expected: w.value, difference: diff,
          message: `${indicatorLabel(record, i)}得分${s.value}分，超过其分值${w.value}分（多${diff}分）` });
      }
    });
    return drafts;
  },
};
