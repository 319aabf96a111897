// The 年度总体目标 block: each goal row's target and result, folded; rows with
// neither are skipped (they take no index).
import type { FormRecord } from '../model/record.js';
import { foldText } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import { stopLabels } from './fund-block.js';
import { namedValue, readGoalRows } from './goals.js';
import { normLabel } from './labels.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

/** `items`: the form's own items (up to where its tables end), so a later form's goals are not taken. */
export function readGoals(items: Item[], t: Template): BlockReading<FormRecord['goals']> {
  const goals: FormRecord['goals'] = [];
  const out = blockReading(goals);
  for (const g of readGoalRows(items, t, stopLabels(t))) {
    const targetCell = g.target ? g.table.rows[g.target.row]?.[g.target.col] : undefined;
    const resultCell = g.result ? g.table.rows[g.result.row]?.[g.result.col] : undefined;
    const target = foldText(withoutHeader(targetCell?.text, t.goals.target));
    const result = foldText(withoutHeader(resultCell?.text, t.goals.result));
    if (target === null && result === null) continue;
    const i = goals.length;
    goals.push({ target, result });
    if (targetCell) noteCell(out, `goals[${i}].target`, g.table, g.target!.row, g.target!.col, targetCell.text);
    if (resultCell) noteCell(out, `goals[${i}].result`, g.table, g.result!.row, g.result!.col, resultCell.text);
  }
  return out;
}

/** A goal written after its column's name ("预期目标：建设示范点3个") without that name. */
function withoutHeader(text: string | undefined, names: readonly string[]): string | undefined {
  const named = text === undefined ? null : namedValue(text);
  return named && names.includes(normLabel(named.name)) ? named.value : text;
}
