// XLSX → DocModel with exceljs (workbook) and numfmt (display text of numbers).
//
// Library choice, measured on the seed typed as a workbook (fixtures/xlsx/
// seed-yuelu-2022.xlsx, 16.6 KB, 200 reads after warm-up, Node 20): exceljs 4.4
// 11.4 ms/form, 121 MB RSS; SheetJS 0.20 (@e965/xlsx, a re-publish: SheetJS no
// longer publishes to npm, and npm's `xlsx` 0.18.5 carries unfixed advisories)
// 7.5 ms, 79 MB; read-excel-file 9.3 16.2 ms, 106 MB. exceljs: the maintained
// registry package, 4 ms/form slower than SheetJS against a pipeline of tens of ms.
// numfmt 4.0 renders number formats (1.4 µs/cell; ssf 0.11 1.7 µs, same output on
// the forms' formats) — exceljs does not render formats.
//
// Reading decisions:
// - Every visible worksheet (state 'visible') is one table: its used range (cells
//   holding a value), hidden rows and columns left out. Rows at the top of the used
//   range holding one value (a title, 单位：万元, 填报单位) are body paragraphs
//   before the table; the table starts at the first row with two or more values.
// - Merged ranges are expanded as the DOCX reader does (one DocCell repeated at every
//   visible position it covers, the text of its top-left cell — also when that cell's
//   row or column is hidden, as Excel prints it; a range wholly hidden is not read).
// - Text is what Excel shows: a number through its number format (0.9856 under
//   "0.00%" → "98.56%"; 1028.49 under "#,##0.00" → "1,028.49"), a date by its format,
//   a formula by its cached value; a formula without a cached value reads "" and is
//   marked (DocCell.formula = 'uncached', rules.md check 30) — never a silent 0.
//   Alt+Enter line breaks separate the cell's paragraphs.
// - Zip: every part is inflated through ZipArchive.read (declared-size and actual-size
//   guards, as for DOCX) and exceljs gets them stored, so it inflates nothing itself.
import ExcelJS from 'exceljs';
import './exceljs-empty-results.js';
import './exceljs-builtin-formats.js';
import numfmt from 'numfmt';
import type { DocBlock, DocCell, DocModel, DocTable } from '../model/document.js';
import { FormFailure } from '../model/failure.js';
import { buildGrid, type PlacedCell } from './grid.js';
import type { ZipArchive } from './zip.js';
import { storedZip } from './zip-write.js';

export interface XlsxReadOptions {
  maxBytes: number;
}

/** Reads a workbook (its directory parsed once by the sniffer) into the document model. */
export async function readXlsx(zip: ZipArchive, opts: XlsxReadOptions): Promise<DocModel> {
  zip.label = 'XLSX';
  const workbook = await loadWorkbook(zip, opts.maxBytes);
  const blocks: DocBlock[] = [];
  const tables: DocTable[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    const read = readSheet(ws, tables.length);
    if (!read) continue;
    for (const text of read.paragraphs) blocks.push({ kind: 'paragraph', text, page: null });
    blocks.push(read.table);
    tables.push(read.table);
  }
  return { format: 'xlsx', pages: null, blocks, tables, images: 0 };
}

async function loadWorkbook(zip: ZipArchive, maxBytes: number): Promise<ExcelJS.Workbook> {
  if (!zip.complete) throw new FormFailure('corrupt-file', 'XLSX 文件不完整或已损坏（找不到压缩包目录，可能在传输中被截断）。请重新导出或重新发送文件');
  const total = zip.declaredTotal();
  if (total > maxBytes) throw zip.tooLarge('全部部件', total, maxBytes);
  const parts = zip.names.filter((n) => !n.endsWith('/')).map((name) => ({ name, data: zip.read(name, maxBytes) ?? Buffer.alloc(0) }));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(storedZip(parts) as unknown as ArrayBuffer);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new FormFailure('corrupt-file', `XLSX 工作簿无法读取，文件已损坏（${message}）。请重新导出 XLSX 后再提交`);
  }
  return workbook;
}

