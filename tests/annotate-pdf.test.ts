// The PDF annotated copy's writing (annotate/pdf.ts): an incremental update after the
// department's bytes, written without pdf-lib searching the whole file for the holder of
// each value it sets while writing (a stream's /Length, the trailer) — a search over every
// object per value, which finds none: those values are in new objects only.
import { join } from 'node:path';
import { PDFContext, PDFDocument, PDFName, PDFArray } from '@cantoo/pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { annotateCopy } from '../src/annotate/index.js';
import { bundledRulesDir, bundledTemplatesDir, loadRuleSet, loadTemplates } from '../src/index.js';
import { processFile } from '../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..');

describe('PDF annotated copy', { timeout: 120_000 }, () => {
  it('appends the highlights to the unchanged file without searching its objects while writing', async () => {
    const rules = loadRuleSet([bundledRulesDir()]);
    const templates = loadTemplates([bundledTemplatesDir()]);
    const result = await processFile(join(ROOT, 'fixtures', 'pdf', 'dept-slip-typo.pdf'), { rules, templates, keepDocument: true });
    const marked = result.report.findings.filter((f) => f.severity !== 'info');
    expect(marked.length).toBeGreaterThan(0);
    const search = vi.spyOn(PDFContext.prototype as unknown as { findContainingIndirectObject(o: unknown): unknown }, 'findContainingIndirectObject');
    let copy;
    try {
      copy = await annotateCopy(result.readBytes!, result.document!, result.report, result.records, { author: '财政局核查' });
      expect(search).not.toHaveBeenCalled();
    } finally {
      search.mockRestore();
    }
    expect(copy && 'bytes' in copy).toBe(true);
    const bytes = (copy as { bytes: Buffer }).bytes;
    // the department's bytes first, as they were; the update after them
    expect(bytes.subarray(0, result.readBytes!.length).equals(result.readBytes!)).toBe(true);
    expect(bytes.length).toBeGreaterThan(result.readBytes!.length);
    // read back: a highlight (with its popup) per mark, each highlight carrying a finding's message
    const pdf = await PDFDocument.load(bytes);
    const annots = pdf.getPages().flatMap((p) => {
      const a = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      return a ? a.asArray().map((ref) => pdf.context.lookup(ref) as never as { get(n: PDFName): unknown }) : [];
    });
    const highlights = annots.filter((a) => String(a.get(PDFName.of('Subtype'))) === '/Highlight');
    expect(highlights.length).toBeGreaterThanOrEqual(marked.length);
    expect(annots.length).toBe(2 * highlights.length);
  });
});
