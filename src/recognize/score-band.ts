// A scoring band the form prints for the fund score ("得分（执行率≥95%得10分；90%（含）-95%得8分；
// 80%（含）-90%得6分；80%以下不得分）"): the form's own rule, which check 7 then applies instead
// of weight × rate. Read whole or not at all — a band with one step not understood is kept as
// printed but unread (its steps null), so no check applies a rule the form did not state.
import { Decimal } from 'decimal.js';
import type { ScoreBandStep } from '../model/record.js';
import { escapeRegExp, squeeze } from '../normalize/cell.js';
import type { ScoreBandWords } from './template-schema.js';

type Side = 'from' | 'to';

type Token =
  | { kind: 'num'; value: string; percent: boolean }
  /** A comparison word; `after`: printed after its number (以上, 以下). */
  | { kind: 'cmp'; side: Side; included: boolean | null; after: boolean }
  | { kind: 'incl'; included: boolean }
  | { kind: 'range' }
  | { kind: 'points' }
  | { kind: 'unit' }
  | { kind: 'none' }
  | { kind: 'filler' }
  | { kind: 'sep' }
  /** A character no word of the lexicon reads. */
  | { kind: 'other' };

interface Bound {
  value: string;
  side: Side | null;
  included: boolean | null;
}

export interface BandReading {
  text: string;
  steps: ScoreBandStep[] | null;
}

const NUMBER = /^\d+(?:\.\d+)?/;

const wordCache = new WeakMap<ScoreBandWords, [string, Token][]>();

/** Every word of the lexicon with the token it stands for, longest first (不得分 before 得). */
function wordTokens(w: ScoreBandWords): [string, Token][] {
  let hit = wordCache.get(w);
  if (hit) return hit;
  const out: [string, Token][] = [];
  const add = (list: string[], tok: Token) => list.forEach((x) => out.push([x, tok]));
  add(w.separators, { kind: 'sep' });
  add(w.noPoints, { kind: 'none' });
  add(w.points, { kind: 'points' });
  add(w.pointsUnit, { kind: 'unit' });
  add(w.before.from, { kind: 'cmp', side: 'from', included: true, after: false });
  add(w.before.above, { kind: 'cmp', side: 'from', included: false, after: false });
  add(w.before.to, { kind: 'cmp', side: 'to', included: true, after: false });
  add(w.before.below, { kind: 'cmp', side: 'to', included: false, after: false });
  add(w.after.fromIncluded, { kind: 'cmp', side: 'from', included: true, after: true });
  add(w.after.from, { kind: 'cmp', side: 'from', included: null, after: true });
  add(w.after.toIncluded, { kind: 'cmp', side: 'to', included: true, after: true });
  add(w.after.to, { kind: 'cmp', side: 'to', included: null, after: true });
  add(w.included, { kind: 'incl', included: true });
  add(w.excluded, { kind: 'incl', included: false });
  add(w.range, { kind: 'range' });
  add(w.filler, { kind: 'filler' });
  out.sort((a, b) => b[0].length - a[0].length);
  wordCache.set(w, (hit = out));
  return hit;
}

/** True when the text prints a scoring band: a percentage and a points wording (得10分, 不得分). */
export function printsScoreBand(raw: string, w: ScoreBandWords): boolean {
  const s = squeeze(raw);
  if (!/\d%/.test(s)) return false;
  if (w.noPoints.some((x) => s.includes(x))) return true;
  return w.pointsUnit.some((u) => new RegExp(`\\d${escapeRegExp(u)}`, 'u').test(s));
}

/** The text as tokens. */
function tokenize(s: string, w: ScoreBandWords): Token[] {
  const words = wordTokens(w);
  const out: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const m = NUMBER.exec(s.slice(i));
    if (m) {
      const percent = s[i + m[0].length] === '%';
      out.push({ kind: 'num', value: m[0], percent });
      i += m[0].length + (percent ? 1 : 0);
      continue;
    }
    const hit = words.find(([word]) => s.startsWith(word, i));
    out.push(hit ? hit[1] : { kind: 'other' });
    i += hit ? hit[0].length : 1;
  }
  return out;
}

/** Splits a text's tokens at its separators; a clause holding no number and no points
 *  (the band's title, 注：得分按以下标准) says no step. */
function clauses(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'sep') out.push([]);
    else out[out.length - 1].push(t);
  }
  const said = out.filter((c) => c.some((t) => t.kind === 'num' || t.kind === 'none'));
  // "执行率≥95%的，得10分": points standing alone are the clause's before them.
  const joined: Token[][] = [];
  for (const c of said) {
    const prev = joined[joined.length - 1];
    if (prev && !c.some(isRate) && prev.some(isRate) && !prev.some(isPoints)) prev.push(...c);
    else joined.push(c);
  }
  return joined;
}

function isRate(t: Token): boolean {
  return t.kind === 'num' && t.percent;
}

