// Recognition by meaning, kept honest (issue 12): tests/unseen-labels.json lists header
// and row wordings real forms use that no file under rules/ may contain. (a) none of them
// appears under rules/; (b) every real-forms fixture (a catalogue entry named real-… with
// a hand-written expectation), re-typed with those wordings in place of the ones it
// prints, is still read to the same funds, indicator values and total, with the same
// errors and warnings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processBytes } from '../src/pipeline.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { buildDocx } from '../scripts/fixtures/builder.js';
import type { CellSpec, DocSpec, RowSpec } from '../scripts/fixtures/model.js';
import { describeFinding, matchFindings, ROOT, type ExpectedFixture } from './helpers/expected.js';
import { realForms } from './helpers/real-forms.js';

interface Unseen {
  wording: string;
  concept: string;
  replaces: string[];
  source?: string;
}

const UNSEEN: Unseen[] = JSON.parse(readFileSync(join(ROOT, 'tests', 'unseen-labels.json'), 'utf8'));

/** What a printed cell is compared by: no whitespace or line breaks, half-width forms. */
const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

// ---- (a) the wordings are unseen ------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

describe('tests/unseen-labels.json', () => {
  it('lists well-formed wordings, each with the concept it replaces and the wordings it may replace', () => {
    expect(UNSEEN.length).toBeGreaterThanOrEqual(12);
    for (const u of UNSEEN) {
      expect(u.wording, JSON.stringify(u)).toMatch(/\S/);
      expect(u.concept, u.wording).toMatch(/^(fund|indicators|goals|total)\.[A-Za-z.]+$/);
      expect(u.replaces.length, u.wording).toBeGreaterThan(0);
      // A wording replacing itself would re-type nothing.
      expect(u.replaces.map(fold), u.wording).not.toContain(fold(u.wording));
    }
    const issueWordings = ['全年实际支出数', '执行金额', '预算安排数', '资金到位数', '年度资金合计', '完成值（B）', '指标分值'];
    expect(UNSEEN.map((u) => u.wording)).toEqual(expect.arrayContaining(issueWordings));
  });

  it('no wording appears in any file under rules/ (as written, or without spaces in half-width forms)', () => {
    const files = filesUnder(join(ROOT, 'rules'));
    expect(files.length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const folded = fold(text);
      const lines = text.split('\n');
      for (const u of UNSEEN) {
        if (!text.includes(u.wording) && !folded.includes(fold(u.wording))) continue;
        const at = lines.flatMap((l, i) => (l.includes(u.wording) || fold(l).includes(fold(u.wording)) ? [i] : []));
        if (at.length === 0) hits.push(`${u.wording} — ${relative(ROOT, file)} (across a line break)`);
        for (const i of at) hits.push(`${u.wording} — ${relative(ROOT, file)}:${i + 1}: ${lines[i].trim()}`);
      }
    }
    expect(hits, `unseen wordings found under rules/:\n${hits.join('\n')}`).toEqual([]);
  });
});

// ---- (b) re-typed real forms still read -------------------------------------------------


// Where a wording may stand: a fund wording above the first indicator header row (a row
// holding 一级指标 / 二级指标 / 三级指标), an indicator wording from it on — so 指标分值
// re-types the indicator block's 分值 and never the fund block's.
const INDICATOR_HEADER = new Set(['一级指标', '二级指标', '三级指标']);
const scopeOf = (concept: string): 'fund' | 'indicators' | 'any' =>
  concept.startsWith('fund.') ? 'fund' : concept.startsWith('indicators.') ? 'indicators' : 'any';

interface Retyped {
  spec: DocSpec;
  /** printed → wording, one entry per re-typed cell. */
  changes: { from: string; to: string }[];
}

/**
 * Replaces every cell whose text (folded) equals one of a wording's `replaces` with that
 * wording. Where several wordings could replace a cell, the one used least so far (over
 * all fixtures, in name order) takes it, so every wording gets its turn.
 */
