// One scanned page → the same page content a PDF's text layer gives (positioned
// runs and ruling lines, in points), so pdf-layout.ts builds its tables and
// paragraphs. Each run carries what OCR knows of its cell: the confidence, the
// cell's box and whether a red seal lies over it.
import type { PageContent } from '../pdf-layout.js';
import { findTables } from '../pdf-grid.js';
import type { TextRun } from '../pdf-text.js';
import { binarize, deskew, despeckle, evenLight, otsu, pgmOf, redChannel, redMask, skewAngle, turnQuarters, type Grey, type Rgb } from './raster.js';
import { eraseRules, findRuling, toPoints } from './ruling.js';
import { tesseractWords, type OcrWord } from './tesseract.js';

/** A digit-bearing word anywhere on the page (narrative figures are matched to these). */
export interface OcrDigits {
  text: string;
  conf: number;
  page: number;
  box: [number, number, number, number];
}

/** What OCR knows of one table cell of a page (box in points, top-down, as pdf-grid.ts has it). */
export interface OcrCellInfo {
  page: number;
  box: [number, number, number, number];
  /** 0–1: the least confident word's; 0 for ink that read as nothing. */
  conf: number;
  /** Seal red lies over the cell. */
  seal?: true;
  /** Read a second time as a number (digits only). */
  numeric?: true;
}

export interface OcrPage {
  content: PageContent;
  cells: OcrCellInfo[];
  digits: OcrDigits[];
  /** Degrees the scan was turned by (corrected). */
  skew: number;
  /** Quarter turns clockwise the picture was given before it was read: a page scanned
   *  sideways (1 or 3) or upside down (2). 0 when it read upright. */
  turned: number;
}

/** Characters a numeric cell may hold (the second, digit-only reading). */
const DIGITS = '0123456789.,-%';
/** A cell whose first reading looks like this is read again as a number. */
const NUMERIC = /^[-−—–+]?[\d.,，。:：·%％\s]*\d[\d.,，。:：·%％\s]*$/;
/** Both readings of a number must agree; where they do not, the value is doubtful. */
export const DISAGREEMENT_CONFIDENCE = 0.3;
/** A cell with fewer ink pixels than this share of its area is blank (scanner dust). */
const BLANK_INK = 0.0015;
/** A low-resolution picture is enlarged at most this much: more invents nothing and costs time. */
const MAX_ENLARGE = 3;
/** The paper's brightness is measured over blocks this wide (inches). */
const LIGHT_BLOCK = 0.3;
/** A first reading this unsure, in a column of numbers, is read again as digits. */
const DOUBTFUL_FIRST_READING = 0.6;
/** Ink specks up to this size (inches, squared for the area) are dust, not print. */
const SPECK_INCHES = 0.012;
/** Seal red over this share of a cell: the seal covers it. */
const SEAL_SHARE = 0.02;

/** A page whose first reading is less sure than this (per character) may be turned: its
 *  orientation is tested. Upright pages read at 0.8–0.9, a rough 150 dpi photo at 0.6; a
 *  page on its side or upside down reads as garbage below 0.25. */
const UPRIGHT_READING = 0.5;

/** Reads one page. `turned`: the quarter turns the picture was already given (a page turned
 *  upright is not tested again). */
