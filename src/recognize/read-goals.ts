// The 年度总体目标 block: each goal row's target and result, folded; rows with
// neither are skipped (they take no index).
import type { FormRecord } from '../model/record.js';
import { foldText } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import { stopLabels } from './fund-block.js';
import { readGoalRows } from './goals.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

/** `items`: the form's own items (up to where its tables end), so a later form's goals are not taken. */
export function readGoals(items: Item[], t: Template): BlockReading<FormRecord['goals']> {
  const goals: FormRecord['goals'] = [];
  const out = blockReading(goals);
  for (const g of readGoalRows(items, t, stopLabels(t))) {
    const targetCell = g.targetCol !== null ? g.table.rows[g.row]?.[g.targetCol] : undefined;
    const resultCell = g.resultCol !== null ? g.table.rows[g.row]?.[g.resultCol] : undefined;
    const target = foldText(targetCell?.text);
    const result = foldText(resultCell?.text);
    if (target === null && result === null) continue;
    const i = goals.length;
    goals.push({ target, result });
    if (targetCell) noteCell(out, `goals[${i}].target`, g.table, g.row, g.targetCol!, targetCell.text);
    if (resultCell) noteCell(out, `goals[${i}].result`, g.table, g.row, g.resultCol!, resultCell.text);
  }
  return out;
}
