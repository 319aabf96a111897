// Stated changes ("比预算减少9万元，降低100%", "同比增长12.5%") → record.md's
// `narrative.changes`. A change needs a concept as its subject: in its own clause
// before the comparison word, or in an earlier clause of the same sentence when
// the change clause opens with no subject of its own. Figures a change uses — its
// amount, and the figure it compares with ("比上年3520.18万元减少…") — are never facts.
import type { Change } from '../model/record.js';
import type { Mention } from './facts-concepts.js';
import { APPROX_BEFORE, BREAKDOWN_OPENERS, CHANGE_NEUTRAL_OPENERS, CHANGE_VERBS, CHANGE_VERB_FILLERS, FILLERS } from './facts-lexicon.js';
import { isRunOf, quoteOf, stripEnumerator, type MatchView, type MoneyFigure, type PercentFigure, type Span } from './facts-text.js';

/** One clause with what was found in it (view coordinates). */
export interface ClauseScan {
  span: Span;
  mentions: Mention[];
  money: MoneyFigure[];
  percents: PercentFigure[];
}

interface VerbHit {
  direction: 'increase' | 'decrease';
  verbStart: number;
  amount: MoneyFigure | null;
  percent: PercentFigure | null;
}

/** The change verbs, longest first (减少了 before 减少). */
export const VERBS = [...CHANGE_VERBS].sort((a, b) => b.word.length - a.word.length);
const VERB_FIRST = new Set(VERBS.map((v) => v.word[0]));
export const COMPARISON = /与[^,]{0,12}?相比|同比|环比|相比|较|比(?!例|重|率)/;
const COMPARISONS = new RegExp(COMPARISON.source, 'g');

export interface ChangeScan {
  /** Each change with the mention of its subject. */
  changes: Array<{ change: Change; subject: Mention }>;
  /** `start` of every money figure a change used or compared with. */
  used: Set<number>;
  /** A budget compared with that is the form's own ("全年预算数为2,106.20万元，较年初预算
   *  1,850.00万元调增…"): its mention, with the mention of what is compared with it. */
  ownBases: Map<Mention, Mention>;
}

export function findChanges(view: MatchView, clauses: ClauseScan[], paragraph: number): ChangeScan {
  const text = view.text;
  const changes: ChangeScan['changes'] = [];
  const used = new Set<number>();
  const merged = new Set<number>(); // clauses absorbed into an earlier change
  const ownBases = new Map<Mention, Mention>();

  for (let k = 0; k < clauses.length; k++) {
    if (merged.has(k)) continue;
    const c = clauses[k];
    const hits = verbHits(text, c);
    for (const { figure, named } of comparedFigures(text, c, hits)) {
      const subject = named ? ownBudgetSubject(clauses, k, named) : null;
      if (subject && named) ownBases.set(named, subject);
      else used.add(figure.start);
    }
    for (const hit of hits) {
      let last = k;
      let percent = hit.percent;
      // "比预算减少9万元，降低100%": the percent in the next clause belongs to this change.
      if (hit.amount && !percent && k + 1 < clauses.length) {
        const next = clauses[k + 1];
        const lead = verbHits(text, next).find((h) => h.percent && !h.amount);
        if (lead && lead.direction === hit.direction && isPercentOnlyClause(text, next, lead)) {
          percent = lead.percent;
          last = k + 1;
          merged.add(k + 1);
        }
      }
      const subject = subjectOf(text, clauses, k, hit.verbStart, used);
      if (!subject) continue;
      if (hit.amount) used.add(hit.amount.start);
      const startClause = clauses[subject.clause].span;
      const quote = quoteOf(view, startClause.start, clauses[last].span.end);
      const concept = subject.mention.concept as string;
      const whole = subject.clause < k ? wholeOfList(text, clauses, subject.clause, last, concept) : null;
      const change: Change = {
        concept,
        amount: hit.amount ? hit.amount.value : null,
        direction: hit.direction,
        percent: percent ? percent.value : null,
        quote,
        paragraph,
        ...(whole ? { whole } : {}),
      };
      changes.push({ change, subject: subject.mention });
    }
  }
  return { changes, used, ownBases };
}

