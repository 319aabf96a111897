// The zip-bomb payload: a word/document.xml of more than 2 GiB (one paragraph of the
// same letter), deflated chunk by chunk so it never exists in memory — a few MB packed.
import { crc32, createDeflateRaw } from 'node:zlib';
import { DOC_HEAD, DOC_TAIL } from './ooxml.js';

export interface Bomb {
  packed: Buffer;
  crc: number;
  size: number;
}

const CHUNK = 64 * 1024 * 1024;

/** Deflates DOC_HEAD + `<w:p><w:r><w:t>` + `chunks` × 64 MiB of "A" + closing tags. */
export async function deflatedBomb(chunks = 32): Promise<Bomb> {
  const head = Buffer.from(`${DOC_HEAD}<w:p><w:r><w:t>`, 'utf8');
  const tail = Buffer.from(`</w:t></w:r></w:p>${DOC_TAIL}`, 'utf8');
  const filler = Buffer.alloc(CHUNK, 'A');
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((ok, fail) => {
    deflate.on('end', ok);
    deflate.on('error', fail);
  });
  const write = (b: Buffer) => new Promise<void>((ok) => (deflate.write(b) ? ok() : deflate.once('drain', ok)));
  let crc = crc32(head);
  let size = head.length;
  await write(head);
  for (let i = 0; i < chunks; i++) {
    crc = crc32(filler, crc);
    size += filler.length;
    await write(filler);
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  if (size > 0xffffffff) throw new Error('bomb too large for a zip without zip64');
  return { packed: Buffer.concat(out), crc: crc >>> 0, size };
}
