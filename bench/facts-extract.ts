// Times narrative-fact extraction on the seed's narrative: `npx tsx bench/facts-extract.ts`.
// Reports wall and CPU time per extraction, averaged over 500 runs after a warm-up.
import { readFileSync } from 'node:fs';
import { extractNarrativeFacts } from '../src/recognize/facts.js';

const seed: { paragraphs: string[] } = JSON.parse(
  readFileSync(new URL('../tests/corpus/seed-narrative.json', import.meta.url), 'utf8'),
);
const t0 = performance.now();
extractNarrativeFacts(seed.paragraphs);
const first = performance.now() - t0;
for (let i = 0; i < 50; i++) extractNarrativeFacts(seed.paragraphs);
const runs = 500;
const cpu0 = process.cpuUsage();
const t1 = performance.now();
for (let i = 0; i < runs; i++) extractNarrativeFacts(seed.paragraphs);
const wall = (performance.now() - t1) / runs;
const cpu = process.cpuUsage(cpu0);
const chars = seed.paragraphs.join('').length;
console.log(
  `seed narrative (${seed.paragraphs.length} paragraphs, ${chars} chars): first call ${first.toFixed(1)} ms; ` +
    `avg over ${runs}: wall ${wall.toFixed(3)} ms, cpu ${((cpu.user + cpu.system) / 1000 / runs).toFixed(3)} ms`,
);
