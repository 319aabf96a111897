// PDF annotated copy: a highlight annotation over each mark's rectangle (a cell, or the
// lines a quoted sentence spans) with a popup note holding the mark's text, appended as
// an incremental update — the department's bytes stay as they were, the annotations
// follow them. No dates and no document metadata change: the same input gives the same
// copy on any day.
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName, PDFRef, type PDFPage } from '@cantoo/pdf-lib';
import type { DocModel, PageBox } from '../model/document.js';
import { cellAt, type Mark } from './marks.js';
import { useFastStreamEnd } from './pdf-stream-end.js';

export interface AnnotateOptions {
  author: string;
}

/** Highlight colour (a light yellow marker) and its opacity. */
const COLOUR = [1, 0.9, 0.2];
const OPACITY = 0.4;
/** Size of the popup note, placed to the right of what it marks. */
const POPUP_WIDTH = 220;
const POPUP_HEIGHT = 110;

export async function annotatePdf(bytes: Buffer, doc: DocModel, marks: readonly Mark[], opts: AnnotateOptions): Promise<{ bytes: Buffer } | { skipped: string }> {
  let pdf: PDFDocument;
  useFastStreamEnd();
  try {
    // Fastest: no pause for the event loop every 100 objects (a timer each, ≥ 1 ms idle):
    // one file at a time in a worker, nothing waits on this thread.
    pdf = await PDFDocument.load(bytes, { forIncrementalUpdate: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    return { skipped: `PDF 无法写入批注（${(err as Error).message}）` };
  }
  const pages = pdf.getPages();
  let placed = 0;
  // In incremental mode pdf-lib looks, for every value it changes (each array element
  // pushed, each key set), through every object of the file for the one holding it:
  // quadratic, most of a PDF's annotation time. New objects are written anyway (their
  // numbers follow the file's last); the only old objects changed here are the pages
  // given annotations (and an /Annots array of their own), marked for saving below.
  const snapshot = pdf.context.snapshot;
  pdf.context.snapshot = undefined;
  const touched = new Set<PDFPage>();
  for (const mark of marks) {
    for (const [pageNo, boxes] of boxesByPage(doc, mark)) {
      const page = pages[pageNo - 1];
      if (!page) continue;
      const rect = union(boxes);
      const quads = boxes.flatMap((b) => [b.x0, b.y1, b.x1, b.y1, b.x0, b.y0, b.x1, b.y0]);
      const highlight = pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Highlight',
        Rect: [rect.x0, rect.y0, rect.x1, rect.y1],
        QuadPoints: quads,
        C: COLOUR,
        CA: OPACITY,
        F: 4, // printed
        T: PDFHexString.fromText(opts.author),
        Contents: PDFHexString.fromText(mark.text),
        Subj: PDFHexString.fromText('核查意见'),
      });
      highlight.set(PDFName.of('AP'), pdf.context.obj({ N: appearance(pdf, rect, boxes) }));
      const highlightRef = pdf.context.register(highlight);
      const { width } = page.getSize();
      const left = Math.min(rect.x1, Math.max(0, width - POPUP_WIDTH));
      const popup = pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Popup',
        Rect: [left, Math.max(0, rect.y1 - POPUP_HEIGHT), left + POPUP_WIDTH, rect.y1],
        Parent: highlightRef,
        Open: false,
      });
      const popupRef: PDFRef = pdf.context.register(popup);
      highlight.set(PDFName.of('Popup'), popupRef);
      page.node.addAnnot(highlightRef);
      page.node.addAnnot(popupRef);
      touched.add(page);
      placed++;
    }
  }
  for (const page of touched) {
    snapshot?.markRefForSave(page.ref);
    const annots = page.node.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) snapshot?.markRefForSave(annots);
  }
  if (placed === 0) return { skipped: '没有可以放置批注的位置' };
  try {
    // What commit() writes — the file's bytes, then the update — without its context
    // snapshot in force: writing sets each new stream's /Length and builds the trailer,
    // and with the snapshot in force each of those sets searched every object of the file
    // for one holding it (none does: a stream's dictionary is inside no other object).
    // Nor is the snapshot commit() takes for a next update needed.
    if (!snapshot) throw new Error('commit() requires the document to be loaded with forIncrementalUpdate: true');
    const update = await pdf.saveIncremental(snapshot, { useObjectStreams: false, objectsPerTick: Infinity });
    return { bytes: Buffer.concat([bytes, update]) };
  } catch (err) {
    return { skipped: `PDF 无法写入批注（${(err as Error).message}）` };
  }
}

/**
 * The highlight as drawn (translucent yellow, multiplied over the text): viewers that do
 * not draw a highlight from its QuadPoints themselves show this. Form space is page space
 * (BBox = Rect, no matrix).
 */
function appearance(pdf: PDFDocument, rect: PageBox, boxes: readonly PageBox[]): PDFRef {
  const n = (v: number) => Number(v.toFixed(3)).toString();
  const fills = boxes.map((b) => `${n(b.x0)} ${n(b.y0)} ${n(b.x1 - b.x0)} ${n(b.y1 - b.y0)} re`).join('\n');
  const content = `/GS0 gs\n${COLOUR.join(' ')} rg\n${fills}\nf\n`;
  const stream = pdf.context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [rect.x0, rect.y0, rect.x1, rect.y1],
    Resources: { ExtGState: { GS0: { Type: 'ExtGState', CA: OPACITY, ca: OPACITY, BM: 'Multiply' } } },
  });
  return pdf.context.register(stream);
}

/** A mark's rectangles grouped by page: a cell's box on each page it covers, or the quoted lines. */
function boxesByPage(doc: DocModel, mark: Mark): Map<number, PageBox[]> {
  let boxes: PageBox[] = [];
  if (mark.place.kind === 'cell') {
    boxes = cellAt(doc, mark.place)?.boxes ?? [];
  } else {
    const lines = mark.place.unit.lines ?? [];
    boxes = mark.place.lines.map((i) => lines[i].box);
  }
  const out = new Map<number, PageBox[]>();
  for (const box of boxes) {
    if (!out.has(box.page)) out.set(box.page, []);
    out.get(box.page)!.push(box);
  }
  return out;
}

function union(boxes: readonly PageBox[]): PageBox {
  return {
    page: boxes[0].page,
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
