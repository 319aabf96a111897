// Builds the hostile and broken inputs under fixtures/bad/ (issue 7): files truncated,
// renamed, encrypted, scanned, zip bombs, pathological structures, hostile cell text,
// and non-forms. Expected outcomes: tests/bad/expected.json.
// Usage: npx tsx scripts/gen-bad-fixtures.ts [name ...]
//
// Deterministic except where LibreOffice decides: the .doc/.wps and the long PDF.
// Only those need `soffice`, and only here; tests read the committed files. The
// encrypted DOCX is encrypted by scripts/bad/encrypt.ts (msoffcrypto-tool -p 1234 decrypts it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflatedBomb } from './bad/bomb.js';
import { encryptDocx } from './bad/encrypt.js';
import { hostileNumbers, hugeCell, longReport, payloadText, scanOnlyDocx } from './bad/forms.js';
import { docxFromBody, docxWithDocument, minimalXlsx, p, tbl, tr, W_NS } from './bad/ooxml.js';
import { pack as entry } from './lib/zip.js';
import { prng } from './bad/png.js';
import { buildDocx } from './fixtures/builder.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const outDir = join(root, 'fixtures', 'bad');
const seedDocx = join(root, 'fixtures', 'docx', 'seed-yuelu-2022.docx');
const seedPdf = join(root, 'fixtures', 'pdf', 'seed-yuelu-2022.pdf');

type Maker = () => Promise<Buffer | null>;

