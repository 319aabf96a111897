// The record's (record.md) names and small functions that runtime code needs, without
// zod: reading and checking a form use these, and only validation and `jxaudit schema`
// need record.ts's zod schemas (a worker thread never loads zod). record.ts re-exports
// all of this.
import type { MergedGroup } from './record.js';

export const RECORD_SCHEMA_ID = 'jxaudit/record@1';

/** The format read: a document, or a picture read by OCR (a scan or photo; record.readBy 'ocr'). */
export const SOURCE_FORMATS = ['docx', 'pdf', 'xlsx', 'png', 'jpeg', 'tiff'] as const;

export const FUND_COLUMNS = ['initial', 'budget', 'actual', 'rate', 'weight', 'score', 'reason'] as const;
export type FundColumn = (typeof FUND_COLUMNS)[number];
export const MONEY_COLUMNS = ['initial', 'budget', 'actual'] as const;

/** Known fund lines (record.md) — extra province lines use documented camelCase keys. */
export const SOURCE_LINES = ['total', 'fiscal', 'carryover', 'other', 'specialAccount', 'unitFunds'] as const;
export const USE_LINES = ['total', 'basic', 'personnel', 'public', 'project'] as const;

/** An indicator's fields (record.md "Indicators"), in the order a form prints its columns. */
export const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'nature', 'measure', 'target', 'actual', 'weight', 'score', 'deviation'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Concepts whose figures are no money: a stated 执行率 (`rate.*`, in percent) and a stated
 *  score (`score.*`, in points). Every other concept's figures are in 万元. */
export function isMoneyConcept(concept: string): boolean {
  return !/^(?:rate|score)\./.test(concept);
}

/** True for a group of indicators whose 分值/得分 cell was merged over their rows. */
export function isMergedGroup(g: object): g is MergedGroup {
  return 'indicators' in g;
}

/** The index in indicatorGroups of the 分值 or 得分 cell merged over indicator `i`'s row; -1 when its own. */
export function mergedGroupIndex(groups: readonly object[], i: number, column: 'weight' | 'score'): number {
  return groups.findIndex((g) => isMergedGroup(g) && column in g && g.indicators.includes(i));
}

export const FORM_KINDS = ['dept-overall', 'project'] as const;

/** The four blocks a form prints; each is read, absent (not printed) or unreadable (printed, not read). */
export const RECORD_BLOCKS = ['fund', 'indicators', 'total', 'goals'] as const;
export type RecordBlock = (typeof RECORD_BLOCKS)[number];
export const BLOCK_STATES = ['read', 'absent', 'unreadable'] as const;
export type BlockState = (typeof BLOCK_STATES)[number];

/** What reading a numeric cell noticed: not a number, a rate written as a fraction,
 *  a cell printing its own unit (11723500元 in a 万元 form), a formula without its value;
 *  or that the field was not read because the page's edge cut its cell off, or its column
 *  may stand past that edge ('clipped': missing, like a cell of an unreadable block).
 *  Keyed by field path. */
export const CELL_ISSUES = ['nan', 'fraction', 'unit', 'formula', 'clipped'] as const;
export type CellIssue = (typeof CELL_ISSUES)[number];
export type FormKind = (typeof FORM_KINDS)[number];
