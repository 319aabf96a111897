// Shared core of `weights-total` and `scores-total` (rules.md checks 11–12):
// fund line's column + Σ indicators' column = the total row's column. Check 33: in a
// layout whose indicators carry no weight, the weights added are the group weights.
import type { FormRecord } from '../../model/record.js';
import { isMergedGroup } from '../../model/record-constants.js';
import { operand } from '../context.js';
import { decimalsOf, difference, exact, exactSum, meets, scoreInterval, sumIv, type Interval } from '../decimal.js';
import type { Draft, MessageData } from '../types.js';

/** What was added in place of the indicators: their own column, or (check 33) group weights. */
export type SummedParts = 'indicators' | 'goal-groups' | 'level1-groups';

export interface SumDetails {
  total: string;
  sum: string;
  fund: string | null;
  /** The layout has no fund column to add (no 得分 column where the fund carries no points). */
  fundAbsent: boolean;
  indicators: string;
  diff: string | null;
  totalBlank: boolean;
  parts: SummedParts;
}

/** The operands summed in place of `indicators[*].<col>`: paths and their operands. A
 *  分值/得分 merged over several indicators counts once, as its group's (record.md). */
function partsOf(record: FormRecord, col: 'weight' | 'score'): { parts: SummedParts; field: string; paths: string[]; merged: string[] } | null {
  const indicatorPaths = record.indicators.map((_, i) => `indicators[${i}].${col}`);
  const merged = record.indicatorGroups.flatMap((g, i) => (isMergedGroup(g) && col in g ? [`indicatorGroups[${i}].${col}`] : []));
  if (col === 'score' || merged.length > 0 || record.indicators.some((ind) => 'weight' in ind)) {
    return { parts: 'indicators', field: `indicators[*].${col}`, paths: [...indicatorPaths, ...merged], merged };
  }
  // check 33: no indicator weights — goal blocks' weights, else level-1 labels' weights
  const groups = record.indicatorGroups.map((g, i) => ({ g, path: `indicatorGroups[${i}].weight` }));
  const goals = groups.filter(({ g }) => 'label' in g);
  const chosen = goals.length > 0 ? goals : groups.filter(({ g }) => 'level1' in g);
  if (chosen.length === 0) return null;
  return { parts: goals.length > 0 ? 'goal-groups' : 'level1-groups', field: 'indicatorGroups[*].weight', paths: chosen.map((c) => c.path), merged: [] };
}

export function indicatorSumDraft(
  record: FormRecord,
  o: { column: 'weight' | 'score'; fund: string; total: string; blankTotal?: string },
  message: (d: SumDetails) => { messageId: string; data: MessageData },
): Draft[] {
  const col = o.column;
  const which = partsOf(record, col);
  if (!which) return [];
  const inds = which.paths.map((p) => operand(record, p));
  if (inds.length === 0 || inds.every((x) => x.state === 'absent')) return []; // no such column
  if (inds.some((x) => x.state === 'nan' || x.state === 'missing')) return [];
  // Every part left blank (z36: no indicator scored) is a column not filled, not a sum of
  // 0: nothing to add; the per-indicator check names each blank.
  if (!inds.some((x) => x.state === 'value')) return [];
  const fundPath = `${o.fund}.${col}`;
  const fund = operand(record, fundPath);
  if (fund.state === 'nan' || fund.state === 'missing') return [];
  // A fund line printed with points (its 分值 read) but no score read: the score is
  // unknown, not 0 — a 得分 column the reader did not map — so there is no sum to make.
  if (col === 'score' && fund.state === 'absent' && operand(record, `${o.fund}.weight`).state !== 'absent') return [];
  const total = operand(record, o.total);
  if (total.state === 'nan' || total.state === 'absent' || total.state === 'missing') return [];
  let stated: string;
  if (total.state === 'blank') {
    if (o.blankTotal === undefined) return []; // the required-cell rule reports it
    stated = o.blankTotal;
  } else stated = total.value;

  const indValues = inds.flatMap((x) => (x.state === 'value' ? [x.value] : []));
  const fundValue = fund.state === 'value' ? fund.value : null; // blank fund score counts as 0, an absent one adds nothing
  const values = [...(fundValue ? [fundValue] : []), ...indValues];
  const sum = exactSum(values.map((value) => ({ value })));
  // weights and indicator scores are exact; fund and total scores are rounded results
  let sumInterval: Interval = sumIv(indValues.map((v) => exact(v)));
  let totalInterval: Interval = exact(stated);
  if (col === 'score') {
    if (fundValue) sumInterval = sumIv([sumInterval, scoreInterval(fundValue)]);
    totalInterval = scoreInterval(stated, fundValue !== null && decimalsOf(fundValue) > 0);
  } else if (fundValue) sumInterval = sumIv([sumInterval, exact(fundValue)]);
  if (meets(totalInterval, sumInterval)) return [];
  const indicatorsSum = exactSum(indValues.map((value) => ({ value })));
  const diff = total.state === 'value' ? difference(stated, sum) : null;
  return [
    {
      fields: [o.total, ...(fund.state === 'absent' ? [] : [fundPath]), which.field, ...which.merged],
      actual: total.state === 'value' ? total.value : null,
      expected: sum,
      difference: diff,
      ...message({
        total: stated, sum, fund: fundValue, fundAbsent: fund.state === 'absent', indicators: indicatorsSum, diff, totalBlank: total.state === 'blank', parts: which.parts,
      }),
    },
  ];
}
