// The YAML files a rule or template folder holds, in the order they load, and the name a
// rule file is shown by. One list for the loaders (check/loader.ts, recognize/load-templates.ts)
// and for the build's context cache (batch/context-cache.ts), which must hash exactly what
// they read. Node built-ins only: a cache hit loads none of the loaders' code.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const YAML = /\.ya?ml$/i;

/** The names of a rule folder's *.yaml / *.yml files (regular files only), sorted. */
export function ruleFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => YAML.test(n) && statSync(join(dir, n)).isFile())
    .sort();
}

/** The names of a template folder's *.yaml / *.yml entries, sorted. */
export function templateFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => YAML.test(n))
    .sort();
}

/** The name a rule file (or folder) is shown by: relative to the working folder when inside it. */
export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
