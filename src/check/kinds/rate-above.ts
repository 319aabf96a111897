// Kind `rate-above` (rules.md check 6): a rate above 100% — stated, or computed when blank —
// usually means the budget column holds the initial budget instead of the adjusted one.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { dec, difference } from '../decimal.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import { decimalOption, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { computeRate, hasBudget, rateFields } from './rate-common.js';

const options = lazySchema((z) => z.object({ line: linePath(), limit: decimalOption().default('100') }).strict());

export const rateAbove: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'rate-above',
  meta: {
    title: '执行率超过100%',
    explanation: '执行率（填写的，或空白时按执行数 ÷ 预算数计算的）超过 100%，多半是“全年预算数”一栏误填了年初预算数，漏计了年中追加的预算。',
    messages: {
      stated: '{{rate}}{{value}}%超过{{limit}}%，请核实全年预算数是否已含年中追加的预算',
      computed: '{{rate}}未填写，按全年执行数{{actual}} ÷ 全年预算数{{budget}}计算为{{value}}%，超过{{limit}}%，请核实全年预算数是否已含年中追加的预算',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    if (!hasBudget(record, o.line)) return [];
    const stated = operand(record, `${o.line}.rate`);
    if (stated.state === 'absent' || stated.state === 'nan' || stated.state === 'missing') return [];
    const c = computeRate(record, o.line);
    const label = labelOf(`${o.line}.rate`, record);
    if (stated.state === 'value') {
      if (!dec(stated.value).gt(o.limit)) return [];
      return [
        {
          fields: rateFields(o.line),
          actual: stated.value,
          expected: c?.text ?? null,
          difference: c ? difference(stated.value, c.text) : null,
          messageId: 'stated',
          data: { rate: label, value: stated.value, limit: o.limit },
        },
      ];
    }
    if (!c || !dec(c.text).gt(o.limit)) return [];
    return [
      {
        fields: rateFields(o.line),
        actual: null,
        expected: c.text,
        difference: null,
        messageId: 'computed',
        data: { rate: label, actual: tableMoney(record, c.actual), budget: tableMoney(record, c.budget), value: c.text, limit: o.limit },
      },
    ];
  },
};
