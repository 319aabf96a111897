// Whose figure, and which year's: the words before a concept in its sentence say
// whether the figure it names is the form's own. Not another period's ("上年决算支出",
// "比上年…"), not a part's ("财政拨款支出决算数", "所属…中心全年支出", a project in a
// department's narrative); and where the sentence names a year or a unit, the figure
// is the form's own only when that year and unit are the form's — known once the
// whole form is read (`keepOwnFigures`).
import type { Change, Fact, FormRecord } from '../model/record.js';
import { COMPARISON, type ClauseScan } from './facts-changes.js';
import { expandAlias, type Mention } from './facts-concepts.js';
import {
  BODY_SUFFIXES,
  CARRIED_OVER,
  CUTOFF_WORDS,
  OTHER_PERIOD_WORDS,
  OWN_BODY_WORDS,
  OWN_SUBJECT_WORDS,
  PART_PERIOD_WORDS,
  PROJECT_NAME_ENDS,
  PART_QUALIFIERS,
  QUALIFIED_CONCEPTS,
  SUBUNIT_MARKERS,
  THIS_PERIOD_WORDS,
} from './facts-lexicon.js';
import { foldWord, isRunOf, stripEnumerator, wordEndingAt } from './facts-text.js';

/** What the words before a mention say of its figure. */
export interface Scope {
  /** Surely not the form's own: another period's, a sub-unit's, a project's in a department's narrative. */
  foreign: boolean;
  /** The year its sentence names for it ("2022年该项目全年预算…"). */
  year?: number;
  /** The unit, place or site it is said of ("县农机事务中心全年支出…"). */
  body?: string;
}

const fold = (words: string[]) => words.flatMap(expandAlias).map(foldWord);
const QUALIFIERS = fold(PART_QUALIFIERS);
const MARKERS = fold(SUBUNIT_MARKERS);
const SUFFIXES = fold(BODY_SUFFIXES);
const OTHER = fold(OTHER_PERIOD_WORDS);
const PART_PERIOD = fold(PART_PERIOD_WORDS);
const THIS = fold(THIS_PERIOD_WORDS);
const CARRIED = fold(CARRIED_OVER);
const PROJECT_ENDS = fold(PROJECT_NAME_ENDS);
const OWN_WORDS = fold([...OWN_SUBJECT_WORDS, ...THIS_PERIOD_WORDS, ...OWN_BODY_WORDS, ...BODY_SUFFIXES]);

const YEAR = /((?:19|20)\d{2})年(?:度)?/g;
// "1至3月", "4-6月份": months, printed as digits or numerals.
const MONTH = String.raw`(\d{1,2}|[一二三四五六七八九十]{1,3})`;
const MONTH_SPAN = new RegExp(String.raw`(?<![\d.])${MONTH}月?份?(?:至|到|~|-|—|〜)${MONTH}月份?`, 'g');
const spansYear = (from: string, to: string) => /^(?:0?1|一)$/.test(from) && /^(?:12|十二)$/.test(to);
// "截至6月底", "截至2023年9月30日": a date before the year's end.
const CUTOFF = new RegExp(String.raw`(?:${fold(CUTOFF_WORDS).join('|')})(?:(?:19|20)\d{2}年)?${MONTH}月`, 'g');
// A period word right after a comparison word (and other period words) is what is compared.
const COMPARED = /(?:比|较|与|同|对比|相比|相较于?)(?:上一?年度?|去年|前年|(?:19|20)\d{2}年度?)*$/;

/** "一般公共预算财政拨款支出决算数", "中央资金全年预算": a wording of the whole
 *  right after a qualifier names a part of it, which no concept names. So does a budget
 *  word right after a line's or another thing's wording ("基本支出年初预算", "“三公”经费的
 *  年初预算": that line's budget, which the record has no concept for), and a budget word
 *  opening a later clause of the sentence while it goes on about that line's budget
 *  ("…项目支出年初预算550.00万元，调整后预算790.00万元"). */
