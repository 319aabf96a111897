// The bundled rules and templates as the build validated them: `npm run build` writes
// dist/context-cache.bin (write-context-cache.ts), and a run whose rule and template
// folders are exactly the bundled ones, byte for byte, reads the context from it instead
// of parsing the YAML and validating it again (~0.5 s of the main thread's start-up:
// loading the yaml package, zod and the rule kinds, then parsing and validating).
// Anything else (a --rules folder, an edited or added file, other code, a missing or
// unreadable artifact) misses, and the files load as they always did, with the same
// errors naming file, rule and line. Nothing is written at run time.
//
// Kept light on purpose: node built-ins and paths.js only, so a hit loads none of the
// loaders' code (check/, recognize/, yaml, zod).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { bundledRulesDir, bundledTemplatesDir, packageRoot } from '../paths.js';
import { displayName, ruleFileNames, templateFileNames } from '../yaml-files.js';
import type { CheckDirs } from './check-dirs.js';
import type { TaskContext } from './task.js';

const FORMAT = 'jxaudit-context-cache/1';

/** Where the build puts the artifact: dist/context-cache.bin beside dist/src/ (none when running from src/). */
export function bundledCachePath(): string {
  return fileURLToPath(new URL('../../context-cache.bin', import.meta.url));
}

/** What the artifact holds. `code` lists (relative to the package folder) the modules that build the context. */
interface Artifact {
  format: string;
  key: string;
  code: string[];
  /** v8.serialize of the context, its `file` fields made relative (restored by `restorePaths`). */
  context: Uint8Array;
}

/**
 * sha256 over everything the context is made from: package.json (jxaudit's version and
 * its pinned yaml/zod), the code that parses and validates, and each rule and template
 * file's name and bytes in load order. Throws when a file cannot be read.
 */
export function contextKey(root: string, code: string[], ruleDir: string, templateDir: string): string {
  const h = createHash('sha256');
  const add = (label: string, bytes: Uint8Array) => {
    h.update(`${label}\0${bytes.length}\0`);
    h.update(bytes);
  };
  h.update(`${FORMAT}\0`);
  add('package.json', readFileSync(join(root, 'package.json')));
  for (const file of code) add(`code:${file}`, readFileSync(join(root, file)));
  for (const name of ruleFileNames(ruleDir)) add(`rule:${name}`, readFileSync(join(ruleDir, name)));
  for (const name of templateFileNames(templateDir)) add(`template:${name}`, readFileSync(join(templateDir, name)));
  return h.digest('hex');
}

/** The artifact's bytes: the context with each rule's and template's `file` reduced to its name (it depends on the folder and the working folder). */
export function encodeArtifact(context: TaskContext, key: string, code: string[]): Buffer {
  const portable: TaskContext = {
    rules: { rules: context.rules.rules.map((r) => ({ ...r, file: basename(r.file) })) },
    templates: { templates: context.templates.templates.map((t) => ({ ...t, file: basename(t.file) })) },
  };
  const artifact: Artifact = { format: FORMAT, key, code: code.map((f) => f.split(sep).join('/')), context: serialize(portable) };
  return serialize(artifact);
}

function restorePaths(context: TaskContext, ruleDir: string, templateDir: string): TaskContext {
  for (const r of context.rules.rules) r.file = displayName(join(ruleDir, r.file));
  for (const t of context.templates.templates) t.file = join(templateDir, t.file);
  return context;
}

/**
 * The context from an artifact, when `dirs` are exactly one rule folder and one template
 * folder and the key of what they (and the code) hold now equals the artifact's; else null.
 */
export function readCachedContext(artifactPath: string, dirs: CheckDirs, root: string = packageRoot()): TaskContext | null {
  if (dirs.ruleDirs.length !== 1 || dirs.templateDirs.length !== 1) return null;
  const [ruleDir] = dirs.ruleDirs;
  const [templateDir] = dirs.templateDirs;
  let bytes: Buffer;
  try {
    bytes = readFileSync(artifactPath);
  } catch {
    return null; // not built (running from src/, or tsc alone): load the files
  }
  try {
    const artifact = deserialize(bytes) as Artifact;
    if (artifact?.format !== FORMAT || !Array.isArray(artifact.code) || !(artifact.context instanceof Uint8Array)) return null;
    if (contextKey(root, artifact.code, ruleDir, templateDir) !== artifact.key) return null;
    return restorePaths(deserialize(artifact.context) as TaskContext, ruleDir, templateDir);
  } catch {
    return null; // unreadable or corrupt: load the files
  }
}

/** The bundled rules and templates from dist/context-cache.bin, or null when `dirs` are not the bundled folders as built. */
export function cachedTaskContext(dirs: CheckDirs): TaskContext | null {
  const bundled = [bundledRulesDir()];
  const bundledTemplates = [bundledTemplatesDir()];
  if (!sameList(dirs.ruleDirs, bundled) || !sameList(dirs.templateDirs, bundledTemplates)) return null;
  return readCachedContext(bundledCachePath(), dirs);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
