// Mutation test (issue 7): the checks leave no blind spot on money. For every clean
// fixture (tests/expected/<name>.json with no error, warning or failure; DOCX), every
// money cell the record read as a number (funds.*.*.initial/budget/actual) gets ONE
// digit of its raw text changed in the document model — never its last digit, so no
// rounding tolerance can absorb it — at every grid position of its merged cell; the
// document is recognized and checked again, and some `error` finding must name that
// field. The unchanged fixture must stay clean.
//
// Which digit, two runs: the first (most significant) digit, and the digit just before
// the last — the smallest change that is not in the last digit. Either is raised by
// one (9 → 8), so the value moves by at least 10 units of its last printed digit, far
// beyond ± half a unit per operand, even when every operand of a sum is a whole
// number (± 0.5 each: a sum of n operands tolerates n × 0.5, under 10 for any form's
// handful of lines). A leading digit never becomes 0 (1 → 2, 9 → 8).
// A one-digit value ("0", "5") has no digit but its last: it changes by 5 (d < 5 →
// d + 5, else d − 5) — a whole number of 万元 or 元, against ± 0.5 per operand in an
// all-whole-number sum; zero itself is exact.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import type { DocCell, DocModel } from '../src/model/document.js';
import { RECORD_SCHEMA_ID, type FormRecord } from '../src/model/record.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { readDocument } from '../src/read/index.js';
import { loadTemplates, recognizeForms, type RecognizedForm } from '../src/recognize/index.js';

const ROOT = join(import.meta.dirname, '..');
const MAX_BYTES = 50 * 1024 * 1024;
const MONEY = /^funds\.(sources|uses)\.[^.]+\.(initial|budget|actual)$/;

/**
 * Money fields no rule can cover ("<fixture file>#<path>"), with the reason. Every other
 * money field read as a number takes part in a sum (checks 1–3) or a rate (check 4), so
 * a changed digit always shows.
 */
const NOT_COVERABLE: Record<string, string> = {
  'docx/hunan-textcell-clean.docx#funds.sources.total.initial':
    'Hunan text-cell layout: only the 年度资金总额 line prints 年初预算数 (the text-cell lines carry 全年执行数 alone), so no sum or rate holds it',
  // A breakdown's lines (under 当年财政拨款) are in no sum of rules.md's checks 1–3: the
  // info rule funds.sources-breakdown-sum holds them (an info, not an error), and their
  // 年初预算数 has no rate. Their 全年预算数 and 全年执行数 are held by the rate (check 4).
  'docx/project-nested-breakdown.docx#funds.sources.extra1.initial': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up',
  'docx/project-nested-breakdown.docx#funds.sources.extra2.initial': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up',
  // The same under a parent label merged down beside its 小计 row (财政拨款 over 小计 / 一般公共预算 /
  // 政府性基金, 其中：财政拨款 over 小计 / 中央 / 省级): 一般公共预算's 2250.00 | 2195.10 moved by 0.10
  // moves its rate by less than half a unit of 97.56%, so only the info rule sees it.
  'docx/dept-subtotal-parents.docx#funds.sources.generalBudget.budget': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up; its rate does not show a 0.10 change',
  'docx/dept-subtotal-parents.docx#funds.sources.generalBudget.actual': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up; its rate does not show a 0.10 change',
  'docx/project-fiscal-subtotal.docx#funds.sources.extra1.initial': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up',
  'docx/project-fiscal-subtotal.docx#funds.sources.extra2.initial': 'a breakdown line: only the info rule funds.sources-breakdown-sum adds it up',
  // Breakdowns of uses lines other than 基本支出 (whose 其中 rows check 2 adds up): the lone
  // 其中：“三公”经费 under 公用支出 is one part, in no sum; 项目支出's economic breakdown only
  // the info rule funds.uses-breakdown-sum adds up. The dept layout prints no rate on them.
  'docx/dept-uses-sub-rows.docx#funds.uses.extra2.budget': 'a lone 其中 line under 公用支出: a part, in no sum',
  'docx/dept-uses-sub-rows.docx#funds.uses.extra2.actual': 'a lone 其中 line under 公用支出: a part, in no sum',
  'docx/dept-uses-sub-rows.docx#funds.uses.extra3.budget': 'a breakdown line under 项目支出: only the info rule funds.uses-breakdown-sum adds it up',
  'docx/dept-uses-sub-rows.docx#funds.uses.extra3.actual': 'a breakdown line under 项目支出: only the info rule funds.uses-breakdown-sum adds it up',
  'docx/dept-uses-sub-rows.docx#funds.uses.extra4.budget': 'a breakdown line under 项目支出: only the info rule funds.uses-breakdown-sum adds it up',
  'docx/dept-uses-sub-rows.docx#funds.uses.extra4.actual': 'a breakdown line under 项目支出: only the info rule funds.uses-breakdown-sum adds it up',
};

const rules = loadRuleSet([bundledRulesDir()]);
const templates = loadTemplates([bundledTemplatesDir()]);

interface Expected {
  file: string;
  failure: unknown;
  findings?: { severity: string }[];
}

/** The clean DOCX fixtures, from their hand-written expectations. */
function cleanFixtures(): string[] {
  const dir = join(ROOT, 'tests', 'expected');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Expected)
    .filter((e) => e.file.startsWith('docx/') && !e.failure && !(e.findings ?? []).some((f) => f.severity === 'error' || f.severity === 'warning'))
    .map((e) => e.file);
}

