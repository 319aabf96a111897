// Positioned PDF text → lines → paragraphs. Items on one line are joined in x order
// with no space between CJK glyphs; lines join into a paragraph while each line is
// "full" (the next line's first word would not have fitted), starts at the same
// left edge and follows at normal spacing — the way Word/LibreOffice wrapped it.
import { toSuperscript } from './superscript.js';

/** One run of text from pdfjs, in top-down page coordinates. */
export interface TextRun {
  str: string;
  x: number;
  /** x + advance width. */
  right: number;
  /** Baseline, measured from the page's top edge. */
  baseline: number;
  /** Font size in points (vertical scale of the text matrix). */
  size: number;
  page: number;
}

export interface TextLine {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
  page: number;
  /** Width of the line's first unbreakable token (a CJK glyph with the closing
   *  punctuation that may not start a line, or a Latin word). */
  firstToken: number;
  /** Width of the punctuation mark the line ends with, where that mark may hang past
   *  the margin (，。、．: LibreOffice's hanging punctuation, Word's overflowPunct); else 0. */
  hang: number;
  /** The mark a footnote's text opens with: a short run set small and raised before the
   *  line's text ("¹含上年结转资金支出36.20万元。" at the page foot prints a small raised "1"),
   *  as it was printed (not made superscript: it follows no text). Absent on other lines. */
  noteMark?: string;
}

export interface Paragraph {
  text: string;
  page: number;
  lines: TextLine[];
}

const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
/** Punctuation that may not begin a line (kinsoku): it drags the glyph before it along
 *  (the full-width point too: "１１８６．４０" wraps as "１１８" + "６．４０"). */
