// Kind `rate-fraction`: a rate written as a fraction ("0.985" without %), read as 98.5% — a note only.
import { z } from 'zod';
import { readRate } from '../../normalize/cell.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';
import { cellsInDocumentOrder } from './not-a-number.js';

const options = z.object({}).strict();

export const rateFraction: RuleKind<z.infer<typeof options>> = {
  name: 'rate-fraction',
  meta: {
    title: '执行率写成了小数',
    explanation: '执行率没有百分号且不超过 1.5（如“0.985”“1”），按小数读作百分比（98.5%、100%）。仅作提示。',
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    for (const path of cellsInDocumentOrder(record)) {
      if (!/^funds\.(sources|uses)\.[A-Za-z]+\.rate$/.test(path)) continue;
      const raw = record.provenance[path].raw;
      const r = readRate(raw);
      if (r.issue !== 'fraction') continue;
      drafts.push({ fields: [path], actual: r.value, expected: null, difference: null,
        message: `${labelOf(path, record)}写作“${raw.trim()}”（没有百分号），按${r.value}%读取` });
    }
    return drafts;
  },
};
