// Observations across files: same content, same form twice, another year.
import { describe, expect, it } from 'vitest';
import { batchObservations } from '../src/batch/batch-checks.js';

const form = (entity: string | null, year: number | null, kind: 'dept-overall' | 'project' = 'dept-overall') => ({
  index: 0, form: kind, entity, year,
});
const row = (path: string, sha256: string | null, forms: ReturnType<typeof form>[]) => ({
  path, sha256, forms, status: forms.length ? ('ok' as const) : ('failed' as const),
});

describe('batchObservations', () => {
  it('finds the same content submitted twice, once (not again as the same form)', () => {
    const obs = batchObservations([
      row('a/表.docx', 'h1', [form('长沙市岳麓区财政局', 2022)]),
      row('b/表.docx', 'h1', [form('长沙市岳麓区财政局', 2022)]),
      row('c.pdf', 'h2', [form('天心区教育局', 2022)]),
    ]);
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ kind: 'duplicate-content', severity: 'warning', paths: ['a/表.docx', 'b/表.docx'] });
  });

  it('finds two different files holding the same entity, year and kind', () => {
    const obs = batchObservations([
      row('表.docx', 'h1', [form('岳麓区财政局', 2022)]),
      row('表.pdf', 'h2', [form('岳麓区财政局', 2022)]),
      row('项目.docx', 'h3', [form('岳麓区财政局', 2022, 'project')]),
      row('去年.docx', 'h4', [form('岳麓区财政局', 2021)]),
    ]);
    expect(obs).toEqual([
      expect.objectContaining({ kind: 'duplicate-form', paths: ['表.docx', '表.pdf'] }),
    ]);
    expect(obs[0].message).toContain('岳麓区财政局');
    expect(obs[0].message).toContain('2022');
  });

  it('names the forms an observation concerns, so a file of several forms carries it on their rows only', () => {
    const obs = batchObservations(
      [
        row('合订.docx', 'h1', [form('甲局', 2022), { ...form('乙项目', 2022, 'project'), index: 1 }, { ...form('丙项目', 2021, 'project'), index: 2 }]),
        row('乙项目.pdf', 'h2', [form('乙项目', 2022, 'project')]),
      ],
      { year: 2022 },
    );
    expect(obs).toEqual([
      expect.objectContaining({ kind: 'duplicate-form', paths: ['合订.docx', '乙项目.pdf'], forms: [{ path: '合订.docx', index: 1 }, { path: '乙项目.pdf', index: 0 }] }),
      expect.objectContaining({ kind: 'other-year', paths: ['合订.docx'], forms: [{ path: '合订.docx', index: 2 }] }),
    ]);
  });

  it('knows one entity written two ways (bracket width, spaces, the city before the district)', () => {
    const obs = batchObservations([
      row('表.docx', 'h1', [form('绵阳市游仙区教育和体育局（本级）', 2022)]),
      row('表.pdf', 'h2', [form('游仙区教育和体育局 (本级)', 2022)]),
      row('别的.docx', 'h3', [form('涪城区教育和体育局(本级)', 2022)]),
    ]);
    expect(obs).toEqual([expect.objectContaining({ kind: 'duplicate-form', paths: ['表.docx', '表.pdf'] })]);
    expect(obs[0].message).toContain('绵阳市游仙区教育和体育局（本级）');
  });

  it('ignores failed files and forms without entity or year', () => {
    const obs = batchObservations([
      row('x.docx', null, []),
      row('y.docx', null, []),
      row('a.docx', 'h1', [form(null, 2022)]),
      row('b.docx', 'h2', [form(null, 2022)]),
      row('c.docx', 'h3', [form('某局', null)]),
      row('d.docx', 'h4', [form('某局', null)]),
    ]);
    expect(obs).toEqual([]);
  });

  it('with --year flags each file holding a form of another year', () => {
    const obs = batchObservations(
      [
        row('a.docx', 'h1', [form('甲局', 2022)]),
        row('b.docx', 'h2', [form('乙局', 2021)]),
        row('c.docx', 'h3', [form('丙局', null)]),
        row('d.docx', 'h5', [form(null, 2020)]),
      ],
      { year: 2022 },
    );
    expect(obs).toEqual([
      expect.objectContaining({ kind: 'other-year', paths: ['b.docx'] }),
      expect.objectContaining({ kind: 'other-year', paths: ['d.docx'] }),
    ]);
    expect(obs[0].message).toContain('2021');
    expect(batchObservations([row('b.docx', 'h2', [form('乙局', 2021)])])).toEqual([]);
  });
});
