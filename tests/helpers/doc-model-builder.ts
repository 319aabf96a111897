// Hand-built document models for recognizer tests: tables as rows of strings,
// "<" = this position belongs to the cell on its left (a column span), "^" = to
// the cell above (a vertical merge). Cell text "a\nb" is two paragraphs.
import type { DocBlock, DocCell, DocModel, DocParagraph, DocTable } from '../../src/model/document.js';

export type TableSpec = { table: string[][] };
export type BlockSpec = string | TableSpec;

export const t = (rows: string[][]): TableSpec => ({ table: rows });

function buildTable(rows: string[][], index: number): DocTable {
  const width = Math.max(...rows.map((r) => r.length));
  const grid: DocCell[][] = [];
  rows.forEach((spec, r) => {
    const row: DocCell[] = [];
    for (let c = 0; c < width; c++) {
      const s = spec[c] ?? '';
      if (s === '<' && c > 0) {
        const left = row[c - 1];
        if (left.origin.row === r) left.colSpan = Math.max(left.colSpan, c - left.origin.col + 1);
        row.push(left);
      } else if (s === '^' && r > 0) {
        const up = grid[r - 1][c];
        up.rowSpan = Math.max(up.rowSpan, r - up.origin.row + 1);
        row.push(up);
      } else {
        row.push({ text: s, paragraphs: s.split('\n'), origin: { row: r, col: c }, rowSpan: 1, colSpan: 1, page: null });
      }
    }
    grid.push(row);
  });
  return { kind: 'table', index, rows: grid };
}

/** A DOCX-like document model from paragraphs (strings) and tables, in order. */
export function docModel(...blocks: BlockSpec[]): DocModel {
  const out: DocBlock[] = [];
  const tables: DocTable[] = [];
  for (const b of blocks) {
    if (typeof b === 'string') {
      out.push({ kind: 'paragraph', text: b, page: null } satisfies DocParagraph);
    } else {
      const table = buildTable(b.table, tables.length);
      tables.push(table);
      out.push(table);
    }
  }
  return { format: 'docx', pages: null, blocks: out, tables, images: 0 };
}