export function narrowQualified(text: string, clauses: ClauseScan[]): void {
  let line = false; // what was said last is a part's budget, and nothing else since
  for (const clause of clauses) {
    const headStart = clause.span.end - stripEnumerator(text.slice(clause.span.start, clause.span.end)).length;
    for (let i = 0; i < clause.mentions.length; i++) {
      const m = clause.mentions[i];
      const concept = m.concept ?? m.subjectAs;
      if (!concept) continue;
      const budget = concept.startsWith('budget.');
      if (QUALIFIED_CONCEPTS.some((p) => concept.startsWith(p)) && qualifiedAt(text, clause, m)) {
        m.concept = null;
        delete m.subjectAs;
        if (budget) line = true;
        continue;
      }
      if (!budget) {
        // A wording of the actual spending goes on about its sentence's subject; anything
        // else names a subject of its own (the owner of a budget word right after it).
        if (!m.ofSubjects) line = false;
        continue;
      }
      const prev = clause.mentions[i - 1];
      const owned = prev !== undefined && OWNER_JOINS.includes(text.slice(prev.end, m.start)) && !(prev.concept ?? prev.subjectAs ?? '').startsWith('budget.');
      line = owned || (line && m.start === headStart);
      if (line) {
        m.concept = null;
        delete m.subjectAs;
      }
    }
  }
}

/** What may stand between a line's wording and the budget word it owns. */
const OWNER_JOINS = ['', '的'];

function qualifiedAt(text: string, clause: ClauseScan, m: Mention): boolean {
  let end = m.start;
  if (text[end - 1] === '的') end--;
  if (end > clause.span.start && wordEndingAt(text.slice(clause.span.start, end), end - clause.span.start, QUALIFIERS) !== '') return true;
  // A wording that opens with the money ("资金到位") may hold the end of a source's name:
  // "县级配套资金到位", "上年结转资金到位" are that source's money received.
  const money = MONEY_HEADS.find((w) => text.startsWith(w, m.start));
  if (!money) return false;
  end = m.start + money.length;
  return wordEndingAt(text.slice(clause.span.start, end), end - clause.span.start, QUALIFIERS).length > money.length;
}

/** Words a concept's wording may open with that also end a source's name ("配套资金"). */
const MONEY_HEADS = fold(['资金', '经费']);

interface PeriodMark {
  at: number;
  /** A year, 'other' (上年, 去年 …), 'part' (of the year: 1至3月, 上半年) or null
   *  (本年: this year again). */
  period: number | 'other' | 'part' | null;
  /** A cutoff at the year's end ("截至12月31日"): it ends a part of the year. */
  yearEnd?: true;
}