export async function ocrPage(rgb: Rgb, page: number, dpi: number, tesseract: string, timeoutMs: number, turned = 0): Promise<OcrPage> {
  const deadline = Date.now() + timeoutMs;
  // A pass started late still gets a second — unless the whole budget is shorter than that.
  const left = () => Math.max(Math.min(1000, timeoutMs), deadline - Date.now());
  const block = Math.round(LIGHT_BLOCK * dpi);
  let grey = redChannel(rgb);
  evenLight(grey, block);
  const level = Math.min(200, Math.max(60, otsu(grey)));
  const skew = skewAngle(binarize(grey, level), grey.width, grey.height);
  const level_rgb = skew === 0 ? rgb : deskew(rgb, skew, 3);
  grey = redChannel(level_rgb);
  evenLight(grey, block);
  const { width, height } = grey;
  const ink = binarize(grey, level);
  const pxRules = findRuling(ink, width, height, dpi);
  const seal = redMask(level_rgb);
  const clean: Grey = { width, height, data: Uint8Array.from(grey.data) };
  eraseRules(clean, pxRules);
  despeckle(clean, level, Math.max(4, Math.round((SPECK_INCHES * dpi) ** 2)));
  const cleanInk = binarize(clean, level);

  const k = 72 / dpi;
  // a cell taller than the page (sides only) is read as the page's text; the layout joins it
  const tables = findTables(toPoints(pxRules, dpi), page).filter((t) => !t.open);
  const pad = Math.max(2, Math.round(0.02 * dpi));
  const margin = Math.round(0.1 * dpi);
  type Crop = { page: number; x0: number; y0: number; x1: number; y1: number; box: [number, number, number, number]; seal: boolean; inked: boolean };
  const crops: Crop[] = [];
  for (const t of tables) {
    for (const cell of t.cells) {
      const x0 = cell.x0 / k + pad, x1 = cell.x1 / k - pad, y0 = cell.y0 / k + pad, y1 = cell.y1 / k - pad;
      if (x1 <= x0 || y1 <= y0) continue;
      const area = (x1 - x0) * (y1 - y0);
      crops.push({ page, x0, y0, x1, y1, box: [cell.x0, cell.y0, cell.x1, cell.y1], seal: count(seal, width, x0, y0, x1, y1) > SEAL_SHARE * area, inked: count(cleanInk, width, x0, y0, x1, y1) > BLANK_INK * area });
    }
  }
  // Outside the tables: the page with the tables painted white.
  const outside: Grey = { width, height, data: Uint8Array.from(clean.data) };
  for (const t of tables) {
    const x0 = Math.max(0, Math.floor(t.xs[0] / k) - pad), x1 = Math.min(width, Math.ceil(t.xs.at(-1)! / k) + pad);
    for (let y = Math.max(0, Math.floor(t.ys[0] / k) - pad); y < Math.min(height, Math.ceil(t.ys.at(-1)! / k) + pad); y++) outside.data.fill(255, y * width + x0, y * width + x1);
  }
  const inked = crops.filter((c) => c.inked);
  // Tesseract reads 10.5 pt print best enlarged to about 300 dpi.
  const scale = dpi >= 280 ? 1 : Math.min(MAX_ENLARGE, 300 / dpi);
  const first = await tesseractWords(tesseract, [...inked.map((c) => pgmOf(clean, c.x0, c.y0, c.x1, c.y1, margin, scale)), pgmOf(outside, 0, 0, width, height, 0)], { psm: 6, lang: 'chi_sim' }, left());
  // A page that read badly may be lying on its side or upside down (a landscape sheet fed
  // portrait-wise, a sheet put in the wrong way up): sample its text in the four turns and,
  // where another reads clearly better, read the page again turned. A page that read well
  // pays nothing for this.
  if (turned === 0 && readingConfidence(first.flat()) < UPRIGHT_READING) {
    const turn = await uprightTurn(clean, cleanInk, dpi, tesseract, left());
    if (turn !== 0) return ocrPage(turnQuarters(rgb, turn, 3), page, dpi, tesseract, left(), turn);
  }
  // A letter after a cell's closing "%" is a table border read as one ("95.00%p"): dropped, and
  // the cell's reading made doubtful (the border may have made or hidden a digit too).
  const junked = inked.map((_, i) => {
    const tidy = withoutTrailingJunk(first[i]);
    if (tidy) first[i] = tidy;
    return tidy !== null;
  });
  // Read again as digits: cells that read as a number, and short doubtful readings in a
  // column that mostly holds numbers (a smudged "15" read as two Chinese glyphs).
  const texts = inked.map((_, i) => first[i].map((w) => w.text).join(''));
  const looksNumeric = texts.map((t) => NUMERIC.test(t));
  const column = (c: Crop) => `${c.page}:${Math.round(c.box[0])}:${Math.round(c.box[2])}`;
  const tally = new Map<string, { numbers: number; filled: number }>();
  inked.forEach((c, i) => {
    const t = tally.get(column(c)) ?? { numbers: 0, filled: 0 };
    if (texts[i] !== '') t.filled++;
    if (looksNumeric[i]) t.numbers++;
    tally.set(column(c), t);
  });
  const numeric = inked.map((c, i) => {
    if (looksNumeric[i]) return true;
    const t = tally.get(column(c))!;
    return t.numbers >= 2 && t.numbers * 2 >= t.filled && texts[i] !== '' && Array.from(texts[i]).length <= 4 && minConf(first[i]) < DOUBTFUL_FIRST_READING;
  });
  const again = inked.filter((_, i) => numeric[i]);
  const second = await tesseractWords(tesseract, again.map((c) => pgmOf(clean, c.x0, c.y0, c.x1, c.y1, margin, scale)), { psm: 6, lang: 'eng', whitelist: DIGITS }, left());

  const runs: TextRun[] = [];
  const digits: OcrDigits[] = [];
  const textDigits: { text: string; conf: number; run: TextRun }[] = [];
  const boxOf = (run: TextRun): [number, number, number, number] => [round2(run.x), round2(run.baseline - run.size), round2(run.right), round2(run.baseline)];
  const cells: OcrCellInfo[] = [];
  /** Runs printed with no space between them (tightJoints), closed up once all else is read. */
  const joints: [TextRun, TextRun][] = [];
  const toRun = (w: OcrWord, ox: number, oy: number, s: number): TextRun => {
    const x = (w.left / s + ox) * k, top = (w.top / s + oy) * k;
    return { str: w.text, x, right: x + (w.width / s) * k, baseline: top + (w.height / s) * k, size: Math.max(4, (w.height / s) * k), page };
  };
  let j = 0;
  inked.forEach((c, i) => {
    let words = first[i];
    let conf = minConf(words);
    if (numeric[i]) {
      const reread = second[j++];
      tidyNumber(reread);
      // a reading that did not look like a number is replaced only by a surer one
      if (reread.length > 0 && (looksNumeric[i] || minConf(reread) > minConf(words))) {
        // two readings agreeing (a Chinese model, a digits-only one) is the best evidence there is
        if (digitsOf(reread) !== digitsOf(words)) conf = Math.min(minConf(reread), DISAGREEMENT_CONFIDENCE);
        else conf = Math.max(minConf(reread), conf);
        words = reread;
      }
    }
    if (junked[i]) conf = Math.min(conf, JUNK_CONFIDENCE);
    // the cell's inner box in its picture's pixels: a word box reaching past it is Tesseract's error
    words = inReadingOrder(words, margin * scale, (margin + c.x1 - c.x0) * scale);
    const flat = flatMark(cleanInk, width, c, dpi);
    if (flat) {
      // a lone dash (—, "not applicable") or dots (……, a template's placeholder row): Tesseract
      // drops a bare stroke or reads dots as letters
      const b = inkBox(cleanInk, width, c)!;
      words = [{ text: flat, left: (margin + b.x0 - c.x0) * scale, top: (margin + b.y0 - c.y0 - 0.04 * dpi) * scale, width: (b.x1 - b.x0) * scale, height: 0.08 * dpi * scale, conf: DASH_CONFIDENCE }];
      conf = DASH_CONFIDENCE;
    }
    // ink that reads as nothing is not a blank (nothing from absence) but a doubtful one: conf 0
    cells.push({ page, box: c.box, conf: round2(words.length === 0 ? 0 : conf), ...(c.seal ? { seal: true as const } : {}), ...(numeric[i] ? { numeric: true as const } : {}) });
    const ox = c.x0 - margin, oy = c.y0 - margin;
    const cellRuns = words.map((w) => toRun(w, ox, oy, scale));
    for (const n of tightJoints(words)) joints.push([cellRuns[n], cellRuns[n + 1]]);
    words.forEach((w, n) => {
      const run = cellRuns[n];
      runs.push(run);
      if (!/\d/.test(w.text)) return;
      if (numeric[i]) digits.push({ text: w.text, conf: round2(conf), page, box: boxOf(run) });
      else textDigits.push({ text: w.text, conf: w.conf, run });
    });
  });
  const pageWords = inReadingOrder(first[inked.length], 0, width);
  const pageRuns = pageWords.map((w) => toRun(w, 0, 0, 1));
  for (const n of tightJoints(pageWords)) joints.push([pageRuns[n], pageRuns[n + 1]]);
  pageWords.forEach((w, n) => {
    const run = pageRuns[n];
    // what the table blanking missed is already read in its cell: never twice
    const cx = (run.x + run.right) / 2, cy = run.baseline - run.size / 2;
    if (tables.some((t) => cx >= t.xs[0] && cx <= t.xs.at(-1)! && cy >= t.ys[0] && cy <= t.ys.at(-1)!)) return;
    runs.push(run);
    if (/\d/.test(w.text)) textDigits.push({ text: w.text, conf: w.conf, run });
  });
  // Figures in running text (the narrative's 1150.05万元) are read again as digits too: a
  // figure both readings agree on is sure, one they differ on is doubtful.
  // wide at the sides: the Chinese model's word boxes may clip a figure's first digit
  const padX = 0.1 * dpi, padY = 0.03 * dpi;
  const reread = await tesseractWords(
    tesseract,
    textDigits.map((d) => pgmOf(clean, d.run.x / k - padX, (d.run.baseline - d.run.size) / k - padY, d.run.right / k + padX, d.run.baseline / k + padY, margin, scale)),
    // no whitelist: the Chinese glyphs beside a figure then read as letters, not as digits
    // that would seem to lengthen it
    { psm: 7, lang: 'eng' },
    left(),
  );
  const token = (t: string) => t.replace(/%/g, '').replace(/^[.-]+|[.]+$/g, '');
  textDigits.forEach((d, n) => {
    const mine = token(digitsOf([{ text: d.text } as OcrWord]));
    // agreement: the figure is a whole number of the second reading — no digit more or less
    const hit = reread[n].find((w) => numbersOf([w]).split(/\s+/).map(token).includes(mine));
    const conf = mine !== '' && hit ? Math.max(d.conf, hit.conf) : Math.min(d.conf, DISAGREEMENT_CONFIDENCE);
    digits.push({ text: d.text, conf: round2(conf), page, box: boxOf(d.run) });
  });
  // The words the print sets solid meet — only now that the figures in running text were read
  // again from their own boxes (one widened over the glyph after it would read that too).
  closeJoints(joints);
  return { content: { page, width: width * k, height: height * k, runs, rules: toPoints(pxRules, dpi) }, cells, digits, skew, turned };
}

