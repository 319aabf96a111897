// The workbook reader on workbooks as Excel and WPS save them: cached formula results
// that are falsy (0, the empty string of IF(…,"",…)) and number formats in a Chinese
// locale's words ([红色], G/通用格式).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DocCell } from '../src/model/document.js';
import { readDocument } from '../src/read/index.js';

async function sheetCells(fill: (ws: ExcelJS.Worksheet) => void): Promise<DocCell[][]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  fill(ws);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const doc = await readDocument(bytes, { maxBytes: 10 * 1024 * 1024 });
  return doc.tables[0].rows;
}

describe('XLSX: formulas as Excel saves them', () => {
  it('a cached 0 is 0 and a cached empty string is a blank cell, neither a formula never calculated', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['其他资金', '全年预算数', '执行率', '合计']);
      ws.getRow(2).values = ['其他资金', { formula: 'SUM(0)', result: 0 }, { formula: 'IF(B2=0,"",C2/B2)', result: '' }, { formula: 'B2*2', result: 0 }];
      ws.getCell('B2').numFmt = '0.00';
      ws.getCell('C2').numFmt = '0.00%';
    });
    expect(rows[1].map((c) => c.text)).toEqual(['其他资金', '0.00', '', '0']);
    expect(rows[1].map((c) => c.formula ?? null)).toEqual([null, null, null, null]);
  });

  it('a formula saved without any result stays uncached', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['合计', '全年预算数']);
      ws.getRow(2).values = ['合计', { formula: 'SUM(B3:B4)' } as ExcelJS.CellFormulaValue];
    });
    expect(rows[1][1].text).toBe('');
    expect(rows[1][1].formula).toBe('uncached');
  });
});

describe('XLSX: number formats in Chinese', () => {
  it('reads [红色] and the other colour words, and G/通用格式, as Excel shows them', async () => {
    const rows = await sheetCells((ws) => {
      ws.addRow(['执行率', '金额', '负数', '通用']);
      ws.addRow(['执行率', 1200000, -1200000, 0.5]);
      ws.addRow([0.953818, 0.5, 3, 4]);
      ws.getCell('B2').numFmt = '#,##0.00;[红色]-#,##0.00';
      ws.getCell('C2').numFmt = '[蓝色]#,##0.00;[红色]\\-#,##0.00';
      ws.getCell('D2').numFmt = 'G/通用格式';
      ws.getCell('A3').numFmt = '0.00%;[红色]-0.00%';
      ws.getCell('B3').numFmt = '[颜色10]0.0';
    });
    expect(rows[1].map((c) => c.text)).toEqual(['执行率', '1,200,000.00', '-1,200,000.00', '0.5']);
    expect(rows[2][0].text).toBe('95.38%');
    expect(rows[2][1].text).toBe('0.5');
  });
});
