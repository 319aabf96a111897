// The execution rate and the score a narrative states of the whole form ("预算执行率达98.5%",
// "该项目自评得分99.85分"): facts `rate.execution` (percent) and `score.total` (points), which
// info rules hold against the table. Only a wording that names the whole binds; a line's
// rate ("基本支出执行率"), an indicator's score ("产出指标得分") or one in a comparison
// ("较上年的93.5%") binds nothing; one said of another year than the form's ("2022年执行率")
// is left out once the form's year is known (facts-scope.ts `keepOwnFigures`).
import type { Fact } from '../model/record.js';
import { plainNumber } from '../normalize/cell.js';
import { compileLexicon, expandAlias, type ConceptMatcher } from './facts-concepts.js';
import { APPROX_AFTER, APPROX_BEFORE, BREAKDOWN_OPENERS, PART_QUALIFIERS } from './facts-lexicon.js';
import { projectSections } from './facts.js';
import { noteScope, opensWithProject } from './facts-scope.js';
import { foldWord, isRunOf, matchView, quoteOf, sentences, stripEnumerator, type Span } from './facts-text.js';

interface Measure {
  concept: string;
  /** The word that names the measure. */
  words: string[];
  /** What may stand before the word in its clause, in any sequence: the form itself, the
   *  whole of its funds — nothing that names a part. */
  subjects: string[];
  /** The figure's number with its sign or unit right after it. */
  figure: RegExp;
}

const MEASURES: Measure[] = [
  {
    concept: 'rate.execution',
    words: ['执行率'],
    // not 项目 or 支出 alone: "项目支出执行率" is a department's project line
    subjects: ['本项目', '该项目', '本部门', '该部门', '部门整体', '部门', '本单位', '该单位', '整体', '总体', '综合', '全年', '年度', '本年', '当年', '预算', '资金', '其', '的'],
    figure: /(\d+(?:\.\d+)?)%/y,
  },
  {
    concept: 'score.total',
    words: ['自评分', '得分', '评分'],
    subjects: [
      '本项目', '该项目', '项目', '本部门', '该部门', '部门整体支出', '部门整体', '部门', '本单位', '该单位', '单位', '整体支出',
      '整体', '总体', '绩效', '自评', '评价', '综合', '最终', '总', '年度', '本年', '本次', '其', '的',
    ],
    figure: /(\d+(?:\.\d+)?)分/y,
  },
];

/** Words between the measure and its figure ("执行率达到98.5%", "得分为99.85分"). */
const FILLERS = ['达到', '为', '是', '达', '了', ':'];
/** Words after the figure that make it a bound or a guess, not the value ("95%以上"). */
const NOT_EXACT_AFTER = [...APPROX_AFTER, '以上', '以下', '以内'];

/** Subjects that name a project: in a department's narrative, a project's rate or score. */
const PROJECT_SUBJECTS = ['本项目', '该项目', '项目'];
/** Subjects that name the department itself, whatever its sentence opened with. */
const OWN_WHOLE = /部门|单位|整体/;

/** `pages[i]`: the page paragraph i is printed on (PDF). A rate or score said of a year
 *  ("2022年执行率为90%") notes that year: it is the form's own only when the form is of that
 *  year (`keepOwnFigures`, once the form's year is read). One that names no subject of its
 *  own is of what its sentence spoke of before it: a part's ("其中当年财政拨款执行292.48万元，
 *  执行率97.49%") is no fact. */
export function statedMeasures(paragraphs: string[], pages: (number | null)[] = [], department = false): Record<string, Fact[]> {
  const facts: Record<string, Fact[]> = {};
  // A department's narrative: its sections on one project, and its sentences opening with a
  // project's name, state that project's rate and score ("（一）高标准农田建设项目。…预算执行率
  // 95.30%"), and "该项目" names a project — none of them the department's.
  const aboutProject = department ? projectSections(paragraphs) : null;
  const measures = department ? MEASURES.map((m) => ({ ...m, subjects: m.subjects.filter((w) => !PROJECT_SUBJECTS.includes(w)) })) : MEASURES;
  paragraphs.forEach((paragraph, index) => {
    if (!/执行率|分/.test(paragraph) || aboutProject?.[index]) return;
    const view = matchView(paragraph);
    const page = pages[index] ?? null;
    for (const sentence of sentences(view)) sentence.forEach((clause, k) => {
      const ofProject = department && opensWithProject(view.text.slice(sentence[0].start, sentence[0].end));
      for (const m of measures) {
        for (const { year, bare, head, ...f } of figuresIn(view.text, clause, m)) {
          if (bare && spokeOfPart(view.text, sentence.slice(0, k))) continue;
          if (ofProject && !OWN_WHOLE.test(head)) continue;
          const fact: Fact = {
            ...f,
            quote: quoteOf(view, clause.start, clause.end),
            paragraph: index,
            ...(page !== null ? { page } : {}),
          };
          (facts[m.concept] ??= []).push(noteScope(fact, year === null ? undefined : { foreign: false, year }));
        }
      }
    });
  });
  return facts;
}

