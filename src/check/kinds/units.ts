// Kind `units` (rules.md check 18): amounts implausible for the stated unit — a 万元
// table that looks like 元, or a 元 table whose total is tiny.
import { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { dec, isWhole } from '../decimal.js';
import { decimalOption } from '../options.js';
import type { RuleKind } from '../types.js';

const options = lazySchema((z) =>
  z
    .object({
      /** In a 万元 table: any amount at least this large (万元) looks like 元. */
      wanHuge: decimalOption().default('1000000'),
      /** In a 万元 table: every non-zero amount a whole number at least this large looks like 元. */
      wanWholeFrom: decimalOption().default('10000'),
      /** In a 元 table: a total below this (万元; 0.1 = 1,000 元) looks like 万元. */
      yuanTotalBelow: decimalOption().default('0.1'),
    })
    .strict(),
);

export const units: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'units',
  meta: {
    title: '金额单位可疑',
    explanation: '以万元填报的表中出现 100 万万元（百亿元）以上的金额，或所有非零金额都是 1 万以上的整数，多半实际是以元填写；以元填报的表合计不足 1000 元，多半实际是以万元填写。',
    messages: {
      wanHuge: '表中金额单位为万元，但出现{{largest}}万元（超过百亿元）的金额，请核实是否实际以元填写',
      wanWhole: '表中金额单位为万元，但所有金额都是1万以上的整数（如{{example}}），请核实是否实际以元填写',
      yuanTiny: '表中金额单位为元，但资金合计只有{{total}}元（不足1000元），请核实是否实际以万元填写',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const amounts: string[] = [];
    for (const block of ['sources', 'uses'] as const) {
      for (const line of Object.keys(record.funds[block] ?? {})) {
        for (const col of ['initial', 'budget', 'actual'] as const) {
          const op = operand(record, `funds.${block}.${line}.${col}`);
          if (op.state === 'value' && !dec(op.value).isZero()) amounts.push(op.value);
        }
      }
    }
    if (amounts.length === 0) return [];
    const base = { fields: ['unit'], actual: record.sourceUnit, difference: null };
    if (record.sourceUnit === '万元') {
      const largest = Decimal.max(...amounts.map((a) => dec(a).abs()));
      if (largest.gte(o.wanHuge)) {
        return [{ ...base, expected: '元', messageId: 'wanHuge', data: { largest: largest.toString() } }];
      }
      if (amounts.every((a) => isWhole(a) && dec(a).abs().gte(o.wanWholeFrom))) {
        return [{ ...base, expected: '元', messageId: 'wanWhole', data: { example: amounts[0] } }];
      }
      return [];
    }
    const total = ['budget', 'actual']
      .map((c) => operand(record, `funds.sources.total.${c}`))
      .flatMap((op) => (op.state === 'value' && !dec(op.value).isZero() ? [dec(op.value).abs()] : []));
    if (total.length > 0 && total.every((t) => t.lt(o.yuanTotalBelow))) {
      const yuan = Decimal.max(...total).times(10000).toString();
      return [{ ...base, expected: '万元', messageId: 'yuanTiny', data: { total: yuan } }];
    }
    return [];
  },
};
