// Kind `fact-conflict` (rules.md check 27): one concept stated with different figures —
// different even allowing for the rounding of each as printed, in its own unit.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { isMoneyConcept } from '../../model/record-constants.js';
import { distinctFacts } from '../context.js';
import { difference } from '../decimal.js';
import { labelOf } from '../labels.js';
import { amountMoney, operandMoney } from '../money-text.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const factConflict: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'fact-conflict',
  meta: {
    title: '文字部分同一项目前后数字不一',
    explanation:
      '文字部分对同一个项目（如基本支出）先后写了不同的金额。约数（“万余元”）不计；按各自所写的单位和位数四舍五入后能相符的不算不一（“849.72万元”与“8,497,166.35元”是同一个数）。每个与首次所写不同的数报告一次。',
    messages: { conflict: '文字部分对{{concept}}先写{{first}}，又写{{later}}，前后不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    for (const concept of Object.keys(record.narrative.facts)) {
      if (!isMoneyConcept(concept)) continue; // a stated rate or score: the info rules hold it against the table
      // distinct figures: none meets an earlier one, so each later one conflicts with the first
      const [first, ...later] = distinctFacts(record, concept).map((f) => f.value);
      const path = `narrative.facts.${concept}`;
      for (const v of later) {
        const diff = difference(v, first);
        drafts.push({
          fields: [path],
          actual: v,
          expected: first,
          difference: diff,
          messageId: 'conflict',
          data: { concept: labelOf(path), first: operandMoney(record, path, first), later: operandMoney(record, path, v), difference: amountMoney(record, diff) },
        });
      }
    }
    return drafts;
  },
};
