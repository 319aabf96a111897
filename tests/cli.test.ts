// The compiled command line (`node dist/src/cli.js`, built by `npm test`'s tsc):
// exit statuses, parse, schema, rules, the time limit, atomic outputs after a kill.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, displayWidth } from '../src/cli.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const SEED = join(ROOT, 'fixtures', 'docx', 'seed-yuelu-2022.docx');
const CLEAN = join(ROOT, 'fixtures', 'docx', 'dept-clean-rounding.docx');
const MULTI = join(ROOT, 'fixtures', 'docx', 'multi-dept-3-projects.docx');

function jx(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/src/cli.js is missing: run `npm run build` (npm test does it)');
  work = mkdtempSync(join(tmpdir(), 'jx-cli-'));
});

describe('usage', { timeout: 240_000 }, () => {
  it('teaches in Chinese with examples on --help, exit 0', () => {
    const r = jx(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jxaudit check 收件箱/ --out 核查结果/ --year 2022');
    expect(r.stdout).toContain('选项：');
    const check = jx(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('--max-bytes');
  });

  it('aligns --help by display width (CJK takes two columns) and says it all in Chinese', () => {
    const help = buildProgram().helpInformation();
    expect(help).not.toMatch(/\[options\]|Usage|Options|Commands/);
    // each command's description starts in the same terminal column
    const commands = help.split('\n\n').find((block) => block.startsWith('命令：'))!.split('\n').slice(1).filter((l) => /^ {2}\S/.test(l));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    const columns = commands.map((l) => displayWidth(l.match(/^(.*?\S)\s{2,}\S/)![1]) + l.match(/^.*?\S(\s{2,})\S/)![1].length);
    expect(new Set(columns).size).toBe(1);
    expect(displayWidth('核查ab')).toBe(6);
    // the exit statuses are stated, a missing literal path (1) apart from an empty folder or glob (2)
    const r = jx(['--help']);
    expect(r.stdout).toMatch(/1 +.*路径不存在/);
    expect(r.stdout).toMatch(/2 +.*文件夹、通配符里一个文件也没有/);
  });

  it('exits 2 without input, on an unknown option, on a bad value', () => {
    expect(jx([]).code).toBe(2);
    const none = jx(['check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('缺少参数');
    const unknown = jx(['check', SEED, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项 --frobnicate');
    const jobs = jx(['check', SEED, '--jobs', 'abc', '--out', join(work, 'o-jobs')]);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs 需要 1 到 64 之间的整数，收到 "abc"');
    expect(existsSync(join(work, 'o-jobs'))).toBe(false);
  });

  it('exits 2 when folders and globs yield no file at all', () => {
    mkdirSync(join(work, '空文件夹'), { recursive: true });
    const r = jx(['check', join(work, '空文件夹'), `${work}/nothing/**/*.docx`, '--out', join(work, 'o-empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到任何文件');
  });

  it('exits 2 before any check for an invalid rule file, naming the file and line', () => {
    const rules = join(work, 'bad-rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'extra.yaml'), 'rules:\n  - id: extra.one\n    kind: [unclosed\n');
    const out = join(work, 'o-rules');
    const r = jx(['check', SEED, '--rules', rules, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('extra.yaml');
    expect(r.stderr).toMatch(/第 \d+ 行/);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
    expect(jx(['check', SEED, '--rules', join(work, 'no-such-dir'), '--out', out]).code).toBe(2);
  });
});

describe('check', { timeout: 240_000 }, () => {
  it('exits 1 for the seed (error findings) and 0 for a clean form plus a cover letter', () => {
    const seed = jx(['check', SEED, '--out', join(work, 'o-seed'), '--quiet']);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain('有差异');
    const summary = JSON.parse(readFileSync(join(work, 'o-seed', 'summary.json'), 'utf8'));
    expect(summary.inputs[0]).toMatchObject({ path: 'seed-yuelu-2022.docx', status: 'discrepancies' });

    const dir = join(work, 'clean-in');
    mkdirSync(dir, { recursive: true });
    copyFileSync(CLEAN, join(dir, '干净.docx'));
    writeFileSync(join(dir, '报送函.txt'), '现报送自评表。');
    const clean = jx(['check', dir, '--out', join(work, 'o-clean'), '--quiet']);
    expect(clean.stdout).toContain('通过 1');
    expect(clean.code).toBe(0);
  });

  it('writes one record per form of a multi-form file: <rel>.json, <rel>#2.json …', () => {
    const out = join(work, 'o-multi');
    jx(['check', MULTI, '--out', out, '--quiet']);
    const report = JSON.parse(readFileSync(join(out, 'reports', 'multi-dept-3-projects.docx.json'), 'utf8'));
    expect(report.forms.length).toBeGreaterThan(1);
    const records = readdirSync(join(out, 'records')).sort();
    const expected = report.forms.map((_: unknown, i: number) => (i === 0 ? 'multi-dept-3-projects.docx.json' : `multi-dept-3-projects.docx#${i + 1}.json`));
    expect(records).toEqual(expected.sort());
  });

  it('stops a file past --timeout by terminating its worker, reports `timeout`, and checks the rest', () => {
    const dir = join(work, 'hang-in');
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED, join(dir, 'a-卡住.docx'));
    copyFileSync(CLEAN, join(dir, 'b.docx'));
    const out = join(work, 'o-hang');
    // JXAUDIT_TEST_HANG makes the worker spin synchronously on matching files: only termination stops it.
    const r = jx(['check', dir, '--out', out, '--timeout', '5', '--jobs', '1', '--quiet'], { env: { JXAUDIT_TEST_HANG: '卡住' } });
    expect(r.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.inputs).toEqual([
      expect.objectContaining({ path: 'a-卡住.docx', status: 'failed', failure: expect.objectContaining({ code: 'timeout' }) }),
      expect.objectContaining({ path: 'b.docx', status: 'ok' }),
    ]);
    expect(summary.inputs[0].failure.message).toContain('5 秒');
  });

  it('refuses a file over --max-bytes as too-large', () => {
    const r = jx(['check', SEED, '--out', join(work, 'o-big'), '--max-bytes', '1kb', '--quiet']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(work, 'o-big', 'summary.json'), 'utf8'));
    expect(summary.inputs[0].failure.code).toBe('too-large');
  });

  it('leaves no half-written JSON when killed mid-batch, and a rerun completes', async () => {
    const dir = join(work, 'kill-in');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 6; i++) copyFileSync(CLEAN, join(dir, `f${i}.docx`));
    copyFileSync(SEED, join(dir, 'z-卡住.docx'));
    const out = join(work, 'o-kill');
    const child = spawn(process.execPath, [CLI, 'check', dir, '--out', out, '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, JXAUDIT_TEST_HANG: '卡住' },
      stdio: 'ignore',
    });
    // Wait until some reports are written into the run's staging folder (the hanging last file keeps the run alive), then kill hard.
    const staging = join(out, `.jxaudit-run-${child.pid}`);
    for (let i = 0; i < 600 && !(existsSync(join(staging, 'reports')) && readdirSync(join(staging, 'reports')).length >= 3); i++) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    // Nothing was switched in: --out holds no outputs of the killed run, only its staging folder.
    expect(readdirSync(join(staging, 'reports')).length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(out)).toEqual([`.jxaudit-run-${child.pid}`]);
    for (const name of readdirSync(join(staging, 'reports'))) {
      if (name.endsWith('.json')) expect(() => JSON.parse(readFileSync(join(staging, 'reports', name), 'utf8')), name).not.toThrow();
    }
    const rerun = jx(['check', dir, '--out', out, '--quiet']);
    expect(rerun.code).toBe(1); // z-卡住.docx is the seed: error findings
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.totals.files).toBe(7);
    expect(readdirSync(join(out, 'reports')).filter((n) => n.includes('.tmp-'))).toEqual([]);
    // no leftover staging or section folder; the manifest lists what this run wrote
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual(['.jxaudit-manifest.json']);
  });
});

describe('parse, schema, rules', { timeout: 240_000 }, () => {
  it('parse prints the record JSON and exits 0', () => {
    const r = jx(['parse', 'fixtures/docx/seed-yuelu-2022.docx']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ schema: 'jxaudit/record@1', form: 'dept-overall', year: 2022 });
    expect(record.source.path).toBe('fixtures/docx/seed-yuelu-2022.docx');
  });

  it('parse prints an array for a file with several forms', () => {
    const r = jx(['parse', MULTI]);
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });

  it('parse reads a legacy file through LibreOffice as check does, naming a WPS file as WPS', () => {
    // WPS saves .wps and .et in Microsoft's binary layouts: the bytes are a .doc and an .xls.
    const wps = join(work, '自评报告.wps');
    const et = join(work, '自评表.et');
    copyFileSync(join(ROOT, 'fixtures', 'office', 'seed-yuelu-2022.doc'), wps);
    copyFileSync(join(ROOT, 'fixtures', 'office', 'seed-yuelu-2022.xls'), et);
    for (const [file, from, format] of [[wps, 'wps', 'docx'], [et, 'et', 'xlsx']]) {
      const r = jx(['parse', file]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const record = JSON.parse(r.stdout);
      expect(record).toMatchObject({ form: 'dept-overall', year: 2022, source: { format, convertedFrom: from } });
      expect(record.funds.sources.total.budget).toBe('1028.49');
    }
  });

  it('parse exits 1 with a Chinese message when the file cannot be read', () => {
    const letter = join(work, '函.txt');
    writeFileSync(letter, '这是一封报送函。');
    const r = jx(['parse', letter]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unsupported-format');
    expect(r.stderr).toContain('请另存为 DOCX 或 PDF');
    expect(jx(['parse', join(work, '没有.docx')]).code).toBe(1);
    // a folder is told as a folder
    mkdirSync(join(work, '收件箱'), { recursive: true });
    const folder = jx(['parse', join(work, '收件箱')]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('是文件夹，不是文件');
    expect(folder.stderr).not.toContain('找不到文件');
  });

  it('check names a missing path as typed, a folder as a folder, and exits 1 (issue 16)', () => {
    const r = jx(['check', './没有/表.docx', './不在的收件箱/', '不在的', '--out', join(work, 'out-missing'), '--no-annotate'], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('找不到文件：./没有/表.docx');
    expect(r.stdout).toContain('找不到文件夹：./不在的收件箱/');
    expect(r.stdout).toContain('找不到文件或文件夹：不在的');
    expect(r.stdout).toContain('路径不存在（3 个）');
    // the report keeps the path relative to the inputs (report.md), the message the typed one
    const summary = JSON.parse(readFileSync(join(work, 'out-missing', 'summary.json'), 'utf8'));
    expect(summary.inputs.map((i: { failure: { message: string } }) => i.failure.message).sort()).toEqual(
      ['找不到文件夹：./不在的收件箱/', '找不到文件或文件夹：不在的', '找不到文件：./没有/表.docx'].sort(),
    );
  });

  it('schema prints the record JSON Schema', () => {
    const r = jx(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.type).toBe('object');
    expect(schema.properties.schema.const).toBe('jxaudit/record@1');
  });

  it('rules list names the rules; rules explain tells one; an unknown id exits 2', () => {
    const list = jx(['rules', 'list']);
    expect(list.code).toBe(0);
    const ids = list.stdout.trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    expect(ids.length).toBeGreaterThan(5);
    const explain = jx(['rules', 'explain', ids[0]]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain(ids[0]);
    expect(jx(['rules', 'explain', 'no.such-rule']).code).toBe(2);
  });
});
