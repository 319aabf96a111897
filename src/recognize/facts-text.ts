// Text plumbing for narrative facts: a matching view of a paragraph (half-width,
// no whitespace, no quotation marks) that remembers where each character came
// from, its sentences and clauses, and the money and percent figures in a clause.
import { foldText, halfWidthCode, plainNumber, shiftPointLeft, shiftPointRight } from '../normalize/cell.js';
import { APPROX_AFTER } from './facts-lexicon.js';

/** A paragraph as matched: `text[i]` came from `source[origin[i]]`. */
export interface MatchView {
  source: string;
  text: string;
  origin: number[];
}

// Dropped for matching: whitespace and quotation marks (“三公”经费 = 三公经费).
const DROPPED = new Set([...'\u3000\u00A0\u200B\uFEFF\u2028\u2029“”‘’"\'「」『』〝〞'].map((c) => c.charCodeAt(0)));
const isDropped = (code: number) => code <= 0x20 || DROPPED.has(code);

export function matchView(source: string): MatchView {
  const codes: number[] = [];
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    // Full-width ASCII (０-９, ．, ，, （） …) to half-width, code by code to keep the origin map.
    const code = halfWidthCode(source.charCodeAt(i));
    if (isDropped(code)) {
      // Whitespace between two digits stays one space, so "表1 1150.05万元"
      // does not read as 11150.05.
      if (code <= 0x20 && isDigit(codes[codes.length - 1]) && nextKeptIsDigit(source, i + 1)) {
        codes.push(0x20);
        origin.push(i);
      }
      continue;
    }
    codes.push(code);
    origin.push(i);
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
  return { source, text, origin };
}

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

function nextKeptIsDigit(source: string, from: number): boolean {
  for (let j = from; j < source.length; j++) {
    const code = halfWidthCode(source.charCodeAt(j));
    if (isDropped(code)) continue;
    return isDigit(code);
  }
  return false;
}

/** Matching form of a lexicon word (same folding as the text). */
export function foldWord(word: string): string {
  return matchView(word).text;
}

/** A clause: `[start, end)` in the view's text, delimiters excluded. */
export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = new Set(['。', ';', '!', '?'].map((c) => c.charCodeAt(0)));
const COMMA = 0x2c;

/** Sentences of a paragraph, each a list of clauses (split on ，。；！？). A
 *  half-width comma inside a digit group ("1,028.49") splits nothing. */
