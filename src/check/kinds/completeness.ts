// Kind `completeness` (rules.md check 19, first half): template instructions such as
// "(200字以内)" or "对照年度目标，说明…" left in a cell meant to be filled.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { formatPath, parsePath } from '../../model/record-path.js';
import { rawValueAt } from '../context.js';
import { labelOf } from '../labels.js';
import { fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) =>
  z
    .object({
      /** Cells meant to be filled; `[*]` runs over goals/indicators. */
      fields: z.array(fieldPath()).min(1),
      /** Regular expressions (JS syntax) that only template instructions match. */
      patterns: z
        .array(z.string().refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, { error: '不是有效的正则表达式' }))
        .min(1),
    })
    .strict(),
);

/** Concrete paths and texts for a field pattern like goals[*].result. */
function textsAt(record: FormRecord, field: string): Array<{ path: string; text: string | null | undefined }> {
  const p = parsePath(field);
  if ((p?.kind === 'goal' || p?.kind === 'indicator') && p.index === '*') {
    const list = (p.kind === 'goal' ? record.goals : record.indicators) as Array<Record<string, unknown>>;
    return list.map((item, i) => ({ path: formatPath({ ...p, index: i }), text: item[p.field] as string | null | undefined }));
  }
  const concrete = p?.kind === 'field' && p.name.startsWith('conclusions.');
  if (concrete || (p?.kind === 'fund' && p.column === 'reason')) return [{ path: field, text: rawValueAt(record, field) as string | null | undefined }];
  return [];
}

export const completeness: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'completeness',
  meta: {
    title: '模板说明文字未删除',
    explanation: '应填写内容的单元格（完成情况、偏差原因、评价结论、存在问题、改进措施等）里仍是模板的填写说明，如“(200字以内)”“对照年度目标，说明…”，说明该栏实际没有填写。',
    messages: { instructions: '{{field}}中仍是模板说明文字“{{quote}}”，该栏未实际填写' },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const res = o.patterns.map((p) => new RegExp(p));
    const drafts: Draft[] = [];
    for (const field of o.fields) {
      for (const { path, text } of textsAt(record, field)) {
        if (!text || !res.some((re) => re.test(text))) continue;
        const quote = text.length > 30 ? text.slice(0, 30) + '…' : text;
        drafts.push({ fields: [path], actual: text, expected: null, difference: null,
          messageId: 'instructions', data: { field: labelOf(path, record), quote } });
      }
    }
    return drafts;
  },
};
