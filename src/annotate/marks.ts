// Which marks an annotated copy gets: every error and warning finding marks each place
// it cites — a table cell, or the narrative sentence it quotes — and the first mark
// carries the finding's message with 填报值 / 应为 / 差额; info findings are not marked.
// Places are resolved in the document model the file was read into, so each format's
// writer only has to put a mark where the model says the text is.
import type { DocCell, DocLine, DocModel, DocTable, XmlAnchor } from '../model/document.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport, Finding, Location } from '../model/report.js';
import { toHalfWidth } from '../normalize/cell.js';

/** A run of text a quote can be found in: a paragraph (DOCX), a paragraph or a cell's
 *  lines (PDF), a cell (XLSX). */
export interface TextUnit {
  text: string;
  /** DOCX: the paragraph in word/document.xml. */
  anchor?: XmlAnchor;
  /** PDF: its lines (the quote is marked on the lines it spans). */
  lines?: DocLine[];
  /** The cell it is in (table index, the cell's origin in the grid). */
  cell?: CellPlace;
}

export interface CellPlace {
  table: number;
  /** The merged cell's origin in the table's grid. */
  row: number;
  col: number;
}

export type Place =
  | ({ kind: 'cell' } & CellPlace)
  | { kind: 'text'; unit: TextUnit; /** PDF: indices into unit.lines the quote spans. */ lines: number[] };

export interface Mark {
  place: Place;
  text: string;
  /** Index of the finding in the report. */
  finding: number;
  /** The finding's first mark (the one carrying its message). */
  first: boolean;
}

export interface MarkPlan {
  marks: Mark[];
  /** Error/warning findings with no place found in the document (none expected). */
  unplaced: number[];
}

/** The marks for a file's report over the document model it was read from. */
export function planMarks(report: FileReport, records: readonly FormRecord[], doc: DocModel): MarkPlan {
  const units = textUnits(doc);
  const marks: Mark[] = [];
  const unplaced: number[] = [];
  report.findings.forEach((finding, index) => {
    if (finding.severity === 'info') return;
    const record = records[finding.formIndex ?? 0];
    const paragraphs = record?.narrative.text?.split('\n') ?? [];
    const seen = new Set<string>();
    const places: Place[] = [];
    for (const location of finding.locations) {
      const place = placeOf(location, doc, units, paragraphs);
      if (!place) continue;
      const key = placeKey(place, units);
      if (seen.has(key)) continue;
      seen.add(key);
      places.push(place);
    }
    if (places.length === 0) {
      // A finding about the whole form (units, an unreadable block) cites no cell: it goes
      // on the form's title — the first text of the file, or of the form's first table.
      const whole = formPlace(units, record, finding.formIndex !== undefined && finding.formIndex > 0);
      if (!whole) {
        unplaced.push(index);
        return;
      }
      places.push(whole);
    }
    places.forEach((place, i) => marks.push({ place, text: i === 0 ? firstText(finding) : laterText(finding), finding: index, first: i === 0 }));
  });
  return { marks, unplaced };
}

/** The first mark's text: the message, then the numbers it is about (those known). */
export function firstText(finding: Finding): string {
  const numbers = [
    finding.actual !== null ? `填报值：${finding.actual}` : null,
    finding.expected !== null ? `应为：${finding.expected}` : null,
    finding.difference !== null ? `差额：${finding.difference}` : null,
  ].filter((s): s is string => s !== null);
  return numbers.length > 0 ? `${finding.message}\n${numbers.join('；')}` : finding.message;
}

/** Further marks of one finding point to the first instead of repeating it. */
function laterText(finding: Finding): string {
  const chars = Array.from(finding.message);
  const short = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : finding.message;
  return `同一问题（${short}）涉及此处，说明见该问题的第一处批注`;
}

function placeKey(place: Place, units: readonly TextUnit[]): string {
  return place.kind === 'cell' ? `cell:${place.table}:${place.row}:${place.col}` : `text:${units.indexOf(place.unit)}:${place.lines.join(',')}`;
}

function placeOf(location: Location, doc: DocModel, units: readonly TextUnit[], paragraphs: readonly string[]): Place | null {
  if (location.table !== undefined && location.row !== undefined && location.col !== undefined) {
    const cell = cellOf(doc.tables[location.table], location.row, location.col, location.sheet !== undefined);
    return cell ? { kind: 'cell', ...cell } : null;
  }
  if (location.table !== undefined && location.row !== undefined) {
    // A row (an unreadable block's header row): its cell printing the quoted text, else its first with text.
    const table = doc.tables[location.table];
    const row = table?.rows[location.sheet !== undefined && table.sheetRows ? table.sheetRows.indexOf(location.row) : location.row];
    const cell = row?.find((c) => location.raw !== undefined && c.text === location.raw) ?? row?.find((c) => c.text.trim() !== '');
    return table && cell ? { kind: 'cell', table: table.index, row: cell.origin.row, col: cell.origin.col } : null;
  }
  if (location.quote !== undefined) {
    const paragraph = location.paragraph !== undefined ? paragraphs[location.paragraph] : undefined;
    return findQuote(units, location.quote, paragraph);
  }
  return null;
}