/** Change verbs in a clause that are followed by an amount or a percent. */
function verbHits(text: string, c: ClauseScan): VerbHit[] {
  const out: VerbHit[] = [];
  if (!c.money.length && !c.percents.length) return out; // nothing a change could state
  const { start, end } = c.span;
  for (let p = start; p < end; p++) {
    if (!VERB_FIRST.has(text[p])) continue;
    if (c.mentions.some((m) => p >= m.start && p < m.end)) continue; // "调增" is a concept, not a verb
    const verb = VERBS.find((v) => text.startsWith(v.word, p));
    if (!verb) continue;
    if (verb.word.length === 1 && !COMPARISON.test(text.slice(start, p))) continue;
    const q = skipRun(text, p + verb.word.length, end, [...CHANGE_VERB_FILLERS, ...APPROX_BEFORE]);
    const amount = c.money.find((f) => f.start === q) ?? null;
    let percent = c.percents.find((f) => f.start === q) ?? null;
    if (!amount && !percent) continue;
    if (amount) {
      // "减少9万元（降低100%）" or "减少9万元、下降100%" in the same clause.
      const after = text.slice(amount.end, end);
      const pm = /^[(、]?(?:(增长|增加|上升|提高|下降|降低|减少|增幅|降幅|减幅)(?:了|幅度|为|达)*)?(?=\d)/.exec(after);
      if (pm) {
        const pf = c.percents.find((f) => f.start === amount.end + pm[0].length);
        const dir = pm[1] ? VERBS.find((v) => v.word === pm[1])!.direction : verb.direction;
        if (pf && dir === verb.direction) percent = pf;
      }
    }
    out.push({ direction: verb.direction, verbStart: p, amount, percent });
    p = (percent ?? amount)!.end - 1;
  }
  return out;
}

/** Concepts whose word states a change itself ("较年初预算调增256.20万元"): what is compared
 *  stands before them, as before a change verb. */
const CHANGE_CONCEPTS = ['budget.added', 'budget.cut'];
/** Concepts of the form's whole: a budget compared with one of them is the form's budget too. */
const isWhole = (concept: string) => concept.startsWith('budget.') || concept === 'spending.total' || concept === 'funds.received';

/** "比上年决算支出3520.18万元减少63.98万元", "与上年3520.18万元相比": the first
 *  figure after a comparison word, before its change verb (or a word of 调增/调减), is what
 *  is compared with; `named`: the budget concept naming it right after the comparison word
 *  ("较年初预算1,850.00万元"), if one does. */
function comparedFigures(text: string, c: ClauseScan, hits: VerbHit[]): Array<{ figure: MoneyFigure; named: Mention | null }> {
  const out: Array<{ figure: MoneyFigure; named: Mention | null }> = [];
  const clause = text.slice(c.span.start, c.span.end);
  for (const m of clause.matchAll(COMPARISONS)) {
    const at = c.span.start + (m.index ?? 0);
    const verb = hits.find((h) => h.verbStart > at)?.verbStart ?? c.span.end;
    const changeWord = c.mentions.find((x) => x.start > at && x.concept !== null && CHANGE_CONCEPTS.includes(x.concept))?.start ?? c.span.end;
    const base = c.money.find((f) => f.start > at && f.end <= Math.min(verb, changeWord));
    if (!base || hits.some((h) => h.amount === base)) continue;
    const named = c.mentions.find((x) => x.start === at + m[0].length && x.end <= base.start) ?? null;
    const ownNaming = named?.concept?.startsWith('budget.') && isRunOf(text.slice(named.end, base.start), FILLERS);
    out.push({ figure: base, named: ownNaming ? named : null });
  }
  return out;
}

/** What a budget compared with is compared to, when that is one of the form's wholes: the
 *  last concept its sentence names before it ("全年预算数为2,106.20万元，较年初预算…"). A
 *  line's ("“三公”经费支出12.36万元，比年初预算15.00万元减少…") is that line's budget. */
function ownBudgetSubject(clauses: ClauseScan[], k: number, named: Mention): Mention | null {
  for (let j = k; j >= 0; j--) {
    const before = clauses[j].mentions.filter((x) => x.end <= named.start && x.concept);
    if (before.length) {
      const subject = before[before.length - 1];
      return isWhole(subject.concept as string) ? subject : null;
    }
  }
  return null;
}

/** A clause that only states a percent change ("降低100%", "同比下降12.5%"). */
function isPercentOnlyClause(text: string, c: ClauseScan, hit: VerbHit): boolean {
  const before = text.slice(c.span.start, hit.verbStart);
  return c.mentions.length === 0 && c.money.length === 0 && /^(同比|环比)?$/.test(before);
}

function skipRun(text: string, from: number, to: number, words: string[]): number {
  let q = from;
  for (;;) {
    const w = words.find((x) => text.startsWith(x, q) && q + x.length <= to);
    if (!w) return q;
    q += w.length;
  }
}

/** The concept a change speaks of, and the clause that names it. */
function subjectOf(
  text: string,
  clauses: ClauseScan[],
  k: number,
  verbStart: number,
  used: Set<number>,
): { mention: Mention; clause: number } | null {
  const c = clauses[k];
  const head = text.slice(c.span.start, verbStart);
  const cmp = COMPARISON.exec(head);
  const subjectEnd = c.span.start + (cmp ? cmp.index : head.length);
  const own = c.mentions.filter((m) => m.end <= subjectEnd);
  if (own.length) {
    // The concept must be the subject itself ("公务接待费支出0万元比预算…"), not
    // a word before it ("基本支出中的专项资金较上年…").
    const m = own[own.length - 1];
    let gap = text.slice(m.end, subjectEnd);
    for (const f of c.money) if (f.start >= m.end && f.end <= subjectEnd) gap = gap.replace(text.slice(f.start, f.end), '');
    gap = gap.replace(/\d{4}年度?/g, '');
    return m.concept && isRunOf(gap, FILLERS) ? { mention: m, clause: k } : null;
  }
  // No subject in the clause: allowed only when it opens with nothing of its own.
  const opener = stripEnumerator(text.slice(c.span.start, subjectEnd)).replace(/^\d{4}年/, '');
  if (!isRunOf(opener, CHANGE_NEUTRAL_OPENERS)) return null;
  for (let j = k - 1; j >= 0; j--) {
    const named = clauses[j].mentions.filter((m) => m.concept);
    if (named.length) return { mention: named[named.length - 1], clause: j };
    // A figure with no concept (and not an earlier change's amount): the
    // change is about that unnamed thing.
    if (clauses[j].money.some((f) => !used.has(f.start))) return null;
  }
  return null;
}

/** "“三公”经费支出合计12.30万元，其中…，公务用车运行维护费9.20万元，较2022年减少1.20万元":
 *  a change in a clause of its own after the last item of a 其中 list may speak of that
 *  item or of the whole the list breaks down. The whole: the last concept named in the
 *  clause before the one opening the list (其中), every clause from there to the item naming a
 *  concept of its own. Null when the item's clause is no such list's, or the list goes on
 *  after the change (its clauses up to `last`): a change between items is its item's. */
function wholeOfList(text: string, clauses: ClauseScan[], item: number, last: number, concept: string): string | null {
  if (clauses.slice(last + 1).some((c) => c.mentions.some((m) => m.concept))) return null;
  for (let j = item; j > 0; j--) {
    if (!clauses[j].mentions.some((m) => m.concept)) return null;
    const opening = stripEnumerator(text.slice(clauses[j].span.start, clauses[j].span.end));
    if (!BREAKDOWN_OPENERS.some((w) => opening.startsWith(w))) continue;
    const named = clauses[j - 1].mentions.filter((m) => m.concept);
    const whole = named.length ? (named[named.length - 1].concept as string) : null;
    return whole !== concept ? whole : null;
  }
  return null;
}