const PART = /^(?:spending\.(?:basic|project|personnel|public)|econ\.|threePublic\.)/;
const PARTS_QUALIFIED = PART_QUALIFIERS.flatMap(expandAlias).map(foldWord);
let matcher: ConceptMatcher | null = null;

/** Whether the clauses before a measure, in its sentence, last spoke of one part: the
 *  nearest that names a subject (a wording of the actual spending names none) names a part,
 *  and the one before that is no other part of a list ("其中基本支出…，项目支出…，执行率…" is
 *  the whole's rate again). */
function spokeOfPart(text: string, before: Span[]): boolean {
  const subjects = before.map((c) => subjectOf(text, c)).filter((x) => x !== null);
  return subjects[subjects.length - 1] === 'part' && subjects[subjects.length - 2] !== 'part';
}

/** What a clause speaks of: a part when it opens a 其中 list, names a part (基本支出,
 *  “三公”经费) or a part of the money (财政拨款 …); the whole when it names anything else. */
function subjectOf(text: string, clause: Span): 'part' | 'whole' | null {
  matcher ??= compileLexicon();
  const words = stripEnumerator(text.slice(clause.start, clause.end));
  if (BREAKDOWN_OPENERS.some((w) => words.startsWith(w)) || PARTS_QUALIFIED.some((w) => words.includes(w))) return 'part';
  const named = matcher.find(text, clause.start, clause.end).filter((x) => !x.ofSubjects);
  if (named.some((x) => x.concept && PART.test(x.concept))) return 'part';
  return named.length ? 'whole' : null;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})年度?/g;

/** `bare`: the clause names nothing before the measure's word (a year aside); `head`: what it names. */
function figuresIn(text: string, clause: Span, m: Measure): Array<{ value: string; approx: boolean; year: number | null; bare: boolean; head: string }> {
  const out: Array<{ value: string; approx: boolean; year: number | null; bare: boolean; head: string }> = [];
  for (let p = clause.start; p < clause.end; p++) {
    const word = m.words.find((w) => text.startsWith(w, p) && p + w.length <= clause.end);
    if (!word) continue;
    let head = stripEnumerator(text.slice(clause.start, p));
    // the year it is said of: the last the head names
    const years = [...head.matchAll(YEAR)].map((y) => Number.parseInt(y[1], 10));
    head = head.replace(YEAR, '');
    if (!isRunOf(head, m.subjects)) continue;
    const found = figureAfter(text, p + word.length, clause.end, m.figure);
    if (found) out.push({ ...found, year: years.length ? years[years.length - 1] : null, bare: head === '', head });
    p += word.length - 1;
  }
  return out;
}

/** The figure right after the word and its fillers ("约" makes it approximate). */
function figureAfter(text: string, from: number, end: number, figure: RegExp): { value: string; approx: boolean } | null {
  let q = from;
  let approx = false;
  for (;;) {
    const filler = FILLERS.find((w) => text.startsWith(w, q));
    const guess = filler ? undefined : APPROX_BEFORE.find((w) => text.startsWith(w, q));
    if (!filler && !guess) break;
    if (guess) approx = true;
    q += (filler ?? guess)!.length;
  }
  figure.lastIndex = q;
  const m = figure.exec(text);
  if (!m || figure.lastIndex > end) return null;
  const value = plainNumber(m[1]);
  if (value === null) return null;
  if (NOT_EXACT_AFTER.some((w) => text.startsWith(w, figure.lastIndex))) approx = true;
  return { value, approx };
}
