// Kind `required` (rules.md check 20): cells every form must fill (total line budget and actual, total score).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { labelOf } from '../labels.js';
import { fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({ fields: z.array(fieldPath()).min(1) }).strict());

export const required: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'required',
  meta: {
    title: '必填项空白',
    explanation: '这些单元格每份表都必须填写；空白（或只有“－”“/”等占位符）时报告。表样中没有该栏时不检查。',
    messages: { blank: '{{field}}未填写' },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const drafts: Draft[] = [];
    for (const path of o.fields) {
      if (operand(record, path).state !== 'blank') continue;
      drafts.push({ fields: [path], actual: null, expected: null, difference: null, messageId: 'blank', data: { field: labelOf(path, record) } });
    }
    return drafts;
  },
};
