// The narrative part (评价报告综述 / 自评报告): where it is (the table's last cells or
// the body text after the table), its paragraph numbering (record.md), its
// sections (存在的主要问题, 改进措施…) and the subject of its 概况 part.
import type { DocCell, DocTable } from '../model/document.js';
import { foldText, squeeze } from '../normalize/cell.js';
import { contentsLines, isContentsEntry } from './contents.js';
import { rowCells, type RowCell } from './grid.js';
import { containsAny, matches, matchesExactly, normLabel } from './labels.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

const WS = /^[\s\u3000\u00A0\u200B\uFEFF]+|[\s\u3000\u00A0\u200B\uFEFF]+$/g;
const trimAll = (s: string) => s.replace(WS, '');

/** A narrative paragraph with the page it is printed on (PDF; null for DOCX), so a quote can name its page. */
export interface NarrativePara {
  text: string;
  page: number | null;
}

/** A cell's paragraphs, each on the cell's page. */
export function cellParas(cell: DocCell): NarrativePara[] {
  if (cell.paragraphs.length === 0) return [{ text: cell.text, page: cell.page }];
  return cell.paragraphs.map((text, i) => ({ text, page: cell.paragraphPages?.[i] ?? cell.page }));
}

/** The cells of row `r` that start there and hold text: one alone is prose, not a label and its value. */
export function textCells(table: DocTable, r: number): RowCell[] {
  return rowCells(table, r).filter((rc) => rc.cell.origin.row === r && trimAll(rc.cell.text) !== '');
}

/** Longest paragraph taken for a heading. */
const MAX_HEADING_LENGTH = 40;

/** True when the paragraph is a narrative heading (五、评价报告综述（文字部分）): it holds
 *  one of the template's headings, or names such a text by meaning (namesReport). */
export function isNarrativeHeading(text: string, t: Template): boolean {
  if (text.length > MAX_HEADING_LENGTH * 3 || isContentsEntry(text)) return false;
  const s = normLabel(text);
  return s.length > 0 && s.length <= MAX_HEADING_LENGTH && (containsAny(s, t.narrative.headings) !== null || namesReport(text, s));
}

/** A text's kind, ending its name: a report, an account, a summary, an analysis. */
const REPORT_KIND = /(?:报告|说明|综述|总结|分析)$/;
/** What it is about: the performance self-evaluation. */
const REPORT_SUBJECT = /绩效|自评|评价/;
/** Not a text of that evaluation: the form itself (自评表), its indicators, or the
 *  instructions for filling it in (填报说明, 填表说明, 编制说明). */
const NOT_A_REPORT = /表|指标|填报|填写|编制/;

/** A line naming the evaluation's text by meaning, its wording unlisted: "项目绩效自评情况
 *  说明", "部门整体支出绩效自评报告", "绩效评价总结" — a line of its own (no clause in it),
 *  printed over the text (a part numbered （一） or 1. inside a text is none of it), its
 *  subject the evaluation and its last word the kind of text (a remark in brackets after it
 *  left aside). `s` is the line normalized. */
export function namesReport(text: string, s: string): boolean {
  if (/[,，。;；!！?？]/.test(s) || sectionLevel(text) > 1) return false;
  const name = s.replace(/(?:\([^()]*\))+$/, '');
  return REPORT_KIND.test(name) && REPORT_SUBJECT.test(name) && !NOT_A_REPORT.test(name);
}

/** Where the table holds the narrative: the cell whose first paragraph is its heading. */
export function narrativeInTable(table: DocTable, fromRow: number, t: Template): { row: number; paragraphs: NarrativePara[] } | null {
  for (let r = Math.max(0, fromRow); r < table.rows.length; r++) {
    const cells = rowCells(table, r);
    for (let j = 0; j < cells.length; j++) {
      const paras = cellParas(cells[j].cell);
      const firstIdx = paras.findIndex((p) => trimAll(p.text) !== '');
      if (firstIdx < 0 || !isNarrativeHeading(paras[firstIdx].text, t)) continue;
      // The heading paragraph, then the rest of its cell, the cells to its right and the rows below.
      const out = [...paras.slice(firstIdx + 1)];
      for (const rc of cells.slice(j + 1)) out.push(...cellParas(rc.cell));
      for (let rr = r + 1; rr < table.rows.length; rr++) {
        for (const rc of rowCells(table, rr)) if (rc.cell.origin.row === rr) out.push(...cellParas(rc.cell));
      }
      return { row: r, paragraphs: out };
    }
  }
  return null;
}

/** The prose of rows labelled as narrative (主要绩效 | 全年实施临时救助1865人次…), from
 *  `fromRow` on: the text beside each label, rows in order. Unlike a heading cell, such a
 *  label heads its own row only: the rows below it are fields of their own (存在问题, 自评等级). */
