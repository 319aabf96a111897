// The form's single values: money unit, year, entity, 主管部门/实施单位, 自评等级 and the
// conclusions — from labelled cells and lines, the title, and the narrative as fallback.
import type { FormRecord } from '../model/record.js';
import { escapeRegExp, toHalfWidth } from '../normalize/cell.js';
import { unitIn, type SourceUnit } from '../normalize/unit.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import { readFields } from './fields.js';
import type { FundBlock } from './fund-block.js';
import { rowCells } from './grid.js';
import { isGradeWord } from './read-total.js';
import { overviewSubject, sectionText } from './narrative.js';
import type { Item, Segment, TitleHit } from './segments.js';
import type { Template } from './template-schema.js';

export type HeaderReading = Pick<FormRecord, 'year' | 'entity' | 'header' | 'grade' | 'conclusions'>;

function yearIn(text: string | null | undefined): number | null {
  if (!text) return null;
  const s = toHalfWidth(text);
  const m = /((?:19|20)\d{2})\s*年度/.exec(s) ?? /((?:19|20)\d{2})\s*年/.exec(s);
  return m ? Number.parseInt(m[1], 10) : null;
}

/** A day's date (2024年3月15日) or a text labelled as one (填报日期, 报送日期): the day the
 *  form was filled in or sent, in the year after the one it reports on — no form's year. */
function isDate(text: string): boolean {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  return /日期|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/.test(s);
}

/** The year the first of `texts` states, most telling first; a date only where no text
 *  states a year otherwise (a form's year is its title's or its 年度 line's, never the
 *  filing date of a cover block above it). */
function yearOf(texts: readonly string[]): number | null {
  for (const dates of [false, true]) {
    for (const text of texts) {
      if (isDate(text) !== dates) continue;
      const y = yearIn(text);
      if (y !== null) return y;
    }
  }
  return null;
}

/** The unit the form prints money in, read first because the fund reader needs it:
 *  a header cell of the fund block, the form's head rows above it (up to `headEnd`),
 *  the lines above the table, the title; then what is printed over the form rather than
 *  in it — the page header's lines above its title, the unit every page's header or
 *  footer states (`pageUnit`); else 万元. */
export function readUnit(seg: Segment, fund: FundBlock | null, headEnd: number, pageUnit: SourceUnit | null = null): SourceUnit {
  const texts: string[] = [];
  if (fund) {
    for (const rc of rowCells(fund.table, fund.headerRow)) texts.push(rc.cell.text);
    if (fund.anchor) texts.push(fund.anchor.cell.text);
    for (let r = headEnd - 1; r >= 0; r--) for (const rc of rowCells(fund.table, r)) if (rc.label.length <= 60) texts.push(rc.cell.text);
  }
  for (let i = 0; i < (seg.fundHeaderAt ?? 0); i++) {
    const it = seg.items[i];
    if (it.kind === 'para') texts.push(it.text);
  }
  if (seg.title) texts.push(seg.title.text);
  for (const s of [...texts, ...(seg.above ?? [])]) {
    const u = unitIn(s);
    if (u) return u;
  }
  return pageUnit ?? '万元';
}

/** The unit a document's page headers and footers state (DocModel.pageFurniture), when
 *  they state one only; null when none does or they disagree. */
export function furnitureUnit(lines: readonly string[] | undefined): SourceUnit | null {
  const units = new Set((lines ?? []).map(unitIn).filter((u): u is SourceUnit => u !== null));
  return units.size === 1 ? [...units][0] : null;
}

/** A year as a title prints it: 2023年度, （2023年度）, 2023年. */
const TITLE_YEAR = /\(?(?:19|20)\d{2}年度?\)?/g;
/** An annex label's number after its word: 附件1, 附表2-1, 附件一, 表3. */
const LABEL_NUMBER = '[0-9一二三四五六七八九十]*(?:[-—.][0-9]+)*[:、.]?';
/** A unit's name: Chinese characters (its brackets allowed: 某局(本级)), three at least. */
const UNIT_NAME = /^[\p{Script=Han}()]{3,40}$/u;

/**
 * The unit's name a title prints before the form's name — "深圳市福田区科技创新局2023年度
 * 部门整体支出绩效自评表", "2023年度某局部门整体支出绩效自评表": the title's prefix without its
 * year and an annex label (附件1：, 附表2, 表3), when what remains is a name (UNIT_NAME) and
 * no level (市级, 省本级 name which units, not one). Null otherwise.
 */
export function titleEntity(title: Pick<TitleHit, 'text' | 'nameAt'>, t: Template): string | null {
  const words = [...t.narrative.annexes, '表'].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const annex = new RegExp(`^(?:${words.join('|')})${LABEL_NUMBER}`);
  const s = title.text
    .slice(0, title.nameAt)
    .replace(annex, '')
    .replace(TITLE_YEAR, '')
    .replace(/^[:、.\-—]+|[:、.\-—]+$/g, '');
  return UNIT_NAME.test(s) && !s.endsWith('级') ? s : null;
}

