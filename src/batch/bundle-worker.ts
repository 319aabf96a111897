// Build step (`npm run build`, after tsc): the worker thread's code as one file. A worker
// loaded dist/src/batch/worker.js and the ~150 modules it imports one by one, and Node's
// module loader spent most of a worker's start there (resolving, reading and linking each
// file: 136–163 ms of CPU per worker against 80–104 ms bundled, on this machine). esbuild
// joins our modules into dist/src/worker-bundle/worker.js; what loads lazily (PDF,
// workbook, OCR, LibreOffice) stays lazy, in chunks beside it, and packages stay imports
// of node_modules. dist/src/batch/worker.js then re-exports the bundle's handler — a
// plain `tsc` rebuild writes worker.js again, so the pool never runs a stale bundle.
// Without esbuild (an install without devDependencies) the step says so and the worker
// loads its modules as before.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/src, where tsc put the modules (this file is dist/src/batch/bundle-worker.js). */
const DIST_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Same depth under dist/ as batch/: a module's `new URL('../../…', import.meta.url)` names the same file. */
export const BUNDLE_DIR = 'worker-bundle';
const SHIM_MARK = '// jxaudit worker bundle shim';

export async function bundleWorker(): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return 'esbuild 未安装：工作线程按模块逐个加载（功能不变）';
  }
  const entry = join(DIST_SRC, 'batch', 'worker.js');
  if (readFileSync(entry, 'utf8').startsWith(SHIM_MARK)) return 'dist/src/batch/worker.js 已是打包入口：请先运行 tsc 再打包';
  const outdir = join(DIST_SRC, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
  writeFileSync(entry, `${SHIM_MARK}: written by bundle-worker.js after tsc\nexport { default } from '../${BUNDLE_DIR}/worker.js';\n`);
  return `dist/src/${BUNDLE_DIR}/worker.js`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`worker bundle: ${await bundleWorker()}`);
}
