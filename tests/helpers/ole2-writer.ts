// A minimal OLE2 compound file (512-byte sectors, one FAT sector, one directory
// chain) holding empty streams of the given names: enough for format sniffing to
// tell a .doc, .xls, .wps or an encrypted OOXML package apart.
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function buildOle2(streamNames: string[]): Buffer {
  const entries = ['Root Entry', ...streamNames];
  const dirSectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s === dirSectors ? END_OF_CHAIN : s + 1, s * 4);

  const directory = Buffer.alloc(dirSectors * 512);
  entries.forEach((name, i) => {
    const base = i * 128;
    const encoded = Buffer.from(name + '\0', 'utf16le');
    encoded.copy(directory, base);
    directory.writeUInt16LE(encoded.length, base + 0x40);
    directory[base + 0x42] = i === 0 ? 5 : 2;
    directory.writeUInt32LE(FREE, base + 0x44); // left sibling
    directory.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : FREE, base + 0x48); // right sibling
    directory.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, base + 0x4c); // child
    directory.writeUInt32LE(END_OF_CHAIN, base + 0x74); // start sector
  });
  return Buffer.concat([header, fat, directory]);
}