function isPoints(t: Token): boolean {
  return t.kind === 'none' || t.kind === 'points' || t.kind === 'unit';
}

/** A clause's points: [得] n 分, or 不得分 (0); the rest of its tokens. Null unless exactly one. */
function takePoints(c: Token[]): { points: string; rest: Token[] } | null {
  let points: string | null = null;
  const rest: Token[] = [];
  for (let i = 0; i < c.length; i++) {
    const t = c[i];
    const next = c[i + 1];
    if (t.kind === 'none') {
      if (points !== null) return null;
      points = '0';
    } else if (t.kind === 'num' && !t.percent && next?.kind === 'unit') {
      if (points !== null) return null;
      points = t.value;
      i++;
      if (rest[rest.length - 1]?.kind === 'points') rest.pop();
    } else rest.push(t);
  }
  if (points === null || rest.some((t) => t.kind === 'points' || t.kind === 'unit')) return null;
  return { points, rest };
}

/** The rate bounds a clause's tokens state; null when they do not read as one interval. */
function bounds(tokens: Token[]): Bound[] | null {
  const out: Bound[] = [];
  let pending: { side: Side; included: boolean | null } | null = null;
  let afterRange = false;
  let prev: Token | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const last = out[out.length - 1];
    if (t.kind === 'num') {
      // A number without % only as one end of a range (90-95%).
      if (!t.percent && !afterRange && tokens[i + 1]?.kind !== 'range') return null;
      if (afterRange && pending) return null; // 90%-≤95%: no wording read
      out.push({ value: t.value, side: afterRange ? 'to' : (pending?.side ?? null), included: pending?.included ?? null });
      pending = null;
      afterRange = false;
    } else if (t.kind === 'cmp' && t.after) {
      if (prev?.kind !== 'num' && prev?.kind !== 'incl') return null;
      if (!last || last.side !== null) return null;
      last.side = t.side;
      if (last.included === null) last.included = t.included;
    } else if (t.kind === 'cmp') {
      if (prev?.kind === 'num' && last && last.side === null) {
        // 90%≤执行率: the number is the rate's lower end (its upper end for ≥).
        last.side = t.side === 'from' ? 'to' : 'from';
        last.included = t.included;
      } else if (pending) return null;
      else pending = { side: t.side, included: t.included };
    } else if (t.kind === 'incl') {
      if (!last || last.included !== null || (prev?.kind !== 'num')) return null;
      last.included = t.included;
    } else if (t.kind === 'range') {
      if (!last || afterRange || (last.side !== null && last.side !== 'from')) return null;
      last.side = 'from';
      afterRange = true;
    } else if (t.kind !== 'filler') return null;
    if (t.kind !== 'filler') prev = t;
  }
  if (pending || afterRange || out.length === 0 || out.length > 2) return null;
  if (out.some((b) => b.side === null)) return null;
  if (out.length === 2 && out[0].side === out[1].side) return null;
  return out;
}

function step(c: Token[]): ScoreBandStep | null {
  const p = takePoints(c);
  if (!p) return null;
  const b = bounds(p.rest);
  if (!b) return null;
  const from = b.find((x) => x.side === 'from');
  const to = b.find((x) => x.side === 'to');
  return { from: from?.value ?? null, fromIncluded: from ? from.included : null, to: to?.value ?? null, toIncluded: to ? to.included : null, points: p.points };
}

/** An end the form leaves open (90%-95%, 80%以下) where the step beside it states the shared
 *  end (≥95%, 80%（含）-90%): it is the complement — each rate falls in one step. */
function closeOpenEnds(steps: ScoreBandStep[]): void {
  for (const s of steps) {
    if (s.to !== null && s.toIncluded === null) {
      const other = steps.find((o) => o !== s && o.from !== null && o.fromIncluded !== null && sameNumber(o.from, s.to as string));
      if (other) s.toIncluded = !other.fromIncluded;
    }
    if (s.from !== null && s.fromIncluded === null) {
      const other = steps.find((o) => o !== s && o.to !== null && o.toIncluded !== null && sameNumber(o.to, s.from as string));
      if (other) s.fromIncluded = !other.toIncluded;
    }
  }
}

function sameNumber(a: string, b: string): boolean {
  return new Decimal(a).eq(b);
}

/** The band a text prints, or null when it prints none. Its steps are null when any part
 *  that says a rate or points does not read as one step (每降低1%扣0.5分). */
export function readScoreBand(raw: string, w: ScoreBandWords): BandReading | null {
  if (!printsScoreBand(raw, w)) return null;
  const text = squeeze(raw);
  const steps: ScoreBandStep[] = [];
  for (const c of clauses(tokenize(text, w))) {
    const s = step(c);
    if (!s) return { text, steps: null };
    steps.push(s);
  }
  if (steps.length === 0) return { text, steps: null };
  closeOpenEnds(steps);
  return { text, steps };
}