/** The reading's confidence per character (a page of no text reads as 0). */
function readingConfidence(words: readonly OcrWord[]): number {
  let chars = 0, sum = 0;
  for (const w of words) {
    const n = Array.from(w.text).length;
    chars += n; sum += n * w.conf;
  }
  return chars === 0 ? 0 : sum / chars;
}

/** Square samples of the page's text this wide (inches): a few lines of 10.5 pt print,
 *  the same text whichever way up. */
const SAMPLE_INCHES = 0.8;
/** Samples read in each turn: enough text to judge, few enough to cost a second or two. */
const SAMPLES = 3;
/** A sample is text when this share of it is ink: less is blank paper, more a seal or a picture. */
const SAMPLE_INK = [0.01, 0.3] as const;
/** Another turn must read this many times better than the page as it lies. Measured on the
 *  probe's scans: the right turn reads 2.5–10 times the others; a rough photo 1.9 times. */
const TURN_MARGIN = 1.5;
/** …and read at least this much text (characters × confidence): a few sure characters. */
const TURN_MIN_TEXT = 6;

/**
 * Quarter turns clockwise (0–3) that make the page upright: its inkiest text samples
 * read by Tesseract in all four turns, the turn read most surely winning where it wins
 * clearly; else 0. Chinese glyphs are square, so the shape of the text lines cannot
 * tell a page on its side from an upright one, nor upside down — reading can.
 */
