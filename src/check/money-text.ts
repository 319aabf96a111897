// How money reads in a message: in the unit the form printed (a 元 form's cells in 元,
// so "2,850,000.00元" rather than the record's "285.000000万元"), its digits grouped by
// thousands as amounts in 元 are printed. Findings' numbers stay in 万元.
import type { FormRecord } from '../model/record.js';
import { shiftPointRight } from '../normalize/cell.js';

/** "826350.00" → "826,350.00": the integer part's digits in threes. */
function groupThousands(n: string): string {
  const [int, frac] = n.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** An amount (万元, as the record holds it) written in the form's unit, the unit after it. */
export function tableMoney(record: FormRecord, value: string): string {
  return record.sourceUnit === '元' ? `${groupThousands(shiftPointRight(value, 4))}元` : `${value}万元`;
}