/** The origin of the cell at a location (grid coordinates; a workbook's are the sheet's own). */
function cellOf(table: DocTable | undefined, row: number, col: number, inSheet: boolean): CellPlace | null {
  if (!table) return null;
  const r = inSheet && table.sheetRows ? table.sheetRows.indexOf(row) : row;
  const c = inSheet && table.sheetCols ? table.sheetCols.indexOf(col) : col;
  const cell = table.rows[r]?.[c];
  if (!cell) return null;
  return { table: table.index, row: cell.origin.row, col: cell.origin.col };
}

/** The first text of the file (its title), or for a later form of the file the first text of its first table. */
function formPlace(units: readonly TextUnit[], record: FormRecord | undefined, laterForm: boolean): Place | null {
  const tables = laterForm && record ? Object.values(record.provenance ?? {}).map((p) => p.table) : [];
  const first = tables.length > 0 ? Math.min(...tables) : null;
  // Text with no place to mark (a DOCX page header, a workbook's title line) is passed over.
  const unit = units.find((u) => u.text.trim() !== '' && (u.anchor || u.lines || u.cell) && (first === null || u.cell?.table === first));
  if (!unit) return null;
  if (unit.cell && !unit.anchor && !unit.lines) return { kind: 'cell', ...unit.cell };
  return { kind: 'text', unit, lines: unit.lines ? [0] : [] };
}

/** Every piece of text a narrative quote may stand in, in document order. */
export function textUnits(doc: DocModel): TextUnit[] {
  const units: TextUnit[] = [];
  const cellUnits = (table: DocTable) => {
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.origin.row !== r || cell.origin.col !== c) return;
        const place = { table: table.index, row: r, col: c };
        if (cell.lines) units.push({ text: cell.lines.map((l) => l.text).join('\n'), lines: cell.lines, cell: place });
        else if (cell.anchors) {
          cell.paragraphs.forEach((text, i) => {
            const anchor = cell.anchors![i];
            units.push(anchor ? { text, anchor, cell: place } : { text, cell: place });
          });
        }
        else units.push({ text: cell.text, cell: place });
      }),
    );
  };
  const done = new Set<DocTable>();
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const unit: TextUnit = { text: block.text };
      if (block.anchor) unit.anchor = block.anchor;
      if (block.lines) unit.lines = block.lines;
      units.push(unit);
    } else {
      cellUnits(block);
      done.add(block);
    }
  }
  for (const table of doc.tables) if (!done.has(table)) cellUnits(table);
  return units;
}

/** Text as compared for finding a quote: full-width forms folded, whitespace gone. */
function norm(s: string): string {
  return toHalfWidth(s).replace(/[\s\u3000\u00A0\u200B\uFEFF]+/g, '');
}

/**
 * Where a quote stands: the unit holding it — inside the narrative paragraph it was
 * read from when that paragraph is found too (a clause may be repeated elsewhere) —
 * and, for PDF lines, the lines it spans.
 */
export function findQuote(units: readonly TextUnit[], quote: string, paragraph?: string): Place | null {
  const q = norm(quote);
  if (q === '') return null;
  const p = paragraph ? norm(paragraph) : '';
  let fallback: Place | null = null;
  for (const unit of units) {
    const { text, lineOf } = normalizedUnit(unit);
    let at = text.indexOf(q);
    if (at < 0) continue;
    if (p !== '') {
      const within = text.indexOf(p);
      if (within >= 0) {
        const inside = text.indexOf(q, within);
        if (inside >= 0 && inside + q.length <= within + p.length) return placeAt(unit, lineOf, inside, q.length);
      }
    }
    fallback ??= placeAt(unit, lineOf, at, q.length);
  }
  return fallback;
}

function placeAt(unit: TextUnit, lineOf: number[], at: number, length: number): Place {
  const lines = unit.lines ? [...new Set(lineOf.slice(at, at + length))] : [];
  return { kind: 'text', unit, lines };
}

/** Each unit's normalized text, made once: every quote of a file looks through all units. */
const normalizedUnits = new WeakMap<TextUnit, { text: string; lineOf: number[] }>();

function normalizedUnit(unit: TextUnit): { text: string; lineOf: number[] } {
  let known = normalizedUnits.get(unit);
  if (!known) normalizedUnits.set(unit, (known = normalizeUnit(unit)));
  return known;
}

/** The unit's normalized text and, for lines, the line each normalized character is on. */
function normalizeUnit(unit: TextUnit): { text: string; lineOf: number[] } {
  if (!unit.lines) return { text: norm(unit.text), lineOf: [] };
  let text = '';
  const lineOf: number[] = [];
  unit.lines.forEach((line, i) => {
    const n = norm(line.text);
    text += n;
    for (let k = 0; k < n.length; k++) lineOf.push(i);
  });
  return { text, lineOf };
}

/** The DocCell of a place (its origin). */
export function cellAt(doc: DocModel, place: CellPlace): DocCell | undefined {
  return doc.tables[place.table]?.rows[place.row]?.[place.col];
}
