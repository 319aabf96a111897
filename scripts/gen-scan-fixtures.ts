// Makes the scanned fixtures of issue 18 (run: `npx tsx scripts/gen-scan-fixtures.ts`; needs
// poppler-utils' pdftoppm and pdftotext — tests never run it): existing PDF fixtures printed
// to pixels and spoiled the way scanners and phones spoil them — turned by a fraction of a
// degree, speckled, JPEG-compressed, a red seal stamped over a money cell, a photo's uneven
// light and blur — then saved as an image-only PDF, PNG, JPEG, TIFF, or pictures in a DOCX.
// Deterministic: a seeded random source, so the same run gives the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodePnm, deskew, turnQuarters, type Rgb } from '../src/read/ocr/raster.js';
import { pack, readZipEntries, writeZip } from './lib/zip.js';

const ROOT = join(import.meta.dirname, '..');
const PDF = join(ROOT, 'fixtures', 'pdf');
const OUT = join(ROOT, 'fixtures', 'scan');

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function render(pdf: string, page: number, dpi: number): Rgb {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), join(PDF, pdf)], { maxBuffer: 1 << 30 });
  const img = decodePnm(ppm);
  return { ...img, data: Uint8Array.from(img.data) };
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(PDF, pdf)], { encoding: 'utf8' }))![1]);
}

/** The page as a scanner turns it: by `angle` degrees (deskew turns by -angle: pass the negative). */
function turn(img: Rgb, angle: number): Rgb {
  return deskew(img, -angle, 3);
}

/** Paper that is not quite white and scattered specks of dust. */
function speckle(img: Rgb, rnd: () => number, share: number, paper = 246): void {
  const { width, height, data } = img;
  for (let p = 0; p < width * height; p++) for (let c = 0; c < 3; c++) data[3 * p + c] = Math.round((data[3 * p + c] * paper) / 255);
  const specks = Math.round(width * height * share);
  for (let i = 0; i < specks; i++) {
    const x = Math.floor(rnd() * (width - 2)), y = Math.floor(rnd() * (height - 2));
    const v = Math.floor(rnd() * 120);
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) if (rnd() < 0.6) for (let c = 0; c < 3; c++) data[3 * ((y + dy) * width + x + dx) + c] = v;
  }
}

/** A photo: light falling off towards one corner, a soft focus, sensor noise. */
function photograph(img: Rgb, rnd: () => number): Rgb {
  const { width, height } = img;
  const blurred = new Uint8Array(img.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0, n = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          s += img.data[3 * (yy * width + xx) + c]; n++;
        }
        const light = 0.78 + 0.2 * (1 - (x / width + y / height) / 2);
        const noise = (rnd() + rnd() + rnd() - 1.5) * 14;
        blurred[3 * (y * width + x) + c] = Math.max(0, Math.min(255, Math.round((s / n) * light + noise)));
      }
    }
  }
  return { width, height, data: blurred };
}

/** A round red seal (ring, star, an arc of "characters") centred at (cx, cy) pixels, stamped
 *  as ink multiplies paper: over black print it stays black. */
function stamp(img: Rgb, cx: number, cy: number, radius: number, rnd: () => number): void {
  const { width, height, data } = img;
  const red = [214, 38, 44];
  const ink = (x: number, y: number, strength: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = 3 * (y * width + x);
    for (let c = 0; c < 3; c++) data[o + c] = Math.round(data[o + c] * (1 - strength + (strength * red[c]) / 255));
  };
  const ring = radius * 0.06;
  for (let y = Math.floor(cy - radius - 2); y <= cy + radius + 2; y++) {
    for (let x = Math.floor(cx - radius - 2); x <= cx + radius + 2; x++) {
      const d = Math.hypot(x - cx, y - cy);
      const a = Math.atan2(y - cy, x - cx);
      const onRing = Math.abs(d - radius + ring) < ring;
      // a five-pointed star in the middle
      const k = Math.cos(2.5 * (a + Math.PI / 2)) * 0.5 + 0.5;
      const onStar = d < radius * 0.28 * (0.45 + 0.55 * k);
      // blocky "characters" along an inner arc, over the upper part
      const onText = d > radius * 0.62 && d < radius * 0.82 && a < -0.3 && a > -2.85 && Math.floor((a * radius) / (radius * 0.16)) % 2 === 0 && rnd() < 0.85;
      if (onRing || onStar || onText) ink(x, y, 0.85 + 0.15 * rnd());
    }
  }
}

