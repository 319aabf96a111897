// Summarizes a V8 .cpuprofile: self time and inclusive time by function (top N).
// Usage: node bench/cpuprofile-summary.mjs file.cpuprofile [top]
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const total = profile.samples.length;
const ms = (profile.endTime - profile.startTime) / 1000 / total;

const key = (n) => {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1');
  return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
};
const self = new Map();
const incl = new Map();
for (const [id, count] of selfSamples) {
  const node = byId.get(id);
  self.set(key(node), (self.get(key(node)) ?? 0) + count);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + count);
  }
}
const show = (title, map) => {
  console.log(`\n${title} (of ${total} samples, ${(total * ms).toFixed(0)} ms)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v * ms).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
show('SELF', self);
show('INCLUSIVE', incl);
