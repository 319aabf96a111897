// Build step (`npm run build`, `prepare`): validates the bundled rules and templates once
// and writes them, with the key of what they were made from, to dist/context-cache.bin
// (read by context-cache.ts). Run as `node dist/src/batch/write-context-cache.js`.
// A bundled file that does not validate writes no artifact (runs then load the files and
// report the fault with its file and line); the build itself does not fail on it.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';
import { checkDirs, freshTaskContext, workerSetup } from './checks-context.js';
import { bundledCachePath, contextKey, encodeArtifact } from './context-cache.js';
import type { CheckDirs } from './check-dirs.js';

/**
 * The modules `entries` import, transitively (static and dynamic relative imports), as
 * paths relative to `root`: the code that turns the YAML into the context, so that
 * rebuilding it (even with tsc alone) makes the artifact miss. From src/ (tests) a
 * `./x.js` import is the `./x.ts` file.
 */
export function codeClosure(entries: string[], root: string): string[] {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // type-only imports (in src/) are not code: the compiled modules have none
    const text = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1]);
      const found = [target, target.replace(/\.js$/, '.ts')].find((f) => existsSync(f));
      if (found) stack.push(found);
    }
  }
  return [...seen].map((f) => relative(root, f)).sort();
}

/** The entry modules: the loader of the context and the cache reader (whichever of .js/.ts this runs as). */
export function contextEntries(): string[] {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return ['checks-context', 'context-cache'].map((m) => fileURLToPath(new URL(`./${m}${ext}`, import.meta.url)));
}

/**
 * Loads `dirs` (one rule folder, one template folder) from the files and writes the
 * artifact to `target`, replacing it whole. Returns false (and removes any old artifact)
 * when the context is not plain data that survives serialization.
 */
export function writeContextCache(target: string, dirs: CheckDirs, root: string = packageRoot()): boolean {
  rmSync(target, { force: true });
  const context = freshTaskContext(dirs);
  if (workerSetup(dirs, context).context === null) return false;
  const code = codeClosure(contextEntries(), root);
  const key = contextKey(root, code, dirs.ruleDirs[0], dirs.templateDirs[0]);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, encodeArtifact(context, key, code));
  renameSync(temp, target);
  return true;
}

function main(): void {
  const target = bundledCachePath();
  try {
    if (!writeContextCache(target, checkDirs())) console.error('jxaudit: the rules and templates are not plain data; no context cache written');
  } catch (err) {
    rmSync(target, { force: true });
    console.error(`jxaudit: no context cache written: ${(err as Error).message}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
