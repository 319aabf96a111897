// Narrative facts: the figures the 评价报告综述 states, bound to concepts
// (record.md `narrative.facts`, `narrative.changes`). A figure binds only to the
// concept named just before it (with a short filler between), to the concept
// right after it ("1150.05万元的基本支出"), or by "A、B分别为x、y"; anything
// else — changes, counts, years, percentages, unnamed money — is left out, and so
// is a figure that is not the form's own (another year's, a part's: facts-scope.ts).
import type { Change, Fact } from '../model/record.js';
import { compileLexicon, type ConceptMatcher, type Mention } from './facts-concepts.js';
import { findChanges, type ClauseScan } from './facts-changes.js';
import { AFTER_FILLERS, APPROX_BEFORE, BREAKDOWN_JOINS, BREAKDOWN_OPENERS, CONCEPT_LEXICON, FILLERS, type ConceptEntry } from './facts-lexicon.js';
import { keepOwnFigures, narrowQualified, noteScope, sentenceScopes, spendsOwn, type OwnScope } from './facts-scope.js';
import { sectionLevel } from './narrative.js';
import {
  isRunOf,
  matchView,
  moneyFigures,
  percentFigures,
  quoteOf,
  sentences,
  stripEnumerator,
  wordEndingAt,
  type MoneyFigure,
} from './facts-text.js';

export interface NarrativeFacts {
  facts: Record<string, Fact[]>;
  changes: Change[];
}

const defaultMatchers: Partial<Record<'project' | 'dept-overall', ConceptMatcher>> = {};

export interface FactOptions {
  /** Replaces the bundled concept table (facts-lexicon.ts). */
  lexicon?: ConceptEntry[];
  /** `pages[i]`: the page paragraph i is printed on (PDF). */
  pages?: (number | null)[];
  /** The narrative is a department's: the sections and clauses about one of its
   *  projects state that project's figures, not the department's. */
  department?: boolean;
  /** The form's year and names, when known: figures said of another year or unit
   *  are left out (else `keepOwnFigures` does it once the form is read). */
  own?: OwnScope;
}

/** `paragraphs[i]` is narrative paragraph number i (record.md numbering); a fact or
 *  change names its page when known, so staff find the quote. */
export function extractNarrativeFacts(paragraphs: string[], options: FactOptions = {}): NarrativeFacts {
  const { lexicon, pages = [], department = false, own } = options;
  const form = department ? 'dept-overall' : 'project';
  const matcher = lexicon ? compileLexicon(lexicon, form) : (defaultMatchers[form] ??= compileLexicon(CONCEPT_LEXICON, form));
  const facts: Record<string, Fact[]> = {};
  const changes: Change[] = [];
  const aboutProject = department ? projectSections(paragraphs) : null;
  paragraphs.forEach((paragraph, index) => {
    if (aboutProject?.[index]) return;
    const page = pages[index] ?? null;
    const onPage = page !== null ? { page } : {};
    const view = matchView(paragraph);
    for (const sentence of sentences(view)) {
      const clauses: ClauseScan[] = sentence.map((span) => {
        const part = view.text.slice(span.start, span.end);
        return {
          span,
          mentions: matcher.find(view.text, span.start, span.end),
          money: moneyFigures(part, span.start),
          percents: percentFigures(part, span.start),
        };
      });
      narrowQualified(view.text, clauses);
      resolveShortForms(view.text, clauses, department);
      const scopes = sentenceScopes(view.text, clauses, department);
      const found = findChanges(view, clauses, index);
      for (const { change, subject } of found.changes) {
        if (!scopes.get(subject)?.foreign) changes.push(noteScope({ ...change, ...onPage }, scopes.get(subject)));
      }
      const frame = breakdownFrames(view.text, clauses);
      for (const clause of clauses) {
        for (const { mention, figure, approx } of bindClause(view.text, clause, found.used)) {
          // A budget compared with that is the form's own is said as what it is compared to.
          const scope = scopes.get(found.ownBases.get(mention) ?? mention);
          if (scope?.foreign) continue;
          // "年初预算1028.49万元，其中基本支出971.01万元": a budget's breakdown, not spending.
          if (frame.get(mention)?.startsWith('budget.')) continue;
          const concept = mention.concept as string;
          const fact: Fact = {
            value: figure.value,
            approx: figure.approx || approx,
            quote: quoteOf(view, clause.span.start, clause.span.end),
            paragraph: index,
            ...onPage,
          };
          (facts[concept] ??= []).push(noteScope(fact, scope));
        }
      }
    }
  });
  if (!own) return { facts, changes };
  const kept = keepOwnFigures({ text: null, facts, changes }, own);
  return { facts: kept.facts, changes: kept.changes };
}