function retype(spec: DocSpec, uses: Map<string, number>): Retyped {
  const changes: Retyped['changes'] = [];
  let inIndicators = false;
  const blocks = spec.blocks.map((block) => {
    if (block.type !== 'table') return block;
    const rows = block.rows.map((row): RowSpec => {
      if (row.some((c) => INDICATOR_HEADER.has(fold(typeof c === 'string' ? c : c.text)))) inIndicators = true;
      return row.map((raw) => {
        const c: CellSpec = typeof raw === 'string' ? { text: raw } : raw;
        if (c.vm === 'continue' || !c.text.trim()) return raw;
        const text = fold(c.text);
        const candidates = UNSEEN.filter((u) => {
          const scope = scopeOf(u.concept);
          const inScope = scope === 'any' || (scope === 'indicators') === inIndicators;
          return inScope && u.replaces.some((r) => fold(r) === text);
        });
        if (candidates.length === 0) return raw;
        const pick = candidates.reduce((a, b) => ((uses.get(b.wording) ?? 0) < (uses.get(a.wording) ?? 0) ? b : a));
        uses.set(pick.wording, (uses.get(pick.wording) ?? 0) + 1);
        changes.push({ from: c.text, to: pick.wording });
        return { ...c, text: pick.wording };
      });
    });
    return { ...block, rows };
  });
  return { spec: { ...spec, blocks }, changes };
}

/** The parts of an expected record re-typing must not change: funds, total and each
 *  indicator's weight, score, target and actual. */
function valuesOf(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (record.funds !== undefined) out.funds = record.funds;
  if (record.total !== undefined) out.total = record.total;
  if (Array.isArray(record.indicators)) {
    out.indicators = (record.indicators as Record<string, unknown>[]).map((ind) =>
      Object.fromEntries(Object.entries(ind).filter(([k]) => ['weight', 'score', 'target', 'actual'].includes(k))),
    );
  }
  return out;
}

const REAL = realForms();
const USES = new Map<string, number>();
const RETYPED = REAL.map(({ spec, exp }) => ({ exp, ...retype(spec, USES) }));

describe('real-forms fixtures re-typed with unseen wordings', () => {
  let rules: RuleSet;
  let templates: TemplateSet;
  beforeAll(() => {
    rules = loadRuleSet([bundledRulesDir()]);
    templates = loadTemplates([bundledTemplatesDir()]);
  });

  it('has real-forms fixtures (catalogue entries real-… with an expectation) to re-type', () => {
    expect(REAL.map((r) => r.spec.name).length).toBeGreaterThan(0);
  });

  it('applies every wording of unseen-labels.json to at least one fixture', () => {
    const unused = UNSEEN.filter((u) => !USES.get(u.wording)).map((u) => `${u.wording} (${u.concept}: ${u.replaces.join(' / ')})`);
    expect(unused, `wordings no real-forms fixture prints a cell for:\n${unused.join('\n')}`).toEqual([]);
  });

  for (const { spec, exp, changes } of RETYPED) {
    if (changes.length === 0) {
      it.skip(`${spec.name}: no cell prints a wording unseen-labels.json replaces — nothing to re-type`, () => {});
      continue;
    }
    const what = changes.map((c) => `${c.from.replace(/\s+/g, '')}→${c.to}`).join(', ');
    it(`${spec.name} (${what}) reads the same funds, indicator values, total and findings`, async () => {
      const bytes = await buildDocx(spec);
      const { report, records } = await processBytes(bytes, { rules, templates, displayPath: `retyped/${spec.name}.docx` });
      expect(report.error, JSON.stringify(report.error)).toBeNull();
      expect(records).toHaveLength(exp.forms.length);
      exp.forms.forEach((form, i) => {
        if (form.record) expect(records[i], `form ${i}`).toMatchObject(valuesOf(form.record));
      });
      const { missing, unexpected } = matchFindings(report.findings, exp.findings);
      const detail = `missing:\n${missing.map(describeFinding).join('\n')}\nunexpected:\n${unexpected.map(describeFinding).join('\n')}`;
      expect(missing.length + unexpected.length, detail).toBe(0);
    });
  }
});
