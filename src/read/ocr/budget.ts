// The time budget of a scan (issue 18): `--ocr-timeout` seconds per page, on top of the
// file's --timeout. The batch worker listens here to extend its file's limit; kept apart
// from the OCR code so the worker does not load image decoders to listen.

/** Default per page (ms). */
export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 60_000;

/** The per-page budget: JXAUDIT_OCR_PAGE_TIMEOUT_MS (set by the batch from --ocr-timeout), else the default. */
export function ocrPageTimeoutMs(): number {
  const n = Number(process.env.JXAUDIT_OCR_PAGE_TIMEOUT_MS);
  return n > 0 ? n : DEFAULT_OCR_PAGE_TIMEOUT_MS;
}

let listener: ((pages: number, pageMs: number) => void) | null = null;

/** The batch worker learns here how many pages a file will OCR. */
export function onOcrBudget(fn: ((pages: number, pageMs: number) => void) | null): void {
  listener = fn;
}

/** Called by the OCR reader before it starts on `pages` pages. */
export function announceOcr(pages: number, pageMs: number): void {
  listener?.(pages, pageMs);
}
