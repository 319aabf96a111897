// Does the archive need a database? Times the JSON-lines index at a bureau's scale:
// filing N forms (lock, write aside, rename, one index line each), opening the archive
// (reading index.jsonl), a filtered listing, the lookups a run makes, and a full
// rebuild from the entries' entry.json files. Usage: npx tsx scripts/bench-archive.ts [N ...]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listText } from '../src/archive/commands.js';
import { placeInArchive } from '../src/archive/batch.js';
import { ArchiveStore, sameFormKey } from '../src/archive/store.js';

const root = join(import.meta.dirname, '..');
// a real record and report, so the files filed are the size a bureau's are
const record = readFileSync(join(root, 'tests', 'expected', 'seed-yuelu-2022.json'), 'utf8');
const report = record;

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`;
}

function bench(n: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'jx-archive-bench-'));
  try {
    const store = ArchiveStore.open(dir);
    let t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const sha = createHash('sha256').update(String(i)).digest('hex');
      store.add(
        { sha256: sha, formIndex: 0, form: i % 3 ? 'project' : 'dept-overall', year: 2020 + (i % 4), entity: `岳麓区单位${i % (n / 2)}`, path: `收件箱/${i}.docx`, status: i % 2 ? 'ok' : 'discrepancies', errors: i % 5, warnings: 1, infos: 0 },
        record,
        report,
      );
    }
    const filing = ms(t);
    t = process.hrtime.bigint();
    const opened = ArchiveStore.open(dir);
    const entries = opened.list();
    const open = ms(t);
    t = process.hrtime.bigint();
    const text = listText(entries, { year: 2022, status: 'discrepancies' });
    const list = ms(t);
    t = process.hrtime.bigint();
    const byForm = new Map<string, typeof entries>();
    for (const e of entries) { const k = sameFormKey(e); if (k) byForm.set(k, [...(byForm.get(k) ?? []), e]); }
    for (let i = 0; i < 1000; i++) placeInArchive(byForm, { sha256: 'f'.repeat(64), formIndex: 0, form: 'project', year: 2021, entity: `岳麓区单位${i % (n / 2)}` });
    const lookups = ms(t);
    t = process.hrtime.bigint();
    const rebuilt = opened.rebuild();
    const rebuild = ms(t);
    console.log(
      `N=${n}: filing ${filing} (${(Number(filing.split(' ')[0]) / n).toFixed(2)} ms/form), open ${open}, filtered list ${list} (${text.split('\n').length - 2} rows), ` +
        `1000 run lookups ${lookups}, rebuild ${rebuild} (${rebuilt.length} entries)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const n of (process.argv.slice(2).length ? process.argv.slice(2) : ['1000', '5000', '20000']).map(Number)) bench(n);