interface Binding {
  mention: Mention;
  figure: MoneyFigure;
  approx: boolean;
}

/** Binds the clause's money figures (those no change used) to concepts, in text order. */
function bindClause(text: string, clause: ClauseScan, used: Set<number>): Binding[] {
  const free = clause.money.filter((f) => !used.has(f.start));
  const bound = new Map<MoneyFigure, Binding[]>();
  for (const b of bindRespectively(text, clause, free)) bound.set(b.figure, [b]);
  const each = bindEach(text, clause, free);
  if (each.length > 0 && !bound.has(each[0].figure)) bound.set(each[0].figure, each);
  for (const figure of free) {
    if (bound.has(figure)) continue;
    const b = bindBefore(text, clause.mentions, figure) ?? bindAfter(text, clause, figure);
    if (b) bound.set(figure, [b]);
  }
  return free.flatMap((f) => bound.get(f) ?? []);
}

/** The concepts listed (joined by 、和及与) right before `edge`, fillers between the last and it. */
function listEndingAt(text: string, clause: ClauseScan, edge: number): Mention[] {
  const names: Mention[] = [];
  for (let i = clause.mentions.length - 1; i >= 0; i--) {
    const m = clause.mentions[i];
    if (m.end > edge) continue;
    const between = text.slice(m.end, edge);
    const ok = names.length === 0 ? isRunOf(between, FILLERS) : LIST_JOIN.includes(between);
    if (!ok || !m.concept) break;
    names.unshift(m);
    edge = m.start;
  }
  return names;
}

/** Words saying one figure holds for each concept listed before them ("均为", "都是"). */
const EACH = ['均', '都', '皆'];

/** "因公出国（境）费、公务用车购置费均为0万元": every concept of the list right before 均
 *  (joined by 、和及与) takes the figure after it (fillers aside). A zero needs no 均: amounts
 *  that add up to nothing are each nothing ("因公出国（境）费和公务用车购置费为0"). */
function bindEach(text: string, clause: ClauseScan, free: MoneyFigure[]): Binding[] {
  for (const figure of free) {
    if (!isZero(figure.value)) continue;
    const names = listEndingAt(text, clause, figure.start);
    if (names.length >= 2) return names.map((mention) => ({ mention, figure, approx: false }));
  }
  for (const word of EACH) {
    const at = text.indexOf(word, clause.span.start);
    if (at < 0 || at >= clause.span.end) continue;
    const figure = free.find((f) => f.start > at && isRunOf(text.slice(at + word.length, f.start), FILLERS));
    if (!figure) continue;
    const names = listEndingAt(text, clause, at);
    if (names.length >= 2) return names.map((mention) => ({ mention, figure, approx: false }));
  }
  return [];
}

const isZero = (value: string) => /^0(?:\.0*)?$/.test(value);

/** "基本支出1150.05万元", "批复部门预算为约1028万元": the nearest concept before
 *  the figure, with only fillers (and an approximation word) between. */
function bindBefore(text: string, mentions: Mention[], figure: MoneyFigure): Binding | null {
  const before = mentions.filter((m) => m.end <= figure.start);
  const m = before[before.length - 1];
  if (!m || !m.concept) return null;
  let gap = text.slice(m.end, figure.start);
  const approxWord = wordEndingAt(gap, gap.length, APPROX_BEFORE);
  if (approxWord) gap = gap.slice(0, gap.length - approxWord.length);
  if (!isRunOf(gap, FILLERS)) return null;
  return { mention: m, figure, approx: approxWord !== '' };
}

/** "1150.05万元的基本支出", "其中3028.78万元为项目支出": a concept right after,
 *  ending its phrase ("…万元为年初预算的4倍" names a ratio, not the budget). */
