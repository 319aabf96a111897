// What start-up loads (issue 19): a worker thread receives the rules and templates
// validated and never builds a zod schema, and `check` starts its worker pool before it
// needs one — so neither loads zod (80–120 ms) on the way to its first form. Validation
// still loads it, with the same schemas and messages. Runs the compiled code (dist/,
// built by `npm test`) in child processes: a module once loaded stays loaded. zod marks
// its loading on globalThis (__zod_globalConfig), whichever of its builds loads. A worker
// checking a DOCX loads neither piscina's pool code (its workerData is the thread's own)
// nor node:child_process (LibreOffice and poppler load where a file needs them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'src');
const url = (rel: string) => JSON.stringify(pathToFileURL(join(DIST, rel)).href);
const ZOD_LOADED = `'__zod_globalConfig' in globalThis`;

function runModule(script: string): Record<string, unknown> {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'cli.js'))) throw new Error('dist/src/cli.js is missing: run `npm run build` (npm test does it)');
});

describe('start-up without zod', { timeout: 240_000 }, () => {
  it('a worker thread loads its code without zod; loading the rules still validates them with it', () => {
    const r = runModule(`
      await import(${url('batch/worker.js')});
      const afterImport = ${ZOD_LOADED};
      // the files parsed and validated, as any --rules folder is (not the build's cache)
      const { freshTaskContext, checkDirs } = await import(${url('batch/checks-context.js')});
      const context = freshTaskContext(checkDirs());
      console.log(JSON.stringify({ afterImport, afterLoad: ${ZOD_LOADED}, rules: context.rules.rules.length, templates: context.templates.templates.length }));
    `);
    expect(r.afterImport).toBe(false);
    expect(r.afterLoad).toBe(true);
    expect(r.rules).toBeGreaterThan(30);
    expect(r.templates).toBeGreaterThan(3);
  });

  it('check reads its options and starts its pool without zod', () => {
    const out = mkdtempSync(join(tmpdir(), 'jx-startup-'));
    // Preloaded into the command: says, when the pool creates its first worker, whether zod is loaded.
    const probe = `data:text/javascript,${encodeURIComponent(`
      import wt from 'node:worker_threads';
      if (wt.isMainThread) {
        const Worker = wt.Worker;
        let told = false;
        wt.Worker = class extends Worker {
          constructor(...args) {
            if (!told) { told = true; process.stderr.write('ZOD_AT_POOL ' + (${ZOD_LOADED}) + '\\n'); }
            super(...args);
          }
        };
      }`)}`;
    const r = spawnSync(process.execPath, ['--import', probe, join(DIST, 'cli.js'), 'check', join(ROOT, 'fixtures', 'docx', 'seed-yuelu-2022.docx'), '--out', out, '--jobs', '1', '--quiet', '--no-annotate'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 200_000,
    });
    expect(r.stderr).toContain('ZOD_AT_POOL false');
    expect(r.status).toBeLessThanOrEqual(1); // the form was checked (1: it has error findings)
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('a worker checks a DOCX without loading piscina’s pool, LibreOffice’s or poppler’s code (node:child_process)', () => {
    const out = mkdtempSync(join(tmpdir(), 'jx-startup-'));
    const r = runModule(`
      import { createRequire } from 'node:module';
      await import(${url('batch/worker.js')});
      const { runFileTask } = await import(${url('batch/task.js')});
      const { freshTaskContext, checkDirs } = await import(${url('batch/checks-context.js')});
      const file = ${JSON.stringify(join(ROOT, 'fixtures', 'docx', 'seed-yuelu-2022.docx'))};
      const row = await runFileTask({ abs: file, rel: 'a.docx', name: 'a.docx', outDir: ${JSON.stringify(out)}, maxBytes: 50e6, annotator: 'jxaudit' }, freshTaskContext(checkDirs()));
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        forms: row.forms.length,
        childProcess: process.moduleLoadList.includes('NativeModule child_process'),
        piscina: cache.some((k) => /[\\/]piscina[\\/]/.test(k)),
      }));
    `);
    expect(r.forms).toBe(1);
    expect(r.childProcess).toBe(false);
    expect(r.piscina).toBe(false);
  });

  it('the build bundles the worker: worker.js hands over to dist/src/worker-bundle, which checks a DOCX in a pool', () => {
    const shim = readFileSync(join(DIST, 'batch', 'worker.js'), 'utf8');
    expect(shim).toContain("export { default } from '../worker-bundle/worker.js'");
    // the bundle holds our modules; what loads lazily (PDF, workbooks, OCR, LibreOffice) is in chunks beside it
    const bundled = readdirSync(join(DIST, 'worker-bundle')).filter((n) => n.endsWith('.js'));
    expect(bundled).toContain('worker.js');
    expect(bundled.length).toBeLessThan(60);
    const out = mkdtempSync(join(tmpdir(), 'jx-bundle-'));
    const r = runModule(`
      const { runBatch } = await import(${url('batch/run.js')});
      const file = ${JSON.stringify(join(ROOT, 'fixtures', 'docx', 'seed-yuelu-2022.docx'))};
      const result = await runBatch({ inputs: [file], outDir: ${JSON.stringify(out)}, jobs: 1, annotator: 'jxaudit' });
      console.log(JSON.stringify({ forms: result.rows[0].forms.length, errors: result.rows[0].errors, status: result.rows[0].status }));
    `);
    expect(r).toEqual({ forms: 1, errors: expect.any(Number), status: 'discrepancies' });
    expect(r.errors).toBeGreaterThan(0); // seed-yuelu-2022 carries the seeded slips
  });

  it('an option value of another type than text still gets zod’s own message', () => {
    const r = runModule(`
      const { parseCheckOptions } = await import(${url('batch/options.js')});
      const text = parseCheckOptions({ jobs: 'abc', year: '2022', quiet: true });
      const textZod = ${ZOD_LOADED};
      const number = parseCheckOptions({ jobs: 2 });
      console.log(JSON.stringify({ text, textZod, number, numberZod: ${ZOD_LOADED} }));
    `);
    expect(r.text).toEqual({ ok: false, errors: ['--jobs 需要 1 到 64 之间的整数，收到 "abc"'] });
    expect(r.textZod).toBe(false);
    expect(r.number).toEqual({ ok: false, errors: ['Invalid input: expected string, received number'] });
    expect(r.numberZod).toBe(true);
  });
});
