// Kind `rate` (rules.md checks 4–5): a stated 执行率 = 全年执行数 ÷ 全年预算数 × 100; a rate
// column left blank is reported with the computed rate, to fill in.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { difference, meets, rateInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import { fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { cellsOption } from './cells-option.js';
import { expandLines } from './line-sum.js';
import { computeRate, rateFields } from './rate-common.js';

const options = lazySchema((z) => z.object({ lines: z.array(fieldPath()).min(1), cells: cellsOption() }).strict());

export const rate: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'rate',
  meta: {
    title: '执行率等于执行数除以预算数',
    explanation: '填写了执行率的每一行，执行率应等于全年执行数 ÷ 全年预算数 × 100%。印出的执行率按其末位四舍五入（93% 代表 92.5%–93.5%），预算数、执行数也按其小数位取区间；预算数为 0 或空白的行不检查。表中有执行率一栏而该行空白时，报告算出的执行率，供补填（cells: [blank]）。',
    messages: {
      mismatch: '{{rate}}填写为{{stated}}%，按全年执行数{{actual}} ÷ 全年预算数{{budget}}计算应为{{expected}}%（相差{{difference}}个百分点）',
      blank: '{{rate}}未填写；按全年执行数{{actual}} ÷ 全年预算数{{budget}}计算应为{{expected}}%',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const drafts: Draft[] = [];
    for (const line of expandLines(record, o.lines, [])) {
      const stated = operand(record, `${line}.rate`);
      const filled = stated.state === 'value';
      if (!(filled ? o.cells.includes('filled') : stated.state === 'blank' && o.cells.includes('blank'))) continue;
      const c = computeRate(record, line);
      if (!c || (filled && meets(rateInterval(stated.value), c.interval))) continue;
      const data = { rate: labelOf(`${line}.rate`, record), actual: tableMoney(record, c.actual), budget: tableMoney(record, c.budget), expected: c.text };
      if (!filled) {
        drafts.push({ fields: rateFields(line), actual: null, expected: c.text, difference: null, messageId: 'blank', data });
        continue;
      }
      const diff = difference(stated.value, c.text);
      drafts.push({
        fields: rateFields(line),
        actual: stated.value,
        expected: c.text,
        difference: diff,
        messageId: 'mismatch',
        data: { ...data, stated: stated.value, difference: diff },
      });
    }
    return drafts;
  },
};
