// The worker patch (src/read/pdfjs-worker-patch.ts) must hand pdfjs' font loader the
// very bytes the unpatched worker makes, an encrypted file's included: each font file of
// a few fixtures (their CJK fonts are CFF, the compiler the patch rewrites) is hashed by
// a child process with the patch and by one without (JXAUDIT_PDFJS_PATCH=off), and the
// lists compared.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchWorkerSource } from '../src/read/pdfjs-worker-patch.js';
import { packageRoot } from '../src/paths.js';

const ROOT = packageRoot();
// owner-password.pdf is AES-256 (revision 6): its fonts come out right only with the right key
const FILES = ['fixtures/pdf/seed-yuelu-2022.pdf', 'fixtures/pdf/multipage-split-rows.pdf', 'fixtures/pdf/real-anhui-xiaoxian-2023.pdf', 'fixtures/pdf/owner-password.pdf'].map((f) => join(ROOT, f));

/** Hashes every font file pdfjs hands its font loader (bind: where it would become an @font-face rule). */
const SCRIPT = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
const seen = [];
const { openPdf } = await import(${JSON.stringify(join(ROOT, 'dist/src/read/pdf-load.js'))});
const { workerPatched } = await import(${JSON.stringify(join(ROOT, 'dist/src/read/pdfjs.js'))});
const out = { workerPatched, files: [] };
for (const file of JSON.parse(process.argv[1])) {
  seen.length = 0;
  const doc = await openPdf(readFileSync(file));
  const loader = doc._transport.fontLoader;
  const bind = loader.bind.bind(loader);
  loader.bind = (font) => {
    if (font.data) seen.push(createHash('sha256').update(font.data).digest('hex') + ':' + font.data.length);
    return bind(font);
  };
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getOperatorList();
  out.files.push([...seen]);
  await doc.destroy();
}
console.log(JSON.stringify(out));
`;

function fontHashes(patch: 'on' | 'off'): { workerPatched: boolean; files: string[][] } {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, JSON.stringify(FILES)], {
    env: { ...process.env, JXAUDIT_PDFJS_PATCH: patch },
    encoding: 'utf8',
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('pdfjs worker patch', () => {
  it('applies to the installed pdfjs-dist', () => {
    const path = join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
    expect(patchWorkerSource(readFileSync(path))).not.toBeNull();
  });

  it('gives every font file byte for byte as the unpatched worker does (uses dist/: npm run build)', () => {
    const patched = fontHashes('on');
    const unpatched = fontHashes('off');
    expect(patched.workerPatched).toBe(true);
    expect(unpatched.workerPatched).toBe(false);
    // Each file has fonts (else the comparison proves nothing).
    for (const fonts of patched.files) expect(fonts.length).toBeGreaterThan(0);
    expect(patched.files).toEqual(unpatched.files);
  });

  it('refuses a source without its anchors (another pdfjs version)', () => {
    expect(patchWorkerSource(Buffer.from('export {};'))).toBeNull();
  });
});
