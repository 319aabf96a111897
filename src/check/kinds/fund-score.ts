// Kind `fund-score` (rules.md check 7): the stated fund score = weight × min(rate, 100%).
import { z } from 'zod';
import { operand } from '../context.js';
import { difference, meets, scoreInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { computeFundScore, scoreFields } from './fund-score-common.js';

const options = z.object({ line: linePath }).strict();

export const fundScore: RuleKind<z.infer<typeof options>> = {
  name: 'fund-score',
  meta: {
    title: '预算执行得分等于分值乘以执行率',
    explanation: '预算执行率得分 = 分值 × min(执行率, 100%)，执行率按执行数 ÷ 预算数计算（不用表中印出的执行率）。得分按其末位小数四舍五入比较，整数得分视为精确值。只检查填写了的得分。',
  },
  options,
  run(record, o) {
    const stated = operand(record, `${o.line}.score`);
    if (stated.state !== 'value') return [];
    const c = computeFundScore(record, o.line);
    if (!c || meets(scoreInterval(stated.value), c.interval)) return [];
    const diff = difference(stated.value, c.text);
    return [
      {
        fields: scoreFields(o.line),
        actual: stated.value,
        expected: c.text,
        difference: diff,
        message: `${labelOf(`${o.line}.score`, record)}填写为${stated.value}分，按分值${c.weight} × min(执行率${c.rate.text}%, 100%)计算应为${c.text}分（相差${diff}分）`,
      },
    ];
  },
};
