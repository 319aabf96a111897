// Where pdf-lib ends a stream whose /Length it cannot take as a number. LibreOffice (and
// many other writers) print every /Length as a reference to an object further on
// (`/Length 3 0 R`), which pdf-lib cannot follow while it parses; it then walks the
// stream a byte at a time trying five keywords at each, a few function calls per byte:
// on our PDF forms two thirds of the time pdf-lib took to load a file for its annotated
// copy (3 ms of a form's 70, issue 19). Every keyword it tries ends in "stream", so
// `indexOf` finds the candidates; each is then taken as the byte walk would meet it
// first. The result — the end and where the parser stands after it — is the byte walk's
// own (tests/pdf-stream-end.test.ts compares the two on real files and edge cases); only
// the line and column the walk counts for pdf-lib's error messages are not kept.
import { PDFObjectParser, PDFStreamParsingError } from '@cantoo/pdf-lib';

const CR = 0x0d;
const LF = 0x0a;
const STREAM = Buffer.from('stream', 'latin1');
const END = Buffer.from('end', 'latin1');

/** What the parser's byte stream offers (pdf-lib's ByteStream). */
interface Bytes {
  bytes: Uint8Array;
  offset(): number;
  moveTo(offset: number): void;
}

type Fallback = (this: { bytes: Bytes }, startPos: unknown) => number;

const parserProto = PDFObjectParser.prototype as unknown as { findEndOfStreamFallback: Fallback };

/** pdf-lib's own byte walk (kept for the test that compares). */
export const byteWalkStreamEnd: Fallback = parserProto.findEndOfStreamFallback;

function endsAt(data: Uint8Array, at: number): boolean {
  return at >= 0 && data[at] === END[0] && data[at + 1] === END[1] && data[at + 2] === END[2];
}

/** The offset where the stream's content ends; the parser is left after the keyword that closed it. */
export const fastStreamEnd: Fallback = function (this: { bytes: Bytes }, startPos: unknown): number {
  const stream = this.bytes;
  const data = Buffer.from(stream.bytes.buffer, stream.bytes.byteOffset, stream.bytes.byteLength);
  let from = stream.offset();
  let nesting = 1;
  for (;;) {
    const i = data.indexOf(STREAM, from);
    if (i < 0) {
      stream.moveTo(Math.max(from, data.length)); // the walk stops at the end (or where it stood, past it)
      throw new PDFStreamParsingError(startPos as never);
    }
    // The byte walk meets "\r\nendstream" at i−5 before "\rendstream"/"\nendstream" at
    // i−4, "endstream" at i−3 and "stream" at i; none may start before where it stands.
    let at = i;
    let closes = false;
    if (endsAt(data, i - 3) && i - 3 >= from) {
      closes = true;
      at = i - 3;
      if (at - 1 >= from && (data[at - 1] === CR || data[at - 1] === LF)) {
        at -= 1;
        if (data[at] === LF && at - 1 >= from && data[at - 1] === CR) at -= 1;
      }
    }
    from = i + STREAM.length;
    nesting += closes ? -1 : 1;
    if (nesting === 0) {
      stream.moveTo(from);
      return at;
    }
  }
};

let installed = false;

/** pdf-lib parses with the fast search from now on in this thread. */
export function useFastStreamEnd(): void {
  if (installed) return;
  installed = true;
  parserProto.findEndOfStreamFallback = fastStreamEnd;
}
