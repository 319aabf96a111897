// Kind `fund-band-unread`: the form prints its own scoring band for the fund score, but not
// in words jxaudit reads whole. Checks 7–8 then apply no rule — weight × rate is not the
// form's — and without this finding that skip would be silent.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { labelOf } from '../labels.js';
import { linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { BAND_PRINTED } from './fund-band-common.js';

const options = lazySchema((z) => z.object({ line: linePath() }).strict());

export const fundBandUnread: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'fund-band-unread',
  meta: {
    title: '资金得分的评分档次未能读取',
    explanation: '表样在得分栏表头或资金表下的注释中印有自己的评分档次，但未能完整读取，预算执行得分的核对（检查7–8）已跳过，不按“分值 × 执行率”核对。',
    messages: { unread: '{{where}}印有预算执行得分的评分档次“{{text}}”，未能完整读取，未核对{{score}}' },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const band = record.fundScoreBand;
    if (!band || band.steps) return [];
    const score = operand(record, `${o.line}.score`);
    if (score.state !== 'value' && operand(record, `${o.line}.weight`).state !== 'value') return [];
    return [{ fields: [`${o.line}.score`], actual: null, expected: null, difference: null, messageId: 'unread',
      data: { where: BAND_PRINTED[band.printed], text: band.text, score: labelOf(`${o.line}.score`, record) } }];
  },
};
