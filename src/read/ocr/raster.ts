// Pixels of a scanned page: decoding (PPM from pdftoppm; PNG, JPEG, TIFF files in
// pure JS, nothing downloaded), the grey image OCR sees and the skew correction.
// The grey value is the red channel: red ink (a seal stamped over a figure) is as
// light as the paper there, while black print stays black — the seal drops out
// wherever the digits under it are printed in black.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';

/** 8-bit RGB pixels, row-major, 3 bytes a pixel. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
}

/** 8-bit grey pixels (0 black … 255 white). */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

export { imageType, type ImageType } from './image-type.js';
import type { ImageType } from './image-type.js';

/** A binary PPM (P6) or PGM (P5), as pdftoppm writes them. */
export function decodePnm(bytes: Buffer): Rgb {
  const magic = bytes.toString('latin1', 0, 2);
  if (magic !== 'P6' && magic !== 'P5') throw new Error(`not a binary PNM (${magic})`);
  const fields: number[] = [];
  let i = 2;
  while (fields.length < 3) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]))) i++;
    if (bytes[i] === 0x23) { while (i < bytes.length && bytes[i] !== 0x0a) i++; continue; }
    let n = '';
    while (i < bytes.length && bytes[i] >= 0x30 && bytes[i] <= 0x39) n += String.fromCharCode(bytes[i++]);
    fields.push(Number(n));
  }
  i++; // the one whitespace byte before the pixels
  const [width, height] = fields;
  if (magic === 'P6') return { width, height, data: new Uint8Array(bytes.buffer, bytes.byteOffset + i, width * height * 3) };
  const grey = bytes.subarray(i, i + width * height);
  const data = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) data[3 * p] = data[3 * p + 1] = data[3 * p + 2] = grey[p];
  return { width, height, data };
}

/** Decodes a picture file's first page (a multi-page TIFF: every page). */
export function decodeImage(bytes: Buffer, type: ImageType): Rgb[] {
  if (type === 'png') {
    const png = PNG.sync.read(bytes);
    return [fromRgba(png.width, png.height, png.data)];
  }
  if (type === 'jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return [fromRgba(img.width, img.height, img.data)];
  }
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(ab).filter((ifd) => ifd.t256 !== undefined);
  return ifds.map((ifd) => {
    UTIF.decodeImage(ab, ifd);
    return fromRgba(ifd.width, ifd.height, UTIF.toRGBA8(ifd));
  });
}

function fromRgba(width: number, height: number, rgba: Uint8Array | Buffer): Rgb {
  const data = new Uint8Array(width * height * 3);
  for (let p = 0, q = 0; p < width * height; p++, q += 4) {
    // transparent pixels are paper
    const a = rgba[q + 3];
    data[3 * p] = a === 255 ? rgba[q] : 255 - ((255 - rgba[q]) * a) / 255;
    data[3 * p + 1] = a === 255 ? rgba[q + 1] : 255 - ((255 - rgba[q + 1]) * a) / 255;
    data[3 * p + 2] = a === 255 ? rgba[q + 2] : 255 - ((255 - rgba[q + 2]) * a) / 255;
  }
  return { width, height, data };
}

/** The red channel as grey (see the header: a red seal drops out). */
export function redChannel(img: Rgb): Grey {
  const data = new Uint8Array(img.width * img.height);
  for (let p = 0; p < data.length; p++) {
    const r = img.data[3 * p], g = img.data[3 * p + 1], b = img.data[3 * p + 2];
    // clearly red (a seal's stroke, its JPEG-smeared edge): paper; black print under it stays black
    data[p] = r > 110 && r - Math.max(g, b) > RED_MARGIN ? 255 : r;
  }
  return { width: img.width, height: img.height, data };
}

/** Red this far above green and blue is seal ink, not print. */
const RED_MARGIN = 45;

/** 1 where a pixel is seal red (red clearly above green and blue), else 0. */
export function redMask(img: Rgb): Uint8Array {
  const out = new Uint8Array(img.width * img.height);
  for (let p = 0; p < out.length; p++) {
    const r = img.data[3 * p], g = img.data[3 * p + 1], b = img.data[3 * p + 2];
    out[p] = r > 120 && r - g > 60 && r - b > 50 ? 1 : 0;
  }
  return out;
}

