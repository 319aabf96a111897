// zod, loaded on first use instead of at import: worker threads receive the rules and
// templates already validated and never build a schema, and the command line starts
// its worker pool before it needs one (zod's import measured 80–120 ms of each start).
// Every schema in jxaudit comes from this one accessor, so all are of one zod instance
// (its CommonJS build: loading it synchronously is what lets a schema be built on first
// use inside synchronous code; `import 'zod'` elsewhere would be a second instance).
import { createRequire } from 'node:module';

export type Zod = typeof import('zod').z;
let loaded: Zod | null = null;

/** The zod namespace (`z`). */
export function zod(): Zod {
  return (loaded ??= (createRequire(import.meta.url)('zod') as typeof import('zod')).z);
}

/** A schema built by `build` on first call, then the same schema on every call. */
export function lazySchema<T>(build: (z: Zod) => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build(zod()));
}
