// The send-back loop through the compiled command line (issue 17): check into an archive,
// the corrected form comes back and is compared, the project form a third time; the
// listing, show and a rebuild; two runs at once into one archive.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, SummarySchema, type FileReport, type Resubmission } from '../src/model/report.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const FIX = join(ROOT, 'fixtures', 'resubmit');
const DOCX = join(ROOT, 'fixtures', 'docx');
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'tests', 'resubmit', 'expected.json'), 'utf8'));

function jx(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jxAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => ok({ code, stderr }));
  });
}

const report = (out: string, name: string): FileReport => ReportSchema.parse(JSON.parse(readFileSync(join(out, 'reports', `${name}.json`), 'utf8')));
const keys = (list: Resubmission['resolved']) => list.map((f) => `${f.rule}|${f.fields[0]}`).sort();

function expectComparison(r: Resubmission | undefined, expected: { submission: number; resolved: string[]; persisting: string[]; new: string[]; changes: unknown[] }) {
  expect(r).toBeDefined();
  expect(r!.submission).toBe(expected.submission);
  expect(keys(r!.resolved)).toEqual([...expected.resolved].sort());
  expect(keys(r!.persisting)).toEqual([...expected.persisting].sort());
  expect(keys(r!.new)).toEqual([...expected.new].sort());
  expect(r!.changes.map((c) => [c.field, c.before, c.after])).toEqual(expected.changes);
}

let work: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/src/cli.js is missing: run `npm run build` (npm test does it)');
  work = mkdtempSync(join(tmpdir(), 'jx-archive-'));
});

