// A scanned cell's words keep Tesseract's reading order through the layout, which orders a
// line's text by x and splits it at column rules: the Chinese model's word boxes may run far
// too wide (probe J: "平江" boxed over the whole "平江县交通运输局" → "平县江…").
import { describe, expect, it } from 'vitest';
import { closeJoints, inReadingOrder, tightJoints } from '../src/read/ocr/page.js';
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

// Tesseract 5.3 (chi_sim, psm 6) on probe T's S1 (a 200 dpi scan of a national project form):
// the words of two cells, [text, left, width] in the enlarged cell picture, line height 35 px.
// The print sets a little air between a figure and Chinese (autospace), and the Chinese model
// boxes each glyph's ink: "2023" ends 26 px before "年" — which the layout took for a space.
const line = (words: [string, number, number][], n = 0, height = 35): OcrWord[] => words.map(([text, left, width]) => ({ text, left, top: 30 + 40 * n, width, height, conf: 0.95, line: n }));
const projectName = line([['2023', 618, 88], ['年', 732, 44], ['农村', 790, 53], ['饮水', 843, 55], ['安全', 917, 55], ['工程', 985, 82], ['维修', 1084, 57], ['养护', 1159, 33], ['资金', 1211, 55]]);
const goal = [
  ...line([['完成', 58, 71], ['45', 139, 43], ['处', 209, 41], ['农村', 249, 66], ['供水', 317, 58], ['工程', 391, 79], ['维修', 487, 57], ['养护', 561, 48], ['，', 617, 28], ['更', 644, 25], ['换', 685, 21], ['老', 722, 30], ['旧', 756, 21], ['管', 796, 45], ['网', 840, 24], ['12', 866, 39]], 0),
  ...line([['公里', 135, 158], ['以', 232, 38], ['上', 269, 21], ['，', 289, 35], ['保', 318, 71], ['障', 367, 28], ['3.2', 401, 52], ['万', 478, 45], ['农村', 539, 51], ['人', 590, 20], ['口', 623, 45], ['饮水', 687, 34], ['安全', 738, 55], ['。', 797, 12]], 1),
];
/** The words laid out as page.ts lays them out: runs, the tight joints closed, lines. */
const closedUp = (words: readonly OcrWord[]): string[] => {
  const runs: TextRun[] = words.map((w) => ({ str: w.text, x: w.left, right: w.left + w.width, baseline: w.top + w.height, size: w.height, page: 1 }));
  closeJoints(tightJoints(words).map((n) => [runs[n], runs[n + 1]] as const));
  return groupLines(runs).map((l) => l.text);
};

describe('OCR spacing: what the print sets solid reads solid', () => {
  it('a figure and the Chinese beside it are one text, as in the DOCX of the same form', () => {
    expect(closedUp(projectName)).toEqual(['2023年农村饮水安全工程维修养护资金']);
    expect(closedUp(goal)).toEqual(['完成45处农村供水工程维修养护，更换老旧管网12', '公里以上，保障3.2万农村人口饮水安全。']);
  });

  it('a figure split at its decimal point is one figure; digits beside digits stay apart', () => {
    // probe T S4: "2.3万人次" read "2" | ".3"; S1: "3.35万人" read "3" | "35" (the point lost: not joined)
    expect(closedUp(line([['2', 54, 20], ['.3', 88, 30], ['万', 139, 15], ['人', 172, 31], ['次', 204, 26]]))).toEqual(['2.3万人次']);
    expect(closedUp(line([['3', 40, 18], ['35', 80, 40], ['万', 148, 40]]))).toEqual(['3 35万']);
  });

  it('fields apart on one line, or on two lines, are not joined', () => {
    // "填报单位：…局" and "单位：万元" a few characters apart on one line
    expect(tightJoints(line([['局', 500, 35], ['单位', 700, 70]]))).toEqual([]);
    expect(tightJoints(line([['2023', 0, 88], ['年', 100, 35]]).map((w, n) => ({ ...w, line: n })))).toEqual([]);
    expect(tightJoints(line([['ABC', 0, 60], ['年', 90, 35]]))).toEqual([]);
  });
});