const NO_LINE_START = /[，。、；：！？）》」』】〕”’％‰．,.;:!?)\]}%·…—]/;
/** Punctuation that may not end a line: it goes down with the glyph after it. */
const NO_LINE_END = /[“‘（《「『【〔〈([{]/;
/** A report's chapter number: a Chinese numeral and 、 (一、 二、). */
const CHAPTER = '[一二三四五六七八九十]+、';
const CHAPTER_START = new RegExp(`^${CHAPTER}`);
/** The numbering that opens a heading or list item: （一） 一、 1. （1） 1、 */
const HEADING_START = new RegExp(String.raw`^(?:[（(][一二三四五六七八九十\d]+[）)]|${CHAPTER}|\d+[.．、](?!\d))`);
/** A run of characters no line breaks inside: Latin letters, digits, their punctuation, and
 *  the comparison and arithmetic signs (≥ ≤ ± × ÷ ≠ ≈), which wrap like letters beside them. */
const LATIN_WORD = /^[A-Za-z0-9@#$&*+\-_=./%,:;!?'"()[\]{}<>~^|\\≥≤±×÷≠≈]+/;

const LATIN_ALNUM = /[A-Za-z0-9]/;
/** The marks Chinese text lets hang past the right margin (the rest of its line fits inside). */
const HANGING = /[，。、．,.]$/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** The vertical centre of a run, where it sits inside a table cell. */
export function runCentre(run: TextRun): number {
  return run.baseline - 0.35 * run.size;
}

/** Estimated x of each character's left edge (CJK glyphs are wide, others ~half). */
export function charEdges(run: TextRun): number[] {
  const chars = Array.from(run.str);
  const cjkRun = chars.some(isCjk);
  const weights = chars.map((ch) => charWeight(ch, cjkRun));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const scale = (run.right - run.x) / total;
  const edges: number[] = [];
  let x = run.x;
  for (const w of weights) {
    edges.push(x);
    x += w * scale;
  }
  edges.push(run.right);
  return edges;
}

function charWeight(ch: string, cjkRun: boolean): number {
  // Curly quotes take a full em in the CJK fonts that set them next to Chinese.
  return isCjk(ch) || (cjkRun && /[“”‘’…—]/.test(ch)) ? 1 : ch === ' ' ? 0.3 : 0.55;
}

/** isCjk of one character, by its code point. */
function isCjkCode(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x2fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef)
  );
}

/** charWeight by code point. */
function codeWeight(c: number, cjkRun: boolean): number {
  return isCjkCode(c) || (cjkRun && (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014)) ? 1 : c === 0x20 ? 0.3 : 0.55;
}

/** The number of characters (code points, as Array.from counts them). */
function codePoints(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++, n++) if (s.codePointAt(k)! > 0xffff) k++;
  return n;
}

/** charEdges({ str, x, right })[i], the same sums in the same order, without its arrays
 *  (the lines of every cell ask for one or two edges: a fifth of laying out a form). */
function edgeAt(str: string, x: number, right: number, i: number): number {
  let n = 0, cjkRun = false;
  for (let k = 0; k < str.length; k++, n++) {
    const c = str.codePointAt(k)!;
    if (c > 0xffff) k++;
    else if (!cjkRun && isCjkCode(c)) cjkRun = true;
  }
  if (i === n) return right;
  let total = 0;
  for (let k = 0; k < str.length; k++) {
    const c = str.codePointAt(k)!;
    if (c > 0xffff) k++;
    total += codeWeight(c, cjkRun);
  }
  const scale = (right - x) / (total || 1);
  let at = x;
  for (let k = 0, j = 0; j < i; k++, j++) {
    const c = str.codePointAt(k)!;
    if (c > 0xffff) k++;
    at += codeWeight(c, cjkRun) * scale;
  }
  return at;
}

/** Splits a run where it crosses any of the given x boundaries (pdfjs may merge the
 *  texts of neighbouring cells into one run). */
export function splitRunAt(run: TextRun, boundaries: readonly number[]): TextRun[] {
  const inside = boundaries.filter((b) => b > run.x + 0.5 && b < run.right - 0.5);
  if (inside.length === 0 || Array.from(run.str).length < 2) return [run];
  const chars = Array.from(run.str);
  const edges = charEdges(run);
  const out: TextRun[] = [];
  let start = 0;
  for (let i = 1; i < chars.length; i++) {
    const mid = edges[i];
    const prevMid = (edges[i - 1] + edges[i]) / 2;
    const nextMid = (edges[i] + edges[i + 1]) / 2;
    if (inside.some((b) => b > prevMid && b <= nextMid && Math.abs(b - mid) < (edges[i + 1] - edges[i - 1]))) {
      out.push({ ...run, str: chars.slice(start, i).join(''), x: edges[start], right: edges[i] });
      start = i;
    }
  }
  out.push({ ...run, str: chars.slice(start).join(''), x: edges[start], right: run.right });
  return out;
}

/** A superscript is set this much smaller than the text it follows, or smaller still. */
const SUPERSCRIPT_SIZE = 0.8;
/** …and raised above that text's baseline by this share of its size (Word: ~1/3, LibreOffice 33–40%). */
const SUPERSCRIPT_RISE = [0.15, 0.65] as const;

/**
 * Superscripts as what they are: a run set clearly smaller than the text it follows on its
 * line and raised above that text's baseline (a footnote reference mark after a figure,
 * "9.50¹"; "m²"; "10⁴") gets its Unicode superscript characters (superscript.ts), so that
 * joined into its line it is no digit of the number before it (9.50 and a raised 2 were read
 * 9.502). A small run that follows no text — a cell whose whole text is set small, a
 * footnote's own mark at the start of its line — is left as it is.
 */
export function markSuperscripts(runs: readonly TextRun[]): TextRun[] {
  const largest = runs.reduce((m, r) => (r.str.trim() === '' ? m : Math.max(m, r.size)), 0);
  // The text a superscript follows ends within a quarter of its size of where the
  // superscript starts, its baseline lower by at most two thirds of its size: the runs are
  // indexed by where they end, in slots that wide and that high, so each run asks only its
  // own few neighbours (each run asking every other made a dense page of 800 runs cost
  // 5.6 ms, now 0.14 ms).
  const wide = Math.max(1, 0.25 * largest), high = Math.max(1, SUPERSCRIPT_RISE[1] * largest);
  const slotKey = (sx: number, sy: number) => sx * 1e6 + sy;
  const byEnd = new Map<number, TextRun[]>();
  for (const p of runs) {
    if (p.str.trim() === '') continue;
    const k = slotKey(Math.floor(p.right / wide), Math.floor(p.baseline / high));
    const list = byEnd.get(k);
    if (list) list.push(p);
    else byEnd.set(k, [p]);
  }
  const isBase = (p: TextRun, run: TextRun) =>
    p !== run &&
    p.page === run.page &&
    run.size <= SUPERSCRIPT_SIZE * p.size &&
    p.baseline - run.baseline >= SUPERSCRIPT_RISE[0] * p.size &&
    p.baseline - run.baseline <= SUPERSCRIPT_RISE[1] * p.size &&
    run.x >= p.right - 0.15 * p.size &&
    run.x <= p.right + 0.25 * p.size;
  /** Whether a run of text ends just before `run`, its baseline below `run`'s by a superscript's rise. */
  const follows = (run: TextRun): boolean => {
    const sx = Math.floor(run.x / wide), sy = Math.floor(run.baseline / high);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = 0; dy <= 1; dy++) if (byEnd.get(slotKey(sx + dx, sy + dy))?.some((p) => isBase(p, run))) return true;
    }
    return false;
  };
  return runs.map((run) => {
    if (run.size > SUPERSCRIPT_SIZE * largest || run.str.trim() === '') return run;
    if (!follows(run)) return run;
    const str = toSuperscript(run.str);
    return str === run.str ? run : { ...run, str };
  });
}

