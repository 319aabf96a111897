// The search for a stream's end that replaces pdf-lib's byte walk (annotate/pdf-stream-end.ts)
// must give the walk's answer: the same end and the parser left at the same place, on
// every stream of real PDFs (fixtures written by LibreOffice, whose /Length is a reference
// the walk is used for) and on the cases the keywords make tricky — a line end of \r\n,
// \r or \n before endstream, "stream" inside the content (the walk counts it as a nested
// stream), and no endstream at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFContext, PDFObjectParser } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { byteWalkStreamEnd, fastStreamEnd } from '../src/annotate/pdf-stream-end.js';

const PDFS = join(import.meta.dirname, '..', 'fixtures', 'pdf');

type Outcome = { end: number; after: number } | { error: string; after: number };

/** One search from `start` of `bytes`: its end and where the parser stands after it. */
function search(fn: typeof fastStreamEnd, bytes: Uint8Array, start: number): Outcome {
  const parser = PDFObjectParser.forBytes(bytes, PDFContext.create()) as unknown as { bytes: { moveTo(o: number): void; offset(): number } };
  parser.bytes.moveTo(start);
  try {
    const end = fn.call(parser as never, { line: 0, column: 0, offset: start });
    return { end, after: parser.bytes.offset() };
  } catch (err) {
    return { error: (err as Error).constructor.name, after: parser.bytes.offset() };
  }
}

/** Where each stream's content starts: after "stream" and its line end. */
function streamStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let i = bytes.indexOf('stream'); i >= 0; i = bytes.indexOf('stream', i + 6)) {
    if (bytes.toString('latin1', i - 3, i) === 'end') continue;
    let at = i + 6;
    if (bytes[at] === 0x0d) at++;
    if (bytes[at] === 0x0a) at++;
    starts.push(at);
  }
  return starts;
}

describe('the end of a stream whose /Length is a reference', () => {
  it('is where pdf-lib’s byte walk puts it, on every stream of the PDF fixtures', () => {
    const files = readdirSync(PDFS).filter((n) => n.endsWith('.pdf')).sort().slice(0, 12);
    expect(files.length).toBeGreaterThan(5);
    let compared = 0;
    for (const name of files) {
      const bytes = readFileSync(join(PDFS, name));
      for (const start of streamStarts(bytes)) {
        expect(search(fastStreamEnd, bytes, start), `${name} @${start}`).toEqual(search(byteWalkStreamEnd, bytes, start));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  const cases: Record<string, string> = {
    'CR LF before endstream': 'abc\r\nendstream\nendobj',
    'CR before endstream': 'abc\rendstream endobj',
    'LF before endstream': 'abc\nendstream endobj',
    'no line end': 'abcendstream endobj',
    'LF LF before endstream': 'abc\n\nendstream',
    'LF CR before endstream': 'abc\n\rendstream',
    '"stream" in the content counts as a nested stream': 'a stream b\nendstream c endstream d',
    'endstream right at the start': 'endstream',
    'CR LF right at the start': '\r\nendstream',
    'no endstream': 'abc stream def',
    'nothing': '',
  };
  for (const [what, text] of Object.entries(cases)) {
    it(`is the byte walk’s: ${what}`, () => {
      const bytes = Buffer.from(`xx${text}`, 'latin1');
      for (const start of [0, 1, 2, 3]) expect(search(fastStreamEnd, bytes, start), `from ${start}`).toEqual(search(byteWalkStreamEnd, bytes, start));
    });
  }
});
