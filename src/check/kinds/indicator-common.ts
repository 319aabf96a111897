// Helpers for the per-indicator kinds: paths and labels of one indicator.
import type { FormRecord } from '../../model/record.js';

export function indPath(i: number, field: string): string {
  return `indicators[${i}].${field}`;
}

/** The indicator's fields that exist in the record, in the order given. */
export function existingFields(record: FormRecord, i: number, fields: string[]): string[] {
  const ind = record.indicators[i] as Record<string, unknown>;
  return fields.filter((f) => f in ind).map((f) => indPath(i, f));
}

/** "第3项指标（指标1：住房困难群众应保尽保…）" for messages. */
export function indicatorLabel(record: FormRecord, i: number): string {
  const name = record.indicators[i].name;
  const short = name ? (name.length > 20 ? name.slice(0, 20) + '…' : name) : '';
  return `第${i + 1}项指标${short ? `（${short}）` : ''}`;
}
