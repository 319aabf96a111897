// One benchmark batch in a process of its own, as `jxaudit check` runs it (annotated
// copies included): bench.ts starts it, so its wall time includes the process start,
// and its peak RSS is this batch's alone (worker threads included).
// Usage: node dist/bench/batch-child.js <out> <jobs> <input...>; prints one JSON line.
import { DEFAULT_ANNOTATOR } from '../src/annotate/options.js';
import { runBatch } from '../src/batch/run.js';

const [out, jobs, ...inputs] = process.argv.slice(2);
const cpuStart = process.cpuUsage();
const result = await runBatch({ inputs, outDir: out, jobs: Number(jobs), timeoutMs: 120_000, annotator: DEFAULT_ANNOTATOR });
const cpu = process.cpuUsage(cpuStart);
const forms = result.rows.reduce((n, r) => n + Math.max(1, r.forms.length), 0);
console.log(
  JSON.stringify({
    forms,
    files: result.rows.length,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // KB → bytes; the whole process, worker threads included.
    maxRss: process.resourceUsage().maxRSS * 1024,
    timings: result.timings,
    totals: result.summary.totals,
  }),
);
