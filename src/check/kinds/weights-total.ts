// Kind `weights-total` (rules.md check 11): fund weight + Σ indicator weights = total weight (100 when blank).
import { z } from 'zod';
import { decimalOption, fieldPath, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { indicatorSumDraft } from './indicator-sum.js';

const options = z
  .object({ fund: linePath, total: fieldPath.default('total.weight'), blankTotal: decimalOption.default('100') })
  .strict();

export const weightsTotal: RuleKind<z.infer<typeof options>> = {
  name: 'weights-total',
  meta: {
    title: '分值合计等于总分分值',
    explanation: '资金执行的分值加上各项指标分值之和，应等于总分一行的分值（总分分值空白时按 100 计）。分值是赋予的分数，按精确值比较。',
  },
  options,
  run: (record, o) =>
    indicatorSumDraft(record, { column: 'weight', ...o }, (d) =>
      `${d.totalBlank ? `总分分值未填写（按${d.total}分计）` : `总分分值${d.total}分`}，与资金分值${d.fund ?? '（空白）'}分 + 各项指标分值之和${d.indicators}分 = ${d.sum}分不一致${d.diff ? `（相差${d.diff}分）` : ''}`,
    ),
};
