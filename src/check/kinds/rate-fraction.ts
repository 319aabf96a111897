// Kind `rate-fraction`: a rate written as a fraction ("0.985" without %), read as 98.5% — a note only.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { cellIssuePaths, operand } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const rateFraction: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'rate-fraction',
  meta: {
    title: '执行率写成了小数',
    explanation: '执行率没有百分号且不超过 1.5（如“0.985”“1”），按小数读作百分比（98.5%、100%）。仅作提示。',
    messages: { quoted: '{{field}}写作“{{raw}}”（没有百分号），按{{rate}}%读取', plain: '{{field}}写成小数（没有百分号），按{{rate}}%读取' },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    // what reading the cells noticed (record.cellIssues); the raw text only for the message
    for (const path of cellIssuePaths(record, 'fraction')) {
      const o = operand(record, path);
      if (o.state !== 'value') continue;
      const raw = record.provenance[path]?.raw.trim();
      drafts.push({ fields: [path], actual: o.value, expected: null, difference: null,
        messageId: raw ? 'quoted' : 'plain', data: { field: labelOf(path, record), ...(raw ? { raw } : {}), rate: o.value } });
    }
    return drafts;
  },
};
