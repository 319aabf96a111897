// Some documents print each form's report before the form: a 自评报告 with its 自评表
// appended at the end, or "一、XX项目", a paragraph on it, then its table, project after
// project. Read the usual way, the first report is lost and each later one is taken as
// the narrative of the form before it, whose figures it then contradicts.
import type { UnboundReport } from '../model/record.js';
import { formExtent, type TemplateFit } from './build-record.js';
import { isContentsEntry } from './contents.js';
import { extractNarrativeFacts } from './facts.js';
import { isNarrativeHeading, narrativeInBody, numberParagraphs, sectionNumber } from './narrative.js';
import { bodyAfter, readNarrative } from './read-narrative.js';
import { MAX_TITLE_LENGTH, type Item, type Segment } from './segments.js';
import type { Template } from './template-schema.js';

export interface FoundForm {
  seg: Segment;
  fit: TemplateFit;
  /** Reports printed with this form that bind to no form of the file (report-binding.ts). */
  unbound?: UnboundReport[];
}

/** A report's title or heading: "XX局2023年度部门整体支出绩效自评报告", "项目支出绩效自评情况". */
const REPORT_TITLE = /自评.*(?:报告|情况|说明)/;

function isReportTitle(it: Item, t: Template): boolean {
  if (it.kind !== 'para' || isContentsEntry(it.text)) return false; // "三、绩效自评情况说明……3" names it
  const s = it.text.replace(/\s+/g, '');
  return (s.length <= MAX_TITLE_LENGTH && REPORT_TITLE.test(s)) || isNarrativeHeading(it.text, t);
}

/** The form's narrative is printed with it: under a heading in its table, in wide cells
 *  after 总分 or in the text after it. Prose rows labelled 主要绩效 are not: they stand in
 *  for a report only when none is printed (a report before the form is still its narrative,
 *  and the rows' 存在问题/改进措施 cells its conclusions, as labelled fields always are). */
function hasNarrativeOfItsOwn({ seg, fit }: FoundForm): boolean {
  const { narrative, fromProseRows } = readNarrative(seg, fit.indicators, formExtent(seg, fit), fit.template).value;
  return narrative.text !== null && !fromProseRows;
}

/** When the text before the first form is a report — under a report's title, and
 *  stating figures or under the narrative's own heading — and the last form has no
 *  narrative of its own (prose rows aside), each form's narrative is the text between
 *  the form before it and itself, the first form's from the report's title on:
 *  `seg.lead` is set on every form. Other text before a form (a cover letter without figures, a 部门决算
 *  publication the form is appended to) is no report of it. */
export function placeReportsBeforeForms(found: FoundForm[], preamble: Item[]): void {
  if (found.length === 0) return;
  const t = found[0].fit.template;
  const from = preamble.findIndex((it) => isReportTitle(it, t));
  if (from < 0) return;
  const report = preamble.slice(from);
  const opening = numberParagraphs(narrativeInBody(report, t), t);
  if (opening.length === 0) return;
  const last = found[found.length - 1];
  if (hasNarrativeOfItsOwn(last)) {
    // One report around its one form (一、基本情况 | the form as 附表 | 二、绩效自评结论…):
    // the sections after the form go on numbering those before it, so both are its narrative.
    if (found.length !== 1) return;
    const after = bodyAfter(last.seg, formExtent(last.seg, last.fit).formEnd);
    if (continuesSections(report, after)) last.seg.lead = [...report, ...after];
    return;
  }
  const headed = report.some((it) => it.kind === 'para' && isNarrativeHeading(it.text, t));
  if (!headed && Object.keys(extractNarrativeFacts(opening.map((p) => p.text)).facts).length === 0) return;
  const after = found.map(({ seg, fit }) => bodyAfter(seg, formExtent(seg, fit).formEnd));
  found.forEach(({ seg }, k) => {
    seg.lead = k === 0 ? report : after[k - 1];
  });
}

/** The text after the form opens with the section the report before it numbers next,
 *  in the same style (一、 … before, 二、 after; （一）/（二）; 第一部分/第二部分): one report
 *  printed around the form. */
function continuesSections(before: Item[], after: Item[]): boolean {
  const numberOf = (it: Item) => (it.kind === 'para' ? sectionNumber(it.text) : null);
  const last = new Map<string, number>();
  for (const it of before) {
    const s = numberOf(it);
    if (s) last.set(s.style, s.n);
  }
  for (const it of after) {
    const s = numberOf(it);
    if (s) return last.get(s.style) === s.n - 1;
  }
  return false;
}
