// Label matching: a printed label ("（1）财政\n拨款（万元）", "执 行 率", "其中：人员支出")
// reduced to a comparable key, and the best synonym match among a template's lists.
import { toHalfWidth } from '../normalize/cell.js';

const WS = /[\s\u3000\u00A0\u200B\uFEFF]+/g;
// Leading numbering: (1) 1. 1、 一、 (一) ① … repeated ("一、(1)").
const NUMBERING = /^(?:\(\s*[0-9一二三四五六七八九十]+\s*\)|[0-9]+[.、,](?![0-9])|[一二三四五六七八九十]+[、.]|[\u2460-\u2473\u2776-\u277F])+/;
// Trailing marks: a unit (万元) (元) (单位:万元) (%), a column letter or formula
// (A) (B/A) (B÷A×100%), a printed weight (100分).
const TRAILING_UNIT = /(?:\((?:(?:金额)?(?:单位:)?(?:万元|元|%|分)|[A-Za-z][A-Za-z0-9/×*÷+\-%]*|[0-9]+(?:\.[0-9]+)?分)\))+$/;

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
  s = s.replace(/[：:]+$/, '').replace(/:+$/, '');
  s = s.replace(NUMBERING, '');
  s = s.replace(/^其中[:：]?/, '');
  s = s.replace(NUMBERING, '');
  s = s.replace(TRAILING_UNIT, '');
  s = s.replace(/:+$/, '');
  return s;
}

/** Longest label a "contains" match is tried on: long cells are text, not labels. */
export const MAX_LABEL_LENGTH = 30;

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

/** The key whose synonyms match the label best, or null. `ignore` synonyms compete
 *  as a key of their own: a label best matched by them maps to nothing. */
export function bestKey<K extends string>(
  label: string,
  table: Partial<Record<K, readonly string[]>>,
  ignore: readonly string[] = [],
): K | null {
  let bestK: K | null = null;
  let best = bestScore(label, ignore);
  for (const key of Object.keys(table) as K[]) {
    const v = bestScore(label, table[key] ?? []);
    if (v > best) {
      best = v;
      bestK = key;
    }
  }
  return bestK;
}

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
  for (const s of synonyms) if (s && text.includes(s)) return s;
  return null;
}
