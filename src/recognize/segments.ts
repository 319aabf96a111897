// Splitting a document into form candidates: the body is walked in reading order
// (paragraphs and table rows); a title, a 项目名称 row or a fund-block header row
// outside an unfinished form starts a new candidate. Which candidates are real forms
// is decided later.
import type { DocModel, DocTable } from '../model/document.js';
import type { FormKind } from '../model/record.js';
import { squeeze } from '../normalize/cell.js';
import { unitIn } from '../normalize/unit.js';
import { isContentsEntry } from './contents.js';
import { rowCells } from './grid.js';
import { bestKeyCached, matchesExactly, normLabel } from './labels.js';
import type { Template } from './template-schema.js';

export type Item =
  | { kind: 'para'; text: string; page: number | null }
  | { kind: 'row'; table: DocTable; r: number };

export interface TitleHit {
  /** The title as printed, whitespace removed. */
  text: string;
  kinds: FormKind[];
  /** Where in `text` the form's name begins (the first anchor it holds): what stands
   *  before it is the title's prefix (the unit's name, a year, an annex label). */
  nameAt: number;
  /** Index of the item holding it. */
  at: number;
}

export interface Segment {
  /** Items of the candidate, in reading order. */
  items: Item[];
  title: TitleHit | null;
  /** Index (into items) of the row that looks like a fund-block header, if any. */
  fundHeaderAt: number | null;
  /** Later rows of the form that look like one too: another block of budget and actual
   *  columns (年度主要任务 | 任务名称 | 预算数 | 执行数) printed before or after the fund
   *  block. Which of them is the fund block is the template's to tell (its fund lines). */
  moreFundHeaders: number[];
  /** Items of following non-form candidates: more body text for the narrative. */
  tail: Item[];
  /** Where the document prints each form's report before the form: that text, read
   *  as the narrative in place of the text after the form (reports-before-forms.ts). */
  lead?: Item[];
  /** Lines stating the unit printed just above the title — a page header over the form,
   *  not in it (unitLinesBefore): the unit where the form states none itself. */
  above?: string[];
}

/** The labels, across all templates, that segmentation looks for. */
export interface Lexicon {
  titles: { label: string; kind: FormKind }[];
  fundColumns: Record<string, string[]>;
  fundIgnore: string[];
  /** Fund group labels (资金来源, 按支出性质分): a group's sub-header, never a column's name. */
  fundGroups: string[];
  project: string[];
  /** 总分-row labels that are no fund line label (合计 is both). */
  totals: string[];
}

export function buildLexicon(templates: Template[]): Lexicon {
  const titles: Lexicon['titles'] = [];
  const fundColumns: Record<string, string[]> = {};
  const fundIgnore = new Set<string>();
  const fundGroups = new Set<string>();
  const project = new Set<string>();
  const totals = new Set<string>();
  const lineLabels = new Set<string>();
  for (const t of templates) {
    t.total.labels.forEach((l) => totals.add(l));
    for (const g of Object.values(t.fund.lines)) for (const list of Object.values(g ?? {})) list.forEach((l) => lineLabels.add(l));
    for (const label of t.title) if (!titles.some((x) => x.label === label && x.kind === t.kind)) titles.push({ label, kind: t.kind });
    for (const [k, list] of Object.entries(t.fund.columns)) fundColumns[k] = [...new Set([...(fundColumns[k] ?? []), ...(list ?? [])])];
    t.fund.ignoreColumns.forEach((l) => fundIgnore.add(l));
    for (const list of Object.values(t.fund.groups)) list?.forEach((l) => fundGroups.add(l));
    t.header.project.forEach((l) => project.add(l));
  }
  // longer titles first: 部门整体支出绩效自评表 before a shorter anchor it contains
  titles.sort((a, b) => b.label.length - a.label.length);
  return { titles, fundColumns, fundIgnore: [...fundIgnore], fundGroups: [...fundGroups], project: [...project], totals: [...totals].filter((l) => !lineLabels.has(l)) };
}

/** Paragraphs and table rows in reading order; nested tables follow their parent. */
export function flatten(doc: DocModel): Item[] {
  const items: Item[] = [];
  const topLevel = doc.blocks.filter((b): b is DocTable => b.kind === 'table').map((t) => t.index);
  const pushTable = (t: DocTable) => {
    for (let r = 0; r < t.rows.length; r++) items.push({ kind: 'row', table: t, r });
  };
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      items.push({ kind: 'para', text: block.text, page: block.page });
      continue;
    }
    pushTable(block);
    const next = topLevel.find((i) => i > block.index) ?? Infinity;
    for (const nested of doc.tables) if (nested.index > block.index && nested.index < next && !topLevel.includes(nested.index)) pushTable(nested);
  }
  return items;
}

