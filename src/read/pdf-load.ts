// Opens a PDF with pdfjs-dist (5.4.296, the version pdf-parse bundles) and turns its
// exceptions into FormFailures. Owns pdfjs' options: CMaps for non-embedded CJK fonts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, sharedWorker, type PDFDocumentProxy } from './pdfjs.js';
import { FormFailure } from '../model/failure.js';

let assetDirs: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | null = null;

/** pdfjs-dist's own data folders, resolved from node_modules (trailing slash required by pdfjs). */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  if (assetDirs) return assetDirs;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  assetDirs = {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
  return assetDirs;
}

/** Just enough of a DOM document for pdfjs' FontLoader (pdf.mjs, 5.4.296): no
 *  `fonts` (so it takes the @font-face rule path, synchronous under Node) and a style
 *  sheet that drops the rules. Fonts are still parsed for their widths and text. */
const FONTLESS_DOCUMENT = {
  fonts: undefined,
  createElement: () => ({ sheet: { cssRules: [] as unknown[], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export const ENCRYPTED_MESSAGE = 'PDF 已加密（需要打开密码），无法读取；请提交未加密的 PDF 或 DOCX';
export const CORRUPT_MESSAGE = 'PDF 文件已损坏或不完整，无法读取；请重新导出后提交';

/** Opens the PDF. An owner password alone (print/copy restrictions) does not stop it;
 *  a user password gives 'encrypted', anything unreadable 'corrupt-file'. */
export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = getDocument({
    data,
    worker: sharedWorker(),
    ...pdfjsAssets(),
    cMapPacked: true,
    // With font faces disabled (pdfjs' default in Node) every glyph drawn is compiled
    // into a path while building the operator list — a third of the reading time,
    // for nothing: nothing is rendered here. Enabled, pdfjs hands each font to its
    // font loader, which needs a document: give it one that accepts and ignores them.
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT as never, // a stand-in, not a DOM Document (the type differs with lib "DOM")
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    skipFontFaces(task);
    return doc;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toFailure(err);
  }
}

/** pdfjs' FontLoader (pdf.mjs, 5.4.296) as far as skipFontFaces uses it. */
interface FontLoaderLike {
  bind(font: { attached?: boolean; systemFontInfo?: unknown }): Promise<void>;
}

/**
 * Each font pdfjs hands to its font loader would be base64-encoded into an @font-face
 * rule (the whole font program: 1 MB of strings per form of LibreOffice's CJK fonts, ~2%
 * of reading) that FONTLESS_DOCUMENT's style sheet then drops. The loader's own steps
 * for such a font — no Font Loading API, synchronous under Node, no font inspector — come
 * to marking it attached; this does just that. A system font (absent with
 * useSystemFonts: false) still goes the loader's way. Reaches into the loading task's
 * transport: where another pdfjs version has none, the loader runs as it is.
 */
function skipFontFaces(task: unknown): void {
  const loader = (task as { _transport?: { fontLoader?: FontLoaderLike } })._transport?.fontLoader;
  if (!loader || typeof loader.bind !== 'function') return;
  const bind = loader.bind.bind(loader);
  loader.bind = (font) => {
    if (font.systemFontInfo) return bind(font);
    font.attached = true;
    return Promise.resolve();
  };
}

/** Maps a pdfjs exception to the file's failure. */
export function toFailure(err: unknown): FormFailure {
  if (err instanceof FormFailure) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new FormFailure('encrypted', ENCRYPTED_MESSAGE);
  const detail = (err as Error | null)?.message;
  return new FormFailure('corrupt-file', detail ? `${CORRUPT_MESSAGE}（${detail}）` : CORRUPT_MESSAGE);
}
