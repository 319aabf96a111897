// Issue 15, "the batch loses or mixes data under faults": each fault made the way it
// really happens — a rerun into the same --out after the inbox changed, Ctrl-C (SIGINT to
// the command), a full tmpfs, a folder the user cannot write, a file the user cannot read
// (a non-root user via setpriv: root reads anything), a FIFO, GBK file names from a
// Windows zip, three thousand copies of one file, a file name with a line break.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync,
  unlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, UsageError } from '../src/batch/run.js';
import { summaryText } from '../src/report/console.js';
import { commitStaging, openStaging } from '../src/report/staging.js';
import { CLI, filesUnder, readJson, requireBuiltCli, ROOT, runCli, SEED } from './bad/cli.js';

const CLEAN = join(ROOT, 'fixtures', 'docx', 'dept-clean-rounding.docx');
const MULTI = join(ROOT, 'fixtures', 'docx', 'multi-dept-3-projects.docx'); // four forms

beforeAll(() => requireBuiltCli());

const made: string[] = [];
/** A fresh folder anyone may read (and write: a non-root run writes its --out there). */
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `jx-faults-${prefix}-`));
  chmodSync(dir, 0o777);
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its bytes: what "the outputs did not change" compares. */
function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

/** A stack trace line, which a user must never see for the machine's problems. */
const STACK = /^\s+at\s/m;