describe('check --archive: the loop', { timeout: 240_000 }, () => {
  it('compares the corrected seed and the project form resubmitted twice with what came before', () => {
    const archive = join(work, 'archive');
    const run = (round: number, out = join(work, `out${round}`)) => jx(['check', join(FIX, `round${round}`), '--out', out, '--archive', archive, '--jobs', '1', '--quiet']);

    const r1 = run(1);
    expect(r1.code, r1.stderr).toBe(1); // the seed has errors
    expect(report(join(work, 'out1'), 'seed-yuelu-2022.docx').resubmissions).toBeUndefined(); // a first submission
    expect(r1.stdout).not.toContain('再次提交');

    const r2 = run(2);
    expect(r2.code, r2.stderr).toBe(1);
    const seed2 = report(join(work, 'out2'), EXPECTED.seed.round2.file);
    expectComparison(seed2.resubmissions?.[0], EXPECTED.seed.round2);
    expect(seed2.resubmissions![0].previous.path).toBe(EXPECTED.seed.round2.previous);
    // persisting and new point at this report's own findings
    for (const f of [...seed2.resubmissions![0].persisting, ...seed2.resubmissions![0].new]) expect(seed2.findings[f.finding!].rule).toBe(f.rule);
    const project2 = report(join(work, 'out2'), EXPECTED.project.round2.file);
    expectComparison(project2.resubmissions?.[0], EXPECTED.project.round2);
    expect(r2.stdout).toContain(EXPECTED.seed.round2.line);
    expect(r2.stdout).toContain(EXPECTED.project.round2.line);

    // summary.csv: the archive's columns, and summary.json valid
    const csv = readFileSync(join(work, 'out2', 'summary.csv'), 'utf8').split('\r\n');
    const head = csv[0].replace(/^\uFEFF/, '').split(',');
    const seedRow = csv.find((l) => l.startsWith('seed-yuelu-2022-corrected.docx'))!.split(',');
    expect(['提交次数', '已改正', '仍存在', '新问题'].map((h) => seedRow[head.indexOf(h)])).toEqual(['2', '4', '5', '1']);
    const summary = SummarySchema.parse(JSON.parse(readFileSync(join(work, 'out2', 'summary.json'), 'utf8')));
    expect(summary.inputs.flatMap((i) => i.forms.map((f) => f.submission?.submission)).sort()).toEqual([2, 2]);
    // report.html says it in the form's section
    const html = readFileSync(join(work, 'out2', 'report.html'), 'utf8');
    expect(html).toContain(EXPECTED.seed.round2.line);
    expect(html).toContain('已改正（4 项）');

    const r3 = run(3);
    expect(r3.code, r3.stderr).toBe(1);
    expectComparison(report(join(work, 'out3'), EXPECTED.project.round3.file).resubmissions?.[0], EXPECTED.project.round3);
    expect(r3.stdout).toContain(EXPECTED.project.round3.line);

    // the same file again is the same submission: nothing added, the same report byte for byte
    const again = run(2, join(work, 'out2-again'));
    expect(again.code).toBe(1);
    for (const name of [EXPECTED.seed.round2.file, EXPECTED.project.round2.file]) {
      expect(readFileSync(join(work, 'out2-again', 'reports', `${name}.json`), 'utf8')).toBe(readFileSync(join(work, 'out2', 'reports', `${name}.json`), 'utf8'));
    }
    const list = jx(['archive', 'list', '--archive', archive]);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split('\n').slice(1, -1).map((l) => l.split('\t'));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['2022', '部门整体', '第1次', '有差异'],
      ['2022', '部门整体', '第2次', '有差异'],
      ['2023', '项目', '第1次', '有差异'],
      ['2023', '项目', '第2次', '有差异'],
      ['2023', '项目', '第3次', '有差异'],
    ]);
    // filters
    const listed = (...filter: string[]) => {
      const r = jx(['archive', 'list', '--archive', archive, ...filter]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(listed('--year', '2023')).toContain('共 3 张表（档案共 5 张）');
    expect(listed('--entity', '住房保障')).toContain('共 2 张表');
    expect(listed('--status', '通过')).toContain('共 0 张表');
    // show by the short name finds both submissions and what the second fixed
    const show = jx(['archive', 'show', '岳麓区住房保障服务中心', '--archive', archive]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('（共 2 次提交）');
    expect(show.stdout).toContain(EXPECTED.seed.round2.line);
    expect(jx(['archive', 'show', seed2.source.sha256!.slice(0, 10), '--archive', archive]).stdout).toContain('第2次提交');
    expect(jx(['archive', 'show', '岳麓区财政局', '--archive', archive]).code).toBe(1);

    // the check time is in the archive's index and entries only, never in a record or report
    const stamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
    for (const out of ['out1', 'out2', 'out3']) {
      for (const dir of ['reports', 'records']) {
        for (const name of readdirSync(join(work, out, dir))) expect(readFileSync(join(work, out, dir, name), 'utf8')).not.toMatch(stamp);
      }
    }
  });

  it('leaves outputs as they were without --archive', () => {
    const out = join(work, 'plain');
    expect(jx(['check', join(FIX, 'round2'), '--out', out, '--jobs', '1', '--quiet']).code).toBe(1);
    expect(readFileSync(join(out, 'reports', 'seed-yuelu-2022-corrected.docx.json'), 'utf8')).not.toContain('resubmissions');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).not.toContain('提交次数');
  });

  it('says in Chinese what is wrong with the archive commands', () => {
    const r = jx(['archive', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--archive');
    expect(jx(['archive', 'list', '--archive', join(work, 'nowhere')]).stderr).toContain('档案文件夹不存在');
    expect(jx(['archive', 'list', '--archive', work, '--status', 'bad']).code).toBe(2);
  });
});

describe('check --archive: two runs at once', { timeout: 240_000 }, () => {
  it('files every distinct form once, leaves no lock or half-written entry, and a rebuild lists the same', async () => {
    const archive = join(work, 'shared-archive');
    const a = [join(FIX, 'round1'), join(DOCX, 'dept-clean-rounding.docx'), join(DOCX, 'dept-yuan.docx'), join(DOCX, 'project-national-clean.docx')];
    // the seed again (same bytes as round1's: the same submission) and dept-yuan in both runs
    expect(readFileSync(join(DOCX, 'seed-yuelu-2022.docx')).equals(readFileSync(join(FIX, 'round1', 'seed-yuelu-2022.docx'))), 'rerun scripts/gen-resubmit-fixtures.ts').toBe(true);
    const b = [join(FIX, 'round2'), join(DOCX, 'seed-yuelu-2022.docx'), join(DOCX, 'dept-yuan.docx'), join(DOCX, 'project-sichuan-clean.docx')];
    const [ra, rb] = await Promise.all([
      jxAsync(['check', ...a, '--out', join(work, 'ca'), '--archive', archive, '--jobs', '1', '--quiet']),
      jxAsync(['check', ...b, '--out', join(work, 'cb'), '--archive', archive, '--jobs', '1', '--quiet']),
    ]);
    expect(ra.code, ra.stderr).toBe(1);
    expect(rb.code, rb.stderr).toBe(1);
    const list = jx(['archive', 'list', '--archive', archive]).stdout;
    // round1 seed, round1 project, dept-clean-rounding, dept-yuan, project-national-clean,
    // the corrected seed, round2 project, project-sichuan-clean: 8 distinct forms
    expect(list).toContain('共 8 张表（档案共 8 张）');
    const shas = list.trim().split('\n').slice(1, -1).map((l) => l.split('\t')[8]);
    expect(new Set(shas).size).toBe(8);
    expect(readdirSync(archive).filter((n) => n.startsWith('.'))).toEqual([]); // no .lock, no .incoming-*
    const index = readFileSync(join(archive, 'index.jsonl'), 'utf8').trim().split('\n');
    expect(index).toHaveLength(8);

    const rebuilt = jx(['archive', 'rebuild', '--archive', archive]);
    expect(rebuilt.stdout).toContain('共 8 张表');
    expect(jx(['archive', 'list', '--archive', archive]).stdout).toBe(list);
    // a lost index is rebuilt on the next use
    rmSync(join(archive, 'index.jsonl'));
    expect(jx(['archive', 'list', '--archive', archive]).stdout).toBe(list);
  });
});
