// How money reads in a message, so staff find each figure as it is printed:
// - a table cell in the unit the form printed (a 元 form's cells in 元, so "2,850,000.00元"
//   rather than the record's "285.000000万元"), its digits grouped by thousands as amounts
//   in 元 are printed;
// - a narrative figure as the narrative printed it, its own digits and unit
//   ("800,000.00元", "126.36万元"), read back from its quote;
// - an amount the check computed (a sum, a difference) in the form's unit, with no more
//   decimals than it needs: trailing zeros beyond the table's printed decimals dropped
//   ("-5.000000" → "-5.00万元" where the table prints 2).
// Findings' numbers stay in 万元.
import type { FormRecord } from '../model/record.js';
import { shiftPointRight } from '../normalize/cell.js';
import { matchView, moneyFigures } from '../recognize/facts-text.js';
import { conceptOf } from './context.js';
import { dec, decimalsOf } from './decimal.js';

/** "826350.00" → "826,350.00": the integer part's digits in threes. */
function groupThousands(n: string): string {
  const [int, frac] = n.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** The value's digits in the form's unit (万元 as held; 元 shifted four places). */
function inFormUnit(record: FormRecord, value: string): string {
  return record.sourceUnit === '元' ? shiftPointRight(value, 4) : value;
}

/** An amount (万元, as the record holds it) written in the form's unit, the unit after it. */
export function tableMoney(record: FormRecord, value: string): string {
  return record.sourceUnit === '元' ? `${groupThousands(inFormUnit(record, value))}元` : `${value}万元`;
}

/** The decimals a table cell prints in the form's unit ("85.00" → 2). */
export function tableDecimals(record: FormRecord, value: string): number {
  return decimalsOf(inFormUnit(record, value));
}

/** "-5.000000" → "-5.00" (places 2): zeros past `places` decimals dropped, nothing rounded. */
function trimZeros(n: string, places: number): string {
  if (!n.includes('.')) return n;
  const [int, frac] = n.split('.');
  let keep = frac.length;
  while (keep > places && frac[keep - 1] === '0') keep--;
  return keep === 0 ? int : `${int}.${frac.slice(0, keep)}`;
}

/** An amount the check computed (万元), in the form's unit with no zeros past `places` decimals
 *  (the decimals the table prints; 2 when no table cell is in the message). */
export function amountMoney(record: FormRecord, value: string, places = 2): string {
  const n = trimZeros(inFormUnit(record, value), places);
  return record.sourceUnit === '元' ? `${groupThousands(n)}元` : `${n}万元`;
}

/** A money figure worth `value` (万元) as the quote prints it ("本项目年初预算800,000.00元",
 *  80 → "800,000.00元"), or null when the quote prints none with that value or none with a unit. */
export function printedMoney(quote: string, value: string): string | null {
  const view = matchView(quote);
  const figure = moneyFigures(view.text).find((f) => !f.approx && dec(f.value).eq(value));
  if (!figure) return null;
  const from = view.origin[figure.numberStart];
  const to = view.origin[figure.end - 1] + 1;
  const printed = quote.slice(from, to).replace(/\s+/g, '');
  return /元$/.test(printed) ? printed : null;
}

/** An operand's figure in a message: a narrative concept's as the narrative printed it (its
 *  first statement with that value), a table cell's in the form's unit. */
export function operandMoney(record: FormRecord, path: string, value: string): string {
  const concept = conceptOf(path);
  if (!concept) return tableMoney(record, value);
  for (const fact of record.narrative.facts[concept] ?? []) {
    if (!dec(fact.value).eq(value)) continue;
    const printed = printedMoney(fact.quote, value);
    if (printed !== null) return printed;
  }
  return amountMoney(record, value);
}
