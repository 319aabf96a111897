// DOCX annotated copy: a Word comment (批注) per mark, its range over the cited cell's
// first paragraph or the quoted paragraph. Only four parts change — word/document.xml
// (the ranges and references), word/comments.xml (the comments; an existing one keeps
// the department's own), [Content_Types].xml and word/_rels/document.xml.rels (only when
// the package had no comments part) — every other entry is copied byte for byte.
// Comments carry no w:date: the same input gives the same copy on any day.
import { decodedMainPart, decodeXml } from '../read/docx.js';
import { openZip } from '../read/zip.js';
import type { XmlAnchor } from '../model/document.js';
import type { DocModel } from '../model/document.js';
import { cellAt, type Mark } from './marks.js';
import { newEntry, rawEntry, writeZip } from '../read/zip-write.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const MAIN = 'word/document.xml';

export interface AnnotateOptions {
  author: string;
}

/** The annotated copy, or null with why not (a package this writer does not handle). */
export function annotateDocx(bytes: Buffer, doc: DocModel, marks: readonly Mark[], opts: AnnotateOptions): { bytes: Buffer } | { skipped: string } {
  const zip = openZip(bytes);
  if (!zip.has(MAIN)) return { skipped: '正文部件不在 word/document.xml' };
  const limit = Math.max(bytes.length * 200, 64 * 1024 * 1024);
  const read = zip.entry(MAIN)!.uncompressedSize <= limit ? decodedMainPart(bytes) : undefined;
  const xml = read ?? decodeXml(zip.read(MAIN, limit)!);
  if (!new RegExp(`<w:document\\b[^>]*\\bxmlns:w="${W_NS}"`).test(xml)) return { skipped: '正文未使用常规的 w: 命名空间前缀' };

  const existing = zip.has('word/comments.xml') ? decodeXml(zip.read('word/comments.xml', limit)!) : null;
  let nextId = Math.max(maxId(xml, /<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*\bw:id="(\d+)"/g), existing ? maxId(existing, /<w:comment\b[^>]*\bw:id="(\d+)"/g) : -1) + 1;

  // Several marks in one paragraph (a cell cited by several findings) share its edits.
  const byAnchor = new Map<XmlAnchor, number[]>();
  const comments: string[] = [];
  for (const mark of marks) {
    const anchor = anchorOf(doc, mark);
    if (!anchor) continue;
    const id = nextId++;
    if (!byAnchor.has(anchor)) byAnchor.set(anchor, []);
    byAnchor.get(anchor)!.push(id);
    comments.push(commentXml(id, mark.text, opts.author));
  }
  const edits = [...byAnchor].flatMap(([anchor, ids]) => rangeEdits(xml, anchor, ids));
  if (comments.length === 0) return { skipped: '没有可以放置批注的位置' };

  // A UTF-16 part is written back as UTF-8: its declaration must say so.
  const document = applyEdits(xml, edits).replace(/^(<\?xml[^>]*\bencoding=["'])UTF-16(["'])/i, '$1UTF-8$2');
  const commentsXml = existing ? appendComments(existing, comments) : newComments(comments);
  const changed = new Map<string, Buffer>([
    [MAIN, Buffer.from(document, 'utf8')],
    ['word/comments.xml', Buffer.from(commentsXml, 'utf8')],
  ]);
  if (!existing) {
    const types = zip.read('[Content_Types].xml', limit);
    if (!types) return { skipped: '缺少 [Content_Types].xml' };
    changed.set('[Content_Types].xml', Buffer.from(withCommentsType(decodeXml(types)), 'utf8'));
    const relsName = 'word/_rels/document.xml.rels';
    const rels = zip.has(relsName) ? decodeXml(zip.read(relsName, limit)!) : null;
    changed.set(relsName, Buffer.from(withCommentsRel(rels), 'utf8'));
  }
  const entries = zip.names
    .filter((name, i, all) => all.findIndex((n) => n.toLowerCase() === name.toLowerCase()) === i)
    .map((name) => {
      const key = [...changed.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) return rawEntry(zip, name);
      const entry = newEntry(name, changed.get(key)!);
      changed.delete(key);
      return entry;
    });
  for (const [name, content] of changed) entries.push(newEntry(name, content));
  return { bytes: writeZip(entries) };
}

/** The paragraph a mark's comment goes in. */
function anchorOf(doc: DocModel, mark: Mark): XmlAnchor | null {
  if (mark.place.kind === 'text') return mark.place.unit.anchor ?? null;
  const cell = cellAt(doc, mark.place);
  return cell?.anchors?.find((a): a is XmlAnchor => a !== null) ?? null;
}

interface Edit {
  at: number;
  /** Characters replaced from `at` (0: an insertion). */
  remove: number;
  text: string;
}

/**
 * The comment range over a paragraph's content: its start after the paragraph's
 * properties (w:pPr must stay the first child), its end and the reference run before
 * </w:p>. A self-closing <w:p/> is opened to hold them.
 */
function rangeEdits(xml: string, anchor: XmlAnchor, ids: readonly number[]): Edit[] {
  const start = ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('');
  const end = ids.map((id) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`).join('');
  if (anchor.empty) {
    const tagStart = xml.lastIndexOf('<', anchor.open - 1);
    const tag = xml.slice(tagStart, anchor.end);
    const opened = tag.replace(/\s*\/>$/, '>');
    return [{ at: tagStart, remove: anchor.end - tagStart, text: `${opened}${start}${end}</w:p>` }];
  }
  const closeAt = xml.lastIndexOf('</', anchor.end - 1);
  return [
    { at: afterProperties(xml, anchor.open, closeAt), remove: 0, text: start },
    { at: closeAt, remove: 0, text: end },
  ];
}

/** Just after the paragraph's w:pPr when it opens with one, else its content's start. */
function afterProperties(xml: string, open: number, limit: number): number {
  const m = /^\s*<w:pPr\b/.exec(xml.slice(open, Math.min(limit, open + 64)));
  if (!m) return open;
  const tag = /<(\/?)w:pPr\b[^>]*?(\/?)>/g;
  tag.lastIndex = open;
  let depth = 0;
  for (let t = tag.exec(xml); t && t.index < limit; t = tag.exec(xml)) {
    if (t[2] === '/') {
      if (depth === 0) return t.index + t[0].length;
    } else if (t[1] === '/') {
      depth--;
      if (depth === 0) return t.index + t[0].length;
    } else {
      depth++;
    }
  }
  return open;
}

/**
 * Applies edits in one pass from the start (slicing the whole part once per edit was
 * quadratic: a third of a DOCX's annotation time); equal positions keep their given order.
 */
function applyEdits(xml: string, edits: readonly Edit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const pieces: string[] = [];
  let cursor = 0;
  for (const { e } of ordered) {
    if (e.at > cursor) pieces.push(xml.slice(cursor, e.at));
    pieces.push(e.text);
    cursor = Math.max(cursor, e.at + e.remove);
  }
  pieces.push(xml.slice(cursor));
  return pieces.join('');
}

function maxId(xml: string, re: RegExp): number {
  let max = -1;
  for (const m of xml.matchAll(re)) max = Math.max(max, Number(m[1]));
  return max;
}

function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function commentXml(id: number, text: string, author: string): string {
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  const initials = Array.from(author).slice(0, 2).join('');
  return `<w:comment w:id="${id}" w:author="${escapeXml(author)}" w:initials="${escapeXml(initials)}">${paragraphs}</w:comment>`;
}

function newComments(comments: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_NS}" xmlns:r="${R_NS}">${comments.join('')}</w:comments>`;
}

function appendComments(existing: string, comments: readonly string[]): string {
  const close = existing.lastIndexOf('</w:comments>');
  if (close < 0) {
    // An empty self-closing root: open it.
    return existing.replace(/<w:comments\b([^>]*?)\s*\/>/, `<w:comments$1>${comments.join('')}</w:comments>`);
  }
  return existing.slice(0, close) + comments.join('') + existing.slice(close);
}

function withCommentsType(types: string): string {
  if (/PartName="\/word\/comments\.xml"/i.test(types)) return types;
  const close = types.lastIndexOf('</Types>');
  return `${types.slice(0, close)}<Override PartName="/word/comments.xml" ContentType="${COMMENTS_CONTENT_TYPE}"/>${types.slice(close)}`;
}

function withCommentsRel(rels: string | null): string {
  const base =
    rels ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set([...base.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rIdJx${n}`)) n++;
  const close = base.lastIndexOf('</Relationships>');
  return `${base.slice(0, close)}<Relationship Id="rIdJx${n}" Type="${COMMENTS_TYPE}" Target="comments.xml"/>${base.slice(close)}`;
}
