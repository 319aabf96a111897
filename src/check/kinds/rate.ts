// Kind `rate` (rules.md check 4): a stated 执行率 = 全年执行数 ÷ 全年预算数 × 100.
import { z } from 'zod';
import { operand } from '../context.js';
import { difference, meets, rateInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import { fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { expandLines } from './line-sum.js';
import { computeRate, rateFields } from './rate-common.js';

const options = z.object({ lines: z.array(fieldPath).min(1) }).strict();

export const rate: RuleKind<z.infer<typeof options>> = {
  name: 'rate',
  meta: {
    title: '执行率等于执行数除以预算数',
    explanation: '填写了执行率的每一行，执行率应等于全年执行数 ÷ 全年预算数 × 100%。印出的执行率按其末位四舍五入（93% 代表 92.5%–93.5%），预算数、执行数也按其小数位取区间；预算数为 0 或空白的行不检查。',
  },
  options,
  run(record, o) {
    const drafts: Draft[] = [];
    for (const line of expandLines(record, o.lines, [])) {
      const stated = operand(record, `${line}.rate`);
      if (stated.state !== 'value') continue;
      const c = computeRate(record, line);
      if (!c || meets(rateInterval(stated.value), c.interval)) continue;
      const diff = difference(stated.value, c.text);
      drafts.push({
        fields: rateFields(line),
        actual: stated.value,
        expected: c.text,
        difference: diff,
        message: `${labelOf(`${line}.rate`, record)}填写为${stated.value}%，按全年执行数${tableMoney(record, c.actual)} ÷ 全年预算数${tableMoney(record, c.budget)}计算应为${c.text}%（相差${diff}个百分点）`,
      });
    }
    return drafts;
  },
};
