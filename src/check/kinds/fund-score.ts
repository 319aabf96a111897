// Kind `fund-score` (rules.md checks 7–8): the stated fund score = weight × min(rate, 100%);
// a score left blank beside a weight is reported with the computed score, to fill in.
import { z } from 'zod';
import { operand } from '../context.js';
import { difference, meets, scoreInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { cellsOption } from './cells-option.js';
import { computeFundScore, scoreFields } from './fund-score-common.js';

const options = z.object({ line: linePath, cells: cellsOption }).strict();

export const fundScore: RuleKind<z.infer<typeof options>> = {
  name: 'fund-score',
  meta: {
    title: '预算执行得分等于分值乘以执行率',
    explanation: '预算执行率得分 = 分值 × min(执行率, 100%)，执行率按执行数 ÷ 预算数计算（不用表中印出的执行率）。得分按其末位小数四舍五入比较，整数得分视为精确值。资金行给了分值却没有填写得分时，报告算出的得分，供补填（cells: [blank]）。',
    messages: {
      mismatch: '{{score}}填写为{{stated}}分，按分值{{weight}} × min(执行率{{rate}}%, 100%)计算应为{{expected}}分（相差{{difference}}分）',
      blank: '{{score}}未填写；按分值{{weight}} × min(执行率{{rate}}%, 100%)计算应为{{expected}}分',
    },
  },
  options,
  run(record, o) {
    const stated = operand(record, `${o.line}.score`);
    const filled = stated.state === 'value';
    if (!(filled ? o.cells.includes('filled') : stated.state === 'blank' && o.cells.includes('blank'))) return [];
    const c = computeFundScore(record, o.line);
    if (!c || (filled && meets(scoreInterval(stated.value), c.interval))) return [];
    const data = { score: labelOf(`${o.line}.score`, record), weight: c.weight, rate: c.rate.text, expected: c.text };
    if (!filled) return [{ fields: scoreFields(o.line), actual: null, expected: c.text, difference: null, messageId: 'blank', data }];
    const diff = difference(stated.value, c.text);
    return [
      {
        fields: scoreFields(o.line),
        actual: stated.value,
        expected: c.text,
        difference: diff,
        messageId: 'mismatch',
        data: { ...data, stated: stated.value, difference: diff },
      },
    ];
  },
};
