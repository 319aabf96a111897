// Output paths never leave --out and never collide; writes are atomic and a
// killed run's temporaries are cleared.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFileSync, removeStaleTemps, toJsonText, writeFileAtomic } from '../src/report/atomic.js';
import { allocateOutputNames, insideOut, recordPath, reportPath, sanitizeRelPath, sanitizeSegment } from '../src/report/output-paths.js';

describe('output paths', () => {
  it('drops .. and empty segments so nothing leaves --out', () => {
    expect(sanitizeRelPath('../../etc/passwd')).toBe('etc/passwd');
    expect(sanitizeRelPath('a/./b/../c.docx')).toBe('a/b/c.docx');
    expect(sanitizeRelPath('..')).toBe('_');
    expect(reportPath('/out', sanitizeRelPath('../../x.docx'))).toBe('/out/reports/x.docx.json');
  });

  it('replaces reserved and control characters', () => {
    expect(sanitizeSegment('a<b>c:d"e|f?g*h\u0001.docx')).toBe('a_b_c_d_e_f_g_h_.docx');
    expect(sanitizeSegment('name. ')).toBe('name__');
  });

  it('shortens an over-long name but keeps it distinct', () => {
    const long = '甲'.repeat(100) + '.docx';
    const a = sanitizeSegment(long);
    const b = sanitizeSegment('甲'.repeat(99) + '乙.docx');
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
  });

  it('refuses a path that would leave the output folder', () => {
    expect(() => insideOut('/out', '../x')).toThrow(/越出/);
    expect(() => insideOut('/out', 'reports', '..', '..', 'x')).toThrow(/越出/);
    expect(insideOut('/out', 'reports', 'a.json')).toBe('/out/reports/a.json');
  });

  it('keeps folders, so equal names in two folders never collide', () => {
    const names = allocateOutputNames(['天心区/表.docx', '岳麓区/表.docx']);
    expect([...names.values()]).toEqual(['天心区/表.docx', '岳麓区/表.docx']);
  });

  it('numbers names that only differ by case or by replaced characters', () => {
    const names = allocateOutputNames(['a?.docx', 'a_.docx', 'A_.docx']);
    expect([...names.values()]).toEqual(['a_.docx', 'a_~2.docx', 'A_~3.docx']);
  });

  it('names a second form #2', () => {
    expect(recordPath('/out', '区/表.docx', 0)).toBe('/out/records/区/表.docx.json');
    expect(recordPath('/out', '区/表.docx', 1)).toBe('/out/records/区/表.docx#2.json');
  });
});

describe('atomic writes', () => {
  it('writes whole files through a temporary and leaves no temporary behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-atomic-'));
    const path = join(dir, 'a', 'b.json');
    await writeFileAtomic(path, toJsonText({ b: 1, a: [1, 2] }));
    expect(readFileSync(path, 'utf8')).toBe('{\n  "b": 1,\n  "a": [\n    1,\n    2\n  ]\n}\n');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.json']);
  });

  it('shows a joined file only once committed, and nothing when aborted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-joined-'));
    const ok = new AtomicFileSync(join(dir, 'ok.csv'));
    ok.write('a,b\r\n');
    ok.write(Buffer.from('甲,乙\r\n', 'utf8'));
    expect(existsSync(join(dir, 'ok.csv'))).toBe(false);
    ok.commit();
    expect(readFileSync(join(dir, 'ok.csv'), 'utf8')).toBe('a,b\r\n甲,乙\r\n');
    const bad = new AtomicFileSync(join(dir, 'bad.csv'));
    bad.write('x');
    bad.abort();
    expect(readdirSync(dir)).toEqual(['ok.csv']);
  });

  it('writes every piece of a joined file in order, across flushes and writev batches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-joined-'));
    const file = new AtomicFileSync(join(dir, 'report.html'));
    // 3,000 pieces (more than one writev call takes) of 1 KB (more than one flush): 3 MB
    const pieces = Array.from({ length: 3000 }, (_, i) => `<p>${String(i).padStart(4, '0')}${'表'.repeat(338)}</p>\n`);
    pieces.forEach((p, i) => file.write(i % 2 ? p : Buffer.from(p, 'utf8')));
    file.commit();
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(pieces.join(''));
  });

  it('removes only our stale temporaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-stale-'));
    mkdirSync(join(dir, 'reports', '区'), { recursive: true });
    writeFileSync(join(dir, 'reports', '区', '表.docx.json.tmp-4242-1'), '{"half');
    writeFileSync(join(dir, 'reports', '区', '表.docx.json'), '{}\n');
    writeFileSync(join(dir, 'notes.tmp-draft'), 'mine');
    expect(await removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(join(dir, 'reports', '区'))).toEqual(['表.docx.json']);
    expect(existsSync(join(dir, 'notes.tmp-draft'))).toBe(true);
  });
});
