// DOCX → DocModel: word/document.xml parsed with saxes' event stream (no DOM) into
// tables (expanded grids) and body paragraphs. The plain well-formed XML Word writes
// goes through a fast path that gives the same events (xml-fast.ts); anything else,
// and every error, is read by saxes from the start.
//
// Why not mammoth: measured here mammoth takes ~161 ms per form against ~6 ms for
// unzip + saxes, and it loses table structure the forms need: it drops w:vMerge
// continuation cells, ignores w:gridBefore/w:gridAfter (a later rowspan lands in
// the wrong column) and ignores the legacy w:hMerge. Here every table is rebuilt on
// its w:tblGrid columns (fallback: the widest row) by the shared buildGrid.
//
// Reading decisions (what a reader of the forms sees, not how Word stores it):
// - Text is the content of w:t (plus w:tab/w:ptab → "\t", w:br/w:cr → "\n",
//   w:noBreakHyphen → "-", w:sym → the mark a Symbol/Wingdings code draws, ≥ for F0B3).
//   Deleted revisions (w:del, w:moveFrom, deleted rows), field instructions
//   (w:instrText, and the result of a field nested in another's instructions) and ruby
//   annotations (w:rt, 拼音指南) are dropped; insertions (w:ins, w:moveTo) and field
//   results are kept.
// - Only what a person sees is text: a run marked hidden (w:vanish / w:specVanish in
//   its w:rPr) is dropped, and so is a paragraph whose mark is hidden and that shows
//   nothing; a content control still showing its placeholder (w:showingPlcHdr, Word's
//   grey "单击或点击此处输入文字。") reads as blank; invisible format characters
//   (soft hyphen, word joiner, LRM/RLM … — invisible.ts) are removed from the text.
//   A footnote reference shows as Word numbers it (1, 2, … in document order); it and a
//   raised run (w:vertAlign superscript) after other text of the paragraph read as
//   superscript characters ("9.50²", "m²" — superscript.ts), never as digits of a figure.
//   (The notes' own text, word/footnotes.xml, is not read; nor superscript set by a style.)
// - Wrappers are transparent: w:sdt/w:sdtContent, w:customXml, w:smartTag,
//   w:hyperlink, w:fldSimple — rows, cells and paragraphs inside them count as usual.
// - The page header the form's first page shows (its section's first-page header under
//   w:titlePg, and the default header) is read as paragraphs placed before the body:
//   a unit printed only there ("单位：元") is where a person sees it, above the form.
//   Every section's headers and footers are the document's page furniture (DocModel.
//   pageFurniture): a unit they state is printed on every page, so it is each form's
//   unit where the form states none itself (read-header.ts readUnit).
// - mc:AlternateContent: only the first mc:Choice is read (mc:Fallback only when
//   there is no Choice) — both branches hold the same text box, reading both doubles it.
// - Text boxes (w:txbxContent): their paragraphs (and tables) are placed right after
//   the paragraph that anchors them, in that paragraph's container — body blocks
//   for a body paragraph, further cell paragraphs for a paragraph in a cell.
// - Nested tables are DocTables of their own, numbered after their parent (index in
//   order of their opening tag); their text does NOT go into the parent cell, and
//   they are not body blocks (blocks hold top-level tables only). Except a small one
//   (at most 2×2, no table inside): a cell or two pasted from another table, which a
//   person reads as the cell's content — its cells' paragraphs become paragraphs of
//   the cell it sits in, and it is no table of its own. And except a frame: a table of
//   one cell holding a table (a web page pasted whole into one cell) is no table either
//   — the cell's paragraphs and tables stand, in their order, where the frame stands.
// - Revision history inside properties (w:tblGridChange, w:tcPrChange, w:trPrChange)
//   is ignored: only a w:gridCol directly under the table's w:tblGrid, and span/merge
//   properties directly under the cell's w:tcPr / row's w:trPr count.
// - w:altChunk content lives in another part (HTML, RTF, another document) and is not
//   read; a body that is only altChunks, or any altChunk whose part holds text, fails
//   as unsupported-format with a resave hint (Word/WPS turn it into ordinary content)
//   — never silently read without it.
// - Images: every w:drawing, w:pict and w:object counts once (v:imagedata outside
//   them counts too); a body of images and no text at all is a scan.
import { SaxesParser } from 'saxes';
import type { DocBlock, DocCell, DocModel, DocParagraph, DocTable, XmlAnchor } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import { buildGrid, type PlacedCell } from './grid.js';
import { hiddenStyles, NO_HIDDEN_STYLES, type HiddenStyles } from './docx-styles.js';
import { toSuperscript } from './superscript.js';
import { visibleText } from './invisible.js';
import { isLabel, labelBlanks, withBlanks, type LabelIndent } from './label-indent.js';
import { NameResolver } from './ooxml-names.js';
import { parseXmlFast, type TagAttributes, type XmlSink } from './xml-fast.js';
import type { ZipArchive } from './zip.js';

export interface DocxReadOptions {
  /** Bound for the inflated size of any part read (and of the file). */
  maxBytes: number;
}

/** Reads a DOCX file's main document into the document model. Throws FormFailure.
 *  `zip` is the archive as the sniffer opened it (its directory parsed once). */
