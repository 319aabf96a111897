// The execution rate and the score a narrative states of the whole form ("预算执行率达98.5%",
// "该项目自评得分99.85分"): facts `rate.execution` (percent) and `score.total` (points), which
// info rules hold against the table. Only a wording that names the whole binds; a line's
// rate ("基本支出执行率"), an indicator's score ("产出指标得分"), a rate or score of an
// earlier year ("2022年执行率") or one in a comparison ("较上年的93.5%") binds nothing.
import type { Fact } from '../model/record.js';
import { plainNumber } from '../normalize/cell.js';
import { APPROX_AFTER, APPROX_BEFORE } from './facts-lexicon.js';
import { isRunOf, matchView, quoteOf, sentences, stripEnumerator, type Span } from './facts-text.js';

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

/** `pages[i]`: the page paragraph i is printed on (PDF). */
export function statedMeasures(paragraphs: string[], pages: (number | null)[] = []): Record<string, Fact[]> {
  const facts: Record<string, Fact[]> = {};
  const ownYear = latestYear(paragraphs);
  paragraphs.forEach((paragraph, index) => {
    if (!/执行率|分/.test(paragraph)) return;
    const view = matchView(paragraph);
    const page = pages[index] ?? null;
    for (const clause of sentences(view).flat()) {
      for (const m of MEASURES) {
        for (const f of figuresIn(view.text, clause, m, ownYear)) {
          (facts[m.concept] ??= []).push({
            ...f,
            quote: quoteOf(view, clause.start, clause.end),
            paragraph: index,
            ...(page !== null ? { page } : {}),
          });
        }
      }
    }
  });
  return facts;
}

/** The narrative's own year: the latest it names (an earlier one is a comparison's). */
function latestYear(paragraphs: string[]): string | null {
  let latest: string | null = null;
  for (const p of paragraphs) for (const m of matchView(p).text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) if (latest === null || m[1] > latest) latest = m[1];
  return latest;
}

function figuresIn(text: string, clause: Span, m: Measure, ownYear: string | null): Array<{ value: string; approx: boolean }> {
  const out: Array<{ value: string; approx: boolean }> = [];
  for (let p = clause.start; p < clause.end; p++) {
    const word = m.words.find((w) => text.startsWith(w, p) && p + w.length <= clause.end);
    if (!word) continue;
    let head = stripEnumerator(text.slice(clause.start, p));
    if (ownYear) head = head.replace(new RegExp(`${ownYear}年度?`, 'g'), '');
    if (!isRunOf(head, m.subjects)) continue;
    const found = figureAfter(text, p + word.length, clause.end, m.figure);
    if (found) out.push(found);
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
