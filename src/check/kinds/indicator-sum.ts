// Shared core of `weights-total` and `scores-total` (rules.md checks 11–12):
// fund line's column + Σ indicators' column = the total row's column.
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { decimalsOf, difference, exact, exactSum, meets, scoreInterval, sumIv, type Interval } from '../decimal.js';
import type { Draft } from '../types.js';

export function indicatorSumDraft(
  record: FormRecord,
  o: { column: 'weight' | 'score'; fund: string; total: string; blankTotal?: string },
  render: (d: { total: string; sum: string; fund: string | null; indicators: string; diff: string | null; totalBlank: boolean }) => string,
): Draft[] {
  const col = o.column;
  const inds = record.indicators.map((_, i) => operand(record, `indicators[${i}].${col}`));
  if (inds.length === 0 || inds.every((x) => x.state === 'absent')) return []; // no such column
  if (inds.some((x) => x.state === 'nan')) return [];
  const fundPath = `${o.fund}.${col}`;
  const fund = operand(record, fundPath);
  if (fund.state === 'nan') return [];
  const total = operand(record, o.total);
  if (total.state === 'nan' || total.state === 'absent') return [];
  let stated: string;
  if (total.state === 'blank') {
    if (o.blankTotal === undefined) return []; // the required-cell rule reports it
    stated = o.blankTotal;
  } else stated = total.value;

  const indValues = inds.flatMap((x) => (x.state === 'value' ? [x.value] : []));
  const fundValue = fund.state === 'value' ? fund.value : null; // blank fund score counts as 0
  const values = [...(fundValue ? [fundValue] : []), ...indValues];
  const sum = exactSum(values.map((value) => ({ value })));
  // weights and indicator scores are exact; fund and total scores are rounded results
  let sumInterval: Interval = sumIv(indValues.map((v) => exact(v)));
  let totalInterval: Interval = exact(stated);
  if (col === 'score') {
    if (fundValue) sumInterval = sumIv([sumInterval, scoreInterval(fundValue)]);
    totalInterval = scoreInterval(stated, fundValue !== null && decimalsOf(fundValue) > 0);
  } else if (fundValue) sumInterval = sumIv([sumInterval, exact(fundValue)]);
  if (meets(totalInterval, sumInterval)) return [];
  const indicatorsSum = exactSum(indValues.map((value) => ({ value })));
  const diff = total.state === 'value' ? difference(stated, sum) : null;
  return [
    {
      fields: [o.total, ...(fund.state === 'absent' ? [] : [fundPath]), `indicators[*].${col}`],
      actual: total.state === 'value' ? total.value : null,
      expected: sum,
      difference: diff,
      message: render({ total: stated, sum, fund: fundValue, indicators: indicatorsSum, diff, totalBlank: total.state === 'blank' }),
    },
  ];
}
