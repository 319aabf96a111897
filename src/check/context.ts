// Reading operands out of a record the way rules.md says they count: absent (the
// layout has no such line or column), missing (in a block the form prints but the
// reader could not read: check 29), blank, not a number, or a value.
import { Decimal } from 'decimal.js';
import type { CellIssue, Fact, FormRecord, RecordBlock } from '../model/record.js';
import type { Location } from '../model/report.js';
import { blockOf as blockOfPath, parsePath, pathKeys, wildcardPath } from '../model/record-path.js';
import { isBlankCell, labelText, toHalfWidth } from '../normalize/cell.js';
import { meets, moneyInterval, type Interval } from './decimal.js';

export type Operand =
  | { state: 'absent' }
  /** In an unreadable block: never blank, never a value — checks needing it are skipped. */
  | { state: 'missing' }
  | { state: 'blank' }
  /** Reading the cell found no number (record.cellIssues); `raw` quotes it when provenance has it. */
  | { state: 'nan'; raw: string | null }
  | { state: 'value'; value: string };

/** The block a record path lies in (rules.md check 29), or null for paths outside the four blocks. */
export function blockOf(path: string): RecordBlock | null {
  const p = parsePath(path);
  return p ? blockOfPath(p) : null;
}

/** True when the path lies in a block the form prints but the reader could not read. */
export function inUnreadableBlock(record: FormRecord, path: string): boolean {
  const block = blockOf(path);
  return block !== null && record.blocks?.[block] === 'unreadable';
}

/** Fund lines of a block present in the record, in the record's key order. */
export function fundLines(record: FormRecord, block: 'sources' | 'uses'): string[] {
  return Object.keys(record.funds[block] ?? {});
}

/** The raw value stored at a concrete path (no wildcards); undefined when the key is absent. */
export function rawValueAt(record: FormRecord, path: string): unknown {
  const p = parsePath(path);
  if (!p) return undefined;
  let node: unknown = record;
  for (const key of pathKeys(p)) {
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A numeric or text operand at a concrete path, with the not-a-number rule applied. */
export function operand(record: FormRecord, path: string): Operand {
  if (inUnreadableBlock(record, path)) return { state: 'missing' };
  // a workbook formula without a cached value (check 30), a cell the page's edge cut off
  // (check 29): unknown, like a missing cell
  const issue = record.cellIssues?.[path];
  if (issue === 'formula' || issue === 'clipped') return { state: 'missing' };
  if (issue === 'nan') return { state: 'nan', raw: record.provenance[path]?.raw ?? null };
  const v = rawValueAt(record, path);
  if (v === undefined) return { state: 'absent' };
  if (v === null) return { state: 'blank' };
  return { state: 'value', value: String(v) };
}

/** Paths whose cell reading noticed `issue` (record.cellIssues), in document order
 *  (table, row, col of their provenance; paths without provenance last, as listed). */
export function cellIssuePaths(record: FormRecord, issue: CellIssue): string[] {
  const paths = Object.entries(record.cellIssues ?? {}).filter(([, i]) => i === issue).map(([p]) => p);
  const at = (p: string) => record.provenance[p];
  return paths
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const pa = at(a.p), pb = at(b.p);
      if (pa && pb) return pa.table - pb.table || pa.row - pb.row || pa.col - pb.col || a.i - b.i;
      if (pa || pb) return pa ? -1 : 1;
      return a.i - b.i;
    })
    .map(({ p }) => p);
}

/** A value or null; `undefined` signals "skip the check" (absent, missing or not a number). */
export function numberOrBlank(record: FormRecord, path: string): string | null | undefined {
  const o = operand(record, path);
  if (o.state === 'value') return o.value;
  if (o.state === 'blank') return null;
  return undefined;
}

/** A clause that only says there is nothing to explain: that there was no deviation
 *  ("无偏差", "没有差异", "未偏离", "不存在偏差"), or that the work was done ("各项指标均已完成",
 *  "均按计划完成", "全部完成", "已达到预期目标") — a claim, not a reason. A clause naming
 *  anything else ("因疫情影响进度偏差10%", "已完成整改") is not one. */
const NO_DEVIATION = new RegExp(
  '^(?:' +
    // what the claim is about: 各项指标, 年度目标, 本项目, 该项任务 …
    '(?:各项|各|所有|全部|本项目|该项目|项目|本项|该项|年度)?(?:绩效)?(?:指标|目标|任务|工作)?' +
    // how it was done: 均已, 都, 按计划, 如期, 顺利 …
    '(?:均|都|皆|全部|全|已经|已|基本|如期|按期|按时|按计划|按要求|顺利|圆满)*' +
    '(?:' +
    // done: 完成, 达到预期, 实现年度目标, 完成了任务
    '(?:完成|达成|实现|达到|达标)了?(?:年度|预期|既定|计划)?(?:目标|任务|指标|要求|预期)?值?' +
    '|' +
    // no deviation: 无偏差, 不存在任何偏差, 未出现差异
    '(?:无|没有|未|不存在|未出现|未发生|并无)(?:任何|明显)?(?:偏差|差异|偏离|差距)(?:情况)?' +
    '))$',
);

