// The execution rate a fund line implies: actual ÷ budget × 100 over the operands'
// rounding intervals (rules.md), or nothing when the line has no rate to compute.
import type { Decimal } from 'decimal.js';
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { memoized } from '../memo.js';
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
  return rateOf(`${b.value.length}:${b.value}${a.value}`);
}

/** The rate of a budget and an actual, written "<budget's length>:<budget><actual>" (several rules ask it of the same line). */
const rateOf = memoized((key: string): ComputedRate | null => {
  const colon = key.indexOf(':');
  const end = colon + 1 + Number(key.slice(0, colon));
  const budget = key.slice(colon + 1, end);
  const actual = key.slice(end);
  if (dec(budget).lte(0)) return null; // a line whose budget is 0 has no rate
  const allWhole = !budget.includes('.') && !actual.includes('.');
  const q = divIv(moneyInterval(actual, allWhole), moneyInterval(budget, allWhole));
  if (!q) return null;
  const point = pointRate(budget, actual);
  return { budget, actual, interval: mulIv(q, exact('100')), point, text: round2(point) };
});

/** fields for a rate finding: the rate, then actual and budget. */
export function rateFields(line: string): string[] {
  return [`${line}.rate`, `${line}.actual`, `${line}.budget`];
}

/** Checks 4–8 (and a layout's rate threshold) skip a line whose budget is 0, blank or no number. */
export function hasBudget(record: FormRecord, line: string): boolean {
  const b = operand(record, `${line}.budget`);
  return b.state === 'value' && dec(b.value).gt(0);
}