export function narrativeRows(table: DocTable, fromRow: number, t: Template): { row: number; paragraphs: NarrativePara[] } | null {
  let first = -1;
  const paragraphs: NarrativePara[] = [];
  for (let r = Math.max(0, fromRow); r < table.rows.length; r++) {
    const [label, ...prose] = textCells(table, r);
    if (!label || prose.length === 0 || !matchesExactly(label.label, t.narrative.rows)) continue;
    if (first < 0) first = r;
    for (const rc of prose) paragraphs.push(...cellParas(rc.cell));
  }
  return first >= 0 ? { row: first, paragraphs } : null;
}

/** An item's number where a line opens with one: 1. 1、 1． (1) （1） ① (half-width after squeeze). */
const ITEM_OPEN = /^(?:\(?(\d{1,2})[.、)](?!\d)|([\u2460-\u2473]))/;
/** The items a note numbers inside its text ("注：1.本表金额单位为万元。2.执行率=…"): each
 *  opens the note's text or follows the end of a clause. */
const ITEM_INSIDE = /(?:^|[。；;，,])\(?(\d{1,2})[.、)](?!\d)|([\u2460-\u2473])/g;

function itemNumber(m: RegExpExecArray | RegExpMatchArray): number {
  return m[1] !== undefined ? Number(m[1]) : m[2].codePointAt(0)! - 0x2460 + 1;
}

/** The highest item number a note's text holds (0: none). */
function lastItem(text: string): number {
  let n = 0;
  for (const m of text.matchAll(ITEM_INSIDE)) n = Math.max(n, itemNumber(m));
  return n;
}

/** Where a paragraph opens a note (the lexicon's narrative.notes: "注：", "备注：", "说明：",
 *  "填表说明：", "注1."), the note's text after its label; else null. */
export function noteText(text: string, t: Template): string | null {
  const s = squeeze(text);
  for (const label of t.narrative.notes) {
    if (!s.startsWith(label)) continue;
    const rest = s.slice(label.length);
    if (/^[:：]/.test(rest)) return rest.slice(1);
    // "注1.本表…", "注①…": the label and the note's first item
    if (ITEM_OPEN.test(rest)) return rest;
  }
  return null;
}

/** The paragraphs without the notes printed with the form: a paragraph opening with a note's
 *  label (注：1.本表金额单位为万元。2.执行率=执行数/预算数。), and the items numbered on after
 *  it ("3.资金得分=分值×执行率" on a line of its own, or "1.…" under a "填表说明：" alone). A
 *  note says how to read the table — its unit, its formulas, how it is scored — and is no
 *  part of the form's narrative: its figures are no statement to check against the table. */
export function withoutNotes<P extends { text: string }>(paragraphs: readonly P[], t: Template): P[] {
  const out: P[] = [];
  let next = 0; // the number the note's next item would take (0: no note open)
  for (const p of paragraphs) {
    const note = noteText(p.text, t);
    if (note !== null) {
      // items go on below a label alone ("填表说明：") or below numbered items; a note of one
      // sentence ("注：本表金额单位为万元。") is all there is of it
      const items = lastItem(note);
      next = items > 0 ? items + 1 : note === '' ? 1 : 0;
      continue;
    }
    const s = squeeze(p.text);
    const open = next > 0 ? ITEM_OPEN.exec(s) : null;
    if (open && itemNumber(open) === next) {
      next = Math.max(next, lastItem(s)) + 1;
      continue;
    }
    if (s !== '') next = 0;
    out.push(p);
  }
  return out;
}

/** Body paragraphs of the narrative: after its heading when one is printed. Under a
 *  heading, the narrative may also stand in a box of its own after the form (a one-cell
 *  table, or rows of one wide cell each, as a spreadsheet form types it): a row holding a
 *  single cell of text reads as that cell's paragraphs; rows of several cells are no prose. */
export function narrativeInBody(items: Item[], t: Template): NarrativePara[] {
  const pieces: (NarrativePara & { boxed: boolean })[] = [];
  for (const it of items) {
    if (it.kind === 'para') {
      pieces.push({ text: it.text, page: it.page, boxed: false });
      continue;
    }
    const cells = textCells(it.table, it.r);
    if (cells.length === 1) pieces.push(...cellParas(cells[0].cell).map((p) => ({ ...p, boxed: true })));
  }
  const h = pieces.findIndex((p, i) => isNarrativeHeading(p.text, t) && !continuesParts(pieces, i));
  const out = withoutNotes(h >= 0 ? pieces.slice(h + 1) : pieces.filter((p) => !p.boxed), t);
  // Without its heading, lines after the form are its narrative only if they hold prose:
  // an annex label of the next form ("附件2-1") or a signature line ("单位负责人：刘建国
  // 审核人：陈丽") alone is no narrative.
  if (h < 0 && !holdsProse(out)) return [];
  return out.map(({ text, page }) => ({ text, page }));
}

