// Kind `indicator-range` (rules.md checks 9–10): 0 ≤ score ≤ weight on every indicator,
// and on a 分值/得分 merged over a group's rows (assigned points: exact); an indicator whose weight or score is empty is reported too.
// (A non-numeric one is the `not-a-number` kind's error.)
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { FUND_COLUMN_NAMES } from '../../model/names.js';
import type { FormRecord } from '../../model/record.js';
import { isMergedGroup } from '../../model/record-constants.js';
import { operand } from '../context.js';
import { dec, difference } from '../decimal.js';
import type { Draft, RuleKind } from '../types.js';
import { cellsOption } from './cells-option.js';
import { indicatorLabel, indPath } from './indicator-common.js';

const options = lazySchema((z) =>
  z
    .object({
      cells: cellsOption(),
      /** The columns a blank of which is reported. */
      columns: z.array(z.enum(['weight', 'score'])).min(1).default(['weight', 'score']),
    })
    .strict(),
);

export const indicatorRange: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'indicator-range',
  meta: {
    title: '指标得分在0与分值之间',
    explanation: '每项指标的得分不得超过其分值，也不得小于 0。分值和得分都是赋予的分数，按精确值比较，不考虑四舍五入。表中有分值/得分栏时，每项指标都应填写；空白的分值或得分需要补填（cells: [blank]；模板留下的空行不算指标，不在此列）。',
    messages: {
      belowZero: '{{indicator}}得分{{score}}分，小于0分',
      aboveWeight: '{{indicator}}得分{{score}}分，超过其分值{{weight}}分（多{{difference}}分）',
      blank: '{{indicator}}的{{column}}未填写',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const drafts: Draft[] = [];
    if (o.cells.includes('filled')) {
      record.indicators.forEach((_, i) => {
        drafts.push(...rangeDrafts(record, indPath(i, 'score'), indPath(i, 'weight'), () => indicatorLabel(record, i)));
      });
      // a 分值 and 得分 merged over a group's rows (record.md): the range holds for the group
      record.indicatorGroups.forEach((g, gi) => {
        if (!isMergedGroup(g)) return;
        const label = () => `第${g.indicators[0] + 1}至${g.indicators[g.indicators.length - 1] + 1}项指标`;
        drafts.push(...rangeDrafts(record, `indicatorGroups[${gi}].score`, `indicatorGroups[${gi}].weight`, label));
      });
    }
    if (o.cells.includes('blank')) {
      record.indicators.forEach((_, i) => {
        for (const col of o.columns) {
          const path = indPath(i, col);
          if (operand(record, path).state !== 'blank') continue;
          const other = indPath(i, col === 'weight' ? 'score' : 'weight');
          const fields = [path, ...(['absent', 'missing'].includes(operand(record, other).state) ? [] : [other])];
          drafts.push({ fields, actual: null, expected: null, difference: null,
            messageId: 'blank', data: { indicator: indicatorLabel(record, i), column: FUND_COLUMN_NAMES[col] } });
        }
      });
    }
    return drafts;
  },
};

/** 0 ≤ score ≤ weight for one indicator's (or one merged group's) score and weight. */
function rangeDrafts(record: FormRecord, scorePath: string, weightPath: string, label: () => string): Draft[] {
  const s = operand(record, scorePath);
  if (s.state !== 'value') return [];
  const w = operand(record, weightPath);
  if (w.state === 'absent' || w.state === 'missing') return []; // check 33: no weight key, no range to check
  const fields = [scorePath, weightPath];
  if (dec(s.value).lt(0)) {
    return [{ fields, actual: s.value, expected: '0', difference: difference(s.value, '0'),
      messageId: 'belowZero', data: { indicator: label(), score: s.value } }];
  }
  if (w.state === 'value' && dec(s.value).gt(w.value)) {
    const diff = difference(s.value, w.value);
    return [{ fields, actual: s.value, expected: w.value, difference: diff,
      messageId: 'aboveWeight', data: { indicator: label(), score: s.value, weight: w.value, difference: diff } }];
  }
  return [];
}
