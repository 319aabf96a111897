// Where a finding's numbers stand, in words for people: "表0 第8行 第5列 原文“1155.05”"
// for a table cell, "文字部分第4段：“…”" for a narrative mention. Plain text; callers escape.
import type { FormRecord } from '../model/record.js';
import type { Location } from '../model/report.js';
import { fieldLabel } from './html-assets/labels.js';

interface CellOrigin {
  table?: number;
  row?: number;
  col?: number;
  page?: number | null;
  raw?: string;
}

/** A table cell's place. Rows, columns and paragraphs count from 1 for people; the table keeps its index. */
export function cellPlace(origin: CellOrigin): string {
  const parts: string[] = [];
  if (origin.page !== undefined && origin.page !== null) parts.push(`第${origin.page}页`);
  if (origin.table !== undefined) parts.push(`表${origin.table}`);
  if (origin.row !== undefined) parts.push(`第${origin.row + 1}行`);
  if (origin.col !== undefined) parts.push(`第${origin.col + 1}列`);
  if (origin.raw !== undefined) {
    const raw = origin.raw.trim();
    parts.push(raw === '' ? '原文为空白' : `原文“${raw}”`);
  }
  return parts.join(' ');
}

/** One location of a finding, prefixed with the field it concerns when the finding names several. */
export function locationText(location: Location, withField: boolean, groups?: FormRecord['indicatorGroups']): string {
  const prefix = withField ? `${fieldLabel(location.field, groups)}：` : '';
  if (location.table !== undefined || location.row !== undefined) return prefix + cellPlace(location);
  if (location.paragraph !== undefined) {
    const quote = location.quote !== undefined ? `：“${location.quote}”` : '';
    // the field's label already says 文字部分 when a prefix is written
    return `${prefix || '文字部分'}第${location.paragraph + 1}段${quote}`;
  }
  if (location.quote !== undefined) return `${prefix}“${location.quote}”`;
  return withField ? fieldLabel(location.field, groups) : location.field;
}