export async function readDocx(zip: ZipArchive, opts: DocxReadOptions): Promise<DocModel> {
  const partName = mainDocumentPart(zip, opts.maxBytes);
  const xml = zip.read(partName, opts.maxBytes);
  if (!xml) throw new FormFailure('corrupt-file', `DOCX 文件缺少正文部件（${partName}），文件已损坏。请重新导出 DOCX 后再提交`);
  const styles = stylesHidingText(zip, opts.maxBytes);
  const text = decodeXml(xml);
  if (partName === MAIN_PART && text.length <= KEPT_PART_MAX_CHARS) decodedMainParts.set(zip.bytes, text);
  let builder: DocumentBuilder;
  try {
    builder = parsePart(text, () => new DocumentBuilder(styles));
  } catch (err) {
    if (err instanceof FormFailure) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new FormFailure('corrupt-file', `DOCX 正文（${partName}）不是有效的 XML，文件已损坏（${message}）。请重新导出 DOCX 后再提交`);
  }
  const model = builder.finish();
  if (builder.altChunks.length > 0 && !hasAnyText(model)) {
    throw new FormFailure(
      'unsupported-format',
      'DOCX 的正文以嵌入块（altChunk，多见于由网页或其他系统导出的文档）保存，无法直接读取。请在 Word/WPS 中打开后另存为 DOCX 或 PDF，重新提交',
    );
  }
  const rels = builder.altChunks.length > 0 || builder.furniture.length > 0 ? partRelationships(zip, partName, opts.maxBytes) : new Map<string, string>();
  const withContent = builder.altChunks.filter((id) => altChunkHasText(zip, rels.get(id), opts.maxBytes));
  if (withContent.length > 0) {
    throw new FormFailure(
      'unsupported-format',
      `DOCX 中有 ${withContent.length} 处内容以嵌入块（altChunk，多见于从网页或其他系统粘贴、合并的文档）保存，本工具无法读取，若忽略将漏掉其中的文字或表格。请在 Word/WPS 中打开后另存为 DOCX 或 PDF，重新提交`,
    );
  }
  const header = headerParagraphs(zip, builder.headers, rels, opts.maxBytes);
  if (header.length > 0) model.blocks.unshift(...header);
  // Every section's headers and footers, for a unit printed there (only a part naming 元
  // can state one): what a page's margin prints holds for each form on the pages.
  const furniture = partLines(zip, builder.furniture, rels, opts.maxBytes, '元');
  if (furniture.length > 0) model.pageFurniture = furniture;
  if (model.images > 0 && !hasAnyText(model)) {
    // Pictures of the form pasted into Word (issue 18): OCR where Tesseract is installed.
    const ocr = await import('./ocr/index.js');
    const noText = '文档只有图片，没有可读取的文字（可能是扫描件或截图粘贴）。请提交由 Word/WPS 直接编辑导出的 DOCX 或 PDF 原件';
    if (!ocr.canOcr('image')) throw new FormFailure('no-text-layer', `${noText}；${ocr.INSTALL_OCR}`);
    const rels = partRelationships(zip, partName, opts.maxBytes);
    const pictures = [...decodeXml(xml).matchAll(/\br:(?:embed|id)="([^"]+)"/g)]
      .map((m) => rels.get(m[1]))
      .filter((name, i, all): name is string => !!name && all.indexOf(name) === i && /\.(png|jpe?g|tiff?)$/i.test(name))
      .map((name) => zip.read(name, opts.maxBytes))
      .filter((b): b is Buffer => !!b);
    return ocr.readPictures(pictures);
  }
  return model;
}

const MAIN_PART = 'word/document.xml';
/** A larger part is decoded again by the annotated copy rather than held through recognition. */
const KEPT_PART_MAX_CHARS = 4 * 1024 * 1024;
/** word/document.xml as readDocx decoded it, per file's bytes: the annotated copy edits
 *  that same text, and inflating and decoding it again cost a fifth of the copy's time. */
const decodedMainParts = new WeakMap<Buffer, string>();

/** word/document.xml of the DOCX `bytes` as readDocx decoded it (read, size- and CRC-checked),
 *  or undefined when readDocx has not read these bytes' word/document.xml. */
export function decodedMainPart(bytes: Buffer): string | undefined {
  return decodedMainParts.get(bytes);
}

/** The main document part: word/document.xml, or wherever _rels/.rels points. */
function mainDocumentPart(zip: ZipArchive, maxBytes: number): string {
  if (zip.has(MAIN_PART)) return MAIN_PART;
  const rels = zip.read('_rels/.rels', Math.min(maxBytes, 1024 * 1024));
  const target = rels && officeDocumentTarget(rels.toString('utf8'));
  if (target && zip.has(target)) return target;
  throw new FormFailure('corrupt-file', 'DOCX 文件缺少正文部件（word/document.xml），文件已损坏或不是 Word 文档。请重新导出 DOCX 后再提交');
}

function officeDocumentTarget(relsXml: string): string | null {
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!/Type="[^"]*\/officeDocument"/.test(tag)) continue;
    const target = /Target="([^"]+)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return null;
}

