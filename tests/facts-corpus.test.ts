// No false binding: each hand-written sentence of tests/corpus/narrative-sentences.json
// yields exactly its listed facts (concept, value, approx, in order) and changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractNarrativeFacts } from '../src/recognize/facts.js';

interface ExpectedChange { concept: string; amount: string | null; direction: string; percent: string | null; quote?: string; whole?: string }
interface Case { text: string; facts: Array<[string, string, boolean]>; changes: ExpectedChange[] }

const corpus: { sentences: Case[] } = JSON.parse(
  readFileSync(new URL('./corpus/narrative-sentences.json', import.meta.url), 'utf8'),
);

describe('narrative sentence corpus', () => {
  it('holds at least 40 sentences, some yielding nothing', () => {
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(40);
    expect(corpus.sentences.filter((c) => c.facts.length === 0 && c.changes.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  for (const c of corpus.sentences) {
    it(c.text, () => {
      const r = extractNarrativeFacts([c.text]);
      // Group the expected facts by concept, in first-mention order.
      const expected: Record<string, Array<{ value: string; approx: boolean }>> = {};
      for (const [concept, value, approx] of c.facts) (expected[concept] ??= []).push({ value, approx });
      const got: Record<string, Array<{ value: string; approx: boolean }>> = {};
      for (const [concept, list] of Object.entries(r.facts)) got[concept] = list.map(({ value, approx }) => ({ value, approx }));
      expect(got).toStrictEqual(expected);
      expect(Object.keys(got)).toStrictEqual(Object.keys(expected));
      for (const list of Object.values(r.facts)) for (const f of list) expect(f.paragraph).toBe(0);

      const changes = r.changes.map((ch, i) => {
        const { concept, amount, direction, percent, quote, whole } = ch;
        const read = c.changes[i]?.quote === undefined ? { concept, amount, direction, percent } : { concept, amount, direction, percent, quote };
        return whole === undefined ? read : { ...read, whole };
      });
      expect(changes).toStrictEqual(c.changes);
    });
  }
});
