// Password-protects a DOCX the way Office does (ECMA-376 "Standard" encryption,
// AES-128 + SHA-1, MS-OFFCRYPTO 2.3.4.5): the package is encrypted into an OLE2
// compound file holding the streams EncryptionInfo and EncryptedPackage.
// Written here because Debian's msoffcrypto-tool 5.0 only decrypts; its decryptor
// (`msoffcrypto-tool -p 1234 in out`) is what verifies this output.
// Deterministic: the salt and verifier come from a seeded generator.
import { createCipheriv, createHash } from 'node:crypto';
import { prng } from './png.js';

const sha1 = (...parts: Buffer[]) => createHash('sha1').update(Buffer.concat(parts)).digest();
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

function aesEcb(key: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function padTo(data: Buffer, block: number): Buffer {
  const rest = data.length % block;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(block - rest)]);
}

/** MS-OFFCRYPTO 2.3.4.7: the AES-128 key from the password and salt. */
function deriveKey(password: string, salt: Buffer): Buffer {
  let h = sha1(salt, Buffer.from(password, 'utf16le'));
  for (let i = 0; i < 50000; i++) h = sha1(u32(i), h);
  const hfinal = sha1(h, u32(0));
  const buf = Buffer.alloc(64, 0x36);
  for (let i = 0; i < hfinal.length; i++) buf[i] ^= hfinal[i];
  return sha1(buf).subarray(0, 16);
}

export function encryptDocx(pkg: Buffer, password: string, seed = 1234): Buffer {
  const rand = prng(seed);
  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const salt = randomBytes(16);
  const verifier = randomBytes(16);
  const key = deriveKey(password, salt);

  const csp = Buffer.from('Microsoft Enhanced RSA and AES Cryptographic Provider\0', 'utf16le');
  const header = Buffer.concat([u32(0x24), u32(0), u32(0x660e), u32(0x8004), u32(128), u32(0x18), u32(0), u32(0), csp]);
  const info = Buffer.concat([
    Buffer.from([3, 0, 2, 0]), // version 3.2: Standard encryption
    u32(0x24), // fCryptoAPI | fAES
    u32(header.length),
    header,
    u32(16),
    salt,
    aesEcb(key, verifier),
    u32(20),
    aesEcb(key, padTo(sha1(verifier), 16)),
  ]);
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(pkg.length));
  const encrypted = Buffer.concat([size, aesEcb(key, padTo(pkg, 16))]);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: encrypted },
  ]);
}

// --- a minimal OLE2 compound file writer (MS-CFB, version 3, 512-byte sectors) ---

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

interface Stream {
  name: string;
  data: Buffer;
}

function compoundFile(streams: Stream[]): Buffer {
  // Small streams live in the mini stream (64-byte sectors) held by the root entry.
  const miniChains: number[][] = [];
  const miniParts: Buffer[] = [];
  const miniFat: number[] = [];
  const bigStreams: { index: number; data: Buffer }[] = [];
  streams.forEach((s, index) => {
    if (s.data.length < CUTOFF) {
      const start = miniFat.length;
      const count = Math.max(1, Math.ceil(s.data.length / MINI));
      for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : start + i + 1);
      miniParts.push(padTo(s.data, MINI));
      miniChains[index] = [start];
    } else {
      bigStreams.push({ index, data: s.data });
    }
  });
  const miniStream = Buffer.concat(miniParts);
  const miniFatBytes = padTo(Buffer.concat(miniFat.map((n) => u32(n))), SECTOR);

  // Sector plan: FAT, MiniFAT, directory, mini stream, then each big stream.
  const sectorsOf = (n: number) => Math.ceil(n / SECTOR);
  const miniFatSectors = sectorsOf(miniFatBytes.length);
  const dirSectors = 1; // up to 4 entries
  const miniStreamSectors = sectorsOf(miniStream.length);
  const bigSectors = bigStreams.map((b) => sectorsOf(b.data.length));
  const dataSectors = miniFatSectors + dirSectors + miniStreamSectors + bigSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('compound file too large for this writer');

  const fat: number[] = [];
  const chain = (count: number) => {
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END : start + i + 1);
    return start;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const miniFatStart = chain(miniFatSectors);
  const dirStart = chain(dirSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const bigStarts = bigSectors.map((n) => chain(n));
  while (fat.length < fatSectors * (SECTOR / 4)) fat.push(FREE);

  // Directory: root (0), then the streams; a right-leaning chain of siblings under the root.
  const entry = (name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const e = Buffer.alloc(128);
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 0x40);
    e[0x42] = type;
    e[0x43] = 1; // black
    e.writeUInt32LE(left, 0x44);
    e.writeUInt32LE(right, 0x48);
    e.writeUInt32LE(child, 0x4c);
    e.writeUInt32LE(start, 0x74);
    e.writeUInt32LE(size, 0x78);
    return e;
  };
  // Siblings must be ordered by (name length, upper-cased name): sort, then chain to the right.
  const order = streams.map((_, i) => i).sort((a, b) => {
    const x = streams[a].name.toUpperCase();
    const y = streams[b].name.toUpperCase();
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  });
  const entries: Buffer[] = [entry('Root Entry', 5, FREE, FREE, order[0] + 1, miniStream.length ? miniStreamStart : END, miniStream.length)];
  streams.forEach((s, i) => {
    const pos = order.indexOf(i);
    const right = pos + 1 < order.length ? order[pos + 1] + 1 : FREE;
    const big = bigStreams.findIndex((b) => b.index === i);
    const start = big >= 0 ? bigStarts[big] : miniChains[i][0];
    entries.push(entry(s.name, 2, FREE, right, FREE, start, s.data.length));
  });
  // Unused directory slots: no name, no siblings, no child.
  while (entries.length < 4) entries.push(entry('', 0, FREE, FREE, FREE, 0, 0).fill(0, 0x40, 0x42));

  const head = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head, 0);
  head.writeUInt16LE(0x3e, 0x18); // minor version
  head.writeUInt16LE(3, 0x1a); // major version 3
  head.writeUInt16LE(0xfffe, 0x1c); // little-endian
  head.writeUInt16LE(9, 0x1e); // 512-byte sectors
  head.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  head.writeUInt32LE(fatSectors, 0x2c);
  head.writeUInt32LE(dirStart, 0x30);
  head.writeUInt32LE(CUTOFF, 0x38);
  head.writeUInt32LE(miniFat.length ? miniFatStart : END, 0x3c);
  head.writeUInt32LE(miniFatSectors, 0x40);
  head.writeUInt32LE(END, 0x44); // no DIFAT sectors
  head.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) head.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);

  return Buffer.concat([
    head,
    Buffer.concat(fat.map((n) => u32(n))),
    miniFatBytes,
    Buffer.concat(entries),
    padTo(miniStream, SECTOR),
    ...bigStreams.map((b) => padTo(b.data, SECTOR)),
  ]);
}