export interface HeaderContext {
  fund: FundBlock | null;
  /** Rows of the fund block's table above this one are the form's head (build-record.ts headEnd). */
  headEnd: number;
  /** Last segment item of the form's tables (-1: none): body lines after it are narrative, not fields. */
  formEnd: number;
  /** Segment item where a narrative inside the table begins (-1: none). */
  narrativeStart: number;
  /** The numbered narrative paragraphs (fallback for entity, year and conclusions). */
  paragraphs: string[];
}

export function readHeader(seg: Segment, t: Template, ctx: HeaderContext): BlockReading<HeaderReading> {
  const { fund, headEnd, formEnd, narrativeStart, paragraphs } = ctx;
  // Provenance is noted as fields are read; the value is assembled at the end.
  const notes = blockReading(null);

  // Labelled fields come from the form, not from its narrative.
  const skip = new Set<number>();
  seg.items.forEach((it, i) => {
    if (i > formEnd && formEnd >= 0 && it.kind === 'para') skip.add(i);
    if (narrativeStart >= 0 && i >= narrativeStart) skip.add(i);
  });
  const fields = readFields(seg.items, t, skip);
  const fromField = (k: keyof typeof fields, path: string): string | null | undefined => {
    const hit = fields[k];
    if (!hit) return undefined;
    if (hit.at) noteCell(notes, path, hit.at.table, hit.at.row, hit.at.col, hit.at.raw);
    return hit.value;
  };

  // Read in this order so provenance keeps the order records have always had.
  let entity: string | null | undefined;
  if (t.kind === 'project') entity = fromField('project', 'entity') ?? undefined;
  if (entity == null) entity = fromField('entity', 'entity') ?? undefined;
  // No field names it: the unit's name the title prints before the form's name.
  if (entity == null && seg.title) entity = titleEntity(seg.title, t) ?? undefined;
  if (entity == null) entity = overviewSubject(paragraphs, t);

  const department = fromField('department', 'header.department') ?? null;
  const implementer = fromField('implementer', 'header.implementer') ?? null;
  const grade = fromField('grade', 'grade') ?? null;
  const otherHeadings = [...t.conclusions.verdict, ...t.conclusions.problems, ...t.conclusions.measures];
  const conclusion = (k: 'verdict' | 'problems' | 'measures'): string | null => {
    const cell = fromField(k, `conclusions.${k}`);
    if (cell !== undefined) return cell;
    const s = sectionText(paragraphs, t.conclusions[k], otherHeadings, t);
    return s === undefined ? null : s;
  };
  const conclusions = { verdict: conclusion('verdict'), problems: conclusion('problems'), measures: conclusion('measures') };
  // A 自评结果 cell holding a grade word alone ("自评结果 | 优") says the grade too, when no 自评等级 does.
  const verdictAt = fields.verdict?.at;
  const verdictGrade = grade === null && verdictAt && conclusions.verdict !== null && isGradeWord(conclusions.verdict) ? conclusions.verdict.trim() : null;
  if (verdictGrade && verdictAt) noteCell(notes, 'grade', verdictAt.table, verdictAt.row, verdictAt.col, verdictAt.raw);
  const lineGrade = grade === null && verdictGrade === null ? gradeBelowForm(seg.items, formEnd, t) : null;

  // Year: the title, the lines above the first table, the form's head cells, the narrative.
  const firstRowItem = seg.items.findIndex((it) => it.kind === 'row');
  const preamble = seg.items.slice(0, firstRowItem < 0 ? 0 : firstRowItem).filter((it): it is Item & { kind: 'para' } => it.kind === 'para');
  const yearTexts = [seg.title?.text ?? '', ...preamble.map((p) => p.text)];
  if (fund) for (let r = 0; r < headEnd; r++) for (const rc of rowCells(fund.table, r)) if (rc.label.length <= 60) yearTexts.push(rc.cell.text);
  const year = yearOf([...yearTexts, ...paragraphs]);

  return { ...notes, value: { year, entity: entity ?? null, header: { department, implementer }, grade: grade ?? verdictGrade ?? lineGrade, conclusions } };
}

/** Lines right under a form's last table that may still be its own: the 自评等级, 填表人 and
 *  填报日期 lines a clerk types below the grid instead of in a row of it. */
const LINES_UNDER_FORM = 3;

/** A grade stated on a line right under the form ("自评等级：优　　填表人：张三"), when its
 *  value is a grade word alone — the narrative further down states no field. */
function gradeBelowForm(items: readonly Item[], formEnd: number, t: Template): string | null {
  if (formEnd < 0) return null;
  let end = formEnd + 1;
  while (end < items.length && end - formEnd <= LINES_UNDER_FORM && items[end].kind === 'para') end++;
  const value = readFields(items.slice(formEnd + 1, end), t, new Set()).grade?.value;
  return value != null && isGradeWord(value) ? value.trim() : null;
}
