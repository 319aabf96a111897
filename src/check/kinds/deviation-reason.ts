// Kind `deviation-reason` (rules.md check 13): an indicator short of its target, or scored
// below its weight, needs a 偏差原因 — one finding per indicator.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { judgeIndicator } from '../attainment.js';
import { isPlaceholderText, operand } from '../context.js';
import { dec } from '../decimal.js';
import { isBlankCell } from '../../normalize/cell.js';
import type { Draft, RuleKind } from '../types.js';
import { existingFields, indicatorLabel } from './indicator-common.js';

const options = lazySchema((z) => z.object({}).strict());

export const deviationReason: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'deviation-reason',
  meta: {
    title: '未完成目标或扣分却未说明偏差原因',
    explanation: '实际完成值未达到年度指标值（只比较同一单位的数字），或得分低于分值时，应在“偏差原因分析”栏说明原因；只写“无”“/”“－”等占位符，或只声称没有偏差（“无偏差”“各项指标均已完成，无偏差”“全部完成”）不算说明。表中没有偏差原因栏时不检查。',
    messages: {
      missed: '{{indicator}}实际完成值“{{actual}}”未达到年度指标值“{{target}}”，但{{reason}}',
      docked: '{{indicator}}得分{{score}}分低于分值{{weight}}分，但{{reason}}',
      missedDocked: '{{indicator}}实际完成值“{{actual}}”未达到年度指标值“{{target}}”，得分{{score}}分低于分值{{weight}}分，但{{reason}}',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    record.indicators.forEach((ind, i) => {
      if (!('deviation' in ind) || !isPlaceholderText(ind.deviation)) return;
      const j = judgeIndicator(ind);
      const s = operand(record, `indicators[${i}].score`);
      const w = operand(record, `indicators[${i}].weight`);
      const docked = s.state === 'value' && w.state === 'value' && dec(s.value).lt(w.value);
      if (!(j && !j.met) && !docked) return;
      const missed = Boolean(j && !j.met);
      drafts.push({
        fields: existingFields(record, i, ['deviation', 'score', 'weight', 'actual', 'target']),
        actual: ind.deviation ?? null,
        expected: null,
        difference: null,
        messageId: missed && docked ? 'missedDocked' : missed ? 'missed' : 'docked',
        data: {
          indicator: indicatorLabel(record, i),
          reason: isBlankCell(ind.deviation) ? '未填写偏差原因' : `偏差原因栏只写了“${ind.deviation}”，未说明原因`,
          ...(missed ? { actual: String(ind.actual), target: String(ind.target) } : {}),
          ...(docked ? { score: (s as { value: string }).value, weight: (w as { value: string }).value } : {}),
        },
      });
    });
    return drafts;
  },
};
