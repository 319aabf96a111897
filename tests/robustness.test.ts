// Issue 7 guarantees that need a whole process: memory stays bounded (the bad corpus
// under a 256 MB heap, one worker), outputs are atomic (a batch killed with SIGKILL
// leaves no half-written JSON, and a rerun completes it), and a malformed rule file
// stops the run with exit 2 before any check — naming file, rule and line.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormFailure } from '../src/model/failure.js';
import { readDocument } from '../src/read/index.js';
import { BAD, CLI, filesUnder, readJson, requireBuiltCli, ROOT, runCli, SEED } from './bad/cli.js';

const expected = readJson<{ files: Record<string, { code?: string; alsoAccepted?: { code: string }[]; status?: string }> }>(
  join(import.meta.dirname, 'bad', 'expected.json'),
).files;

beforeAll(() => requireBuiltCli());

describe('memory stays bounded', () => {
  it('the whole bad corpus completes under node --max-old-space-size=256 with one worker', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jx-mem-'));
    const r = await runCli(['check', BAD, SEED, '--out', out, '--jobs', '1', '--timeout', '45', '--quiet'], ['--max-old-space-size=256']);
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(/heap out of memory|内部错误/);
    expect(r.code).toBe(1);
    // Every file still gets its expected outcome (no file failed for lack of memory).
    for (const [name, want] of Object.entries(expected)) {
      const report = readJson(join(out, 'reports', 'bad', `${name}.json`));
      if (want.code) expect([want.code, ...(want.alsoAccepted ?? []).map((a) => a.code)], name).toContain(report.error?.code);
      else expect(report.status, name).toBe(want.status);
    }
    expect(readJson(join(out, 'reports', 'docx', 'seed-yuelu-2022.docx.json')).status).toBe('discrepancies');
  }, 900_000);
});

