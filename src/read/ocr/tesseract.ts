// Runs Tesseract once over many small images (a page's cells) — one process per
// pass, not per cell, since loading the Chinese model costs more than reading a
// cell — and returns each image's words with their boxes and confidence.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormFailure } from '../../model/failure.js';
import { runProgram } from '../programs.js';

export interface OcrWord {
  text: string;
  /** Box within its image, pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–1. */
  conf: number;
  /** Which of its image's text lines (Tesseract's order) the word is on: within a line,
   *  Tesseract's word order is the reading order, which its boxes do not always keep. */
  line?: number;
}

export interface TesseractPass {
  /** Tesseract's page segmentation mode: 6 a block of text, 7 one line. */
  psm: 6 | 7;
  lang: string;
  /** Only these characters may be read (numeric cells). */
  whitelist?: string;
}

/** OCRs each image (PGM bytes); the result has one word list per image, in order. */
export async function tesseractWords(tesseract: string, images: readonly Buffer[], pass: TesseractPass, timeoutMs: number): Promise<OcrWord[][]> {
  const out: OcrWord[][] = images.map(() => []);
  if (images.length === 0) return out;
  const dir = mkdtempSync(join(tmpdir(), 'jxaudit-ocr-'));
  try {
    const names = images.map((img, i) => {
      const name = join(dir, `${String(i).padStart(4, '0')}.pgm`);
      writeFileSync(name, img);
      return name;
    });
    const list = join(dir, 'list.txt');
    writeFileSync(list, names.join('\n') + '\n');
    const args = [list, 'stdout', '--psm', String(pass.psm), '-l', pass.lang, '-c', 'tessedit_create_tsv=1', '-c', 'tessedit_pageseg_mode=' + pass.psm];
    if (pass.whitelist) args.push('-c', `tessedit_char_whitelist=${pass.whitelist}`);
    const tsv = await run(tesseract, args, timeoutMs);
    // A word takes its line's top and height: Tesseract boxes punctuation (、；) over two
    // lines' height, which would put it on a line of its own.
    const lines = new Map<string, { top: number; height: number; n: number }>();
    for (const line of tsv.split('\n')) {
      const f = line.split('\t');
      if (f.length < 12) continue;
      const key = f.slice(1, 5).join('/');
      if (f[0] === '4') lines.set(key, { top: Number(f[7]), height: Number(f[9]), n: lines.size });
      if (f[0] !== '5') continue;
      const page = Number(f[1]) - 1;
      const text = f.slice(11).join('\t').trim();
      if (!out[page] || text === '') continue;
      const at = lines.get(key) ?? { top: Number(f[7]), height: Number(f[9]), n: -1 - lines.size };
      out[page].push({ text, left: Number(f[6]), top: at.top, width: Number(f[8]), height: at.height, conf: Math.max(0, Math.min(1, Number(f[10]) / 100)), line: at.n });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a program, collecting stdout; killed (and a `timeout` failure) past the limit. */
export function run(program: string, args: readonly string[], timeoutMs: number, maxBytes = 512 * 1024 * 1024): Promise<string> {
  return runBytes(program, args, timeoutMs, maxBytes).then((b) => b.toString('utf8'));
}

export function runBytes(program: string, args: readonly string[], timeoutMs: number, maxBytes = 512 * 1024 * 1024, input?: Buffer): Promise<Buffer> {
  return runProgram(program, args, {
    timeoutMs,
    maxBytes,
    input,
    // One OpenMP thread: the batch already runs a file per core.
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    onTimeout: () => new FormFailure('timeout', `文字识别（OCR）超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止；可用 --ocr-timeout 放宽每页的时限后单独重试`),
  });
}
