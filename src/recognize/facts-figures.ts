// What the binder's facts and changes leave out about their figures, read back from
// their quotes (as ocr-confidence.ts reads a figure's confidence): the precision of a
// figure printed in 亿元, and the base a change is measured from when it states one.
import type { Change, Fact } from '../model/record.js';
import { VERBS } from './facts-changes.js';
import { carryScope } from './facts-scope.js';
import { APPROX_BEFORE, CHANGE_VERB_FILLERS } from './facts-lexicon.js';
import { isRunOf, matchView, moneyFigures, sentences } from './facts-text.js';

/** Each fact printed in 亿元 with decimals gets the decimals it is good to ("1.17亿元": −2). */
export function withPrecision(facts: Record<string, Fact[]>): Record<string, Fact[]> {
  const out: Record<string, Fact[]> = {};
  for (const [concept, list] of Object.entries(facts)) out[concept] = list.map(withDecimals);
  return out;
}

function withDecimals(fact: Fact): Fact {
  if (!fact.quote.includes('亿')) return fact;
  const printed = new Set(moneyFigures(matchView(fact.quote).text).filter((f) => f.value === fact.value).map((f) => f.decimals));
  // one figure (or several printed alike) with that value; "1.17亿元（11700万元）" says both, so neither
  const [decimals] = printed;
  return printed.size === 1 && decimals !== undefined ? carryScope(fact, { ...fact, decimals }) : fact;
}

// The comparison words a stated base follows ("比上年…", "较上年…"); a base printed
// before its comparison word (与上年…相比) is read below from the 相比 after it.
const COMPARISON = /比(?!例|重|率)|较/;

/** Each change that names the figure it is measured from gets it as `base`:
 *  "比上年决算支出3520.18万元减少63.98万元" — the figure right before the change verb,
 *  after the comparison word, in the clause of the amount. */
export function withBases(changes: Change[]): Change[] {
  return changes.map((c) => {
    const base = c.amount === null ? null : statedBase(c.quote, c.amount, c.direction);
    return base === null ? c : carryScope(c, { ...c, base });
  });
}

function statedBase(quote: string, amount: string, direction: Change['direction']): string | null {
  const view = matchView(quote);
  for (const clause of sentences(view).flat()) {
    const text = view.text.slice(clause.start, clause.end);
    const figures = moneyFigures(text);
    for (let i = 1; i < figures.length; i++) {
      if (figures[i].value !== amount) continue;
      const before = figures[i - 1];
      const head = text.slice(0, before.start);
      let gap = text.slice(before.end, figures[i].start);
      // "与上年决算支出3520.18万元相比减少…": the comparison word after the base
      const after = /^(?:相比|相较)/.exec(gap)?.[0] ?? '';
      if (!(COMPARISON.test(head) || (after && /[与同和]/.test(head)))) continue;
      gap = gap.slice(after.length);
      const verb = VERBS.find((v) => gap.startsWith(v.word));
      if (!verb || verb.direction !== direction || before.approx) continue;
      if (isRunOf(gap.slice(verb.word.length), [...CHANGE_VERB_FILLERS, ...APPROX_BEFORE])) return before.value;
    }
  }
  return null;
}
