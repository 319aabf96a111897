// Where the package's own files (bundled rules and templates) live, whether we
// run from src/ (tests, tsx) or from the compiled dist/src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding jxaudit's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('jxaudit: cannot find the package folder (package.json with rules/)');
    dir = up;
  }
  root = dir;
  return dir;
}

/** The bundled rule files (rules/*.yaml). */
export function bundledRulesDir(): string {
  return join(packageRoot(), 'rules');
}

/** The bundled form templates (rules/templates/*.yaml). */
export function bundledTemplatesDir(): string {
  return join(packageRoot(), 'rules', 'templates');
}
