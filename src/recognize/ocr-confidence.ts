// A form read from a scan (issue 18): the record says so (`readBy: 'ocr'`), and each
// narrative figure gets the confidence of the OCR words its digits were read from —
// table cells already carry theirs in provenance (block-reading.ts). A figure whose
// digits cannot be found among the words read is doubtful (confidence 0): nothing is
// taken as sure that was not seen to be.
import type { DocModel } from '../model/document.js';
import type { RecognizedForm } from './build-record.js';

export function withOcrConfidence(form: RecognizedForm, doc: DocModel): RecognizedForm {
  if (doc.readBy !== 'ocr') return form;
  const words = (doc.ocrDigits ?? []).map((w) => ({ digits: digitsOf(w.text), conf: w.conf, page: w.page }));
  // In a PDF scanned only in part, a figure on a page of text was read from its text layer.
  const fromText = (page: number | undefined) => doc.ocrPages !== undefined && (page === undefined || !doc.ocrPages.includes(page));
  const facts = Object.fromEntries(
    Object.entries(form.narrative.facts).map(([concept, list]) => [
      concept,
      // the words of the fact's own page where it is known (the same figure elsewhere is another reading)
      list.map((fact) => {
        if (fromText(fact.page)) return fact;
        const onPage = fact.page !== undefined ? words.filter((w) => w.page === fact.page) : [];
        return { ...fact, confidence: figureConfidence(fact.quote, fact.value, onPage.length > 0 ? onPage : words) };
      }),
    ]),
  );
  return { ...form, readBy: 'ocr', narrative: { ...form.narrative, facts } };
}

/** The least confidence among the words holding the quoted figure's digits. */
function figureConfidence(quote: string, value: string, words: readonly { digits: string; conf: number }[]): number {
  const printed = (quote.match(/\d[\d,，.．]*/g) ?? []).map(digitsOf).filter((d) => d !== '');
  const want = digitsOf(value);
  // the figure as printed in the quote (value is normalized: 1,028.49 → 1028.49)
  const figure = printed.find((d) => d.replace(/,/g, '') === want || Number(d.replace(/,/g, '')) === Number(want)) ?? printed[0];
  if (!figure) return 0;
  const hits = words.filter((w) => w.digits.includes(figure) || (w.digits.length >= 2 && figure.includes(w.digits)));
  if (hits.length === 0) return 0;
  return Math.min(...hits.map((w) => w.conf));
}

function digitsOf(text: string): string {
  return text.replace(/[，]/g, ',').replace(/[．。]/g, '.').replace(/[^\d.,]/g, '').replace(/^[.,]+|[.,]+$/g, '');
}
