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
  const words = (min: number, pick: (t: Template) => (string[] | undefined)[]) =>
    [...new Set(templates.flatMap((t) => pick(t).flatMap((l) => l ?? [])).map(fold).filter((w) => w.length >= min))]
      // Longest first: a title is taken out of the text whole (see formPageTest).
      .sort((a, b) => b.length - a.length);
  return [
    words(MIN_WORD, (t) => [t.title]),
    words(MIN_WORD, (t) => [t.fund.anchors]),
    words(MIN_WORD, (t) => [t.fund.columns.score, t.fund.columns.weight, t.indicators.columns.score, t.indicators.columns.weight, t.total.labels.filter((l) => l.includes('分'))]),
    // 一级/二级 alone are a 决算's 一级项目 and 二级预算单位.
    words(MIN_WORD + 1, (t) => [t.indicators.anchors, t.indicators.columns.level1, t.indicators.columns.level2, t.indicators.columns.name]),
    words(MIN_WORD, (t) => [t.goals.anchors]),
  ];
}

/** The page test for a template set (built once per set). */
export function formPageTest(set: TemplateSet): PageTest {
  let test = tests.get(set.templates);
  if (!test) {
    const [titles, ...others] = groupsOf(set.templates);
    test = (text: string) => {
      let folded = fold(text);
      let hits = 0;
      // A title's words count for the title alone (整体支出 and 绩效目标 are inside titles).
      if (titles.some((w) => folded.includes(w))) {
        hits++;
        for (const w of titles) folded = folded.replaceAll(w, '|');
      }
      for (const group of others) if (group.some((w) => folded.includes(w)) && ++hits >= 2) return true;
      return false;
    };
    tests.set(set.templates, test);
  }
  return test;
}
