// The execution rate a fund line implies: actual ÷ budget × 100 over the operands'
// rounding intervals (rules.md), or nothing when the line has no rate to compute.
import type { Decimal } from 'decimal.js';
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { dec, divIv, moneyInterval, mulIv, exact, pointRate, round2, type Interval } from '../decimal.js';

export interface ComputedRate {
  budget: string;
  actual: string;
  /** Every rate the printed budget and actual allow. */
  interval: Interval;
  /** The rate at the printed values, unrounded. */
  point: Decimal;
  /** Rounded half-up to 2 decimals, written with 2 ("406.79"). */
  text: string;
}

/** null when budget or actual is blank, absent, not a number, or the budget is 0. */
export function computeRate(record: FormRecord, line: string): ComputedRate | null {
  const b = operand(record, `${line}.budget`);
  const a = operand(record, `${line}.actual`);
  if (b.state !== 'value' || a.state !== 'value') return null;
  if (dec(b.value).lte(0)) return null; // a line whose budget is 0 has no rate
  const allWhole = !b.value.includes('.') && !a.value.includes('.');
  const q = divIv(moneyInterval(a.value, allWhole), moneyInterval(b.value, allWhole));
  if (!q) return null;
  const point = pointRate(b.value, a.value);
  return { budget: b.value, actual: a.value, interval: mulIv(q, exact('100')), point, text: round2(point) };
}

/** fields for a rate finding: the rate, then actual and budget. */
export function rateFields(line: string): string[] {
  return [`${line}.rate`, `${line}.actual`, `${line}.budget`];
}

/** Checks 4–8 (and a layout's rate threshold) skip a line whose budget is 0, blank or no number. */
export function hasBudget(record: FormRecord, line: string): boolean {
  const b = operand(record, `${line}.budget`);
  return b.state === 'value' && dec(b.value).gt(0);
}