/** Longest text a title may have: longer paragraphs are prose that mentions a form. */
export const MAX_TITLE_LENGTH = 60;

/** The form's word a title anchor ends with (自评表, 评价表): printed whole, words are
 *  inserted before it, never inside it ("自评结果表" is no 自评表). */
const FORM_WORD_LENGTH = 3;
/** Most characters a title may insert between an anchor's words, and fewer than half of
 *  the anchor's own: "部门（单位）整体支出绩效目标自评表" holds 部门(单位)整体支出绩效自评表
 *  with 目标 inserted, "项目资金绩效自评表" holds 项目绩效自评表 with 资金. */
const MAX_INSERTED = 4;

export interface AnchorHold {
  /** The window of the text holding the anchor: [start, end). */
  start: number;
  end: number;
  /** Characters of the window that are not the anchor's. */
  inserted: number;
}

/**
 * Where `text` holds a title anchor by its words: the anchor's characters in order, its
 * last FORM_WORD_LENGTH together, with at most MAX_INSERTED characters (and fewer than
 * half its own) inserted before them — the window with fewest inserted, the first on a
 * tie; null when none. A NUL in the text (an anchor already taken) is never inside it.
 */
export function anchorHold(text: string, anchor: string): AnchorHold | null {
  const n = anchor.length;
  if (n === 0) return null;
  const tailLength = Math.min(FORM_WORD_LENGTH, n);
  const head = anchor.slice(0, n - tailLength);
  const tail = anchor.slice(n - tailLength);
  if (!text.includes(tail)) return null;
  const limit = Math.min(MAX_INSERTED, Math.floor((n - 1) / 2));
  let best: AnchorHold | null = null;
  for (let start = 0; start < text.length; start++) {
    if (text[start] !== anchor[0]) continue;
    // Each of the head's characters at its first place after the one before: the
    // earliest end from this start, so the fewest inserted.
    let p = start;
    let held = true;
    for (const c of head) {
      while (p < text.length && text[p] !== c && text[p] !== '\0' && p - start < n + limit) p++;
      if (p >= text.length || text[p] !== c || p - start >= n + limit) {
        held = false;
        break;
      }
      p++;
    }
    if (!held) continue;
    const q = text.indexOf(tail, p);
    if (q < 0 || text.slice(p, q).includes('\0')) continue;
    const end = q + tailLength;
    const inserted = end - start - n;
    if (inserted > limit) continue;
    if (!best || inserted < best.inserted) best = { start, end, inserted };
    if (inserted === 0) break;
  }
  return best;
}

/**
 * The form kinds a text names as a title, by the anchors it holds (anchorHold): the
 * anchor held most closely first — the most of its characters, the fewest inserted
 * (anchor length − inserted), the longer anchor on a tie — whose window is then
 * taken out of the text, and so on while another anchor is held in what remains. So
 * "部门（单位）整体支出绩效目标自评表" names the department form (its 部门(单位)整体支出…
 * anchor takes the window 绩效目标自评表 stands in), and "整体推进项目支出绩效自评表"
 * a project (项目支出绩效自评表 is held whole, 整体支出… only with 推进项目 inserted).
 */
export function titleOf(text: string, lex: Lexicon): { text: string; kinds: FormKind[]; nameAt: number } | null {
  if (isContentsEntry(text)) return null; // "二、项目支出绩效自评表……2" names the form, pages on
  const s = squeeze(text);
  if (!s || s.length > MAX_TITLE_LENGTH) return null;
  const kinds: FormKind[] = [];
  let nameAt = s.length;
  let rest = s;
  for (;;) {
    let pick: { hold: AnchorHold; kind: FormKind; score: number } | null = null;
    // lex.titles is longest first: on a tie the longer anchor stays picked
    for (const t of lex.titles) {
      const hold = anchorHold(rest, t.label);
      if (!hold) continue;
      const score = t.label.length - hold.inserted;
      if (!pick || score > pick.score) pick = { hold, kind: t.kind, score };
    }
    if (!pick) break;
    if (!kinds.includes(pick.kind)) kinds.push(pick.kind);
    nameAt = Math.min(nameAt, pick.hold.start);
    rest = rest.slice(0, pick.hold.start) + '\0'.repeat(pick.hold.end - pick.hold.start) + rest.slice(pick.hold.end);
  }
  return kinds.length ? { text: s, kinds, nameAt } : null;
}

