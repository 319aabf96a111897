// pdfjs-dist 5.4.296 re-compiles every embedded CFF font program (a CJK font of
// 25,000 glyphs is 4 MB) into a font file for the browser, byte by byte into plain
// JS arrays (`push(...bytes)`, falling back to `concat` when the spread overflows the
// stack): 1.2 s for one real 部门决算 publication whose text pdftotext reads in 50 ms.
// Here the same bytes are written into typed arrays instead. The output is the same
// font file (tests/pdfjs-worker-patch.test.ts compares it byte for byte with the
// unpatched compiler's), so text, widths and everything drawn stay as pdfjs makes them.
// The patch is applied to the worker's source text, so it is tied to this version:
// if an anchor is not found, the unpatched worker is used as it is (slower, same result).

/** One replacement: `from` must occur exactly once in the worker's source. */
interface Edit {
  what: string;
  from: string;
  to: string;
}

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
];

/** The worker's source with the edits applied, or null when any anchor is missing or
 *  repeated (another pdfjs version). Bytes in, bytes out: decoding the 2 MB source
 *  into a string to search it cost 100 ms per thread start. */
export function patchWorkerSource(source: Buffer): Buffer | null {
  let out = source;
  for (const edit of EDITS) {
    const from = Buffer.from(edit.from, 'utf8');
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) return null;
    out = Buffer.concat([out.subarray(0, at), Buffer.from(edit.to, 'utf8'), out.subarray(at + from.length)]);
  }
  // Imported from elsewhere than its folder: its source map is not beside it.
  const map = out.lastIndexOf('\n//# sourceMappingURL=');
  return map >= 0 ? out.subarray(0, map + 1) : out;
}
