// A small zip writer for the bad corpus: ordinary deflated entries, and entries whose
// compressed bytes and header sizes are given by hand (zip bombs, lying headers).
// Fixed dates so a rerun gives identical bytes.
import { crc32, deflateRawSync } from 'node:zlib';

// DOS date/time of 2023-03-01 00:00:00 (as scripts/fixtures/zip.ts).
const DOS_DATE = ((2023 - 1980) << 9) | (3 << 5) | 1;
const DOS_TIME = 0;

/** An entry as it goes into the archive: compressed bytes plus what the headers declare. */
export interface RawEntry {
  name: string;
  /** The bytes stored (deflated, method 8). */
  packed: Buffer;
  /** CRC-32 and uncompressed size written in both headers — true or not. */
  crc: number;
  declaredSize: number;
}

/** A normal entry: deflates `data` and declares its real size and CRC. */
export function entry(name: string, data: string | Buffer): RawEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, packed: deflateRawSync(bytes, { level: 9 }), crc: crc32(bytes) >>> 0, declaredSize: bytes.length };
}

/** The archive bytes (no zip64: every size must fit 32 bits). */
export function writeZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.packed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.packed.length, 20);
    cd.writeUInt32LE(e.declaredSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}
