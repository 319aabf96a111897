// Sections arrive in completion order and are read back in input order from one scratch file.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SectionSpool } from '../src/batch/spool.js';

describe('SectionSpool', () => {
  it('returns each input’s parts whatever order they were stored in, and deletes its file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jx-spool-')), '.jxaudit-sections-1');
    const spool = new SectionSpool(path);
    spool.put(2, { html: '<section>岳麓区</section>', csv: 'c,2\r\n' });
    spool.put(0, { html: '<section>天心区 “引号”</section>', csv: '' });
    spool.put(1, { html: '', csv: '甲,乙\r\n' });
    spool.put(2, { html: '<section>岳麓区（重写）</section>', csv: 'c,2b\r\n' });
    expect([0, 1, 2, 3].map((i) => spool.get(i))).toEqual([
      { html: '<section>天心区 “引号”</section>', csv: '' },
      { html: '', csv: '甲,乙\r\n' },
      { html: '<section>岳麓区（重写）</section>', csv: 'c,2b\r\n' },
      null,
    ]);
    // the bytes the run's outputs are joined from: the same parts, UTF-8 encoded
    expect(spool.bytes(0)).toEqual({ html: Buffer.from('<section>天心区 “引号”</section>', 'utf8'), csv: Buffer.alloc(0) });
    expect(spool.bytes(1)?.csv.toString('utf8')).toBe('甲,乙\r\n');
    expect(spool.bytes(3)).toBeNull();
    expect(existsSync(path)).toBe(true);
    spool.dispose();
    expect(existsSync(path)).toBe(false);
  });
});
