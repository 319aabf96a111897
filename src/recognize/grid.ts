// Reading a table's expanded grid: the distinct cells of a row (a merged cell
// counts once), their normalized labels, and where a merged cell starts.
import type { DocCell, DocTable } from '../model/document.js';
import { normLabel } from './labels.js';

/** A cell as seen from one row: the first grid column it covers in that row. */
export interface RowCell {
  cell: DocCell;
  /** First grid column of this row the cell covers. */
  col: number;
  /** Last grid column (inclusive) of this row the cell covers. */
  lastCol: number;
  /** The normalized label (labels.ts normLabel). */
  label: string;
}

const rowCache = new WeakMap<DocCell[], RowCell[]>();

/** Longer cells are text, not labels: only their start is normalized, and a mark
 *  keeps them from ever equalling a label. */
const LONG_CELL = 160;
function cellLabel(text: string): string {
  return text.length > LONG_CELL ? `${normLabel(text.slice(0, LONG_CELL))}…` : normLabel(text);
}

/** The row's cells left to right, each merged cell once. */
export function rowCells(table: DocTable, r: number): RowCell[] {
  const row = table.rows[r];
  if (!row) return [];
  const hit = rowCache.get(row);
  if (hit) return hit;
  const out: RowCell[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    const last = out[out.length - 1];
    if (last && last.cell === cell) {
      last.lastCol = c;
      continue;
    }
    if (last && sameOrigin(last.cell, cell)) {
      last.lastCol = c;
      continue;
    }
    out.push({ cell, col: c, lastCol: c, label: cellLabel(cell.text) });
  }
  rowCache.set(row, out);
  return out;
}

function sameOrigin(a: DocCell, b: DocCell): boolean {
  return a.origin.row === b.origin.row && a.origin.col === b.origin.col && a.text === b.text;
}

/** The row cell covering grid column c, or undefined. */
export function rowCellAt(table: DocTable, r: number, c: number): RowCell | undefined {
  return rowCells(table, r).find((rc) => rc.col <= c && c <= rc.lastCol);
}

/** The last row a label cell stands for: the end of its merge, and past it, in a grid
 *  exported flat (预算管理一体化系统's forms: no merges, a block's label printed again on
 *  each of its rows), the rows right below whose own cell at the same columns repeats the
 *  label — the same block going on, not a new one. */
export function labelRowsEnd(table: DocTable, r: number, label: RowCell): number {
  let end = Math.max(r, label.cell.origin.row + label.cell.rowSpan - 1);
  for (let row = end + 1; row < table.rows.length; row++) {
    const below = rowCellAt(table, row, label.col);
    if (!below || below.cell === label.cell || below.cell.origin.row !== row) break;
    if (below.col !== label.col || below.lastCol !== label.lastCol || below.label !== label.label) break;
    end = row + below.cell.rowSpan - 1;
    row = end;
  }
  return end;
}

/** True when the cell at (r, c) continues a vertical merge started in an earlier row. */
export function continuesFromAbove(table: DocTable, r: number, c: number): boolean {
  const cell = table.rows[r]?.[c];
  return !!cell && cell.origin.row < r;
}

/** True when every cell of the row is blank (whitespace only). */
export function rowIsBlank(table: DocTable, r: number): boolean {
  return rowCells(table, r).every((rc) => rc.cell.text.trim() === '' || /^[\s\u3000]*$/.test(rc.cell.text));
}
