// record.md's cell table, row by row, plus property tests of the number reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldText,
  isBlankCell,
  labelText,
  numberLines,
  plainNumber,
  readMoney,
  readRate,
  readScore,
  shiftPointLeft,
  shiftPointRight,
} from '../src/normalize/cell.js';

describe('money cells (record.md cell table)', () => {
  it.each([
    ['1028.49', '1028.49'],
    ['1028.49\u3000', '1028.49'],
    ['1,028.49', '1028.49'],
    ['１０２８．４９', '1028.49'],
    ['1028.49万元', '1028.49'],
    ['-5.00', '-5.00'],
    ['-0', '0'],
    ['920.1', '920.1'],
    ['100.00', '100.00'],
    // an accountant's negative, in brackets
    ['(12.00)', '-12.00'],
    ['（12.00）', '-12.00'],
    ['(1,234.50)', '-1234.50'],
    // 万 alone is how clerks shorten 万元
    ['1250.5万', '1250.5'],
    ['50.5 万', '50.5'],
  ])('%j → %j', (raw, value) => {
    expect(readMoney(raw)).toEqual({ value, issue: null });
  });

  it.each(['', '－', '—', '-', '/', '无', '*', '\u3000', ' － '])('placeholder %j → null, no issue', (raw) => {
    expect(readMoney(raw)).toEqual({ value: null, issue: null });
  });

  it.each(['1.2.3', '１,２３', 'NaN', '1e309', '约5', 'Infinity', '12,34.5', '0x10', '(12.00', '()', '(-5)', '万'])('%j is not a number', (raw) => {
    expect(readMoney(raw)).toEqual({ value: null, issue: 'nan' });
  });

  it('converts 元 to 万元 by moving the point, keeping every digit', () => {
    expect(readMoney('10284900.00', '元').value).toBe('1028.490000');
    expect(readMoney('215457.6', '元').value).toBe('21.54576');
    expect(readMoney('10,284,900.00', '元').value).toBe('1028.490000');
    expect(readMoney('5', '元').value).toBe('0.0005');
    expect(readMoney('-12000', '元').value).toBe('-1.2000');
    expect(readMoney('0', '元').value).toBe('0.0000');
  });
});

describe('a money cell printing its own unit (rules.md check 32)', () => {
  it.each([
    // raw, form's unit, value in 万元, issue
    ['1028.49万元', '万元', '1028.49', null],
    ['1028.49 万元', '万元', '1028.49', null],
    ['11723500元', '万元', '1172.3500', 'unit'],
    ['11,723,500.00元', '万元', '1172.350000', 'unit'],
    ['５元', '万元', '0.0005', 'unit'],
    ['-12000元', '万元', '-1.2000', 'unit'],
    ['0元', '万元', '0.0000', 'unit'],
    ['215457.6元', '元', '21.54576', null],
    ['20万元', '元', '20', 'unit'],
    ['20.5 万元', '元', '20.5', 'unit'],
    ['20万', '元', '20', 'unit'],
    ['387664.62', '元', '38.766462', null],
    ['1028.49', '万元', '1028.49', null],
  ] as const)('%j in a %s form → %j (%s)', (raw, unit, value, issue) => {
    expect(readMoney(raw, unit)).toEqual({ value, issue });
  });

  it('a unit alone, or a unit around no number, is not a number', () => {
    expect(readMoney('元', '万元')).toEqual({ value: null, issue: 'nan' });
    expect(readMoney('约5万元', '万元')).toEqual({ value: null, issue: 'nan' });
    expect(readMoney('5亿元', '万元')).toEqual({ value: null, issue: 'nan' });
  });
});

describe('figures typed one under the other (a line or paragraph break between digits)', () => {
  // two indicators packed in one row: "20" Enter "10" is two figures, never 2010
  it.each(['20\n10', '9.5\n10', '10\r\n10', '1,234\n567', '20 \n\n 10', '１０\n１０', '20\u2028 10', '20\n10\n20\n10'])('%j is not a number in any numeric cell', (raw) => {
    expect(readMoney(raw)).toEqual({ value: null, issue: 'nan' });
    expect(readMoney(raw, '元')).toEqual({ value: null, issue: 'nan' });
    expect(readRate(raw)).toEqual({ value: null, issue: 'nan' });
    expect(readScore(raw)).toEqual({ value: null, issue: 'nan' });
    expect(plainNumber(raw)).toBeNull();
  });

  it('keeps spaces within a line grouping digits, and a unit on the next line', () => {
    expect(readMoney('1 234.56')).toEqual({ value: '1234.56', issue: null });
    expect(readMoney('1 028.49\u3000')).toEqual({ value: '1028.49', issue: null });
    expect(readMoney('1028.49\n万元')).toEqual({ value: '1028.49', issue: null });
    expect(readMoney('\n1028.49\n')).toEqual({ value: '1028.49', issue: null });
    expect(readScore('95.5\n分')).toEqual({ value: '95.5', issue: null });
    expect(readRate('100\n%')).toEqual({ value: '100', issue: null });
    expect(readScore('自评得分：\n99.20', ['得分'])).toEqual({ value: '99.20', issue: null });
  });

  it('numberLines gives each line of such a cell, and null for one figure', () => {
    expect(numberLines('20\n10')).toEqual(['20', '10']);
    expect(numberLines(' 9.5 \n\n10分\n')).toEqual(['9.5', '10分']);
    expect(numberLines('1 234.56')).toBeNull();
    expect(numberLines('95.5\n分')).toBeNull();
    expect(numberLines(null)).toBeNull();
  });
});