/** Clause breaks of a reason: the punctuation a clerk ends or joins clauses with. */
const CLAUSE_BREAK = /[,;。!?、.]+/;

/** True when every clause of the text only claims there is nothing to explain
 *  (NO_DEVIATION): "各项指标均已完成，无偏差。" merged over all rows explains no row's shortfall. */
function claimsNoDeviation(s: string): boolean {
  const clauses = toHalfWidth(labelText(s)).split(CLAUSE_BREAK).filter((c) => c !== '');
  return clauses.length > 0 && clauses.every((c) => NO_DEVIATION.test(c));
}

/** A stated cell that holds text meaning nothing ("无", "/", "－", "—"), or a reason
 *  column's claim that there was no deviation ("无偏差", "各项指标均已完成，无偏差。") — no
 *  explanation where a row fell short. */
export function isPlaceholderText(s: string | null | undefined): boolean {
  return s == null || isBlankCell(s) || claimsNoDeviation(s);
}

/** A money figure a check compares: a narrative figure with its precision (Fact.decimals
 *  where its printed unit says more than its value's digits), or a table cell's value. */
export interface Figure {
  value: string;
  decimals?: number;
}

/** Printed as a whole number (a 亿元 figure with decimals is not, though its value is). */
export function isWholeFigure(f: Figure): boolean {
  return f.decimals === undefined && !f.value.includes('.');
}

/** The figure's rounding interval (rules.md "Money"). */
export function figureInterval(f: Figure, allOperandsWhole: boolean): Interval {
  return moneyInterval(f.value, allOperandsWhole, f.decimals);
}

/** The distinct figures the narrative states for a concept, in order (approximations never
 *  count): two statements are one figure when their rounding intervals meet, in whatever
 *  unit each was printed ("849.72万元" and "8,497,166.35元"; "1.17亿元" and "11683.45万元"). */
export function distinctFacts(record: FormRecord, concept: string): Figure[] {
  return distinctFigures(record.narrative.facts[concept] ?? []);
}

export function distinctFigures(facts: readonly Fact[]): Figure[] {
  const out: Figure[] = [];
  for (const f of facts) {
    if (f.approx) continue;
    const figure: Figure = f.decimals !== undefined ? { value: f.value, decimals: f.decimals } : { value: f.value };
    if (!out.some((g) => sameFigure(g, figure))) out.push(figure);
  }
  return out;
}

/** Two narrative statements agree when their intervals meet; a whole number is exact, as
 *  two prose figures are no table rounded to units. */
export function sameFigure(a: Figure, b: Figure): boolean {
  return meets(figureInterval(a, false), figureInterval(b, false));
}

export function conceptOf(path: string): string | null {
  const p = parsePath(path);
  return p?.kind === 'fact' ? p.concept : null;
}

/** Where each field of a finding was read: table cells from provenance, narrative
 *  mentions (only those of the compared figure when one is given), stated changes. */
export function locate(record: FormRecord, fields: string[], factValues: Record<string, string> = {}): Location[] {
  const out: Location[] = [];
  for (const field of fields) {
    const p = parsePath(field);
    if (p?.kind === 'fact') {
      const want = factValues[field];
      for (const f of record.narrative.facts[p.concept] ?? ([] as Fact[])) {
        if (want !== undefined && (f.approx || !new Decimal(f.value).eq(want))) continue;
        out.push({ field, paragraph: f.paragraph, quote: f.quote, ...(f.page !== undefined ? { page: f.page } : {}) });
      }
      continue;
    }
    if (p?.kind === 'change') {
      const c = record.narrative.changes[p.index];
      if (c) out.push({ field, paragraph: c.paragraph, quote: c.quote, ...(c.page !== undefined ? { page: c.page } : {}) });
      continue;
    }
    if (p?.kind === 'field' && p.name === 'unboundReports') {
      // a report bound to no form: by its title, where it was printed
      for (const u of record.unboundReports ?? []) out.push({ field, quote: u.title, ...(u.page !== null ? { page: u.page } : {}) });
      continue;
    }
    if (p?.kind === 'block') {
      // an unread block (check 29) is located where the reader saw it
      for (const u of record.unreadBlocks ?? []) {
        if (u.block !== p.block) continue;
        out.push({
          field,
          ...(u.table !== null ? { table: u.table } : {}),
          ...(u.row !== null ? { row: u.row } : {}),
          ...(u.col !== undefined ? { col: u.col } : {}),
          ...(u.sheet !== undefined ? { sheet: u.sheet } : {}),
          ...(u.page !== null ? { page: u.page } : {}),
          ...(u.label !== null ? { raw: u.label } : {}),
        });
      }
      continue;
    }
    if (p && 'index' in p && p.index === '*') {
      // every item's cell: provenance in document order, as recorded
      for (const path in record.provenance) {
        const q = parsePath(path);
        if (q?.kind === p.kind && wildcardPath(q) === field) out.push({ field: path, ...record.provenance[path] });
      }
      continue;
    }
    const origin = record.provenance[field];
    if (origin) out.push({ field, ...origin });
  }
  return out;
}
