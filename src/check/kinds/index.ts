// The registry of rule kinds: a rule file's `kind:` names one of these.
import type { RuleKind } from '../types.js';
import { blockUnreadable } from './block-unreadable.js';
import { breakdownSum } from './breakdown-sum.js';
import { cellUnit } from './cell-unit.js';
import { formulaUncached } from './formula-uncached.js';
import { changeConsistent } from './change-consistent.js';
import { completeness } from './completeness.js';
import { deviationReason } from './deviation-reason.js';
import { equal } from './equal.js';
import { factConflict } from './fact-conflict.js';
import { factSum } from './fact-sum.js';
import { fundBandUnread } from './fund-band-unread.js';
import { fundScore } from './fund-score.js';
import { grade } from './grade.js';
import { groupWeight } from './group-weight.js';
import { indicatorRange } from './indicator-range.js';
import { narrativeEqualsTable } from './narrative-equals-table.js';
import { narrativeRate } from './narrative-rate.js';
import { narrativeScore } from './narrative-score.js';
import { notANumber } from './not-a-number.js';
import { placeholderIndicator } from './placeholder-indicator.js';
import { proportionalScore } from './proportional-score.js';
import { rateAbove } from './rate-above.js';
import { rateFraction } from './rate-fraction.js';
import { rate } from './rate.js';
import { required } from './required.js';
import { scoresTotal } from './scores-total.js';
import { sum } from './sum.js';
import { targetMissedFullScore } from './target-missed-full-score.js';
import { threshold } from './threshold.js';
import { units } from './units.js';
import { reportUnbound } from './report-unbound.js';
import { unreadQuantity } from './unread-quantity.js';
import { weightsTotal } from './weights-total.js';

const ALL: RuleKind[] = [
  sum, breakdownSum, equal, rate, rateAbove, fundScore, fundBandUnread, indicatorRange,
  weightsTotal, scoresTotal, deviationReason, targetMissedFullScore, proportionalScore, groupWeight,
  threshold, units, completeness, placeholderIndicator, required, notANumber, rateFraction, cellUnit, formulaUncached, blockUnreadable,
  narrativeEqualsTable, factSum, factConflict, changeConsistent, narrativeRate, narrativeScore, grade, unreadQuantity, reportUnbound,
];

export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(ALL.map((k) => [k.name, k]));
