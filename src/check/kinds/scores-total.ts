// Kind `scores-total` (rules.md check 12): fund score + Σ indicator scores = total score.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { fieldPath, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { indicatorSumDraft } from './indicator-sum.js';

const options = lazySchema((z) => z.object({ fund: linePath(), total: fieldPath().default('total.score') }).strict());

export const scoresTotal: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'scores-total',
  meta: {
    title: '得分合计等于总得分',
    explanation: '资金执行得分加上各项指标得分之和，应等于总分一行的得分。资金得分空白按 0 计；资金表没有分值、得分栏（资金不计分）时只加指标得分；资金表有分值但未读到得分时无从相加，不比较；各项指标得分都未填写时（空白不是 0）不比较，由逐项检查指出；资金得分与总得分按其末位小数四舍五入比较（资金得分带小数时，整数总得分也视为四舍五入的结果），指标得分按精确值比较。',
    messages: {
      unequal: '总分得分{{total}}分，与资金得分{{fund}}分 + 各项指标得分之和{{indicators}}分 = {{sum}}分不一致（相差{{difference}}分）',
      fundBlank: '总分得分{{total}}分，与资金得分（空白，按0计） + 各项指标得分之和{{indicators}}分 = {{sum}}分不一致（相差{{difference}}分）',
      fundAbsent: '总分得分{{total}}分，与各项指标得分之和{{indicators}}分不一致（相差{{difference}}分；资金表没有得分栏，不计资金得分）',
    },
  },
  get options() {
    return options();
  },
  run: (record, o) =>
    indicatorSumDraft(record, { column: 'score', ...o }, (d) => ({
      messageId: d.fundAbsent ? 'fundAbsent' : d.fund === null ? 'fundBlank' : 'unequal',
      data: { total: d.total, ...(d.fund === null ? {} : { fund: d.fund }), indicators: d.indicators, sum: d.sum, difference: d.diff ?? '' },
    })),
};
