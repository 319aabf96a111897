// Kind `fact-conflict` (rules.md check 27): one concept stated with different exact figures.
import { z } from 'zod';
import { distinctFactValues } from '../context.js';
import { difference } from '../decimal.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = z.object({}).strict();

export const factConflict: RuleKind<z.infer<typeof options>> = {
  name: 'fact-conflict',
  meta: {
    title: '文字部分同一项目前后数字不一',
    explanation: '文字部分对同一个项目（如基本支出）先后写了不同的金额。约数（“万余元”）不计。每个与首次所写不同的数报告一次。',
    messages: { conflict: '文字部分对{{concept}}先写{{first}}万元，又写{{later}}万元，前后不一致（相差{{difference}}万元）' },
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    for (const concept of Object.keys(record.narrative.facts)) {
      const values = distinctFactValues(record, concept);
      const path = `narrative.facts.${concept}`;
      for (const v of values.slice(1)) {
        const diff = difference(v, values[0]);
        drafts.push({
          fields: [path],
          actual: v,
          expected: values[0],
          difference: diff,
          messageId: 'conflict',
          data: { concept: labelOf(path), first: values[0], later: v, difference: diff },
        });
      }
    }
    return drafts;
  },
};
