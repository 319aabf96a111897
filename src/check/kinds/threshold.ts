// Kind `threshold` (rules.md check 17): a layout's own limit, e.g. Sichuan: a total-line
// rate (stated, or computed when blank) below 90% must carry a 原因.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { isPlaceholderText, operand } from '../context.js';
import { dec } from '../decimal.js';
import { labelOf } from '../labels.js';
import { decimalOption, fieldPath, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { computeRate, hasBudget } from './rate-common.js';

const options = lazySchema((z) =>
  z
    .object({
      line: linePath(),
      /** The rate is judged below this many percent. */
      below: decimalOption(),
      /** The cell that must then be filled (a reason). */
      requireFilled: fieldPath(),
    })
    .strict(),
);

export const threshold: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'threshold',
  meta: {
    title: '执行率低于限值须说明原因',
    explanation: '某些省份的表样要求：执行率（填写的，或空白时按执行数 ÷ 预算数计算的）低于限值时，必须在原因栏说明。表中没有原因栏时不检查。',
    messages: {
      stated: '{{rate}}{{value}}%低于{{below}}%，但{{reason}}未说明',
      computed: '{{rate}}{{value}}%（按执行数 ÷ 预算数计算）低于{{below}}%，但{{reason}}未说明',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const reason = operand(record, o.requireFilled);
    if (reason.state === 'absent' || reason.state === 'missing') return [];
    if (reason.state === 'value' && !isPlaceholderText(reason.value)) return [];
    if (!hasBudget(record, o.line)) return [];
    const stated = operand(record, `${o.line}.rate`);
    if (stated.state === 'nan' || stated.state === 'missing') return [];
    const rate = stated.state === 'value' ? stated.value : computeRate(record, o.line)?.text;
    if (rate === undefined || !dec(rate).lt(o.below)) return [];
    return [
      {
        fields: [o.requireFilled, `${o.line}.rate`, `${o.line}.actual`, `${o.line}.budget`].filter(
          (p, i) => i === 0 || !['absent', 'missing'].includes(operand(record, p).state),
        ),
        actual: reason.state === 'value' ? reason.value : null,
        expected: null,
        difference: null,
        messageId: stated.state === 'value' ? 'stated' : 'computed',
        data: { rate: labelOf(`${o.line}.rate`, record), value: rate, below: o.below, reason: labelOf(o.requireFilled, record) },
      },
    ];
  },
};
