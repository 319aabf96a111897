// Issue 15: decimal precision is set once (src/check/decimal.ts) and is enough for any
// amount a form can print — a 30-digit amount 23.45 off its parts is caught, and the
// difference is printed exactly.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { difference, exactSum, meets, moneyInterval, sumIv, PRECISION } from '../src/check/decimal.js';

const TOTAL = '1234567890123456789012345678.90'; // 30 significant digits
const FISCAL = '1234567890123456789012345455.45';

describe('decimal precision', () => {
  it('is set once for every Decimal of the process', () => {
    expect(Decimal.precision).toBe(PRECISION);
    expect(PRECISION).toBeGreaterThanOrEqual(60);
  });

  it('a 30-digit total 23.45 off its parts does not hold', () => {
    const [t, a, b] = [TOTAL, FISCAL, '200.00'].map((v) => moneyInterval(v, false));
    expect(meets(t, sumIv([a, b]))).toBe(false);
    expect(exactSum([{ value: FISCAL }, { value: '200.00' }])).toBe('1234567890123456789012345655.45');
    expect(difference(TOTAL, '1234567890123456789012345655.45')).toBe('23.45');
  });

  it('a 30-digit total that does add up holds', () => {
    const [t, a, b] = [TOTAL, '1234567890123456789012345478.90', '200.00'].map((v) => moneyInterval(v, false));
    expect(meets(t, sumIv([a, b]))).toBe(true);
  });

  it('never writes an amount in exponent notation', () => {
    expect(new Decimal(TOTAL).toString()).toBe('1234567890123456789012345678.9');
    expect(new Decimal(TOTAL).times(10000).toString()).toBe('12345678901234567890123456789000');
  });
});
