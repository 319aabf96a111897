// Kind `unread-quantity`: on a scan, an indicator's target or actual that reads as a quantity
// only without its first character ("三90%", "二 95%": OCR's reading of ≥ ≤). Checks 13–15
// cannot judge it and skip it; without this finding that skip would be silent. The finding
// carries check 31's note (ocr-doubt.ts) saying where to look in the original.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { strayLead } from '../attainment.js';
import type { Draft, RuleKind } from '../types.js';
import { indPath, indicatorLabel } from './indicator-common.js';

const options = lazySchema((z) => z.object({}).strict());

const WHAT = { target: '年度指标值', actual: '实际完成值' } as const;

export const unreadQuantity: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'unread-quantity',
  meta: {
    title: '扫描件中指标值的符号未能识别',
    explanation: '扫描件的年度指标值或实际完成值开头有一个不是数字、也不是 ≥、≤ 等符号的字（如“三90%”，多为 ≥、≤ 被识别成“三”“二”），无法判断该指标是否达标，达标相关的检查（检查13–15）已跳过该指标。',
    messages: { strayLead: '{{indicator}}的{{what}}“{{raw}}”开头的“{{lead}}”不是数字或≥、≤等符号，扫描件中未能可靠识别，未判断该指标是否达标' },
  },
  get options() {
    return options();
  },
  run(record) {
    if (record.readBy !== 'ocr') return [];
    const drafts: Draft[] = [];
    record.indicators.forEach((ind, i) => {
      for (const field of ['target', 'actual'] as const) {
        const raw = ind[field];
        const lead = strayLead(raw);
        if (lead === null) continue;
        drafts.push({ fields: [indPath(i, field)], actual: null, expected: null, difference: null, messageId: 'strayLead',
          data: { indicator: indicatorLabel(record, i), what: WHAT[field], raw: String(raw), lead } });
      }
    });
    return drafts;
  },
};