/** The line at `i` is numbered as the next part of a text begun above it ("三、绩效分析"
 *  after "二、…"): a part of that text, not the heading over it. */
function continuesParts(pieces: readonly { text: string }[], i: number): boolean {
  const own = sectionNumber(trimAll(pieces[i].text));
  if (!own || own.n < 2) return false;
  return pieces.slice(0, i).some((p) => {
    const s = sectionNumber(trimAll(p.text));
    return s !== null && s.style === own.style && s.n === own.n - 1;
  });
}

/** A clause or sentence of Chinese prose: its punctuation. */
const PROSE = /[，。；！？]/;

/** Some paragraph holds prose: lines without any (a sign-off line, an annex label) are no narrative alone. */
export function holdsProse(paragraphs: readonly { text: string }[]): boolean {
  return paragraphs.some((p) => PROSE.test(p.text));
}

/** Numbered narrative paragraphs: blank ones take no number, nor does a table of
 *  contents — nor the cover lines before it (the unit, the date: no prose) when nothing
 *  but those comes first — nor an annex label ending it; ends trimmed. */
export function numberParagraphs(paragraphs: NarrativePara[], t: Template): NarrativePara[] {
  const lines = withoutContents(
    paragraphs.map((p) => ({ text: trimAll(p.text), page: p.page })).filter((p) => p.text !== ''),
    t,
  );
  let end = lines.length;
  while (end > 0 && isAnnexLabel(lines[end - 1].text, t)) end--;
  return lines.slice(0, end);
}

function withoutContents(lines: NarrativePara[], t: Template): NarrativePara[] {
  const toc = contentsLines(
    lines.map((p) => p.text),
    t.narrative.contents,
  );
  if (toc.size === 0) return lines;
  const first = Math.min(...toc);
  const from = lines.slice(0, first).some((p) => PROSE.test(p.text)) ? 0 : first;
  return lines.filter((_, i) => i >= from && !toc.has(i));
}

/** An annex label alone on its line ("附件", "附件2-1", "附表1"): it names what follows it. */
function isAnnexLabel(text: string, t: Template): boolean {
  return text.length <= MAX_HEADING_LENGTH && matchesExactly(normLabel(text).replace(/[0-9一二三四五六七八九十\-－—.、]+$/, ''), t.narrative.annexes);
}

// Numbering styles of section headings, outermost first: 一、 / （一） / 1. / （1）
/** Section numberings, their number captured: 一、 （一） 1. （1） at levels 1–4, outermost
 *  first; 第一部分 (章, 节, 篇) numbers a report's parts but opens no level of these. */
const SECTION_NUMBERING: { style: string; level: number; re: RegExp }[] = [
  { style: '一、', level: 1, re: /^([一二三四五六七八九十]+)[、.]/ },
  { style: '(一)', level: 2, re: /^\(([一二三四五六七八九十]+)\)/ },
  { style: '1.', level: 3, re: /^(\d{1,2})[、.](?!\d)/ },
  { style: '(1)', level: 4, re: /^\((\d{1,2})\)/ },
  { style: '第一部分', level: 0, re: /^第([一二三四五六七八九十]+)(?:部分|章|节|篇)/ },
];

/** The level of the section a paragraph's numbering opens (1 for 一、 … 4 for （1）), 0 for none. */
export function sectionLevel(p: string): number {
  const s = squeeze(p.slice(0, 12));
  return SECTION_NUMBERING.find((n) => n.level > 0 && n.re.test(s))?.level ?? 0;
}

const DIGITS = '一二三四五六七八九';

/** 一 … 九十九 as a number (null where not such a numeral). */
function hanNumber(s: string): number | null {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS.indexOf(a) + 1 : null;
  return (a ? DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? DIGITS.indexOf(b) + 1 : 0);
}

/** A paragraph's section numbering, its style and number (二、 → 一、, 2), or null. */
export function sectionNumber(p: string): { style: string; n: number } | null {
  const s = squeeze(p.slice(0, 12));
  for (const { style, re } of SECTION_NUMBERING) {
    const m = re.exec(s);
    const n = m ? (/\d/.test(m[1]) ? Number(m[1]) : hanNumber(m[1])) : null;
    if (n !== null) return { style, n };
  }
  return null;
}

/** The outer two levels (一、 and （一）): the report's own parts; 0 for any other paragraph. */
function levelOf(p: string): number {
  const level = sectionLevel(p);
  return level <= 2 ? level : 0;
}

/** Cheap pre-test before normalizing: a heading (or a "标题：内容" line) is short. */
function looksShort(p: string): boolean {
  return p.length <= MAX_HEADING_LENGTH * 3;
}

