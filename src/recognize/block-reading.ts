// What every block reader returns: its part of the record, the provenance of the
// cells it read, what reading those cells noticed, and the blocks it could not read.
import type { DocCell, DocTable } from '../model/document.js';
import type { CellIssue, Provenance, UnreadBlock } from '../model/record.js';
import type { CellReading } from '../normalize/cell.js';

export interface BlockReading<T> {
  value: T;
  /** Field path → the cell it was read from, in reading order (the record keeps that order). */
  provenance: Record<string, Provenance>;
  /** Field path → what reading its numeric cell noticed (only paths with an issue). */
  cellIssues: Record<string, CellIssue>;
  /** Blocks the form prints but this reader could not read. */
  unread: UnreadBlock[];
}

export function blockReading<T>(value: T): BlockReading<T> {
  return { value, provenance: {}, cellIssues: {}, unread: [] };
}

/** Notes where `path` was read (record.md: every cell-read field, blank cells included)
 *  and, for a numeric cell, what reading it noticed — so checks need not re-read raw text. */
export function noteCell(into: BlockReading<unknown>, path: string, table: DocTable, row: number, col: number, raw: string, reading?: CellReading): void {
  const cell = table.rows[row]?.[col];
  into.provenance[path] =
    table.sheet === undefined
      ? { table: table.index, row, col, page: cell?.page ?? null, raw, ...(cell?.ocr ? ocrProvenance(cell) : {}) }
      : // a workbook: the sheet's own row and column (hidden ones are not in the grid)
        { table: table.index, row: table.sheetRows?.[row] ?? row, col: table.sheetCols?.[col] ?? col, page: null, raw, sheet: table.sheet };
  // a cell the page's edge cut off (a table wider than its page): its content is unknown
  if (cell?.edge?.cut) into.cellIssues[path] = 'clipped';
  // a formula saved without its value (rules.md check 30): the value is unknown
  else if (cell?.formula === 'uncached' && reading) into.cellIssues[path] = 'formula';
  else if (reading?.issue) into.cellIssues[path] = reading.issue;
  else if (reading) delete into.cellIssues[path]; // a later read of the same path replaces the earlier one
}

/** A scanned cell's confidence, rectangle (on its first page) and seal (rules.md check 31). */
function ocrProvenance(cell: DocCell): Pick<Provenance, 'confidence' | 'box' | 'seal'> {
  const box = cell.boxes?.[0];
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    confidence: cell.ocr!.confidence,
    ...(box ? { box: [r(box.x0), r(box.y0), r(box.x1), r(box.y1)] as [number, number, number, number] } : {}),
    ...(cell.ocr!.seal ? { seal: true as const } : {}),
  };
}
