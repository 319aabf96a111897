// Shared core of `sum` and `equal`: a fund line's money column equals the sum of
// other lines' same column, with rounding tolerance and the blank rules of rules.md.
import type { FormRecord } from '../../model/record.js';
import { formatPath, parsePath } from '../../model/record-path.js';
import { fundLines, operand } from '../context.js';
import { difference, exactSum, meets, moneyInterval, sumIv } from '../decimal.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import type { Draft } from '../types.js';

/** Expands "funds.sources.*" to every line of the block but the excluded ones; with
 *  `partsOf`, only to the lines that are parts of that line (null: of no line — the
 *  lines a total adds up, not those printed as a breakdown of another, record.md lineParents). */
export function expandLines(record: FormRecord, paths: string[], exclude: string[], partsOf?: string | null): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const path = parsePath(p);
    if (path?.kind !== 'fund' || path.line !== '*') {
      out.push(p);
      continue;
    }
    for (const line of fundLines(record, path.group)) {
      const full = formatPath({ ...path, line });
      if (partsOf !== undefined && (record.lineParents?.[full] ?? null) !== partsOf) continue;
      if (!exclude.includes(full) && !paths.includes(full)) out.push(full);
    }
  }
  return out;
}

export function lineSumDrafts(
  record: FormRecord,
  totalLine: string,
  partLines: string[],
  columns: readonly string[],
  messageId: string,
): Draft[] {
  const drafts: Draft[] = [];
  // "*" adds the lines beside the total's own parts: a line printed under another (其中)
  // is in its parent already, and counts only in the sum of its parent's breakdown
  const parts = expandLines(record, partLines, [totalLine], record.lineParents?.[totalLine] ?? null);
  for (const col of columns) {
    const totalPath = `${totalLine}.${col}`;
    const t = operand(record, totalPath);
    if (t.state !== 'value') continue; // blank stated side: its own rule reports it
    const ops = parts.map((p) => ({ path: `${p}.${col}`, op: operand(record, `${p}.${col}`) }));
    if (ops.some((o) => o.op.state === 'nan' || o.op.state === 'missing')) continue;
    const present = ops.filter((o) => o.op.state !== 'absent');
    const values = present.flatMap((o) => (o.op.state === 'value' ? [o.op.value] : []));
    if (values.length === 0) continue; // every part blank
    const allWhole = [t.value, ...values].every((v) => !v.includes('.'));
    const sumInterval = sumIv(values.map((v) => moneyInterval(v, allWhole)));
    if (meets(moneyInterval(t.value, allWhole), sumInterval)) continue;
    const sum = exactSum(values.map((value) => ({ value })));
    const diff = difference(t.value, sum);
    drafts.push({
      fields: [totalPath, ...present.map((o) => o.path)],
      actual: t.value,
      expected: sum,
      difference: diff,
      messageId,
      data: {
        totalLabel: labelOf(totalPath, record),
        total: tableMoney(record, t.value),
        parts: present
          .map((o) => labelOf(o.path, record) + (o.op.state === 'value' ? tableMoney(record, o.op.value) : '（空白）'))
          .join(' + '),
        sum: tableMoney(record, sum),
        difference: tableMoney(record, diff),
      },
    });
  }
  return drafts;
}
