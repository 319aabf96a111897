// Kind `weights-total` (rules.md check 11): fund weight + Σ indicator weights = total weight (100 when blank);
// with no indicator weights (check 33), the goal blocks' weights (else the level-1 labels') stand in for them.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { decimalOption, fieldPath, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { indicatorSumDraft, type SummedParts } from './indicator-sum.js';

const PARTS_TEXT: Record<SummedParts, string> = {
  indicators: '各项指标分值之和',
  'goal-groups': '各年度绩效目标分值之和',
  'level1-groups': '各一级指标标注分值之和',
};

const options = lazySchema((z) =>
  z
    .object({ fund: linePath(), total: fieldPath().default('total.weight'), blankTotal: decimalOption().default('100') })
    .strict(),
);

export const weightsTotal: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'weights-total',
  meta: {
    title: '分值合计等于总分分值',
    explanation: '资金执行的分值加上各项指标分值之和，应等于总分一行的分值（总分分值空白时按 100 计）。指标没有分值栏的表样（如湖北“四框”表），改加各年度绩效目标标注的分值（如“年度绩效目标1(40分)”），没有时加各一级指标标注的分值，都没有则不检查；各项指标分值都未填写时（空白不是 0）不比较。分值是赋予的分数，按精确值比较。',
    messages: {
      unequal: '总分分值{{total}}分，与资金分值{{fund}}分 + {{parts}}{{indicators}}分 = {{sum}}分不一致（相差{{difference}}分）',
      blankTotal: '总分分值未填写（按{{total}}分计），与资金分值{{fund}}分 + {{parts}}{{indicators}}分 = {{sum}}分不一致',
    },
  },
  get options() {
    return options();
  },
  run: (record, o) =>
    indicatorSumDraft(record, { column: 'weight', ...o }, (d) => ({
      messageId: d.totalBlank ? 'blankTotal' : 'unequal',
      data: { total: d.total, fund: d.fund ?? '（空白）', parts: PARTS_TEXT[d.parts], indicators: d.indicators, sum: d.sum, ...(d.diff !== null ? { difference: d.diff } : {}) },
    })),
};
