// Span expansion shared by the DOCX and PDF readers: rows of placed cells (with
// column spans and vertical-merge marks) → the rectangular grid of DocModel.
import type { CellEdge, DocCell, DocLine, PageBox, XmlAnchor } from '../model/document.js';

/** One cell as a reader found it in a row, before merges are expanded. */
export interface PlacedCell {
  text: string;
  paragraphs: string[];
  /** 0-based grid column where the cell starts (DOCX: after gridBefore and the
   *  spans of the cells to its left; PDF: the column its left edge falls in). */
  col: number;
  /** How many grid columns it covers (≥ 1). */
  colSpan: number;
  /** Vertical merge: 'restart' opens a merged cell, 'continue' extends the merged
   *  cell found in the row above at the same column (its own text is dropped, as
   *  Word does); null = an ordinary cell. A 'continue' with nothing above it
   *  becomes an ordinary (empty-origin) cell. */
  vMerge: 'restart' | 'continue' | null;
  /** Alternative to vMerge marks for readers that know the extent (PDF): the cell
   *  also covers this many rows in total, filling positions the rows below leave
   *  empty. Default 1. */
  rowSpan?: number;
  /** 1-based page (PDF), null for DOCX. */
  page: number | null;
  /** PDF: the page each paragraph starts on (DocCell.paragraphPages). */
  paragraphPages?: number[];
  /** Where the cell is, for the annotated copy (DocCell's fields of the same names). */
  boxes?: PageBox[];
  lines?: DocLine[];
  anchors?: (XmlAnchor | null)[];
  /** PDF: where the page's visible edge cuts the cell (DocCell.edge). */
  edge?: CellEdge;
}

/**
 * Expands placed rows into a grid with `max(columnCount, widest row)` columns.
 * A merged cell is the same DocCell object at every position it covers, with its
 * final rowSpan/colSpan and its origin; positions no cell covers (w:gridBefore,
 * w:gridAfter, short rows) get an empty cell of their own. Pure: the input is not
 * modified.
 */
export function buildGrid(rows: readonly (readonly PlacedCell[])[], columnCount = 0): DocCell[][] {
  let width = Math.max(0, Math.floor(columnCount));
  for (const row of rows) {
    for (const cell of row) width = Math.max(width, cell.col + spanOf(cell));
  }

  const grid: (DocCell | null)[][] = rows.map(() => new Array<DocCell | null>(width).fill(null));
  /** The DocCell each opening cell became (the explicit row spans extend it). */
  const created = new Map<PlacedCell, DocCell>();

  rows.forEach((row, r) => {
    for (const cell of row) {
      const span = spanOf(cell);
      const col = Math.max(0, Math.floor(cell.col));
      const above = cell.vMerge === 'continue' && r > 0 ? grid[r - 1][col] : null;
      if (above) {
        // A continuation repeats the origin above and the origin grows by one row.
        // Only the columns the origin spans join it; a continuation wider than its
        // origin leaves the extra positions empty.
        above.rowSpan = Math.max(above.rowSpan, r - above.origin.row + 1);
        const end = Math.min(col + span, above.origin.col + above.colSpan);
        for (let c = col; c < end; c++) if (grid[r][c] === null) grid[r][c] = above;
        continue;
      }
      // Claim the first run of free positions: a cell overlapping one already placed
      // (a PDF cell snapped onto a column another cell of its row took) starts where
      // it is free, so no position names an origin that holds another cell.
      let start = col;
      while (start < col + span && grid[r][start] !== null) start++;
      if (start === col + span) continue; // wholly behind cells placed before it
      let end = start;
      while (end < col + span && grid[r][end] === null) end++;
      const docCell: DocCell = {
        text: cell.text,
        paragraphs: cell.paragraphs.slice(),
        origin: { row: r, col: start },
        rowSpan: 1,
        colSpan: end - start,
        page: cell.page,
      };
      // the optional fields in this order, where the placed cell has them
      if (cell.paragraphPages) docCell.paragraphPages = cell.paragraphPages;
      if (cell.boxes) docCell.boxes = cell.boxes;
      if (cell.lines) docCell.lines = cell.lines;
      if (cell.anchors) docCell.anchors = cell.anchors;
      if (cell.edge) docCell.edge = cell.edge;
      for (let c = start; c < end; c++) grid[r][c] = docCell;
      if ((cell.rowSpan ?? 1) > 1) created.set(cell, docCell); // only these extend below
    }
  });

  // Explicit row spans (PDF): fill the positions below that no row claimed.
  rows.forEach((row, r) => {
    for (const cell of row) {
      const extra = Math.floor(cell.rowSpan ?? 1);
      if (extra <= 1) continue;
      const origin = created.get(cell);
      if (!origin) continue;
      for (let below = r + 1; below < Math.min(rows.length, r + extra); below++) {
        let claimed = false;
        for (let c = origin.origin.col; c < origin.origin.col + origin.colSpan; c++) {
          if (grid[below][c] === null) {
            grid[below][c] = origin;
            claimed = true;
          }
        }
        if (!claimed) break;
        origin.rowSpan = Math.max(origin.rowSpan, below - r + 1);
      }
    }
  });

  return grid.map((row, r) => {
    const page = row.find((cell) => cell !== null)?.page ?? rows[r].find(() => true)?.page ?? null;
    return row.map((cell, c) => cell ?? emptyCell(r, c, page));
  });
}

function spanOf(cell: PlacedCell): number {
  return Math.max(1, Math.floor(cell.colSpan || 1));
}

function emptyCell(row: number, col: number, page: number | null): DocCell {
  return { text: '', paragraphs: [], origin: { row, col }, rowSpan: 1, colSpan: 1, page };
}