async function uprightTurn(clean: Grey, ink: Uint8Array, dpi: number, tesseract: string, timeoutMs: number): Promise<number> {
  const side = Math.round(SAMPLE_INCHES * dpi);
  const { width, height } = clean;
  if (width < side || height < side) return 0;
  const tiles: { x: number; y: number; share: number }[] = [];
  const step = Math.round(side / 2);
  for (let y = 0; y + side <= height; y += step) {
    for (let x = 0; x + side <= width; x += step) {
      let n = 0;
      // every other pixel is enough to measure the ink
      for (let yy = y; yy < y + side; yy += 2) for (let xx = x; xx < x + side; xx += 2) n += ink[yy * width + xx];
      const share = n / (Math.ceil(side / 2) ** 2);
      if (share > SAMPLE_INK[0] && share < SAMPLE_INK[1]) tiles.push({ x, y, share });
    }
  }
  tiles.sort((a, b) => b.share - a.share);
  const picked: typeof tiles = [];
  for (const t of tiles) {
    if (picked.some((p) => Math.abs(p.x - t.x) < side && Math.abs(p.y - t.y) < side)) continue;
    picked.push(t);
    if (picked.length === SAMPLES) break;
  }
  if (picked.length === 0) return 0;
  const scale = dpi >= 280 ? 1 : Math.min(MAX_ENLARGE, 300 / dpi);
  const images: Buffer[] = [];
  for (let q = 0; q < 4; q++) {
    for (const t of picked) {
      const tile: Grey = { width: side, height: side, data: new Uint8Array(side * side) };
      for (let yy = 0; yy < side; yy++) tile.data.set(clean.data.subarray((t.y + yy) * width + t.x, (t.y + yy) * width + t.x + side), yy * side);
      images.push(pgmOf(turnQuarters(tile, q, 1), 0, 0, side, side, Math.round(0.05 * dpi), scale));
    }
  }
  const words = await tesseractWords(tesseract, images, { psm: 6, lang: 'chi_sim' }, timeoutMs);
  const text = [0, 1, 2, 3].map((q) => words.slice(q * picked.length, (q + 1) * picked.length).flat().reduce((s, w) => s + Array.from(w.text).length * w.conf, 0));
  let best = 0;
  for (let q = 1; q < 4; q++) if (text[q] > text[best]) best = q;
  return best !== 0 && text[best] >= TURN_MARGIN * text[0] && text[best] >= TURN_MIN_TEXT ? best : 0;
}

