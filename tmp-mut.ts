import { readdirSync } from 'node:fs';
import { checkRecord, loadRuleSet } from './src/check/index.js';
import { processFile } from './src/pipeline.js';
import { loadTemplates } from './src/recognize/index.js';
import { bundledRulesDir, bundledTemplatesDir } from './src/paths.js';
const rules = loadRuleSet([bundledRulesDir()]);
const templates = loadTemplates([bundledTemplatesDir()]);
const MONEY = /^funds\.(sources|uses)\.\w+\.(initial|budget|actual)$/;
for (const n of readdirSync('fixtures/docx').sort()) {
  const { report, records } = await processFile('fixtures/docx/' + n, { rules, templates });
  if (report.status !== 'ok') continue;
  records.forEach((rec, ri) => {
    for (const path of Object.keys(rec.provenance)) {
      if (!MONEY.test(path)) continue;
      const [, block, line, col] = /^funds\.(\w+)\.(\w+)\.(\w+)$/.exec(path)!;
      const v = (rec.funds as any)[block][line][col] as string | null;
      if (!v) continue;
      // change the first digit (not the last)
      const digits = v.replace(/\D/g, '');
      if (digits.length < 2) continue;
      const i = v.search(/\d/);
      const nd = v[i] === '9' ? '1' : String(Number(v[i]) + 1);
      const mutated = v.slice(0, i) + nd + v.slice(i + 1);
      const copy = structuredClone(rec);
      (copy.funds as any)[block][line][col] = mutated;
      const errs = checkRecord(copy, rules).filter((f) => f.severity === 'error' && f.fields.includes(path));
      if (errs.length === 0) console.log('BLIND', n, ri, path, v, '→', mutated);
    }
  });
}
console.log('done');