/** Otsu's threshold of a grey image: the level that best splits ink from paper. */
export function otsu(img: Grey): number {
  const hist = new Array<number>(256).fill(0);
  for (let p = 0; p < img.data.length; p++) hist[img.data[p]]++;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t];
  let sumB = 0, wB = 0, best = 0, level = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; level = t; }
  }
  return level;
}

/** 1 for ink, 0 for paper. */
export function binarize(img: Grey, level: number): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let p = 0; p < out.length; p++) out[p] = img.data[p] <= level ? 1 : 0;
  return out;
}

/**
 * The skew of the page in degrees (positive: lines run down to the right), found
 * as the angle whose row projection of the ink is sharpest — ruled tables and text
 * lines make it peak. Searched within ±3°, to 0.02°.
 */
export function skewAngle(ink: Uint8Array, width: number, height: number): number {
  const xs: number[] = [], ys: number[] = [];
  // A sample of ink pixels is enough and keeps this fast on a 300 dpi page.
  const step = Math.max(1, Math.round(Math.sqrt((width * height) / 2_000_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) if (ink[y * width + x]) { xs.push(x); ys.push(y); }
  }
  if (xs.length < 100) return 0;
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    // bins as wide as the sampling step: finer bins would favour 0° (every sample on a bin)
    const hist = new Float64Array(Math.ceil((height + width) / step) + 2);
    const off = width;
    for (let i = 0; i < xs.length; i++) hist[Math.round((ys[i] - xs[i] * t + off) / step)]++;
    let s = 0;
    for (let i = 0; i < hist.length; i++) s += hist[i] * hist[i];
    return s;
  };
  let best = 0, bestScore = -1;
  for (let d = -3; d <= 3.0001; d += 0.1) {
    const s = score(d);
    if (s > bestScore) { bestScore = s; best = d; }
  }
  const coarse = best;
  for (let d = coarse - 0.1; d <= coarse + 0.1001; d += 0.02) {
    const s = score(d);
    if (s > bestScore) { bestScore = s; best = d; }
  }
  return Math.round(best * 100) / 100;
}

/** Turns the image by -angle about its centre (bilinear; outside is paper), so a
 *  page skewed by `angle` comes out level. */
export function deskew<T extends { width: number; height: number; data: Uint8Array }>(img: T, angle: number, channels: 1 | 3): T {
  if (Math.abs(angle) < 0.01) return img;
  const { width, height } = img;
  const a = (angle * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const cx = width / 2, cy = height / 2;
  const out = new Uint8Array(width * height * channels).fill(255);
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin, sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0, fy = sy - y0;
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        const p00 = src[(y0 * width + x0) * channels + c], p10 = src[(y0 * width + x0 + 1) * channels + c];
        const p01 = src[((y0 + 1) * width + x0) * channels + c], p11 = src[((y0 + 1) * width + x0 + 1) * channels + c];
        out[o + c] = (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
      }
    }
  }
  return { ...img, data: out };
}

/** Turns the image clockwise by `quarters` × 90° (a page fed sideways or upside down is
 *  turned back whole: no pixel is resampled). */
export function turnQuarters<T extends { width: number; height: number; data: Uint8Array }>(img: T, quarters: number, channels: 1 | 3): T {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return img;
  const { width, height, data } = img;
  const w = q === 2 ? width : height, h = q === 2 ? height : width;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // where (x, y) lands once the picture is turned clockwise q times
      const nx = q === 1 ? height - 1 - y : q === 2 ? width - 1 - x : y;
      const ny = q === 1 ? x : q === 2 ? height - 1 - y : width - 1 - x;
      const si = (y * width + x) * channels, di = (ny * w + nx) * channels;
      for (let c = 0; c < channels; c++) out[di + c] = data[si + c];
    }
  }
  return { ...img, width: w, height: h, data: out };
}

/** A binary PGM of part of a grey image, enlarged `scale` times (bilinear), with a paper
 *  margin (Tesseract reads PNM; it reads small print best at about 30 px a line). */
