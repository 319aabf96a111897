// Reading operands out of a record the way rules.md says they count: absent (the
// layout has no such line or column), blank, not a number, or a value.
import { Decimal } from 'decimal.js';
import type { Fact, FormRecord } from '../model/record.js';
import type { Location } from '../model/report.js';
import { isBlankCell } from '../normalize/cell.js';

export type Operand =
  | { state: 'absent' }
  | { state: 'blank' }
  | { state: 'nan'; raw: string }
  | { state: 'value'; value: string };

/** Fund lines of a block present in the record, in the record's key order. */
export function fundLines(record: FormRecord, block: 'sources' | 'uses'): string[] {
  return Object.keys(record.funds[block] ?? {});
}

// Memoized: rules ask for the same few hundred paths on every record, and splitting
// them (regex replace + split) was the check phase's largest self time.
const partsCache = new Map<string, readonly string[]>();
const PARTS_CACHE_LIMIT = 10_000;

function pathParts(path: string): readonly string[] {
  let parts = partsCache.get(path);
  if (parts === undefined) {
    parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    if (partsCache.size >= PARTS_CACHE_LIMIT) partsCache.clear(); // bounded whatever the records hold
    partsCache.set(path, parts);
  }
  return parts;
}

/** The raw value stored at a concrete path (no wildcards); undefined when the key is absent. */
export function rawValueAt(record: FormRecord, path: string): unknown {
  const parts = pathParts(path);
  let node: unknown = record;
  // narrative.facts keys hold a dot themselves: "narrative.facts.spending.basic"
  if (parts[0] === 'narrative' && parts[1] === 'facts') {
    return record.narrative.facts[parts.slice(2).join('.')];
  }
  for (const p of parts) {
    if (node === null || typeof node !== 'object' || !(p in (node as object))) return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

/** A numeric or text operand at a concrete path, with the not-a-number rule applied. */
export function operand(record: FormRecord, path: string): Operand {
  const v = rawValueAt(record, path);
  if (v === undefined) return { state: 'absent' };
  if (v === null) {
    const raw = record.provenance[path]?.raw;
    if (raw !== undefined && !isBlankCell(raw)) return { state: 'nan', raw };
    return { state: 'blank' };
  }
  return { state: 'value', value: String(v) };
}

/** A value or null; `undefined` signals "skip the check" (absent or not a number). */
export function numberOrBlank(record: FormRecord, path: string): string | null | undefined {
  const o = operand(record, path);
  if (o.state === 'value') return o.value;
  if (o.state === 'blank') return null;
  return undefined;
}

/** A stated cell that holds text meaning nothing ("无", "/", "－", "—"). */
export function isPlaceholderText(s: string | null | undefined): boolean {
  return s == null || isBlankCell(s);
}

/** The distinct exact figures the narrative states for a concept (approximations never count). */
export function distinctFactValues(record: FormRecord, concept: string): string[] {
  const out: string[] = [];
  for (const f of record.narrative.facts[concept] ?? []) {
    if (f.approx) continue;
    if (!out.some((v) => new Decimal(v).eq(f.value))) out.push(f.value);
  }
  return out;
}

export function conceptOf(path: string): string | null {
  const m = /^narrative\.facts\.(.+)$/.exec(path);
  return m ? m[1] : null;
}

/** Where each field of a finding was read: table cells from provenance, narrative
 *  mentions (only those of the compared figure when one is given), stated changes. */
export function locate(record: FormRecord, fields: string[], factValues: Record<string, string> = {}): Location[] {
  const out: Location[] = [];
  for (const field of fields) {
    const concept = conceptOf(field);
    if (concept) {
      const want = factValues[field];
      for (const f of record.narrative.facts[concept] ?? ([] as Fact[])) {
        if (want !== undefined && (f.approx || !new Decimal(f.value).eq(want))) continue;
        out.push({ field, paragraph: f.paragraph, quote: f.quote });
      }
      continue;
    }
    const change = /^narrative\.changes\[(\d+)\]\./.exec(field);
    if (change) {
      const c = record.narrative.changes[Number(change[1])];
      if (c) out.push({ field, paragraph: c.paragraph, quote: c.quote });
      continue;
    }
    if (field.includes('[*]')) {
      const re = new RegExp('^' + field.replace(/[.]/g, '\\.').replace('[*]', '\\[\\d+\\]') + '$');
      for (const [path, p] of Object.entries(record.provenance)) {
        if (re.test(path)) out.push({ field: path, ...p });
      }
      continue;
    }
    const p = record.provenance[field];
    if (p) out.push({ field, ...p });
  }
  return out;
}
