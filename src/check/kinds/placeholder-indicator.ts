// Kind `placeholder-indicator` (rules.md check 19, second half): a template row
// ("指标2：", "……") that carries a weight or a score.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import type { Draft, RuleKind } from '../types.js';
import { existingFields } from './indicator-common.js';

const options = lazySchema((z) => z.object({}).strict());

/** "指标2：", "指标3", "……", "…", "..." — a name the template printed, nothing more. */
export function isPlaceholderName(name: string | null): boolean {
  if (name == null) return true;
  const s = name.replace(/[\s\u3000]+/g, '');
  return s === '' || /^指标[0-9０-９一二三四五六七八九十]*[:：]?$/.test(s) || /^[.…。·]+$/.test(s);
}

export const placeholderIndicator: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'placeholder-indicator',
  meta: {
    title: '模板空行填了分值或得分',
    explanation: '三级指标只有模板占位文字（“指标2：”“……”）的行却填了分值或得分：要么漏填了指标内容，要么分数填错了行。',
    messages: {
      weight: '第{{n}}项指标只有模板占位文字“{{name}}”，却填了分值{{weight}}分',
      score: '第{{n}}项指标只有模板占位文字“{{name}}”，却填了得分{{score}}分',
      weightScore: '第{{n}}项指标只有模板占位文字“{{name}}”，却填了分值{{weight}}分、得分{{score}}分',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    record.indicators.forEach((ind, i) => {
      if (!isPlaceholderName(ind.name)) return;
      const w = operand(record, `indicators[${i}].weight`);
      const s = operand(record, `indicators[${i}].score`);
      if (w.state !== 'value' && s.state !== 'value') return;
      const fields = existingFields(record, i, ['name', 'weight', 'score']);
      const weight = w.state === 'value' ? w.value : null;
      const score = s.state === 'value' ? s.value : null;
      drafts.push({ fields, actual: ind.name, expected: null, difference: null,
        messageId: weight !== null && score !== null ? 'weightScore' : weight !== null ? 'weight' : 'score',
        data: { n: i + 1, name: ind.name ?? '', ...(weight !== null ? { weight } : {}), ...(score !== null ? { score } : {}) } });
    });
    return drafts;
  },
};
