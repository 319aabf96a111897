// Kind `narrative-rate` (an extra check, info): the 执行率 the narrative states of the whole
// ("预算执行率达98.5%") agrees with the total line's — its printed rate, or the rate its
// budget and actual give — each rounded as printed.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { difference, meets, rateInterval } from '../decimal.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import { factPath, linePath } from '../options.js';
import type { RuleKind } from '../types.js';
import { nearest, sideLabel, statedValues } from './narrative-common.js';
import { computeRate, rateFields } from './rate-common.js';

const options = lazySchema((z) => z.object({ fact: factPath(), line: linePath() }).strict());

export const narrativeRate: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'narrative-rate',
  meta: {
    title: '文字部分所述执行率与表中一致',
    explanation:
      '文字部分所述的（预算）执行率应与表中合计行印出的执行率相符，或与按其全年执行数 ÷ 全年预算数算出的执行率相符；执行率按其末位四舍五入比较（98.5% 代表 98.45%–98.55%）。约数（“95%以上”）不比较；写了几个不同的执行率时（如另写某个项目的），有一个相符即为相符。',
    messages: {
      printed: '{{fact}}{{value}}%，与{{rate}}{{expected}}%不一致（相差{{difference}}个百分点）',
      computed: '{{fact}}{{value}}%，与按表中全年执行数{{actual}} ÷ 全年预算数{{budget}}计算的执行率{{expected}}%不一致（相差{{difference}}个百分点）',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const stated = statedValues(record, o.fact);
    if (stated.length === 0) return [];
    const printed = operand(record, `${o.line}.rate`);
    if (printed.state === 'nan' || printed.state === 'missing') return [];
    const computed = computeRate(record, o.line);
    const printedRate = printed.state === 'value' ? printed.value : null;
    if (printedRate === null && !computed) return [];
    const agrees = (v: string) =>
      (printedRate !== null && meets(rateInterval(v), rateInterval(printedRate))) || (computed !== null && meets(rateInterval(v), computed.interval));
    if (stated.some(agrees)) return [];
    const expected = printedRate ?? computed!.text;
    const value = nearest(stated, expected);
    const diff = difference(value, expected);
    const data = { fact: sideLabel(record, o.fact), value, expected, difference: diff };
    return [
      {
        fields: [o.fact, ...rateFields(o.line)],
        actual: value,
        expected,
        difference: diff,
        factValues: { [o.fact]: value },
        ...(printedRate !== null
          ? { messageId: 'printed', data: { ...data, rate: `表中${labelOf(`${o.line}.rate`, record)}` } }
          : { messageId: 'computed', data: { ...data, actual: tableMoney(record, computed!.actual), budget: tableMoney(record, computed!.budget) } }),
      },
    ];
  },
};
