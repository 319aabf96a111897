// rules.md check 31: a finding resting on a value OCR was not sure of is not an error
// about the form — it may be a misread digit. It stays under its rule, becomes a
// warning marked `uncertain`, and says where to look in the original.
import { parsePath } from '../model/record-path.js';
import type { FormRecord } from '../model/record.js';
import type { Location } from '../model/report.js';
import { strayLead } from './attainment.js';

/**
 * Below this OCR confidence a value is doubtful. Chosen by measurement over the scanned
 * fixtures (issue 18's note): every misread money, rate, weight or score cell there was
 * below it, while few correctly read ones were.
 */
export const OCR_CONFIDENCE_THRESHOLD = 0.8;

export interface Doubt {
  /** Appended to the finding's message. */
  note: string;
}

/** The doubtful operands of a finding (by its locations), or null when all were read surely. */
export function ocrDoubt(record: FormRecord, locations: readonly Location[]): Doubt | null {
  if (record.readBy !== 'ocr') return null;
  const places: string[] = [];
  for (const loc of locations) {
    const confidence = loc.confidence ?? factConfidence(record, loc);
    if (confidence === undefined) continue;
    // a target or actual that reads as a quantity only without its first character ("三90%":
    // a ≥ or ≤ misread) was not read, however sure OCR was of the glyph it saw
    const quantity = /^indicators\[(\d+)\]\.(target|actual)$/.exec(loc.field);
    const lead = quantity ? strayLead(loc.raw) : null;
    if (confidence >= OCR_CONFIDENCE_THRESHOLD && lead === null) continue;
    // a lead the reader took for ≥ (ocr-confidence.ts readSignLookalikes): the value reads, its sign is a guess
    const guessed = lead !== null && quantity !== null && record.indicators[Number(quantity[1])]?.[quantity[2] as 'target' | 'actual']?.startsWith('≥') === true;
    places.push(placeOf(loc, confidence) + (guessed ? `，开头的“${lead}”按“≥”读取，也可能是“≤”` : lead !== null ? `，开头的“${lead}”应是≥、≤等符号，未能识别` : ''));
  }
  // met-or-missed judgements (checks 13–15) rest on the indicator's 指标性质 (≥/≤) too,
  // though it is not a field of theirs: a doubtful sign is a doubtful judgement
  const judged = new Set(locations.map((l) => /^indicators\[(\d+)\]\.(target|actual)$/.exec(l.field)?.[1]).filter((i): i is string => i !== undefined));
  for (const i of judged) {
    const origin = record.provenance[`indicators[${i}].nature`];
    if (origin?.confidence !== undefined && origin.confidence < OCR_CONFIDENCE_THRESHOLD) places.push(placeOf({ field: `indicators[${i}].nature`, ...origin }, origin.confidence));
  }
  if (places.length === 0) return null;
  const shown = places.slice(0, 3).join('；') + (places.length > 3 ? `；另有 ${places.length - 3} 处` : '');
  return { note: `（此项涉及扫描件中识别把握不大的数字：${shown}。请对照原件该处核对，确认后再作结论）` };
}

function factConfidence(record: FormRecord, loc: Location): number | undefined {
  const p = parsePath(loc.field);
  if (p?.kind !== 'fact' || loc.quote === undefined) return undefined;
  const fact = (record.narrative.facts[p.concept] ?? []).find((f) => f.quote === loc.quote && f.paragraph === loc.paragraph);
  return fact?.confidence;
}

function placeOf(loc: Location, confidence: number): string {
  const at: string[] = [];
  if (loc.page !== undefined && loc.page !== null) at.push(`第${loc.page}页`);
  if (loc.table !== undefined && loc.row !== undefined && loc.col !== undefined) at.push(`表${loc.table + 1}第${loc.row + 1}行第${loc.col + 1}列`);
  if (loc.paragraph !== undefined) at.push(`说明第${loc.paragraph + 1}段`);
  const text = loc.raw ?? loc.quote;
  const shown = text !== undefined ? `“${text.length > 30 ? text.slice(0, 30) + '…' : text}”` : '';
  const seal = loc.seal ? '，有红色印章遮挡' : '';
  const blank = text === '' ? '（有字迹但未能识别）' : '';
  return `${at.join('')}${shown}${blank}（可信度 ${confidence.toFixed(2)}${seal}）`;
}
