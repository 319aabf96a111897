// Label matching: a printed label ("（1）财政\n拨款（万元）", "执 行 率", "其中：人员支出")
// reduced to a comparable key, and the best synonym match among a template's lists.
import { toHalfWidth } from '../normalize/cell.js';

const WS = /[\s\u3000\u00A0\u200B\uFEFF]+/g;
// Leading numbering: (1) 1. 1、 一、 (一) ① … repeated ("一、(1)").
const NUMBERING = /^(?:\(\s*[0-9一二三四五六七八九十]+\s*\)|[0-9]+[.、,](?![0-9])|[一二三四五六七八九十]+[、.]|[\u2460-\u2473\u2776-\u277F])+/;
// Decorations a header or row label carries besides its words, removed wherever
// they stand: a parenthesized unit (万元) (元) (单位:万元) (%), a column letter or
// formula (A) (B/A) (B÷A×100%), a printed weight or scoring formula (10分)
// (20分*执行率), an unclosed "(万元" at the end; circled column numbers ①–⑳ and
// formulas built on them (④=③/②); key-indicator stars.
const DECORATION_PAREN = /\((?:(?:金额)?(?:单位:)?(?:万元|元|%|分|百分比)|[A-Za-z][A-Za-z0-9/×*÷+\-%=]*|[0-9]+(?:\.[0-9]+)?分(?:[*×x][^()]*)?|[^()]*[=*×÷/][^()]*)\)/g;
const UNCLOSED_UNIT = /\((?:(?:金额)?(?:单位:)?(?:万元|元))$/;
const CIRCLED_FORMULA = /[\u2460-\u2473\u2776-\u277F](?:[=+\-*×÷/][\u2460-\u2473\u2776-\u277F0-9.%×*]+)+/g;
const CIRCLED = /[\u2460-\u2473\u2776-\u277F]/g;
const STARS = /[★☆]/g;

// Memoized: the same printed labels (全年预算数, 执行率, 指标值 …) recur in every row
// asked and in every form of a batch; the seven regex passes ran for each ask.
const normalized = new Map<string, string>();
const NORMALIZED_LIMIT = 20_000;
const MEMO_MAX_LENGTH = 200;

/** A label reduced for matching: half-width, no whitespace, no numbering, no
 *  "其中:" prefix, no trailing unit or colon. */
export function normLabel(raw: string | null | undefined): string {
  if (!raw) return '';
  if (raw.length > MEMO_MAX_LENGTH) return normalize(raw); // long text: rarely repeated, would bloat the memo
  let s = normalized.get(raw);
  if (s === undefined) {
    s = normalize(raw);
    if (normalized.size >= NORMALIZED_LIMIT) normalized.clear(); // bounded whatever the documents hold
    normalized.set(raw, s);
  }
  return s;
}

function normalize(raw: string): string {
  let s = toHalfWidth(raw).replace(WS, '');
  s = s.replace(CIRCLED_FORMULA, '').replace(STARS, '');
  s = s.replace(/[：:]+$/, '').replace(/:+$/, '');
  s = s.replace(NUMBERING, '');
  s = s.replace(/^其中[:：]?/, '');
  s = s.replace(NUMBERING, '');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(DECORATION_PAREN, '');
  }
  s = s.replace(UNCLOSED_UNIT, '').replace(CIRCLED, '');
  s = s.replace(/:+$/, '');
  return s;
}

/** Longest label a "contains" match is tried on: long cells are text, not labels. */
export const MAX_LABEL_LENGTH = 30;

/** The head of a header cell that prints a note after its name ("得分\n（执行率≥95%得10分；
 *  90%（含）-95%得8分；…）"): its first line, cut before the first bracket — the name
 *  the note explains, normalized. */
