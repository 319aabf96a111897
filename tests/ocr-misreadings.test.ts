// Misreadings Tesseract makes on forms, known by their shape (probe T: 8 scans of forms at
// 150–200 dpi): a ≥ read as a Chinese glyph before a target's figure, a decimal point lost
// ("86.40" → 8640, "100.00%" → 10000%), a table border read as a letter after "%"
// ("95.00%p"). Each is read no further than the form shows, and left doubtful (check 31).
import { describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import type { DocModel } from '../src/model/document.js';
import type { FormRecord } from '../src/model/record.js';
import { withoutTrailingJunk } from '../src/read/ocr/page.js';
import type { OcrWord } from '../src/read/ocr/tesseract.js';
import { withOcrConfidence } from '../src/recognize/ocr-confidence.js';
import { bundledRulesDir } from '../src/paths.js';
import { cleanRecord, line } from './rules/builder.js';

const scan: DocModel = { format: 'png', pages: 1, blocks: [], tables: [], images: 1, readBy: 'ocr', ocrDigits: [] };
const docx: DocModel = { format: 'docx', pages: null, blocks: [], tables: [], images: 0 };
const at = (row: number, col: number, raw: string, confidence?: number) => ({ table: 0, row, col, page: 1, raw, ...(confidence !== undefined ? { confidence } : {}) });

/** The record as recognized from `doc` (the OCR pass of recognize/index.ts). */
function recognized(r: FormRecord, doc: DocModel): FormRecord {
  const { source, ...form } = r;
  return { source, ...withOcrConfidence(form, doc) };
}

/** Probe T S1/S4/S8's targets as read (record and provenance). */
function targetsRead(): FormRecord {
  const r = cleanRecord();
  r.readBy = 'ocr';
  const targets: [string, number][] = [['二95%', 0.6], ['三90%', 0.86], ['主12公里', 0]];
  targets.forEach(([raw, confidence], i) => {
    r.indicators[i].target = raw;
    r.provenance[`indicators[${i}].target`] = at(12 + i, 4, raw, confidence);
  });
  return r;
}

describe('a ≥ read as a Chinese glyph before a target figure (二95%, 三90%, 主12公里)', () => {
  it('reads as ≥ that figure, doubtful whatever OCR thought of the glyph; the raw text stays as read', () => {
    const r = recognized(targetsRead(), scan);
    expect(r.indicators.map((i) => i.target)).toEqual(['≥95%', '≥90%', '≥12公里']);
    expect([0, 1, 2].map((i) => r.provenance[`indicators[${i}].target`].confidence)).toEqual([0.5, 0.5, 0]);
    expect(r.provenance['indicators[1].target'].raw).toBe('三90%');
  });

  it('is judged (checks 13–15), and a finding on it is an uncertain warning naming the guessed sign', () => {
    const r = recognized(targetsRead(), scan);
    r.indicators[1].actual = '85%'; // 30 of 30 though 85% < 90%
    r.provenance['indicators[1].actual'] = at(13, 5, '85%', 0.97);
    const found = checkRecord(r, loadRuleSet([bundledRulesDir()])).filter((f) => f.fields.includes('indicators[1].target'));
    expect(found.map((f) => f.rule)).toContain('indicators.target-missed-full-score');
    expect(found.map((f) => f.rule)).not.toContain('indicators.quantity-unread');
    for (const f of found) {
      expect(f.uncertain).toBe(true);
      expect(f.message).toContain('第1页表1第14行第5列“三90%”（可信度 0.50），开头的“三”按“≥”读取，也可能是“≤”');
    }
  });

  it('leaves a Latin sign, a glyph before no figure, an actual, and a document alone', () => {
    const r = cleanRecord();
    r.readBy = 'ocr';
    const cells: [string, string][] = [['>15万亩', '15.8万亩'], ['二号力7', '2.74万元'], ['≥95%', '二 95%']];
    cells.forEach(([target, actual], i) => {
      Object.assign(r.indicators[i], { target, actual });
      r.provenance[`indicators[${i}].target`] = at(12 + i, 4, target, 0.8);
      r.provenance[`indicators[${i}].actual`] = at(12 + i, 5, actual, 0.8);
    });
    const read = recognized(r, scan);
    expect(read.indicators.map((i) => [i.target, i.actual])).toEqual(cells);
    const typed = cleanRecord();
    typed.indicators[0].target = '三90%';
    typed.provenance['indicators[0].target'] = at(12, 4, '三90%');
    expect(recognized(typed, docx).indicators[0].target).toBe('三90%');
  });
});

/** Probe T S4 (150 dpi) as read: 总额 86.40 | 8640 | 10000%, 财政 80.00 | 80.00, 其他 640 | 6.40. */
function pointsLost(): FormRecord {
  const r = cleanRecord();
  r.readBy = 'ocr';
  r.form = 'project';
  r.funds = {
    sources: {
      total: line('86.40', '8640', { rate: '10000', weight: '10', score: '10' }),
      fiscal: line('80.00', '80.00', { rate: '10000' }),
      other: line('640', '6.40', { rate: '100.00' }),
    },
  };
  const cells: [string, number, number, string, number][] = [
    ['total.budget', 2, 4, '86.40', 0.97], ['total.actual', 2, 5, '8640', 0.9], ['total.rate', 2, 6, '10000%', 0.9], ['total.weight', 2, 7, '10', 0.97], ['total.score', 2, 8, '10', 0.97],
    ['fiscal.budget', 3, 4, '80.00', 0.97], ['fiscal.actual', 3, 5, '80.00', 0.97], ['fiscal.rate', 3, 6, '10000%', 0.9],
    ['other.budget', 4, 4, '640', 0.9], ['other.actual', 4, 5, '6.40', 0.97], ['other.rate', 4, 6, '100.00%', 0.97],
  ];
  for (const [path, row, col, raw, confidence] of cells) r.provenance[`funds.sources.${path}`] = at(row, col, raw, confidence);
  return r;
}

describe('a decimal point lost (86.40 → 8640, 100.00% → 10000%)', () => {
  it('makes the figure doubtful, its value as read', () => {
    const r = recognized(pointsLost(), scan);
    const confidence = (p: string) => r.provenance[`funds.sources.${p}`].confidence;
    // whole numbers of 3+ digits among figures printed with two decimals
    expect(confidence('total.actual')).toBe(0.3);
    expect(confidence('other.budget')).toBe(0.3);
    // rates of 1000% or more
    expect(confidence('total.rate')).toBe(0.3);
    expect(confidence('fiscal.rate')).toBe(0.3);
    // the rest as OCR read them
    expect(['total.budget', 'fiscal.actual', 'other.rate', 'total.weight'].map(confidence)).toEqual([0.97, 0.97, 0.97, 0.97]);
    expect(r.funds.sources.total.actual).toBe('8640');
  });

  it('a finding resting on it is an uncertain warning, not an error', () => {
    const found = checkRecord(recognized(pointsLost(), scan), loadRuleSet([bundledRulesDir()])).filter((f) => f.fields.includes('funds.sources.total.actual'));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect([f.severity, f.uncertain]).toEqual(['warning', true]);
  });

  it('leaves a column that prints whole numbers, and a document, alone', () => {
    const r = pointsLost();
    r.provenance['funds.sources.fiscal.actual'] = at(3, 5, '80', 0.97); // 8640 | 80 | 6.40
    expect(recognized(r, scan).provenance['funds.sources.total.actual'].confidence).toBe(0.9);
    const typed = pointsLost();
    typed.readBy = undefined;
    for (const p of Object.values(typed.provenance)) delete p.confidence;
    expect(recognized(typed, docx).provenance['funds.sources.total.actual'].confidence).toBeUndefined();
  });
});

describe('a table border read as a letter after "%"', () => {
  const words = (...texts: string[]): OcrWord[] => texts.map((text, n) => ({ text, left: 10 + 80 * n, top: 10, width: 70, height: 30, conf: 0.38, line: 0 }));
  it('is dropped (probe T S8: 95.00%p, 94.329%p)', () => {
    expect(withoutTrailingJunk(words('95.00%p'))?.map((w) => w.text)).toEqual(['95.00%']);
    expect(withoutTrailingJunk(words('94.329%p'))?.map((w) => w.text)).toEqual(['94.329%']);
    expect(withoutTrailingJunk(words('达', '95％q'))?.map((w) => w.text)).toEqual(['达', '95％']);
  });
  it('but not ‰ read as "%o", nor more than one character, nor a clean reading', () => {
    for (const t of ['0.29%o', '929%p6', '95.00%', '95.00%pp', 'Wp']) expect(withoutTrailingJunk(words(t)), t).toBeNull();
  });
});

/**
 * A "%" read with a 9 glued before it (probe T S5: the target "≥98%" read as 二989%): a fund
 * table as a 150 dpi scan would read it — 总额 352.80 | 345.74 | "98.00%" read 98.009%, 财政拨款
 * 300.00 | 294.00 | "98%" read 989%, 其他资金 52.80 | 51.74 | 97.99% read as printed. By hand:
 * 345.74 ÷ 352.80 = 97.9989% (98.00), 294.00 ÷ 300.00 = 98.00%, 51.74 ÷ 52.80 = 97.9924% (97.99).
 */
function nineBeforePercent(): FormRecord {
  const r = cleanRecord();
  r.readBy = 'ocr';
  r.form = 'project';
  r.funds = {
    sources: {
      total: line('352.80', '345.74', { rate: '98.009', weight: '10', score: '9.80' }),
      fiscal: line('300.00', '294.00', { rate: '989' }),
      other: line('52.80', '51.74', { rate: '97.99' }),
    },
  };
  const cells: [string, number, number, string, number][] = [
    ['total.budget', 2, 4, '352.80', 0.96], ['total.actual', 2, 5, '345.74', 0.95], ['total.rate', 2, 6, '98.009%', 0.91], ['total.weight', 2, 7, '10', 0.97], ['total.score', 2, 8, '9.80', 0.96],
    ['fiscal.budget', 3, 4, '300.00', 0.96], ['fiscal.actual', 3, 5, '294.00', 0.96], ['fiscal.rate', 3, 6, '989%', 0.9],
    ['other.budget', 4, 4, '52.80', 0.96], ['other.actual', 4, 5, '51.74', 0.96], ['other.rate', 4, 6, '97.99%', 0.95],
  ];
  for (const [path, row, col, raw, confidence] of cells) r.provenance[`funds.sources.${path}`] = at(row, col, raw, confidence);
  return r;
}

describe('a "%" read with a 9 before it (98.00% → 98.009%, 98% → 989%, ≥98% → 二989%)', () => {
  it('makes the rate doubtful where the amounts give the rate without that 9, or where it is 200% or more; the value as read', () => {
    const r = recognized(nineBeforePercent(), scan);
    const confidence = (p: string) => r.provenance[`funds.sources.${p}`].confidence;
    expect(confidence('total.rate')).toBe(0.3);
    expect(confidence('fiscal.rate')).toBe(0.3);
    expect(r.funds.sources.total.rate).toBe('98.009');
    expect(r.funds.sources.fiscal.rate).toBe('989');
    // a rate that does end in 9, and agrees with its amounts, is as OCR read it
    expect(confidence('other.rate')).toBe(0.95);
  });

  it('a check-4 finding on it is an uncertain warning, not an error', () => {
    const found = checkRecord(recognized(nineBeforePercent(), scan), loadRuleSet([bundledRulesDir()])).filter((f) => f.rule === 'funds.rate-matches');
    expect(found.map((f) => f.fields[0]).sort()).toEqual(['funds.sources.fiscal.rate', 'funds.sources.total.rate']);
    for (const f of found) expect([f.severity, f.uncertain]).toEqual(['warning', true]);
  });

  it('leaves a rate ending in 9 that is a real slip (96.29% where the amounts give 98.00%), and a document, alone', () => {
    const r = nineBeforePercent();
    r.funds.sources.total.rate = '96.29';
    r.provenance['funds.sources.total.rate'] = at(2, 6, '96.29%', 0.91);
    const read = recognized(r, scan);
    expect(read.provenance['funds.sources.total.rate'].confidence).toBe(0.91);
    const slip = checkRecord(read, loadRuleSet([bundledRulesDir()])).find((f) => f.rule === 'funds.rate-matches' && f.fields[0] === 'funds.sources.total.rate');
    expect([slip?.severity, slip?.uncertain ?? false]).toEqual(['error', false]);
    const typed = nineBeforePercent();
    typed.readBy = undefined;
    for (const p of Object.values(typed.provenance)) delete p.confidence;
    expect(recognized(typed, docx).provenance['funds.sources.fiscal.rate'].confidence).toBeUndefined();
  });

  it('makes an indicator percentage of 200% or more read so doubtful (probe T S5: 二989%)', () => {
    const r = cleanRecord();
    r.readBy = 'ocr';
    const cells: [string, string, number][] = [['二989%', '98.6%', 0.58], ['≥95%', '969%', 0.9], ['≥90%', '99%', 0.93]];
    cells.forEach(([target, actual, confidence], i) => {
      Object.assign(r.indicators[i], { target, actual });
      r.provenance[`indicators[${i}].target`] = at(12 + i, 4, target, confidence);
      r.provenance[`indicators[${i}].actual`] = at(12 + i, 5, actual, confidence);
    });
    const read = recognized(r, scan);
    const confidence = (p: string) => read.provenance[p].confidence;
    expect(read.indicators[0].target).toBe('≥989%');
    expect(confidence('indicators[0].target')).toBe(0.3);
    expect(confidence('indicators[1].actual')).toBe(0.3);
    // 98.6%, ≥95%, ≥90% and 99% read as OCR read them
    expect(['indicators[0].actual', 'indicators[1].target', 'indicators[2].target', 'indicators[2].actual'].map(confidence)).toEqual([0.58, 0.9, 0.93, 0.93]);
  });
});