function bindAfter(text: string, clause: ClauseScan, figure: MoneyFigure): Binding | null {
  for (const filler of AFTER_FILLERS) {
    if (!text.startsWith(filler, figure.end)) continue;
    const m = clause.mentions.find((x) => x.start === figure.end + filler.length);
    if (!m?.concept) continue;
    const rest = text.slice(m.end, clause.span.end);
    if (rest === '' || /^[、)和及与]/.test(rest)) return { mention: m, figure, approx: false };
  }
  return null;
}

const LIST_JOIN = ['以及', '、', '和', '及', '与'];

/** "基本支出、项目支出分别为1150.05万元、3028.78万元": concepts and figures in
 *  the same order and number. */
function bindRespectively(text: string, clause: ClauseScan, free: MoneyFigure[]): Binding[] {
  const at = text.indexOf('分别', clause.span.start);
  if (at < 0 || at >= clause.span.end) return [];
  // Concepts: a list that ends (fillers aside) right before 分别.
  const names = listEndingAt(text, clause, at);
  // Figures: a list right after 分别 (fillers aside).
  const figures: Array<{ figure: MoneyFigure; approx: boolean }> = [];
  let pos = at + 2;
  for (const f of free) {
    if (f.start < pos) continue;
    let gap = text.slice(pos, f.start);
    const approxWord = wordEndingAt(gap, gap.length, APPROX_BEFORE);
    if (approxWord) gap = gap.slice(0, gap.length - approxWord.length);
    const ok = figures.length === 0 ? isRunOf(gap, FILLERS) : LIST_JOIN.includes(gap);
    if (!ok) break;
    figures.push({ figure: f, approx: approxWord !== '' });
    pos = f.end;
  }
  if (names.length < 2 || names.length !== figures.length) return [];
  return names.map((m, i) => ({ mention: m, figure: figures[i].figure, approx: figures[i].approx }));
}

/** Concepts that are parts of a whole (spending lines, economic classes). */
const isPart = (concept: string) => /^(spending\.(basic|project|personnel|public)|econ\.)/.test(concept);

/** For each part mention of a sentence, the whole it breaks down, if any:
 *  "决算支出中基本支出…" and "…，其中基本支出…" break down the whole named
 *  before; a clause opening with a part continues the previous clause's list. */
function breakdownFrames(text: string, clauses: ClauseScan[]): Map<Mention, string | null> {
  const frames = new Map<Mention, string | null>();
  let lastWhole: string | null = null;
  let previousFrame: string | null = null;
  for (const clause of clauses) {
    const head = stripEnumerator(text.slice(clause.span.start, clause.span.end));
    const opensWithSoOf = head.startsWith('其中');
    const headStart = clause.span.end - head.length;
    let clauseFrame: string | null = null;
    clause.mentions.forEach((m, i) => {
      if (!m.concept) return;
      if (!isPart(m.concept)) {
        lastWhole = m.concept;
        return;
      }
      const prev = clause.mentions[i - 1];
      let frame: string | null = null;
      if (prev?.concept && !isPart(prev.concept) && isRunOf(text.slice(prev.end, m.start), BREAKDOWN_JOINS)) frame = prev.concept;
      else if (opensWithSoOf) frame = lastWhole ?? wholeOfFigureBefore(text, clauses, headStart);
      else if (soOfRightBefore(text, clause, m)) frame = wholeOfFigureBefore(text, clauses, m.start);
      else if (i === 0 && m.start === headStart) frame = previousFrame;
      else if (prev?.concept && isPart(prev.concept)) frame = frames.get(prev) ?? null;
      frames.set(m, frame);
      clauseFrame = frame ?? clauseFrame;
    });
    previousFrame = clause.mentions.some((m) => m.concept && isPart(m.concept)) ? clauseFrame : null;
  }
  return frames;
}

/** "…万元（其中基本支出…": 其中 (BREAKDOWN_OPENERS) right before the part, after the figure
 *  of the whole it breaks down (an opening bracket between). */