export function labelHead(raw: string): string {
  const first = raw.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return normLabel(first.split(/[(（]/)[0]);
}

/** How well a normalized label matches a normalized synonym: exact beats contained,
 *  longer synonyms beat shorter ones; 0 = no match. */
export function matchScore(label: string, synonym: string): number {
  if (!label || !synonym) return 0;
  if (label === synonym) return 1000 + synonym.length;
  if (label.length <= MAX_LABEL_LENGTH && label.includes(synonym)) return synonym.length;
  return 0;
}

/** Best score of a label against a list of synonyms. */
export function bestScore(label: string, synonyms: readonly string[]): number {
  let best = 0;
  for (const s of synonyms) {
    const v = matchScore(label, s);
    if (v > best) best = v;
  }
  return best;
}

/** True when the label equals one of the synonyms, or contains one (short labels only). */
export function matches(label: string, synonyms: readonly string[]): boolean {
  return bestScore(label, synonyms) > 0;
}

/** True when the label equals one of the synonyms exactly (after normalization). */
export function matchesExactly(label: string, synonyms: readonly string[]): boolean {
  return synonyms.includes(label);
}

/** The key a label means, or null. A label equal to a synonym takes that synonym's key
 *  (the longest wins); otherwise the first key, in the table's order, one of whose
 *  synonyms the label contains. The order is the precedence of meanings: labels combine
 *  words ("预算执行率" is a rate, "预算执行数" an actual, "年初预算数" an initial budget),
 *  so the more specific meaning is listed first and an unseen wording ("全年实际支出数")
 *  still lands by its telling word. `ignore` synonyms come before every key: a label
 *  meaning one of them maps to nothing (得分系数 is not 得分). */
export function bestKey<K extends string>(
  label: string,
  table: Partial<Record<K, readonly string[]>>,
  ignore: readonly string[] = NO_WORDS,
): K | null {
  if (!label) return null;
  let exactKey: K | null = null;
  let exactLength = 0;
  if (ignore.includes(label)) return null;
  // plain loops (for-in: the table's own keys, in order): asked for every cell of a form, with no array or closure per call
  for (const key in table) {
    const synonyms = table[key];
    if (!synonyms) continue;
    for (let i = 0; i < synonyms.length; i++) {
      const s = synonyms[i];
      if (s === label && s.length > exactLength) {
        exactKey = key;
        exactLength = s.length;
      }
    }
  }
  if (exactKey) return exactKey;
  if (label.length > MAX_LABEL_LENGTH) return null;
  if (containsAny(label, ignore) !== null) return null;
  for (const key in table) {
    const synonyms = table[key];
    if (synonyms && containsAny(label, synonyms) !== null) return key;
  }
  return null;
}

const NO_WORDS: readonly string[] = Object.freeze([]);

// bestKeyCached: per (synonym table, ignore list) object, label → key. Column-header
// mapping asks the same labels of every row, for every template, in every form.
const keyCaches = new WeakMap<object, WeakMap<readonly string[], Map<string, string | null>>>();
const KEY_CACHE_LIMIT = 5_000;

/** bestKey, remembered per label. Only for long-lived `table` and `ignore` objects
 *  (a template's or the lexicon's lists): a fresh object each call would never hit. */
export function bestKeyCached<K extends string>(
  label: string,
  table: Partial<Record<K, readonly string[]>>,
  ignore: readonly string[],
): K | null {
  let byIgnore = keyCaches.get(table);
  if (!byIgnore) keyCaches.set(table, (byIgnore = new WeakMap()));
  let byLabel = byIgnore.get(ignore);
  if (!byLabel) byIgnore.set(ignore, (byLabel = new Map()));
  let key = byLabel.get(label);
  if (key === undefined) {
    key = bestKey(label, table, ignore);
    if (byLabel.size >= KEY_CACHE_LIMIT) byLabel.clear(); // bounded whatever the documents hold
    byLabel.set(label, key);
  }
  return key as K | null;
}

/** Anywhere-in-text search (titles, headings): the label text contains a synonym. */
export function containsAny(text: string, synonyms: readonly string[]): string | null {
  for (let i = 0; i < synonyms.length; i++) {
    const s = synonyms[i]; // indexed: no iterator where this runs unoptimized
    if (s && text.includes(s)) return s;
  }
  return null;
}

/** Where a row label places its line in a printed list: a breakdown marker ("其中：", "含：",
 *  "—", "·": the lexicon's fund.breakdown) opens a breakdown of the line above; a numbering
 *  style ((1) ① 1. 一、 (一)) names a list level, its number whether it opens a list (1) or
 *  continues one; leading blanks indent a line under the one above ("　　　上级补助资金"
 *  continuing "其中：本级财政资金"). */
export interface ListMark {
  breakdown: boolean;
  /** The breakdown marker nearest the words: its group in the lexicon (markers of one group
   *  are one list level's, "—" and "-" alike) and the character it is printed at (leading
   *  blanks and the markers before it counted: "包括：·" prints its "·" at 3, where
   *  "　　　·" below it prints its own). Only on a breakdown. */
  marker?: { style: number; at: number };
  numbering: { style: string; first: boolean } | null;
  indented: boolean;
  /** Where the line's words start, in glyph widths (a blank or Latin character half of
   *  one): lines whose words stand at one place are one list's, however they got there
   *  ("其中：当年财政拨款" and "␣␣␣␣␣␣上年结转资金" under it). */
  wordsAt: number;
}

const HAN = /\p{Script=Han}/u;

/** The marker groups listMark reads when given none: 其中 alone. */
const QIZHONG: readonly (readonly string[])[] = [['其中']];

// Each numbering style and how its number is read; the style is the list level's name.
const NUMBER_STYLES: { style: string; re: RegExp }[] = [
  { style: '(1)', re: /^\(\s*([0-9]+)\s*\)/ },
  { style: '(一)', re: /^\(\s*([一二三四五六七八九十]+)\s*\)/ },
  { style: '1.', re: /^([0-9]+)[.、,](?![0-9])/ },
  { style: '一、', re: /^([一二三四五六七八九十]+)[、.]/ },
  { style: '①', re: /^([\u2460-\u2473])/ },
  { style: '❶', re: /^([\u2776-\u277F])/ },
];
const FIRST_NUMBER = new Set(['1', '一', '\u2460', '\u2776']);

/** The list mark of a printed row label (its raw text); `markers`: the breakdown marker
 *  groups (half-width, whitespace-free). */
export function listMark(raw: string, markers: readonly (readonly string[])[] = QIZHONG): ListMark {
  const text = toHalfWidth(raw).replace(/^[\u200B\uFEFF]+/, '');
  const lead = /^[\s\u3000\u00A0]*/.exec(text)?.[0].length ?? 0;
  let s = text.replace(WS, '');
  let marker: ListMark['marker'];
  let marked = 0;
  for (let at = lead, m = markerAt(s, markers); m; m = markerAt(s, markers)) {
    marker = { style: m.style, at };
    at += m.length;
    marked += m.length;
    s = s.slice(m.length);
  }
  const wordsAt = glyphsBefore(raw, marked);
  const mark = (numbering: ListMark['numbering']): ListMark =>
    marker ? { breakdown: true, marker, numbering, indented: lead > 0, wordsAt } : { breakdown: false, numbering, indented: lead > 0, wordsAt };
  for (const { style, re } of NUMBER_STYLES) {
    const m = re.exec(s);
    if (m) return mark({ style, first: FIRST_NUMBER.has(m[1]) });
  }
  return mark(null);
}

/** The width, in glyphs, of `raw` up to its `visible`-th character that is no blank: the
 *  leading blanks and the markers before the words (a full-width or CJK character one
 *  glyph, a half-width one half). */
function glyphsBefore(raw: string, visible: number): number {
  let width = 0;
  let seen = 0;
  for (const ch of raw) {
    const blank = /[\s\u3000\u00A0\u200B\uFEFF]/.test(ch);
    if (!blank && seen === visible) break;
    if (!blank) seen++;
    const code = ch.codePointAt(0)!;
    width += ch === '\u200B' || ch === '\uFEFF' ? 0 : code >= 0x2e80 ? 1 : 0.5;
  }
  return width;
}

/** The breakdown marker `s` begins with (and the colon after it): a word (其中) even alone in
 *  its cell (a column of its own beside the lines it marks), a sign ("-") only before words —
 *  alone it is a blank cell's placeholder. */
function markerAt(s: string, markers: readonly (readonly string[])[]): { style: number; length: number } | null {
  for (let style = 0; style < markers.length; style++) {
    for (const word of markers[style]) {
      if (!s.startsWith(word)) continue;
      const length = word.length + (/^[:：]/.test(s.slice(word.length)) ? 1 : 0);
      if (s.length > length || HAN.test(word)) return { style, length };
    }
  }
  return null;
}

/** A normalized line label without the breakdown markers it begins with ("含:中央衔接资金"
 *  → "中央衔接资金"; normLabel strips 其中 alone); the label itself when nothing follows them. */
export function unmarked(label: string, markers: readonly (readonly string[])[]): string {
  let s = label;
  for (let m = markerAt(s, markers); m; m = markerAt(s, markers)) s = s.slice(m.length);
  return s === label || s === '' ? label : normLabel(s);
}

/** A weight printed in a label: "得分(20分*执行率)", "年度绩效目标1(40分)", "（10分）" → "20",
 *  "40", "10"; null when the label prints none. */
export function printedWeight(text: string): string | null {
  const m = /[(（]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/.exec(text);
  return m ? toHalfWidth(m[1]).replace(/^0+(?=\d)/, '') : null;
}
