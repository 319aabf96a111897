// Whether a PDF page's text alone says it can hold part of a form — the test the PDF
// reader asks before laying a page out (src/read/pdf-page-filter.ts). Its words are the
// templates' own labels, in groups: titles, fund anchors, score and weight columns and
// total-score labels, indicator anchors and levels, goal anchors. A form page prints
// words of at least two groups (a title over a fund table; a fund anchor beside 分值 and
// 得分; indicator levels beside 分值), and prints them in cells, not in sentences. One
// group alone is what a publication's other pages print: a table of contents naming the
// 自评表, prose on 预算执行情况; two in sentences, its 预算绩效管理情况.
import type { PageTest } from '../read/pdf-page-filter.js';
import type { TemplateSet } from './load-templates.js';
import type { Template } from './template-schema.js';

/** Words shorter than this say too little on their own (率, 权, 执行). */
const MIN_WORD = 2;

/** A label is a table cell's text: its longest words are 10 characters (年度总体目标完成情况). */
const MAX_CELL = 16;
/** A line holding a sentence's punctuation is a paragraph's line, not a row of labels. */
const SENTENCE = /[，。；！？]/;

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

const built = new WeakMap<Template[], PageTest>();

/**
 * The page test for a template set (built once per set), on a page's text with its
 * lines and the spaces between cells (pageText in src/read/pdf-page-filter.ts, or
 * pdftotext -raw). Words of two groups must be on the page (the text whole, whitespace
 * aside), and — unless it prints a form's title — they must stand in cells: a line
 * holding a sentence's punctuation (，。；) is a paragraph's line and is left out, and so
 * is a piece longer than MAX_CELL between spaces; what remains is joined (a label wrapped
 * in its cell joins again) and tested once more. The 预算绩效管理情况 prose every 部门决算
 * publication carries ("编报绩效目标的项目12个，绩效自评平均得分95.60分") names two groups'
 * words, not in cells.
 */
export function formPageTest(set: TemplateSet): PageTest {
  let test = built.get(set.templates);
  if (!test) {
    const [titles, ...others] = groupsOf(set.templates);
    /** Whether words of two groups are in the text, and whether one is a title's. */
    const groupsIn = (raw: string): { two: boolean; title: boolean } => {
      let folded = fold(raw);
      let hits = 0;
      // A title's words count for the title alone (整体支出 and 绩效目标 are inside titles).
      const title = titles.some((w) => folded.includes(w));
      if (title) {
        hits++;
        for (const w of titles) folded = folded.replaceAll(w, '|');
      }
      for (const group of others) if (group.some((w) => folded.includes(w)) && ++hits >= 2) return { two: true, title };
      return { two: false, title };
    };
    test = (raw: string) => {
      const page = groupsIn(raw);
      if (!page.two) return false;
      if (page.title) return true;
      const cells = raw
        .split('\n')
        .filter((line) => !SENTENCE.test(line))
        .flatMap((line) => line.split(/\s+/))
        .filter((piece) => piece.length <= MAX_CELL);
      return groupsIn(cells.join('')).two;
    };
    built.set(set.templates, test);
  }
  return test;
}
