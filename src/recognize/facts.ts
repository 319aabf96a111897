// Narrative facts: the figures the 评价报告综述 states, bound to concepts
// (record.md `narrative.facts`, `narrative.changes`). (Owned by the narrative work.)
import type { Change, Fact } from '../model/record.js';

export interface NarrativeFacts {
  facts: Record<string, Fact[]>;
  changes: Change[];
}

/** `paragraphs[i]` is narrative paragraph number i (record.md numbering). */
export function extractNarrativeFacts(_paragraphs: string[]): NarrativeFacts {
  return { facts: {}, changes: [] };
}
