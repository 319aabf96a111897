// Reading one table cell into a normalized value, exactly as record.md's cell
// table says. Pure string work: no JS float ever touches a money figure.
import { INVISIBLE } from '../read/invisible.js';
import { NOTE_MARK } from '../read/superscript.js';

/** What a cell read produced: a value (or null) and, maybe, a note about it. */
export interface CellReading {
  value: string | null;
  /** 'nan': not a number (an error finding quotes the raw text);
   *  'fraction': a rate written as a fraction (an info finding);
   *  'unit': a money cell printing its own unit other than the form's ("11723500元"
   *  in a 万元 form), converted exactly (an info finding, rules.md check 32). */
  issue: 'nan' | 'fraction' | 'unit' | null;
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** One UTF-16 code: full-width ASCII (U+FF01–FF5E) to its half-width form, others unchanged. */
export function halfWidthCode(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** Full-width ASCII (０-９, ．, ，, －, ％ …) to half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(halfWidthCode(ch.charCodeAt(0))));
}

/** Any whitespace, including U+3000 and no-break spaces. */
const WS = /[\s\u3000\u00A0\u200B\uFEFF]+/g;

/** The text as lexicon words are written and matched: half-width, every whitespace removed. */
export function squeeze(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** The text as a regular expression matching it literally (a lexicon word inside a pattern). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Whitespace and invisible format characters (src/read/invisible.ts: soft hyphen, word
 *  joiner, LRM/RLM, bidi controls …): what a number or label cell loses before reading. */
const WS_OR_INVISIBLE = new RegExp(`(?:${WS.source}|${INVISIBLE.source})+`, 'g');

/** A line or paragraph break (w:br, a new w:p, Alt+Enter in a sheet cell, a new PDF line
 *  that is no wrap). */
const LINE_BREAK = '\\r\\n\\v\\f\\u2028\\u2029';
/** A digit (or its point or comma) ending one line and another beginning a later one:
 *  "20\n10", "9.5\n10" are two figures typed one under the other (two indicators in one
 *  row), never the one figure 2010 or 9.510. Spaces within a line still group digits
 *  ("1 234.56"), and a unit on the next line ("95.5\n分", "100\n%") stays the figure's. */
const DIGITS_ACROSS_LINES = new RegExp(
  `[0-9\\uFF10-\\uFF19.,\\uFF0E\\uFF0C](?:[^\\S${LINE_BREAK}]|${INVISIBLE.source})*[${LINE_BREAK}](?:${WS.source}|${INVISIBLE.source})*[0-9\\uFF10-\\uFF19.,\\uFF0E\\uFF0C]`,
);

/** The figures of a numeric cell typed on several lines ("20\n10" → ["20", "10"]), or null
 *  when the cell's digits do not run across a line break (it may still be one number). */
export function numberLines(raw: string | null | undefined): string[] | null {
  if (raw == null || !DIGITS_ACROSS_LINES.test(raw)) return null;
  return cellLines(raw);
}

const LINE_BREAKS = new RegExp(`[${LINE_BREAK}]+`);

/** A cell's lines (its paragraphs and the breaks within them), blank ones dropped, each
 *  with its whitespace folded to single spaces and trimmed. */
export function cellLines(raw: string): string[] {
  return raw
    .split(LINE_BREAKS)
    .map((line) => line.replace(WS_OR_INVISIBLE, ' ').trim())
    .filter((line) => line !== '');
}

/** Cells that mean "not given" in a numeric column. */
const PLACEHOLDERS = new Set(['', '-', '－', '—', '–', '——', '--', '/', '／', '无', '*', '＊', '\\', 'N/A', 'n/a', '/%', '-%']);

/** True when a raw cell is empty or a placeholder ("－", "—", "/", "无" …). */
export function isBlankCell(raw: string | null | undefined): boolean {
  if (raw == null) return true;
  const s = raw.replace(WS_OR_INVISIBLE, '');
  return PLACEHOLDERS.has(s) || PLACEHOLDERS.has(toHalfWidth(s));
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
// A thousands-grouped number: 1,028.49 (groups of exactly three digits).
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Normalizes "-0", "-0.00" to "0" / "0.00"; strips redundant leading zeros. */
function canonicalSign(s: string): string {
  let neg = s.startsWith('-');
  let body = neg ? s.slice(1) : s;
  body = body.replace(/^0+(?=\d)/, '');
  if (/^0(\.0+)?$/.test(body)) neg = false;
  if (s === '-0' || s === '0') return '0';
  return (neg ? '-' : '') + body;
}

/** Strips whitespace, full-width forms and thousands separators; returns a plain
 *  decimal string, or null when the text is no number. */
export function plainNumber(raw: string): string | null {
  if (DIGITS_ACROSS_LINES.test(raw)) return null;
  let s = toHalfWidth(raw.replace(WS_OR_INVISIBLE, ''));
  s = s.replace(/^[−﹣]/, '-');
  // An accountant's negative: "(12.00)", "（12.00）".
  const bracketed = /^\((\d[\d,.]*)\)$/.exec(s);
  if (bracketed) s = `-${bracketed[1]}`;
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN_DECIMAL.test(s)) return null;
  return canonicalSign(s);
}

/** Moves the decimal point `places` to the left, keeping every digit
 *  ("10284900.00" → 4 → "1028.490000"; "215457.6" → "21.54576"). */
export function shiftPointLeft(num: string, places: number): string {
  const neg = num.startsWith('-');
  const body = neg ? num.slice(1) : num;
  const [int, frac = ''] = body.split('.');
  const digits = int + frac;
  let point = int.length - places;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  let intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = padded.slice(point);
  const out = fracPart ? `${intPart}.${fracPart}` : intPart;
  return canonicalSign((neg ? '-' : '') + out);
}

/** Moves the decimal point `places` to the right ("0.985" → 2 → "98.5"; "1" → "100"). */
export function shiftPointRight(num: string, places: number): string {
  const neg = num.startsWith('-');
  const body = neg ? num.slice(1) : num;
  const [int, frac = ''] = body.split('.');
  const fracPadded = frac.padEnd(places, '0');
  const newInt = (int + fracPadded.slice(0, places)).replace(/^0+(?=\d)/, '');
  const newFrac = fracPadded.slice(places);
  return canonicalSign((neg ? '-' : '') + (newFrac ? `${newInt}.${newFrac}` : newInt));
}

/** A footnote reference mark after the figure ("9.50¹", "218.50万元²"; the readers give a raised
 *  run its superscript characters) is no part of it: the figure is read without it. */
const TRAILING_NOTE_MARK = new RegExp(`(?<=\\S)${NOTE_MARK}$`);

function withoutNoteMark(s: string): string {
  return s.replace(TRAILING_NOTE_MARK, '');
}

/** A money cell, in the form's own unit → 万元. A trailing 万元/万/元 is allowed: the form's
 *  own unit is no issue; the other one is what the cell means — converted exactly by
 *  moving the point ("11723500元" → "1172.3500"; "20万元" in a 元 form → "20"), issue 'unit'. */
export function readMoney(raw: string | null | undefined, sourceUnit: '万元' | '元' = '万元'): CellReading {
  if (isBlankCell(raw)) return { value: null, issue: null };
  if (DIGITS_ACROSS_LINES.test(raw as string)) return { value: null, issue: 'nan' };
  let s = withoutNoteMark((raw as string).replace(WS_OR_INVISIBLE, ''));
  // "1250.5万" is short for 万元 as clerks type it.
  const printed = /(万元|万|元)$/.exec(s)?.[1];
  if (printed) s = s.slice(0, -printed.length);
  const n = plainNumber(s);
  if (n === null) return { value: null, issue: 'nan' };
  const unit = printed === '元' ? '元' : printed ? '万元' : sourceUnit;
  return { value: unit === '元' ? shiftPointLeft(n, 4) : n, issue: unit === sourceUnit ? null : 'unit' };
}

/** A rate cell → percent units without the sign. "0.985" (no %, ≤ 1.5) is a fraction. */
export function readRate(raw: string | null | undefined): CellReading {
  if (isBlankCell(raw)) return { value: null, issue: null };
  if (DIGITS_ACROSS_LINES.test(raw as string)) return { value: null, issue: 'nan' };
  let s = withoutNoteMark(toHalfWidth((raw as string).replace(WS_OR_INVISIBLE, '')));
  const hasPercent = /%$/.test(s);
  if (hasPercent) s = s.slice(0, -1);
  const n = plainNumber(s);
  if (n === null) return { value: null, issue: 'nan' };
  if (!hasPercent && isFractionRate(n)) return { value: shiftPointRight(n, 2), issue: 'fraction' };
  return { value: n, issue: null };
}

function isFractionRate(n: string): boolean {
  // at most 1.5, compared as decimal strings (no floats): int part 0, or 1 with frac ≤ .5
  if (n.startsWith('-')) return false;
  const [int, frac = ''] = n.split('.');
  if (int === '0') return true;
  if (int !== '1') return false;
  const f = frac.padEnd(1, '0');
  return f[0] < '5' || (f[0] === '5' && /^5?0*$/.test(frac));
}

/** A score or weight cell ("5", "7.5", "5分"). `names` are the words that name what the
 *  cell is (the lexicon's score or weight column words, the total row's labels): a cell
 *  printing one as its label before the figure ("自评得分：99.20", "总分: 100") reads as the
 *  figure. */
export function readScore(raw: string | null | undefined, names: readonly string[] = []): CellReading {
  if (isBlankCell(raw)) return { value: null, issue: null };
  if (DIGITS_ACROSS_LINES.test(raw as string)) return { value: null, issue: 'nan' };
  const s = withoutOwnLabel(withoutNoteMark((raw as string).replace(WS_OR_INVISIBLE, '')), names).replace(/分$/, '');
  const n = plainNumber(s);
  if (n === null) return { value: null, issue: 'nan' };
  return { value: n, issue: null };
}

/** Longest label taken to name the cell: a longer "…：" prefix is a sentence. */
const MAX_OWN_LABEL = 10;

/** "自评得分：99.20" → "99.20" when the label before the colon ends in one of `names` (its
 *  head word says what the cell is: 自评得分, 合计得分 are 得分). Any other label stays, so
 *  the cell is no number: "其中：12.00" and "指标1：8" say what they are part of, and
 *  "得分率：95%" or "扣分：2" is not the score. */
function withoutOwnLabel(s: string, names: readonly string[]): string {
  if (names.length === 0) return s;
  const m = /^([^:：]+)[:：](.+)$/.exec(s);
  if (!m || m[1].length > MAX_OWN_LABEL) return s;
  const label = toHalfWidth(m[1]);
  return names.some((w) => w !== '' && label.endsWith(w)) ? m[2] : s;
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F';
const WRAPPED_BREAK = new RegExp(`(?<=[${CJK}])[\\s\\u3000\\u00A0]*[\\r\\n][\\s\\u3000\\u00A0]*(?=[${CJK}])`, 'g');

/** Free text with whitespace folded (record.md): a whitespace run holding a line
 *  break between two CJK characters disappears (a wrapped line), any other run
 *  becomes one space; ends trimmed. Empty → null. */
export function foldText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = raw.replace(WRAPPED_BREAK, '').replace(WS, ' ').trim();
  return s === '' ? null : s;
}

/** A label for matching: every whitespace removed ("经济效益\n指标" → "经济效益指标"). */
export function labelText(raw: string | null | undefined): string {
  return (raw ?? '').replace(WS_OR_INVISIBLE, '');
}
