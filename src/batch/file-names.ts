// File names that are not UTF-8: a zip made on Chinese Windows stores names in GBK, and
// unpacked on Linux they stay GBK bytes. Node's string paths decode them lossily (U+FFFD),
// and the lossy name no longer opens the file. Such a file is opened by its raw bytes;
// people see the name decoded as GBK when the bytes are valid GBK, otherwise with each
// byte that is not UTF-8 written %XX.

const gbk = new TextDecoder('gbk', { fatal: true });

/** True when the bytes are valid UTF-8 (Node's string paths then name the file exactly). */
export function isUtf8Name(bytes: Uint8Array): boolean {
  return Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8').equals(bytes);
}

/** The name as people should read it: UTF-8 as is; else GBK when it decodes; else UTF-8 with bad bytes as %XX. */
export function displayName(bytes: Uint8Array): string {
  if (isUtf8Name(bytes)) return Buffer.from(bytes).toString('utf8');
  if (!isGbkShaped(bytes)) return percentEscaped(bytes);
  try {
    return gbk.decode(bytes);
  } catch {
    return percentEscaped(bytes); // a pair GBK leaves unassigned
  }
}

/** Every byte ASCII (or 0x80, the euro sign), or a lead 81–FE with a trail 40–7E/80–FE. Checked here because
 *  ICU's decoder, even when fatal, silently drops some bytes it cannot map (a lone FF). */
function isGbkShaped(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    if (b[i] <= 0x80) continue;
    if (b[i] === 0xff || i + 1 >= b.length) return false;
    const t = b[++i];
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
  }
  return true;
}

/** Valid UTF-8 sequences decoded, every other byte as %XX (upper-case hex). */
export function percentEscaped(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      out += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    } else {
      out += `%${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
