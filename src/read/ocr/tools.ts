// The programs OCR needs, found at run time: Tesseract (with its Chinese data) and,
// for PDF pages, poppler's pdftoppm. Nothing is downloaded; where one is absent the
// caller keeps the old failure with a hint to install it.
import { execFileSync } from 'node:child_process';
import { namedOrOnPath, onPath } from '../programs.js';

/** Debian packages that enable reading scans, named in messages. */
export const INSTALL_OCR = '安装 Tesseract（Debian：apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils）后本工具可直接识别扫描件';

export interface OcrTools {
  tesseract: string;
  /** null: PDF pages cannot be rendered (image files still can be read). */
  pdftoppm: string | null;
}

let cached: { key: string; tools: OcrTools | null } | null = null;

/**
 * Tesseract is `JXAUDIT_TESSERACT` when set (a path; empty or "none" turns OCR off),
 * else `tesseract` on PATH — and only with its chi_sim data installed.
 */
export function findOcrTools(): OcrTools | null {
  const key = `${process.env.JXAUDIT_TESSERACT ?? ''}\0${process.env.PATH ?? ''}`;
  if (cached?.key === key) return cached.tools;
  const tools = locate();
  cached = { key, tools };
  return tools;
}

function locate(): OcrTools | null {
  const tesseract = namedOrOnPath('JXAUDIT_TESSERACT', 'tesseract');
  if (!tesseract || !hasChinese(tesseract)) return null;
  return { tesseract, pdftoppm: onPath('pdftoppm') };
}

function hasChinese(tesseract: string): boolean {
  try {
    const out = execFileSync(tesseract, ['--list-langs'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return /^chi_sim$/m.test(out);
  } catch {
    return false;
  }
}
