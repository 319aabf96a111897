// Phase `recognize`: document model → one record per form found, driven by the
// templates in rules/templates/ (labels are data; this code knows record keys only).
import type { DocModel } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import { buildRecord, fitTemplate, whyUnread, type RecognizedForm, type TemplateFit } from './build-record.js';
import { loadTemplates, TemplateFileError, type TemplateSet } from './load-templates.js';
import { withOcrConfidence } from './ocr-confidence.js';
import { bindReportsByTitle } from './report-binding.js';
import { placeReportsBeforeForms, type FoundForm } from './reports-before-forms.js';
import { furnitureUnit } from './read-header.js';
import { buildLexicon, flatten, segment, type Item, type Lexicon, type Segment } from './segments.js';
import { squeeze } from '../normalize/cell.js';
import { rowCells } from './grid.js';
import type { FormBlock, Template } from './template-schema.js';

export { loadTemplates, TemplateFileError, type TemplateSet, type RecognizedForm };
export type { Template } from './template-schema.js';

const KIND_NAMES: Record<string, string> = { 'dept-overall': '部门整体支出绩效自评表', project: '项目支出绩效自评表' };

function blockName(b: FormBlock, t: Template): string {
  const q = (l: string[] | undefined) => (l && l[0] ? `“${l[0]}”` : '');
  switch (b) {
    case 'fund':
      return `资金表（表头含${q(t.fund.columns.budget)}${q(t.fund.columns.actual)}列的${q(t.fund.anchors)}栏）`;
    case 'indicators':
      return `绩效指标表（表头含${q(t.indicators.columns.level1)}${q(t.indicators.columns.level2)}${q(t.indicators.columns.name)}列）`;
    case 'total':
      return `总分行（${q(t.total.labels)}）`;
    case 'goals':
      return `年度总体目标栏（${q(t.goals.anchors)}）`;
  }
}

function brokenMessage(fit: TemplateFit): string {
  const t = fit.template;
  const what = fit.titleMatch ? `“${KIND_NAMES[t.kind] ?? t.kind}”` : `${KIND_NAMES[t.kind] ?? t.kind}的资金表`;
  return `找到${what}，但缺少${fit.missing.map((b) => blockName(b, t)).join('、')}，无法读取；请检查表格是否完整`;
}

/** A printed title whose form could not be read: what of it is missing and what is
 *  printed but could not be read — the title itself was found. */
function titledMessage(fit: TemplateFit): string {
  const t = fit.template;
  const fundRead = !!fit.fund && fit.fund.lines.length > 0;
  const indicatorsRead = !!fit.indicators && fit.indicators.rows.length > 0;
  const lacking: string[] = [];
  const unread: string[] = [];
  if (t.requiredBlocks.includes('fund') && !fundRead) {
    if (fit.printed.fund) unread.push(whyUnread('fund', fit));
    else lacking.push(blockName('fund', t));
  }
  if (t.requiredBlocks.includes('indicators') && !indicatorsRead) {
    if (fit.printed.indicators) unread.push(whyUnread('indicators', fit));
    else lacking.push(blockName('indicators', t));
  }
  // The 总分 row is read with the indicators: unread indicators say it already.
  if (t.requiredBlocks.includes('total') && !fit.indicators?.total && !fit.printed.total) lacking.push(blockName('total', t));
  if (t.requiredBlocks.includes('goals') && !fit.printed.goals) lacking.push(blockName('goals', t));
  const what = [...(lacking.length ? [`缺少${lacking.join('、')}`] : []), ...unread];
  if (what.length === 0) what.push('其下的表格不是可识别的绩效自评表');
  return `找到“${KIND_NAMES[t.kind] ?? t.kind}”标题，但${what.join('；')}，无法读取；请检查表格是否完整`;
}

/** Something of the form stands under the title: a block read or printed. */
function holdsBlock(fit: TemplateFit): boolean {
  return !!fit.fund || !!fit.indicators || Object.keys(fit.printed).length > 0;
}

function notFoundMessage(templates: Template[]): string {
  const first = (key: 'budget' | 'actual') => templates.find((t) => t.fund.columns[key]?.length)?.fund.columns[key]?.[0] ?? '';
  const titles = [...new Set(templates.map((t) => t.title[0]).filter(Boolean))].map((x) => `“${x}”`);
  return `未找到绩效自评表：文档中没有含“${first('budget')}/${first('actual')}”列的资金表，也没有${titles.join('或')}标题`;
}

/** Labels that only a form's table prints: its fund anchor and fund lines (项目资金,
 *  年度资金总额, 财政拨款), the indicator anchor (绩效指标) and the 总分 row's label. */
function formLabels(t: Template): string[] {
  const lines = Object.values(t.fund.lines).flatMap((g) => Object.values(g ?? {}).flat());
  return [...t.fund.anchors, ...lines, ...t.indicators.anchors, ...t.total.labels];
}

/** A titled candidate with no table row of two cells, whose lines print two or more of its
 *  form's table labels: the form's table came out as lines of text — in a PDF, a table drawn
 *  without rules (an Excel sheet printed without gridlines), with rules across only, or with
 *  a frame around it and no rule inside (a web page saved as PDF: one cell holding it all).
 *  A letter naming the form (附件：…自评表) prints none of those labels. */
function printedAsLines(seg: Segment, templates: Template[]): boolean {
  if (!seg.title || seg.items.some((it) => it.kind === 'row' && rowCells(it.table, it.r).length > 1)) return false;
  const text = seg.items.map((it) => squeeze(it.kind === 'para' ? it.text : rowCells(it.table, it.r).map((rc) => rc.cell.text).join(''))).join('\n');
  return templates.some((t) => seg.title!.kinds.includes(t.kind) && new Set(formLabels(t).filter((l) => text.includes(l))).size >= 2);
}

