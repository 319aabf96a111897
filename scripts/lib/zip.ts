// Byte-level zip reading and writing shared by the fixture generators, the bad-input corpus,
// the tests that plant hostile archives (lying headers, bombs) and the benchmark.
// No zip64, no data descriptors; fixed entry dates so a rerun gives identical bytes.
import yauzl from 'yauzl';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** An entry as read from, or meant for, an archive: name and uncompressed bytes. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** An entry as it goes into the archive: stored bytes plus what both headers declare — true or not. */
export interface PackedEntry {
  name: string;
  /** 8 = deflate (the default, as for hand-made bomb entries), 0 = store. */
  method?: 0 | 8;
  packed: Buffer;
  /** CRC-32 and uncompressed size written in both headers. */
  crc: number;
  declaredSize: number;
}

export interface PackOptions {
  method?: 'deflate' | 'store';
  /** zlib level; the generators use 9, `constants.Z_DEFAULT_COMPRESSION` is zlib's own default. */
  level?: number;
}

/** DOS date and time words written into both headers of every entry. */
export interface DosStamp {
  date: number;
  time: number;
}

/** 2023-03-01 00:00:00 — the date of every generated fixture. */
export const FIXTURE_STAMP: DosStamp = { date: ((2023 - 1980) << 9) | (3 << 5) | 1, time: 0 };

export const DEFAULT_LEVEL = constants.Z_DEFAULT_COMPRESSION;

/** A truthful entry: compresses `data` and declares its real size and CRC. */
export function pack(name: string, data: string | Buffer, options: PackOptions = {}): PackedEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const store = options.method === 'store';
  return {
    name,
    method: store ? 0 : 8,
    packed: store ? bytes : deflateRawSync(bytes, { level: options.level ?? 9 }),
    crc: crc32(bytes) >>> 0,
    declaredSize: bytes.length,
  };
}

/** The archive bytes: local headers and data, central directory, end record. */
export function writeZip(entries: PackedEntry[], stamp: DosStamp = FIXTURE_STAMP): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every entry of a zip archive (directories included), in archive order. */
export function readZipEntries(bytes: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
