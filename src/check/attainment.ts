// Met or missed (rules.md checks 13–15): only numbers in the same unit are judged;
// the direction comes from 指标性质, else a leading ≥ ＞ ≤ ＜ = in the target (see directionOf
// for a target of 0).
import { Decimal } from 'decimal.js';
import type { Indicator } from '../model/record.js';
import { toHalfWidth } from '../normalize/cell.js';
import { memoized } from './memo.js';

export type Direction = 'ge' | 'gt' | 'le' | 'lt';
/** A direction as printed: "=" is kept apart from ≥ until the target is known (directionOf). */
type StatedDirection = Direction | 'eq';

interface Quantity {
  sign: StatedDirection | null;
  value: Decimal;
  unit: string;
}

const SIGNS: Record<string, StatedDirection> = { '≥': 'ge', '>': 'gt', '≤': 'le', '<': 'lt', '=': 'eq', '﹦': 'eq', '＝': 'eq' };

/** The comparison signs clerks type, as ≥ ≤ = > <: ≧ ≦ ⩾ ⩽ (full-width and slanted
 *  forms), ═ (a box-drawing line used as "="), ≒. */
function plainSigns(s: string): string {
  return s.replace(/[≧⩾]/g, '≥').replace(/[≦⩽]/g, '≤').replace(/[═≒]/g, '=');
}

/** "≥95%" → {ge, 95, "%"}; "10000套" → {null, 10000, "套"}; "健全" → null. */
export function readQuantity(text: string | null | undefined): Quantity | null {
  return text ? quantityOf(text) : null;
}

const quantityOf = memoized((text: string): Quantity | null => {
  let s = plainSigns(toHalfWidth(text.replace(/[\s\u3000]+/g, ''))).replace(/，/g, ',');
  // worded directions: 不低于/不少于/达到 95% = ≥; 不高于/不超过 3天 = ≤; "95%以上", "3天以内"
  let worded: Direction | null = null;
  const lead = /^(不低于|不少于|大于等于|达到|≥=?)|^(不高于|不超过|不多于|小于等于|控制在)/.exec(s);
  if (lead) {
    worded = lead[1] ? 'ge' : 'le';
    s = s.slice(lead[0].length);
  }
  const tail = /(以上|及以上)$|(以内|以下|及以下)$/.exec(s);
  if (tail) {
    worded = tail[1] ? 'ge' : 'le';
    s = s.slice(0, -tail[0].length);
  }
  const m = /^([≥>≤<=﹦＝]|>=|<=)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*)$/.exec(s);
  if (!m) return null;
  const sign = m[1] === '>=' ? 'ge' : m[1] === '<=' ? 'le' : m[1] ? SIGNS[m[1]] : worded;
  const unit = m[4];
  // a number followed by more text than a unit ("100%以上完成任务") is prose, not a quantity
  if (unit.length > 4) return null;
  return { sign, value: new Decimal(m[2].replace(/,/g, '') + (m[3] ?? '')), unit };
});

function directionFromNature(nature: string | null | undefined): StatedDirection | 'qualitative' | null {
  if (!nature) return null;
  const s = plainSigns(toHalfWidth(nature.replace(/\s+/g, '')));
  if (/定性/.test(s)) return 'qualitative';
  if (/^(≥|>=|正向)/.test(s)) return 'ge';
  if (/^(=|﹦|＝)/.test(s)) return 'eq';
  if (/^>/.test(s)) return 'gt';
  if (/^(≤|<=|反向)/.test(s)) return 'le';
  if (/^</.test(s)) return 'lt';
  return null;
}

export interface Judgement {
  met: boolean;
  direction: Direction;
  target: Decimal;
  actual: Decimal;
}

/**
 * "=" and no sign mean ≥ (rules.md: the target is to be reached) — except against a target
 * of 0, where ≥ 0 could never be missed and every "0起" 安全事故 or "0次" 投诉 would pass
 * unchecked: there they mean = 0, which for the counts and rates such targets are is ≤ 0.
 * A printed ≥ (正向, 不低于, 以上) keeps its meaning, vacuous or not.
 */
function directionOf(stated: StatedDirection | null, target: Decimal): Direction {
  if (stated !== null && stated !== 'eq') return stated;
  return target.isZero() ? 'le' : 'ge';
}

/** null when the indicator cannot be judged (text, different units, qualitative). */
export function judgeIndicator(ind: Indicator): Judgement | null {
  const t = readQuantity(ind.target);
  const a = readQuantity(ind.actual);
  if (!t || !a) return null;
  const measure = ind.measure ? toHalfWidth(ind.measure.replace(/\s+/g, '')) : '';
  const tUnit = t.unit || measure;
  const aUnit = a.unit || measure;
  if (tUnit !== aUnit) return null;
  const nature = directionFromNature(ind.nature);
  if (nature === 'qualitative') return null;
  const direction = directionOf(nature ?? t.sign, t.value);
  const met =
    direction === 'ge' ? a.value.gte(t.value)
    : direction === 'gt' ? a.value.gt(t.value)
    : direction === 'le' ? a.value.lte(t.value)
    : a.value.lt(t.value);
  return { met, direction, target: t.value, actual: a.value };
}

/**
 * The stray character a quantity begins with ("三" in "三90%"), or null: the text reads as a
 * quantity once its first character is set aside, but not as printed. OCR turns ≥ ≤ into
 * 三 二 (their strokes): which sign was printed cannot be told from the glyph, so such a
 * target or actual is not judged (checks 13–15 skip it) and is reported as unread instead.
 */
export function strayLead(text: string | null | undefined): string | null {
  if (!text || readQuantity(text) !== null) return null;
  const s = text.replace(/^[\s\u3000]+/, '');
  const lead = Array.from(s)[0];
  if (lead === undefined || /\d/.test(lead)) return null;
  return readQuantity(s.slice(lead.length)) !== null ? lead : null;
}
