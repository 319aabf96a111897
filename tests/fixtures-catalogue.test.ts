// The fixture catalogue itself: the generator is deterministic and the committed DOCX files
// are what it builds today; every fixture has a hand-written expectation and vice versa.
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from '../scripts/fixtures/builder.js';
import { catalogue } from '../scripts/fixtures/catalogue.js';
import type { CellSpec, DocSpec, TableSpec } from '../scripts/fixtures/model.js';

const root = join(import.meta.dirname, '..');

async function allSpecs(): Promise<DocSpec[]> {
  const seed = JSON.parse(await readFile(join(root, 'scripts/fixtures/seed-yuelu-2022.json'), 'utf8')) as DocSpec;
  return [seed, ...catalogue()];
}

/** The text at an expanded-grid position of a described table (spans and merges applied). */
function gridText(t: TableSpec, row: number, col: number): string {
  let c = 0;
  for (const raw of t.rows[row]) {
    const cell: CellSpec = typeof raw === 'string' ? { text: raw } : raw;
    const span = cell.span ?? 1;
    if (col >= c && col < c + span) return cell.text;
    c += span;
  }
  throw new Error(`no column ${col} in row ${row}`);
}

describe('fixture generator', () => {
  it('rebuilds every committed DOCX byte for byte, twice over', async () => {
    for (const spec of await allSpecs()) {
      const a = await buildDocx(spec);
      const b = await buildDocx(spec);
      expect(a.equals(b), spec.name).toBe(true);
      const committed = await readFile(join(root, 'fixtures/docx', `${spec.name}.docx`));
      expect(committed.equals(a), `${spec.name} is stale: rerun npx tsx scripts/gen-fixtures.ts`).toBe(true);
    }
  }, 60_000);

  it('places the seed cells where record.md says (基本支出 全年执行数 at row 7, col 4)', async () => {
    const seed = (await allSpecs())[0];
    const table = seed.blocks.find((b): b is TableSpec => b.type === 'table')!;
    expect(gridText(table, 7, 2)).toBe('（1）基本支出');
    expect(gridText(table, 7, 4)).toBe('1155.05\u3000');
    expect(gridText(table, 3, 3)).toBe('1028.49\u3000');
    expect(gridText(table, 3, 6)).toBe('10');
  });

  it('pairs every fixture with one expected file', async () => {
    const docx = (await readdir(join(root, 'fixtures/docx'))).filter((n) => n.endsWith('.docx')).map((n) => n.slice(0, -5));
    const expected = (await readdir(join(root, 'tests/expected'))).filter((n) => n.endsWith('.json'));
    for (const name of docx) expect(expected, name).toContain(`${name}.json`);
    for (const e of expected) {
      const exp = JSON.parse(await readFile(join(root, 'tests/expected', e), 'utf8'));
      expect(existsSync(join(root, 'fixtures', exp.file)), exp.file).toBe(true);
      expect(typeof exp.notes).toBe('string');
      expect(Array.isArray(exp.forms) && Array.isArray(exp.findings)).toBe(true);
      if (exp.failure) expect(exp.forms).toHaveLength(0);
      for (const f of exp.findings) {
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(f.fields.length).toBeGreaterThan(0);
      }
    }
  });
});
