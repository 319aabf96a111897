// Command-line options validated at the edge with teaching messages.
import { describe, expect, it } from 'vitest';
import { parseByteSize, parseCheckOptions } from '../src/batch/options.js';

describe('parseByteSize', () => {
  it('reads plain bytes and binary units in any case', () => {
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize('50MB')).toBe(50 * 1024 * 1024);
    expect(parseByteSize('10mb')).toBe(10 * 1024 * 1024);
    expect(parseByteSize('512 KiB')).toBe(512 * 1024);
    expect(parseByteSize('1g')).toBe(1024 ** 3);
    expect(parseByteSize('1.5k')).toBe(1536);
  });

  it('refuses what is not a size', () => {
    expect(parseByteSize('abc')).toBeNull();
    expect(parseByteSize('10 parsecs')).toBeNull();
    expect(parseByteSize('0')).toBeNull();
    expect(parseByteSize('-5MB')).toBeNull();
  });
});

describe('parseCheckOptions', () => {
  it('fills the defaults of report.md', () => {
    const r = parseCheckOptions({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ outDir: 'out', timeoutMs: 60_000, maxBytes: 50 * 1024 * 1024, quiet: false });
    expect(r.value.jobs).toBeGreaterThanOrEqual(1);
    expect(r.value.year).toBeUndefined();
  });

  it('converts the given values', () => {
    const r = parseCheckOptions({ out: '核查结果', jobs: '2', timeout: '1.5', ocrTimeout: '30', maxBytes: '10mb', year: '2022', quiet: true });
    expect(r).toEqual({
      ok: true,
      value: { outDir: '核查结果', rulesDir: undefined, jobs: 2, timeoutMs: 1500, ocrTimeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, year: 2022, quiet: true },
    });
    expect(parseCheckOptions({ ocrTimeout: '0' })).toEqual({ ok: false, errors: ['--ocr-timeout 需要大于 0、不超过 86400 的秒数（扫描件每页），收到 "0"'] });
  });

  it('says in Chinese what each bad value should be, quoting it', () => {
    const r = parseCheckOptions({ jobs: 'abc', timeout: '0', maxBytes: 'lots', year: '22' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '--jobs 需要 1 到 64 之间的整数，收到 "abc"',
      '--timeout 需要大于 0、不超过 86400 的秒数，收到 "0"',
      '--max-bytes 需要字节数，可带单位（如 50MB、10mb、512KB），收到 "lots"',
      '--year 需要四位年份（如 2022），收到 "22"',
    ]);
    expect(parseCheckOptions({ jobs: '65' }).ok).toBe(false);
    expect(parseCheckOptions({ jobs: '1.5' }).ok).toBe(false);
  });
});
