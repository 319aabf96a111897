// The grey prompt Word and WPS show in an empty content control ("单击或点击此处输入文字。",
// "Click or tap here to enter text.") is the word processor's, never what the clerk wrote:
// the DOCX reader drops it by its w:showingPlcHdr flag (docx.ts), but a PDF printed from
// the form shows it as ordinary text, and a DOCX resaved by another editor, a sheet or a
// scan may hold it with no flag. Read in every format as what it is — no value: a cell
// holding only the prompt is blank (a 偏差原因 never written is no reason; rules.md
// checks 13, 17, 20 see the blank, as they do in the DOCX).
import type { DocCell, DocModel } from '../model/document.js';

/** The prompts, as Word (2013 and later, and 2010), WPS and English Word print them. */
const PROMPTS = [
  '单击或点击此处输入文字。',
  '单击此处输入文字。',
  '点击或轻击此处输入文字。',
  '单击或点击此处输入日期。',
  '单击此处输入日期。',
  '点击或轻击以输入日期。',
  '单击或点击以输入日期。',
  'Click or tap here to enter text.',
  'Click here to enter text.',
  'Click or tap to enter a date.',
  'Click here to enter a date.',
];

/** A prompt anywhere in a text; spaces and line breaks may fall inside it (a narrow
 *  cell wraps it, a PDF's text spaces its characters), its closing stop may be missing. */
const PROMPT = new RegExp(
  PROMPTS.map((p) =>
    [...p.replace(/[。.]$/, '')]
      .map((c) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('\\s*'),
  )
    .map((p) => `${p}\\s*[。.]?`)
    .join('|'),
  'giu',
);

/** Quick test: every prompt holds one of these. */
const MAY_HOLD = /此\s*处|以\s*输\s*入|enter/i;

/** The text without the prompts in it; "" when nothing else was there. */
export function withoutPrompts(text: string): string {
  if (!MAY_HOLD.test(text)) return text;
  const out = text.replace(PROMPT, '');
  return out === text ? text : out.trim() === '' ? '' : out;
}

/** Removes the prompts from a cell's paragraphs, one standing over two of them (a narrow
 *  cell wrapped it) too: what is left of a paragraph is kept, one left blank is "". The
 *  paragraphs stay as many (their pages and anchors go with them). */
function cleanCell(cell: DocCell, done: Set<DocCell>): void {
  if (done.has(cell)) return;
  done.add(cell);
  if (!MAY_HOLD.test(cell.text)) return;
  const joined = cell.paragraphs.join('\n');
  const spans = [...joined.matchAll(PROMPT)].map((m) => [m.index, m.index + m[0].length] as const);
  if (spans.length === 0) return;
  let at = 0;
  cell.paragraphs = cell.paragraphs.map((p) => {
    const from = at;
    at += p.length + 1;
    const kept = p.split('').filter((_, i) => !spans.some(([a, b]) => from + i >= a && from + i < b)).join('');
    return kept.trim() === '' ? '' : kept;
  });
  cell.text = cell.paragraphs.join('\n');
}

/** Removes the content-control prompts from every cell and body paragraph of `doc` (in place). */
export function dropPrompts(doc: DocModel): DocModel {
  const done = new Set<DocCell>();
  for (const table of doc.tables) for (const row of table.rows) for (const cell of row) cleanCell(cell, done);
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') block.text = withoutPrompts(block.text);
    else for (const row of block.rows) for (const cell of row) cleanCell(cell, done);
  }
  return doc;
}
