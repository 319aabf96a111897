// Inputs resolution: folders (recursive), globs, literal files, missing paths,
// hidden and temporary files skipped, sorted relative names.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commonFolder, globBase, isTemporaryName, resolveInputs } from '../src/batch/inputs.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'jx-inputs-'));
  const files = [
    '收件箱/岳麓区/表.docx',
    '收件箱/岳麓区/~$表.docx',
    '收件箱/岳麓区/.~lock.表.docx#',
    '收件箱/天心区/表.docx',
    '收件箱/天心区/说明.txt',
    '收件箱/天心区/Thumbs.db',
    '收件箱/.DS_Store',
    '收件箱/.hidden/藏.docx',
    '收件箱/b.pdf',
    '收件箱/a.pdf',
    '空/',
  ];
  for (const f of files) {
    const path = join(root, f);
    if (f.endsWith('/')) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'x');
    }
  }
});

describe('resolveInputs', () => {
  it('walks a folder recursively, skips hidden and temporary files, sorts by relative path', async () => {
    const r = await resolveInputs(['收件箱'], root);
    expect(r.files.map((f) => f.rel)).toEqual(['a.pdf', 'b.pdf', '天心区/表.docx', '天心区/说明.txt', '岳麓区/表.docx']); // code-point order
    expect(r.files.every((f) => !f.missing)).toBe(true);
    expect(r.base).toBe(join(root, '收件箱'));
  });

  it('keeps the folder in rel when two folders hold the same file name', async () => {
    const r = await resolveInputs(['收件箱/岳麓区/表.docx', '收件箱/天心区/表.docx'], root);
    expect(r.files.map((f) => f.rel)).toEqual(['天心区/表.docx', '岳麓区/表.docx']);
  });

  it('matches glob patterns relative to the static part of the pattern', async () => {
    const r = await resolveInputs(['收件箱/**/*.docx'], root);
    expect(r.files.map((f) => f.rel)).toEqual(['天心区/表.docx', '岳麓区/表.docx']);
    expect(r.empty).toEqual([]);
  });

  it('turns a literal path that does not exist into a missing entry', async () => {
    const r = await resolveInputs(['收件箱/a.pdf', '收件箱/没有这个.docx'], root);
    expect(r.files).toEqual([
      { abs: join(root, '收件箱/a.pdf'), rel: 'a.pdf', missing: false },
      { abs: join(root, '收件箱/没有这个.docx'), rel: '没有这个.docx', missing: true, typed: '收件箱/没有这个.docx' },
    ]);
  });

  it('reports folders and globs that yield nothing', async () => {
    const r = await resolveInputs(['空', '收件箱/**/*.xlsx'], root);
    expect(r.files).toEqual([]);
    expect(r.empty).toEqual(['空', '收件箱/**/*.xlsx']);
  });

  it('lists a file given twice (directly and through its folder) once', async () => {
    const r = await resolveInputs(['收件箱/a.pdf', '收件箱'], root);
    expect(r.files.filter((f) => f.rel === 'a.pdf')).toHaveLength(1);
  });

  it('skips an Office lock file even when named literally (a shell glob passes them)', async () => {
    const r = await resolveInputs(['收件箱/岳麓区/~$表.docx', '收件箱/岳麓区/表.docx'], root);
    expect(r.files.map((f) => f.rel)).toEqual(['表.docx']);
  });

  it('never reads the output folder back when it sits inside an input folder', async () => {
    mkdirSync(join(root, '收件箱', 'out', 'reports'), { recursive: true });
    writeFileSync(join(root, '收件箱', 'out', 'reports', 'a.pdf.json'), '{}');
    const r = await resolveInputs(['收件箱', '收件箱/**/*.json'], root, { exclude: ['收件箱/out'] });
    expect(r.files.map((f) => f.rel).filter((rel) => rel.startsWith('out/'))).toEqual([]);
    expect(r.empty).toEqual(['收件箱/**/*.json']);
  });
});

describe('helpers', () => {
  it('recognizes temporary names', () => {
    expect(['~$a.docx', '.~lock.a.docx#', 'Thumbs.db', '.DS_Store', 'desktop.ini'].map(isTemporaryName)).toEqual([true, true, true, true, true]);
    expect(['a.docx', '表~1.pdf', 'x.pdf'].map(isTemporaryName)).toEqual([false, false, false]);
  });

  it('finds the static base of a glob', () => {
    expect(globBase('收件箱/**/*.docx')).toBe('收件箱');
    expect(globBase('*.pdf')).toBe('.');
    expect(globBase('a/b/c*/d.pdf')).toBe('a/b');
  });

  it('finds the deepest common folder', () => {
    expect(commonFolder(['/a/b/c', '/a/b/d/e'])).toBe('/a/b');
    expect(commonFolder(['/a/b', '/a/b'])).toBe('/a/b');
    expect(commonFolder(['/x', '/y'])).toBe('/');
  });
});