/**
 * The words with their boxes made to follow Tesseract's reading order along each line: each
 * word starts after the one before it and ends where the next begins, within [lo, hi]. The
 * Chinese model's boxes may run far too wide ("平江" boxed over the whole "平江县交通运输局"),
 * and the layout, which orders a line's text by x and splits it at column rules, would then
 * put "县" inside "平江" ("平县江"). Tesseract's own order within a line is the reading order.
 */
export function inReadingOrder(words: readonly OcrWord[], lo: number, hi: number): OcrWord[] {
  const out = words.map((w) => ({ ...w }));
  for (let i = 0; i < out.length; i++) {
    const w = out[i], prev = out[i - 1], next = words[i + 1];
    const sameLine = (o: OcrWord | undefined) => o !== undefined && o.line !== undefined && o.line === w.line;
    let left = Math.min(Math.max(w.left, lo), hi - 1);
    if (sameLine(prev)) left = Math.max(left, prev.left + 1);
    let right = Math.min(w.left + w.width, hi);
    // the next word's own left edge (not yet moved): where it starts, this one has ended
    if (sameLine(next)) right = Math.min(right, Math.max(next.left, left + 1));
    w.left = left;
    w.width = Math.max(1, right - left);
  }
  return out;
}

/** Glyphs set solid with Chinese text: CJK characters and punctuation, and the curly quotes
 *  a Chinese font sets full width. */
const SOLID = /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF5E“”‘’]/u;
/** A gap up to this share of the line's height between such words is the print's own. */
const TIGHT_GAP = 1;

/**
 * The words (indices n: words n and n + 1) that are printed with no space between them but
 * that Tesseract read apart: a figure and the Chinese beside it ("2023" | "年农村饮水…",
 * "3.2" | "万人", "完成" | "45" | "处"), Chinese glyphs on both sides, a figure split at its
 * decimal point ("2" | ".3"). The Chinese model boxes each glyph's ink, and the print sets a
 * little air between a figure and Chinese (Word's and LibreOffice's autospace), so the gap
 * looks like a space to the layout — which the DOCX of the same form does not have. Only
 * words on one line of Tesseract's, less than a line's height apart (a wider gap parts
 * fields: "填报单位：…      单位：万元"); digits beside digits are never joined ("3 35"
 * may have lost its point or not).
 */
export function tightJoints(words: readonly OcrWord[]): number[] {
  const out: number[] = [];
  for (let n = 0; n + 1 < words.length; n++) {
    const a = words[n], b = words[n + 1];
    if (a.line === undefined || a.line !== b.line) continue;
    if (b.left - (a.left + a.width) > TIGHT_GAP * Math.max(a.height, b.height)) continue;
    const last = Array.from(a.text).at(-1) ?? '', first = Array.from(b.text)[0] ?? '';
    const solid = (ch: string) => SOLID.test(ch);
    const joined =
      (solid(last) && (solid(first) || /\d/.test(first))) ||
      (/[\d%‰]/.test(last) && solid(first)) ||
      (/\d/.test(last) && /^\.\d/.test(b.text)) ||
      (/\d\.$/.test(a.text) && /\d/.test(first));
    if (joined) out.push(n);
  }
  return out;
}

