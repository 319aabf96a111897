// Shared by the kinds that judge how an indicator with a missed quantitative target was
// scored (rules.md checks 14 and 15): which indicators those are, with their numbers.
import type { FormRecord, Indicator } from '../../model/record.js';
import { judgeIndicator, type Judgement } from '../attainment.js';
import { operand } from '../context.js';
import { existingFields } from './indicator-common.js';

export interface MissedTarget {
  index: number;
  indicator: Indicator;
  judgement: Judgement;
  /** Score and weight as decimal strings. */
  score: string;
  weight: string;
}

/** Indicators whose quantitative target was missed and whose score and weight are both numbers, in order. */
export function scoredMissedTargets(record: FormRecord): MissedTarget[] {
  const missed: MissedTarget[] = [];
  record.indicators.forEach((indicator, index) => {
    const judgement = judgeIndicator(indicator);
    if (!judgement || judgement.met) return;
    const s = operand(record, `indicators[${index}].score`);
    const w = operand(record, `indicators[${index}].weight`);
    if (s.state !== 'value' || w.state !== 'value') return;
    missed.push({ index, indicator, judgement, score: s.value, weight: w.value });
  });
  return missed;
}

/** The fields a finding on a missed target names: score first, then weight, actual, target. */
export function missedTargetFields(record: FormRecord, index: number): string[] {
  return existingFields(record, index, ['score', 'weight', 'actual', 'target']);
}
