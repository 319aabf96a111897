// A form read from a scan (issue 18): the record says so (`readBy: 'ocr'`), and each
// narrative figure gets the confidence of the OCR words its digits were read from —
// table cells already carry theirs in provenance (block-reading.ts). A figure whose
// digits cannot be found among the words read is doubtful (confidence 0): nothing is
// taken as sure that was not seen to be.
//
// Three kinds of OCR misreading are known by their shape and handled here, on the record:
// a ≥ read as a Chinese glyph before a target's figure (readSignLookalikes), a figure
// whose decimal point was lost, and a rate whose "%" was read with a 9 before it
// (doubtImplausibleFigures). None is corrected beyond what the form shows; each leaves the
// value doubtful, so a finding resting on it is uncertain.
import { Decimal } from 'decimal.js';
import { strayLead } from '../check/attainment.js';
import { divIv, exact, meets, moneyInterval, mulIv, rateInterval } from '../check/decimal.js';
import type { DocModel } from '../model/document.js';
import { parsePath, pathKeys } from '../model/record-path.js';
import type { Provenance } from '../model/record.js';
import type { RecognizedForm } from './build-record.js';

/**
 * The Chinese glyphs Tesseract reads a printed ≥ or ≤ as (their two or three strokes; probe
 * T, 8 scans: 二 三 主 兰 宇 之 before a target's figure, 王 in a 指标性质 cell). The glyph
 * does not tell which of the two was printed — a ≦ read as 三 too — so it is read as ≥, the
 * sign nearly every target carries and the one an unsigned target means (rules.md), and
 * the reading is doubtful. A Latin "<" or ">" keeps its direction: its shape says it.
 */
const SIGN_LOOKALIKES = new Set(['二', '三', '主', '兰', '宇', '之', '王']);
/** The confidence of a sign read from a lookalike glyph: below the threshold of check 31. */
export const SIGN_GUESS_CONFIDENCE = 0.5;
/** The confidence of a figure whose shape says a decimal point was lost: below that threshold. */
export const IMPLAUSIBLE_CONFIDENCE = 0.3;

