// Finding concept mentions in a clause: the lexicon's aliases compiled into one
// longest-first alternation, scanned left to right without overlaps.
import { CONCEPT_LEXICON, type ConceptEntry } from './facts-lexicon.js';
import { foldWord } from './facts-text.js';

export interface Mention {
  concept: string | null;
  start: number;
  end: number;
  /** Set for a short wording that names its concept only after these (lexicon `after`). */
  after?: string[];
  /** Set for a wording that names its concept only after these alone (lexicon `ofSubjects`). */
  ofSubjects?: string[];
  /** Set for a wording that names no concept but is the subject of one (lexicon `subjectAs`). */
  subjectAs?: string;
}

export interface ConceptMatcher {
  find(text: string, from: number, to: number): Mention[];
}

/** Expands "因公出国[（境）]费[用]" into every literal it allows. */
export function expandAlias(alias: string): string[] {
  const open = alias.indexOf('[');
  if (open < 0) return [alias];
  const close = alias.indexOf(']', open);
  if (close < 0) throw new Error(`词表别名缺少“]”：${alias}`);
  const head = alias.slice(0, open);
  const opt = alias.slice(open + 1, close);
  return expandAlias(alias.slice(close + 1)).flatMap((tail) => [head + opt + tail, head + tail]);
}

/** `form`: whose narrative is read; wordings of another form's (lexicon `forms`) are left out. */
export function compileLexicon(lexicon: ConceptEntry[] = CONCEPT_LEXICON, form: 'project' | 'dept-overall' = 'project'): ConceptMatcher {
  const byWord = new Map<string, ConceptEntry>();
  for (const entry of lexicon) {
    if (entry.forms && !entry.forms.includes(form)) continue;
    for (const alias of entry.aliases) {
      for (const literal of expandAlias(alias)) {
        const word = foldWord(literal);
        // First entry wins on a duplicate, so the table order decides.
        if (word && !byWord.has(word)) byWord.set(word, entry);
      }
    }
  }
  // Words by first character, longest first, so each position tries only the
  // few words that can start there and the first hit is the longest.
  const byFirst = new Map<number, string[]>();
  for (const word of byWord.keys()) {
    const list = byFirst.get(word.charCodeAt(0)) ?? [];
    list.push(word);
    byFirst.set(word.charCodeAt(0), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return {
    find(text, from, to) {
      const out: Mention[] = [];
      for (let i = from; i < to; i++) {
        const candidates = byFirst.get(text.charCodeAt(i));
        if (!candidates) continue;
        const word = candidates.find((w) => i + w.length <= to && text.startsWith(w, i));
        if (!word) continue;
        const entry = byWord.get(word)!;
        const previous = out[out.length - 1];
        if (entry.joinsPrevious && previous && previous.end === i) {
          previous.end = i + word.length;
          i += word.length - 1;
          continue;
        }
        const mention: Mention = { concept: entry.concept, start: i, end: i + word.length };
        if (entry.after) mention.after = entry.after;
        if (entry.ofSubjects) mention.ofSubjects = entry.ofSubjects;
        if (entry.subjectAs) mention.subjectAs = entry.subjectAs;
        out.push(mention);
        i += word.length - 1;
      }
      return out;
    },
  };
}