function itemTitle(item: Item, lex: Lexicon): { text: string; kinds: FormKind[]; nameAt: number } | null {
  if (item.kind === 'para') return titleOf(item.text, lex);
  const cells = rowCells(item.table, item.r).filter((rc) => rc.label !== '');
  if (cells.length === 0 || cells.length > 2) return null;
  for (const rc of cells) {
    const hit = titleOf(rc.cell.text, lex);
    if (hit) return hit;
  }
  return null;
}

/** Longest label a fund header cell may have: longer cells are an indicator's text. */
const MAX_HEADER_LABEL = 16;
/** A cell holding a figure, a percentage or a target sign: a value row, not a header. */
const VALUE_CELL = /^[≥≤≧≦><=＝═≈约]?[-−]?[0-9０-９][0-9０-９,，.．]*[%％]?$|^[≥≤≧≦<>]/;

/** A "label:amount" text cell (一般公共预算:1325.68): a value, not a column's name. */
const LABELLED_VALUE = /[:：][-−]?[0-9０-９]/;

/** True when the row holds a budget column label and an actual column label, short
 *  ones, and no value: a header row names its columns and holds no figure. A fund
 *  group's label (按支出性质分 over the lines of its group, its 支出 no 执行数) names
 *  no column: its row is a sub-header inside the block, not a new block's header. */
export function looksLikeFundHeader(item: Item, columns: Record<string, string[]>, ignore: string[], groups: readonly string[]): boolean {
  if (item.kind !== 'row') return false;
  let budget = false;
  let actual = false;
  for (const rc of rowCells(item.table, item.r)) {
    if (VALUE_CELL.test(rc.label) || LABELLED_VALUE.test(rc.label)) return false;
    if (rc.label.length > MAX_HEADER_LABEL || matchesExactly(rc.label, groups)) continue;
    const key = bestKeyCached(rc.label, columns, ignore);
    if (key === 'budget') budget = true;
    if (key === 'actual') actual = true;
  }
  return budget && actual;
}

function isProjectNameItem(item: Item, lex: Lexicon): boolean {
  if (item.kind === 'row') {
    return rowCells(item.table, item.r).some(
      (rc) => matchesExactly(rc.label, lex.project) || (rc.label.length <= 60 && /[:：]/.test(rc.cell.text) && matchesExactly(normLabel(rc.cell.text.split(/[:：]/)[0]), lex.project)),
    );
  }
  const head = item.text.split(/[:：]/);
  return head.length > 1 && matchesExactly(normLabel(head[0]), lex.project);
}

/** A short line above a table that belongs to the form: its unit or submitter. */
function isPreambleLine(text: string): boolean {
  const s = squeeze(text);
  return s === '' || (s.length <= 80 && (/单位/.test(s) || /^\(?\d{4}年度?\)?$/.test(s)));
}

/** Lines stating the unit just above a title, among the short unit, submitter and year
 *  lines there (at most three, blank lines aside, as pullPreambleLines takes) — a page
 *  header printed above the form ("单位：元", "填报单位（盖章）：某局　金额单位：元" in the
 *  DOCX header, or atop the PDF page): they state the unit of the form below, so the new
 *  candidate keeps their text (Segment.above) — printed over the form, not in it: a unit
 *  the form states itself wins (read-header.ts readUnit). */
function unitLinesBefore(items: readonly Item[]): string[] {
  const out: string[] = [];
  let lines = 0;
  for (let i = items.length - 1; i >= 0 && lines < 3; i--) {
    const it = items[i];
    if (it.kind !== 'para') break;
    if (it.text.trim() === '') continue;
    if (!isPreambleLine(it.text)) break;
    lines++;
    if (unitIn(it.text)) out.unshift(it.text);
  }
  return out;
}

/** When a fund header opens a new candidate without a title, the rows of its own
 *  table above it (名称, 单位 rows) and the unit lines just above the table belong
 *  to the new form, not to the one before. */
function pullFormHead(cur: Segment, headerItem: Item): Item[] {
  if (headerItem.kind !== 'row') return [];
  const fundTable = cur.fundHeaderAt !== null ? (cur.items[cur.fundHeaderAt] as Item & { kind: 'row' }).table : null;
  if (fundTable === headerItem.table) return [];
  const moved: Item[] = [];
  let last = cur.items[cur.items.length - 1];
  while (last && last.kind === 'row' && last.table === headerItem.table) {
    moved.unshift(cur.items.pop()!);
    last = cur.items[cur.items.length - 1];
  }
  const firstRow = moved.length ? (moved[0] as Item & { kind: 'row' }).r : headerItem.r;
  if (firstRow !== 0) return moved;
  return [...pullPreambleLines(cur), ...moved];
}

