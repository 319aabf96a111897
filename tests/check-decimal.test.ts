// Interval arithmetic of rules.md "Arithmetic": printed numbers as rounding intervals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  difference, divIv, exact, exactSum, meets, moneyInterval, mulIv, rateInterval, round2, scoreInterval, sumIv, dec,
} from '../src/check/decimal.js';

const money = (...vs: string[]) => {
  const whole = vs.every((v) => !v.includes('.'));
  return vs.map((v) => moneyInterval(v, whole));
};
function sumHolds(total: string, ...parts: string[]): boolean {
  const [t, ...ps] = money(total, ...parts);
  return meets(t, sumIv(ps));
}

describe('money sums', () => {
  it('920.1 + 50.91 = 971.01 holds (920.1 stands for 920.05–920.15)', () => {
    expect(sumHolds('971.01', '920.1', '50.91')).toBe(true);
  });
  it('1150.05 + 3028.78 = 4183.83 does not hold', () => {
    expect(sumHolds('4183.83', '1150.05', '3028.78')).toBe(false);
  });
  it('a difference of one unit in the last place per two parts is rounding', () => {
    expect(sumHolds('100.01', '50.00', '50.00')).toBe(true); // [99.99, 100.01] meets [100.005, 100.015]
    expect(sumHolds('100.02', '50.00', '50.00')).toBe(false);
  });
  it('whole-number tables: each whole figure stands for ± 0.5', () => {
    expect(sumHolds('100', '60', '41')).toBe(true);
    expect(sumHolds('100', '60', '42')).toBe(false);
  });
  it('a whole figure among decimals is exact', () => {
    expect(sumHolds('100', '60.5', '40')).toBe(false);
    expect(sumHolds('100', '60.0', '40')).toBe(true);
  });
  it('zero is always exact', () => {
    expect(moneyInterval('0', true)).toEqual(exact('0'));
    expect(sumHolds('0', '0', '0', '0', '0')).toBe(true);
  });
});

describe('rates and scores', () => {
  const rateOf = (budget: string, actual: string) => {
    const [b, a] = money(budget, actual);
    return mulIv(divIv(a, b)!, exact('100'));
  };
  it('"93%" stands for 92.5–93.5 and meets 92.6', () => {
    expect(meets(rateInterval('93'), rateOf('100.00', '92.60'))).toBe(true);
    expect(meets(rateInterval('92'), rateOf('100.00', '92.60'))).toBe(false);
  });
  it('"92.6%" stands for 92.55–92.65', () => {
    const iv = rateInterval('92.6');
    expect(iv.lo.toString()).toBe('92.55');
    expect(iv.hi.toString()).toBe('92.65');
  });
  it('the seed rate 4183.83 ÷ 1028.49 rounds to 406.79', () => {
    expect(round2(dec('4183.83').div('1028.49').times(100))).toBe('406.79');
  });
  it('fund scores: whole is exact, decimals ± half a unit; a whole total may be rounded', () => {
    expect(meets(scoreInterval('9.6'), exact('9.598'))).toBe(true);
    expect(meets(scoreInterval('10'), exact('9.598'))).toBe(false);
    // 10 × 95.98% = 9.60 + 88 = 97.60 may be printed 98
    expect(meets(scoreInterval('98', true), sumIv([scoreInterval('9.60'), exact('88')]))).toBe(true);
    expect(meets(scoreInterval('98', false), sumIv([scoreInterval('9.60'), exact('88')]))).toBe(false);
  });
  it('division by an interval touching zero has no result', () => {
    expect(divIv(exact('5'), { lo: dec('-0.5'), hi: dec('0.5') })).toBeNull();
  });
});

describe('written numbers', () => {
  it('sums carry the most decimals among their operands', () => {
    expect(exactSum([{ value: '920.1' }, { value: '50.91' }])).toBe('971.01');
    expect(exactSum([{ value: '1150.05' }, { value: '3028.78' }])).toBe('4178.83');
    expect(exactSum([{ value: '10' }, { value: '5' }])).toBe('15');
    expect(exactSum([{ value: '100.0' }, { value: '9', sign: -1 }])).toBe('91.0');
  });
  it('difference is signed and keeps the operands\' decimals', () => {
    expect(difference('1150.05', '1155.05')).toBe('-5.00');
    expect(difference('100', '110')).toBe('-10');
    expect(difference('93', '92.60')).toBe('0.40');
    expect(difference('1.00', '1.00')).toBe('0.00');
  });
  it('round2 rounds half up and writes two decimals', () => {
    expect(round2(dec('9.995'))).toBe('10.00');
    expect(round2(dec('10'))).toBe('10.00');
    expect(round2(dec('92.604999'))).toBe('92.60');
  });
});

describe('tolerance bounds (property)', () => {
  const cents = fc.bigInt({ min: 1n, max: 10n ** 9n }).map((n) => {
    const s = n.toString().padStart(3, '0');
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  });
  it('two 2-decimal parts: their exact sum holds, one cent off holds, two cents off fails', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const sum = exactSum([{ value: a }, { value: b }]);
        const off = (c: string) => dec(sum).plus(c).toFixed(2);
        return sumHolds(sum, a, b) && sumHolds(off('0.01'), a, b) && !sumHolds(off('0.02'), a, b) && !sumHolds(off('-0.02'), a, b);
      }),
    );
  });
});
