// The archive's files (archive/store.ts, lock.ts): an entry is never overwritten, the
// index is rebuilt when it is lost or torn, and a dead writer's lock is broken.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ArchiveStore, INDEX_NAME, type NewEntry } from '../src/archive/store.js';
import { LOCK_NAME } from '../src/archive/lock.js';

const entry = (sha: string, entity = '岳麓区财政局'): NewEntry => ({
  sha256: sha.repeat(64).slice(0, 64), formIndex: 0, form: 'dept-overall', year: 2022, entity, path: `${sha}.docx`,
  status: 'ok', errors: 0, warnings: 0, infos: 0,
});

describe('archive store', () => {
  it('files an entry once, keyed by year, kind and entity; the same file again changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-store-'));
    const store = ArchiveStore.open(dir);
    const first = store.add(entry('a', '长沙市岳麓区财政局'), '{"r":1}\n', '{"p":1}\n')!;
    expect(first.dir).toBe(`2022/部门整体/岳麓区财政局/${'a'.repeat(16)}`);
    expect(first.seq).toBe(1);
    expect(store.add(entry('a'), '{"r":2}\n', '{"p":2}\n')).toBeNull();
    expect(readFileSync(join(dir, first.dir, 'record.json'), 'utf8')).toBe('{"r":1}\n');
    // the check time is in entry.json (and the index), not in the record or report
    expect(JSON.parse(readFileSync(join(dir, first.dir, 'entry.json'), 'utf8')).checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(store.add(entry('b'), '{}\n', '{}\n')!.seq).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds a torn or lost index from the entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-store-'));
    const store = ArchiveStore.open(dir);
    store.add(entry('a'), '{}\n', '{}\n');
    store.add(entry('b'), '{}\n', '{}\n');
    const listed = store.list();
    appendFileSync(join(dir, INDEX_NAME), '{"schema":"jxaudit/arch'); // a writer died mid-line
    expect(ArchiveStore.open(dir).list()).toEqual(listed);
    rmSync(join(dir, INDEX_NAME));
    expect(ArchiveStore.open(dir).list()).toEqual(listed);
    expect(readFileSync(join(dir, INDEX_NAME), 'utf8').trim().split('\n')).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it("breaks a dead writer's lock (and rebuilds the index it may have left short)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-store-'));
    const store = ArchiveStore.open(dir);
    store.add(entry('a'), '{}\n', '{}\n');
    // a process that has exited: its pid is free
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, LOCK_NAME), `${dead}\n${hostname()}\n2026-01-01T00:00:00.000Z\n`);
    rmSync(join(dir, INDEX_NAME)); // as if it died before writing its line
    mkdirSync(join(dir, `.incoming-${dead}-2`)); // …or before renaming its entry into place
    writeFileSync(join(dir, `.incoming-${dead}-2`, 'record.json'), '{');
    const again = ArchiveStore.open(dir);
    expect(again.list().map((e) => e.path)).toEqual(['a.docx']);
    expect(again.add(entry('c'), '{}\n', '{}\n')).not.toBeNull();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
