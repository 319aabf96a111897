// Property tests (fast-check) of the grid expansion shared by the DOCX and PDF readers
// (src/read/grid.ts): for random span layouts — Word-like rows (gridBefore, gridSpan,
// vMerge restart/continue) and PDF-like placements (explicit row spans, cells that
// overlap as a hostile or badly drawn table may) — the grid is rectangular, no
// position is uncovered, every cell sits at its own origin, shares its text there,
// and covers only positions inside its rectangle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocCell } from '../src/model/document.js';
import { buildGrid, type PlacedCell } from '../src/read/grid.js';

type Layout = { declared: number; rows: PlacedCell[][] };

/** Word-like rows: left to right, each cell starting where the previous one ended. */
const wordLayout: fc.Arbitrary<Layout> = fc
  .record({
    declared: fc.integer({ min: 0, max: 10 }),
    rows: fc.array(
      fc.record({
        before: fc.integer({ min: 0, max: 3 }),
        cells: fc.array(
          fc.record({
            span: fc.integer({ min: 1, max: 4 }),
            vMerge: fc.constantFrom<PlacedCell['vMerge']>(null, null, 'restart', 'continue', 'continue'),
            paragraphs: fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 7 },
        ),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ declared, rows }) => {
    let serial = 0;
    return {
      declared,
      rows: rows.map(({ before, cells }) => {
        let col = before;
        return cells.map((c) => {
          // A serial in every text tells cells apart even when the random strings repeat.
          const paragraphs = [`#${serial++}`, ...c.paragraphs];
          const placed: PlacedCell = { text: paragraphs.join('\n'), paragraphs, col, colSpan: c.span, vMerge: c.vMerge, page: null };
          col += c.span;
          return placed;
        });
      }),
    };
  });

/** PDF-like placements: any column, any order, explicit row spans, overlaps allowed. */
const pdfLayout: fc.Arbitrary<Layout> = fc
  .record({
    declared: fc.integer({ min: 0, max: 8 }),
    rows: fc.array(
      fc.array(
        fc.record({
          col: fc.integer({ min: 0, max: 7 }),
          span: fc.integer({ min: 1, max: 4 }),
          rowSpan: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 6 },
      ),
      { maxLength: 8 },
    ),
  })
  .map(({ declared, rows }) => {
    let serial = 0;
    return {
      declared,
      rows: rows.map((cells, r) =>
        cells.map((c) => {
          const text = `#${serial++}`;
          return { text, paragraphs: [text], col: c.col, colSpan: c.span, vMerge: null, rowSpan: c.rowSpan, page: r + 1 } satisfies PlacedCell;
        }),
      ),
    };
  });

function expectedWidth({ declared, rows }: Layout): number {
  return Math.max(declared, ...rows.flatMap((row) => row.map((c) => c.col + c.colSpan)), 0);
}

/** The invariants every expanded grid keeps, whatever the layout. */
function checkInvariants(layout: Layout, grid: DocCell[][]): void {
  const width = expectedWidth(layout);
  expect(grid).toHaveLength(layout.rows.length);
  grid.forEach((row, r) => {
    // Every row has the column count.
    expect(row).toHaveLength(width);
    row.forEach((cell, c) => {
      // No position uncovered.
      expect(cell).toBeDefined();
      expect(typeof cell.text).toBe('string');
      const { row: or, col: oc } = cell.origin;
      // The origin is inside the grid, and the origin cell is its own origin…
      const origin = grid[or]?.[oc];
      expect(origin).toBeDefined();
      expect(origin.origin).toEqual({ row: or, col: oc });
      // …holding the same text (and paragraphs) as every position of the merged cell.
      expect(cell.text).toBe(origin.text);
      expect(cell.paragraphs).toEqual(origin.paragraphs);
      expect(cell.rowSpan).toBe(origin.rowSpan);
      expect(cell.colSpan).toBe(origin.colSpan);
      // The position lies inside the merged cell's rectangle.
      expect(r).toBeGreaterThanOrEqual(or);
      expect(r).toBeLessThan(or + cell.rowSpan);
      expect(c).toBeGreaterThanOrEqual(oc);
      expect(c).toBeLessThan(oc + cell.colSpan);
    });
  });
}

describe('buildGrid properties', () => {
  it('Word-like layouts: rectangular, covered, each cell at its own origin with its text', () => {
    fc.assert(
      fc.property(wordLayout, (layout) => {
        const before = structuredClone(layout.rows);
        const grid = buildGrid(layout.rows, layout.declared);
        checkInvariants(layout, grid);
        expect(layout.rows).toEqual(before); // pure: the input is not modified
      }),
      { numRuns: 250 },
    );
  });

  it('Word-like layouts: an opening cell appears at its own position with its text; a continuation repeats the cell above', () => {
    fc.assert(
      fc.property(wordLayout, (layout) => {
        const grid = buildGrid(layout.rows, layout.declared);
        layout.rows.forEach((row, r) => {
          for (const placed of row) {
            const here = grid[r][placed.col];
            // A cell above that some placed cell made (fillers for uncovered positions hold no paragraph).
            const above = r > 0 && grid[r - 1][placed.col].paragraphs.length > 0 ? grid[r - 1][placed.col] : null;
            if (placed.vMerge === 'continue' && above) {
              // Joins the merged cell above: its own text is dropped, the origin stays above.
              expect(here).toBe(above);
              expect(here.origin.row).toBeLessThan(r);
              expect(here.text).not.toBe(placed.text);
            } else {
              expect(here.origin).toEqual({ row: r, col: placed.col });
              expect(here.text).toBe(placed.text);
              expect(here.paragraphs).toEqual(placed.paragraphs);
            }
          }
        });
      }),
      { numRuns: 250 },
    );
  });

  it('Word-like layouts: a vertical merge spans exactly the rows that continue it, without gaps', () => {
    fc.assert(
      fc.property(wordLayout, (layout) => {
        const grid = buildGrid(layout.rows, layout.declared);
        const rowsOf = new Map<DocCell, Set<number>>();
        grid.forEach((row, r) => row.forEach((cell) => rowsOf.set(cell, (rowsOf.get(cell) ?? new Set()).add(r))));
        for (const [cell, rows] of rowsOf) {
          // The rows holding the cell are origin.row … origin.row + rowSpan − 1, every one of them.
          expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: cell.rowSpan }, (_, i) => cell.origin.row + i));
        }
      }),
      { numRuns: 250 },
    );
  });

  it('PDF-like placements, overlapping or not: the same invariants hold', () => {
    fc.assert(
      fc.property(pdfLayout, (layout) => {
        const before = structuredClone(layout.rows);
        const grid = buildGrid(layout.rows, layout.declared);
        checkInvariants(layout, grid);
        expect(layout.rows).toEqual(before);
      }),
      { numRuns: 250 },
    );
  });

  it('PDF-like placements: a cell placed on free positions keeps its text at its origin', () => {
    fc.assert(
      fc.property(pdfLayout, (layout) => {
        const grid = buildGrid(layout.rows, layout.declared);
        const shown = new Set(grid.flat().map((c) => c.text));
        // Every placed cell whose first position no earlier cell of its row, and no row span from above, took is visible.
        layout.rows.forEach((row, r) => {
          const taken = new Set<number>();
          for (const placed of row) {
            if (!taken.has(placed.col) && (r === 0 || !coveredFromAbove(layout.rows, r, placed.col))) {
              expect(shown.has(placed.text)).toBe(true);
              expect(grid[r][placed.col].text).toBe(placed.text);
            }
            for (let c = placed.col; c < placed.col + placed.colSpan; c++) taken.add(c);
          }
        });
      }),
      { numRuns: 250 },
    );
  });
});

/** Whether a row span from a row above could reach (r, col) — then the position may be legitimately taken. */
function coveredFromAbove(rows: PlacedCell[][], r: number, col: number): boolean {
  for (let above = 0; above < r; above++) {
    for (const c of rows[above]) {
      if ((c.rowSpan ?? 1) > r - above && col >= c.col && col < c.col + c.colSpan) return true;
    }
  }
  return false;
}
