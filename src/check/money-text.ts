// How money reads in a message: in the unit the form printed (a 元 form's cells in 元,
// so "2850000.00元" rather than the record's "285.000000万元"). Findings' numbers stay in 万元.
import type { FormRecord } from '../model/record.js';
import { shiftPointRight } from '../normalize/cell.js';

export function tableMoney(record: FormRecord, value: string): string {
  return record.sourceUnit === '元' ? `${shiftPointRight(value, 4)}元` : `${value}万元`;
}