/** Runs `soffice --headless --convert-to <to>` on a file; returns the converted bytes. */
function libreOffice(input: Buffer, inputName: string, to: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'jxaudit-bad-'));
  try {
    const src = join(work, inputName);
    execFileSync('sh', ['-c', 'cat > "$1"', 'sh', src], { input });
    // A private profile: a second LibreOffice (another engineer's) must not lock ours.
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', to, '--outdir', work, src], {
      stdio: 'ignore',
      timeout: 600_000,
    });
    const out = join(work, inputName.replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
    return readFileSync(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function fromPdfFixtures(name: string, make: () => Buffer | null | Promise<Buffer | null>): Promise<Buffer | null> {
  const path = join(root, 'fixtures', 'pdf', name);
  return existsSync(path) ? readFile(path) : make();
}

/** The seed's PDF with an opening password (AES-256), by qpdf. */
function encryptedPdf(): Buffer | null {
  if (!existsSync(seedPdf)) return null;
  const work = mkdtempSync(join(tmpdir(), 'jxaudit-bad-'));
  try {
    execFileSync('qpdf', ['--encrypt', '1234', 'owner-1234', '256', '--', seedPdf, join(work, 'out.pdf')]);
    return readFileSync(join(work, 'out.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The seed's first page as a picture only (pdftoppm), pasted into a DOCX that LibreOffice prints to PDF: a scan. */
async function scannedPdf(): Promise<Buffer | null> {
  if (!existsSync(seedPdf)) return null;
  const work = mkdtempSync(join(tmpdir(), 'jxaudit-bad-'));
  try {
    execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-png', '-singlefile', seedPdf, join(work, 'page')]);
    return libreOffice(await scanOnlyDocx([readFileSync(join(work, 'page.png'))]), 'scan.docx', 'pdf');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

let ole2: Buffer | null = null;
/** The seed as a Word 97-2003 binary (OLE2) — what a legacy .doc and WPS's .wps hold. */
function wordBinary(): Buffer {
  ole2 ??= libreOffice(readFileSync(seedDocx), 'seed.docx', 'doc');
  return ole2;
}

let bombCache: Awaited<ReturnType<typeof deflatedBomb>> | null = null;
async function bomb() {
  bombCache ??= await deflatedBomb();
  return bombCache;
}

const makers: Record<string, Maker> = {
  // --- broken containers ---------------------------------------------------
  'empty.docx': async () => Buffer.alloc(0),
  // Cut in e-mail: the first 55% of the seed, so the central directory is gone.
  'truncated.docx': async () => {
    const seed = await readFile(seedDocx);
    return seed.subarray(0, Math.floor(seed.length * 0.55));
  },
  'legacy-word97.docx': async () => wordBinary(),
  'wps-renamed.docx': async () => wordBinary(),
  // Opening password 1234 (ECMA-376 Standard encryption in an OLE2 container).
  'password-1234.docx': async () => encryptDocx(await readFile(seedDocx), '1234'),
  'scan-only.docx': scanOnlyDocx,
  // --- zip bombs -------------------------------------------------------------
  // Declares its true size (> 2 GiB): refused by the declared size, nothing inflated.
  'zip-bomb-declared.docx': async () => {
    const b = await bomb();
    return docxWithDocument({ name: 'word/document.xml', packed: b.packed, crc: b.crc, declaredSize: b.size });
  },
  // Declares 64 KiB (and a CRC that does not match): the inflated size must be cut off.
  'zip-bomb-lying.docx': async () => {
    const b = await bomb();
    return docxWithDocument({ name: 'word/document.xml', packed: b.packed, crc: 0x12345678, declaredSize: 65536 });
  },
  // --- pathological structure ----------------------------------------------
  'many-tables.docx': async () => {
    const parts: string[] = [p('2022年度各单位资金情况表（汇编）')];
    for (let i = 1; i <= 4000; i++) {
      parts.push(
        tbl(4, tr(['项目', '全年预算数', '全年执行数', '执行率']) + tr(['合计', `${100 + (i % 50)}.00`, `${90 + (i % 40)}.00`, '90.00%'])),
        p(`表${i}`),
      );
    }
    return docxFromBody(parts.join(''));
  },
  'nested-tables.docx': async () => {
    // Word stops at 63 levels; a hostile file need not. 3000 levels, one cell each.
    const depth = 3000;
    const open: string[] = [];
    const close: string[] = [];
    for (let level = 0; level < depth; level++) {
      open.push(`<w:tbl><w:tblGrid><w:gridCol w:w="1500"/></w:tblGrid><w:tr><w:tc>${p(`第${level + 1}层 合计 100.00`)}`);
      close.push(`<w:p/></w:tc></w:tr></w:tbl>`);
    }
    return docxFromBody(p('嵌套表格') + open.join('') + close.reverse().join('') + p('完'));
  },
  // Every row one cell claiming 9,999 grid columns: 5 million grid positions from 1 KB.
  'huge-gridspan.docx': async () =>
    docxFromBody(tbl(1, '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="9999"/></w:tcPr><w:p/></w:tc></w:tr>'.repeat(500))),
  // "Billion laughs": nested internal entities that would expand to gigabytes, plus an
  // external entity (file:///etc/passwd) — neither may be expanded or fetched.
  'xml-entity-bomb.docx': async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">${levels}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`
      + `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol9;&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    return docxWithDocument(entry('word/document.xml', xml));
  },
  // --- PDFs ------------------------------------------------------------------
  'random-bytes.pdf': async () => {
    const rand = prng(20221231);
    const body = Buffer.alloc(96 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = Math.floor(rand() * 256);
    return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), body]);
  },
  'truncated.pdf': async () => {
    if (!existsSync(seedPdf)) return null;
    const seed = await readFile(seedPdf);
    return seed.subarray(0, Math.floor(seed.length * 0.4));
  },
  // The PDF engineer's encrypted and scanned PDFs (fixtures/pdf/) are copied as they are;
  // without them they are made from the seed's PDF (qpdf; pdftoppm + LibreOffice).
  'encrypted.pdf': async () => fromPdfFixtures('encrypted.pdf', encryptedPdf),
  'scanned.pdf': async () => fromPdfFixtures('scanned.pdf', scannedPdf),
  'hundreds-of-pages.pdf': async () => libreOffice(await buildDocx(longReport()), 'long-report.docx', 'pdf'),
  // --- hostile cell text -----------------------------------------------------
  'huge-cell.docx': async () => buildDocx(hugeCell()),
  'hostile-numbers.docx': async () => buildDocx(hostileNumbers()),
  'payload-text.docx': async () => buildDocx(payloadText()),
  // --- not forms at all (named so: they must not change the exit status) -----
  'cover-letter.txt': async () =>
    Buffer.from('关于报送2022年度部门整体支出绩效自评材料的函\n\n区财政局：\n　　现将我局2022年度部门整体支出绩效自评表及自评报告随函报送，请审核。\n\n　　附件：绩效自评表（DOCX）\n\n益阳市赫山区水利局\n2023年3月1日\n', 'utf8'),
  'budget.xlsx': async () => minimalXlsx(),
};

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  await mkdir(outDir, { recursive: true });
  for (const [name, make] of Object.entries(makers)) {
    if (only.size && !only.has(name)) continue;
    const started = Date.now();
    const bytes = await make();
    if (!bytes) {
      console.warn(`skipped ${name}: its source is missing`);
      continue;
    }
    await writeFile(join(outDir, name), bytes);
    console.log(`fixtures/bad/${name}  ${bytes.length} bytes  (${Date.now() - started} ms)`);
  }
}


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