/** (PDF only: a Word file whose tables a conversion dropped is told apart elsewhere.) */
function untabledMessage(seg: Segment): string {
  const kind = seg.title!.kinds[0];
  return `找到“${KIND_NAMES[kind] ?? kind}”标题，但其下的资金表、绩效指标表只读到文字行：表格内没有框线（或只有横线），无法按单元格读取；请提交带框线的 PDF，或 DOCX/XLSX 原件`;
}

/** What a clerk calls the document formats LibreOffice turns into DOCX. */
const WORD_FORMATS: Record<string, string> = {
  doc: 'Word 97-2003 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  rtf: 'RTF 文档（.rtf）',
  odt: 'OpenDocument 文本（.odt）',
};

/**
 * No form in a legacy document LibreOffice converted to DOCX that holds no table at all:
 * the form's table did not come through — it was a picture or text boxes in the original,
 * or the conversion dropped it (LibreOffice keeps only the paragraphs of some .doc files).
 * Saying that no fund table or title was found would send the clerk looking at a form that
 * is plainly there; this says what happened and what to do. Null for any other document or
 * failure (a converted document with tables fails as any other).
 */
export function convertedWithoutTable(err: unknown, doc: DocModel, from: string | undefined): FormFailure | null {
  if (!(err instanceof FormFailure) || err.code !== 'unrecognized-form' || from === undefined || !(from in WORD_FORMATS) || doc.tables.length > 0) return null;
  return notRecognized(
    doc,
    `此文件是 ${WORD_FORMATS[from]}，已由 LibreOffice 转换为 DOCX 后读取，但转换后的文档中没有任何表格（只有文字段落）：原件中的自评表可能是图片或文本框，或转换时表格没有保留，无法按单元格读取。` +
      '请在 Word 或 WPS 中打开原件，确认自评表是可编辑的表格后另存为 DOCX（或导出为 PDF）重新提交',
  );
}

// Built once per template set (read-only afterwards), not once per document.
const lexicons = new WeakMap<Template[], Lexicon>();

function lexiconOf(templates: Template[]): Lexicon {
  let lex = lexicons.get(templates);
  if (!lex) lexicons.set(templates, (lex = buildLexicon(templates)));
  return lex;
}

/** No form found; where scanned pages went unread (no OCR here), the form may be on them and the failure says so. */
function notRecognized(doc: DocModel, message: string): FormFailure {
  const unread = doc.unreadScans;
  if (!unread) return new FormFailure('unrecognized-form', message);
  const pages = unread.pages.map((n) => `第${n}页`).join('、');
  return new FormFailure('unrecognized-form', `${message}。另有${pages}只是扫描图片，没有读取，表可能在其中：${unread.why}`);
}

/** Finds every form in the document; throws FormFailure('unrecognized-form') when none. */
export function recognizeForms(doc: DocModel, templates: TemplateSet): RecognizedForm[] {
  if (templates.templates.length === 0) throw notRecognized(doc, '没有可用的表格模板（rules/templates/*.yaml），无法识别表格');
  const lex = lexiconOf(templates.templates);
  const segments = segment(flatten(doc), lex);
  const found: FoundForm[] = [];
  const broken: TemplateFit[] = [];
  // The best reading of a candidate holding a block under a printed title, for a failure
  // that says the title was found and what of its form is missing or unreadable (a line
  // naming the form with nothing of it below, 附件：…自评表 in a letter, is no such title).
  let titled: TemplateFit | null = null;
  // The body before the first form: a cover letter, a title — or the report itself.
  const preamble: Item[] = [];
  for (const seg of segments) {
    const fits = templates.templates.map((t) => fitTemplate(seg, t)).filter((f): f is TemplateFit => f !== null);
    const best = (list: TemplateFit[]) => list.reduce<TemplateFit | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
    const ok = best(fits.filter((f) => f.valid && f.missing.length === 0));
    const titledFit = best(fits.filter((f) => f.titleMatch && holdsBlock(f)));
    if (titledFit && (titled === null || titledFit.score > titled.score)) titled = titledFit;
    if (ok) {
      found.push({ seg, fit: ok });
      continue;
    }
    const bad = best(fits.filter((f) => f.looksLikeForm || (f.valid && f.missing.length > 0)));
    if (bad) {
      if (bad.titleMatch || found.length === 0) broken.push(bad);
    }
    // Not a form: its text still belongs to the form before it (its narrative).
    const prev = found[found.length - 1];
    if (prev) prev.seg.tail.push(...seg.items, ...seg.tail);
    else preamble.push(...seg.items, ...seg.tail);
  }
  // A titled form missing a block is reported even beside good forms: dropping it silently would hide it.
  const titledBroken = broken.find((b) => b.titleMatch);
  if (titledBroken) throw notRecognized(doc, brokenMessage(titledBroken));
  if (found.length === 0) {
    if (broken.length) throw notRecognized(doc, brokenMessage(broken[0]));
    if (titled) throw notRecognized(doc, titledMessage(titled));
    const untabled = doc.format === 'pdf' ? segments.find((seg) => printedAsLines(seg, templates.templates)) : undefined;
    if (untabled) throw notRecognized(doc, untabledMessage(untabled));
    throw notRecognized(doc, notFoundMessage(templates.templates));
  }
  placeReportsBeforeForms(found, preamble);
  // the text before the first form when no form took it as its report
  bindReportsByTitle(found, lex, found[0].seg.lead === undefined ? preamble : []);
  const pageUnit = furnitureUnit(doc.pageFurniture);
  return found.map(({ seg, fit, unbound }) => {
    const record = buildRecord(seg, fit, pageUnit);
    return withOcrConfidence(unbound?.length ? { ...record, unboundReports: unbound } : record, doc);
  });
}
