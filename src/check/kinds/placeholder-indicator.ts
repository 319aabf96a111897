// Kind `placeholder-indicator` (rules.md check 19, second half): a template row
// ("指标2：", "……") that carries a weight or a score.
import { z } from 'zod';
import { operand } from '../context.js';
import type { Draft, RuleKind } from '../types.js';
import { existingFields } from './indicator-common.js';

const options = z.object({}).strict();

/** "指标2：", "指标3", "……", "…", "..." — a name the template printed, nothing more. */
export function isPlaceholderName(name: string | null): boolean {
  if (name == null) return true;
  const s = name.replace(/[\s\u3000]+/g, '');
  return s === '' || /^指标[0-9０-９一二三四五六七八九十]*[:：]?$/.test(s) || /^[.…。·]+$/.test(s);
}

export const placeholderIndicator: RuleKind<z.infer<typeof options>> = {
  name: 'placeholder-indicator',
  meta: {
    title: '模板空行填了分值或得分',
    explanation: '三级指标只有模板占位文字（“指标2：”“……”）的行却填了分值或得分：要么漏填了指标内容，要么分数填错了行。',
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    record.indicators.forEach((ind, i) => {
      if (!isPlaceholderName(ind.name)) return;
      const w = operand(record, `indicators[${i}].weight`);
      const s = operand(record, `indicators[${i}].score`);
      if (w.state !== 'value' && s.state !== 'value') return;
      const fields = existingFields(record, i, ['name', 'weight', 'score']);
      drafts.push({ fields, actual: ind.name, expected: null, difference: null,
        message: `第${i + 1}项指标只有模板占位文字“${ind.name ?? ''}”，却填了${w.state === 'value' ? `分值${w.value}分` : ''}${w.state === 'value' && s.state === 'value' ? '、' : ''}${s.state === 'value' ? `得分${s.value}分` : ''}` });
    });
    return drafts;
  },
};