/** A recognized form as the pipeline turns it into a record. */
function asRecord(form: RecognizedForm, file: string, formIndex: number, doc: DocModel): FormRecord {
  const { schema: _s, source: _src, ...rest } = form as unknown as FormRecord;
  return {
    schema: RECORD_SCHEMA_ID,
    source: { name: file, path: file, sha256: '0'.repeat(64), format: doc.format, bytes: 0, pages: doc.pages, formIndex },
    ...rest,
  } as FormRecord;
}

function checkAll(doc: DocModel, file: string) {
  const forms = recognizeForms(doc, templates);
  return forms.map((form, i) => {
    const record = asRecord(form, file, i, doc);
    return { record, findings: checkRecord(record, rules) };
  });
}

const HALF = '0123456789';
const FULL = '０１２３４５６７８９';

/** Index of every digit (half- or full-width) in a raw cell text. */
function digitPositions(raw: string): number[] {
  return [...raw].flatMap((ch, i) => (HALF.includes(ch) || FULL.includes(ch) ? [i] : []));
}

type Which = 'first' | 'before-last';

/** The raw text with one digit changed as the header explains; null when there is no digit. */
function mutateDigit(raw: string, which: Which = 'first'): string | null {
  const chars = [...raw];
  const digits = digitPositions(raw);
  if (digits.length === 0) return null;
  const at = which === 'first' || digits.length === 1 ? digits[0] : digits[digits.length - 2];
  const full = FULL.includes(chars[at]);
  const d = (full ? FULL : HALF).indexOf(chars[at]);
  const next = digits.length === 1 ? (d < 5 ? d + 5 : d - 5) : d === 9 ? 8 : d + 1;
  // (A before-last digit raised from 9 to 8 still moves by 10 units of the last digit.)
  chars[at] = (full ? FULL : HALF)[next];
  return chars.join('');
}

/** A copy of the document with the merged cell at (table,row,col) holding `text` at every position it covers. */
function withCellText(doc: DocModel, table: number, row: number, col: number, text: string): DocModel {
  const copy = structuredClone(doc);
  const grid = copy.tables.find((t) => t.index === table)!.rows;
  const target = grid[row][col];
  const { row: or, col: oc } = target.origin;
  const changed: DocCell = { ...target, text, paragraphs: text.split('\n') };
  let positions = 0;
  grid.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell.origin.row === or && cell.origin.col === oc) {
        cells[c] = changed;
        positions++;
      }
    }),
  );
  expect(positions).toBeGreaterThan(0);
  // structuredClone keeps blocks and tables sharing their table objects; re-point anyway, so a
  // reader that ever gave them apart still sees the change in both.
  copy.blocks = copy.blocks.map((b) => (b.kind === 'table' ? copy.tables.find((t) => t.index === b.index)! : b));
  return copy;
}

describe('mutation: one changed digit in any money cell is always an error on that field', () => {
  const files = cleanFixtures();

  it('finds the clean fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(file, async () => {
      for (const which of ['first', 'before-last'] as const) await mutateFixture(file, which);
    }, 300_000);
  }
});

async function mutateFixture(file: string, which: Which): Promise<void> {
  {
    {
      const doc = await readDocument(readFileSync(join(ROOT, 'fixtures', file)), { maxBytes: MAX_BYTES });
      const original = checkAll(doc, file);
      // The unchanged fixture stays clean.
      for (const { findings } of original) {
        expect(findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
      }

      const blind: string[] = [];
      let mutated = 0;
      original.forEach(({ record }, formIndex) => {
        for (const [path, where] of Object.entries(record.provenance)) {
          if (!MONEY.test(path) || NOT_COVERABLE[`${file}#${path}`]) continue;
          const [, block, line, column] = path.split('.');
          const value = (record.funds as any)[block]?.[line]?.[column];
          if (typeof value !== 'string') continue; // blank or placeholder: nothing to change
          const raw = doc.tables.find((t) => t.index === where.table)!.rows[where.row][where.col].text;
          const changedRaw = mutateDigit(raw, which);
          expect(changedRaw, `${path} raw ${JSON.stringify(raw)}`).not.toBeNull();
          const after = checkAll(withCellText(doc, where.table, where.row, where.col, changedRaw!), file);
          expect(after).toHaveLength(original.length);
          const { record: changedRecord, findings } = after[formIndex];
          // The change reached the record (the cell really was read from there).
          expect((changedRecord.funds as any)[block][line][column]).not.toBe(value);
          mutated++;
          if (!findings.some((f) => f.severity === 'error' && f.fields.includes(path))) {
            blind.push(`${which} digit, form ${formIndex} ${path}: ${JSON.stringify(raw)} → ${JSON.stringify(changedRaw)} gave no error naming it`);
          }
        }
      });
      expect(mutated).toBeGreaterThan(0);
      expect(blind).toEqual([]);
    }
  }
}

describe('mutateDigit', () => {
  it('changes the first digit, never the last, and keeps full-width digits full-width', () => {
    expect(mutateDigit('1155.05　')).toBe('2155.05　');
    expect(mutateDigit('９８７．６５')).toBe('８８７．６５');
    expect(mutateDigit('1,286.40')).toBe('2,286.40');
    expect(mutateDigit('0.50')).toBe('1.50');
    expect(mutateDigit('1155.05　', 'before-last')).toBe('1155.15　');
    expect(mutateDigit('1029', 'before-last')).toBe('1039');
    expect(mutateDigit('98.90', 'before-last')).toBe('98.80');
  });
  it('moves a one-digit value by 5', () => {
    expect(mutateDigit('0')).toBe('5');
    expect(mutateDigit('5')).toBe('0');
    expect(mutateDigit('7')).toBe('2');
    expect(mutateDigit('7', 'before-last')).toBe('2');
  });
});
