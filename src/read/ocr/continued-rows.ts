// A table row that goes on over a page break in a scan. The PDF layout joins such a row
// when the last line above the break is full (pdf-text.ts `continues`); OCR's word boxes
// are too rough for that test. Here a row that opens a new page with text in one column
// only, under a cell of the same column that ends just above the break, is that cell going
// on — an indicator's long description, its other cells (weight, score) blank below the
// break because they were filled above it.
import type { DocCell, DocTable } from '../../model/document.js';

export function joinContinuedRows(table: DocTable): void {
  for (let r = table.rows.length - 1; r >= 1; r--) {
    const row = table.rows[r];
    const starting = unique(row.filter((c) => c.origin.row === r));
    const filled = starting.filter((c) => c.text.trim() !== '');
    if (filled.length !== 1 || starting.some((c) => c.rowSpan > 1)) continue;
    const cell = filled[0];
    const above = table.rows[r - 1][cell.origin.col];
    if (!above || above.text.trim() === '' || above.origin.col !== cell.origin.col || above.colSpan !== cell.colSpan) continue;
    if (above.origin.row + above.rowSpan - 1 !== r - 1) continue;
    const abovePage = Math.max(...(above.boxes ?? []).map((b) => b.page), above.page ?? 0);
    if (cell.page === null || cell.page <= abovePage) continue;
    absorb(above, cell);
    removeRow(table, r);
  }
}

function absorb(above: DocCell, cell: DocCell): void {
  // the break falls inside a sentence: the paragraph goes on
  const paragraphs = [...above.paragraphs.slice(0, -1), (above.paragraphs.at(-1) ?? '') + (cell.paragraphs[0] ?? ''), ...cell.paragraphs.slice(1)];
  above.paragraphs = paragraphs;
  above.text = paragraphs.join('\n');
  if (above.paragraphPages && cell.paragraphPages) above.paragraphPages = [...above.paragraphPages, ...cell.paragraphPages.slice(1)];
  if (cell.boxes) above.boxes = [...(above.boxes ?? []), ...cell.boxes];
  if (cell.lines) above.lines = [...(above.lines ?? []), ...cell.lines];
  if (cell.ocr && above.ocr) {
    above.ocr = { confidence: Math.min(above.ocr.confidence, cell.ocr.confidence), ...(above.ocr.seal || cell.ocr.seal ? { seal: true as const } : {}) };
  }
}

function removeRow(table: DocTable, r: number): void {
  const cells = unique(table.rows.flat());
  table.rows.splice(r, 1);
  for (const c of cells) {
    if (c.origin.row < r && c.origin.row + c.rowSpan - 1 >= r) c.rowSpan--;
    else if (c.origin.row > r) c.origin = { row: c.origin.row - 1, col: c.origin.col };
  }
}

function unique(cells: DocCell[]): DocCell[] {
  return [...new Set(cells)];
}
