// Kind `not-a-number` (record.md's cell table): a numeric cell whose text is no number
// ("1.2.3", "约5") — the only finding about that cell; other checks skip it.
import { z } from 'zod';
import { cellIssuePaths } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = z.object({}).strict();

export const notANumber: RuleKind<z.infer<typeof options>> = {
  name: 'not-a-number',
  meta: {
    title: '数字栏填写的不是数字',
    explanation: '金额、执行率、分值、得分栏中的文字无法读作数字（如“1.2.3”“约5”）。该单元格只报告这一条，其他需要它的检查跳过。',
    messages: { quoted: '{{field}}填写的“{{raw}}”不是一个数字', plain: '{{field}}填写的不是一个数字' },
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    // what reading the cells noticed (record.cellIssues); the raw text only for the message
    for (const path of cellIssuePaths(record, 'nan')) {
      const raw = record.provenance[path]?.raw.trim();
      drafts.push({ fields: [path], actual: null, expected: null, difference: null,
        messageId: raw ? 'quoted' : 'plain', data: { field: labelOf(path, record), ...(raw ? { raw } : {}) } });
    }
    return drafts;
  },
};
