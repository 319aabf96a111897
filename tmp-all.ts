import { readdirSync } from 'node:fs';
import { loadRuleSet } from './src/check/index.js';
import { processFile } from './src/pipeline.js';
import { loadTemplates } from './src/recognize/index.js';
import { bundledRulesDir, bundledTemplatesDir } from './src/paths.js';
const rules = loadRuleSet([bundledRulesDir()]);
const templates = loadTemplates([bundledTemplatesDir()]);
for (const n of readdirSync('fixtures/docx').sort()) {
  const { report } = await processFile('fixtures/docx/' + n, { rules, templates });
  console.log('##', n, report.status, report.error?.code ?? '');
  for (const f of report.findings) console.log('  ', f.severity, f.formIndex ?? '', f.rule, JSON.stringify(f.fields), f.actual, f.expected, f.difference, '|', f.message);
}
