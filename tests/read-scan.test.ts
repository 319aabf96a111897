// Issue 18: scans read by OCR. Each scanned fixture gives the record and findings of the
// form it was printed from (hand-written in tests/expected/), every money, rate, weight
// and score cell right or flagged doubtful; a finding on a doubtful value is an uncertain
// warning. Where Tesseract is absent, scans keep failing no-text-layer with a hint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numericFields } from '../bench/ocr.js';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { buildProgram } from '../src/cli.js';
import { readQuantity } from '../src/check/attainment.js';
import { OCR_CONFIDENCE_THRESHOLD } from '../src/check/ocr-doubt.js';
import type { FormRecord } from '../src/model/record.js';
import { RecordSchema, ReportSchema, type Finding } from '../src/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile, type ProcessResult } from '../src/pipeline.js';
import { findOcrTools } from '../src/read/ocr/tools.js';
import { binarize, deskew, skewAngle, turnQuarters, type Grey } from '../src/read/ocr/raster.js';
import { findRuling } from '../src/read/ocr/ruling.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { findingMatches, FIXTURES, ROOT, type ExpectedFinding } from './helpers/expected.js';

interface ScanExpectation { like: string; format: string; pages: number; sealed?: string[]; folder?: string; formPage?: number }
const scans = JSON.parse(readFileSync(join(ROOT, 'tests', 'scan', 'expected.json'), 'utf8')).files as Record<string, ScanExpectation>;
const original = (like: string) => JSON.parse(readFileSync(join(ROOT, 'tests', 'expected', `${like}.json`), 'utf8'));

let rules: RuleSet;
let templates: TemplateSet;
beforeAll(() => {
  rules = loadRuleSet([bundledRulesDir()]);
  templates = loadTemplates([bundledTemplatesDir()]);
});

function valueAt(record: FormRecord, path: string): unknown {
  let at: unknown = record;
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) at = (at as Record<string, unknown> | undefined)?.[key];
  return at ?? null;
}

/** An expected finding is met as it is, or — when OCR was unsure of an operand — as an
 *  uncertain warning (an error then turns into one). */
function meets(got: Finding, want: ExpectedFinding): boolean {
  if (findingMatches(got, want)) return true;
  return got.uncertain === true && got.severity === 'warning' && findingMatches({ ...got, severity: want.severity }, want);
}

describe.skipIf(!findOcrTools())('scans read by OCR (Tesseract installed)', () => {
  for (const [file, want] of Object.entries(scans)) {
    describe(file, () => {
      let result: ProcessResult;
      beforeAll(async () => {
        const folder = want.folder ?? 'scan';
        result = await processFile(join(FIXTURES, folder, file), { rules, templates, displayPath: `${folder}/${file}` });
      }, 300_000);

      it('is read as a scan of the form it was printed from', () => {
        const { report, records } = result;
        expect(ReportSchema.parse(report)).toBeTruthy();
        expect(report.error, JSON.stringify(report.error)).toBeNull();
        expect(records).toHaveLength(1);
        RecordSchema.parse(records[0]);
        expect(records[0].readBy).toBe('ocr');
        expect(records[0].source.format).toBe(want.format);
        expect(records[0].source.pages).toBe(want.pages);
        const expected = original(want.like).forms[0].record;
        expect(records[0].form).toBe(expected.form);
        expect(records[0].year).toBe(expected.year);
      });

      it('reads every money, rate, weight and score cell right, or says it is unsure of it', () => {
        const record = result.records[0];
        const expected = original(want.like).forms[0].record;
        const confidentlyWrong: string[] = [];
        for (const [path, value] of numericFields(expected)) {
          const got = valueAt(record, path);
          if (got === value) continue;
          const confidence = record.provenance[path]?.confidence;
          if (!(confidence !== undefined && confidence < OCR_CONFIDENCE_THRESHOLD)) confidentlyWrong.push(`${path}: ${got} ≠ ${value} (confidence ${confidence})`);
        }
        expect(confidentlyWrong).toEqual([]);
      });

      it('reads every quantity target as printed (sign, figure, unit), or says it is unsure of it', () => {
        // a ≥ read as 三 or 二 ("三95%") is read as ≥, doubtfully (probe T); before, such a
        // target read sure enough (0.81, 0.92 on the clean scan) was no quantity at all
        const record = result.records[0];
        const expected = original(want.like).forms[0].record as FormRecord;
        const confidentlyWrong: string[] = [];
        expected.indicators.forEach((ind, i) => {
          const printed = readQuantity(ind.target);
          if (!printed) return;
          const got = record.indicators[i]?.target ?? null;
          const q = readQuantity(got);
          // "=" and no sign mean ≥ (rules.md)
          const direction = (d: string | null) => (d === null || d === 'eq' ? 'ge' : d);
          if (q && q.value.eq(printed.value) && q.unit === printed.unit && direction(q.sign) === direction(printed.sign)) return;
          const confidence = record.provenance[`indicators[${i}].target`]?.confidence;
          if (!(confidence !== undefined && confidence < OCR_CONFIDENCE_THRESHOLD)) confidentlyWrong.push(`indicators[${i}].target: ${got} ≠ ${ind.target} (confidence ${confidence})`);
        });
        expect(confidentlyWrong).toEqual([]);
      });

      it('places every cell it read: page, box and confidence in provenance', () => {
        for (const [path, origin] of Object.entries(result.records[0].provenance)) {
          if (origin.table === undefined) continue;
          expect(origin.page, path).toBeGreaterThanOrEqual(1);
          if (want.formPage !== undefined) expect(origin.page, path).toBe(want.formPage);
          expect(origin.confidence, path).toBeGreaterThanOrEqual(0);
          expect(origin.box, path).toHaveLength(4);
        }
        for (const path of want.sealed ?? []) expect(result.records[0].provenance[path]?.seal, path).toBe(true);
      });

      it('gives the expected findings, those on doubtful values as uncertain warnings, and no other', () => {
        const remaining = [...result.report.findings];
        const missing: ExpectedFinding[] = [];
        for (const w of original(want.like).findings as ExpectedFinding[]) {
          const i = remaining.findIndex((g) => meets(g, w));
          if (i < 0) missing.push(w);
          else remaining.splice(i, 1);
        }
        expect(missing).toEqual([]);
        // anything else is an info, or an uncertain warning that says where to look
        const others = remaining.filter((f) => f.severity !== 'info');
        for (const f of others) {
          expect(f.uncertain, f.message).toBe(true);
          expect(f.severity).toBe('warning');
          expect(f.message).toContain('请对照原件');
        }
      });
    });
  }
});

