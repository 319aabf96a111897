// Failure codes of report.md and the error that carries one out of any phase.

export const FAILURE_CODES = [
  'not-found',
  'unreadable',
  'unsupported-format',
  'corrupt-file',
  'encrypted',
  'no-text-layer',
  'unrecognized-form',
  'too-large',
  'timeout',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A fatal problem with one file: the file is reported as failed, the batch goes on. */
export class FormFailure extends Error {
  constructor(
    readonly code: FailureCode,
    /** Chinese, for bureau staff: what is wrong and what to do. */
    message: string,
  ) {
    super(message);
    this.name = 'FormFailure';
  }
}

/** Our own code threw while reading a file: the file fails as corrupt-file, the batch goes on. */
export function internalFailure(err: unknown): FormFailure {
  if (err instanceof FormFailure) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new FormFailure('corrupt-file', `读取时发生内部错误，已跳过此文件：${detail}`);
}