interface SheetReading {
  paragraphs: string[];
  table: DocTable;
}

function readSheet(ws: ExcelJS.Worksheet, index: number): SheetReading | null {
  // Visible rows and columns holding a value: the used range.
  const hiddenCols = new Set<number>();
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
  const texts = new Map<number, Map<number, { text: string; uncached: boolean }>>();
  let minCol = Infinity;
  let maxCol = 0;
  const put = (r: number, c: number, cell: ExcelJS.Cell): void => {
    const shown = displayText(cell);
    if (shown.text === '' && !shown.uncached) return;
    let cells = texts.get(r);
    if (!cells) texts.set(r, (cells = new Map()));
    cells.set(c, shown);
    minCol = Math.min(minCol, c);
    maxCol = Math.max(maxCol, c);
  };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (hiddenCols.has(c) || cell.isMerged && cell.master !== cell) return;
      put(r, c, cell);
    });
  });
  // A merged area shows its top-left cell's value (in that cell's format) in whatever
  // part of it is visible: Excel and LibreOffice show it there even when the top-left
  // cell's row or column is hidden (a hidden 年初预算数 column holding the start of
  // every 三级指标 merge; a hidden old indicator row opening the 效益指标 merge). Its
  // text stands at the area's first visible row and column; an area wholly hidden
  // stays unread, as any hidden cell. (LibreOffice 7.4 leaves such a text out of its
  // PDF when it mixes scripts, "效益指标(30分)", while printing "效益指标" — a
  // drawing quirk of its own, not what the sheet holds.)
  const merges = mergedRanges(ws);
  for (const m of merges) {
    const shownAt = firstVisible(ws, m, hiddenCols);
    if (shownAt && (shownAt.row !== m.top || shownAt.col !== m.left)) put(shownAt.row, shownAt.col, ws.getCell(m.top, m.left));
  }
  if (texts.size === 0) return null;
  const usedRows = [...texts.keys()].sort((a, b) => a - b);
  // Leading one-value rows are the title and unit lines.
  const paragraphs: string[] = [];
  let first = 0;
  while (first < usedRows.length - 1 && texts.get(usedRows[first])!.size === 1) {
    paragraphs.push([...texts.get(usedRows[first])!.values()][0].text);
    first++;
  }
  const top = usedRows[first];
  const bottom = usedRows[usedRows.length - 1];
  const sheetRows: number[] = [];
  for (let r = top; r <= bottom; r++) if (!ws.getRow(r).hidden) sheetRows.push(r);
  // Merged ranges reach the used range's width even where their own cells are empty.
  for (const m of merges) {
    const shownAt = firstVisible(ws, m, hiddenCols);
    if (m.bottom >= top && m.top <= bottom && shownAt && texts.get(shownAt.row)?.has(shownAt.col)) maxCol = Math.max(maxCol, m.right);
  }
  const sheetCols: number[] = [];
  for (let c = minCol; c <= maxCol; c++) if (!hiddenCols.has(c)) sheetCols.push(c);
  const rowIndex = new Map(sheetRows.map((r, i) => [r, i]));
  const colIndex = new Map(sheetCols.map((c, i) => [c, i]));
  const mergeAt = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    const rows = sheetRows.filter((r) => r >= m.top && r <= m.bottom);
    const cols = sheetCols.filter((c) => c >= m.left && c <= m.right);
    if (rows.length === 0 || cols.length === 0) continue;
    mergeAt.set(`${rows[0]},${cols[0]}`, { rows: rows.length, cols: cols.length });
    for (const r of rows) for (const c of cols) if (r !== rows[0] || c !== cols[0]) covered.add(`${r},${c}`);
  }
  const uncached = new Set<string>();
  const placed: PlacedCell[][] = sheetRows.map((r) => {
    const row: PlacedCell[] = [];
    for (const c of sheetCols) {
      if (covered.has(`${r},${c}`)) continue;
      const shown = texts.get(r)?.get(c) ?? { text: '', uncached: false };
      if (shown.uncached) uncached.add(`${rowIndex.get(r)},${colIndex.get(c)}`);
      const span = mergeAt.get(`${r},${c}`);
      const paragraphs = shown.text.split(/\r?\n/);
      row.push({ text: paragraphs.join('\n'), paragraphs, col: colIndex.get(c)!, colSpan: span?.cols ?? 1, vMerge: null, rowSpan: span?.rows ?? 1, page: null });
    }
    return row;
  });
  const rows: DocCell[][] = buildGrid(placed, sheetCols.length);
  for (const key of uncached) {
    const [r, c] = key.split(',').map(Number);
    rows[r][c].formula = 'uncached';
  }
  const table: DocTable = {
    kind: 'table',
    index,
    rows,
    sheet: ws.name,
    sheetRows: sheetRows.map((r) => r - 1),
    sheetCols: sheetCols.map((c) => c - 1),
  };
  return { paragraphs, table };
}