/** The unit and year lines ending `cur` (at most three, blank lines between them
 *  aside), taken off it: they stand above the table that opens the next form. */
function pullPreambleLines(cur: Segment): Item[] {
  const moved: Item[] = [];
  let lines = 0;
  let last = cur.items[cur.items.length - 1];
  while (lines < 3 && last && last.kind === 'para' && isPreambleLine(last.text)) {
    moved.unshift(cur.items.pop()!);
    if (last.text.trim()) lines++;
    last = cur.items[cur.items.length - 1];
  }
  return moved;
}

/** When a 项目名称 line or a table's first row opens the next form after a finished
 *  one, the unit and year lines just above it are that form's ("（2022年度）" under a
 *  title a PDF's page furniture took, or a title of another wording), not the tail of
 *  the form before. */
function pullNameHead(cur: Segment, nameItem: Item): Item[] {
  return nameItem.kind === 'para' || nameItem.r === 0 ? pullPreambleLines(cur) : [];
}

/** The candidate has its fund block but not yet its 总分 row: the form goes on. */
function isUnfinished(cur: Segment, lex: Lexicon): boolean {
  if (cur.fundHeaderAt === null) return false;
  const hasTotal = cur.items.some((it, i) => {
    if (i <= cur.fundHeaderAt! || it.kind !== 'row') return false;
    const first = rowCells(it.table, it.r).find((rc) => rc.label !== '');
    return !!first && matchesExactly(first.label, lex.totals);
  });
  return !hasTotal;
}

/** The same title again inside an unfinished form: a PDF page header repeating the
 *  title, not a new form. */
function isPageHeaderRepeat(cur: Segment, title: string, lex: Lexicon): boolean {
  return cur.title?.text === title && isUnfinished(cur, lex);
}

/** A form is opened by its title or its 项目名称. */
function isOpenedForm(cur: Segment, lex: Lexicon): boolean {
  return cur.title !== null || cur.items.some((i) => isProjectNameItem(i, lex));
}

/** Splits the items into form candidates. */
export function segment(items: Item[], lex: Lexicon): Segment[] {
  const segments: Segment[] = [];
  let cur: Segment = { items: [], title: null, fundHeaderAt: null, moreFundHeaders: [], tail: [] };
  const open = () => {
    if (cur.items.length) segments.push(cur);
    cur = { items: [], title: null, fundHeaderAt: null, moreFundHeaders: [], tail: [] };
  };
  for (const item of items) {
    const title = itemTitle(item, lex);
    if (title && isPageHeaderRepeat(cur, title.text, lex)) {
      cur.items.push(item);
      continue;
    }
    if (title) {
      // A title restarts the candidate, unless it repeats the paragraph title just
      // before, inside the first rows of the form's own table.
      const repeatsTitle = item.kind === 'row' && item.r <= 1 && cur.title !== null && cur.fundHeaderAt === null && !cur.items.some((i) => i.kind === 'row');
      if (!repeatsTitle) {
        const units = unitLinesBefore(cur.items);
        open();
        cur.title = { ...title, at: 0 };
        cur.items.push(item);
        if (units.length > 0) cur.above = units;
        continue;
      }
      cur.items.push(item);
      continue;
    }
    if (looksLikeFundHeader(item, lex.fundColumns, lex.fundIgnore, lex.fundGroups)) {
      // A second header of budget and actual columns inside an opened form that has not
      // reached its 总分 row (年度主要任务 | 任务名称 | 预算数 | 执行数) is another block of that
      // form: a new form comes with its own title or 项目名称, which open it above.
      if (isUnfinished(cur, lex) && isOpenedForm(cur, lex)) {
        cur.moreFundHeaders.push(cur.items.length);
        cur.items.push(item);
        continue;
      }
      const startedHere = cur.fundHeaderAt === null && isOpenedForm(cur, lex);
      if (!startedHere) {
        const header = pullFormHead(cur, item);
        open();
        cur.items.push(...header);
      }
      cur.fundHeaderAt = cur.items.length;
      cur.items.push(item);
      continue;
    }
    if (cur.fundHeaderAt !== null && isProjectNameItem(item, lex)) {
      const head = pullNameHead(cur, item);
      open();
      cur.items.push(...head);
    }
    cur.items.push(item);
  }
  open();
  return segments;
}
