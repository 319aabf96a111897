// pdfjs-dist 5.4.296 re-compiles every embedded CFF font program (a CJK font of
// 25,000 glyphs is 4 MB) into a font file for the browser, byte by byte into plain
// JS arrays (`push(...bytes)`, falling back to `concat` when the spread overflows the
// stack): 1.2 s for one real 部门决算 publication whose text pdftotext reads in 50 ms.
// Here the same bytes are written into typed arrays instead. The output is the same
// font file (tests/pdfjs-worker-patch.test.ts compares it byte for byte with the
// unpatched compiler's), so text, widths and everything drawn stay as pdfjs makes them.
//
// It also derives the key of a PDF encrypted with AES-256 (revision 6, what recent
// Acrobat and WPS write, often with an empty user password on published pages) with
// Node's crypto instead of its JS SHA-2 and AES: that derivation repeats AES and SHA-2
// over 64+ rounds by design, 43 ms a file in JS, a fraction of a millisecond natively.
// The key is the same (the same algorithm, ISO 32000-2 §7.6.4.3.4); a wrong one would
// fail the password check and the file would not open (tests/pdfjs-worker-patch.test.ts).
//
// And it builds no font file at all for the embedded Type 1 and CFF fonts (FONT_FILE_EDITS):
// pdfjs turns each into an OpenType file for the browser to draw with — the Type 1
// charstrings converted to Type 2, a CFF wrapped round them, the OpenType tables round
// that: 16% of a LibreOffice form's reading time and a quarter of the memory it
// allocates — and nothing here draws. All that text and operator lists take from a font
// is still read from its program as before: encoding, glyph names, widths (a Type 1
// charstring's own width where the PDF gives none), font matrix, accented glyphs (seac).
// The font then reaches the font loader without a file, like a font pdfjs cannot load;
// its glyphs are never turned into paths (pdfjs does that for drawing only). Only where
// building the file would itself fail does the result differ — pdfjs then falls back to
// a standard font — a font too broken to draw that is read here as its program says.
// tests/pdfjs-worker-patch.test.ts compares every page's text and operator list with
// the unpatched worker's.
//
// The patch is applied to the worker's source text, so it is tied to this version:
// if an anchor is not found, the unpatched worker is used as it is (slower, same result).

/** One replacement: `from` must occur exactly once in the worker's source. */
interface Edit {
  what: string;
  from: string;
  to: string;
}

/** No font file built for embedded Type 1 and CFF fonts (see the module comment). */
const FONT_FILE_EDITS: Edit[] = [
  {
    what: 'Type1CharString: of the Type 2 charstring it converts to only whether it is empty is kept (an empty one is a missing glyph: Type1Font.hasGlyphId; `length` counts the pushes)',
    from: `class Type1CharString {
  constructor() {
    this.width = 0;
    this.lsb = 0;
    this.flexing = false;
    this.output = [];`,
    to: `class JxCharstringLength {
  length = 0;
  push(value) {
    this.length++;
    return this.length;
  }
}
class Type1CharString {
  constructor() {
    this.width = 0;
    this.lsb = 0;
    this.flexing = false;
    this.output = new JxCharstringLength();`,
  },
  {
    what: 'Type1Font: no CFF font wrapped round the charstrings',
    from: `    const type2Charstrings = this.getType2Charstrings(charstrings);
    const subrs = this.getType2Subrs(data.subrs);
    this.charstrings = charstrings;
    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);`,
    to: `    this.charstrings = charstrings;`,
  },
  {
    what: 'CFFFont: the parsed font not compiled back into a CFF file',
    from: `    try {
      this.data = compiler.compile();
    } catch {
      warn("Failed to compile font " + properties.loadedName);
      this.data = file;
    }
    this._createBuiltInEncoding();`,
    to: `    this._createBuiltInEncoding();`,
  },
  {
    what: 'Font.convert: the glyph mapping and accents made, no OpenType file round them',
    from: `    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;`,
    to: `    return undefined;
    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;`,
  },
];