interface Range { top: number; left: number; bottom: number; right: number }

function mergedRanges(ws: ExcelJS.Worksheet): Range[] {
  const out: Range[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    out.push({ left: colNumber(m[1]), top: Number(m[2]), right: colNumber(m[3]), bottom: Number(m[4]) });
  }
  return out;
}

/** The merged area's first visible row and column (1-based), null when all of it is hidden. */
function firstVisible(ws: ExcelJS.Worksheet, m: Range, hiddenCols: ReadonlySet<number>): { row: number; col: number } | null {
  let row = m.top;
  while (row <= m.bottom && ws.findRow(row)?.hidden) row++;
  let col = m.left;
  while (col <= m.right && hiddenCols.has(col)) col++;
  return row <= m.bottom && col <= m.right ? { row, col } : null;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel shows in the cell. */
function displayText(cell: ExcelJS.Cell): { text: string; uncached: boolean } {
  const value = cell.value as unknown;
  const format = cell.numFmt || 'General';
  const render = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return formatNumber(v, format);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return v;
    if (v instanceof Date) return formatNumber((v.getTime() - EXCEL_EPOCH) / 86_400_000, format === 'General' ? 'yyyy-mm-dd' : format);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
      if (typeof o.error === 'string') return o.error;
      if ('text' in o) return render(o.text);
    }
    return String(v);
  };
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    // cell.result, not value.result: exceljs leaves a falsy result (0, "") out of `value`.
    const result = cell.result as unknown;
    if (result === undefined || result === null) return { text: '', uncached: true };
    return { text: render(result), uncached: false };
  }
  return { text: render(value), uncached: false };
}

function formatNumber(value: number, format: string): string {
  try {
    // 上午/下午 is Chinese Excel's AM/PM: numfmt prints AM/PM so under zh-CN
    const options = format.includes('上午/下午') ? { locale: 'zh-CN' } : undefined;
    return numfmt.format(localFormat(format), value, options);
  } catch {
    return numfmt.format('General', value);
  }
}

// A Chinese Excel or WPS saves its colour names in the format ("0.00%;[红色]-0.00%",
// the zh-CN built-in formats), 上午/下午 for AM/PM and "G/通用格式" for General;
// numfmt knows only the English.
const COLOURS: Record<string, string> = { 红色: 'Red', 蓝色: 'Blue', 绿色: 'Green', 黄色: 'Yellow', 黑色: 'Black', 白色: 'White', 洋红: 'Magenta', 青色: 'Cyan' };
const LOCAL_COLOUR = new RegExp(`\\[(${Object.keys(COLOURS).join('|')}|颜色(\\d+))\\]`, 'g');

function localFormat(format: string): string {
  if (format === 'G/通用格式') return 'General';
  return format.replace(LOCAL_COLOUR, (_, name: string, n: string | undefined) => `[${n ? `Color${n}` : COLOURS[name]}]`).replaceAll('上午/下午', 'AM/PM');
}