function jpegOf(img: Rgb, quality: number): Buffer {
  const rgba = Buffer.alloc(img.width * img.height * 4);
  for (let p = 0; p < img.width * img.height; p++) {
    rgba[4 * p] = img.data[3 * p]; rgba[4 * p + 1] = img.data[3 * p + 1]; rgba[4 * p + 2] = img.data[3 * p + 2]; rgba[4 * p + 3] = 255;
  }
  return jpeg.encode({ data: rgba, width: img.width, height: img.height }, quality).data;
}

function greyPng(img: Rgb): Buffer {
  const png = new PNG({ width: img.width, height: img.height, colorType: 0, inputColorType: 2, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(img.data);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 2, inputHasAlpha: false });
}

/** An image-only PDF: each page one JPEG (DCTDecode) filling an A4-sized page. */
function imagePdf(pages: { jpeg: Buffer; width: number; height: number; dpi: number }[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body) ;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const w = (p.width * 72) / p.dpi, h = (p.height * 72) / p.dpi;
    const base = 3 + 3 * i;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${base + 2} 0 R >> >> /Contents ${base + 1} 0 R >>`);
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    add(Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, 'latin1'),
      p.jpeg,
      Buffer.from('\nendstream', 'latin1'),
    ]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A greyscale TIFF, one Deflate-compressed strip, with its resolution. */
function greyTiff(img: Rgb, dpi: number): Buffer {
  const grey = Buffer.alloc(img.width * img.height);
  for (let p = 0; p < grey.length; p++) grey[p] = img.data[3 * p];
  const strip = deflateSync(grey, { level: 9 });
  const tags: [number, number, number, number][] = [ // tag, type (3 short, 4 long, 5 rational), count, value
    [256, 4, 1, img.width], [257, 4, 1, img.height], [258, 3, 1, 8], [259, 3, 1, 8], [262, 3, 1, 1],
    [273, 4, 1, 0], [277, 3, 1, 1], [278, 4, 1, img.height], [279, 4, 1, strip.length],
    [282, 5, 1, 0], [283, 5, 1, 0], [296, 3, 1, 2],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const ratAt = 8 + ifdSize, stripAt = ratAt + 16;
  const buf = Buffer.alloc(stripAt + strip.length);
  buf.write('II', 0, 'latin1'); buf.writeUInt16LE(42, 2); buf.writeUInt32LE(8, 4);
  buf.writeUInt16LE(tags.length, 8);
  tags.forEach(([tag, type, count, value], i) => {
    const o = 10 + 12 * i;
    buf.writeUInt16LE(tag, o); buf.writeUInt16LE(type, o + 2); buf.writeUInt32LE(count, o + 4);
    const v = tag === 273 ? stripAt : tag === 282 ? ratAt : tag === 283 ? ratAt + 8 : value;
    if (type === 3) buf.writeUInt16LE(v, o + 8); else buf.writeUInt32LE(v, o + 8);
  });
  buf.writeUInt32LE(0, 10 + 12 * tags.length);
  buf.writeUInt32LE(dpi, ratAt); buf.writeUInt32LE(1, ratAt + 4); buf.writeUInt32LE(dpi, ratAt + 8); buf.writeUInt32LE(1, ratAt + 12);
  strip.copy(buf, stripAt);
  return buf;
}

/** Where a printed word is on a page (points, top-down), by pdftotext. */
function wordBox(pdf: string, page: number, word: string): { x0: number; y0: number; x1: number; y1: number } {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), join(PDF, pdf), '-'], { encoding: 'utf8' });
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word.replace('.', '\\.')}</word>`).exec(xml);
  if (!m) throw new Error(`${word} not on ${pdf} page ${page}`);
  return { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rnd = mulberry32(18);

  // The seed as a department scans it: 200 dpi, each sheet turned a little, JPEG in a PDF.
  const seedAngles = [0.4, -0.3, 0.6, -0.5, 0.25, -0.7, 0.5, -0.2, 0.35, -0.45];
  const seedPages = Array.from({ length: pageCount('seed-yuelu-2022.pdf') }, (_, i) => {
    const img = turn(render('seed-yuelu-2022.pdf', i + 1, 200), seedAngles[i % seedAngles.length]);
    speckle(img, rnd, 0.0004);
    return { jpeg: jpegOf(img, 70), width: img.width, height: img.height, dpi: 200 };
  });
  writeFileSync(join(OUT, 'seed-yuelu-2022-scan.pdf'), imagePdf(seedPages));

  // A project form scanned to PNG (greyscale), 200 dpi, turned -0.6°.
  const national = turn(render('project-national-clean.pdf', 1, 200), -0.6);
  speckle(national, rnd, 0.0004);
  writeFileSync(join(OUT, 'project-national-clean-scan.png'), greyPng(national));

  // The same form's picture pasted into a DOCX (a scan sent as Word).
  const doc = new Document({
    sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: greyPng(national), transformation: { width: 595, height: 842 } })] })] }],
  });
  // the same bytes every run: core.xml's dates fixed, the zip rewritten with the fixtures' stamp
  const entries = await readZipEntries(await Packer.toBuffer(doc));
  const fixed = entries.map((e) => pack(e.name, e.name === 'docProps/core.xml' ? e.data.toString('utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '2023-03-01T00:00:00Z') : e.data, { level: 9 }));
  writeFileSync(join(OUT, 'project-national-clean-pictures.docx'), writeZip(fixed));

  // A red seal over the total line's 全年执行数 (588.40) of the slipped form, 200 dpi PDF.
  const slips = render('project-national-slips.pdf', 1, 200);
  const at = wordBox('project-national-slips.pdf', 1, '588.40');
  const k = 200 / 72;
  stamp(slips, ((at.x0 + at.x1) / 2 + 30) * k, ((at.y0 + at.y1) / 2 + 10) * k, 0.75 * 200, rnd);
  const sealed = turn(slips, 0.3);
  speckle(sealed, rnd, 0.0003);
  writeFileSync(join(OUT, 'project-national-slips-seal.pdf'), imagePdf([{ jpeg: jpegOf(sealed, 75), width: sealed.width, height: sealed.height, dpi: 200 }]));

  // A phone photo of a Sichuan form: 200 dpi, turned 1.2°, uneven light, soft, JPEG.
  const photo = photograph(turn(render('project-sichuan-clean.pdf', 1, 200), 1.2), rnd);
  writeFileSync(join(OUT, 'project-sichuan-clean-photo.jpg'), jpegOf(photo, 70));

  // A 300 dpi greyscale TIFF of a Hubei form, turned -0.35°.
  const hubei = turn(render('project-hubei-clean.pdf', 1, 300), -0.35);
  speckle(hubei, rnd, 0.0002);
  writeFileSync(join(OUT, 'project-hubei-clean-300dpi.tif'), greyTiff(hubei, 300));

  const roughRnd = mulberry32(150);
  // A rough one for the accuracy figures (bench only, below the 200 dpi the target speaks of):
  // 150 dpi, turned 0.9°, dusty, a seal over the money, a phone's light and blur, JPEG at 55.
  const rough = render('project-national-slips.pdf', 1, 150);
  const at150 = wordBox('project-national-slips.pdf', 1, '498.40');
  stamp(rough, ((at150.x0 + at150.x1) / 2 - 20) * (150 / 72), ((at150.y0 + at150.y1) / 2) * (150 / 72), 0.75 * 150, roughRnd);
  const roughTurned = turn(rough, 0.9);
  speckle(roughTurned, roughRnd, 0.0008);
  writeFileSync(join(OUT, 'project-national-slips-150dpi-rough.jpg'), jpegOf(photograph(roughTurned, roughRnd), 55));

  // Sheets fed the wrong way round (their own random source: the fixtures above keep their
  // bytes). The slipped form put in upside down, 200 dpi, turned 0.5°, JPEG in a PDF; the
  // clean one on its side (the top of the form on the right) as a greyscale PNG.
  const wrongRnd = mulberry32(180);
  const upsideDown = turnQuarters(turn(render('project-national-slips.pdf', 1, 200), 0.5), 2, 3);
  speckle(upsideDown, wrongRnd, 0.0004);
  writeFileSync(join(OUT, 'project-national-slips-upside-down.pdf'), imagePdf([{ jpeg: jpegOf(upsideDown, 75), width: upsideDown.width, height: upsideDown.height, dpi: 200 }]));
  const sideways = turnQuarters(turn(render('project-national-clean.pdf', 1, 200), -0.4), 1, 3);
  speckle(sideways, wrongRnd, 0.0004);
  writeFileSync(join(OUT, 'project-national-clean-sideways.png'), greyPng(sideways));
}

await main();