const EDITS: Edit[] = [
  {
    what: 'CFFCompiler.compile: output grows as a Uint8Array',
    from: `    const output = {
      data: [],
      length: 0,
      add(data) {
        try {
          this.data.push(...data);
        } catch {
          this.data = this.data.concat(data);
        }
        this.length = this.data.length;
      }
    };`,
    to: `    const output = {
      data: new Uint8Array(1024),
      length: 0,
      add(data) {
        const end = this.length + data.length;
        if (end > this.data.length) {
          let size = this.data.length * 2;
          while (size < end) size *= 2;
          const grown = new Uint8Array(size);
          grown.set(this.data.subarray(0, this.length));
          this.data = grown;
        }
        this.data.set(data, this.length);
        this.length = end;
      }
    };`,
  },
  {
    what: 'CFFCompiler.compile: returns exactly the bytes written',
    from: `    output.add([0]);
    return output.data;`,
    to: `    output.add([0]);
    return output.data.slice(0, output.length);`,
  },
  {
    what: 'CFFCompiler.compileIndex: objects copied into one Uint8Array',
    from: `    for (i = 0; i < count; i++) {
      if (trackers[i]) {
        trackers[i].offset(data.length);
      }
      data.push(...objects[i]);
    }
    return data;`,
    to: `    let total = data.length;
    for (i = 0; i < count; i++) {
      total += objects[i].length;
    }
    const bytes = new Uint8Array(total);
    bytes.set(data);
    let at = data.length;
    for (i = 0; i < count; i++) {
      if (trackers[i]) {
        trackers[i].offset(at);
      }
      bytes.set(objects[i], at);
      at += objects[i].length;
    }
    return bytes;`,
  },
  {
    what: 'PDF20._hash (AES-256 key, revision 6): SHA-2 and AES-128-CBC from node:crypto',
    from: `class PDF20 extends PDFBase {
  _hash(password, input, userBytes) {
    let k = calculateSHA256(input, 0, input.length).subarray(0, 32);
    let e = [0];
    let i = 0;
    while (i < 64 || e.at(-1) > i - 32) {
      const combinedLength = password.length + k.length + userBytes.length,
        combinedArray = new Uint8Array(combinedLength);
      let writeOffset = 0;
      combinedArray.set(password, writeOffset);
      writeOffset += password.length;
      combinedArray.set(k, writeOffset);
      writeOffset += k.length;
      combinedArray.set(userBytes, writeOffset);
      const k1 = new Uint8Array(combinedLength * 64);
      for (let j = 0, pos = 0; j < 64; j++, pos += combinedLength) {
        k1.set(combinedArray, pos);
      }
      const cipher = new AES128Cipher(k.subarray(0, 16));
      e = cipher.encrypt(k1, k.subarray(16, 32));
      const remainder = Math.sumPrecise(e.slice(0, 16)) % 3;
      if (remainder === 0) {
        k = calculateSHA256(e, 0, e.length);
      } else if (remainder === 1) {
        k = calculateSHA384(e, 0, e.length);
      } else if (remainder === 2) {
        k = calculateSHA512(e, 0, e.length);
      }
      i++;
    }
    return k.subarray(0, 32);
  }
}`,
    to: `import { createHash as jxCreateHash, createCipheriv as jxCreateCipheriv } from "node:crypto";
class PDF20 extends PDFBase {
  _hash(password, input, userBytes) {
    let k = jxCreateHash("sha256").update(input).digest();
    let e = [0];
    let i = 0;
    while (i < 64 || e.at(-1) > i - 32) {
      const combined = Buffer.concat([Buffer.from(password), k, Buffer.from(userBytes)]);
      const k1 = Buffer.allocUnsafe(combined.length * 64);
      for (let j = 0; j < 64; j++) {
        combined.copy(k1, j * combined.length);
      }
      const cipher = jxCreateCipheriv("aes-128-cbc", k.subarray(0, 16), k.subarray(16, 32));
      cipher.setAutoPadding(false);
      e = Buffer.concat([cipher.update(k1), cipher.final()]);
      let sum = 0;
      for (let j = 0; j < 16; j++) {
        sum += e[j];
      }
      k = jxCreateHash(["sha256", "sha384", "sha512"][sum % 3]).update(e).digest();
      i++;
    }
    return new Uint8Array(k.subarray(0, 32));
  }
}`,
  },
];

/** The edits as patchWorkerPieces applies them (for the tests). */
export function workerEdits({ fontFiles = false }: { fontFiles?: boolean } = {}): readonly { from: string; to: string }[] {
  return fontFiles ? EDITS : [...EDITS, ...FONT_FILE_EDITS];
}

/** The worker's source with the edits applied, as the pieces to write one after another
 *  (the source's own bytes between the edits are views, not copies), or null when any
 *  anchor is missing or repeated (another pdfjs version). Bytes in, bytes out: decoding the
 *  2 MB source into a string to search it cost 100 ms per thread start, and copying the
 *  whole source once per edit (7 copies of 2 MB, each into fresh memory) another 60 ms.
 *  `fontFiles`: font files built as pdfjs builds them (FONT_FILE_EDITS left out: the tests
 *  compare those files). */
export function patchWorkerPieces(source: Buffer, { fontFiles = false }: { fontFiles?: boolean } = {}): Buffer[] | null {
  const found: { at: number; end: number; to: Buffer }[] = [];
  for (const edit of workerEdits({ fontFiles })) {
    const from = Buffer.from(edit.from, 'utf8');
    const at = source.indexOf(from);
    if (at < 0 || source.indexOf(from, at + 1) >= 0) return null;
    found.push({ at, end: at + from.length, to: Buffer.from(edit.to, 'utf8') });
  }
  found.sort((a, b) => a.at - b.at);
  // Imported from elsewhere than its folder: its source map is not beside it.
  const map = source.lastIndexOf('\n//# sourceMappingURL=');
  const length = map >= 0 ? map + 1 : source.length;
  const pieces: Buffer[] = [];
  let from = 0;
  for (const { at, end, to } of found) {
    // (no anchor overlaps another, nor the source map line: else the pdfjs version is not this one)
    if (at < from || end > length) return null;
    pieces.push(source.subarray(from, at), to);
    from = end;
  }
  pieces.push(source.subarray(from, length));
  return pieces;
}

/** The worker's source with the edits applied, in one buffer (see patchWorkerPieces). */
export function patchWorkerSource(source: Buffer, options: { fontFiles?: boolean } = {}): Buffer | null {
  const pieces = patchWorkerPieces(source, options);
  return pieces && Buffer.concat(pieces);
}
