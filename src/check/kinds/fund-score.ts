// Kind `fund-score` (rules.md checks 7–8): the stated fund score = weight × min(rate, 100%);
// a score left blank beside a weight is reported with the computed score, to fill in.
// Where the form prints its own scoring band (record.md fundScoreBand), the band is the
// rule, as a layout's own thresholds are (check 17): the score is the band's points for the
// rate. A band printed but not read applies no rule (fund-band-unread says so).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { difference, meets, scoreInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { linePath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { cellsOption } from './cells-option.js';
import { bandPoints, BAND_PRINTED } from './fund-band-common.js';
import { computeFundScore, scoreFields } from './fund-score-common.js';
import { computeRate } from './rate-common.js';

const options = lazySchema((z) => z.object({ line: linePath(), cells: cellsOption() }).strict());
type Options = z.infer<ReturnType<typeof options>>;

export const fundScore: RuleKind<Options> = {
  name: 'fund-score',
  meta: {
    title: '预算执行得分等于分值乘以执行率',
    explanation: '预算执行率得分 = 分值 × min(执行率, 100%)，执行率按执行数 ÷ 预算数计算（不用表中印出的执行率）。得分按其末位小数四舍五入比较，整数得分视为精确值。表样在得分栏表头或资金表下的注释中印有评分档次（“执行率≥95%得10分；90%（含）-95%得8分；…”）时，按档次核对得分，不按比例公式；档次未能完整读取时不核对。资金行给了分值却没有填写得分时，报告算出的得分，供补填（cells: [blank]）。',
    messages: {
      mismatch: '{{score}}填写为{{stated}}分，按分值{{weight}} × min(执行率{{rate}}%, 100%)计算应为{{expected}}分（相差{{difference}}分）',
      blank: '{{score}}未填写；按分值{{weight}} × min(执行率{{rate}}%, 100%)计算应为{{expected}}分',
      bandMismatch: '{{score}}填写为{{stated}}分，按{{where}}所列评分档次，执行率{{rate}}%应得{{expected}}分',
      bandBlank: '{{score}}未填写；按{{where}}所列评分档次，执行率{{rate}}%应得{{expected}}分',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const stated = operand(record, `${o.line}.score`);
    const filled = stated.state === 'value';
    if (!(filled ? o.cells.includes('filled') : stated.state === 'blank' && o.cells.includes('blank'))) return [];
    if (record.fundScoreBand && o.line === 'funds.sources.total') return byBand(record, o, filled ? stated.value : null);
    const c = computeFundScore(record, o.line);
    if (!c || (filled && meets(scoreInterval(stated.value), c.interval))) return [];
    const data = { score: labelOf(`${o.line}.score`, record), weight: c.weight, rate: c.rate.text, expected: c.text };
    if (!filled) return [{ fields: scoreFields(o.line), actual: null, expected: c.text, difference: null, messageId: 'blank', data }];
    const diff = difference(stated.value, c.text);
    return [
      {
        fields: scoreFields(o.line),
        actual: stated.value,
        expected: c.text,
        difference: diff,
        messageId: 'mismatch',
        data: { ...data, stated: stated.value, difference: diff },
      },
    ];
  },
};

/** Checks 7–8 by the form's printed band: the stated score is one of the points of the steps
 *  the computed rate may fall in (a rate on a step's edge may fall in either). A blank score
 *  is reported where a weight is given, as check 8 does. */
function byBand(record: FormRecord, o: Options, stated: string | null): Draft[] {
  const band = record.fundScoreBand;
  if (!band?.steps) return [];
  if (stated === null && operand(record, `${o.line}.weight`).state !== 'value') return [];
  const rate = computeRate(record, o.line);
  if (!rate) return [];
  const points = bandPoints(band.steps, rate);
  if (!points) return [];
  if (stated !== null && points.possible.some((p) => meets(scoreInterval(stated), scoreInterval(p)))) return [];
  const expected = points.expected.join('或');
  const data = { score: labelOf(`${o.line}.score`, record), where: BAND_PRINTED[band.printed], rate: rate.text, expected };
  const fields = [`${o.line}.score`, `${o.line}.actual`, `${o.line}.budget`];
  if (stated === null) return [{ fields, actual: null, expected, difference: null, messageId: 'bandBlank', data }];
  const diff = points.expected.length === 1 ? difference(stated, expected) : null;
  return [{ fields, actual: stated, expected, difference: diff, messageId: 'bandMismatch', data: { ...data, stated } }];
}
