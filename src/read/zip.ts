// Zip access for DOCX and XLSX: the central directory is parsed once (openZip),
// synchronously, and serves both the sniffing (entry names) and size-guarded
// reading of single entries (a zip bomb is refused by its declared size and cut
// off by its actual size, never inflated whole).
import { crc32, inflateRawSync } from 'node:zlib';
import { FormFailure } from '../model/failure.js';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

export interface ZipListing {
  /** Entry names as stored ('/' separators). */
  names: string[];
  /** false when the central directory could not be found: the names then come
   *  from the local headers at the start of the file (a truncated zip). */
  complete: boolean;
}

/** One central-directory record: what is needed to find, bound and verify an entry. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Whether the bytes start like a zip archive (a local header or an empty archive). */
export function looksLikeZip(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  const sig = bytes.readUInt32LE(0);
  return sig === LOCAL_HEADER || sig === END_OF_CENTRAL_DIR;
}

/**
 * A zip archive whose central directory has been parsed once: the sniffer takes
 * its names, the DOCX/XLSX readers read entries through it. When the directory is
 * missing or damaged (a truncated file) the names come from walking the local
 * headers and `complete` is false; nothing can then be read.
 */
export class ZipArchive implements ZipListing {
  readonly names: string[];
  readonly complete: boolean;
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Buffer,
    /** How messages name the file ('DOCX', 'XLSX'). */
    public label = 'DOCX',
  ) {
    const central = readCentralDirectory(bytes);
    if (central) {
      this.names = central.map((e) => e.name);
      this.complete = true;
      for (const entry of central) {
        const key = entry.name.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, entry);
      }
    } else {
      this.names = walkLocalHeaders(bytes);
      this.complete = false;
    }
  }

  /** The entry of that name (case-insensitive), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /**
   * Reads one entry (matched case-insensitively) into memory; null when the
   * archive has no such entry. The data is inflated synchronously with zlib's
   * maxOutputLength set to the declared size + 1 (an async stream spent ~30% of a
   * read idle waiting on the libuv pool: 13.7 ms against 5 ms on a 620 KB
   * document.xml). An entry declaring more than `maxBytes` is refused before
   * inflating ('too-large'); one inflating past its declared size is cut off
   * there, and one whose size or CRC-32 differs from its header is refused
   * ('corrupt-file').
   */
  read(name: string, maxBytes: number): Buffer | null {
    if (!this.complete) throw this.corrupt('找不到压缩包目录');
    const entry = this.entry(name);
    if (!entry) return null;
    if (entry.uncompressedSize > maxBytes) throw this.tooLarge(entry.name, entry.uncompressedSize, maxBytes);
    if (entry.flags & 0x01) throw this.encrypted();
    const start = this.dataStart(entry);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw this.corrupt(`${entry.name} 的数据超出文件末尾`);
    const raw = this.bytes.subarray(start, end);
    let data: Buffer;
    if (entry.method === 0) {
      data = raw;
    } else if (entry.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.sizeMismatch(entry.name, entry.uncompressedSize, `超过 ${entry.uncompressedSize} 字节`);
        throw new FormFailure('corrupt-file', `${this.label} 文件已损坏或不完整，无法解压（${(err as Error).message}）。请重新导出或重新发送文件`);
      }
    } else {
      throw this.corrupt(`${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
    }
    if (data.length !== entry.uncompressedSize) throw this.sizeMismatch(entry.name, entry.uncompressedSize, `${data.length} 字节`);
    if ((crc32(data) >>> 0) !== entry.crc32) throw this.corrupt(`${entry.name} 的校验和（CRC-32）不符`);
    return data;
  }

  /** Sum of the declared sizes of every entry (a workbook library inflates them all). */
  declaredTotal(): number {
    let total = 0;
    for (const entry of this.byName.values()) total += entry.uncompressedSize;
    return total;
  }

  private dataStart(entry: ZipEntry): number {
    const p = entry.localOffset;
    if (p + 30 > this.bytes.length || this.bytes.readUInt32LE(p) !== LOCAL_HEADER) {
      throw this.corrupt(`${entry.name} 的本地文件头无效`);
    }
    return p + 30 + this.bytes.readUInt16LE(p + 26) + this.bytes.readUInt16LE(p + 28);
  }

  tooLarge(entry: string, size: number, maxBytes: number): FormFailure {
    return new FormFailure(
      'too-large',
      `${this.label} 内的 ${entry} 解压后为 ${size} 字节，超过上限 ${maxBytes} 字节（可能是恶意构造的压缩包）。请检查文件来源，或另存为正常的 ${this.label} 后重新提交`,
    );
  }

  private encrypted(): FormFailure {
    return new FormFailure('encrypted', `${this.label} 压缩包内的文件经过加密，无法读取。请去除密码后重新提交`);
  }

  private corrupt(detail: string): FormFailure {
    return new FormFailure('corrupt-file', `${this.label} 文件已损坏（${detail}）。请重新导出或重新发送文件`);
  }

  private sizeMismatch(entry: string, declared: number, actual: string): FormFailure {
    return new FormFailure(
      'corrupt-file',
      `${this.label} 压缩包内 ${entry} 的实际大小与声明不符（声明 ${declared} 字节，实际${actual}；文件已损坏或被篡改）。请重新导出 ${this.label} 后再提交`,
    );
  }
}

/** Parses the central directory once. */
export function openZip(bytes: Buffer, label = 'DOCX'): ZipArchive {
  return new ZipArchive(bytes, label);
}

/** Entry names (the sniffer's view of an archive). */
export function listZipEntries(bytes: Buffer): ZipListing {
  const zip = openZip(bytes);
  return { names: zip.names, complete: zip.complete };
}

/** One entry of an archive parsed for this call only (tests, scripts); readers use a ZipArchive. */
export async function readZipEntry(bytes: Buffer, name: string, maxBytes: number): Promise<Buffer | null> {
  return openZip(bytes).read(name, maxBytes);
}

function readCentralDirectory(bytes: Buffer): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(bytes, eocd);
    if (!zip64) return null;
    ({ count, size, offset } = zip64);
  }
  if (offset + size > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > bytes.length) return null;
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits are in the zip64 extra field, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  if (entry.uncompressedSize !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return;
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + length || r + 8 > extra.length) return 0xffffffff;
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    q += 4 + length;
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes.readUInt32LE(p) === END_OF_CENTRAL_DIR && p + 22 + bytes.readUInt16LE(p + 20) <= bytes.length) return p;
  }
  return -1;
}

function readZip64End(bytes: Buffer, eocd: number): { count: number; size: number; offset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
  const end = Number(bytes.readBigUInt64LE(locator + 8));
  if (end + 56 > bytes.length || bytes.readUInt32LE(end) !== ZIP64_END) return null;
  return {
    count: Number(bytes.readBigUInt64LE(end + 32)),
    size: Number(bytes.readBigUInt64LE(end + 40)),
    offset: Number(bytes.readBigUInt64LE(end + 48)),
  };
}

function walkLocalHeaders(bytes: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= bytes.length && bytes.readUInt32LE(p) === LOCAL_HEADER) {
    const flags = bytes.readUInt16LE(p + 6);
    const compressedSize = bytes.readUInt32LE(p + 18);
    const nameLength = bytes.readUInt16LE(p + 26);
    const extraLength = bytes.readUInt16LE(p + 28);
    if (p + 30 + nameLength > bytes.length) break;
    names.push(decodeName(bytes.subarray(p + 30, p + 30 + nameLength)));
    // Sizes that follow the data (flag bit 3) leave no way to find the next header.
    if (flags & 0x08) break;
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function decodeName(raw: Buffer): string {
  // OOXML part names are ASCII; UTF-8 decoding is right for them whatever flag bit 11 says.
  return raw.toString('utf8').replace(/\\/g, '/');
}
