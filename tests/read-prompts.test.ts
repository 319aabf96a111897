// Word's and WPS's content-control prompts are no text of the form, in any format
// (src/read/placeholder-text.ts); the fixtures tricky/placeholder-reason.{docx,pdf}
// show the whole path, these the phrases.
import { describe, expect, it } from 'vitest';
import type { DocCell, DocModel } from '../src/model/document.js';
import { dropPrompts, withoutPrompts } from '../src/read/placeholder-text.js';

describe('content-control prompts', () => {
  it('a text that is only a prompt is blank, in every wording Word and WPS print', () => {
    for (const prompt of ['单击或点击此处输入文字。', '单击此处输入文字。', '点击或轻击此处输入文字。', '单击或点击此处输入日期。', 'Click or tap here to enter text.', 'Click here to enter text.']) {
      expect(withoutPrompts(prompt), prompt).toBe('');
    }
  });

  it('a prompt wrapped or spaced out by a PDF, or missing its stop, is still one', () => {
    expect(withoutPrompts('单击或点击此处输\n入文字。')).toBe('');
    expect(withoutPrompts('单 击 或 点 击 此 处 输 入 文 字')).toBe('');
    expect(withoutPrompts('Click or tap here\nto enter text.')).toBe('');
  });

  it('only the prompt goes: what the clerk wrote beside it stays', () => {
    expect(withoutPrompts('原因：单击或点击此处输入文字。')).toBe('原因：');
    expect(withoutPrompts('受天气影响，进度滞后。')).toBe('受天气影响，进度滞后。');
    expect(withoutPrompts('请在此处输入原因')).toBe('请在此处输入原因');
  });

  it('a cell holding only the prompt reads blank, its paragraphs too', () => {
    const cell: DocCell = { text: '单击或点击此处输\n入文字。', paragraphs: ['单击或点击此处输', '入文字。'], origin: { row: 0, col: 0 }, rowSpan: 1, colSpan: 1, page: 1 };
    const other: DocCell = { text: '88%', paragraphs: ['88%'], origin: { row: 0, col: 1 }, rowSpan: 1, colSpan: 1, page: 1 };
    const table = { kind: 'table' as const, index: 0, rows: [[other, cell]] };
    const doc: DocModel = { format: 'pdf', pages: 1, blocks: [table, { kind: 'paragraph', text: 'Click here to enter text.', page: 1 }], tables: [table], images: 0 };
    dropPrompts(doc);
    expect(other.text).toBe('88%');
    expect(doc.blocks[1]).toMatchObject({ text: '' });
    // a prompt split over two paragraphs of a cell: the cell's text is its paragraphs joined
    expect(cell.text.replace(/\s/g, '')).toBe('');
  });
});