export function withOcrConfidence(form: RecognizedForm, doc: DocModel): RecognizedForm {
  if (doc.readBy !== 'ocr') return form;
  form = doubtImplausibleFigures(readSignLookalikes(form));
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

/**
 * An OCR'd target that begins with one of SIGN_LOOKALIKES directly before its figure
 * ("三90%", "二 95%") reads as ≥ that figure, at SIGN_GUESS_CONFIDENCE: the target is then
 * judged (checks 13–15), and a finding resting on it is marked uncertain. The cell's raw
 * text in provenance stays what OCR read.
 */
export function readSignLookalikes(form: RecognizedForm): RecognizedForm {
  let indicators = form.indicators;
  let provenance = form.provenance;
  form.indicators.forEach((ind, i) => {
    const path = `indicators[${i}].target`;
    const origin = provenance[path];
    const lead = strayLead(ind.target);
    if (origin?.confidence === undefined || lead === null || !SIGN_LOOKALIKES.has(lead)) return;
    const rest = ind.target!.replace(/^[\s\u3000]+/, '').slice(lead.length).replace(/^[\s\u3000]+/, '');
    if (!/^\d/.test(rest)) return;
    if (indicators === form.indicators) { indicators = [...indicators]; provenance = { ...provenance }; }
    indicators[i] = { ...ind, target: `≥${rest}` };
    provenance[path] = { ...origin, confidence: Math.min(origin.confidence, SIGN_GUESS_CONFIDENCE) };
  });
  return indicators === form.indicators ? form : { ...form, indicators, provenance };
}

/** A figure as printed (thousands separators and spaces aside), or null when the cell is no figure. */
function printedFigure(raw: string): { digits: number; decimals: number } | null {
  const m = /^(\d+)(?:[.．](\d+))?%?$/.exec(raw.replace(/[\s\u3000,，]/g, ''));
  return m ? { digits: m[1].length + (m[2]?.length ?? 0), decimals: m[2]?.length ?? 0 } : null;
}

/**
 * OCR'd figures whose shape says a decimal point was lost (a 150 dpi scan: "86.40" read as
 * 8640 at confidence 0.90, "100.00%" as 10000%) are made doubtful (IMPLAUSIBLE_CONFIDENCE) —
 * never corrected, as nothing shows where the point was:
 *   - a whole number of 3 or more digits (room for two decimals) in a column of the same
 *     block whose other figures, two at least, all print two decimals;
 *   - an execution rate (资金执行率) of 1000% or more;
 *   - an execution rate whose "%" was read with a 9 before it (percentReadAsNine), and an
 *     indicator's target or actual of 200% or more read so.
 */
export function doubtImplausibleFigures(form: RecognizedForm): RecognizedForm {
  const columns = new Map<string, { path: string; origin: Provenance; figure: { digits: number; decimals: number } }[]>();
  const doubtful = new Set<string>();
  for (const [path, origin] of Object.entries(form.provenance)) {
    if (origin.confidence === undefined) continue;
    const p = parsePath(path);
    const money = p?.kind === 'fund' && (p.column === 'initial' || p.column === 'budget' || p.column === 'actual');
    const points = (p?.kind === 'fund' || p?.kind === 'indicator' || p?.kind === 'group' || (p?.kind === 'field' && p.name.startsWith('total.'))) && /(^|\.)(weight|score)$/.test(path);
    if (p?.kind === 'fund' && p.column === 'rate') {
      const value = valueAt(form, pathKeys(p));
      if (typeof value === 'string' && (new Decimal(value).abs().gte(1000) || percentReadAsNine(form, pathKeys(p), value, origin.raw))) doubtful.add(path);
      continue;
    }
    if (p?.kind === 'indicator' && (p.field === 'target' || p.field === 'actual')) {
      const read = figureBeforeNine(origin.raw);
      if (read !== null && new Decimal(read).gte(NINE_BEFORE_PERCENT_LIMIT)) doubtful.add(path);
      continue;
    }
    if (!money && !points) continue;
    const figure = printedFigure(origin.raw);
    if (!figure) continue;
    const key = `${p!.kind}:${origin.table}:${origin.col}`;
    columns.set(key, [...(columns.get(key) ?? []), { path, origin, figure }]);
  }
  for (const cells of columns.values()) {
    for (const cell of cells) {
      if (cell.figure.decimals !== 0 || cell.figure.digits < 3) continue;
      const others = cells.filter((c) => c !== cell);
      // another whole number of the kind may have lost its point too; a short one ("10") says the column prints them
      const twoDecimals = others.filter((c) => c.figure.decimals === 2).length;
      if (twoDecimals >= 2 && others.every((c) => c.figure.decimals === 2 || (c.figure.decimals === 0 && c.figure.digits >= 3))) doubtful.add(cell.path);
    }
  }
  if (doubtful.size === 0) return form;
  const provenance = { ...form.provenance };
  for (const path of doubtful) provenance[path] = { ...provenance[path], confidence: Math.min(provenance[path].confidence!, IMPLAUSIBLE_CONFIDENCE) };
  return { ...form, provenance };
}

/** A rate this high is no execution rate a form prints: read with a 9 before its "%", it is that misreading. */
const NINE_BEFORE_PERCENT_LIMIT = 200;

/**
 * A fund line's rate whose "%" Tesseract read with a 9 glued before it (its glyph's upper
 * ring: "98%" read as 989%, "98.00%" as 98.009%): the printed rate ends in 9 just before
 * the "%", and either it is 200% or more, or the line's amounts give a rate the reading
 * misses and the reading without that 9 meets (the interval check 4 uses). Doubtful, not
 * corrected: a rate may well end in 9. (An indicator's percentage read so — probe T S5's
 * target "≥98%" read as 二989% — is doubtful at 200% or more: there are no amounts to ask.)
 */
function percentReadAsNine(form: RecognizedForm, keys: readonly (string | number)[], value: string, raw: string): boolean {
  if (figureBeforeNine(raw) === null) return false;
  if (new Decimal(value).abs().gte(NINE_BEFORE_PERCENT_LIMIT)) return true;
  const line = valueAt(form, keys.slice(0, -1)) as { budget?: unknown; actual?: unknown } | undefined;
  const budget = line?.budget, actual = line?.actual;
  if (typeof budget !== 'string' || typeof actual !== 'string' || !/^-?\d+(\.\d+)?$/.test(budget) || !/^-?\d+(\.\d+)?$/.test(actual) || new Decimal(budget).lte(0)) return false;
  const allWhole = !budget.includes('.') && !actual.includes('.');
  const q = divIv(moneyInterval(actual, allWhole), moneyInterval(budget, allWhole));
  if (!q) return false;
  const amounts = mulIv(q, exact('100'));
  const without = value.replace(/9$/, '').replace(/\.$/, '');
  return !meets(rateInterval(value), amounts) && without !== '' && meets(rateInterval(without), amounts);
}

/** The figure of a cell read as ending in a 9 just before its "%" ("989%", "≥989%", "98.009%"), the 9 kept; else null. */
function figureBeforeNine(raw: string): string | null {
  const m = /(\d+(?:[.．]\d+)?)[%％]$/.exec(raw.replace(/[\s\u3000]/g, ''));
  return m && /\d9$/.test(m[1]) ? m[1].replace('．', '.') : null;
}

function valueAt(form: RecognizedForm, keys: readonly (string | number)[]): unknown {
  let at: unknown = form;
  for (const key of keys) at = (at as Record<string | number, unknown> | null | undefined)?.[key];
  return at;
}