/** Each pair's first run made to end where the second begins: no gap, no space in the layout. */
export function closeJoints(pairs: readonly (readonly [TextRun, TextRun])[]): void {
  for (const [a, b] of pairs) if (b.x > a.right) a.right = b.x;
}

/** A cell's reading whose closing "%" was read with a Latin letter after it ("95.00%p": the
 *  table's border beside it), without that letter; null when there is none. "%o" is left: it
 *  is how Tesseract reads ‰, a unit of its own. */
export function withoutTrailingJunk(words: readonly OcrWord[]): OcrWord[] | null {
  const last = words.at(-1);
  if (!last || !/[%％][A-Za-z]$/.test(last.text) || /[oO]$/.test(last.text)) return null;
  return [...words.slice(0, -1), { ...last, text: last.text.slice(0, -1) }];
}

/** A cell read with a letter dropped after its "%" is doubtful (rules.md check 31): the
 *  border that made the letter may have made or hidden a digit too ("94.329%p" was 94.32%). */
const JUNK_CONFIDENCE = 0.5;

/** A dash read from its shape alone is sure enough when nothing else is in the cell. */
const DASH_CONFIDENCE = 0.9;

/** The bounding box of the ink in a cell (pixels), or null. */
function inkBox(ink: Uint8Array, width: number, c: { x0: number; y0: number; x1: number; y1: number }): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = Math.floor(c.y0); y < Math.ceil(c.y1); y++) {
    for (let x = Math.floor(c.x0); x < Math.ceil(c.x1); x++) {
      if (!ink[y * width + x]) continue;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** The cell's ink is one flat mark: a dash (one stroke, "—") or dots ("……"); else null. */
function flatMark(ink: Uint8Array, width: number, c: { x0: number; y0: number; x1: number; y1: number }, dpi: number): '—' | '……' | null {
  const b = inkBox(ink, width, c);
  if (!b) return null;
  const w = b.x1 - b.x0, h = b.y1 - b.y0;
  if (!(h <= 0.04 * dpi && w >= 2.5 * h && w >= 0.05 * dpi)) return null;
  // runs of ink along the mark's middle band: one for a dash, several for dots
  let runs = 0, inRun = false;
  for (let x = b.x0; x < b.x1; x++) {
    let any = false;
    for (let y = b.y0; y < b.y1 && !any; y++) any = ink[y * width + x] === 1;
    if (any && !inRun) runs++;
    inRun = any;
  }
  return runs >= 3 ? '……' : '—';
}

function count(mask: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) for (let x = Math.floor(x0); x < Math.ceil(x1); x++) n += mask[y * width + x];
  return n;
}

/** Drops the dust the digit reading turns into a "." "," or "-" at the cell's end (or a
 *  lone one): no printed number ends in them. Inside, a "." ending a line is the decimal
 *  point of a number wrapped in a narrow column ("4183." / "83"). */
function tidyNumber(words: OcrWord[]): void {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    let text = i === words.length - 1 ? w.text.replace(/[.,-]+$/, '') : w.text;
    if (i === 0) text = text.replace(/^[.,]+/, '');
    if (text === '' || text === '-' || /^[.,]+$/.test(text)) words.splice(i, 1);
    else w.text = text;
  }
}

/** The reading's characters with everything but digits, ".", "%" and "-" turned into spaces. */
function numbersOf(words: readonly OcrWord[]): string {
  return words.map((w) => w.text).join(' ').replace(/[。．]/g, '.').replace(/％/g, '%').replace(/[^\d.%-]/g, ' ');
}

function minConf(words: readonly OcrWord[]): number {
  return words.length === 0 ? 0 : Math.min(...words.map((w) => w.conf));
}

function digitsOf(words: readonly OcrWord[]): string {
  return words.map((w) => w.text).join('').replace(/[。．]/g, '.').replace(/％/g, '%').replace(/[^\d.%-]/g, '');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
