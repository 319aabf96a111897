// Rounding-aware decimal arithmetic (rules.md "Arithmetic"): every printed number
// stands for an interval, and two sides agree when their intervals meet (XBRL Calc 1.1).
import { Decimal } from 'decimal.js';

// Set once, for every Decimal of the process (decimal.js' settings live on its one
// constructor, which every module here shares). decimal.js' default of 20 significant
// digits rounds a 25-digit amount's sum, so a total 23.45 off its parts passed and
// printed differences were rounded; sums and differences must be exact for any amount
// a form can print, and a quotient needs only as many digits again. Never exponent
// notation in a message: 1.23e+27 is no way to write an amount.
export const PRECISION = 100;
Decimal.set({ precision: PRECISION, toExpPos: 9e15, toExpNeg: -9e15 });

/** A closed interval [lo, hi] of exact decimals. */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

/** Digits after the decimal point as printed ("920.1" → 1, "100" → 0). */
export function decimalsOf(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export function isWhole(s: string): boolean {
  return decimalsOf(s) === 0;
}

// Memoized per decimal count (Decimals are immutable): the pow() ran for every operand of every check.
const halfUnits = new Map<number, Decimal>();

/** Half a unit of the given decimal place (negative: of tens, hundreds … — "1.17亿元" in 万元). */
function halfUnit(decimals: number): Decimal {
  let h = halfUnits.get(decimals);
  if (h === undefined) halfUnits.set(decimals, (h = new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)))));
  return h;
}

function around(s: string | Decimal, half: Decimal): Interval {
  const v = new Decimal(s);
  return { lo: v.minus(half), hi: v.plus(half) };
}

export function exact(s: string | Decimal): Interval {
  const v = new Decimal(s);
  return { lo: v, hi: v };
}

/** Money: ± half a unit of the last printed decimal; a whole number is exact unless
 *  every money operand of the check is whole (a table rounded to units); zero is exact.
 *  `decimals`: what a narrative figure printed in 亿元 is good to (Fact.decimals), in
 *  place of the value's own digits ("1.17亿元" = 11700, −2: ± 50). */
export function moneyInterval(s: string, allOperandsWhole: boolean, decimals?: number): Interval {
  const v = new Decimal(s); // parsed once: the zero test and the interval share it
  if (v.isZero()) return { lo: v, hi: v };
  if (decimals !== undefined) return around(v, halfUnit(decimals));
  const d = decimalsOf(s);
  if (d > 0) return around(v, halfUnit(d));
  return allOperandsWhole ? around(v, halfUnit(0)) : { lo: v, hi: v };
}

/** A printed rate is a rounded result: ± half its last digit, whole numbers included. */
export function rateInterval(s: string): Interval {
  return around(s, halfUnit(decimalsOf(s)));
}

/** Fund score / total score: ± half the last decimal; whole is exact unless `wholeIsRounded`. */
export function scoreInterval(s: string, wholeIsRounded = false): Interval {
  const d = decimalsOf(s);
  if (d > 0) return around(s, halfUnit(d));
  return wholeIsRounded ? around(s, halfUnit(0)) : exact(s);
}

export function addIv(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

export function negIv(a: Interval): Interval {
  return { lo: a.hi.neg(), hi: a.lo.neg() };
}

export function sumIv(parts: Interval[]): Interval {
  return parts.reduce(addIv, exact('0'));
}

/** a × b over intervals (any signs). */
export function mulIv(a: Interval, b: Interval): Interval {
  // b above zero (a rate's ×100, a positive budget): the product grows with a, and each
  // end of a takes the end of b its sign calls for — the same ends as the four products'
  // min and max (rounding keeps their order), computed without the other two.
  if (b.lo.gt(0)) return { lo: a.lo.times(a.lo.isNeg() ? b.hi : b.lo), hi: a.hi.times(a.hi.isNeg() ? b.lo : b.hi) };
  const c = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { lo: Decimal.min(...c), hi: Decimal.max(...c) };
}

/** a ÷ b over intervals; null when b's interval touches zero (no finite quotient). */
export function divIv(a: Interval, b: Interval): Interval | null {
  if (b.lo.lte(0) && b.hi.gte(0)) return null;
  // b above zero (nearly always: a budget): as in mulIv, two quotients instead of four.
  if (b.lo.gt(0)) return { lo: a.lo.div(a.lo.isNeg() ? b.lo : b.hi), hi: a.hi.div(a.hi.isNeg() ? b.hi : b.lo) };
  const c = [a.lo.div(b.lo), a.lo.div(b.hi), a.hi.div(b.lo), a.hi.div(b.hi)];
  return { lo: Decimal.min(...c), hi: Decimal.max(...c) };
}

export function minIv(a: Interval, cap: Decimal): Interval {
  return { lo: Decimal.min(a.lo, cap), hi: Decimal.min(a.hi, cap) };
}

/** Two intervals agree when they meet. */
export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** Exact sum written with the most decimals among its operands. */
export function exactSum(values: Array<{ value: string; sign?: 1 | -1 }>): string {
  let total = new Decimal(0);
  let d = 0;
  for (const { value, sign } of values) {
    total = sign === -1 ? total.minus(value) : total.plus(value);
    d = Math.max(d, decimalsOf(value));
  }
  return total.toFixed(d);
}

/** actual − expected, signed, with the decimals of its operands. */
export function difference(actual: string, expected: string): string {
  const d = Math.max(decimalsOf(actual), decimalsOf(expected));
  return fixed(new Decimal(actual).minus(expected), d);
}

/** A computed rate or score: rounded half-up to 2 decimals, written with 2. */
export function round2(v: Decimal): string {
  return fixed(v, 2);
}

function fixed(v: Decimal, d: number): string {
  const s = v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toFixed(d);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** The computed rate actual ÷ budget × 100 at the printed values (for messages). */
export function pointRate(budget: string, actual: string): Decimal {
  return new Decimal(actual).div(budget).times(100);
}

export function dec(s: string): Decimal {
  return new Decimal(s);
}
