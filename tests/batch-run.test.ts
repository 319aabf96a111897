// The batch runner in-process (no workers): outputs, exit status, determinism.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf, runBatch, UsageError } from '../src/batch/run.js';
import { SummarySchema } from '../src/model/report.js';
import { localTimeText } from '../src/report/summary.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'docx');
const SEED = join(FIXTURES, 'seed-yuelu-2022.docx');
const CLEAN = join(FIXTURES, 'dept-clean-rounding.docx');

/** Every file under dir → its bytes, keyed by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(relative(dir, path), readFileSync(path));
    }
  }
  return out;
}

let inbox: string;

beforeAll(() => {
  inbox = mkdtempSync(join(tmpdir(), 'jx-run-'));
  mkdirSync(join(inbox, '收件箱', '岳麓区'), { recursive: true });
  mkdirSync(join(inbox, '收件箱', '天心区'), { recursive: true });
  copyFileSync(SEED, join(inbox, '收件箱', '岳麓区', '表.docx'));
  copyFileSync(SEED, join(inbox, '收件箱', '天心区', '表.docx'));
  copyFileSync(CLEAN, join(inbox, '收件箱', '天心区', '干净.docx'));
  writeFileSync(join(inbox, '收件箱', '说明.txt'), '各位领导：现将自评表报送如下。');
  writeFileSync(join(inbox, '收件箱', '坏.docx'), 'PK\u0003\u0004 这不是一个完整的压缩包');
  writeFileSync(join(inbox, '收件箱', '岳麓区', '~$表.docx'), 'lock');
  writeFileSync(join(inbox, '收件箱', '.DS_Store'), 'x');
});

describe('runBatch', { timeout: 240_000 }, () => {
  it('writes every output, keeps folders apart, and exits 1 for a failed .docx', async () => {
    const out = join(inbox, 'out-a');
    const result = await runBatch({ inputs: [join(inbox, '收件箱')], outDir: out, inProcess: true, jobs: 2, year: 2022, now: () => new Date('2026-01-02T03:04:05Z') });
    expect(result.summary.inputs.map((i) => i.path)).toEqual(['坏.docx', '天心区/干净.docx', '天心区/表.docx', '岳麓区/表.docx', '说明.txt']);
    const byPath = new Map(result.summary.inputs.map((i) => [i.path, i]));
    expect(byPath.get('坏.docx')?.status).toBe('failed');
    expect(byPath.get('说明.txt')?.failure?.code).toBe('unsupported-format');
    expect(result.exitCode).toBe(1);
    expect(SummarySchema.parse(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).generatedAt).toBe(localTimeText(new Date('2026-01-02T03:04:05Z')));
    const files = [...tree(out).keys()].sort();
    expect(files).toEqual(expect.arrayContaining([
      'findings.csv', 'report.html', 'summary.csv', 'summary.json',
      'reports/坏.docx.json', 'reports/天心区/表.docx.json', 'reports/岳麓区/表.docx.json', 'reports/说明.txt.json', 'reports/天心区/干净.docx.json',
    ]));
    // no scratch; the one hidden file is the list of what this run wrote (report/staging.ts)
    expect(files.filter((f) => f.includes('.tmp-') || f.startsWith('.'))).toEqual(['.jxaudit-manifest.json']);
    // report.html and findings.csv hold every file's section, in input order
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const positions = ['坏.docx', '天心区/干净.docx', '天心区/表.docx', '岳麓区/表.docx', '说明.txt'].map((p) => html.indexOf(p, html.indexOf('</table>')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // the same content in two folders is a batch observation, never in a per-file report
    expect(result.summary.batch).toContainEqual(expect.objectContaining({ kind: 'duplicate-content', paths: ['天心区/表.docx', '岳麓区/表.docx'] }));
    expect(readFileSync(join(out, 'reports', '岳麓区', '表.docx.json'), 'utf8')).not.toContain('duplicate');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').startsWith('\uFEFF文件,表号,')).toBe(true);
  });

  it('gives the seed status discrepancies with its records written', async () => {
    const out = join(inbox, 'out-seed');
    const result = await runBatch({ inputs: [join(inbox, '收件箱', '岳麓区', '表.docx')], outDir: out, inProcess: true, jobs: 1 });
    expect(result.summary.inputs).toEqual([expect.objectContaining({ path: '表.docx', status: 'discrepancies', form: 'dept-overall', year: 2022 })]);
    expect(result.exitCode).toBe(1);
    const record = JSON.parse(readFileSync(join(out, 'records', '表.docx.json'), 'utf8'));
    expect(record.source.path).toBe('表.docx');
    const csv = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(csv).toContain('narrative.facts.spending.basic; funds.uses.basic.actual');
  });

  it('writes byte-identical records and reports on a second run', async () => {
    const a = join(inbox, 'det-a');
    const b = join(inbox, 'det-b');
    await runBatch({ inputs: [join(inbox, '收件箱')], outDir: a, inProcess: true, jobs: 2 });
    await runBatch({ inputs: [join(inbox, '收件箱')], outDir: b, inProcess: true, jobs: 1 });
    const pick = (m: Map<string, Buffer>) => new Map([...m].filter(([k]) => k.startsWith('records') || k.startsWith('reports')));
    const ta = pick(tree(a));
    const tb = pick(tree(b));
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [k, v] of ta) expect(v.equals(tb.get(k)!), k).toBe(true);
    expect(ta.size).toBeGreaterThanOrEqual(5);
  });

  it('clears what a killed run left (temporaries, scratch) and never lists it as output', async () => {
    const out = join(inbox, 'out-stale');
    mkdirSync(join(out, 'reports', '天心区'), { recursive: true });
    writeFileSync(join(out, 'reports', '天心区', '干净.docx.json.tmp-99999-1'), '{"schema": "jxaudit/rep');
    writeFileSync(join(out, '.jxaudit-sections-99999'), '<section>半截');
    // a killed run's staging folder, never switched in (no commit mark)
    mkdirSync(join(out, '.jxaudit-run-99999', 'reports'), { recursive: true });
    writeFileSync(join(out, '.jxaudit-run-99999', 'reports', '半截.docx.json'), '{}');
    const result = await runBatch({ inputs: [join(inbox, '收件箱', '天心区', '干净.docx')], outDir: out, inProcess: true });
    expect([...tree(out).keys()].sort()).toEqual(['.jxaudit-manifest.json', 'findings.csv', 'records/干净.docx.json', 'report.html', 'reports/干净.docx.json', 'summary.csv', 'summary.json']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('半截');
    expect(result.summary.totals.files).toBe(1);
  });

  it('finishes a switch a run was stopped in (records/ already moved in whole, reports/ not), then writes over it', async () => {
    const out = join(inbox, 'out-half-switched');
    const staging = join(out, '.jxaudit-run-99998');
    // the stopped run's commit mark lists its files; its records/ folder went in with one rename
    mkdirSync(join(out, 'records'), { recursive: true });
    writeFileSync(join(out, 'records', '旧.docx.json'), '{"schema": "jxaudit/record@1"}');
    mkdirSync(join(staging, 'reports'), { recursive: true });
    writeFileSync(join(staging, 'reports', '旧.docx.json'), '{"schema": "jxaudit/report@1"}');
    writeFileSync(join(staging, '.jxaudit-commit.json'), JSON.stringify({ schema: 'jxaudit/outputs@1', files: ['records/旧.docx.json', 'reports/旧.docx.json'] }));
    // a user's own file, in a folder the stopped run never had
    mkdirSync(join(out, '说明'), { recursive: true });
    writeFileSync(join(out, '说明', '备注.txt'), '用户自己的文件');
    await runBatch({ inputs: [join(inbox, '收件箱', '天心区', '干净.docx')], outDir: out, inProcess: true });
    // the stopped run was finished (its files became the previous manifest), then replaced by this run's
    expect([...tree(out).keys()].sort()).toEqual(['.jxaudit-manifest.json', 'findings.csv', 'records/干净.docx.json', 'report.html', 'reports/干净.docx.json', 'summary.csv', 'summary.json', '说明/备注.txt']);
  });

  it('exits 0 when the only failure is a non-form file not named .docx/.pdf', async () => {
    const out = join(inbox, 'out-clean');
    const result = await runBatch({ inputs: [join(inbox, '收件箱', '说明.txt'), join(inbox, '收件箱', '天心区', '干净.docx')], outDir: out, inProcess: true });
    expect(result.summary.inputs.map((i) => [i.path, i.status])).toEqual([['天心区/干净.docx', 'ok'], ['说明.txt', 'failed']]);
    expect(result.exitCode).toBe(0);
  });

  it('reports a literal missing path as not-found and exits 1', async () => {
    const result = await runBatch({ inputs: [join(inbox, '收件箱', '没有.docx')], outDir: join(inbox, 'out-missing'), inProcess: true });
    expect(result.summary.inputs).toEqual([expect.objectContaining({ path: '没有.docx', status: 'failed', failure: expect.objectContaining({ code: 'not-found' }) })]);
    expect(result.exitCode).toBe(1);
  });

  it('refuses folders and globs that yield no file at all, and an empty input list', async () => {
    mkdirSync(join(inbox, '空'), { recursive: true });
    await expect(runBatch({ inputs: [join(inbox, '空')], outDir: join(inbox, 'o'), inProcess: true })).rejects.toBeInstanceOf(UsageError);
    await expect(runBatch({ inputs: [], outDir: join(inbox, 'o'), inProcess: true })).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses an empty path (an unset shell variable) instead of checking the whole current folder', async () => {
    const run = runBatch({ inputs: [''], outDir: join(inbox, 'o-empty'), inProcess: true, cwd: join(inbox, '收件箱') });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/路径是空的/);
    expect(existsSync(join(inbox, 'o-empty'))).toBe(false);
  });
});

describe('exitCodeOf', () => {
  const row = (path: string, status: 'ok' | 'discrepancies' | 'failed', errors: number, code?: string) =>
    ({ path, status, errors, failure: code ? { code, message: '' } : null }) as Parameters<typeof exitCodeOf>[0][number];
  it('follows report.md', () => {
    expect(exitCodeOf([row('a.docx', 'ok', 0)])).toBe(0);
    expect(exitCodeOf([row('a.docx', 'discrepancies', 0)])).toBe(0); // warnings only
    expect(exitCodeOf([row('a.docx', 'discrepancies', 1)])).toBe(1);
    expect(exitCodeOf([row('a.xlsx', 'failed', 0, 'unsupported-format')])).toBe(1); // a workbook is read now (issue 14): failing one counts
    expect(exitCodeOf([row('a.DOCX', 'failed', 0, 'unsupported-format')])).toBe(1);
    expect(exitCodeOf([row('a.pdf', 'failed', 0, 'no-text-layer')])).toBe(1);
    expect(exitCodeOf([row('a.txt', 'failed', 0, 'not-found')])).toBe(1);
    expect(exitCodeOf([row('x.txt', 'failed', 0, 'unrecognized-form')])).toBe(1); // a DOCX by content that is no form
  });
});
