// Whether a PDF page's text alone says it can hold part of a form — the test the PDF
// reader asks before laying a page out (src/read/pdf-page-filter.ts). Its words are the
// templates' own labels, in groups: titles, fund anchors, score and weight columns and
// total-score labels, indicator anchors and levels, goal anchors. A form page prints
// words of at least two groups (a title over a fund table; a fund anchor beside 分值 and
// 得分; indicator levels beside 分值). One group alone is what a publication's other
// pages print: a table of contents naming the 自评表, prose on 预算执行情况.
import type { PageTest } from '../read/pdf-page-filter.js';
import type { TemplateSet } from './load-templates.js';
import type { Template } from './template-schema.js';

/** Words shorter than this say too little on their own (率, 权, 执行). */
const MIN_WORD = 2;

const tests = new WeakMap<Template[], PageTest>();

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function groupsOf(templates: Template[]): string[][] {
  const words = (pick: (t: Template) => (string[] | undefined)[]) =>
    [...new Set(templates.flatMap((t) => pick(t).flatMap((l) => l ?? [])).map(fold).filter((w) => w.length >= MIN_WORD))];
  return [
    words((t) => [t.title]),
    words((t) => [t.fund.anchors]),
    words((t) => [t.fund.columns.score, t.fund.columns.weight, t.indicators.columns.score, t.indicators.columns.weight, t.total.labels.filter((l) => l.includes('分'))]),
    words((t) => [t.indicators.anchors, t.indicators.columns.level1, t.indicators.columns.level2, t.indicators.columns.name]),
    words((t) => [t.goals.anchors]),
  ].filter((g) => g.length > 0);
}

/** The page test for a template set (built once per set). */
export function formPageTest(set: TemplateSet): PageTest {
  let test = tests.get(set.templates);
  if (!test) {
    const groups = groupsOf(set.templates);
    test = (text: string) => {
      const folded = fold(text);
      let hits = 0;
      for (const group of groups) if (group.some((w) => folded.includes(w)) && ++hits >= 2) return true;
      return false;
    };
    tests.set(set.templates, test);
  }
  return test;
}
