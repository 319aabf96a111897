// The command line's options validated once, at the edge, with errors that teach
// ("--jobs 需要 1 到 64 之间的整数，收到 "abc""). Pure: strings in, typed values out.
import { availableParallelism } from 'node:os';
import { lazySchema } from '../lazy-zod.js';
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

/** One option's text read into its value, or the message saying what it should be. */
type Read<T> = { ok: true; value: T } | { ok: false; message: string };
type Reader<T> = (text: string) => Read<T>;

const jobs: Reader<number> = (text) => {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 64) return { ok: false, message: `--jobs 需要 1 到 64 之间的整数，收到 ${shown(text)}` };
  return { ok: true, value: n };
};

/** A time limit in seconds (> 0, ≤ a day) → milliseconds; `what` ends the message. */
const seconds = (option: string, what: string): Reader<number> => (text) => {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(n > 0) || n > 86_400) return { ok: false, message: `${option} 需要大于 0、不超过 86400 的秒数${what}，收到 ${shown(text)}` };
  return { ok: true, value: Math.max(1, Math.round(n * 1000)) };
};

const timeout = seconds('--timeout', '');
/** --ocr-timeout: seconds per scanned page (issue 18). */
const ocrTimeout = seconds('--ocr-timeout', '（扫描件每页）');

const maxBytes: Reader<number> = (text) => {
  const n = parseByteSize(text);
  if (n === null) return { ok: false, message: `--max-bytes 需要字节数，可带单位（如 50MB、10mb、512KB），收到 ${shown(text)}` };
  return { ok: true, value: n };
};

const year: Reader<number> = (text) => {
  const n = /^\s*\d{4}\s*$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1990 && n <= 2100)) return { ok: false, message: `--year 需要四位年份（如 2022），收到 ${shown(text)}` };
  return { ok: true, value: n };
};

/** A folder option: any text but the empty one. */
const folder = (message: string): Reader<string> => (text) => (text.length >= 1 ? { ok: true, value: text } : { ok: false, message });
const OUT_EMPTY = '--out 需要一个输出文件夹';
const RULES_EMPTY = '--rules 需要一个文件夹';
const out = folder(OUT_EMPTY);
const rules = folder(RULES_EMPTY);

/** The options' zod schema, built on first use (lazy-zod.ts), from the same readers: the
 *  command line gives every option as text (--quiet as a flag), which parseCheckOptions
 *  reads without zod, so that `check` starts its workers before zod loads; a value of
 *  another type (a caller in code) goes through this schema and gets zod's message. */
const schemas = lazySchema((z) => {
  const text = <T>(read: Reader<T>) =>
    z.string().transform((t, ctx) => {
      const r = read(t);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    });
  return z.object({
    out: z.string().min(1, OUT_EMPTY).default('out'),
    rules: z.string().min(1, RULES_EMPTY).optional(),
    jobs: text(jobs).optional(),
    timeout: text(timeout).optional(),
    ocrTimeout: text(ocrTimeout).optional(),
    maxBytes: text(maxBytes).optional(),
    year: text(year).optional(),
    quiet: z.boolean().default(false),
  });
});

type RawValues = { out: string; rules?: string; jobs?: number; timeout?: number; ocrTimeout?: number; maxBytes?: number; year?: number; quiet: boolean };

/** The schema's reading of command-line values (all text, --quiet a flag) without zod; null
 *  when a value is of another type (the schema then says what is wrong with it). */
function readText(raw: Record<string, unknown>): { ok: true; value: RawValues } | { ok: false; errors: string[] } | null {
  const readers: Record<string, Reader<unknown>> = { out, rules, jobs, timeout, ocrTimeout, maxBytes, year };
  if (!Object.keys(readers).every((k) => raw[k] === undefined || typeof raw[k] === 'string')) return null;
  if (!(raw.quiet === undefined || typeof raw.quiet === 'boolean')) return null;
  const value: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, read] of Object.entries(readers)) {
    if (raw[key] === undefined) continue;
    const r = read(raw[key] as string);
    if (r.ok) value[key] = r.value;
    else errors.push(r.message);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...value, out: (value.out as string | undefined) ?? 'out', quiet: (raw.quiet as boolean | undefined) ?? false } as RawValues };
}

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
  let result = readText(raw);
  if (!result) {
    const parsed = schemas().safeParse(raw);
    result = parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  }
  if (!result.ok) return result;
  const v = result.value;
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
  const r = maxBytes(text);
  return r.ok ? r : { ok: false, error: r.message };
}
