// Templates shrink to what only a layout knows (issue 12, "Measure it"): every real-forms
// fixture (a catalogue entry named real-… with a hand-written expectation) is read twice —
// with the bundled templates, and with the base lexicon alone (rules/templates/base.yaml
// plus one bare template per form kind: id, extends, kind, title and nothing else) — and
// the share of fund cells and indicators read right is printed for both. With the base
// lexicon alone it must be at least 90%.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import type { FormRecord } from '../src/model/record.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processBytes } from '../src/pipeline.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { buildDocx } from '../scripts/fixtures/builder.js';
import { type ExpectedFixture } from './helpers/expected.js';
import { realForms } from './helpers/real-forms.js';

const THRESHOLD = 0.9;


/** toMatchObject's rule: every key the expectation gives is equal (arrays: same length). */
function matches(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length && want.every((w, i) => matches(got[i], w));
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return false;
    return Object.entries(want).every(([k, w]) => matches((got as Record<string, unknown>)[k], w));
  }
  return Object.is(got, want);
}

interface Score {
  fundRight: number;
  fundTotal: number;
  indRight: number;
  indTotal: number;
}

/** Fund cells: every expected funds.<group>.<line>.<column> value; indicators: every
 *  expected indicator, right when all its expected keys are (by position). */
function score(records: FormRecord[], exp: ExpectedFixture): Score {
  const s: Score = { fundRight: 0, fundTotal: 0, indRight: 0, indTotal: 0 };
  exp.forms.forEach((form, i) => {
    const want = form.record as { funds?: Record<string, Record<string, Record<string, unknown>>>; indicators?: unknown[] } | undefined;
    if (!want) return;
    const got = records[i] as unknown as { funds?: Record<string, Record<string, Record<string, unknown>>>; indicators?: unknown[] } | undefined;
    for (const [group, lines] of Object.entries(want.funds ?? {})) {
      for (const [line, cells] of Object.entries(lines ?? {})) {
        for (const [column, value] of Object.entries(cells ?? {})) {
          s.fundTotal++;
          if (matches(got?.funds?.[group]?.[line]?.[column], value)) s.fundRight++;
        }
      }
    }
    (want.indicators ?? []).forEach((ind, j) => {
      s.indTotal++;
      if (matches(got?.indicators?.[j], ind)) s.indRight++;
    });
  });
  return s;
}

/** A folder holding base.yaml and, per form kind, the bundled template that roots it
 *  (extends base, has a kind) cut down to id, extends, kind and title. */
function baseOnlyTemplates(): string {
  const bundled = bundledTemplatesDir();
  const dir = mkdtempSync(join(tmpdir(), 'jxaudit-base-lexicon-'));
  writeFileSync(join(dir, 'base.yaml'), readFileSync(join(bundled, 'base.yaml')));
  const kinds = new Set<string>();
  for (const name of readdirSync(bundled).filter((n) => /\.ya?ml$/.test(n) && n !== 'base.yaml')) {
    const t = parse(readFileSync(join(bundled, name), 'utf8')) as Record<string, unknown> | null;
    if (!t || typeof t.kind !== 'string' || t.extends !== 'base') continue;
    kinds.add(t.kind);
    const bare = { id: t.id, extends: t.extends, kind: t.kind, ...(t.title !== undefined ? { title: t.title } : {}) };
    writeFileSync(join(dir, name), stringify(bare));
  }
  if (!kinds.has('dept-overall') || !kinds.has('project')) {
    throw new Error(`bundled templates give no root template for every kind (found: ${[...kinds].join(', ') || 'none'})`);
  }
  return dir;
}

const REAL = realForms();

describe('base lexicon alone reads the real forms', () => {
  let rules: RuleSet;
  let bundled: TemplateSet;
  let baseOnly: TemplateSet;
  let baseDir: string | undefined;

  beforeAll(() => {
    rules = loadRuleSet([bundledRulesDir()]);
    bundled = loadTemplates([bundledTemplatesDir()]);
    baseDir = baseOnlyTemplates();
    baseOnly = loadTemplates([baseDir]);
  });
  afterAll(() => {
    if (baseDir) rmSync(baseDir, { recursive: true, force: true });
  });

  it('has real-forms fixtures (catalogue entries real-… with an expectation) to measure', () => {
    expect(REAL.length).toBeGreaterThan(0);
  });

  it(`reads ≥ ${THRESHOLD * 100}% of fund cells and indicators right with the base lexicon alone`, async () => {
    const rows: { fixture: string; bundled: Score; base: Score }[] = [];
    for (const { spec, exp } of REAL) {
      const bytes = await buildDocx(spec);
      const read = async (templates: TemplateSet) =>
        score((await processBytes(bytes, { rules, templates, displayPath: `docx/${spec.name}.docx` })).records, exp);
      rows.push({ fixture: spec.name, bundled: await read(bundled), base: await read(baseOnly) });
    }
    const sum = (pick: (r: (typeof rows)[number]) => Score): Score =>
      rows.map(pick).reduce(
        (a, b) => ({ fundRight: a.fundRight + b.fundRight, fundTotal: a.fundTotal + b.fundTotal, indRight: a.indRight + b.indRight, indTotal: a.indTotal + b.indTotal }),
        { fundRight: 0, fundTotal: 0, indRight: 0, indTotal: 0 },
      );
    const totals = { bundled: sum((r) => r.bundled), base: sum((r) => r.base) };
    const share = (s: Score) => (s.fundRight + s.indRight) / (s.fundTotal + s.indTotal);
    const cell = (s: Score) => `${s.fundRight}/${s.fundTotal}`.padStart(7) + '  ' + `${s.indRight}/${s.indTotal}`.padStart(7);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const width = Math.max(8, ...rows.map((r) => r.fixture.length));
    const lines = [
      `${'fixture'.padEnd(width)}  ${'bundled templates'.padEnd(16)}    ${'base lexicon alone'}`,
      `${''.padEnd(width)}  ${'funds'.padStart(7)}  ${'indic.'.padStart(7)}    ${'funds'.padStart(7)}  ${'indic.'.padStart(7)}`,
      ...rows.map((r) => `${r.fixture.padEnd(width)}  ${cell(r.bundled)}    ${cell(r.base)}`),
      `${'total'.padEnd(width)}  ${cell(totals.bundled)}    ${cell(totals.base)}`,
      `${'share'.padEnd(width)}  ${pct(share(totals.bundled)).padStart(16)}    ${pct(share(totals.base)).padStart(16)}`,
    ];
    console.log(`Real forms read right (fund cells, indicators):\n${lines.join('\n')}`);

    expect(totals.base.fundTotal + totals.base.indTotal, 'no expected fund cell or indicator to measure').toBeGreaterThan(0);
    expect(share(totals.base), `base lexicon alone reads ${pct(share(totals.base))}`).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
