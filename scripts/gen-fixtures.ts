// Builds every fixture DOCX under fixtures/docx/ from the declarative descriptions in
// scripts/fixtures/ (JSON files and the TS catalogue). Deterministic: rerunning gives
// byte-identical files. Usage: npx tsx scripts/gen-fixtures.ts [name ...]
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from './fixtures/builder.js';
import type { DocSpec } from './fixtures/model.js';
import { catalogue } from './fixtures/catalogue.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

async function jsonSpecs(): Promise<DocSpec[]> {
  const dir = join(here, 'fixtures');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as DocSpec));
}

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const specs = [...(await jsonSpecs()), ...catalogue()];
  const seen = new Set<string>();
  const outDir = join(root, 'fixtures', 'docx');
  await mkdir(outDir, { recursive: true });
  for (const spec of specs) {
    if (seen.has(spec.name)) throw new Error(`duplicate fixture name ${spec.name}`);
    seen.add(spec.name);
    if (only.size && !only.has(spec.name)) continue;
    const bytes = await buildDocx(spec);
    await writeFile(join(outDir, `${spec.name}.docx`), bytes);
    console.log(`fixtures/docx/${spec.name}.docx  ${bytes.length} bytes`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
