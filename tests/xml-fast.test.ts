// The DOCX reader's fast XML path (src/read/xml-fast.ts) against saxes, which it stands
// in for: on the XML Word writes it gives saxes' events exactly (names, attributes,
// positions, decoded text); anything saxes rejects — and anything unusual — it hands
// back (false), so that saxes reads the part and a broken file fails with saxes' message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { FormFailure } from '../src/model/failure.js';
import { readDocument } from '../src/read/index.js';
import { decodeXml } from '../src/read/docx.js';
import { parseXmlFast } from '../src/read/xml-fast.js';
import { openZip } from '../src/read/zip.js';
import { docxFromBody, documentXml, p } from './helpers/docx-builder.js';
import { buildZip } from './helpers/zip-writer.js';

type Event = ['open', string, [string, string][], number, boolean, boolean] | ['close', number] | ['text', string];

/** saxes' events as the DOCX reader takes them (xmlns off; text outside the root left out,
 *  as the reader drops it), or the error saxes threw. */
function saxesEvents(xml: string): { events: Event[] } | { error: string } {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let declares = false;
  let depth = 0;
  parser.on('attribute', (a) => {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) declares = true;
  });
  parser.on('opentag', (tag) => {
    events.push(['open', tag.name, Object.entries(tag.attributes as Record<string, string>), parser.position, tag.isSelfClosing, declares]);
    declares = false;
    depth++;
  });
  parser.on('closetag', () => {
    events.push(['close', parser.position]);
    depth--;
  });
  parser.on('text', (text) => {
    if (depth > 0) events.push(['text', text]);
  });
  parser.on('cdata', (text) => events.push(['text', text]));
  try {
    parser.write(xml).close();
    return { events };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The fast path's events, asking every tag for its attributes. */
function fastEvents(xml: string): Event[] | null {
  const events: Event[] = [];
  const ok = parseXmlFast(xml, {
    wantsText: true,
    open: (name, tag, at, selfClosing, declares) => events.push(['open', name, Object.entries(tag.attributes()), at, selfClosing, declares]),
    close: (at) => events.push(['close', at]),
    text: (text) => events.push(['text', text]),
  });
  return ok ? events : null;
}

/** Whether the fast path accepts `xml` when, as for most of Word's elements, nobody asks
 *  for attributes or text (both are then only checked). */
function fastAcceptsQuietly(xml: string): boolean {
  return parseXmlFast(xml, { wantsText: false, open: () => undefined, close: () => undefined, text: () => undefined });
}

function xmlParts(file: string): { name: string; xml: string }[] {
  const zip = openZip(readFileSync(file));
  return zip.names.filter((n) => n.endsWith('.xml')).map((name) => ({ name, xml: decodeXml(zip.read(name, 50 * 1024 * 1024)!) }));
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const docxFiles = ['docx', 'tricky', 'browser', 'resubmit']
  .flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.docx')).map((f) => join(FIXTURES, dir, f)));

describe('fast XML path', () => {
  it('gives saxes’ events on every XML part of the DOCX fixtures (and takes the fast path on each)', () => {
    expect(docxFiles.length).toBeGreaterThan(40);
    for (const file of docxFiles) {
      for (const { name, xml } of xmlParts(file)) {
        const expected = saxesEvents(xml);
        expect(expected, `${file}:${name}`).toHaveProperty('events');
        expect(fastEvents(xml), `${file}:${name}`).toEqual((expected as { events: Event[] }).events);
      }
    }
  });

  it('reads a small part as written by hand: positions just after each tag, entities decoded, CR LF as LF', () => {
    const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const xml = `${decl}\r\n<w:document xmlns:w="urn:w"><w:p w:a="x&amp;y&#x4E00;&#10;z\tq"><w:t>A&lt;B\r\nC&#13;</w:t><w:br/></w:p></w:document>`;
    const after = (tag: string) => xml.indexOf(tag) + tag.length;
    expect(fastEvents(xml)).toEqual([
      ['open', 'w:document', [['xmlns:w', 'urn:w']], after('<w:document xmlns:w="urn:w">'), false, true],
      ['open', 'w:p', [['w:a', 'x&y一\nz q']], after('\tq">'), false, false],
      ['open', 'w:t', [], after('<w:t>'), false, false],
      ['text', 'A<B\nC\r'],
      ['close', after('</w:t>')],
      ['open', 'w:br', [], after('<w:br/>'), true, false],
      ['close', after('<w:br/>')],
      ['close', after('</w:p>')],
      ['close', xml.length],
    ]);
  });

  // Each of these is not well-formed: saxes throws, and the fast path must not accept it.
  const MALFORMED: [string, string][] = [
    ['unclosed element', '<a><b></a>'],
    ['close tag of another name', '<a><b></c></a>'],
    ['element left open', '<a><b></b>'],
    ['empty close tag', '<a></></a>'],
    ['space after <', '<a>< b/></a>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['duplicate attribute among many', `<a ${Array.from({ length: 20 }, (_, i) => `n${i}="${i}"`).join(' ')} n7="again"/>`],
    ['< in an attribute value', '<a x="1<2"/>'],
    ['unquoted attribute value', '<a x=1/>'],
    ['attribute without value', '<a x/>'],
    ['no space between attributes', '<a x="1"y="2"/>'],
    ['slash not followed by >', '<a / >'],
    [']]> in text', '<a>x]]>y</a>'],
    ['undefined entity', '<a>&nbsp;</a>'],
    ['entity without ;', '<a>AT&T</a>'],
    ['empty entity', '<a>&;</a>'],
    ['upper-case X in a character reference', '<a>&#X41;</a>'],
    ['character reference to NUL', '<a>&#0;</a>'],
    ['character reference to a surrogate', '<a>&#xD800;</a>'],
    ['entity in an attribute running past its quote', '<a x="&amp" y="z;"/>'],
    ['control character in text', '<a>\u0001</a>'],
    ['control character in an attribute', '<a x="\u0008"/>'],
    ['U+FFFE', '<a>\uFFFE</a>'],
    ['lone low surrogate', '<a>\uDC00</a>'],
    ['text before the root', 'x<a/>'],
    ['text after the root', '<a/>x'],
    ['two roots', '<a/><b/>'],
    ['no root', '   '],
    ['empty document', ''],
    ['declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['declaration without version', '<?xml encoding="UTF-8"?><a/>'],
    ['bad version', '<?xml version="2.0"?><a/>'],
    ['bad standalone', '<?xml version="1.0" standalone="maybe"?><a/>'],
    ['truncated tag', '<a><b x="1"'],
    ['truncated close tag', '<a></a'],
  ];
  it.each(MALFORMED)('refuses what saxes refuses: %s', (_what, xml) => {
    expect(saxesEvents(xml)).toHaveProperty('error');
    expect(fastEvents(xml)).toBeNull();
    expect(fastAcceptsQuietly(xml)).toBe(false);
  });

  // Well-formed, but left to saxes: the fast path hands these back.
  const UNUSUAL: [string, string][] = [
    ['a comment', '<a><!-- note --></a>'],
    ['a CDATA section', '<a><![CDATA[x<y]]></a>'],
    ['a processing instruction', '<?xml version="1.0"?><?mso-application progid="Word.Document"?><a/>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['XML 1.1', '<?xml version="1.1"?><a/>'],
    ['single-quoted declaration', "<?xml version='1.0'?><a/>"],
    ['a non-ASCII element name', '<表>x</表>'],
    ['a character outside the BMP', '<a>😀</a>'],
  ];
  it.each(UNUSUAL)('hands back what saxes reads but the fast path does not: %s', (_what, xml) => {
    expect(saxesEvents(xml)).toHaveProperty('events');
    expect(fastEvents(xml)).toBeNull();
  });

  it('an attribute named like an object’s own property (constructor) is read by saxes', () => {
    const xml = '<a constructor="1" toString="2"/>';
    expect(saxesEvents(xml)).toEqual({ events: [['open', 'a', [['constructor', '1'], ['toString', '2']], 33, true, false], ['close', 33]] });
    expect(fastEvents(xml)).toBeNull(); // its attributes were asked for
  });

  it('a damaged copy of a Word part is never accepted when saxes refuses it, and read alike when both accept', () => {
    const cell = (text: string) =>
      `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="宋体"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
    const xml = documentXml(`${p('单位：万元 &amp; 元')}<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cell('年度预算数')}${cell('12.5')}</w:tr></w:tbl>`);
    const pieces = ['<', '>', '/', '"', "'", '=', '&', ';', ' ', 'x', '汉', '\t', '\r\n', ']]>', '&amp;', '&#x4E00;', '&#0;', '&bogus;', '<!-- c -->', '<x/>', '</w:p>', ' w:val="1"', '\u0001', '\uD800'];
    const damage = fc.record({ at: fc.nat({ max: xml.length }), cut: fc.nat({ max: 3 }), piece: fc.constantFrom('', ...pieces) });
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 2 }), (damages) => {
        let text = xml;
        for (const { at, cut, piece } of damages) text = text.slice(0, at) + piece + text.slice(at + cut);
        const expected = saxesEvents(text);
        const fast = fastEvents(text);
        if ('error' in expected) {
          expect(fast).toBeNull();
          expect(fastAcceptsQuietly(text)).toBe(false);
        } else if (fast) {
          accepted++;
          expect(fast).toEqual(expected.events);
        }
      }),
      { numRuns: 1000, seed: 20261207 },
    );
    expect(accepted).toBeGreaterThan(100); // the property did test the accepting side
  });

  it('a malformed document still fails with saxes’ own message', async () => {
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>未闭合</w:r></w:body>` },
    ]);
    const failure = await readDocument(bytes, { maxBytes: 1024 * 1024 }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(FormFailure);
    expect((failure as FormFailure).message).toBe('DOCX 正文（word/document.xml）不是有效的 XML，文件已损坏（unexpected close tag.）。请重新导出 DOCX 后再提交');
  });

  it('a part the fast path hands back is read by saxes as before (a comment and a CDATA section in the text)', async () => {
    const plain = await readDocument(docxFromBody(p('单位：万元')), { maxBytes: 1024 * 1024 });
    const unusual = await readDocument(docxFromBody('<w:p><w:r><!-- note --><w:t xml:space="preserve">单位：<![CDATA[万元]]></w:t></w:r></w:p>'), { maxBytes: 1024 * 1024 });
    expect(fastEvents(documentXml('<w:p><w:r><!-- note --></w:r></w:p>'))).toBeNull();
    const texts = (doc: typeof plain) => doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts(unusual)).toEqual(['单位：万元']);
    expect(texts(plain)).toEqual(['单位：万元']);
  });
});
