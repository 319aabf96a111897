// A fast reader for the plain, well-formed XML that Word and WPS write, giving the
// DOCX reader the same events saxes gives (open tags with their attributes and the
// string index just after the tag, close tags, text with entities decoded) at a
// fraction of the cost: saxes reads character by character through a state table
// and was 15–20% of a DOCX form's CPU.
//
// It is only a fast path. It accepts a strict subset of what saxes accepts and hands
// anything else back (returns false): then the caller reads the part again with saxes
// from the start, so a file saxes rejects still fails with saxes' own message, and an
// unusual but valid file is read exactly as before. Handed back: a DOCTYPE, comments,
// CDATA sections, processing instructions, an XML declaration other than the usual
// `<?xml version="1.0" …?>`, names with characters outside ASCII, entities other than
// the five predefined ones and character references, surrogates (astral characters),
// and every error (a disallowed character, a duplicate attribute, a tag not closed or
// closed by another name, `]]>` in text, `<` in an attribute value, text outside the
// root element, a second root…).

/** The attributes of the tag being opened, built only when asked for (during `open`):
 *  most of Word's elements are never asked about theirs. */
export interface TagAttributes {
  attributes(): Record<string, string>;
}

/** Where the events go (the DOCX DocumentBuilder). */
export interface XmlSink {
  open(name: string, tag: TagAttributes, at: number, selfClosing: boolean, declares: boolean): void;
  close(at: number): void;
  text(text: string): void;
  /** False while text would be dropped anyway: it is then checked, not decoded. */
  readonly wantsText: boolean;
}

/** Characters saxes refuses (XML 1.0's Char) and surrogates, whose handling is left to saxes. */
const UNUSUAL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The XML declaration as Word, WPS and most writers put it. */
const PLAIN_DECLARATION = /^<\?xml version="1\.0"(?: encoding="[A-Za-z][A-Za-z0-9._-]*")?(?: standalone="(?:yes|no)")? ?\?>/;
const ENTITY = /^(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+)$/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Past this many attributes on one tag, duplicates are looked for with a set. */
const FEW_ATTRIBUTES = 16;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const AMP = 0x26;

/** Signals a construct the fast path leaves to saxes. */
class Unusual extends Error {}
const UNUSUAL = new Unusual();

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** ASCII NameStartChar (non-ASCII ones are left to saxes). */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

/** ASCII NameChar. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/**
 * Reads `xml` (one whole document) into `sink`. True: read, the same events saxes
 * (xmlns off) would have given. False: something the fast path leaves to saxes, found
 * before or after some events were given — the caller discards the sink and reads again.
 */
export function parseXmlFast(xml: string, sink: XmlSink): boolean {
  if (UNUSUAL_CHAR.test(xml)) return false;
  try {
    return new FastReader(xml).read(sink);
  } catch (err) {
    if (err === UNUSUAL) return false;
    throw err;
  }
}

class FastReader implements TagAttributes {
  /** The open tag's attributes as offsets: name start, name end, value start, value end (quotes excluded). */
  private spans: number[] = [];
  private count = 0;
  private built: Record<string, string> | null = null;
  /** Next '&' at or after where it was last looked for (-1: none left). */
  private nextAmp = 0;
  /** Next ']]>' likewise. */
  private nextCdataEnd = 0;

  constructor(private readonly s: string) {}

