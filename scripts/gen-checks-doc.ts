// Writes docs/checks.md from the bundled rule files (src/check/checks-doc.ts).
// Usage: npm run docs   (tests/checks-doc.test.ts fails while the page is stale)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDirs, loadTaskContext } from '../src/batch/checks-context.js';
import { renderChecksDoc } from '../src/check/checks-doc.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'checks.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderChecksDoc(loadTaskContext(checkDirs()).rules));
console.log(`已生成 ${target}`);
