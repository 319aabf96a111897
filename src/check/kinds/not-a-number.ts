// Kind `not-a-number` (record.md's cell table): a numeric cell whose text is no number
// ("1.2.3", "约5") — the only finding about that cell; other checks skip it.
import { z } from 'zod';
import type { FormRecord } from '../../model/record.js';
import { operand } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = z.object({}).strict();

/** Paths of cells that hold numbers (money, rate, weight, score). */
const NUMERIC_PATH = /^(funds\.(sources|uses)\.[A-Za-z]+\.(initial|budget|actual|rate|weight|score)|indicators\[\d+\]\.(weight|score)|total\.(weight|score))$/;

// Per record: two rule kinds walk the cells in order, and the sort ran for each.
const ordered = new WeakMap<FormRecord, readonly string[]>();

/** Provenance paths in document order (table, row, col). */
export function cellsInDocumentOrder(record: FormRecord): readonly string[] {
  let paths = ordered.get(record);
  if (!paths) ordered.set(record, (paths = sortCells(record)));
  return paths;
}

function sortCells(record: FormRecord): string[] {
  return Object.entries(record.provenance)
    .sort(([, a], [, b]) => a.table - b.table || a.row - b.row || a.col - b.col)
    .map(([path]) => path);
}

export const notANumber: RuleKind<z.infer<typeof options>> = {
  name: 'not-a-number',
  meta: {
    title: '数字栏填写的不是数字',
    explanation: '金额、执行率、分值、得分栏中的文字无法读作数字（如“1.2.3”“约5”）。该单元格只报告这一条，其他需要它的检查跳过。',
  },
  options,
  run(record) {
    const drafts: Draft[] = [];
    for (const path of cellsInDocumentOrder(record)) {
      if (!NUMERIC_PATH.test(path)) continue;
      const o = operand(record, path);
      if (o.state !== 'nan') continue;
      drafts.push({ fields: [path], actual: null, expected: null, difference: null,
        message: `${labelOf(path, record)}填写的“${o.raw.trim()}”不是一个数字` });
    }
    return drafts;
  },
};
