// Kind `fund-score-blank` (rules.md check 8): a weight is given but the score is blank → report the computed score.
import { z } from 'zod';
import { operand } from '../context.js';
import { labelOf } from '../labels.js';
import { linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { computeFundScore, scoreFields } from './fund-score-common.js';

const options = z.object({ line: linePath }).strict();

export const fundScoreBlank: RuleKind<z.infer<typeof options>> = {
  name: 'fund-score-blank',
  meta: {
    title: '预算执行得分未填写',
    explanation: '资金行给了分值却没有填写得分；报告按分值 × min(执行率, 100%) 算出的得分，供补填。',
  },
  options,
  run(record, o) {
    if (operand(record, `${o.line}.score`).state !== 'blank') return [];
    const c = computeFundScore(record, o.line);
    if (!c) return [];
    return [
      {
        fields: scoreFields(o.line),
        actual: null,
        expected: c.text,
        difference: null,
        message: `${labelOf(`${o.line}.score`, record)}未填写；按分值${c.weight} × min(执行率${c.rate.text}%, 100%)计算应为${c.text}分`,
      },
    ];
  },
};
