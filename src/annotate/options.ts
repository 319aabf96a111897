// --annotate / --annotator, kept apart from the writers so the command line loads no PDF
// or workbook library to read its options.

/** Default author of the annotated copies' comments (--annotator). */
export const DEFAULT_ANNOTATOR = '财政局核查';

/** Longest author name taken (Word shows it beside every comment). */
const MAX_ANNOTATOR = 40;

/** commander's `annotate` (false for --no-annotate) and `annotator` → the author, or undefined for no copies. */
export function annotatorOption(raw: Record<string, unknown>): { ok: true; value: string | undefined } | { ok: false; error: string } {
  if (raw.annotate === false) return { ok: true, value: undefined };
  if (raw.annotator === undefined) return { ok: true, value: DEFAULT_ANNOTATOR };
  const name = String(raw.annotator).trim();
  if (name === '' || Array.from(name).length > MAX_ANNOTATOR || /[\u0000-\u001f]/.test(name)) {
    return { ok: false, error: `--annotator 需要 1 到 ${MAX_ANNOTATOR} 个字的作者名，收到 ${JSON.stringify(String(raw.annotator))}` };
  }
  return { ok: true, value: name };
}