describe('rate cells', () => {
  it.each([
    ['100%', '100', null],
    ['100', '100', null],
    ['100.00%', '100.00', null],
    ['98.5%', '98.5', null],
    ['406.79%', '406.79', null],
    ['0.985', '98.5', 'fraction'],
    ['1', '100', 'fraction'],
    ['1.5', '150', 'fraction'],
    ['1.6', '1.6', null],
    ['０．９', '90', 'fraction'],
  ])('%j → %j (%s)', (raw, value, issue) => {
    expect(readRate(raw)).toEqual({ value, issue });
  });

  it('a non-number rate is flagged', () => {
    expect(readRate('约95%')).toEqual({ value: null, issue: 'nan' });
    expect(readRate('≥95%')).toEqual({ value: null, issue: 'nan' });
  });
});

describe('score and weight cells', () => {
  it('reads "5分" and "7.5"', () => {
    expect(readScore('5分').value).toBe('5');
    expect(readScore('7.5').value).toBe('7.5');
    expect(readScore('－').value).toBeNull();
    expect(readScore('满分').issue).toBe('nan');
  });

  it('reads a score printed after a label naming the cell ("自评得分：99.20"), only for the names given', () => {
    const names = ['总分', '合计', '得分', '评分'];
    expect(readScore('自评得分：99.20', names)).toEqual({ value: '99.20', issue: null });
    expect(readScore('合计 : ９９.２０分', names).value).toBe('99.20');
    expect(readScore('自评得分：99.20').issue).toBe('nan'); // no names: as printed
    // a label that only says what the figure is part of, or is not the cell's own, keeps the cell no number
    for (const raw of ['其中：12.00', '指标1：8', '得分率：95', '扣分：2', '得分：约9']) expect(readScore(raw, names).issue, raw).toBe('nan');
  });
});

describe('text folding', () => {
  it('drops a wrapped line break between CJK characters and folds other whitespace', () => {
    expect(foldText('年度总\n体目标')).toBe('年度总体目标');
    expect(foldText('  任务1\n\n  登记审批  ')).toBe('任务1 登记审批');
    expect(foldText('abc\ndef')).toBe('abc def');
    expect(foldText('住房\u3000保障')).toBe('住房 保障');
    expect(foldText('\n \u3000')).toBeNull();
    expect(foldText(null)).toBeNull();
  });

  it('labels lose all whitespace', () => {
    expect(labelText('经济效益\n指标')).toBe('经济效益指标');
    expect(labelText('执 行 率')).toBe('执行率');
  });
});

describe('number reader properties', () => {
  const decimalString = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
    .map(([neg, digits, scale]) => {
      const s = digits.toString().padStart(scale + 1, '0');
      const body = scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
      return (neg ? '-' : '') + body;
    });

  it('a plain decimal reads back as itself (canonical sign, no leading zeros)', () => {
    fc.assert(
      fc.property(decimalString, (s) => {
        const got = plainNumber(s);
        expect(got).not.toBeNull();
        expect(got!.replace(/^-/, '')).toBe(s.replace(/^-/, '').replace(/^0+(?=\d)/, ''));
      }),
    );
  });

  it('full-width digits, thousands separators and padding never change the value', () => {
    fc.assert(
      fc.property(decimalString, (s) => {
        const [int, frac] = s.replace(/^-/, '').split('.');
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const variant = (s.startsWith('-') ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
        const fullWidth = variant.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(readMoney(`\u3000${fullWidth} `).value).toBe(plainNumber(s));
      }),
    );
  });

  it('moving the point left then right by the same places keeps the value', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 8 }), (s, places) => {
        const back = shiftPointRight(shiftPointLeft(s, places), places);
        const norm = (x: string) => x.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
        expect(norm(back)).toBe(norm(plainNumber(s)!));
      }),
    );
  });

  it('arbitrary text never throws and is either a decimal or flagged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = readMoney(s);
        if (r.value === null) expect(r.issue === 'nan' || isBlankCell(s)).toBe(true);
        else expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });
});

describe('invisible format characters (issue 15)', () => {
  it('a number holding a soft hyphen, word joiner, LRM/RLM, ZWJ or bidi controls is the number a person sees', () => {
    expect(readMoney('82\u00AD3.56').value).toBe('823.56');
    expect(readMoney('8\u206000.00').value).toBe('800.00');
    expect(readMoney('\u200E173.56\u200F')).toEqual({ value: '173.56', issue: null });
    expect(readMoney('4\u200D50.00').value).toBe('450.00');
    expect(readRate('\u202A93.44%\u202C')).toEqual({ value: '93.44', issue: null });
    expect(readScore('9\u2060.34').value).toBe('9.34');
    expect(isBlankCell('\u00AD\u200E')).toBe(true);
  });
});

describe('a footnote mark after a figure (superscript characters, src/read/superscript.ts)', () => {
  it('reads the figure without its mark', () => {
    expect(readMoney('218.50¹')).toEqual({ value: '218.50', issue: null });
    expect(readMoney('218.50万元²')).toEqual({ value: '218.50', issue: null });
    expect(readMoney('1,028.49⁽¹²⁾')).toEqual({ value: '1028.49', issue: null });
    expect(readScore('9.50²')).toEqual({ value: '9.50', issue: null });
    expect(readScore('9.5分³')).toEqual({ value: '9.5', issue: null });
    expect(readRate('95.00%¹')).toEqual({ value: '95.00', issue: null });
  });

  it('reads no mark alone, nor a mark inside a figure, as a figure', () => {
    expect(readMoney('¹')).toEqual({ value: null, issue: 'nan' });
    expect(readMoney('2¹8.50')).toEqual({ value: null, issue: 'nan' });
    expect(readMoney('500m²')).toEqual({ value: null, issue: 'nan' });
  });
});
