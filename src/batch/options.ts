// The command line's options validated once, at the edge, with errors that teach
// ("--jobs 需要 1 到 64 之间的整数，收到 "abc""). Pure: strings in, typed values out.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES } from '../limits.js';

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1024, kb: 1024, kib: 1024,
  m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3,
};

/** "50MB", "10mb", "512 KiB", "1048576" → bytes (binary units, as the 50 MB default); null when unreadable. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[m[2].toLowerCase()];
  if (unit === undefined) return null;
  // A byte count, not money: a float is exact enough here.
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes >= 1 ? bytes : null;
}

const shown = (value: unknown) => JSON.stringify(String(value));

const jobs = z.string().transform((text, ctx) => {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    ctx.addIssue({ code: 'custom', message: `--jobs 需要 1 到 64 之间的整数，收到 ${shown(text)}` });
    return z.NEVER;
  }
  return n;
});

const timeout = z.string().transform((text, ctx) => {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(n > 0) || n > 86_400) {
    ctx.addIssue({ code: 'custom', message: `--timeout 需要大于 0、不超过 86400 的秒数，收到 ${shown(text)}` });
    return z.NEVER;
  }
  return Math.max(1, Math.round(n * 1000));
});

/** --ocr-timeout: seconds per scanned page (issue 18). */
const ocrTimeout = z.string().transform((text, ctx) => {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(n > 0) || n > 86_400) {
    ctx.addIssue({ code: 'custom', message: `--ocr-timeout 需要大于 0、不超过 86400 的秒数（扫描件每页），收到 ${shown(text)}` });
    return z.NEVER;
  }
  return Math.max(1, Math.round(n * 1000));
});

const maxBytes = z.string().transform((text, ctx) => {
  const n = parseByteSize(text);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: `--max-bytes 需要字节数，可带单位（如 50MB、10mb、512KB），收到 ${shown(text)}` });
    return z.NEVER;
  }
  return n;
});

const year = z.string().transform((text, ctx) => {
  const n = /^\s*\d{4}\s*$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1990 && n <= 2100)) {
    ctx.addIssue({ code: 'custom', message: `--year 需要四位年份（如 2022），收到 ${shown(text)}` });
    return z.NEVER;
  }
  return n;
});

const CheckOptionsSchema = z.object({
  out: z.string().min(1, '--out 需要一个输出文件夹').default('out'),
  rules: z.string().min(1, '--rules 需要一个文件夹').optional(),
  jobs: jobs.optional(),
  timeout: timeout.optional(),
  ocrTimeout: ocrTimeout.optional(),
  maxBytes: maxBytes.optional(),
  year: year.optional(),
  quiet: z.boolean().default(false),
});

export interface CheckOptions {
  outDir: string;
  rulesDir?: string;
  jobs: number;
  timeoutMs: number;
  /** Per scanned page read by OCR (ms): such a file may take --timeout plus pages × this. */
  ocrTimeoutMs: number;
  maxBytes: number;
  year?: number;
  quiet: boolean;
}

/** Raw commander values → checked options, or the Chinese messages of every bad one. */
export function parseCheckOptions(raw: Record<string, unknown>): { ok: true; value: CheckOptions } | { ok: false; errors: string[] } {
  const result = CheckOptionsSchema.safeParse(raw);
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => i.message) };
  const v = result.data;
  return {
    ok: true,
    value: {
      outDir: v.out,
      rulesDir: v.rules,
      jobs: v.jobs ?? Math.min(64, availableParallelism()),
      timeoutMs: v.timeout ?? 60_000,
      ocrTimeoutMs: v.ocrTimeout ?? 60_000,
      maxBytes: v.maxBytes ?? DEFAULT_MAX_BYTES,
      year: v.year,
      quiet: v.quiet,
    },
  };
}

/** --max-bytes alone (parse also takes it). */
export function parseMaxBytesOption(text: string | undefined): { ok: true; value: number } | { ok: false; error: string } {
  if (text === undefined) return { ok: true, value: DEFAULT_MAX_BYTES };
  const r = maxBytes.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0].message };
}
