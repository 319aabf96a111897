// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self and inclusive time by
// function, or with --tree the callees of one function, aggregated over its calls.
// Usage: node bench/cpuprofile-summary.mjs file.cpuprofile [top]
//        node bench/cpuprofile-summary.mjs file.cpuprofile --tree functionName [depth]
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
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

if (process.argv[3] === '--tree') showTree(process.argv[4], Number(process.argv[5] ?? 3));
else showTables(Number(process.argv[3] ?? 40));

function showTables(top) {
  const self = new Map();
  const incl = new Map();
  for (const [id, count] of selfSamples) {
    const node = byId.get(id);
    self.set(key(node), (self.get(key(node)) ?? 0) + count);
    const seen = new Set(); // recursion counts once
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + count);
    }
  }
  for (const [title, map] of [['SELF', self], ['INCLUSIVE', incl]]) {
    console.log(`\n${title} (of ${total} samples, ${(total * ms).toFixed(0)} ms)`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v * ms).toFixed(0).padStart(6)} ms  ${k}`);
    }
  }
}

function showTree(name, depth) {
  const subtotal = new Map();
  const sum = (n) => {
    if (!subtotal.has(n.id)) subtotal.set(n.id, (selfSamples.get(n.id) ?? 0) + (n.children ?? []).reduce((a, c) => a + sum(byId.get(c)), 0));
    return subtotal.get(n.id);
  };
  const roots = profile.nodes.filter((n) => n.callFrame.functionName === name);
  console.log(`${name}: ${(roots.reduce((a, n) => a + sum(n), 0) * ms).toFixed(0)} ms`);
  const walk = (nodes, d, indent) => {
    const kids = new Map();
    for (const n of nodes) for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (!kids.has(key(child))) kids.set(key(child), []);
      kids.get(key(child)).push(child);
    }
    const rows = [...kids].map(([k, ns]) => [k, ns, ns.reduce((a, x) => a + sum(x), 0)]).sort((a, b) => b[2] - a[2]);
    for (const [k, ns, t] of rows) {
      if (t * ms < 10) continue;
      console.log(`${indent}${(t * ms).toFixed(0).padStart(6)} ms  ${k}`);
      if (d > 1) walk(ns, d - 1, `${indent}  `);
    }
  };
  walk(roots, depth, '  ');
}
