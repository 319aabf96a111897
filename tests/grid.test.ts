// buildGrid: span expansion shared by the DOCX and PDF readers, cell by cell,
// plus property tests of the grid's invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocCell, DocTable } from '../src/model/document.js';
import { buildGrid, type PlacedCell } from '../src/read/grid.js';
import { labelRowsEnd, rowCells } from '../src/recognize/grid.js';

function cell(text: string, col: number, colSpan = 1, vMerge: PlacedCell['vMerge'] = null, extra: Partial<PlacedCell> = {}): PlacedCell {
  return { text, paragraphs: text === '' ? [''] : text.split('\n'), col, colSpan, vMerge, page: null, ...extra };
}

/** "text@row,col rowSpan×colSpan" for every position: compact and exact. */
function describeGrid(grid: DocCell[][]): string[][] {
  return grid.map((row) => row.map((c) => `${c.text}@${c.origin.row},${c.origin.col} ${c.rowSpan}x${c.colSpan}`));
}

describe('buildGrid', () => {
  it('repeats a column span at every position it covers', () => {
    const grid = buildGrid([[cell('项目', 0), cell('全年预算数', 1, 2), cell('分值', 3)]], 4);
    expect(describeGrid(grid)).toEqual([['项目@0,0 1x1', '全年预算数@0,1 1x2', '全年预算数@0,1 1x2', '分值@0,3 1x1']]);
    expect(grid[0][1]).toBe(grid[0][2]);
  });

  it('extends a vertical merge down its column and counts the rows', () => {
    const grid = buildGrid(
      [
        [cell('资金来源', 0, 1, 'restart'), cell('合计', 1)],
        [cell('', 0, 1, 'continue'), cell('（1）财政拨款', 1)],
        [cell('ignored', 0, 1, 'continue'), cell('（2）其他资金', 1)],
        [cell('资金结构', 0), cell('合计', 1)],
      ],
      2,
    );
    expect(describeGrid(grid)).toEqual([
      ['资金来源@0,0 3x1', '合计@0,1 1x1'],
      ['资金来源@0,0 3x1', '（1）财政拨款@1,1 1x1'],
      ['资金来源@0,0 3x1', '（2）其他资金@2,1 1x1'],
      ['资金结构@3,0 1x1', '合计@3,1 1x1'],
    ]);
  });

  it('merges a wide vertical merge over all its columns', () => {
    const grid = buildGrid([[cell('A', 0, 2, 'restart'), cell('b', 2)], [cell('', 0, 2, 'continue'), cell('c', 2)]], 3);
    expect(describeGrid(grid)).toEqual([
      ['A@0,0 2x2', 'A@0,0 2x2', 'b@0,2 1x1'],
      ['A@0,0 2x2', 'A@0,0 2x2', 'c@1,2 1x1'],
    ]);
  });

  it('fills uncovered positions (grid before/after, short rows) with empty cells of their own', () => {
    const grid = buildGrid([[cell('x', 1)], [cell('y', 0)]], 3);
    expect(describeGrid(grid)).toEqual([
      ['@0,0 1x1', 'x@0,1 1x1', '@0,2 1x1'],
      ['y@1,0 1x1', '@1,1 1x1', '@1,2 1x1'],
    ]);
    expect(grid[0][0].paragraphs).toEqual([]);
  });

  it('a continuation with nothing above it is an ordinary cell', () => {
    const grid = buildGrid([[cell('a', 0)], [cell('', 1, 1, 'continue')]], 2);
    expect(describeGrid(grid)[1]).toEqual(['@1,0 1x1', '@1,1 1x1']);
  });

  it('widens the grid to the widest row when the declared columns are too few', () => {
    const grid = buildGrid([[cell('a', 0), cell('b', 1, 2)]], 1);
    expect(grid[0]).toHaveLength(3);
    expect(describeGrid(grid)[0][2]).toBe('b@0,1 1x2');
  });

  it('an explicit rowSpan (PDF) fills the rows below where they leave room', () => {
    const grid = buildGrid(
      [[cell('一级', 0, 1, null, { rowSpan: 3, page: 2 }), cell('p', 1, 1, null, { page: 2 })], [cell('q', 1, 1, null, { page: 2 })], [cell('r', 1, 1, null, { page: 3 })]],
      2,
    );
    expect(describeGrid(grid)).toEqual([
      ['一级@0,0 3x1', 'p@0,1 1x1'],
      ['一级@0,0 3x1', 'q@1,1 1x1'],
      ['一级@0,0 3x1', 'r@2,1 1x1'],
    ]);
    expect(grid[2][1].page).toBe(3);
  });

  it('keeps paragraphs apart and does not modify its input', () => {
    const rows = [[cell('第一段\n第二段', 0, 1, 'restart')], [cell('', 0, 1, 'continue')]];
    const before = JSON.stringify(rows);
    const grid = buildGrid(rows, 1);
    expect(grid[0][0].paragraphs).toEqual(['第一段', '第二段']);
    expect(JSON.stringify(rows)).toBe(before);
  });

  it('an empty table is an empty grid', () => {
    expect(buildGrid([], 5)).toEqual([]);
  });
});