describe('without Tesseract', () => {
  /** Processes a fixture with OCR turned off (JXAUDIT_TESSERACT=none), as on a machine without it. */
  async function withoutTesseract(path: string): Promise<ProcessResult> {
    const saved = process.env.JXAUDIT_TESSERACT;
    process.env.JXAUDIT_TESSERACT = 'none';
    try {
      return await processFile(join(FIXTURES, path), { rules, templates });
    } finally {
      if (saved === undefined) delete process.env.JXAUDIT_TESSERACT;
      else process.env.JXAUDIT_TESSERACT = saved;
    }
  }

  it('a picture file fails no-text-layer with the hint that installing Tesseract reads scans', async () => {
    const { report } = await withoutTesseract('scan/project-national-clean-scan.png');
    expect(report.error?.code).toBe('no-text-layer');
    expect(report.error?.message).toContain('图片');
    expect(report.error?.message).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim');
    expect(report.source.format).toBe('png');
  });

  it('a scanned page inside a PDF of text is named in the failure when no form is found elsewhere: the form may be on it', async () => {
    const { report } = await withoutTesseract('long/long-with-scanned-form.pdf');
    expect(report.error?.code).toBe('unrecognized-form');
    expect(report.error?.message).toContain('第13页只是扫描图片，没有读取');
    expect(report.error?.message).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim');
  });
});

describe('the time budget of a scan', () => {
  it('is stated in check --help', () => {
    const check = buildProgram().commands.find((c) => c.name() === 'check')!;
    expect(check.helpInformation()).toMatch(/--ocr-timeout <S>\s+扫描件[\s\S]*每页的时限/);
  });

  it.skipIf(!findOcrTools())('stops a page past it with a timeout that names --ocr-timeout', async () => {
    const saved = process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS;
    // 1 ms: no Tesseract pass finishes in it, however fast the machine.
    process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS = '1';
    try {
      const { report } = await processFile(join(FIXTURES, 'scan', 'project-national-clean-scan.png'), { rules, templates });
      expect(report.error?.code).toBe('timeout');
      expect(report.error?.message).toContain('--ocr-timeout');
    } finally {
      if (saved === undefined) delete process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS;
      else process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS = saved;
    }
  });
});

describe('page geometry', () => {
  /** A ruled grid (6 × 4 cells, 1 px lines) on white, 200 dpi. */
  function grid(): Grey {
    const width = 1200, height = 900, data = new Uint8Array(width * height).fill(255);
    for (const y of [100, 200, 300, 400, 500, 600, 700]) data.fill(0, y * width + 100, y * width + 1101);
    for (const x of [100, 350, 600, 850, 1100]) for (let y = 100; y <= 700; y++) data[y * width + x] = 0;
    return { width, height, data };
  }

  it('measures a page turned by a fraction of a degree, and levels it', () => {
    for (const angle of [0.45, -0.8, 1.5]) {
      const turned = deskew(grid(), -angle, 1);
      const found = skewAngle(binarize(turned, 128), turned.width, turned.height);
      expect(Math.abs(found - angle), `turned ${angle}°, found ${found}°`).toBeLessThanOrEqual(0.05);
    }
  });

  it('finds the ruling lines of a levelled page: 7 rows of rules, 5 columns', () => {
    const page = deskew(deskew(grid(), -0.6, 1), 0.6, 1);
    const rules = findRuling(binarize(page, 128), page.width, page.height, 200);
    const ys = rules.h.map((r) => r.y).sort((a, b) => a - b);
    expect(ys).toHaveLength(7);
    ys.forEach((y, i) => expect(Math.abs(y - (100 + 100 * i))).toBeLessThanOrEqual(2));
    const xs = rules.v.map((r) => r.x).sort((a, b) => a - b);
    expect(xs).toHaveLength(5);
    xs.forEach((x, i) => expect(Math.abs(x - [100, 350, 600, 850, 1100][i])).toBeLessThanOrEqual(2));
  });

  it('turns a page by quarter turns clockwise: the top-left corner goes to the top-right, then the bottom-right', () => {
    // 3 × 2 pixels: 1 2 3 / 4 5 6
    const page: Grey = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const once = turnQuarters(page, 1, 1);
    expect([once.width, once.height]).toEqual([2, 3]);
    expect(Array.from(once.data)).toEqual([4, 1, 5, 2, 6, 3]);
    expect(Array.from(turnQuarters(page, 2, 1).data)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(Array.from(turnQuarters(page, 3, 1).data)).toEqual([3, 6, 2, 5, 1, 4]);
    expect(turnQuarters(turnQuarters(page, 1, 1), 3, 1)).toEqual(page);
  });
});
