// Issue 7: the whole bad corpus (fixtures/bad/, built by scripts/gen-bad-fixtures.ts)
// runs in one batch next to a good form — every bad file is reported with its
// expected failure code and Chinese message (tests/bad/expected.json) or its expected
// findings, the good file is checked, no crash, no hang, exit status 1.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { megabyteText, PAYLOADS } from '../scripts/bad/forms.js';
import { BAD, requireBuiltCli, readJson, runCli, SEED, type CliRun } from './bad/cli.js';

interface Failure {
  code: string;
  message: string[];
}
interface Expected {
  code?: string;
  message?: string[];
  alsoAccepted?: Failure[];
  status?: string;
  form?: string;
  findings?: { severity: string; fields: string[]; quote?: string }[];
}

const expected = readJson<{ files: Record<string, Expected> }>(join(import.meta.dirname, 'bad', 'expected.json')).files;

/** A hang shows up as a `timeout` entry: no file may need more than this (seconds). */
const TIMEOUT_S = '45';

let out: string;
let run: CliRun;
const report = (rel: string) => readJson(join(out, 'reports', rel + '.json'));
const record = (rel: string) => readJson(join(out, 'records', rel + '.json'));

beforeAll(async () => {
  requireBuiltCli();
  out = mkdtempSync(join(tmpdir(), 'jx-bad-'));
  run = await runCli(['check', BAD, SEED, '--out', out, '--timeout', TIMEOUT_S, '--quiet']);
}, 600_000);

describe('the bad corpus in one batch', () => {
  it('finishes without a crash, exit status 1', () => {
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/内部错误|Error:|at .*\.js:\d+/);
    expect(run.code).toBe(1);
  });

  it('lists every file of fixtures/bad/ in expected.json, and nothing else', () => {
    expect(readdirSync(BAD).sort()).toEqual(Object.keys(expected).sort());
  });

  it('writes one report per input and a summary counting them all', () => {
    const summary = readJson(join(out, 'summary.json'));
    expect(summary.totals.files).toBe(Object.keys(expected).length + 1);
    const paths = summary.inputs.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual([...Object.keys(expected).map((n) => `bad/${n}`), 'docx/seed-yuelu-2022.docx'].sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: ${want.code ?? want.status}`, () => {
      const r = report(`bad/${name}`);
      if (want.code) {
        expect(r.status).toBe('failed');
        expect(r.form).toBeNull();
        const accepted: Failure[] = [{ code: want.code, message: want.message ?? [] }, ...(want.alsoAccepted ?? [])];
        const match = accepted.find((a) => a.code === r.error.code);
        expect(match, `${name} failed with ${r.error.code}: ${r.error.message}`).toBeDefined();
        for (const fragment of match!.message) expect(r.error.message).toContain(fragment);
        // A timeout is only ever acceptable where listed: anything else would be a hang.
        return;
      }
      // A file read where the machine can (a scan, by OCR) may fail where it cannot, as listed.
      const failedAsListed = r.error && want.alsoAccepted?.find((a) => a.code === r.error.code);
      if (failedAsListed) {
        for (const fragment of failedAsListed.message) expect(r.error.message).toContain(fragment);
        return;
      }
      expect(r.error).toBeNull();
      expect(r.status).toBe(want.status);
      expect(r.form).toBe(want.form);
      const serious = r.findings.filter((f: { severity: string }) => f.severity !== 'info');
      expect(serious.map((f: { severity: string; fields: string[] }) => `${f.severity} ${f.fields[0]}`).sort()).toEqual(
        want.findings!.map((f) => `${f.severity} ${f.fields[0]}`).sort(),
      );
      for (const w of want.findings!) {
        const f = serious.find((g: { fields: string[] }) => g.fields[0] === w.fields[0]);
        if (w.quote) expect(f.message).toContain(w.quote);
      }
    });
  }

  it('the good file is checked as usual: the seed gives its five golden errors and four warnings', () => {
    const r = report('docx/seed-yuelu-2022.docx');
    expect(r.status).toBe('discrepancies');
    expect(r.form).toBe('dept-overall');
    const count = (s: string) => r.findings.filter((f: { severity: string }) => f.severity === s).length;
    expect([count('error'), count('warning')]).toEqual([5, 4]);
  });
});

describe('what the readable bad files hold', () => {
  it('"-0" reads as 0 and the not-a-number cells stay blank in the record', () => {
    const rec = record('bad/hostile-numbers.docx');
    expect(rec.funds.sources.other.actual).toBe('0');
    expect(rec.funds.sources.other.budget).toBeNull();
    expect(rec.funds.uses.project.budget).toBeNull();
    // Their raw text is kept where they were read.
    expect(rec.provenance['funds.uses.project.budget'].raw).toBe('1e309');
    expect(rec.provenance['funds.sources.other.budget'].raw).toBe('１,２３');
  });

  it('a 1 MB cell is read whole into the record', () => {
    const rec = record('bad/huge-cell.docx');
    expect(rec.goals[0].result).toBe(megabyteText());
  });

  it('HTML, script and formula payloads are kept as text and never run', () => {
    const rec = record('bad/payload-text.docx');
    expect(rec.entity).toBe(PAYLOADS.formulaCmd);
    expect(rec.goals[0]).toMatchObject({ target: PAYLOADS.script, result: PAYLOADS.formulaSum });
    expect(rec.indicators.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining([PAYLOADS.formulaAt, PAYLOADS.script, PAYLOADS.formulaMinus]));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain(PAYLOADS.script);
    expect(html).not.toContain('<iframe');
    // summary.csv: the entity cell starting with "+" is neutralized with a leading apostrophe.
    const row = readFileSync(join(out, 'summary.csv'), 'utf8').split(/\r?\n/).find((l) => l.includes('payload-text.docx'))!;
    expect(row).toContain(`'${PAYLOADS.formulaCmd}`);
    expect(row).not.toMatch(/(^|,)"?\+cmd/);
  });
});

describe('files that are not forms', () => {
  it('a cover letter next to a clean form does not change the exit status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-nonforms-'));
    const r = await runCli(['check', join(BAD, 'cover-letter.txt'), join(BAD, '..', 'docx', 'project-national-clean.docx'), '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    const summary = readJson(join(dir, 'summary.json'));
    expect(summary.inputs.map((i: { failure: { code: string } | null }) => i.failure?.code ?? null).sort()).toEqual([null, 'unsupported-format'].sort());
  }, 300_000);

  // Issue 14: a workbook is a format jxaudit reads; one that holds no form fails like a .docx would (exit 1).
  it('a workbook holding no form is unrecognized-form and counts as a failed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-nonforms-'));
    const r = await runCli(['check', join(BAD, 'budget.xlsx'), join(BAD, '..', 'docx', 'project-national-clean.docx'), '--out', dir, '--quiet']);
    expect(r.code).toBe(1);
    const summary = readJson(join(dir, 'summary.json'));
    expect(summary.inputs.map((i: { failure: { code: string } | null }) => i.failure?.code ?? null).sort()).toEqual([null, 'unrecognized-form'].sort());
  }, 300_000);
});