/** The ways a paragraph may open a section: "存在问题：内容" (its heading, then the content
 *  inline), "五、存在的主要问题" alone, or "四、自评结论。自评得分…" — a heading closed by a
 *  full stop, its content after it (the words before the stop end with the heading's: a
 *  sentence such as "本项目自评结论为优。" opens no section). */
function headingSplits(raw: string, labels: string[]): { label: string; inline: string }[] {
  const out: { label: string; inline: string }[] = [];
  const head = raw.slice(0, MAX_HEADING_LENGTH * 2);
  const colon = head.search(/[:：]/);
  if (colon >= 0) out.push({ label: normLabel(raw.slice(0, colon)), inline: raw.slice(colon + 1) });
  else if (looksShort(raw)) out.push({ label: normLabel(raw), inline: '' });
  const stop = head.indexOf('。');
  if (stop > 0 && (colon < 0 || stop < colon)) {
    const label = normLabel(raw.slice(0, stop));
    if (labels.some((w) => label.endsWith(w))) out.unshift({ label, inline: raw.slice(stop + 1) });
  }
  return out;
}

/** A sign-off line ("联系人：钟建华　联系电话：0797-3721456　填报日期：2024年2月28日",
 *  "（联系人：李娟，联系电话：…）", "填报单位（盖章）："): no sentence ends in it, and its
 *  first label ends with a sign-off word; or a date alone ("2024年3月5日"). */
function isSignoffLine(text: string, signoff: readonly string[]): boolean {
  if (!looksShort(text) || /[。；！？;!?]/.test(text)) return false;
  const s = squeeze(text);
  if (/^\(?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\)?$/.test(s)) return true;
  const colon = s.indexOf(':');
  if (colon < 0) return false;
  const label = normLabel(s.slice(0, colon)).replace(/[()]/g, '');
  return signoff.some((w) => label.endsWith(w));
}

/** Where a section of the text ends without a heading: a sign-off line, or a line naming
 *  an annex ("附件：XX局2023年度部门整体支出绩效自评表", "附件2-1"). */
function endsSection(p: string, t: Template): boolean {
  if (isSignoffLine(p, t.narrative.signoff)) return true;
  const colon = p.search(/[:：]/);
  return isAnnexLabel(colon < 0 ? p : p.slice(0, colon), t);
}

/** The text of the section whose heading matches `labels` (存在的主要问题 → "无"), or
 *  undefined. It runs until the next heading, a sign-off line or an annex's label. */
export function sectionText(paragraphs: string[], labels: string[], otherHeadings: string[], t: Template): string | null | undefined {
  for (let i = 0; i < paragraphs.length; i++) {
    const raw = paragraphs[i];
    if (isContentsEntry(raw)) continue; // a contents entry names the section, elsewhere
    const head = headingSplits(raw, labels).find(({ label }) => label.length <= MAX_HEADING_LENGTH && matches(label, labels));
    if (!head) continue;
    if (foldText(head.inline)) return foldText(head.inline);
    const level = levelOf(raw);
    const body: string[] = [];
    for (let j = i + 1; j < paragraphs.length; j++) {
      const p = paragraphs[j];
      const l = levelOf(p);
      const isHeading = (level !== 0 && l !== 0 && l <= level) || (looksShort(p) && normLabel(p).length <= MAX_HEADING_LENGTH && matches(normLabel(p), otherHeadings));
      if (isHeading || endsSection(p, t)) break;
      body.push(p);
    }
    return foldText(body.join('\n'));
  }
  return undefined;
}

/** The paragraphs of the 概况 part (or the first few when it has no such heading). */
function overviewPart(paragraphs: string[], t: Template): string[] {
  const h = paragraphs.findIndex((p) => looksShort(p) && normLabel(p).length <= MAX_HEADING_LENGTH && containsAny(normLabel(p), t.narrative.overview) !== null);
  if (h < 0) return paragraphs.slice(0, 3);
  const level = levelOf(paragraphs[h]);
  const out: string[] = [];
  for (let j = h + 1; j < paragraphs.length; j++) {
    const l = levelOf(paragraphs[j]);
    if (level !== 0 && l !== 0 && l <= level) break;
    out.push(paragraphs[j]);
  }
  return out;
}

const SUBJECT = /^(?:\([一二三四五六七八九十0-9]+\)|[一二三四五六七八九十0-9]+[、.])?([^,，。;；:：“”"'\s、()（）]{2,40}?)是/;

/** The subject of the first "X是…" sentence of the 概况 part: the unit's name. */
export function overviewSubject(paragraphs: string[], t: Template): string | null {
  for (const p of overviewPart(paragraphs, t)) {
    for (const sentence of squeeze(p).split(/[。!?！？]/)) {
      const m = SUBJECT.exec(sentence);
      if (!m) continue;
      const x = m[1];
      if (/^[我本该其这此]/.test(x) || /\d{4}年/.test(x)) continue;
      return x;
    }
  }
  return null;
}
