// The budget-execution score a fund line implies: weight × min(rate, 100%), with the
// rate computed from budget and actual (not the printed rate).
import { Decimal } from 'decimal.js';
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { dec, exact, minIv, mulIv, round2, type Interval } from '../decimal.js';
import { computeRate, type ComputedRate } from './rate-common.js';

export interface ComputedScore {
  weight: string;
  rate: ComputedRate;
  interval: Interval;
  text: string;
}

export function computeFundScore(record: FormRecord, line: string): ComputedScore | null {
  const w = operand(record, `${line}.weight`);
  if (w.state !== 'value') return null;
  const rate = computeRate(record, line);
  if (!rate) return null;
  const hundred = new Decimal(100);
  const capped = minIv(rate.interval, hundred);
  const interval = mulIv(exact(w.value), { lo: capped.lo.div(100), hi: capped.hi.div(100) });
  const point = dec(w.value).times(Decimal.min(rate.point, hundred)).div(100);
  return { weight: w.value, rate, interval, text: round2(point) };
}

export function scoreFields(line: string): string[] {
  return [`${line}.score`, `${line}.weight`, `${line}.actual`, `${line}.budget`];
}
