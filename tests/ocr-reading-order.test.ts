// A scanned cell's words keep Tesseract's reading order through the layout, which orders a
// line's text by x and splits it at column rules: the Chinese model's word boxes may run far
// too wide (probe J: "平江" boxed over the whole "平江县交通运输局" → "平县江…").
import { describe, expect, it } from 'vitest';
import { inReadingOrder } from '../src/read/ocr/page.js';
import type { OcrWord } from '../src/read/ocr/tesseract.js';
import { groupLines, splitRunAt, type TextRun } from '../src/read/pdf-text.js';

const word = (text: string, left: number, width: number, line = 0): OcrWord => ({ text, left, top: 30, width, height: 99, conf: 0.95, line });
/** The words as the layout reads them: runs split at the column rules, joined into lines. */
const laidOut = (words: readonly OcrWord[], rules: number[]): string[] => {
  const runs: TextRun[] = words.flatMap((w) => splitRunAt({ str: w.text, x: w.left, right: w.left + w.width, baseline: w.top + w.height, size: w.height, page: 1 }, rules));
  return groupLines(runs).map((l) => l.text);
};

// Tesseract 5.3's words for a 主管部门 cell of J02 (picture pixels): "平江" reaches to the end
const cell = [word('平江', 30, 390), word('县', 137, 44), word('交通', 180, 94), word('运输', 273, 88), word('局', 360, 62)];

describe('OCR words in reading order', () => {
  it('a word box running over the words after it ends where the next begins', () => {
    const fixed = inReadingOrder(cell, 20, 440);
    expect(fixed.map((w) => [w.left, w.left + w.width])).toEqual([[30, 137], [137, 180], [180, 273], [273, 360], [360, 422]]);
    // a column rule inside the spanning cell no longer cuts "平江" around "县"
    expect(laidOut(cell, [150])).not.toEqual(['平江县交通运输局']);
    expect(laidOut(fixed, [150])).toEqual(['平江县交通运输局']);
  });

  it('a word starting before the one ahead of it is moved after it; boxes stay in the cell', () => {
    const fixed = inReadingOrder([word('年度', 10, 50), word('资金', 5, 200), word('总额', 70, 40)], 20, 150);
    expect(fixed.map((w) => w.left)).toEqual([20, 21, 70]);
    expect(laidOut(fixed, [])).toEqual(['年度资金总额']);
    expect(Math.max(...fixed.map((w) => w.left + w.width))).toBeLessThanOrEqual(150);
  });

  it('the lines of a wrapped cell are ordered each on its own', () => {
    const two = [word('完成全县', 0, 400, 0), word('养护', 100, 50, 0), { ...word('优良', 0, 60, 1), top: 140 }, { ...word('路率', 60, 60, 1), top: 140 }];
    const fixed = inReadingOrder(two, 0, 500);
    // the second line's first word is not pushed after the first line's words
    expect(fixed[2].left).toBe(0);
    expect(laidOut(fixed, [80])).toEqual(['完成全县养护', '优良路率']);
  });
});