describe('zip bombs are refused without being inflated', () => {
  // Each bomb's word/document.xml inflates to 2,147,483,861 bytes. Inflating either
  // one whole would raise this process's peak resident size by 2 GB; refusing it by
  // the declared size, or cutting it off at the declared size, costs next to nothing.
  it('by the declared size (too-large) and by the actual size past a lying header', async () => {
    const peakBefore = process.resourceUsage().maxRSS; // KB
    const outcomes: string[] = [];
    for (const name of ['zip-bomb-declared.docx', 'zip-bomb-lying.docx']) {
      const bytes = readFileSync(join(BAD, name));
      const failure = await readDocument(bytes, { maxBytes: 50 * 1024 * 1024 }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(failure, name).toBeInstanceOf(FormFailure);
      outcomes.push((failure as FormFailure).code);
    }
    expect(outcomes[0]).toBe('too-large');
    expect(['corrupt-file', 'too-large']).toContain(outcomes[1]);
    const grownMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;
    expect(grownMb).toBeLessThan(512);
  });
});

describe('outputs are atomic', () => {
  it('a batch killed mid-run leaves only whole JSON files, and a rerun completes it', async () => {
    // 62 inputs: every DOCX fixture twice, in two folders.
    const inbox = mkdtempSync(join(tmpdir(), 'jx-kill-in-'));
    const docx = readdirSync(join(ROOT, 'fixtures', 'docx')).filter((n) => n.endsWith('.docx'));
    for (const copy of ['a', 'b']) {
      mkdirSync(join(inbox, copy));
      for (const n of docx) copyFileSync(join(ROOT, 'fixtures', 'docx', n), join(inbox, copy, n));
    }
    const inputs = filesUnder(inbox);
    expect(inputs.length).toBeGreaterThanOrEqual(60);
    const out = mkdtempSync(join(tmpdir(), 'jx-kill-out-'));

    const child = spawn(process.execPath, [CLI, 'check', inbox, '--out', out, '--jobs', '2', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((ok) => child.on('exit', (_code, signal) => ok(signal)));
    // Kill it as soon as the first reports are in its staging folder (polling; no timing assumption).
    const staging = join(out, `.jxaudit-run-${child.pid}`);
    let reportsSeen = 0;
    while (child.exitCode === null && reportsSeen < 3) {
      await new Promise((ok) => setTimeout(ok, 20));
      reportsSeen = filesUnder(join(staging, 'reports')).filter((f) => f.endsWith('.json')).length;
    }
    child.kill('SIGKILL');
    const signal = await exited;
    expect(signal, 'the batch finished before it could be killed').toBe('SIGKILL');

    const left = filesUnder(out);
    const jsons = left.filter((f) => f.endsWith('.json'));
    expect(jsons.length).toBeGreaterThanOrEqual(3);
    expect(jsons.length).toBeLessThan(inputs.length * 2); // really stopped midway
    for (const f of jsons) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();
    // Nothing of the killed run was switched in: all it wrote is in its staging folder.
    expect(left.every((f) => f.startsWith(`.jxaudit-run-${child.pid}/`))).toBe(true);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);

    const rerun = await runCli(['check', inbox, '--out', out, '--jobs', '2', '--quiet']);
    expect(rerun.signal).toBeNull();
    expect([0, 1]).toContain(rerun.code);
    const reports = filesUnder(join(out, 'reports'));
    expect(reports).toEqual(inputs.map((f) => `${f}.json`).sort());
    for (const f of filesUnder(out).filter((n) => n.endsWith('.json'))) {
      expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();
    }
    // The killed run's temporaries and staging folder are gone.
    expect(filesUnder(out).filter((f) => /\.tmp-|\.jxaudit-run-/.test(f))).toEqual([]);
    expect(readJson(join(out, 'summary.json')).totals.files).toBe(inputs.length);
  }, 900_000);
});

describe('a malformed rule file stops the run before any check (exit 2)', () => {
  const GOOD = [
    '- id: local.total-score-required', // line 1
    '  title: 总分得分必填',
    '  severity: error',
    '  forms: [dept-overall]',
    '  kind: required',
    '  fields: [total.score]',
    '  explain: 总分得分不能空。',
    '',
  ].join('\n');

  const cases: { name: string; yaml: string; file: string; rule: string | null; line: number }[] = [
    // Line 9 holds "title: 标题: 出错" — a second mapping value where none may start. The
    // YAML does not parse, so no rule can be named: file and line only.
    { name: 'bad YAML', yaml: `${GOOD}- id: local.broken\n  title: 标题: 出错\n`, file: 'broken.yaml', rule: null, line: 9 },
    { name: 'unknown kind', yaml: `${GOOD}- id: local.summ\n  title: 求和\n  severity: error\n  forms: [dept-overall]\n  kind: summ\n  total: funds.sources.total\n  explain: 说明\n`, file: 'kinds.yaml', rule: 'local.summ', line: 12 },
    { name: 'unknown field path', yaml: GOOD.replace('fields: [total.score]', 'fields:\n    - total.score\n    - funds.sources.totl.budget'), file: 'paths.yaml', rule: 'local.total-score-required', line: 8 },
    { name: 'duplicate id', yaml: `${GOOD}${GOOD}`, file: 'dupes.yaml', rule: 'local.total-score-required', line: 8 },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const rules = mkdtempSync(join(tmpdir(), 'jx-rules-'));
      writeFileSync(join(rules, c.file), c.yaml);
      const out = join(mkdtempSync(join(tmpdir(), 'jx-rules-out-')), 'out');
      const r = await runCli(['check', SEED, '--rules', rules, '--out', out, '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(c.file);
      expect(r.stderr).toContain(`第 ${c.line} 行`);
      if (c.rule) expect(r.stderr).toContain(c.rule);
      // Nothing was checked: no report, no record, no summary.
      expect(filesUnder(out)).toEqual([]);
    }, 300_000);
  }
});
