// Kind `rate-blank` (rules.md check 5): the line's rate column is there but empty → report the computed rate.
import { z } from 'zod';
import { operand } from '../context.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import { linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { computeRate, rateFields } from './rate-common.js';

const options = z.object({ line: linePath }).strict();

export const rateBlank: RuleKind<z.infer<typeof options>> = {
  name: 'rate-blank',
  meta: {
    title: '执行率未填写',
    explanation: '表中有执行率一栏，但该行执行率空白；报告按执行数 ÷ 预算数算出的执行率，供补填。预算数为 0 或空白时不报告。',
  },
  options,
  run(record, o) {
    if (operand(record, `${o.line}.rate`).state !== 'blank') return [];
    const c = computeRate(record, o.line);
    if (!c) return [];
    return [
      {
        fields: rateFields(o.line),
        actual: null,
        expected: c.text,
        difference: null,
        message: `${labelOf(`${o.line}.rate`, record)}未填写；按全年执行数${tableMoney(record, c.actual)} ÷ 全年预算数${tableMoney(record, c.budget)}计算应为${c.text}%`,
      },
    ];
  },
};