export function pgmOf(img: Grey, x0: number, y0: number, x1: number, y1: number, margin: number, scale = 1): Buffer {
  x0 = Math.max(0, Math.floor(x0)); y0 = Math.max(0, Math.floor(y0));
  x1 = Math.min(img.width, Math.ceil(x1)); y1 = Math.min(img.height, Math.ceil(y1));
  const sw = Math.max(1, x1 - x0), sh = Math.max(1, y1 - y0);
  const m = Math.round(margin * scale);
  const iw = Math.round(sw * scale), ih = Math.round(sh * scale);
  const w = iw + 2 * m, h = ih + 2 * m;
  const head = Buffer.from(`P5\n${w} ${h}\n255\n`, 'latin1');
  const body = Buffer.alloc(w * h, 255);
  if (scale === 1) {
    for (let y = y0; y < y1; y++) body.set(img.data.subarray(y * img.width + x0, y * img.width + x1), (y - y0 + m) * w + m);
    return Buffer.concat([head, body]);
  }
  for (let y = 0; y < ih; y++) {
    const sy = Math.min(sh - 1.001, Math.max(0, (y + 0.5) / scale - 0.5));
    const yi = Math.floor(sy), fy = sy - yi;
    for (let x = 0; x < iw; x++) {
      const sx = Math.min(sw - 1.001, Math.max(0, (x + 0.5) / scale - 0.5));
      const xi = Math.floor(sx), fx = sx - xi;
      const a = (y0 + yi) * img.width + x0 + xi;
      const yb = yi + 1 < sh ? img.width : 0, xb = xi + 1 < sw ? 1 : 0;
      const v = (img.data[a] * (1 - fx) + img.data[a + xb] * fx) * (1 - fy) + (img.data[a + yb] * (1 - fx) + img.data[a + yb + xb] * fx) * fy;
      body[(y + m) * w + x + m] = v;
    }
  }
  return Buffer.concat([head, body]);
}

/**
 * Paints white every ink speck of at most `maxArea` pixels (8-connected): scanner dust
 * and JPEG noise that Tesseract would read as "." or "," or a stray stroke. A printed
 * decimal point is several times larger at the resolutions read.
 */
export function despeckle(img: Grey, level: number, maxArea: number): void {
  const { width, height, data } = img;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const members: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start] > level) continue;
    stack.length = 0; members.length = 0;
    stack.push(start); seen[start] = 1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      members.push(p);
      if (members.length > maxArea) {
        // big enough to keep: mark the rest of the component seen without collecting it
        for (;;) {
          const q = stack.pop();
          if (q === undefined) break;
          visit(q, (n) => { stack.push(n); });
        }
        break;
      }
      visit(p, (n) => { stack.push(n); });
    }
    if (members.length <= maxArea) for (const p of members) data[p] = 255;
  }

  function visit(p: number, push: (n: number) => void): void {
    const x = p % width, y = (p - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if ((dx === 0 && dy === 0) || xx < 0 || xx >= width) continue;
        const n = yy * width + xx;
        if (seen[n] || data[n] > level) continue;
        seen[n] = 1;
        push(n);
      }
    }
  }
}

/**
 * Evens out the light (a photo darkens towards a corner, a scanner's lamp fades): each
 * pixel is divided by the paper's brightness around it, taken as the brightest pixels of
 * blocks about `block` pixels wide, smoothed and interpolated. Print keeps its contrast.
 */
export function evenLight(img: Grey, block: number): void {
  const { width, height, data } = img;
  const bw = Math.max(1, Math.ceil(width / block)), bh = Math.max(1, Math.ceil(height / block));
  const peak = new Float64Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      // the 95th percentile, not the maximum: one bright speck is not the paper
      const hist = new Uint32Array(256);
      let n = 0;
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        for (let x = bx * block; x < Math.min(width, (bx + 1) * block); x++) { hist[data[y * width + x]]++; n++; }
      }
      let seen = 0, v = 255;
      for (; v > 0; v--) { seen += hist[v]; if (seen >= n * 0.05) break; }
      peak[by * bw + bx] = v;
    }
  }
  const smooth = new Float64Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = bx + dx, y = by + dy;
        if (x < 0 || y < 0 || x >= bw || y >= bh) continue;
        s += peak[y * bw + x]; n++;
      }
      smooth[by * bw + bx] = Math.max(40, s / n);
    }
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(bh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(bw - 1, x0 + 1), tx = fx - x0;
      const paper = (smooth[y0 * bw + x0] * (1 - tx) + smooth[y0 * bw + x1] * tx) * (1 - ty) + (smooth[y1 * bw + x0] * (1 - tx) + smooth[y1 * bw + x1] * tx) * ty;
      data[y * width + x] = Math.min(255, Math.round((data[y * width + x] * 255) / paper));
    }
  }
}
