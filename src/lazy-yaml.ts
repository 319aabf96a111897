// The yaml package, loaded on first use instead of at import: worker threads receive
// the rules and templates already parsed and never read YAML, so their start-up
// skips this module (measured 70–90 ms of each worker's ~600 ms boot).
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | null = null;

/** The yaml module (its CommonJS build, the same one `import 'yaml'` gives Node). */
export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}
