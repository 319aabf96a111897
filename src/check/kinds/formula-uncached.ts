// Kind `formula-uncached` (rules.md check 30): a workbook cell holding a formula saved
// without its cached value (a file written by a program that does not calculate). Its
// value is unknown: it is never read as 0 or blank, and every check needing it is
// skipped (check/context.ts reads it as missing).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { cellIssuePaths } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const formulaUncached: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'formula-uncached',
  meta: {
    title: '工作簿单元格的公式没有计算结果',
    explanation: '工作簿中的单元格是公式，但文件没有保存公式的计算结果（多见于由程序生成、未经 Excel/WPS 重新计算的文件），其数值未知，不按 0 或空白处理，需要它的核查均跳过。请在 Excel/WPS 中打开、重新计算并保存后重新提交。',
    messages: { formula: '{{field}}（{{cell}}）是公式，文件中没有保存它的计算结果，数值未知，涉及它的核查已跳过；请在 Excel/WPS 中打开、重新计算并保存后重新提交' },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    for (const path of cellIssuePaths(record, 'formula')) {
      const at = record.provenance[path];
      const cell = at?.sheet !== undefined ? `${at.sheet}!${excelColumn(at.col)}${at.row + 1}` : '单元格';
      drafts.push({ fields: [path], actual: null, expected: null, difference: null, messageId: 'formula', data: { field: labelOf(path, record), cell } });
    }
    return drafts;
  },
};

/** 0-based column → Excel letters (0 → A, 26 → AA). */
function excelColumn(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