export function sentences(view: MatchView): Span[][] {
  const out: Span[][] = [];
  let clauses: Span[] = [];
  let start = 0;
  const { text, source, origin } = view;
  const close = (end: number, endsSentence: boolean) => {
    if (end > start) clauses.push({ start, end });
    start = end + 1;
    if (endsSentence && clauses.length) {
      out.push(clauses);
      clauses = [];
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (SENTENCE_END.has(code)) close(i, true);
    else if (code === COMMA && !isDigitGroupComma(text, source, origin, i)) close(i, false);
  }
  close(text.length, true);
  return out;
}

const GROUP_TAIL = /\d{3}(?!\d)/y;
function isDigitGroupComma(text: string, source: string, origin: number[], i: number): boolean {
  if (source[origin[i]] !== ',') return false; // a Chinese "，" always separates clauses
  if (!/\d/.test(text[i - 1] ?? '')) return false;
  GROUP_TAIL.lastIndex = i + 1;
  return GROUP_TAIL.test(text);
}

/** The printed text of `[start, end)`: trimmed, without a leading enumerator
 *  ("（二）", "1.", "一、", "①"), so it quotes the clause as a person reads it. */
export function quoteOf(view: MatchView, start: number, end: number): string {
  if (end <= start) return '';
  // From just after the previous delimiter to the next one, so a dropped
  // opening or closing quotation mark (“三公”) stays in the quote.
  const from = start > 0 ? view.origin[start - 1] + 1 : 0;
  const to = end < view.origin.length ? view.origin[end] : view.source.length;
  const raw = view.source.slice(from, to);
  return stripEnumerator(foldText(raw) ?? '');
}

const ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*/;
export function stripEnumerator(s: string): string {
  return s.replace(ENUMERATOR, '');
}

/** A money figure in a clause, already in 万元. */
export interface MoneyFigure {
  start: number; // of the number (or of an approximation word before it)
  end: number; // after the unit and any trailing approximation word
  numberStart: number;
  value: string;
  approx: boolean;
  /** Set where the unit shift makes `value`'s digits overstate the printed figure (Fact.decimals). */
  decimals?: number;
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
// Not money facts: a rate ("0.5万元/人"), a threshold ("50万元以上"), the end of a range ("20-30万元").
const MONEY = new RegExp(
  String.raw`(?<![\d.,\-~—])${NUMBER}(余|多)?(万|亿)?(余|多)?元(${APPROX_AFTER.join('|')})?(?![/每]|以上|以下|以内|及以上|及以下)`,
  'g',
);
// A zero needs no unit ("因公出国（境）费、公务用车购置费均为0"): a bare 0 (0.00, 零) that ends its
// clause or list item, not a count's ("0人次") nor part of a longer number or numeral.
const BARE_ZERO = /(?<![\d.,\-~—一二三四五六七八九十百千万亿零〇两])(0(?:\.0+)?|零)(?=$|[)、])/g;
const PERCENT = new RegExp(String.raw`(?<![\d.,])${NUMBER}%`, 'g');
// A range ("12万元至15万元", "12至15万元") states no one figure: neither end is a fact.
const RANGE_JOIN = '(?:至|到|~|-|—|〜)';
const RANGE_HEAD = new RegExp(String.raw`^\s*${RANGE_JOIN}\s*(?:约|近)?${NUMBER}(?:余|多)?(?:万|亿)?(?:余|多)?元`);
const RANGE_TAIL = new RegExp(String.raw`\d(?:余|多)?(?:万|亿)?(?:余|多)?元?\s*${RANGE_JOIN}\s*(?:约|近)?$`);

/** Money figures in `text` (a clause): 万元 as printed, 亿元 × 10000, 元 ÷ 10000,
 *  digits kept, and the printed precision with them; "万余元", "多万元", "…左右" are approximate.
 *  A bare zero is money too: zero in any unit is zero. */
export function moneyFigures(text: string, offset = 0): MoneyFigure[] {
  const out: MoneyFigure[] = [];
  if (!/[\d零]/.test(text)) return out;
  for (const m of text.matchAll(MONEY)) {
    const n = plainNumber(m[1]);
    if (n === null) continue;
    const at = m.index ?? 0;
    if (RANGE_HEAD.test(text.slice(at + m[0].length)) || RANGE_TAIL.test(text.slice(0, at))) continue;
    const unit = m[3];
    const value = unit === '万' ? n : unit === '亿' ? shiftPointRight(n, 4) : shiftPointLeft(n, 4);
    const start = offset + at;
    out.push({
      start,
      end: start + m[0].length,
      numberStart: start,
      value,
      approx: Boolean(m[2] || m[4] || m[5]),
      ...yiDecimals(n, unit),
    });
  }
  for (const m of text.matchAll(BARE_ZERO)) {
    const start = offset + (m.index ?? 0);
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    out.push({ start, end: start + m[0].length, numberStart: start, value: m[1] === '零' ? '0' : m[1], approx: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "1.17亿元" is 11700万元 good to ± 0.005亿元 = ± 50万元, which the shifted digits no longer
 *  say: its decimals in 万元 (−2). A 亿元 figure printed whole is exact (rules.md: a value
 *  printed without decimals), and 元 ÷ 10000 keeps every digit, so their values say it all. */
function yiDecimals(n: string, unit: string | undefined): { decimals?: number } {
  if (unit !== '亿') return {};
  const printed = n.includes('.') ? n.length - n.indexOf('.') - 1 : 0;
  return printed > 0 && printed <= 4 ? { decimals: printed - 4 } : {};
}

export interface PercentFigure {
  start: number;
  end: number;
  value: string;
}

export function percentFigures(text: string, offset = 0): PercentFigure[] {
  const out: PercentFigure[] = [];
  if (!text.includes('%')) return out;
  for (const m of text.matchAll(PERCENT)) {
    const n = plainNumber(m[1]);
    if (n === null) continue;
    const start = offset + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, value: n });
  }
  return out;
}

/** The longest of `words` that `text` ends with at `end`, or ''. */
export function wordEndingAt(text: string, end: number, words: string[]): string {
  let best = '';
  for (const w of words) if (w.length > best.length && end >= w.length && text.startsWith(w, end - w.length)) best = w;
  return best;
}

/** True when `s` is a (possibly empty) run of `words`. */
export function isRunOf(s: string, words: string[]): boolean {
  const reach = new Array<boolean>(s.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!reach[i]) continue;
    for (const w of words) if (s.startsWith(w, i)) reach[i + w.length] = true;
  }
  return reach[s.length];
}
