// Operands of the narrative rules: a narrative concept gives every distinct exact figure
// it is stated with (approximations never count); a table cell gives its value.
import type { Decimal } from 'decimal.js';
import type { FormRecord } from '../../model/record.js';
import { conceptOf, distinctFacts, operand, type Figure } from '../context.js';
import { dec } from '../decimal.js';
import { labelOf } from '../labels.js';

/** 'skip' = the rule cannot run on this operand (not a number); [] = nothing stated. */
export function candidates(record: FormRecord, path: string): Figure[] | 'skip' {
  const concept = conceptOf(path);
  if (concept) return distinctFacts(record, concept);
  const o = operand(record, path);
  if (o.state === 'nan' || o.state === 'missing') return 'skip';
  return o.state === 'value' ? [{ value: o.value }] : [];
}

/** True when the path exists in the record (a stated concept, or a cell the layout has). */
export function exists(record: FormRecord, path: string): boolean {
  const concept = conceptOf(path);
  if (concept) return (record.narrative.facts[concept] ?? []).length > 0;
  return operand(record, path).state !== 'absent';
}

/** "文字部分所述基本支出" / "表中基本支出全年执行数". */
export function sideLabel(record: FormRecord, path: string): string {
  return (conceptOf(path) ? '文字部分所述' : '表中') + labelOf(path, record);
}

/** Every combination of one value per operand (bounded: a narrative states few figures). */
export function combinations<T>(lists: T[][], limit = 64): T[][] {
  let out: T[][] = [[]];
  for (const list of lists) {
    const next: T[][] = [];
    for (const prefix of out) for (const v of list) if (next.length < limit) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/** The distinct exact values the narrative states for a concept's path (a rate, a score:
 *  no money precision to keep, so plain values). */
export function statedValues(record: FormRecord, path: string): string[] {
  const concept = conceptOf(path)!;
  return [...new Set((record.narrative.facts[concept] ?? []).filter((f) => !f.approx).map((f) => f.value))];
}

/** The item of least distance (the first among equals); `items` is not empty. */
export function nearestBy<T>(items: readonly T[], distance: (item: T) => Decimal): T {
  let best = items[0];
  let least = distance(best);
  for (const item of items.slice(1)) {
    const d = distance(item);
    if (d.lt(least)) [best, least] = [item, d];
  }
  return best;
}

/** The stated value nearest to the table's (the first among equals). */
export function nearest(values: string[], to: string): string {
  return nearestBy(values, (v) => dec(v).minus(to).abs());
}
