// Kind `sum` (rules.md checks 1–2): a total fund line = Σ its part lines, per money column.
import { z } from 'zod';
import { fieldPath, linePath, moneyColumns } from '../options.js';
import type { RuleKind } from '../types.js';
import { lineSumDrafts } from './line-sum.js';

const options = z
  .object({
    total: linePath,
    /** Part lines; "funds.sources.*" stands for every other line of the block. */
    parts: z.array(fieldPath).min(1),
    columns: moneyColumns,
  })
  .strict();

export const sum: RuleKind<z.infer<typeof options>> = {
  name: 'sum',
  meta: {
    title: '合计等于各分项之和',
    explanation: '合计行的每个金额列应等于各分项行同列之和；按四舍五入的区间比较（两位小数的数代表 ±0.005），空白分项按 0 计，合计或全部分项空白时不比较。',
    messages: { unequal: '{{totalLabel}}{{total}}，与{{parts}} = {{sum}}不一致（相差{{difference}}）' },
  },
  options,
  run: (record, o) =>
    lineSumDrafts(record, o.total, o.parts, o.columns, 'unequal'),
};