/** Runs `args` with node as the unprivileged user when we are root (root reads and writes anything). */
function asUser(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const node = process.execPath;
  const argv = process.getuid?.() === 0
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', node, CLI, ...args]
    : [node, CLI, ...args];
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--out holds one run at a time', { timeout: 240_000 }, () => {
  it('a rerun after the inbox changed keeps none of the previous run, and never a file jxaudit did not write', async () => {
    const inbox = scratch('rerun-in');
    const out = join(scratch('rerun-out'), 'out');
    copyFileSync(MULTI, join(inbox, '多表.docx'));
    copyFileSync(CLEAN, join(inbox, '旧.docx'));
    await runBatch({ inputs: [inbox], outDir: out, inProcess: true, jobs: 1 });
    expect(filesUnder(join(out, 'records')).filter((f) => f.startsWith('多表.docx'))).toEqual([
      '多表.docx#2.json', '多表.docx#3.json', '多表.docx#4.json', '多表.docx.json',
    ]);
    // The user keeps notes beside the outputs, and even inside records/.
    writeFileSync(join(out, '我的笔记.txt'), '第二批待复核');
    writeFileSync(join(out, 'records', '我的.txt'), '别删');
    // The department resubmits: 多表.docx now holds one form; 旧.docx is withdrawn.
    copyFileSync(CLEAN, join(inbox, '多表.docx'));
    unlinkSync(join(inbox, '旧.docx'));
    const second = await runBatch({ inputs: [inbox], outDir: out, inProcess: true, jobs: 1 });
    expect(second.summary.totals.files).toBe(1);
    expect(filesUnder(out).filter((f) => !f.startsWith('annotated/'))).toEqual([
      '.jxaudit-manifest.json', 'findings.csv', 'records/多表.docx.json', 'records/我的.txt', 'report.html',
      'reports/多表.docx.json', 'summary.csv', 'summary.json', '我的笔记.txt',
    ]);
    expect(readFileSync(join(out, 'records', '我的.txt'), 'utf8')).toBe('别删');
    // The manifest lists exactly this run's files: the next run prunes by it.
    const manifest = readJson(join(out, '.jxaudit-manifest.json'));
    expect(manifest.files).toEqual(filesUnder(out).filter((f) => !['.jxaudit-manifest.json', '我的笔记.txt', 'records/我的.txt'].includes(f)));
  });

  it('an --out filled by a version without a manifest: its records and reports of withdrawn files go, a user\'s JSON stays', async () => {
    const inbox = scratch('legacy-in');
    const out = join(scratch('legacy-out'), 'out');
    copyFileSync(MULTI, join(inbox, '多表.docx'));
    copyFileSync(CLEAN, join(inbox, '旧.docx'));
    await runBatch({ inputs: [inbox], outDir: out, inProcess: true, jobs: 1 });
    unlinkSync(join(out, '.jxaudit-manifest.json')); // what an earlier version left: the same files, no list of them
    writeFileSync(join(out, 'reports', '我的.json'), '{\n  "schema": "我的台账"\n}\n');
    unlinkSync(join(inbox, '旧.docx'));
    copyFileSync(CLEAN, join(inbox, '多表.docx'));
    await runBatch({ inputs: [inbox], outDir: out, inProcess: true, jobs: 1 });
    expect(filesUnder(join(out, 'records'))).toEqual(['多表.docx.json']);
    expect(filesUnder(join(out, 'reports'))).toEqual(['多表.docx.json', '我的.json']);
  });

  it('Ctrl-C leaves the previous run\'s outputs exactly, no scratch, says what was done and exits 130', async () => {
    const inbox = scratch('int-in');
    const out = join(scratch('int-out'), 'out');
    copyFileSync(CLEAN, join(inbox, '上次.docx'));
    const first = await runCli(['check', inbox, '--out', out, '--quiet']);
    expect(first.code).toBe(0);
    const before = snapshot(out);
    expect(before.has('summary.json')).toBe(true);

    unlinkSync(join(inbox, '上次.docx'));
    for (let i = 0; i < 6; i++) copyFileSync(CLEAN, join(inbox, `f${i}.docx`));
    copyFileSync(SEED, join(inbox, 'z-卡住.docx')); // hangs (test hook) so the run is still going when interrupted
    const child = spawn(process.execPath, [CLI, 'check', inbox, '--out', out, '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, JXAUDIT_TEST_HANG: '卡住' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((ok) => child.on('close', (code, signal) => ok([code, signal])));
    // Interrupt once three of this run's reports are written (wherever the run puts them before it ends).
    const thisRunsReports = () => filesUnder(out).filter((f) => /reports\/f\d\.docx\.json$/.test(f)).length;
    for (let i = 0; i < 600 && thisRunsReports() < 3; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(thisRunsReports(), 'the run never got going').toBeGreaterThanOrEqual(3);
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(signal, stderr).toBeNull();
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/已中断：已核查 \d\/7 个文件，本次结果没有写入/);
    expect(stderr).toContain('保持上一次运行的结果');
    expect(stderr).not.toMatch(STACK);
    // The previous run's outputs, byte for byte; no staging folder, temporary or spool left.
    expect(snapshot(out)).toEqual(before);
  });
});

describe('--out and the inputs', { timeout: 240_000 }, () => {
  it('--out equal to an input folder exits 2 saying so, and writes nothing there', async () => {
    const inbox = scratch('same');
    copyFileSync(CLEAN, join(inbox, '表.docx'));
    const r = await runCli(['check', inbox, '--out', inbox, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('就是输入文件夹');
    expect(r.stderr).not.toMatch(STACK);
    expect(filesUnder(inbox)).toEqual(['表.docx']);
    // The same folder reached through a symlink is the same folder.
    const link = join(scratch('same-link'), '收件箱');
    symlinkSync(inbox, link);
    await expect(runBatch({ inputs: [inbox], outDir: link, inProcess: true })).rejects.toThrow(UsageError);
  });

  it('an --out that is a symlink into an input folder is never read as input', async () => {
    const inbox = scratch('link-in');
    copyFileSync(CLEAN, join(inbox, '表.docx'));
    mkdirSync(join(inbox, '结果'));
    const link = join(scratch('link'), 'out');
    symlinkSync(join(inbox, '结果'), link);
    await runBatch({ inputs: [inbox], outDir: link, inProcess: true });
    expect(existsSync(join(inbox, '结果', 'summary.json'))).toBe(true);
    const second = await runBatch({ inputs: [inbox], outDir: link, inProcess: true });
    expect(second.summary.inputs.map((i) => i.path)).toEqual(['表.docx']);
  });
});

describe('the machine\'s problems: a sentence with the path, exit 2', { timeout: 240_000 }, () => {
  it('a second run into an --out another run is writing refuses, and disturbs neither', async () => {
    const inbox = scratch('busy-in');
    copyFileSync(CLEAN, join(inbox, '表.docx'));
    const out = join(scratch('busy-out'), 'out');
    expect((await runCli(['check', inbox, '--out', out, '--quiet'])).code).toBe(0);
    // Another jxaudit still at work there: its staging folder, named by its (live) pid, holding a half-written file.
    const other = spawn('sleep', ['60']);
    try {
      const staging = join(out, `.jxaudit-run-${other.pid}`);
      mkdirSync(join(staging, 'records'), { recursive: true });
      writeFileSync(join(staging, 'records', '表.docx.json.tmp-1-1'), '{"半');
      const before = snapshot(out);
      const r = await runCli(['check', inbox, '--out', out, '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`另一个 jxaudit 进程（${other.pid}）正在向这个输出文件夹写结果`);
      expect(r.stderr).not.toMatch(STACK);
      expect(snapshot(out)).toEqual(before);
    } finally {
      other.kill();
    }
  });

  it('an --out the user may not write to', () => {
    const parent = scratch('ro');
    const inbox = join(parent, 'in');
    mkdirSync(inbox, { mode: 0o755 });
    copyFileSync(CLEAN, join(inbox, '表.docx'));
    const out = join(parent, '别人的');
    mkdirSync(out, { mode: 0o755 }); // owned by root; the run below is not root
    chmodSync(out, 0o555);
    const r = asUser(['check', inbox, '--out', out, '--quiet']);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toMatch(/没有权限（EACCES）/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  // A real full disk: a 512 KB tmpfs (root only; this test needs `mount`, CI runs as root).
  const mountable = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(mountable)('a full disk (ENOSPC on a tmpfs) stops the run and keeps the previous outputs', async () => {
    const disk = scratch('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk]);
    try {
      const out = join(disk, 'out');
      const small = scratch('full-a');
      copyFileSync(CLEAN, join(small, '表.docx'));
      expect((await runCli(['check', small, '--out', out, '--quiet'])).code).toBe(0);
      const before = snapshot(out);
      const big = scratch('full-b');
      for (let i = 0; i < 20; i++) copyFileSync(SEED, join(big, `表${i}.docx`)); // ~3 MB of outputs
      const r = await runCli(['check', big, '--out', out, '--quiet']);
      expect(r.stderr).toMatch(/磁盘空间已满（ENOSPC）：\//);
      expect(r.stderr).toContain('保持上一次运行的结果');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('内部错误');
      expect(r.code).toBe(2);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(out).filter((n) => n.startsWith('.jxaudit-run-'))).toEqual([]);
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  it('a file that is there but cannot be opened fails `unreadable`, not `not-found`', () => {
    const parent = scratch('unreadable');
    const inbox = join(parent, 'in');
    mkdirSync(inbox, { mode: 0o755 });
    copyFileSync(CLEAN, join(inbox, '可读.docx'));
    copyFileSync(CLEAN, join(inbox, '无权限.docx'));
    chmodSync(join(inbox, '无权限.docx'), 0o000);
    // A subfolder the clerk cannot list: its forms must not vanish from the run unseen.
    const locked = join(inbox, '锁住的科室');
    mkdirSync(locked, { mode: 0o755 });
    copyFileSync(CLEAN, join(locked, '表.docx'));
    chmodSync(locked, 0o000);
    // A FIFO named like a submission (what a broken unzip or a mount can leave): reading it would block forever.
    const fifo = join(parent, '管道.docx');
    execFileSync('mkfifo', [fifo]);
    const out = join(parent, 'out');
    const r = asUser(['check', inbox, fifo, '--out', out, '--quiet']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
    const inputs = readJson<{ inputs: { path: string; failure: { message: string } | null }[] }>(join(out, 'summary.json')).inputs;
    const byPath = new Map(inputs.map((i) => [i.path, i]));
    expect(byPath.get('in/可读.docx')).toMatchObject({ status: 'ok' });
    expect(byPath.get('in/无权限.docx')).toMatchObject({ status: 'failed', failure: { code: 'unreadable' } });
    expect(byPath.get('in/无权限.docx')?.failure?.message).toContain('没有读取权限');
    expect(byPath.get('管道.docx')).toMatchObject({ status: 'failed', failure: { code: 'unreadable' } });
    expect(byPath.get('in/锁住的科室')).toMatchObject({ status: 'failed', failure: { code: 'unreadable' } });
    expect(byPath.get('in/锁住的科室')?.failure?.message).toMatch(/文件夹无法读取，其中的文件都没有核查.*没有读取权限/);
    chmodSync(locked, 0o755); // so the scratch folder can be removed
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('无法打开');
  });
});

describe('file names that are not UTF-8', { timeout: 240_000 }, () => {
  it('are read by their bytes, shown as GBK (or %XX), and keep distinct outputs', async () => {
    const inbox = scratch('gbk');
    const docx = Buffer.from('.docx');
    // GBK bytes, as a zip made on Chinese Windows stores them: 自 D7D4, 评 C6C0, 表 B1ED.
    const selfEval = Buffer.concat([Buffer.from([0xd7, 0xd4, 0xc6, 0xc0, 0xb1, 0xed]), docx]);
    const gbkTable = Buffer.concat([Buffer.from([0xb1, 0xed]), docx]);
    const notGbk = Buffer.concat([Buffer.from([0xff]), Buffer.from('a'), docx]); // FF leads no GBK pair either
    for (const name of [selfEval, gbkTable, notGbk]) {
      copyFileSync(CLEAN, Buffer.concat([Buffer.from(inbox), Buffer.from('/'), name]));
    }
    copyFileSync(CLEAN, join(inbox, '表.docx')); // the same name in UTF-8, beside its GBK twin
    const out = join(scratch('gbk-out'), 'out');
    const r = await runCli(['check', inbox, '--out', out, '--quiet']); // through the workers: raw paths cross threads
    expect(r.code).toBe(0);
    const inputs = readJson(join(out, 'summary.json')).inputs as { path: string; status: string }[];
    expect(inputs.map((i) => i.path).sort()).toEqual(['%FFa.docx', '自评表.docx', '表.docx', '表.docx'].sort());
    expect(inputs.every((i) => i.status === 'ok')).toBe(true);
    expect(filesUnder(join(out, 'reports')).sort()).toEqual(['%FFa.docx.json', '自评表.docx.json', '表.docx.json', '表~2.docx.json'].sort());
    expect(readJson(join(out, 'records', '自评表.docx.json')).source.path).toBe('自评表.docx');
    // A glob reads names as strings (U+FFFD for these bytes): they are still found by their bytes.
    const globbed = await runBatch({ inputs: [`${inbox}/*.docx`], outDir: join(scratch('gbk-glob'), 'out'), inProcess: true });
    expect(globbed.summary.inputs.map((i) => [i.path, i.status]).sort()).toEqual(
      [['%FFa.docx', 'ok'], ['自评表.docx', 'ok'], ['表.docx', 'ok'], ['表.docx', 'ok']].sort(),
    );
  });
});

describe('batch messages stay bounded', { timeout: 240_000 }, () => {
  it('3,000 copies of one file: one short message, the full list once in summary.json, summary.csv linear', async () => {
    const inbox = scratch('copies');
    const first = join(inbox, '0000.txt');
    writeFileSync(first, '各位领导：现将自评表报送如下。');
    for (let i = 1; i < 3000; i++) linkSync(first, join(inbox, `${String(i).padStart(4, '0')}.txt`));
    const out = join(scratch('copies-out'), 'out');
    const result = await runBatch({ inputs: [inbox], outDir: out, inProcess: true, jobs: 2 });
    const duplicates = result.summary.batch.filter((o) => o.kind === 'duplicate-content');
    expect(duplicates).toHaveLength(1);
    const [dup] = duplicates;
    expect(dup.message).toBe('3000 个文件内容完全相同（重复提交）：0000.txt、0001.txt、0002.txt、0003.txt、0004.txt 等 3000 个（完整清单见 summary.json）');
    const saved = readJson(join(out, 'summary.json'));
    expect(saved.batch[0].paths).toHaveLength(3000);
    // Each of the 3,000 rows carries the short message once: about 1 MB (the full list in every row made 99.7 MB here).
    expect(statSync(join(out, 'summary.csv')).size).toBeLessThan(1_500_000);
    expect(summaryText(result.summary, result.rows, out).length).toBeLessThan(5_000);
  });
});

describe('CSV rows stay rows', { timeout: 240_000 }, () => {
  /** RFC 4180 as spreadsheet programs read it: a row ends at CRLF, a lone CR or a lone LF outside quotes. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') row.push(cell), (cell = '');
      else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        row.push(cell), rows.push(row), (row = []), (cell = '');
      } else cell += c;
    }
    if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
    return rows;
  }

  it('a file name with a line break stays on one row, the break shown as ↵', async () => {
    const inbox = scratch('lf');
    copyFileSync(SEED, join(inbox, '岳麓区\n第二版.docx'));
    const out = join(scratch('lf-out'), 'out');
    await runBatch({ inputs: [inbox], outDir: out, inProcess: true });
    for (const name of ['summary.csv', 'findings.csv']) {
      const rows = parseCsv(readFileSync(join(out, name), 'utf8').replace(/^\uFEFF/, ''));
      expect(rows.length, name).toBeGreaterThan(1);
      for (const row of rows) expect(row.length, name).toBe(rows[0].length);
      for (const row of rows.slice(1)) expect(row[0], name).toBe('岳麓区↵第二版.docx');
    }
  });
});

describe('switching the staging folder in (src/report/staging.ts)', () => {
  it('leaves out a temporary a stopped worker left between its write and its rename: not moved in, not in the manifest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jxaudit-commit-'));
    try {
      const staging = await openStaging(out);
      mkdirSync(join(staging, 'records'), { recursive: true });
      writeFileSync(join(staging, 'records', '甲.docx.json'), '{}\n');
      writeFileSync(join(staging, 'records', '乙.docx.json.tmp-4242-3'), '{"半');
      await commitStaging(out, staging);
      expect(readdirSync(join(out, 'records'))).toEqual(['甲.docx.json']);
      expect(readJson(join(out, '.jxaudit-manifest.json'))).toMatchObject({ files: ['records/甲.docx.json'] });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