/** The first of `words` that `text` has at `at` (a loop, not a closure per character). */
function wordAt(text: string, at: number, words: readonly string[]): string | undefined {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** Year and period words of a sentence that govern what follows them. */
function periodMarks(text: string, from: number, to: number): PeriodMark[] {
  const marks: PeriodMark[] = [];
  const part = text.slice(from, to);
  const compared = (at: number) => COMPARED.test(text.slice(from, at));
  for (const m of part.matchAll(YEAR)) {
    const at = from + (m.index ?? 0);
    if (!compared(at)) marks.push({ at: at + m[0].length, period: Number.parseInt(m[1], 10) });
  }
  // Part of the year: not the year's figure, as another year's is not.
  for (const m of part.matchAll(MONTH_SPAN)) {
    if (!spansYear(m[1], m[2])) marks.push({ at: from + (m.index ?? 0) + m[0].length, period: 'part' });
  }
  for (const m of part.matchAll(CUTOFF)) {
    const at = from + (m.index ?? 0) + m[0].length;
    marks.push(spansYear('1', m[1]) ? { at, period: null, yearEnd: true } : { at, period: 'part' });
  }
  for (let i = from; i < to; i++) {
    const partial = wordAt(text, i, PART_PERIOD);
    if (partial) {
      marks.push({ at: i + partial.length, period: 'part' });
      i += partial.length - 1;
      continue;
    }
    const other = wordAt(text, i, OTHER);
    if (other) {
      const after = i + other.length;
      if (!compared(i) && wordAt(text, after, CARRIED) === undefined) marks.push({ at: after, period: 'other' });
      i = after - 1;
      continue;
    }
    const self = wordAt(text, i, THIS);
    if (self) {
      marks.push({ at: i + self.length, period: null });
      i += self.length - 1;
    }
  }
  marks.sort((a, b) => a.at - b.at);
  // A cutoff at the year's end ends a part of the year ("截至6月底…，截至12月31日…")
  // and nothing else: the period before that part governs again.
  let before: PeriodMark['period'] = null;
  for (const k of marks) {
    if (k.yearEnd) k.period = before;
    else if (k.period !== 'part') before = k.period;
  }
  return marks;
}

/** Where the words said of a mention begin: after its clause's enumerator, the
 *  mention or the figure before it in the clause. */
function leadStart(text: string, clause: ClauseScan, m: Mention): number {
  let start = clause.span.end - stripEnumerator(text.slice(clause.span.start, clause.span.end)).length;
  for (const x of clause.mentions) if (x.end <= m.start) start = Math.max(start, x.end);
  for (const f of clause.money) if (f.end <= m.start) start = Math.max(start, f.end);
  return start;
}

/** Words a wording of the actual spending (lexicon `ofSubjects`) may follow and still speak
 *  of its sentence's subject: the form's own words, and the money itself ("资金已支付…"). */
const OWN_LEAD = [...OWN_WORDS, ...fold(['资金', '经费'])];
/** A date the figure stands at: "截至12月31日", "截至年底" (a part of the year is a period mark). */
const DATE_LEAD = new RegExp(String.raw`(?:${fold(CUTOFF_WORDS).join('|')})?(?:${MONTH}月(?:\d{1,2}日|底|末)?|年底|年末)`, 'g');

/** Whether a wording of the actual spending ("累计支付", "全年执行", lexicon `ofSubjects`)
 *  speaks of its sentence's subject: the words before it in its clause are none, a date,
 *  the form's own ("2023年", "本单位", a project's "该项目", "项目"), or a unit's name (its
 *  scope then decides). After any other words ("其中道路工程累计支付", "设备购置实际支出")
 *  it is that thing's spending, which no concept names. */
export function spendsOwn(text: string, clause: ClauseScan, m: Mention, department: boolean): boolean {
  const lead = text.slice(leadStart(text, clause, m), m.start).replace(YEAR, '').replace(DATE_LEAD, '').replace(/[(:]/g, '');
  if (lead === '' || MARKERS.some((w) => lead.includes(w))) return true;
  if (wordEndingAt(lead, lead.length, SUFFIXES)) return true;
  return isRunOf(lead, department ? OWN_LEAD : [...OWN_LEAD, ...PROJECT_ENDS]);
}

/** A concept word that opens with the word a project's name ends with ("项目支出"): right
 *  after a name it is that name's ("食品安全抽检项目支出" is the 食品安全抽检项目's 支出), and in
 *  a department's narrative a project's figure. The form's own words before it name none
 *  ("全年项目支出", "本部门项目支出", "其中项目支出"). */
function namesProject(lead: string, word: string): boolean {
  if (!PROJECT_ENDS.some((w) => word.startsWith(w) && word.length > w.length)) return false;
  const name = /[\u3400-\u9fff]*$/.exec(lead)![0];
  return name !== '' && !isRunOf(name, OWN_WORDS);
}

/** A sentence opening with a project's name ("高标准农田建设项目全年预算…", "（三）农村人居环境
 *  整治工程，…"): in a department's narrative it speaks of that project. The form's own words
 *  before 项目 name none ("全年项目支出…", "本部门项目…"). `clause`: the sentence's first clause. */
export function opensWithProject(clause: string): boolean {
  const m = /^([\u3400-\u9fff]{2,38}?)(?:项目|工程)/.exec(stripEnumerator(clause).replace(/^(?:19|20)\d{2}年度?/, ''));
  return m !== null && !isRunOf(foldWord(m[1]), OWN_WORDS);
}

/** The subject a lead names: foreign (a sub-unit, a project of a department), a
 *  named unit, or nothing (the form's own). `word`: the concept's wording after the lead. */
function subjectOf(lead: string, department: boolean, word: string): Pick<Scope, 'foreign' | 'body'> {
  if (MARKERS.some((w) => lead.includes(w))) return { foreign: true };
  if (department && namesProject(lead, word)) return { foreign: true };
  const name = lead.replace(YEAR, '').replace(/的$/, '').replace(/^(?:其中|另外|此外|同时)/, '');
  if (department && PROJECT_ENDS.some((w) => name.endsWith(w))) return { foreign: true };
  const suffix = wordEndingAt(name, name.length, SUFFIXES);
  if (!suffix) return { foreign: false };
  const before = name.slice(0, name.length - suffix.length);
  if (before === '' || OWN_BODY_WORDS.some((w) => before.endsWith(w))) return { foreign: false };
  return { foreign: false, body: name };
}

/** The scope of every mention of a sentence. The sentence's first mention speaks
 *  for the sentence: a sentence opening with a sub-unit's or a project's figure is
 *  about it throughout ("所属…中心全年支出486.30万元，县农机事务中心全年支出…"). */
export function sentenceScopes(text: string, clauses: ClauseScan[], department: boolean): Map<Mention, Scope> {
  const scopes = new Map<Mention, Scope>();
  if (!clauses.length) return scopes;
  const marks = periodMarks(text, clauses[0].span.start, clauses[clauses.length - 1].span.end);
  let opening: Pick<Scope, 'foreign' | 'body'> | null = null;
  for (const clause of clauses) {
    for (const m of clause.mentions) {
      const lead = text.slice(leadStart(text, clause, m), m.start);
      const subject = subjectOf(lead, department, text.slice(m.start, m.end));
      opening ??= subject;
      const period = marks.filter((k) => k.at <= m.start).pop()?.period ?? null;
      const scope: Scope = {
        // After a comparison word a concept names what is compared ("比上年决算支出…").
        foreign: opening.foreign || subject.foreign || period === 'other' || period === 'part' || COMPARISON.test(lead),
      };
      if (typeof period === 'number') scope.year = period;
      const body = subject.body ?? opening.body;
      if (body) scope.body = body;
      scopes.set(m, scope);
    }
  }
  return scopes;
}

// The year and unit a figure is said of, until the form's own are known.
const pending = new WeakMap<Fact | Change, Scope>();

/** Notes what a fact's or change's sentence says of it, for `keepOwnFigures`. */
export function noteScope<T extends Fact | Change>(figure: T, scope: Scope | undefined): T {
  if (scope && (scope.year !== undefined || scope.body !== undefined)) pending.set(figure, scope);
  return figure;
}

/** `to` is `from` with more said of it (its precision): the same year and unit. */
export function carryScope<T extends Fact | Change>(from: T, to: T): T {
  const scope = pending.get(from);
  if (scope && to !== from) pending.set(to, scope);
  return to;
}

/** What the form says of itself: its year, and the names it goes by (entity,
 *  主管部门, 实施单位). */
export interface OwnScope {
  year: number | null;
  names: Array<string | null | undefined>;
}

function isOwn(figure: Fact | Change, own: OwnScope): boolean {
  const scope = pending.get(figure);
  if (!scope) return true;
  if (scope.year !== undefined && own.year !== null && scope.year !== own.year) return false;
  if (scope.body !== undefined) {
    const names = own.names.filter((n): n is string => !!n).map(foldWord);
    if (names.length && !names.some((n) => n.includes(scope.body!) || scope.body!.includes(n))) return false;
  }
  return true;
}

/** The narrative's facts and changes without those its sentences give to another
 *  year or another unit than the form's ("2022年该项目全年预算780.00万元" in a 2023
 *  form). A form whose year or names are unknown keeps them. */
export function keepOwnFigures(narrative: FormRecord['narrative'], own: OwnScope): FormRecord['narrative'] {
  const facts: Record<string, Fact[]> = {};
  for (const [concept, list] of Object.entries(narrative.facts)) {
    const kept = list.filter((f) => isOwn(f, own));
    if (kept.length) facts[concept] = kept;
  }
  return { ...narrative, facts, changes: narrative.changes.filter((c) => isOwn(c, own)) };
}