function soOfRightBefore(text: string, clause: ClauseScan, m: Mention): boolean {
  const figure = clause.money.filter((f) => f.end <= m.start).pop();
  if (!figure || clause.mentions.some((x) => x.start >= figure.end && x.end <= m.start)) return false;
  const between = text.slice(figure.end, m.start).replace(/^\(/, '').replace(/:$/, '');
  return BREAKDOWN_OPENERS.includes(between);
}

/** The whole a 其中 list at `at` breaks down: what names the figure before it — the
 *  concept named last before that figure, or, where none is, a budget when the words
 *  before the figure speak of one ("部门收入预算2,356.80万元（其中基本支出…"). */
function wholeOfFigureBefore(text: string, clauses: ClauseScan[], at: number): string | null {
  for (let k = clauses.length - 1; k >= 0; k--) {
    const c = clauses[k];
    if (c.span.start > at) continue;
    const figure = c.money.filter((f) => f.end <= at).pop();
    if (!figure) continue;
    const from = c.money.filter((f) => f.end <= figure.start).pop()?.end ?? c.span.start;
    const named = c.mentions.filter((x) => x.start >= from && x.end <= figure.start && (x.concept ?? x.subjectAs)).pop();
    if (named) return named.concept ?? named.subjectAs ?? null;
    return text.slice(from, figure.start).includes('预算') ? 'budget.' : null;
  }
  return null;
}

const LIST_OPENERS = ['其中', '以及', '、', '和', '及', '与', ':'];

/** A short wording (lexicon `after`) keeps its concept only inside a list its
 *  sentence opened; a wording of the actual spending (lexicon `ofSubjects`) only
 *  while the sentence has spoken of nothing else (a wording that names no concept,
 *  "财政拨款全年预算", "完成投资", is something else) and no words of its clause name
 *  another thing right before it (`spendsOwn`). Elsewhere they name nothing (and still
 *  block binding). */
function resolveShortForms(text: string, clauses: ClauseScan[], department: boolean): void {
  const seen: Array<string | null> = [];
  for (const clause of clauses) {
    const headStart = clause.span.end - stripEnumerator(text.slice(clause.span.start, clause.span.end)).length;
    for (const m of clause.mentions) {
      if (m.after && m.concept) {
        const opensList = m.start === headStart || LIST_OPENERS.some((w) => text.startsWith(w, m.start - w.length) && m.start - w.length >= headStart);
        const inContext = seen.some((c) => c !== null && m.after!.some((prefix) => c.startsWith(prefix)));
        if (!opensList || !inContext) m.concept = null;
      }
      if (m.ofSubjects && m.concept && !seen.every((c) => c !== null && m.ofSubjects!.some((prefix) => c.startsWith(prefix)))) m.concept = null;
      // "其中道路工程累计支付…": the spending of a thing the words before it name.
      if (m.ofSubjects && m.concept && !spendsOwn(text, clause, m, department)) m.concept = null;
      seen.push(m.concept ?? m.subjectAs ?? null);
    }
    clause.mentions = joinSpendingWords(text, clause.mentions);
  }
}

/** A wording of the actual spending that names nothing here, right after another concept's
 *  wording (fillers between at most), finishes that wording: "“三公”经费支出决算为8.40万元"
 *  and "“三公”经费实际支出8.40万元" state the 三公's spending, and the figure binds to 三公. */
function joinSpendingWords(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (m.ofSubjects && m.concept === null && prev?.concept && isRunOf(text.slice(prev.end, m.start), FILLERS)) prev.end = m.end;
    else out.push(m);
  }
  return out;
}

/** A heading that names a project: "（一）农村公路提质改造项目", "2.危桥改造工程：". */
const PROJECT_HEADING = /^[^，。；,;]{2,38}(?:项目|工程)[。：:]?$/;
/** Longest heading read from the start of a paragraph ("（一）XX项目。全年预算…"). */
const MAX_HEADING = 40;

/** For each paragraph, whether it sits in a numbered section about one project
 *  (its heading naming a 项目 or 工程), up to the next heading of the same or an
 *  outer level. */
export function projectSections(paragraphs: string[]): boolean[] {
  let open: number | null = null; // level of the project section we are in
  return paragraphs.map((p) => {
    const level = sectionLevel(p);
    if (level === 0) return open !== null;
    if (open !== null && level <= open) open = null;
    const heading = stripEnumerator(p.trimStart()).slice(0, MAX_HEADING + 1).split(/(?<=[。：:])/)[0].trim();
    if (open === null && PROJECT_HEADING.test(heading)) open = level;
    return open !== null;
  });
}
