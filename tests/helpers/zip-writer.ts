// A tiny zip writer for tests: builds archives byte by byte so tests can plant what
// real tools never write (lying size headers, bombs, truncation, odd part names).
import { crc32, deflateRawSync } from 'node:zlib';

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

/** Builds a zip archive (no zip64, no data descriptors). */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let compressed: Buffer;
    let realSize: number;
    let crc: number;
    let method: number;
    if (entry.raw) {
      ({ compressed, realSize, crc } = entry.raw);
      method = 8;
    } else {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
      realSize = data.length;
      crc = crc32(data) >>> 0;
      method = entry.method === 'store' ? 0 : 8;
      compressed = method === 8 ? deflateRawSync(data) : data;
    }
    const size = entry.declaredSize ?? realSize;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}
