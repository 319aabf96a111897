// Kind `equal` (rules.md check 3): two fund lines agree, per money column (sources = uses).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { linePath, moneyColumns } from '../options.js';
import type { RuleKind } from '../types.js';
import { lineSumDrafts } from './line-sum.js';

const options = lazySchema((z) => z.object({ left: linePath(), right: linePath(), columns: moneyColumns() }).strict());

export const equal: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'equal',
  meta: {
    title: '两行金额相等',
    explanation: '两个资金行的同一金额列应相等（如资金来源合计 = 资金结构合计），按四舍五入的区间比较。',
    messages: { unequal: '{{totalLabel}}{{total}}，与{{parts}}不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run: (record, o) =>
    lineSumDrafts(record, o.left, [o.right], o.columns, 'unequal'),
};
