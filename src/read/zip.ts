// Zip access for DOCX: a synchronous central-directory listing (for sniffing) and
// size-guarded reading of single entries (a zip bomb is refused by its declared
// size and cut off by its actual size, never inflated whole).
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
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

/** Whether the bytes start like a zip archive (a local header or an empty archive). */
export function looksLikeZip(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  const sig = bytes.readUInt32LE(0);
  return sig === LOCAL_HEADER || sig === END_OF_CENTRAL_DIR;
}

/**
 * Lists entry names without inflating anything. Reads the central directory;
 * when it is missing or damaged (a truncated file) falls back to walking the
 * local headers from the start, and says so with `complete: false`.
 */
export function listZipEntries(bytes: Buffer): ZipListing {
  const central = readCentralDirectoryNames(bytes);
  if (central) return { names: central, complete: true };
  return { names: walkLocalHeaders(bytes), complete: false };
}

function readCentralDirectoryNames(bytes: Buffer): string[] | null {
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
  const names: string[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength > bytes.length) return null;
    names.push(decodeName(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
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

/**
 * Reads one entry (matched case-insensitively) into memory; null when the
 * archive has no such entry. yauzl (validateEntrySizes) reads the central
 * directory and the entry's local header; the data is then inflated
 * synchronously with zlib's maxOutputLength set to the declared size + 1 — an
 * async yauzl stream spent ~30% of a read idle waiting on the libuv pool
 * (measured: 13.7 ms against 5 ms on a 620 KB document.xml). The guards are the
 * same: an entry declaring more than `maxBytes` is refused before inflating
 * ('too-large'); one inflating past its declared size is cut off there, and one
 * whose size or CRC-32 differs from its header is refused ('corrupt-file').
 */
export async function readZipEntry(bytes: Buffer, name: string, maxBytes: number): Promise<Buffer | null> {
  const zip = await openZip(bytes);
  try {
    const entry = await findEntry(zip, name.toLowerCase());
    if (!entry) return null;
    if (entry.uncompressedSize > maxBytes) throw tooLarge(entry.fileName, entry.uncompressedSize, maxBytes);
    if (entry.isEncrypted()) throw new FormFailure('encrypted', 'DOCX 压缩包内的文件经过加密，无法读取。请去除密码后重新提交');
    const start = await fileDataStart(zip, entry);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(`${entry.fileName} 的数据超出文件末尾`);
    const raw = bytes.subarray(start, end);
    let data: Buffer;
    if (entry.compressionMethod === 0) {
      data = raw;
    } else if (entry.compressionMethod === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw sizeMismatch(entry.fileName, entry.uncompressedSize, `超过 ${entry.uncompressedSize} 字节`);
        throw err;
      }
    } else {
      throw corrupt(`${entry.fileName} 使用了不支持的压缩方式（${entry.compressionMethod}）`);
    }
    if (data.length !== entry.uncompressedSize) throw sizeMismatch(entry.fileName, entry.uncompressedSize, `${data.length} 字节`);
    if ((crc32(data) >>> 0) !== entry.crc32) throw corrupt(`${entry.fileName} 的校验和（CRC-32）不符`);
    return data;
  } catch (err) {
    throw toFailure(err);
  } finally {
    zip.close();
  }
}

function findEntry(zip: yauzl.ZipFile, wanted: string): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(null));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.toLowerCase() === wanted) resolve(entry);
      else zip.readEntry();
    });
    zip.readEntry();
  });
}

function fileDataStart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => (err ? reject(err) : resolve(header.fileDataStart)));
  });
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(toFailure(err ?? new Error('no zip')));
      else resolve(zip);
    });
  });
}

function tooLarge(entry: string, size: number, maxBytes: number): FormFailure {
  return new FormFailure(
    'too-large',
    `DOCX 内的 ${entry} 解压后为 ${size} 字节，超过上限 ${maxBytes} 字节（可能是恶意构造的压缩包）。请检查文件来源，或另存为正常的 DOCX 后重新提交`,
  );
}

function corrupt(detail: string): FormFailure {
  return new FormFailure('corrupt-file', `DOCX 文件已损坏（${detail}）。请重新导出或重新发送文件`);
}

function sizeMismatch(entry: string, declared: number, actual: string): FormFailure {
  return new FormFailure(
    'corrupt-file',
    `DOCX 压缩包内 ${entry} 的实际大小与声明不符（声明 ${declared} 字节，实际${actual}；文件已损坏或被篡改）。请重新导出 DOCX 后再提交`,
  );
}

function toFailure(err: unknown): unknown {
  if (err instanceof FormFailure) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/encrypted/i.test(message)) {
    return new FormFailure('encrypted', 'DOCX 压缩包内的文件经过加密，无法读取。请去除密码后重新提交');
  }
  return new FormFailure('corrupt-file', `DOCX 文件已损坏或不完整，无法解压（${message}）。请重新导出或重新发送文件`);
}