  read(sink: XmlSink): boolean {
    const s = this.s;
    const n = s.length;
    let i = 0;
    if (s.startsWith('<?')) {
      const decl = PLAIN_DECLARATION.exec(s);
      if (!decl) return false;
      i = decl[0].length;
    }
    const stack: string[] = [];
    let rootClosed = false;
    let lt = s.indexOf('<', i);
    for (;;) {
      const end = lt < 0 ? n : lt;
      if (end > i) {
        if (stack.length === 0) {
          // Outside the root: white space only (saxes fails on anything else).
          for (let k = i; k < end; k++) if (!isSpace(s.charCodeAt(k))) return false;
        } else {
          if (this.cdataEndBefore(i, end)) return false;
          if (sink.wantsText) sink.text(decodeText(s.slice(i, end)));
          else if (this.ampBefore(i, end)) decodeText(s.slice(i, end)); // checked all the same
        }
      }
      if (lt < 0) break;
      // Everything up to the next '<' is this tag (a '<' inside a tag is an error anyway).
      const next = s.indexOf('<', lt + 1);
      const limit = next < 0 ? n : next;
      let j = lt + 1;
      let c = s.charCodeAt(j);
      if (c === SLASH) {
        // </name S* >
        j++;
        const start = j;
        while (j < limit && isNameChar(s.charCodeAt(j))) j++;
        const top = stack.pop();
        if (top === undefined || j - start !== top.length || !s.startsWith(top, start)) return false;
        while (j < limit && isSpace(s.charCodeAt(j))) j++;
        if (j >= limit || s.charCodeAt(j) !== GT) return false;
        i = j + 1;
        sink.close(i);
        if (stack.length === 0) rootClosed = true;
        lt = next;
        continue;
      }
      if (!isNameStart(c) || rootClosed) return false; // <! <? a second root, a stray '<'
      const start = j;
      j++;
      while (j < limit && isNameChar(s.charCodeAt(j))) j++;
      if (j >= limit) return false;
      const name = nameAt(s, start, j);
      this.count = 0;
      this.built = null;
      let declares = false;
      let selfClosing = false;
      const spans = this.spans;
      // Attributes: (S+ name S* = S* quoted-value)*, then S* and > or />.
      for (;;) {
        if (j >= limit) return false;
        c = s.charCodeAt(j);
        if (c === GT) {
          j++;
          break;
        }
        if (c === SLASH) {
          if (j + 1 >= limit || s.charCodeAt(j + 1) !== GT) return false;
          selfClosing = true;
          j += 2;
          break;
        }
        if (!isSpace(c)) return false; // no space before an attribute, or a stray character
        do j++;
        while (j < limit && isSpace(s.charCodeAt(j)));
        if (j >= limit) return false;
        c = s.charCodeAt(j);
        if (c === GT || c === SLASH) continue;
        if (!isNameStart(c)) return false;
        const nameStart = j;
        j++;
        while (j < limit && isNameChar(s.charCodeAt(j))) j++;
        const nameEnd = j;
        while (j < limit && isSpace(s.charCodeAt(j))) j++;
        if (j >= limit || s.charCodeAt(j) !== EQ) return false;
        j++;
        while (j < limit && isSpace(s.charCodeAt(j))) j++;
        if (j >= limit) return false;
        const q = s.charCodeAt(j);
        if (q !== DQ && q !== SQ) return false;
        const close = s.indexOf(q === DQ ? '"' : "'", j + 1);
        if (close < 0 || close >= limit) return false; // unclosed, or a '<' in the value
        if (this.ampBefore(j + 1, close)) attributeValue(s, j + 1, close); // its entities checked now
        if (s.startsWith('xmlns', nameStart) && (nameEnd - nameStart === 5 || s.charCodeAt(nameStart + 5) === 0x3a)) declares = true;
        const k = this.count * 4;
        spans[k] = nameStart;
        spans[k + 1] = nameEnd;
        spans[k + 2] = j + 1;
        spans[k + 3] = close;
        this.count++;
        j = close + 1;
        // After a value: S, > or / (saxes fails on a name right after the quote).
      }
      if (this.count > 1 && this.hasDuplicate()) return false;
      i = j;
      if (selfClosing) {
        sink.open(name, this, i, true, declares);
        sink.close(i);
        if (stack.length === 0) rootClosed = true;
      } else {
        sink.open(name, this, i, false, declares);
        stack.push(name);
      }
      lt = next;
    }
    // Every element closed, and there was one.
    return stack.length === 0 && rootClosed;
  }

  attributes(): Record<string, string> {
    if (this.built) return this.built;
    const s = this.s;
    const spans = this.spans;
    // Ordinary objects, not saxes' null-prototype ones (V8 keeps those as slow dictionaries):
    // a name every object inherits (constructor, __proto__…) leaves the part to saxes.
    const out: Record<string, string> = {};
    for (let a = 0; a < this.count; a++) {
      const k = a * 4;
      const name = nameAt(s, spans[k], spans[k + 1]);
      if (name in out) throw UNUSUAL;
      out[name] = attributeValue(s, spans[k + 2], spans[k + 3]);
    }
    this.built = out;
    return out;
  }

