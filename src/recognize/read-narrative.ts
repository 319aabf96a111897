// The narrative (评价报告综述): found in the table's last cells under its heading, in
// the body text after the table, or in wide cells after 总分; numbered, and its facts read.
import type { DocTable } from '../model/document.js';
import type { FormRecord } from '../model/record.js';
import { extractNarrativeFacts } from './facts.js';
import { withBases, withPrecision } from './facts-figures.js';
import { statedMeasures } from './facts-scores.js';
import { blockReading, type BlockReading } from './block-reading.js';
import type { IndicatorBlock } from './indicator-block.js';
import { cellParas, holdsProse, narrativeInBody, narrativeInTable, narrativeRows, noteText, numberParagraphs, textCells, withoutNotes, type NarrativePara } from './narrative.js';
import type { Item, Segment } from './segments.js';
import type { Template } from './template-schema.js';

export interface NarrativeReading {
  narrative: FormRecord['narrative'];
  /** Numbered paragraphs: the header reader looks in them for entity, year and conclusions. */
  paragraphs: string[];
  /** Segment item where a narrative inside the table begins (-1: none); labelled fields stop before it. */
  startItem: number;
  /** Read only from rows labelled as narrative prose (主要绩效): the form's stand-in when no
   *  report is printed with it, so a report printed before the form still is its narrative. */
  fromProseRows: boolean;
}

/** Where the form's tables end: `formEnd` is the last segment item of the last table used. */
export interface FormExtent {
  formEnd: number;
  lastTable: DocTable | null;
}

/** Shortest text a lone trailing cell must hold to be taken for the narrative. */
const MIN_NARRATIVE_CELL = 50;

/** Rows after 总分 made of one wide text cell each (no label beside it): the narrative. */
function trailingTextRows(table: DocTable, from: number, t: Template): { row: number; paragraphs: NarrativePara[] } | null {
  let first = -1;
  const paragraphs: NarrativePara[] = [];
  for (let r = from; r < table.rows.length; r++) {
    const cells = textCells(table, r);
    if (cells.length !== 1) {
      if (first >= 0 && cells.length > 1) break;
      continue;
    }
    const cell = cells[0].cell;
    // a note printed in the table's last row (注：1.本表金额单位为万元…) is no narrative
    if (first < 0 && (cell.text.replace(/\s+/g, '').length < MIN_NARRATIVE_CELL || noteText(cell.paragraphs[0] ?? cell.text, t) !== null)) continue;
    if (first < 0) first = r;
    paragraphs.push(...cellParas(cell));
  }
  return first >= 0 ? { row: first, paragraphs } : null;
}

/** The body text after the form: its items past the form's tables, and the candidates after it that are no form. */
export function bodyAfter(seg: Segment, formEnd: number): Item[] {
  return [...seg.items.slice(formEnd + 1), ...seg.tail];
}

export function readNarrative(seg: Segment, indicators: IndicatorBlock | null, extent: FormExtent, t: Template): BlockReading<NarrativeReading> {
  const { formEnd, lastTable } = extent;
  let narrativeParas: NarrativePara[] | null = null;
  let startItem = -1;
  let fromProseRows = false;
  const from = lastTable && indicators?.total?.table === lastTable ? indicators.total.row : 0;
  if (lastTable) {
    const inTable = narrativeInTable(lastTable, from, t);
    if (inTable) {
      narrativeParas = withoutNotes(inTable.paragraphs, t);
      startItem = seg.items.findIndex((it) => it.kind === 'row' && it.table === lastTable && it.r === inTable.row);
    }
  }
  const bodyItems: Item[] = seg.lead ?? bodyAfter(seg, formEnd);
  if (narrativeParas === null) narrativeParas = narrativeInBody(bodyItems, t);
  let numbered = numberParagraphs(narrativeParas, t);
  if (numbered.length === 0 && indicators?.total) {
    // No heading and no body text: the table's last wide cells after 总分 hold it.
    const tr = indicators.total;
    const wide = trailingTextRows(tr.table, tr.row + 1, t);
    // Without the notes among them, the rows hold prose, or they are no narrative (the
    // sign-off row under a note: 单位负责人：… 填表人：…).
    const prose = wide ? withoutNotes(wide.paragraphs, t) : [];
    if (wide && holdsProse(prose)) {
      numbered = numberParagraphs(prose, t);
      startItem = seg.items.findIndex((it) => it.kind === 'row' && it.table === tr.table && it.r === wide.row);
    }
  }
  if (numbered.length === 0 && lastTable) {
    // Nor those: rows labelled as narrative prose (主要绩效) hold it. Labelled fields go on
    // below them (存在问题及改进措施, 自评等级), so they are read on as ever (startItem stays).
    const rows = narrativeRows(lastTable, from, t);
    if (rows) {
      numbered = numberParagraphs(rows.paragraphs, t);
      fromProseRows = true;
    }
  }
  const paragraphs = numbered.map((p) => p.text);
  const pages = numbered.map((p) => p.page);
  const facts = extractNarrativeFacts(paragraphs, { pages, department: t.kind === 'dept-overall' });
  return blockReading<NarrativeReading>({
    narrative: {
      text: paragraphs.length ? paragraphs.join('\n') : null,
      facts: { ...withPrecision(facts.facts), ...statedMeasures(paragraphs, pages, t.kind === 'dept-overall') },
      changes: withBases(facts.changes),
    },
    paragraphs,
    startItem,
    fromProseRows: fromProseRows && paragraphs.length > 0,
  });
}
