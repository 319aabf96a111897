// Single-thread profiling loop: runs the worker's per-file task in this process over
// the benchmark batch (or fixtures/docx), so `node --cpu-prof dist/bench/profile.js`
// shows where a file's time goes without worker threads in the picture.
// Usage: node [--cpu-prof] dist/bench/profile.js [count] [folder] [--annotate]
// (--annotate writes the annotated copies too, as `check` does by default)
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDirs, loadTaskContext } from '../src/batch/checks-context.js';
import { runFileTask } from '../src/batch/task.js';
import { DEFAULT_ANNOTATOR } from '../src/annotate/options.js';
import { DEFAULT_MAX_BYTES } from '../src/pipeline.js';
import { packageRoot } from '../src/paths.js';

const ROOT = packageRoot();
const count = Number(process.argv[2] ?? 300);
const folder = process.argv[3] && process.argv[3] !== '--annotate' ? process.argv[3] : join(ROOT, 'bench', 'work', 'docx');
const annotate = process.argv.includes('--annotate');
const out = join(ROOT, 'bench', 'work', 'out-profile');

const files = readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(docx|pdf)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .sort();
if (files.length === 0) throw new Error(`no .docx or .pdf under ${folder}: run the benchmark once to build bench/work/docx`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const context = loadTaskContext(checkDirs());
const sums = { read: 0, recognize: 0, check: 0, task: 0 };
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let i = 0; i < count; i++) {
  const abs = files[i % files.length];
  const rel = relative(folder, abs);
  const row = await runFileTask({ abs, rel, name: rel, outDir: out, maxBytes: DEFAULT_MAX_BYTES, ...(annotate ? { annotator: DEFAULT_ANNOTATOR } : {}) }, context);
  sums.read += row.timings.read;
  sums.recognize += row.timings.recognize;
  sums.check += row.timings.check;
  sums.task += row.taskMs;
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const per = (ms: number) => (ms / count).toFixed(2);
console.log(
  `${count} files in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(1)}/s; per file: read ${per(sums.read)} ms, ` +
    `recognize ${per(sums.recognize)} ms, check ${per(sums.check)} ms, task ${per(sums.task)} ms ` +
    `(rest of task: ${per(sums.task - sums.read - sums.recognize - sums.check)} ms); ` +
    `CPU ${per((cpu.user + cpu.system) / 1000)} ms per file (less sensitive to other load on the machine)`,
);
