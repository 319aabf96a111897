// The worker patch (src/read/pdfjs-worker-patch.ts) must leave pdfjs' reading as the
// unpatched worker's, an encrypted file's included: where it builds font files
// (JXAUDIT_PDFJS_PATCH=fonts) each is hashed and compared with the unpatched worker's
// (JXAUDIT_PDFJS_PATCH=off; the CJK fonts' files are CFF, the compiler the patch
// rewrites); as it runs (no font file for Type 1 and CFF fonts), each page's text content
// and operator list are. Each is read by a child process of its own.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchWorkerPieces, patchWorkerSource, workerEdits } from '../src/read/pdfjs-worker-patch.js';
import { packageRoot } from '../src/paths.js';

const ROOT = packageRoot();
// owner-password.pdf is AES-256 (revision 6): its fonts come out right only with the right key
const FILES = ['fixtures/pdf/seed-yuelu-2022.pdf', 'fixtures/pdf/multipage-split-rows.pdf', 'fixtures/pdf/real-anhui-xiaoxian-2023.pdf', 'fixtures/pdf/owner-password.pdf'].map((f) => join(ROOT, f));

/** Per file: every font pdfjs hands its font loader (bind: where it would become an
 *  @font-face rule) with the hash of its font file (null: none built), and a hash of each
 *  page's text content and operator list (glyphs included). */
const SCRIPT = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
const { openPdf } = await import(${JSON.stringify(join(ROOT, 'dist/src/read/pdf-load.js'))});
const { workerPatched } = await import(${JSON.stringify(join(ROOT, 'dist/src/read/pdfjs.js'))});
const hash = (data) => createHash('sha256').update(data).digest('hex');
const plain = (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
const out = { workerPatched, files: [] };
for (const file of JSON.parse(process.argv[1])) {
  const fonts = [], pages = [];
  const doc = await openPdf(readFileSync(file));
  const loader = doc._transport.fontLoader;
  const bind = loader.bind.bind(loader);
  loader.bind = (font) => {
    fonts.push({ name: font.name, file: font.data ? hash(font.data) + ':' + font.data.length : null });
    return bind(font);
  };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent();
    const ops = await page.getOperatorList();
    pages.push(hash(JSON.stringify([text, ops.fnArray, ops.argsArray], plain)));
  }
  out.files.push({ fonts, pages });
  await doc.destroy();
}
console.log(JSON.stringify(out));
`;

type Font = { name: string; file: string | null };
type Run = { workerPatched: boolean; files: { fonts: Font[]; pages: string[] }[] };

/** The worker as patched (on), patched but building font files (fonts), or unpatched (off). */
function readWith(patch: 'on' | 'fonts' | 'off'): Run {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, JSON.stringify(FILES)], {
    env: { ...process.env, JXAUDIT_PDFJS_PATCH: patch },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
}

describe('pdfjs worker patch', { timeout: 120_000 }, () => {
  const runs = new Map<string, Run>();
  const run = (patch: 'on' | 'fonts' | 'off') => runs.get(patch) ?? runs.set(patch, readWith(patch)).get(patch)!;

  it('applies to the installed pdfjs-dist', () => {
    const path = join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
    expect(patchWorkerSource(readFileSync(path))).not.toBeNull();
    expect(patchWorkerSource(readFileSync(path), { fontFiles: true })).not.toBeNull();
  });

  it('building font files, gives every font file byte for byte as the unpatched worker does (uses dist/: npm run build)', () => {
    const patched = run('fonts');
    const unpatched = run('off');
    expect(patched.workerPatched).toBe(true);
    expect(unpatched.workerPatched).toBe(false);
    // Each file has font files (else the comparison proves nothing).
    for (const { fonts } of patched.files) expect(fonts.filter((f) => f.file !== null).length).toBeGreaterThan(0);
    expect(patched.files.map((f) => f.fonts)).toEqual(unpatched.files.map((f) => f.fonts));
  });

  it('builds no font file for an embedded Type 1 font (LibreOffice\'s CJK fonts), yet every page\'s text and operator list are the unpatched worker\'s', () => {
    const patched = run('on');
    const unpatched = run('off');
    expect(patched.workerPatched).toBe(true);
    const type1 = (f: Font) => f.name.includes('NotoSansCJK');
    // the seed's CJK fonts are Type 1 (pdffonts), its Latin ones TrueType
    const seed = 0; // FILES[0]
    expect(unpatched.files[seed].fonts.filter(type1).length).toBeGreaterThan(0);
    expect(unpatched.files[seed].fonts.filter(type1).every((f) => f.file !== null)).toBe(true);
    expect(patched.files[seed].fonts.filter(type1).every((f) => f.file === null)).toBe(true);
    expect(patched.files[seed].fonts.filter((f) => !type1(f)).every((f) => f.file !== null)).toBe(true);
    expect(patched.files.map((f) => f.pages)).toEqual(unpatched.files.map((f) => f.pages));
    expect(patched.files.flatMap((f) => f.pages).length).toBeGreaterThan(5);
  });

  it('gives the patched source as pieces: the source itself between the edits, not copied', () => {
    const source = readFileSync(join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs'));
    for (const fontFiles of [false, true]) {
      // each edit applied to the text in turn, its anchor found exactly once, and the source map line dropped
      let text = source.toString('utf8');
      for (const { from, to } of workerEdits({ fontFiles })) {
        expect(text.split(from).length).toBe(2);
        text = text.replace(from, () => to);
      }
      text = text.slice(0, text.lastIndexOf('\n//# sourceMappingURL=') + 1);
      const pieces = patchWorkerPieces(source, { fontFiles })!;
      expect(Buffer.concat(pieces).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(patchWorkerSource(source, { fontFiles })!.equals(Buffer.from(text, 'utf8'))).toBe(true);
      // the long stretches of pdfjs' own code are views into the source read
      const own = pieces.filter((p) => p.length > 100_000);
      expect(own.length).toBeGreaterThan(2);
      for (const piece of own) expect(piece.buffer).toBe(source.buffer);
    }
  });

  it('refuses a source without its anchors (another pdfjs version)', () => {
    expect(patchWorkerSource(Buffer.from('export {};'))).toBeNull();
  });
});
