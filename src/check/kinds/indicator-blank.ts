// Kind `indicator-blank` (rules.md check 10, blank half): an indicator whose weight or score is empty.
// (A non-numeric one is the `not-a-number` kind's error.)
import { z } from 'zod';
import { operand } from '../context.js';
import { FUND_COLUMN_NAMES } from '../../model/names.js';
import type { Draft, RuleKind } from '../types.js';
import { indicatorLabel, indPath } from './indicator-common.js';

const options = z.object({ columns: z.array(z.enum(['weight', 'score'])).min(1).default(['weight', 'score']) }).strict();

export const indicatorBlank: RuleKind<z.infer<typeof options>> = {
  name: 'indicator-blank',
  meta: {
    title: '指标分值或得分空白',
    explanation: '表中有分值/得分栏时，每项指标都应填写；空白的分值或得分需要补填（模板留下的空行不算指标，不在此列）。',
  },
  options,
  run(record, o) {
    const drafts: Draft[] = [];
    record.indicators.forEach((_, i) => {
      for (const col of o.columns) {
        const path = indPath(i, col);
        if (operand(record, path).state !== 'blank') continue;
        const other = indPath(i, col === 'weight' ? 'score' : 'weight');
        const fields = [path, ...(['absent', 'missing'].includes(operand(record, other).state) ? [] : [other])];
        drafts.push({ fields, actual: null, expected: null, difference: null,
          message: `${indicatorLabel(record, i)}的${FUND_COLUMN_NAMES[col]}未填写` });
      }
    });
    return drafts;
  },
};