  /** Whether two attributes of the open tag share a name (saxes fails). */
  private hasDuplicate(): boolean {
    const s = this.s;
    const spans = this.spans;
    if (this.count > FEW_ATTRIBUTES) {
      const seen = new Set<string>();
      for (let a = 0; a < this.count; a++) {
        const name = s.slice(spans[a * 4], spans[a * 4 + 1]);
        if (seen.has(name)) return true;
        seen.add(name);
      }
      return false;
    }
    for (let a = 0; a < this.count; a++) {
      const aStart = spans[a * 4];
      const length = spans[a * 4 + 1] - aStart;
      for (let b = a + 1; b < this.count; b++) {
        const bStart = spans[b * 4];
        if (spans[b * 4 + 1] - bStart !== length) continue;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (s.charCodeAt(aStart + k) !== s.charCodeAt(bStart + k)) {
            same = false;
            break;
          }
        }
        if (same) return true;
      }
    }
    return false;
  }

  /** Whether an '&' stands in [from, to). */
  private ampBefore(from: number, to: number): boolean {
    if (this.nextAmp >= 0 && this.nextAmp < from) this.nextAmp = this.s.indexOf('&', from);
    return this.nextAmp >= 0 && this.nextAmp < to;
  }

  /** Whether ']]>' starts in [from, to). */
  private cdataEndBefore(from: number, to: number): boolean {
    if (this.nextCdataEnd >= 0 && this.nextCdataEnd < from) this.nextCdataEnd = this.s.indexOf(']]>', from);
    return this.nextCdataEnd >= 0 && this.nextCdataEnd < to;
  }
}


/** Element and attribute names seen lately, by a hash of their characters: a document
 *  repeats a few dozen names thousands of times, and one string each (its hash kept for the name
 *  lookups downstream) spares a new string per tag. A collision just replaces the slot. */
const NAME_SLOTS = 512;
const recentNames: (string | undefined)[] = new Array(NAME_SLOTS).fill(undefined);

/** s.slice(start, end), the same string as last time when it was seen lately. */
function nameAt(s: string, start: number, end: number): string {
  let h = end - start;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  const slot = h & (NAME_SLOTS - 1);
  const seen = recentNames[slot];
  if (seen !== undefined && seen.length === end - start && s.startsWith(seen, start)) return seen;
  const name = s.slice(start, end);
  recentNames[slot] = name;
  return name;
}

/** An attribute value between its quotes: entities decoded, each tab, line feed, CR
 *  or CR LF as one space (XML's attribute-value normalization, as saxes does it). */
function attributeValue(s: string, from: number, to: number): string {
  let out = '';
  let start = from;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === AMP) {
      const semi = s.indexOf(';', k + 1);
      if (semi < 0 || semi >= to) throw UNUSUAL;
      out += s.slice(start, k) + entity(s.slice(k + 1, semi));
      k = semi;
      start = semi + 1;
    } else if (c === LT) {
      throw UNUSUAL;
    } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
      out += `${s.slice(start, k)} `;
      if (c === 0x0d && s.charCodeAt(k + 1) === 0x0a) k++;
      start = k + 1;
    }
  }
  return start === from ? s.slice(from, to) : out + s.slice(start, to);
}

/** Character data between tags: entities decoded, CR LF and lone CR as LF. */
function decodeText(raw: string): string {
  if (!raw.includes('&')) return lineEnds(raw);
  let out = '';
  let start = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', start)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) throw UNUSUAL;
    out += lineEnds(raw.slice(start, amp)) + entity(raw.slice(amp + 1, semi));
    start = semi + 1;
  }
  return out + lineEnds(raw.slice(start));
}

function lineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** A predefined entity or a character reference to an XML 1.0 Char; anything else is left to saxes. */
function entity(name: string): string {
  if (!ENTITY.test(name)) throw UNUSUAL;
  if (name.charCodeAt(0) !== 0x23 /* # */) return NAMED[name];
  const code = name.charCodeAt(1) === 0x78 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  const isChar =
    code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!isChar) throw UNUSUAL;
  return String.fromCodePoint(code);
}