/** Groups runs into lines (top to bottom), joining each line's runs in x order. */
export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = runs
    .filter((r) => r.str.trim() !== '')
    .map((run) => ({ run, centre: runCentre(run) }))
    .sort((a, b) => a.run.page - b.run.page || a.centre - b.centre || a.run.x - b.run.x);
  const groups: { page: number; centre: number; size: number; runs: TextRun[] }[] = [];
  for (const { run, centre } of sorted) {
    // Runs of one line may sit on slightly different baselines (CJK and Latin fonts).
    // Groups are in centre order: only the last few can still match.
    let line: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      if (g.page !== run.page || centre - g.centre > 2 * Math.max(g.size, run.size)) break;
      if (Math.abs(g.centre - centre) <= 0.45 * Math.min(g.size, run.size)) { line = g; break; }
    }
    if (line) line.runs.push(run);
    else groups.push({ page: run.page, centre, size: run.size, runs: [run] });
  }
  return groups
    .map((g) => makeLine(g.runs))
    .sort((a, b) => a.page - b.page || a.baseline - b.baseline || a.left - b.left);
}

function makeLine(runs: TextRun[]): TextLine {
  // (the group's own array, made by groupLines: sorted in place)
  const ordered = runs.sort((a, b) => a.x - b.x);
  let text = '';
  let prev: TextRun | null = null;
  for (const run of ordered) {
    if (prev) {
      const gap = run.x - prev.right;
      const size = Math.max(prev.size, run.size);
      const bothCjk = endsCjk(text.trimEnd()) && isCjkCode(run.str.trimStart().codePointAt(0) ?? 32);
      // A gap is a space between Latin words; between CJK glyphs only a wide gap
      // (separate fields on one line, e.g. "填报单位：X    单位：万元") is.
      const spaced = bothCjk ? gap > 2 * size : gap > 0.25 * size;
      if (spaced && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    }
    text += run.str;
    prev = run;
  }
  const sizes = ordered.map((r) => r.size).sort((a, b) => a - b);
  let right = -Infinity, baseline = -Infinity;
  for (const r of ordered) {
    if (r.right > right) right = r.right;
    if (r.baseline > baseline) baseline = r.baseline;
  }
  const trimmed = text.trim();
  return {
    text: trimmed,
    left: ordered[0].x,
    right,
    baseline,
    size: sizes[Math.floor(sizes.length / 2)],
    page: ordered[0].page,
    firstToken: firstTokenWidth(ordered, trimmed),
    hang: hangWidth(ordered),
    ...leadMark(ordered),
  };
}

/** A note mark is this many characters at most ("1", "12", "*", "(3)"). */
const MAX_MARK = 4;

/** The line's first run where it is a note's mark: a few characters set small and raised
 *  (as a superscript is) right before the text that follows it. */
function leadMark(ordered: readonly TextRun[]): { noteMark: string } | Record<string, never> {
  const [mark, text] = ordered;
  if (!text) return {};
  const str = mark.str.trim();
  if (str === '' || Array.from(str).length > MAX_MARK || /[\p{Script=Han}]/u.test(str)) return {};
  const rise = text.baseline - mark.baseline;
  const raised = mark.size <= SUPERSCRIPT_SIZE * text.size && rise >= SUPERSCRIPT_RISE[0] * text.size && rise <= SUPERSCRIPT_RISE[1] * text.size;
  const close = text.x >= mark.right - 0.15 * text.size && text.x <= mark.right + text.size;
  return raised && close ? { noteMark: str } : {};
}

/** Whether the text's last character is CJK (isCjk of lastChar). */
function endsCjk(s: string): boolean {
  if (s === '') return false;
  const code = s.charCodeAt(s.length - 1);
  // A low surrogate: lastChar takes the pair (or, unpaired, the character before it too).
  if (code >= 0xdc00 && code <= 0xdfff) return isCjk(lastChar(s));
  return isCjkCode(code);
}

/** The width of the punctuation mark that ends the line, if it is one that may hang. */
function hangWidth(ordered: readonly TextRun[]): number {
  const last = ordered.reduce((a, b) => (b.right > a.right ? b : a));
  const str = last.str.trimEnd();
  if (str === '' || !HANGING.test(str)) return 0;
  const n = codePoints(str);
  return last.right - edgeAt(str, last.x, last.right, n - 1);
}

/** Where the line's text ends for finding the margin: a hanging mark may stand past it. */
export function wrapEdge(line: TextLine): number {
  return line.right - line.hang;
}

function lastChar(s: string): string {
  if (s === '') return '';
  const code = s.codePointAt(s.length - 1)!;
  // A low surrogate ends an astral character: take the pair.
  return code >= 0xdc00 && code <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

/** The width of the line's first token, measured on the runs that hold it (the
 *  token may span runs: pdfjs splits "神，" where the font changes). */
function firstTokenWidth(ordered: readonly TextRun[], text: string): number {
  const chars = Array.from(text);
  if (chars.length === 0) return ordered[0]?.size ?? 0;
  let count: number;
  const word = LATIN_WORD.exec(text);
  if (word && !isCjk(chars[0])) {
    count = Array.from(word[0]).length;
    // an opening bracket may not end a line: it wraps with the glyph after it ("(≥" + "套")
    while (count < chars.length && NO_LINE_END.test(chars[count - 1])) count++;
    // closing punctuation may not start a line: it wraps with the word ("50%，")
    while (count < chars.length && NO_LINE_START.test(chars[count])) count++;
  } else {
    count = 1;
    while (count < chars.length && NO_LINE_END.test(chars[count - 1])) count++;
    while (count < chars.length && NO_LINE_START.test(chars[count])) count++;
    // LibreOffice keeps a number glued to the full stop before it ("抓。2500套"
    // wraps as one piece), so such a number belongs to the first token too.
    if (NO_LINE_START.test(chars[count - 1]) && !/[，、,]/.test(chars[count - 1])) {
      const number = /^[0-9][0-9.]*/.exec(chars.slice(count).join(''));
      if (number) count += number[0].length;
    }
  }
  // Walk the runs' estimated glyph edges over the token's characters.
  let width = 0;
  let left = count;
  for (const run of ordered) {
    const str = run.str.trim();
    const n = codePoints(str);
    const take = Math.min(left, n);
    // (charEdges' first edge is the run's x, or its right end when it has no characters)
    if (take > 0) width += edgeAt(str, run.x, run.right, take) - run.x;
    left -= take;
    if (left === 0) break;
  }
  return width;
}

/** Where wrapped lines of a block start and end (a cell's inner box, the text area). */
export interface Frame {
  left: number;
  right: number;
  /** How far lines reach with their hanging marks (≥ right); the sentence-end test
   *  measures from here, as it did before hanging marks were told apart. */
  outer?: number;
  /** The inner box of a table cell: a number is broken across lines there only where
   *  it overflowed the line (see `continues`), and joins again with no space. */
  cell?: boolean;
  /** A cell whose lines are all centred in it: the wrapped rest of a line is centred
   *  too, and a line is full when the next token would not fit in the box's width. */
  centred?: boolean;
  /** Where the text's first-line indents start (see `firstLineIndents`): a line starting
   *  there is indented, not centred, whatever room it happens to leave at its right. */
  indents?: readonly number[];
}

/**
 * The left edges at which the text's paragraphs start indented: lines starting in from the
 * frame's left edge (half a glyph or more) that are not centred in it (their two gaps differ
 * by more than a glyph). A first line that wrapped before a long number ("…全年支出" over
 * "1788.50万元") may leave as much room at its right as its indent; it is told from a centred
 * title by its indent recurring on other lines of the text.
 */
export function firstLineIndents(lines: readonly TextLine[], frame: Frame): number[] {
  const out: number[] = [];
  for (const line of lines) {
    const leftGap = line.left - frame.left;
    if (leftGap < 0.5 * line.size || centredIn(line, frame, line.size)) continue;
    if (!out.some((x) => Math.abs(x - line.left) <= 0.1 * line.size)) out.push(line.left);
  }
  return out;
}

/** Joins lines (already in reading order) into paragraphs. */
export function toParagraphs(lines: readonly TextLine[], frame: Frame): Paragraph[] {
  const pitch = typicalPitch(lines);
  const out: Paragraph[] = [];
  let current: TextLine[] = [];
  lines.forEach((line, i) => {
    const prev = i > 0 ? lines[i - 1] : null;
    if (prev && continues(prev, line, frame, pitch)) {
      current.push(line);
    } else {
      if (current.length > 0) out.push(paragraphOf(current, frame));
      current = [line];
    }
  });
  if (current.length > 0) out.push(paragraphOf(current, frame));
  return out;
}

function paragraphOf(lines: TextLine[], frame: Frame): Paragraph {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (text === '') {
      text = line.text;
      continue;
    }
    const last = lastChar(text);
    const first = String.fromCodePoint(line.text.codePointAt(0) ?? 32);
    // A line wrapped at a space lost that space; CJK wraps need none, and a line
    // that is one single word was broken inside it ("2298." + "12" in a narrow cell).
    // In Chinese text only a Latin word or number wraps at a space: a wrap between
    // brackets or signs ("产床(…)" + "(≥套)") is one of the breaks CJK text allows anywhere.
    const prevLine = lines[i - 1];
    const cjkLine = Array.from(prevLine.text).some(isCjk);
    const oneWord = !/\s/.test(prevLine.text) && !cjkLine;
    const betweenWords = LATIN_ALNUM.test(last) && LATIN_ALNUM.test(first);
    // In a cell a number joins the next line only where it overflowed (`continues`):
    // "≤7315.6" + "2万元" is one figure, whatever text stands before it on its line.
    const inNumber = frame.cell === true && splitsNumber(last, first);
    text += isCjk(last) || isCjk(first) || oneWord || inNumber || (cjkLine && !betweenWords) ? line.text : ` ${line.text}`;
  }
  return { text, page: lines[0].page, lines };
}

/** Whether `next` carries on the paragraph `prev` ends (see the module comment). */
export function continues(prev: TextLine, next: TextLine, frame: Frame, pitch: number): boolean {
  const size = Math.max(prev.size, next.size);
  if (Math.abs(prev.size - next.size) > 0.15 * size) return false;
  if (next.page === prev.page) {
    const gap = next.baseline - prev.baseline;
    if (gap <= 0.3 * size || gap > Math.max(1.25 * pitch, 1.5 * size)) return false;
  } else if (next.page !== prev.page + 1) {
    return false;
  }
  // A centred line (a title: equal gaps on both sides, each a glyph or more) is a
  // paragraph of its own, whatever the line after it starts with — unless it starts where
  // the text's paragraphs are indented and the next line is no numbered heading: then it is
  // a first line that wrapped before a long token and left about its indent at the right
  // by chance ("…全年支出" over "1788.50万元，…", probe Y40).
  const leftGap = prev.left - frame.left;
  const indented = (frame.indents ?? []).some((x) => Math.abs(x - prev.left) <= 0.1 * size) && !HEADING_START.test(next.text);
  if (!frame.centred && !indented && leftGap >= size && centredIn(prev, frame, 0.1 * size) && next.left < prev.left - 0.5 * size) return false;
  // A chapter number ("一、", "二、") opens its line: Chinese text writes it inline only
  // after a comma, never mid-phrase — so a title that happens to leave less room at its right
  // than "一、" takes is no wrapped line ("…2023年度项目支出绩效自评报告" over "一、财政信息化建设项目").
  if (CHAPTER_START.test(next.text) && !/[，、,]$/.test(prev.text)) return false;
  // Full line: the next line's first token would not have fitted after it.
  // (0.15 em of slack: padding is estimated from the left edge, and LibreOffice
  // wraps a glyph that would end within a point or so of the edge.)
  // Word and LibreOffice space Latin or digits from CJK by about a quarter em
  // ("929.46" + "万元"), which the wrapped glyph would have needed too.
  const room = roomAfter(prev, frame);
  const end = lastChar(prev.text);
  const start = String.fromCodePoint(next.text.codePointAt(0) ?? 32);
  const mixed = (LATIN_ALNUM.test(end) && isCjk(start)) || (isCjk(end) && LATIN_ALNUM.test(start));
  const autospace = mixed ? 0.25 * size : 0;
  // Digit against digit (or its point) in a cell: Word and LibreOffice break a number
  // only where it overflows the line, so the line is full to within that one glyph; with
  // more room the lines are two values ("100" over "200"), however narrow the cell.
  const needed = frame.cell === true && splitsNumber(end, start) ? firstGlyph(next) : next.firstToken + autospace;
  if (room >= needed + 0.15 * size) return false;
  // A numbered heading after a finished sentence or a colon starts a paragraph
  // even when the line before happens to be nearly full ("如下：" + "（一）…").
  if (/[。：；！？:;]$/.test(prev.text) && HEADING_START.test(next.text)) return false;
  // A sentence end short of the margin most likely ends the paragraph: justified
  // text fills wrapped lines to the margin, and lines rarely wrap right after "。".
  // (Measured from where lines reach with their hanging marks, as this was tuned:
  // a paragraph may well end within half a glyph of the margin itself.)
  if (/[。！？]$/.test(prev.text) && (frame.outer ?? frame.right) - prev.right > 0.5 * size) return false;
  // A centred cell's lines share their centre, not their left edge.
  if (frame.centred) return true;
  // So do a centred paragraph's (a long title wrapped "…绩效自评" over "报告"): the line
  // before is centred too (or fills the frame), and the room on both its sides together
  // would not have held the next line's first token.
  if (centredWrap(prev, next, frame, needed + 0.15 * size)) return true;
  // Same left edge; a first-line indent (up to ~4 glyphs) may precede it.
  if (next.left > prev.left + 0.5 * size) return false;
  if (prev.left - next.left > 4.5 * size) return false;
  if (next.left < frame.left - 0.5 * size) return false;
  return true;
}

/** `next` is centred in the frame (equal gaps of a glyph or more) under `prev`, centred
 *  too, whose gaps together leave less than `needed`. A body line that fills the frame
 *  looks centred as well: one that ends a sentence or clause, or a numbered heading under
 *  it, is no title wrapped ("…已完成。" over a centred caption). */
function centredWrap(prev: TextLine, next: TextLine, frame: Frame, needed: number): boolean {
  if (/[。！？；：:;]$/.test(prev.text) || HEADING_START.test(next.text)) return false;
  const size = Math.max(prev.size, next.size);
  if (next.left - frame.left < size || !centredIn(next, frame, 0.25 * size)) return false;
  const prevLeft = prev.left - frame.left;
  return prevLeft > -0.5 * size && centredIn(prev, frame, 0.25 * size) && prevLeft + (frame.right - prev.right) < needed;
}

/** The line's gaps to the frame's left and right edges differ by at most `tolerance` points. */
function centredIn(line: TextLine, frame: Frame, tolerance: number): boolean {
  return Math.abs(line.left - frame.left - (frame.right - line.right)) <= tolerance;
}

/** The room a line leaves in its frame: up to the right edge, or, in a centred cell,
 *  the box's width less the line's (a centred line leaves half of it on each side). */
export function roomAfter(line: TextLine, frame: Frame): number {
  return frame.centred ? frame.right - frame.left - (line.right - line.left) : frame.right - line.right;
}

/** A line break between these two characters falls inside a number: digit against
 *  digit, or against its decimal point ("98." + "71", "7315" + ".62"). */
export function splitsNumber(end: string, start: string): boolean {
  return (/[0-9]/.test(end) && /^[0-9.]/.test(start)) || (end === '.' && /^[0-9]/.test(start));
}

/** The width of a line's first glyph: its first token's over its glyphs where the token
 *  is a Latin word or number (even widths), else the whole token (one CJK glyph). */
function firstGlyph(line: TextLine): number {
  const word = LATIN_WORD.exec(line.text);
  return word ? line.firstToken / Array.from(word[0]).length : line.firstToken;
}

/** The usual distance between consecutive baselines (single spacing of the block). */
function typicalPitch(lines: readonly TextLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1], b = lines[i];
    const gap = b.baseline - a.baseline;
    if (a.page === b.page && gap > 0.3 * a.size && gap < 2.5 * a.size) gaps.push(gap);
  }
  if (gaps.length === 0) return 1.5 * (lines[0]?.size ?? 10);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}
