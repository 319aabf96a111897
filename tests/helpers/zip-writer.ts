// A tiny zip writer for tests: builds archives byte by byte so tests can plant what
// real tools never write (lying size headers, bombs, truncation, odd part names).
import { DEFAULT_LEVEL, pack, writeZip, type PackedEntry } from '../../scripts/lib/zip.js';

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** 'deflate' (default) or 'store'. */
  method?: 'deflate' | 'store';
  /** Uncompressed size written into the headers instead of the real one (a lie). */
  declaredSize?: number;
  /** Already-compressed bytes to store as is (with `realSize`/`crc` describing them). */
  raw?: { compressed: Buffer; realSize: number; crc: number };
}

/** Zeroed DOS date/time words: tests never look at entry dates. */
const NO_DATE = { date: 0, time: 0 };

/** Builds a zip archive (no zip64, no data descriptors). */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  return writeZip(entries.map(toPacked), NO_DATE);
}

function toPacked(spec: ZipEntrySpec): PackedEntry {
  const entry: PackedEntry = spec.raw
    ? { name: spec.name, method: 8, packed: spec.raw.compressed, crc: spec.raw.crc, declaredSize: spec.raw.realSize }
    : pack(spec.name, spec.data, { method: spec.method, level: DEFAULT_LEVEL });
  return spec.declaredSize === undefined ? entry : { ...entry, declaredSize: spec.declaredSize };
}