/** A part's relationships (Id → part name inside the package; external targets left out). */
function partRelationships(zip: ZipArchive, partName: string, maxBytes: number): Map<string, string> {
  const slash = partName.lastIndexOf('/');
  const dir = slash < 0 ? '' : partName.slice(0, slash + 1);
  const relsName = `${dir}_rels/${partName.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  const xml = zip.has(relsName) ? zip.read(relsName, Math.min(maxBytes, 4 * 1024 * 1024)) : null;
  if (!xml) return out;
  for (const match of decodeXml(xml).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    const id = /\bId="([^"]+)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (!id || !target || /\bTargetMode="External"/.test(tag)) continue;
    out.set(id, resolvePartName(dir, target));
  }
  return out;
}

/** A relationship target relative to the source part's folder → a part name. */
function resolvePartName(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const parts: string[] = [];
  for (const seg of decodeURIComponent(path).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Whether an altChunk's part holds any text (tags, entities and whitespace aside). */
function altChunkHasText(zip: ZipArchive, part: string | undefined, maxBytes: number): boolean {
  if (!part || !zip.has(part)) return false;
  const bytes = zip.read(part, maxBytes);
  if (!bytes || bytes.length === 0) return false;
  const text = decodeXml(bytes)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ');
  return visibleText(text).replace(/[\s\u3000\u00A0]+/g, '') !== '';
}

/** The text lines of the header or footer parts `ids` name (each part once, in order):
 *  their paragraphs, and a table's rows as one line each. `only`: a part whose XML does
 *  not hold it is not parsed (it can state nothing looked for). */
function partLines(zip: ZipArchive, ids: string[], rels: Map<string, string>, maxBytes: number, only?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const part = rels.get(id);
    if (!part || seen.has(part) || !zip.has(part)) continue;
    seen.add(part);
    const xml = zip.read(part, maxBytes);
    if (!xml) continue;
    const text = decodeXml(xml);
    if (only !== undefined && !text.includes(only)) continue;
    let builder: DocumentBuilder;
    try {
      builder = parsePart(text, () => new DocumentBuilder());
    } catch {
      continue; // a broken header part hides nothing of the form itself
    }
    for (const block of builder.finish().blocks) {
      const lines =
        block.kind === 'paragraph'
          ? [block.text]
          : block.rows.map((row) => row.filter((cell, c) => cell.origin.col === c).map((cell) => cell.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join('  '));
      for (const line of lines) if (line.trim() !== '') out.push(line);
    }
  }
  return out;
}

/** The page header's text as body paragraphs (page unknown, like every DOCX paragraph). */
function headerParagraphs(zip: ZipArchive, ids: string[], rels: Map<string, string>, maxBytes: number): DocParagraph[] {
  return partLines(zip, ids, rels, maxBytes).map((text) => ({ kind: 'paragraph', text, page: null }));
}

/** The styles that hide their text, from word/styles.xml (none when the part is absent). */
function stylesHidingText(zip: ZipArchive, maxBytes: number): HiddenStyles {
  const part = zip.has('word/styles.xml') ? zip.read('word/styles.xml', maxBytes) : null;
  if (!part) return NO_HIDDEN_STYLES;
  const xml = decodeXml(part);
  // Only w:vanish / w:specVanish hide a style's text: without either (most files) there
  // is nothing to find, and parsing styles.xml cost ~8% of reading a form.
  return xml.includes('vanish') ? hiddenStyles(xml) : NO_HIDDEN_STYLES;
}

/** XML parts are UTF-8 in practice; UTF-16 (allowed by XML) is recognized by its BOM. */
export function decodeXml(xml: Buffer): string {
  if (xml[0] === 0xff && xml[1] === 0xfe) return xml.toString('utf16le', 2);
  if (xml[0] === 0xfe && xml[1] === 0xff) return Buffer.from(xml.subarray(2)).swap16().toString('utf16le');
  const text = xml.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function hasAnyText(model: DocModel): boolean {
  const nonBlank = (s: string) => s.trim() !== '';
  return (
    model.blocks.some((b) => b.kind === 'paragraph' && nonBlank(b.text)) ||
    model.tables.some((t) => t.rows.some((row) => row.some((cell) => nonBlank(cell.text))))
  );
}

/** A part read into a fresh builder: by the fast path for plain well-formed XML
 *  (xml-fast.ts), else — anything unusual, and every error — by saxes from the start,
 *  so that what saxes rejects still fails with its message. */
function parsePart(text: string, newBuilder: () => DocumentBuilder): DocumentBuilder {
  const fast = newBuilder();
  try {
    if (parseXmlFast(text, fast)) return fast;
  } catch {
    // our own code failed on events saxes gives too: saxes' read below fails the same way
  }
  const builder = newBuilder();
  createParser(builder).write(text).close();
  return builder;
}

function createParser(builder: DocumentBuilder): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Offsets into the decoded part (one chunk: saxes' position is the string index) let the
  // annotated copy put its comments in the paragraphs the model was read from.
  // Namespace declarations are told as the attributes go by (cheap), so that the tags
  // without one — nearly all — are resolved without walking their attributes.
  let declares = false;
  parser.on('attribute', (attr) => {
    if (attr.name.charCodeAt(0) === 120 /* x */ && (attr.name === 'xmlns' || attr.name.startsWith('xmlns:'))) declares = true;
  });
  const current = { tag: null as { attributes: Record<string, string> } | null, attributes: () => current.tag!.attributes };
  parser.on('opentag', (tag) => {
    current.tag = tag as { attributes: Record<string, string> };
    builder.open(tag.name, current, parser.position, tag.isSelfClosing, declares);
    declares = false;
  });
  parser.on('closetag', () => builder.close(parser.position));
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  return parser;
}

// ---------------------------------------------------------------------------

type Attributes = Record<string, string>;
const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** Twips in a 五号 glyph (10.5 pt): w:ind's twips as glyphs. */
const TWIPS_PER_GLYPH = 210;

type Content = { kind: 'p'; text: string; anchor: XmlAnchor | null; indent?: number } | { kind: 'table'; table: DocTable };
/** A frame's content stays in one item where the frame stood (frameContent), read out by
 *  `flat` once where it is used: frames inside frames cost no copy per level. */
type Item = Content | { kind: 'frame'; items: Item[] };

/** The paragraphs and tables of `items` in order, frames opened (no recursion: frames may nest deep). */
function flat(items: readonly Item[]): readonly Content[] {
  // Most containers hold no frame: their items are the answer as they are.
  if (!items.some((item) => item.kind === 'frame')) return items as readonly Content[];
  const out: Content[] = [];
  const stack: { items: readonly Item[]; next: number }[] = [{ items, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (item.kind === 'frame') stack.push({ items: item.items, next: 0 });
    else out.push(item);
  }
  return out;
}

interface Container {
  kind: 'body' | 'cell' | 'textbox';
  items: Item[];
  /** For a text box: the paragraph that anchors it (its items follow that paragraph). */
  anchor: Paragraph | null;
}

interface Paragraph {
  /** Its text so far (appended run by run: no array of parts per paragraph). */
  text: string;
  /** Where it is in the part (its `end` set when it closes). */
  anchor: XmlAnchor;
  /** The paragraph mark is hidden (w:pPr/w:rPr/w:vanish): with no visible text, nothing shows. */
  markHidden: boolean;
  /** Its paragraph style hides text: its runs start hidden. */
  styleHidden?: boolean;
  /** Text-box content anchored here, emitted right after this paragraph (made when there is some). */
  anchored?: Item[];
  /** Its first line's indent in glyphs (w:ind), where set on the paragraph itself. */
  indent?: number;
}

interface RawCell {
  colSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
  container: Container;
}

interface RawRow {
  deleted: boolean;
  gridBefore: number;
  gridAfter: number;
  cells: RawCell[];
}

interface TableState {
  index: number;
  /** A table opened inside one of its cells. */
  hasNested: boolean;
  gridColumns: number;
  rows: RawRow[];
  row: RawRow | null;
  cell: RawCell | null;
}

/** What an element does to the state, remembered so its close tag undoes it. */
const enum Effect {
  None,
  Skip,
  Paragraph,
  Table,
  Row,
  Cell,
  TextBox,
  Text,
  Deleted,
  Alternate,
  Graphic,
  Run,
  Sdt,
  Hidden,
  Section,
}

class DocumentBuilder implements XmlSink {
  constructor(private readonly styles: HiddenStyles = NO_HIDDEN_STYLES) {}

  private readonly names = new NameResolver();
  private readonly body: Container = { kind: 'body', items: [], anchor: null };
  private readonly containers: Container[] = [this.body];
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: TableState[] = [];
  private readonly finished: DocTable[] = [];
  private tableCount = 0;
  /** Local names of the open elements (namespace-checked ones get a 'w:'/'mc:' key). */
  private readonly path: string[] = [];
  private readonly effects: Effect[] = [];
  /** Per open mc:AlternateContent: whether a branch has been taken. */
  private readonly alternates: boolean[] = [];
  private skipDepth = 0;
  private textDepth = 0;
  private deletedDepth = 0;
  private graphicDepth = 0;
  private images = 0;
  /** Open text a person does not see (a hidden run, a placeholder's content): > 0 drops text. */
  private hiddenDepth = 0;
  /** Complex fields open (w:fldChar begin … end): the paragraph each began in, and whether
   *  it is past its separate. Text is a field's code, not shown, while a field open around
   *  it is before its separate — within the paragraph it began in, so that a field left
   *  unfinished by a broken file does not hide the rest of the document. */
  private readonly fields: { paragraph: Paragraph | undefined; shown: boolean }[] = [];
  /** Per open w:r: whether it is hidden (w:vanish). */
  private readonly runs: boolean[] = [];
  /** Per open w:r: whether it is raised (w:vertAlign superscript). */
  private readonly raised: boolean[] = [];
  /** Footnote references shown so far: Word numbers their marks 1, 2, … in document order. */
  private footnotes = 0;
  /** Per open w:sdt: whether it shows its placeholder (w:showingPlcHdr). */
  private readonly sdts: boolean[] = [];
  /** Sections seen (w:sectPr): only the first one's headers are read. */
  private sections = 0;
  private titlePage = false;
  private readonly headerRefs: { type: string; id: string }[] = [];
  /** Relationship ids of every section's headers and footers, in order. */
  readonly furniture: string[] = [];
  /** Tables dissolved into the cell they sit in (small nested tables). */
  private dissolved = 0;
  /** w:altChunk elements' relationship ids: content imported from another part (HTML, RTF, DOCX). */
  readonly altChunks: string[] = [];

  /** Relationship ids of the headers the first section shows on its pages (first page first). */
  get headers(): string[] {
    const first = this.titlePage ? this.headerRefs.filter((h) => h.type === 'first') : [];
    const rest = this.headerRefs.filter((h) => h.type === 'default');
    return [...first, ...rest].map((h) => h.id);
  }

  /** Position of the tag being handled (just after it), for paragraph anchors. */
  private at = 0;
  private selfClosing = false;

  open(name: string, tag: TagAttributes, at = 0, selfClosing = false, declares = true): void {
    this.at = at;
    this.selfClosing = selfClosing;
    // Inside a skipped subtree nothing is resolved, not even names (the common
    // case: run and paragraph properties, most of Word's elements).
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const key = this.names.enter(name, declares ? tag.attributes() : NO_ATTRIBUTES, declares);
    const effect = this.effectOfOpen(key, tag);
    if (effect === Effect.Skip) {
      this.skipDepth = 1;
      return;
    }
    this.path.push(key);
    this.effects.push(effect);
  }

  close(at = 0): void {
    this.at = at;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (this.skipDepth === 0) this.names.leave(); // the skipped element itself
      return;
    }
    this.names.leave();
    this.path.pop();
    const effect = this.effects.pop();
    switch (effect) {
      case Effect.Paragraph:
        this.closeParagraph();
        break;
      case Effect.Table:
        this.closeTable();
        break;
      case Effect.Row:
        this.closeRow();
        break;
      case Effect.Cell:
        this.closeCell();
        break;
      case Effect.TextBox:
        this.closeTextBox();
        break;
      case Effect.Text:
        this.textDepth--;
        break;
      case Effect.Deleted:
        this.deletedDepth--;
        break;
      case Effect.Alternate:
        this.alternates.pop();
        break;
      case Effect.Graphic:
        this.graphicDepth--;
        break;
      case Effect.Run:
        this.raised.pop();
        if (this.runs.pop()) this.hiddenDepth--;
        break;
      case Effect.Sdt:
        this.sdts.pop();
        break;
      case Effect.Hidden:
        this.hiddenDepth--;
        break;
      case Effect.Section:
        this.sections++;
        break;
      default:
        break;
    }
  }

  text(text: string): void {
    if (this.textDepth > 0 && this.skipDepth === 0) this.append(text);
  }

  /** text() keeps text only here. */
  get wantsText(): boolean {
    return this.textDepth > 0 && this.skipDepth === 0;
  }

  finish(): DocModel {
    const blocks: DocBlock[] = flat(this.body.items).map((item) =>
      item.kind === 'p' ? { kind: 'paragraph', text: item.text, page: null, ...(item.anchor ? { anchor: item.anchor } : {}) } : item.table,
    );
    const tables = this.finished.filter(Boolean);
    // Dissolved tables leave gaps: number the rest in order again.
    if (this.dissolved > 0) tables.forEach((t, i) => (t.index = i));
    return { format: 'docx', pages: null, blocks, tables, images: this.images };
  }

  // --- opening ------------------------------------------------------------

  private effectOfOpen(key: string, tag: TagAttributes): Effect {
    const parent = this.parent();
    // Run properties (of a run, or of a paragraph's mark): only hidden text matters.
    if (parent === 'w:rPr') {
      if (key === 'w:vanish' || key === 'w:specVanish') {
        if (isOn(this.names.wAttr(tag.attributes(), 'val'))) this.markHidden();
        else this.markShown(); // w:vanish w:val="0": shown though its style hides text
      } else if (key === 'w:rStyle' && this.styles.character.has(this.names.wAttr(tag.attributes(), 'val') ?? '')) {
        this.markHidden();
      } else if (key === 'w:vertAlign' && this.grandparent() === 'w:r' && this.raised.length > 0) {
        this.raised[this.raised.length - 1] = this.names.wAttr(tag.attributes(), 'val') === 'superscript';
      }
      return Effect.Skip;
    }
    // A paragraph style that hides text hides the paragraph's runs and its mark.
    if (parent === 'w:pPr' && key === 'w:pStyle' && this.styles.paragraph.has(this.names.wAttr(tag.attributes(), 'val') ?? '')) {
      const paragraph = this.paragraphs.at(-1);
      if (paragraph) paragraph.markHidden = paragraph.styleHidden = true;
      return Effect.Skip;
    }
    if (parent === 'w:pPr' && key === 'w:ind') {
      const paragraph = this.paragraphs.at(-1);
      if (paragraph) paragraph.indent = this.firstLineIndent(tag.attributes());
      return Effect.Skip;
    }
    // Paragraph properties: only the mark's run properties, the indent and a section break.
    if (parent === 'w:pPr' && key !== 'w:rPr' && key !== 'w:sectPr') return Effect.Skip;
    // Section properties: which header each page shows.
    if (parent === 'w:sectPr') {
      if (key === 'w:headerReference' || key === 'w:footerReference') {
        const id = relationshipId(tag.attributes());
        if (id) this.furniture.push(id);
      }
      if (this.sections === 0 && key === 'w:headerReference') {
        const id = relationshipId(tag.attributes());
        if (id) this.headerRefs.push({ type: this.names.wAttr(tag.attributes(), 'type') ?? 'default', id });
      } else if (this.sections === 0 && key === 'w:titlePg') {
        this.titlePage = isOn(this.names.wAttr(tag.attributes(), 'val'));
      }
      return Effect.Skip;
    }
    switch (key) {
      case 'w:p':
        this.paragraphs.push({ text: '', anchor: this.selfClosing ? { open: this.at, end: this.at, empty: true } : { open: this.at, end: this.at }, markHidden: false });
        return Effect.Paragraph;
      case 'w:r': {
        const hidden = this.paragraphs.at(-1)?.styleHidden === true;
        this.runs.push(hidden);
        this.raised.push(false);
        if (hidden) this.hiddenDepth++;
        return Effect.Run;
      }
      case 'w:rPr':
        return parent === 'w:r' || parent === 'w:pPr' ? Effect.None : Effect.Skip;
      case 'w:pPr':
        return Effect.None;
      case 'w:sectPr':
        return Effect.Section;
      case 'w:sdt':
        this.sdts.push(false);
        return Effect.Sdt;
      case 'w:showingPlcHdr':
        if (parent === 'w:sdtPr' && this.sdts.length > 0 && isOn(this.names.wAttr(tag.attributes(), 'val'))) this.sdts[this.sdts.length - 1] = true;
        return Effect.None;
      case 'w:sdtContent':
        if (parent === 'w:sdt' && this.sdts.at(-1)) {
          this.hiddenDepth++;
          return Effect.Hidden;
        }
        return Effect.None;
      case 'w:t':
        this.textDepth++;
        return Effect.Text;
      case 'w:tab':
      case 'w:ptab':
        if (this.parent() === 'w:r') this.append('\t');
        return Effect.None;
      case 'w:br':
      case 'w:cr':
        if (this.parent() === 'w:r') this.append('\n');
        return Effect.None;
      case 'w:footnoteReference':
        // Word prints the reference's number, raised (a custom mark is the run's own text).
        if (this.parent() === 'w:r' && !isOn(this.names.wAttr(tag.attributes(), 'customMarkFollows') ?? 'false') && this.shows()) {
          this.append(String(++this.footnotes), true);
        }
        return Effect.None;
      case 'w:noBreakHyphen':
        if (this.parent() === 'w:r') this.append('-');
        return Effect.None;
      case 'w:fldChar': {
        // A field nested in another's code ({ = { REF x } + 45 }) shows its result only
        // inside the outer field's code: Word shows the outer result alone.
        const type = this.names.wAttr(tag.attributes(), 'fldCharType');
        if (type === 'begin') this.fields.push({ paragraph: this.paragraphs.at(-1), shown: false });
        else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1].shown = true;
        else if (type === 'end') this.fields.pop();
        return Effect.None;
      }
      case 'w:sym': {
        // Insert › Symbol: ≥ in the Symbol font is <w:sym w:font="Symbol" w:char="F0B3"/>.
        const ch = symbolText(this.names.wAttr(tag.attributes(), 'font'), this.names.wAttr(tag.attributes(), 'char'));
        if (ch && this.parent() === 'w:r') this.append(ch);
        return Effect.None;
      }
      case 'w:del':
        // A tracked row deletion is a marker in the row's properties: drop the row.
        if (this.parent() === 'w:trPr') {
          const row = this.tables.at(-1)?.row;
          if (row) row.deleted = true;
          return Effect.None;
        }
        this.deletedDepth++;
        return Effect.Deleted;
      case 'w:moveFrom':
        this.deletedDepth++;
        return Effect.Deleted;
      case 'w:instrText':
      case 'w:delText':
      case 'w:delInstrText':
      case 'w:rt': // ruby (拼音指南) annotation text: keep only the base text
      // Formatting holds no text (table properties, borders, margins…).
      case 'w:tblPr':
      case 'w:tblPrEx':
      case 'w:tcBorders':
      case 'w:tcMar':
      case 'w:tcW':
      case 'w:shd':
        return Effect.Skip;
      case 'w:tbl':
        this.openTable();
        return Effect.Table;
      case 'w:gridCol':
        if (this.parent() === 'w:tblGrid' && this.grandparent() === 'w:tbl') {
          const table = this.tables.at(-1);
          if (table) table.gridColumns++;
        }
        return Effect.None;
      case 'w:tr':
        this.openRow();
        return Effect.Row;
      case 'w:gridBefore':
      case 'w:gridAfter':
        this.rowProperty(key, tag.attributes());
        return Effect.None;
      case 'w:tc':
        this.openCell();
        return Effect.Cell;
      case 'w:gridSpan':
      case 'w:vMerge':
      case 'w:hMerge':
        this.cellProperty(key, tag.attributes());
        return Effect.None;
      case 'w:txbxContent':
        this.containers.push({ kind: 'textbox', items: [], anchor: this.paragraphs.at(-1) ?? null });
        return Effect.TextBox;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        if (this.graphicDepth === 0 && this.deletedDepth === 0) this.images++;
        this.graphicDepth++;
        return Effect.Graphic;
      case 'v:imagedata':
        if (this.graphicDepth === 0 && this.deletedDepth === 0) this.images++;
        return Effect.None;
      case 'w:altChunk':
        this.altChunks.push(relationshipId(tag.attributes()) ?? '');
        return Effect.Skip;
      case 'mc:AlternateContent':
        this.alternates.push(false);
        return Effect.Alternate;
      case 'mc:Choice':
      case 'mc:Fallback': {
        if (this.parent() !== 'mc:AlternateContent' || this.alternates.length === 0) return Effect.None;
        const taken = this.alternates[this.alternates.length - 1];
        if (taken) return Effect.Skip;
        this.alternates[this.alternates.length - 1] = true;
        return Effect.None;
      }
      default:
        return Effect.None;
    }
  }

  private parent(): string | undefined {
    return this.path[this.path.length - 1];
  }

  private grandparent(): string | undefined {
    return this.path[this.path.length - 2];
  }

  /** Whether text appended now would show (not deleted, hidden or a field's code). */
  private shows(): boolean {
    if (this.deletedDepth > 0 || this.hiddenDepth > 0) return false;
    const paragraph = this.paragraphs.at(-1);
    return !this.fields.some((f) => !f.shown && f.paragraph === paragraph);
  }

  /** `raised`: a superscript (a footnote mark), or the open run is one (w:vertAlign). */
  private append(text: string, raised = this.raised.at(-1) === true): void {
    if (!this.shows()) return;
    const paragraph = this.paragraphs.at(-1);
    // Text outside any paragraph (invalid, but seen in generated files) is dropped.
    if (!paragraph) return;
    // Raised after other text of its paragraph: a superscript, its digits as superscript
    // characters (superscript.ts), as the PDF reader reads what it printed.
    const after = raised && paragraph.text.trim() !== '';
    paragraph.text += visibleText(after ? toSuperscript(text) : text);
  }

  /** A w:vanish in run properties: of the open run, or of the open paragraph's mark. */
  private markHidden(): void {
    const owner = this.grandparent();
    if (owner === 'w:r' && this.runs.length > 0 && !this.runs[this.runs.length - 1]) {
      this.runs[this.runs.length - 1] = true;
      this.hiddenDepth++;
    } else if (owner === 'w:pPr') {
      const paragraph = this.paragraphs.at(-1);
      if (paragraph) paragraph.markHidden = true;
    }
  }

  /** w:vanish turned off on a run its style (or its paragraph's) hides. */
  private markShown(): void {
    if (this.grandparent() === 'w:r' && this.runs.at(-1)) {
      this.runs[this.runs.length - 1] = false;
      this.hiddenDepth--;
    }
  }

  private openTable(): void {
    const parent = this.tables.at(-1);
    if (parent) parent.hasNested = true;
    this.tables.push({ index: this.tableCount++, hasNested: false, gridColumns: 0, rows: [], row: null, cell: null });
  }

  private openRow(): void {
    const table = this.tables.at(-1);
    if (!table) return;
    table.row = { deleted: false, gridBefore: 0, gridAfter: 0, cells: [] };
  }

  private rowProperty(key: string, attributes: Attributes): void {
    const table = this.tables.at(-1);
    if (!table?.row || this.parent() !== 'w:trPr' || this.grandparent() !== 'w:tr') return;
    const value = count(this.names.wAttr(attributes, 'val'));
    if (key === 'w:gridBefore') table.row.gridBefore = value;
    else table.row.gridAfter = value;
  }

  private openCell(): void {
    const container: Container = { kind: 'cell', items: [], anchor: null };
    this.containers.push(container);
    const table = this.tables.at(-1);
    if (!table) return;
    if (!table.row) this.openRow();
    table.cell = { colSpan: 1, vMerge: null, hMerge: null, container };
  }

  private cellProperty(key: string, attributes: Attributes): void {
    const cell = this.tables.at(-1)?.cell;
    if (!cell || this.parent() !== 'w:tcPr' || this.grandparent() !== 'w:tc') return;
    const value = this.names.wAttr(attributes, 'val');
    if (key === 'w:gridSpan') cell.colSpan = Math.max(1, count(value));
    else if (key === 'w:vMerge') cell.vMerge = value === 'restart' ? 'restart' : 'continue';
    else cell.hMerge = value === 'restart' ? 'restart' : 'continue';
  }

  // --- closing ------------------------------------------------------------

  private closeParagraph(): void {
    const paragraph = this.paragraphs.pop();
    if (!paragraph) return;
    const container = this.containers[this.containers.length - 1];
    const text = paragraph.text;
    paragraph.anchor.end = this.at;
    // A hidden paragraph mark with nothing visible before it: Word shows no line at all.
    if (!(paragraph.markHidden && text === '')) {
      container.items.push(paragraph.indent ? { kind: 'p', text, anchor: paragraph.anchor, indent: paragraph.indent } : { kind: 'p', text, anchor: paragraph.anchor });
    }
    if (paragraph.anchored) for (const item of paragraph.anchored) container.items.push(item);
  }

  /** w:ind's first line, in glyphs: the left indent plus the first line's own (less a
   *  hanging one); the *Chars forms (hundredths of a glyph) win over twips, as in Word,
   *  and twips count a 五号 glyph (10.5 pt), a form cell's usual size. */
  private firstLineIndent(attributes: Attributes): number {
    const glyphs = (chars: string, twips: string): number => {
      const c = Number(this.names.wAttr(attributes, chars));
      if (Number.isFinite(c) && this.names.wAttr(attributes, chars) !== undefined) return c / 100;
      const t = Number(this.names.wAttr(attributes, twips) ?? 0);
      return Number.isFinite(t) ? t / TWIPS_PER_GLYPH : 0;
    };
    const left = this.names.wAttr(attributes, 'startChars') !== undefined || this.names.wAttr(attributes, 'start') !== undefined ? glyphs('startChars', 'start') : glyphs('leftChars', 'left');
    return left + glyphs('firstLineChars', 'firstLine') - glyphs('hangingChars', 'hanging');
  }

  private closeTextBox(): void {
    const box = this.containers.pop();
    if (!box) return;
    if (box.anchor) (box.anchor.anchored ??= []).push(...box.items);
    else this.containers[this.containers.length - 1].items.push(...box.items);
  }

  private closeCell(): void {
    this.containers.pop();
    const table = this.tables.at(-1);
    if (!table?.cell || !table.row) return;
    table.row.cells.push(table.cell);
    table.cell = null;
  }

  private closeRow(): void {
    const table = this.tables.at(-1);
    if (!table?.row) return;
    if (!table.row.deleted) table.rows.push(table.row);
    table.row = null;
  }

  private closeTable(): void {
    const state = this.tables.pop();
    if (!state) return;
    const container = this.containers[this.containers.length - 1];
    const framed = frameContent(state);
    if (framed) {
      // A frame around the content: its paragraphs and tables stand where it stands.
      // Decided before the grid is built: building it would read the whole content.
      this.dissolved++;
      container.items.push({ kind: 'frame', items: framed });
      return;
    }
    // Columns: the table's w:tblGrid, or the widest row counting its gridBefore/gridAfter.
    const widest = state.rows.reduce(
      (w, row) => Math.max(w, row.gridBefore + row.gridAfter + row.cells.reduce((n, c) => n + c.colSpan, 0)),
      0,
    );
    const columns = state.gridColumns > 0 ? state.gridColumns : widest;
    const rows = buildGrid(placeRows(state.rows), columns);
    if (container.kind === 'cell' && this.tables.length > 0 && isSmallTable(state, rows)) {
      // A cell or two pasted from another table: its text is this cell's text.
      this.dissolved++;
      for (const [r, row] of rows.entries()) {
        for (const [c, cell] of row.entries()) {
          if (cell.origin.row !== r || cell.origin.col !== c) continue;
          cell.paragraphs.forEach((text, i) => container.items.push({ kind: 'p', text, anchor: cell.anchors?.[i] ?? null }));
        }
      }
      return;
    }
    const table: DocTable = { kind: 'table', index: state.index, rows };
    this.finished[state.index] = table;
    container.items.push({ kind: 'table', table });
  }
}

/** Turns raw rows into placed cells: gridBefore shifts the first cell, gridSpan
 *  widens, and a legacy hMerge continuation widens the cell before it. */
function placeRows(rows: RawRow[]): PlacedCell[][] {
  // the cells that may be labels, each with its first written paragraph (for its indent, w:ind)
  const labelCells: PlacedCell[] = [];
  const firsts: ({ text: string; indent?: number } | undefined)[] = [];
  let indented = false;
  const placedRows = rows.map((row) => {
    const placed: PlacedCell[] = [];
    let col = row.gridBefore;
    for (const cell of row.cells) {
      const previous = placed[placed.length - 1];
      if (cell.hMerge === 'continue' && previous) {
        previous.colSpan += cell.colSpan;
        col += cell.colSpan;
        continue;
      }
      const items = flat(cell.container.items);
      // arrays of the exact size (a pushed-to empty array reserves 16 places; a cell has one or two paragraphs)
      let count = 0;
      for (const item of items) if (item.kind === 'p') count++;
      const paragraphs = new Array<string>(count);
      const anchors = new Array<XmlAnchor | null>(count);
      let first: (Content & { kind: 'p' }) | undefined;
      let n = 0;
      for (const item of items) {
        if (item.kind !== 'p') continue;
        paragraphs[n] = item.text;
        anchors[n++] = item.anchor;
        if (first === undefined && item.text.trim() !== '') first = item;
      }
      const placedCell: PlacedCell = { text: paragraphs.join('\n'), paragraphs, col, colSpan: cell.colSpan, vMerge: cell.vMerge, page: null, anchors };
      placed.push(placedCell);
      if (cell.vMerge !== 'continue') {
        labelCells.push(placedCell);
        firsts.push(first);
        if (first?.indent) indented = true;
      }
      col += cell.colSpan;
    }
    return placed;
  });
  // With no indent but 0 every label stands where its column's others do: no blanks to add.
  if (indented) indentLabels(labelCells, firsts);
  return placedRows;
}

/** Puts each label's indent (w:ind, relative to its column's: labelBlanks) before its text. */
function indentLabels(cells: PlacedCell[], firsts: readonly ({ text: string; indent?: number } | undefined)[]): void {
  const blanks = labelBlanks(
    cells.map((cell, i): LabelIndent => {
      const first = firsts[i];
      return { column: `${cell.col}:${cell.colSpan}`, indent: first && isLabel(first.text) ? (first.indent ?? 0) : null, glyph: 1 };
    }),
  );
  cells.forEach((cell, i) => {
    if (blanks[i] === 0) return;
    cell.paragraphs = withBlanks(cell.paragraphs, blanks[i]);
    cell.text = cell.paragraphs.join('\n');
  });
}

/** A table of one cell that holds a table is a frame, not a table: a web page pasted
 *  whole (title, 单位 line, the form, the narrative all in one cell), a box drawn around
 *  the form. A person reads what it frames: the cell's paragraphs and tables in their
 *  order, where the frame stands. Null for any other table. */
function frameContent(state: TableState): Item[] | null {
  if (state.rows.length !== 1) return null;
  const [row] = state.rows;
  if (row.cells.length !== 1 || row.gridBefore > 0 || row.gridAfter > 0 || state.gridColumns > row.cells[0].colSpan) return null;
  const items = row.cells[0].container.items;
  return items.some((item) => item.kind === 'table' || item.kind === 'frame') ? items : null;
}

/** At most 2×2 grid positions and no table inside: small enough to be a cell's content. */
function isSmallTable(state: TableState, rows: DocCell[][]): boolean {
  return !state.hasNested && rows.length > 0 && rows.length <= 2 && (rows[0]?.length ?? 0) <= 2;
}

/** An on/off property's w:val: absent, "1", "true", "on" are on. */
function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off|none)$/i.test(value.trim());
}

/** The r:id of an element (whatever prefix binds the relationships namespace). */
function relationshipId(attributes: Attributes): string | undefined {
  for (const attr in attributes) if (attr === 'id' || attr.endsWith(':id')) return attributes[attr];
  return undefined;
}

function count(value: string | undefined): number {
  if (value === undefined || !/^\d{1,4}$/.test(value.trim())) return 0;
  return Number.parseInt(value.trim(), 10);
}

// Symbol and Wingdings place their glyphs at private-use codes (F020–F0FF, the font's own
// byte + F000); what they draw, for the marks a form's targets and check boxes use.
const SYMBOL_FONT: Record<number, string> = {
  0x25: '%', 0x28: '(', 0x29: ')', 0x2b: '+', 0x2d: '−', 0x3c: '<', 0x3d: '=', 0x3e: '>',
  0xa3: '≤', 0xa5: '∞', 0xac: '←', 0xae: '→', 0xb0: '°', 0xb1: '±', 0xb3: '≥', 0xb4: '×',
  0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈',
};
const WINGDINGS_FONT: Record<number, string> = { 0x6f: '□', 0xa8: '□', 0x78: '☒', 0xfd: '☒', 0xfe: '☑' };

/** The text a <w:sym> draws: a Unicode code as itself; a Symbol or Wingdings code by
 *  the tables above (Symbol's digits as themselves); otherwise nothing. */
function symbolText(font: string | undefined, hex: string | undefined): string | null {
  const code = hex ? Number.parseInt(hex, 16) : Number.NaN;
  if (!Number.isFinite(code) || code <= 0) return null;
  if (code < 0xf000 || code > 0xf0ff) return String.fromCodePoint(code);
  const byte = code - 0xf000;
  const name = (font ?? '').toLowerCase();
  if (name === 'symbol') return SYMBOL_FONT[byte] ?? (byte >= 0x30 && byte <= 0x39 ? String.fromCharCode(byte) : null);
  if (name.startsWith('wingdings')) return WINGDINGS_FONT[byte] ?? null;
  return null;
}
