// Where a finding's numbers stand, in words for people — console, CSV, report.html:
// "第2页 表1 第8行 第5列 原文“1155.05”" for a table cell, "自评表!E8" for a workbook
// cell, "文字部分第4段：“…”" for a narrative mention. Tables, rows, columns and
// paragraphs count from 1 here (JSON keeps them 0-based). Plain text; callers escape.
import type { FormRecord } from '../model/record.js';
import type { Location } from '../model/report.js';
import { sheetCell } from '../model/sheet-cell.js';
import { fieldLabel } from './html-assets/labels.js';

/** What a form's labels depend on: its group weights and the row labels it printed. */
export type LabelSource = Partial<Pick<FormRecord, 'indicatorGroups' | 'lineLabels'>>;

interface CellOrigin {
  table?: number;
  row?: number;
  col?: number;
  page?: number | null;
  raw?: string;
  sheet?: string;
}

function pagePart(page: number | null | undefined): string[] {
  return page !== undefined && page !== null ? [`第${page}页`] : [];
}

/** A table cell's place, everything counted from 1; `withRaw` adds the text as read. */
export function cellPlace(origin: CellOrigin, withRaw = true): string {
  // the parts joined by ' ', built as one string (a table of hundreds of cells asks)
  let out = '';
  const add = (part: string) => (out = out === '' ? part : `${out} ${part}`);
  if (origin.sheet !== undefined && origin.row !== undefined && origin.col !== undefined) {
    add(sheetCell(origin.sheet, origin.row, origin.col));
  } else {
    if (origin.page !== undefined && origin.page !== null) add(`第${origin.page}页`);
    if (origin.table !== undefined) add(`表${origin.table + 1}`);
    if (origin.row !== undefined) add(`第${origin.row + 1}行`);
    if (origin.col !== undefined) add(`第${origin.col + 1}列`);
  }
  if (withRaw && origin.raw !== undefined) {
    const raw = origin.raw.trim();
    add(raw === '' ? '原文为空白' : `原文“${raw}”`);
  }
  return out;
}

/** One location of a finding, prefixed with the field it concerns when the finding names several. */
export function locationText(location: Location, withField: boolean, record?: LabelSource): string {
  const label = () => fieldLabel(location.field, record?.indicatorGroups, record?.lineLabels);
  const prefix = withField ? `${label()}：` : '';
  if (location.table !== undefined || location.row !== undefined) return prefix + cellPlace(location);
  if (location.paragraph !== undefined) {
    const quote = location.quote !== undefined ? `：“${location.quote}”` : '';
    // the field's label already says 文字部分 when a prefix is written
    const page = pagePart(location.page).join('');
    return `${prefix || '文字部分'}${page ? `${page}` : ''}第${location.paragraph + 1}段${quote}`;
  }
  // a quote alone (a report's title): its page where a PDF knows it
  if (location.quote !== undefined) return `${prefix}${pagePart(location.page).join('')}“${location.quote}”`;
  return withField ? label() : location.field;
}