describe('buildGrid properties', () => {
  // Random rows laid out like a DOCX row: optional gridBefore, then cells with spans,
  // some of them vertical-merge marks.
  const rowArb = fc.record({
    before: fc.integer({ min: 0, max: 2 }),
    cells: fc.array(
      fc.record({ span: fc.integer({ min: 1, max: 3 }), vMerge: fc.constantFrom<PlacedCell['vMerge']>(null, 'restart', 'continue') }),
      { maxLength: 5 },
    ),
  });
  const tableArb = fc.record({ declared: fc.integer({ min: 0, max: 8 }), rows: fc.array(rowArb, { maxLength: 8 }) });

  function place(rows: { before: number; cells: { span: number; vMerge: PlacedCell['vMerge'] }[] }[]): PlacedCell[][] {
    return rows.map((row, r) => {
      let col = row.before;
      return row.cells.map((c, i) => {
        const placed = cell(`r${r}c${i}`, col, c.span, c.vMerge);
        col += c.span;
        return placed;
      });
    });
  }

  it('is rectangular, and every position lies inside the cell it holds', () => {
    fc.assert(
      fc.property(tableArb, ({ declared, rows }) => {
        const placed = place(rows);
        const grid = buildGrid(placed, declared);
        const widest = Math.max(declared, ...placed.map((row) => row.reduce((w, c) => Math.max(w, c.col + c.colSpan), 0)));
        expect(grid).toHaveLength(rows.length);
        grid.forEach((row, r) => {
          expect(row).toHaveLength(widest);
          row.forEach((c, col) => {
            expect(c.origin.row).toBeLessThanOrEqual(r);
            expect(r).toBeLessThan(c.origin.row + c.rowSpan);
            expect(c.origin.col).toBeLessThanOrEqual(col);
            expect(col).toBeLessThan(c.origin.col + c.colSpan);
            // The origin position holds the same cell.
            expect(grid[c.origin.row][c.origin.col]).toBe(c);
          });
        });
      }),
    );
  });

  it('every cell that is not a continuation appears at its own origin with its text', () => {
    fc.assert(
      fc.property(tableArb, ({ declared, rows }) => {
        const placed = place(rows);
        const grid = buildGrid(placed, declared);
        placed.forEach((row, r) =>
          row.forEach((c) => {
            if (c.vMerge === 'continue' && r > 0) return;
            expect(grid[r][c.col].text).toBe(c.text);
            expect(grid[r][c.col].origin).toEqual({ row: r, col: c.col });
          }),
        );
      }),
    );
  });
});

describe('labelRowsEnd: the rows a label cell stands for', () => {
  const table = (rows: PlacedCell[][], cols: number): DocTable => ({ kind: 'table', index: 0, rows: buildGrid(rows, cols) });
  const anchorOf = (t: DocTable, r: number) => rowCells(t, r)[0];

  it('runs over the rows below that repeat the label at the same columns (a flat export)', () => {
    const t = table(
      [
        [cell('年度总体目标', 0), cell('预期目标', 1), cell('甲', 2)],
        [cell('年度总体目标', 0), cell('实际完成情况', 1), cell('乙', 2)],
        [cell('一级指标', 0), cell('二级指标', 1), cell('三级指标', 2)],
      ],
      3,
    );
    expect(labelRowsEnd(t, 0, anchorOf(t, 0))).toBe(1);
  });

  it('is the last row of a merged label, and its own row for a label said once', () => {
    const merged = table(
      [
        [cell('年度总体目标', 0, 1, 'restart'), cell('预期目标', 1)],
        [cell('', 0, 1, 'continue'), cell('实际完成情况', 1)],
        [cell('总分', 0), cell('100', 1)],
      ],
      2,
    );
    expect(labelRowsEnd(merged, 0, anchorOf(merged, 0))).toBe(1);
    const once = table([[cell('年度总体目标', 0), cell('甲', 1)], [cell('年度总体', 0), cell('乙', 1)]], 2);
    expect(labelRowsEnd(once, 0, anchorOf(once, 0))).toBe(0);
  });

  it('stops at a repeat spanning other columns than the label', () => {
    const t = table([[cell('年度总体目标', 0), cell('甲', 1)], [cell('年度总体目标', 0, 2)]], 2);
    expect(labelRowsEnd(t, 0, anchorOf(t, 0))).toBe(0);
  });
});
