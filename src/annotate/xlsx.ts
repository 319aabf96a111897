// XLSX annotated copy: a cell note (批注) on each marked cell, written by exceljs (already
// the workbook reader). A note needs a comments part and a legacy VML drawing wired
// into the sheet; exceljs writes both, at the price of rewriting the workbook's other
// parts in its own way (values, formulas, styles, merges and sizes are kept; what
// exceljs does not model — charts, pivot tables — is not). exceljs names every note's
// author "Author", so the annotator's name opens the note in bold, as Excel shows it.
// Dates come from the workbook's own properties (a fixed 1980-01-01 where it has
// none) and the zip is rewritten without timestamps: the same input gives the same copy.
// A date under a built-in Chinese format id (2023年10月31日, saved as id 31 without a code)
// keeps its format: the copy saves the code the reader shows it by.
import ExcelJS from 'exceljs';
import '../read/exceljs-builtin-formats.js';
import type { DocModel } from '../model/document.js';
import { openZip } from '../read/zip.js';
import type { Mark } from './marks.js';
import { newEntry, storedZip, writeZip } from '../read/zip-write.js';

export interface AnnotateOptions {
  author: string;
}

const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

export async function annotateXlsx(bytes: Buffer, doc: DocModel, marks: readonly Mark[], opts: AnnotateOptions): Promise<{ bytes: Buffer } | { skipped: string }> {
  const zip = openZip(bytes, 'XLSX');
  const limit = Math.max(bytes.length * 200, 64 * 1024 * 1024);
  const parts = zip.names.filter((n) => !n.endsWith('/')).map((name) => ({ name, data: zip.read(name, limit) ?? Buffer.alloc(0) }));
  const core = zip.has('docProps/core.xml') ? zip.read('docProps/core.xml', limit)!.toString('utf8') : '';
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(storedZip(parts) as unknown as ArrayBuffer);
  if (!/<dcterms:created\b/.test(core)) workbook.created = FIXED_DATE;
  if (!/<dcterms:modified\b/.test(core)) workbook.modified = FIXED_DATE;

  // One note per cell: several marks on one cell become paragraphs of its note.
  const notes = new Map<string, { sheet: string; row: number; col: number; texts: string[] }>();
  for (const mark of marks) {
    const cell = sheetCellOf(doc, mark);
    if (!cell) continue;
    const key = `${cell.sheet}\u0000${cell.row}\u0000${cell.col}`;
    const note = notes.get(key) ?? { ...cell, texts: [] };
    note.texts.push(mark.text);
    notes.set(key, note);
  }
  let placed = 0;
  for (const note of notes.values()) {
    const ws = workbook.getWorksheet(note.sheet);
    if (!ws) continue;
    const cell = ws.getCell(note.row + 1, note.col + 1);
    const own = typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('') ?? '';
    cell.note = {
      texts: [
        ...(own ? [{ text: `${own}\n` }] : []),
        { text: `${opts.author}:\n`, font: { bold: true } },
        { text: note.texts.join('\n\n') },
      ],
    } as ExcelJS.Comment;
    placed++;
  }
  if (placed === 0) return { skipped: '没有可以放置批注的位置' };
  const written = openZip(Buffer.from(await workbook.xlsx.writeBuffer()), 'XLSX');
  const entries = written.names.filter((n) => !n.endsWith('/')).map((name) => newEntry(name, written.read(name, Number.MAX_SAFE_INTEGER)!));
  return { bytes: writeZip(entries) };
}

/** The sheet cell (0-based, the sheet's own) a mark stands on: a cited cell, or the cell holding a quote. */
function sheetCellOf(doc: DocModel, mark: Mark): { sheet: string; row: number; col: number } | null {
  const place = mark.place.kind === 'cell' ? mark.place : mark.place.unit.cell;
  if (!place) return null;
  const table = doc.tables[place.table];
  if (!table?.sheet || !table.sheetRows || !table.sheetCols) return null;
  const row = table.sheetRows[place.row];
  const col = table.sheetCols[place.col];
  return row === undefined || col === undefined ? null : { sheet: table.sheet, row, col };
}
