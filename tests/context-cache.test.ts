// The build's context cache (batch/context-cache.ts): the bundled rules and templates read
// from the artifact are the very context the files give; a folder whose files differ from
// what the artifact was built from (an edited rule) misses it and is validated as always.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuleFileError } from '../src/check/loader.js';
import { checkDirs, freshTaskContext, loadTaskContext } from '../src/batch/checks-context.js';
import { cachedTaskContext, readCachedContext } from '../src/batch/context-cache.js';
import { codeClosure, contextEntries, writeContextCache } from '../src/batch/write-context-cache.js';
import { bundledRulesDir, packageRoot } from '../src/paths.js';

const ROOT = packageRoot();

/** The context as text, keys in their order, patterns and undefined values spelled out. */
function ordered(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof RegExp ? `RegExp ${String(v)}` : v === undefined ? 'undefined' : v));
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jx-ctxcache-'));
});

/** A copy of the bundled rules (with templates/) and an artifact built from it. */
function copyWithArtifact(name: string): { dirs: { ruleDirs: string[]; templateDirs: string[] }; artifact: string } {
  const rules = join(work, name);
  cpSync(bundledRulesDir(), rules, { recursive: true });
  const dirs = { ruleDirs: [rules], templateDirs: [join(rules, 'templates')] };
  const artifact = join(work, `${name}.bin`);
  expect(writeContextCache(artifact, dirs)).toBe(true);
  return { dirs, artifact };
}

describe('the context cache', () => {
  it('gives the bundled rules and templates deep-equal to loading the files', () => {
    const artifact = join(work, 'bundled.bin');
    expect(writeContextCache(artifact, checkDirs())).toBe(true);
    const cached = readCachedContext(artifact, checkDirs());
    const fresh = freshTaskContext(checkDirs());
    expect(cached).not.toBeNull();
    expect(cached).toStrictEqual(fresh);
    // down to key order (a table's keys are in precedence order)
    expect(ordered(cached)).toBe(ordered(fresh));
    // the rules keep the loader's names (relative to the working folder), the templates their full paths
    expect(cached!.rules.rules[0].file).toBe(join('rules', 'dept-overall.yaml'));
    expect(cached!.templates.templates[0].file).toBe(join(ROOT, 'rules', 'templates', 'dept-overall.yaml'));
  });

  it('gives a copy in another folder its own file names', () => {
    const { dirs, artifact } = copyWithArtifact('copy');
    const cached = readCachedContext(artifact, dirs);
    expect(cached).not.toBeNull();
    expect(cached).toStrictEqual(freshTaskContext(dirs));
    expect(cached!.rules.rules.find((r) => r.id === 'project.funds.sources-sum')!.file).toBe(join(dirs.ruleDirs[0], 'project.yaml'));
  });

  it('misses once a rule file is edited, and the edit is validated with its file and line', () => {
    const { dirs, artifact } = copyWithArtifact('edited');
    const file = join(dirs.ruleDirs[0], 'project.yaml');
    const text = readFileSync(file, 'utf8');
    // line 6 of project.yaml: the first rule's `severity: error`
    expect(text.split('\n')[5]).toBe('  severity: error');
    writeFileSync(file, text.replace('  severity: error', '  severity: fatal'));
    expect(readCachedContext(artifact, dirs)).toBeNull();
    let error: unknown;
    try {
      freshTaskContext(dirs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as RuleFileError).file).toBe(file);
    expect((error as RuleFileError).ruleId).toBe('project.funds.sources-sum');
    expect((error as RuleFileError).line).toBe(6);
  });

  it('misses when a rule file is added, a template changed, or the artifact is corrupt', () => {
    const added = copyWithArtifact('added');
    writeFileSync(join(added.dirs.ruleDirs[0], 'zz-extra.yaml'), '[]\n');
    expect(readCachedContext(added.artifact, added.dirs)).toBeNull();

    const template = copyWithArtifact('template');
    const base = join(template.dirs.templateDirs[0], 'base.yaml');
    writeFileSync(base, `${readFileSync(base, 'utf8')}\n`);
    expect(readCachedContext(template.artifact, template.dirs)).toBeNull();

    const corrupt = copyWithArtifact('corrupt');
    const bytes = readFileSync(corrupt.artifact);
    writeFileSync(corrupt.artifact, bytes.subarray(0, bytes.length >> 1));
    expect(readCachedContext(corrupt.artifact, corrupt.dirs)).toBeNull();
    expect(readCachedContext(join(work, 'no-such.bin'), corrupt.dirs)).toBeNull();
  });

  it('is only for the bundled folders alone: a --rules folder loads the files', () => {
    const extra = join(work, 'user-rules');
    cpSync(join(ROOT, 'rules', 'shared.yaml'), join(extra, 'shared.yaml'));
    expect(cachedTaskContext(checkDirs(extra))).toBeNull();
    // (its rules replace the bundled ones by id: same ids, now from the user's file)
    expect(loadTaskContext(checkDirs(extra)).rules.rules.filter((r) => r.file.startsWith(extra)).length).toBeGreaterThan(0);
  });

  it('keys on the code that parses and validates, not only the YAML', () => {
    const code = codeClosure(contextEntries(), ROOT);
    for (const f of ['src/batch/checks-context.ts', 'src/check/loader.ts', 'src/check/kinds/index.ts', 'src/check/kinds/sum.ts', 'src/recognize/load-templates.ts',
      'src/recognize/template-schema.ts', 'src/recognize/labels.ts', 'src/normalize/cell.ts', 'src/model/record-path.ts']) {
      expect(code).toContain(f);
    }
    // and not the readers and recognizers, which the context does not depend on
    expect(code).not.toContain('src/recognize/index.ts');
    expect(code).not.toContain('src/pipeline.ts');
  });

  it('the built artifact (npm run build) is what the built loaders give', () => {
    const artifact = join(ROOT, 'dist', 'context-cache.bin');
    if (!existsSync(artifact)) throw new Error('dist/context-cache.bin is missing: run `npm run build` (npm test does it)');
    const script = `
      import { isDeepStrictEqual } from 'node:util';
      const ordered = (value) => JSON.stringify(value, (_k, v) => (v instanceof RegExp ? 'RegExp ' + String(v) : v === undefined ? 'undefined' : v));
      const { checkDirs, freshTaskContext } = await import(${JSON.stringify(join(ROOT, 'dist/src/batch/checks-context.js'))});
      const { cachedTaskContext } = await import(${JSON.stringify(join(ROOT, 'dist/src/batch/context-cache.js'))});
      const cached = cachedTaskContext(checkDirs());
      const fresh = freshTaskContext(checkDirs());
      console.log(JSON.stringify({ hit: cached !== null, equal: isDeepStrictEqual(cached, fresh), sameOrder: ordered(cached) === ordered(fresh) }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ hit: true, equal: true, sameOrder: true });
  });
});
