// One form candidate read with one template: blocks located, cells read with
// normalize/cell.ts, provenance kept for every cell-read field, record assembled.
import type { DocCell, DocTable } from '../model/document.js';
import type { FormRecord, FundColumn, FundLine, Indicator, Provenance } from '../model/record.js';
import { foldText, isBlankCell, labelText, readMoney, readRate, readScore, toHalfWidth } from '../normalize/cell.js';
import { extractNarrativeFacts } from './facts.js';
import { readFields } from './fields.js';
import { readFundBlock, stopLabels, type FundBlock } from './fund-block.js';
import { readGoalRows } from './goals.js';
import { rowCellAt, rowCells } from './grid.js';
import { readIndicatorBlock, type IndicatorBlock } from './indicator-block.js';
import { narrativeInBody, narrativeInTable, numberParagraphs, overviewSubject, sectionText } from './narrative.js';
import type { Item, Segment } from './segments.js';
import type { FormBlock, IndicatorColumn, Template } from './template-schema.js';

export type RecognizedForm = Omit<FormRecord, 'source'>;

/** How well one template reads one candidate, before the record is built. */
export interface TemplateFit {
  template: Template;
  score: number;
  /** A form of this layout (enough anchors found). */
  valid: boolean;
  /** Looks like this kind of form (title, or fund block with its anchor). */
  looksLikeForm: boolean;
  missing: FormBlock[];
  fund: FundBlock | null;
  indicators: IndicatorBlock | null;
  titleMatch: boolean;
}

export function fitTemplate(seg: Segment, t: Template): TemplateFit | null {
  if (seg.title && !seg.title.kinds.includes(t.kind)) return null;
  const titleMatch = !!seg.title && t.title.some((l) => seg.title!.text.includes(l));
  let fund: FundBlock | null = null;
  if (seg.fundHeaderAt !== null) {
    const it = seg.items[seg.fundHeaderAt] as Item & { kind: 'row' };
    fund = readFundBlock(it.table, it.r, t);
  }
  const indicators = readIndicatorBlock(seg.items, seg.fundHeaderAt !== null ? seg.fundHeaderAt + 1 : 0, t);
  // Layout-specific requirements (identify): each one met makes the layout more specific.
  let specific = 0;
  for (const c of t.identify.fundColumns) {
    if (!fund || fund.columns[c] === undefined) return null;
    specific++;
  }
  for (const l of t.identify.fundLines) {
    const [g, k] = l.split('.');
    if (!fund?.lines.some((x) => x.group === g && x.key === k)) return null;
    specific++;
  }
  for (const c of t.identify.indicatorColumns) {
    if (!indicators || indicators.columns[c] === undefined) return null;
    specific++;
  }
  for (const label of t.identify.labels) {
    const printed = seg.items.some((it) => it.kind === 'row' && rowCells(it.table, it.r).some((rc) => rc.label === label));
    if (!printed) return null;
    specific++;
  }
  // A fund block is a form's when its anchor (整体资金/项目资金) is printed and a title
  // or an indicator block goes with it; without the anchor it needs both (a 决算
  // table of 预算数/执行数 under a table-of-contents line is no form).
  const valid = !!fund && (fund.anchor ? titleMatch || !!indicators : titleMatch && !!indicators);
  const looksLikeForm = (titleMatch && (!!fund?.anchor || !!indicators)) || !!fund?.anchor;
  const missing: FormBlock[] = [];
  if (t.requiredBlocks.includes('fund') && !fund) missing.push('fund');
  if (t.requiredBlocks.includes('indicators') && !indicators) missing.push('indicators');
  if (t.requiredBlocks.includes('total') && indicators && !indicators.total) missing.push('total');
  if (t.requiredBlocks.includes('total') && !indicators) missing.push('total');
  if (t.requiredBlocks.includes('goals') && !seg.items.some((it) => it.kind === 'row' && rowCells(it.table, it.r).some((rc) => t.goals.anchors.includes(rc.label)))) {
    missing.push('goals');
  }
  const score =
    (titleMatch ? 10 : 0) +
    (fund ? 5 + (fund.anchor ? 5 : 0) + Object.keys(fund.columns).length + fund.lines.length : 0) +
    (indicators ? 5 + Object.keys(indicators.columns).length + (indicators.total ? 2 : 0) : 0) +
    3 * specific;
  return { template: t, score, valid, looksLikeForm, missing, fund, indicators, titleMatch };
}

type SourceUnit = '万元' | '元';

/** "单位：元" / "金额单位：万元" / "（万元）" in a text. */
function unitIn(text: string): SourceUnit | null {
  const s = toHalfWidth(text).replace(/[\s\u3000\u00A0]+/g, '');
  const m = /单位:(万元|元)/.exec(s) ?? /\((万元|元)\)/.exec(s);
  return m ? (m[1] as SourceUnit) : null;
}

function yearIn(text: string | null | undefined): number | null {
  if (!text) return null;
  const s = toHalfWidth(text);
  const m = /((?:19|20)\d{2})\s*年度/.exec(s) ?? /((?:19|20)\d{2})\s*年/.exec(s);
  return m ? Number.parseInt(m[1], 10) : null;
}

/** Bare level-1/level-2 name and a printed weight: "产出指标(50分)" → 产出指标, 50. */
function splitLevelLabel(raw: string | null | undefined): { name: string | null; weight: string | null } {
  let s = labelText(raw);
  if (!s) return { name: null, weight: null };
  s = s.replace(/^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十0-9]+[、.．])/, '');
  const m = /^(.*?)[（(]?([0-9０-９]+(?:[.．][0-9０-９]+)?)分[）)]?$/.exec(s);
  if (m && m[1]) return { name: m[1], weight: toHalfWidth(m[2]).replace(/^0+(?=\d)/, '') };
  return { name: s, weight: null };
}

const MONEY_KEYS = new Set<FundColumn>(['initial', 'budget', 'actual']);

/** Shortest text a lone trailing cell must hold to be taken for the narrative. */
const MIN_NARRATIVE_CELL = 50;

/** Rows after 总分 made of one wide text cell each (no label beside it): the narrative. */
function trailingTextRows(table: DocTable, from: number): { row: number; paragraphs: string[] } | null {
  let first = -1;
  const paragraphs: string[] = [];
  for (let r = from; r < table.rows.length; r++) {
    const cells = rowCells(table, r).filter((rc) => rc.cell.text.trim() !== '' && rc.cell.origin.row === r);
    if (cells.length !== 1) {
      if (first >= 0 && cells.length > 1) break;
      continue;
    }
    const cell = cells[0].cell;
    if (first < 0 && cell.text.replace(/\s+/g, '').length < MIN_NARRATIVE_CELL) continue;
    if (first < 0) first = r;
    paragraphs.push(...(cell.paragraphs.length ? cell.paragraphs : [cell.text]));
  }
  return first >= 0 ? { row: first, paragraphs } : null;
}

export function buildRecord(seg: Segment, fit: TemplateFit): RecognizedForm {
  const t = fit.template;
  const prov: Record<string, Provenance> = {};
  const cellAt = (table: DocTable, row: number, col: number): DocCell | undefined => table.rows[row]?.[col];
  const note = (path: string, table: DocTable, row: number, col: number, raw: string) => {
    prov[path] = { table: table.index, row, col, page: cellAt(table, row, col)?.page ?? null, raw };
  };

  // ---- where the form's tables end: the rest of the body is its narrative
  let formEnd = -1;
  let lastTable: DocTable | null = null;
  const lastUsed = Math.max(fit.indicators?.endItem ?? -1, seg.fundHeaderAt ?? -1);
  if (lastUsed >= 0) {
    lastTable = (seg.items[lastUsed] as Item & { kind: 'row' }).table;
    seg.items.forEach((it, i) => {
      if (it.kind === 'row' && it.table === lastTable) formEnd = i;
    });
  }
  const firstRowItem = seg.items.findIndex((it) => it.kind === 'row');
  const preamble = seg.items.slice(0, firstRowItem < 0 ? 0 : firstRowItem).filter((it): it is Item & { kind: 'para' } => it.kind === 'para');

  // ---- unit: a header cell of the fund block, the rows above it, the lines above the table, the title
  let sourceUnit: SourceUnit = '万元';
  {
    const texts: string[] = [];
    const fund = fit.fund;
    if (fund) {
      for (const rc of rowCells(fund.table, fund.headerRow)) texts.push(rc.cell.text);
      if (fund.anchor) texts.push(fund.anchor.cell.text);
      for (let r = fund.headerRow - 1; r >= 0; r--) for (const rc of rowCells(fund.table, r)) if (rc.label.length <= 60) texts.push(rc.cell.text);
    }
    for (let i = 0; i < (seg.fundHeaderAt ?? 0); i++) {
      const it = seg.items[i];
      if (it.kind === 'para') texts.push(it.text);
    }
    if (seg.title) texts.push(seg.title.text);
    for (const s of texts) {
      const u = unitIn(s);
      if (u) {
        sourceUnit = u;
        break;
      }
    }
  }

  // ---- fund lines
  const funds: { sources: Record<string, FundLine>; uses?: Record<string, FundLine> } = { sources: {} };
  const lineLabels: Record<string, string> = {};
  if (fit.fund) {
    const f = fit.fund;
    for (const line of f.lines) {
      lineLabels[`funds.${line.group}.${line.key}`] = line.label;
      const obj: FundLine = {};
      for (const [key, col] of Object.entries(f.columns) as [FundColumn, number][]) {
        const cell = cellAt(f.table, line.row, col);
        // A cell merged down from a line above counts once, at its first line.
        const raw = !cell || cell.origin.row < line.row ? '' : cell.text;
        if (key === 'reason') obj.reason = foldText(raw);
        else if (MONEY_KEYS.has(key)) obj[key as 'initial' | 'budget' | 'actual'] = readMoney(raw, sourceUnit).value;
        else if (key === 'rate') obj.rate = readRate(raw).value;
        else obj[key as 'weight' | 'score'] = readScore(raw).value;
        note(`funds.${line.group}.${line.key}.${key}`, f.table, line.row, col, raw);
      }
      const group = (funds[line.group] ??= {});
      group[line.key] = obj;
    }
  }

  // ---- goals
  const goals: FormRecord['goals'] = [];
  for (const g of readGoalRows(seg.items.slice(0, Math.max(formEnd + 1, 0)), t, stopLabels(t))) {
    const targetCell = g.targetCol !== null ? cellAt(g.table, g.row, g.targetCol) : undefined;
    const resultCell = g.resultCol !== null ? cellAt(g.table, g.row, g.resultCol) : undefined;
    const target = foldText(targetCell?.text);
    const result = foldText(resultCell?.text);
    if (target === null && result === null) continue;
    const i = goals.length;
    goals.push({ target, result });
    if (targetCell) note(`goals[${i}].target`, g.table, g.row, g.targetCol!, targetCell.text);
    if (resultCell) note(`goals[${i}].result`, g.table, g.row, g.resultCol!, resultCell.text);
  }

  // ---- indicators
  const indicators: Indicator[] = [];
  const indicatorGroups: FormRecord['indicatorGroups'] = [];
  const total: FormRecord['total'] = { weight: null, score: null };
  if (fit.indicators) {
    let last1: string | null = null;
    let last2: string | null = null;
    for (const at of fit.indicators.rows) {
      const cols = at.columns;
      const raw = (k: IndicatorColumn): string | undefined => (cols[k] === undefined ? undefined : (cellAt(at.table, at.row, cols[k]!)?.text ?? ''));
      const l1 = splitLevelLabel(raw('level1'));
      const l2 = splitLevelLabel(raw('level2'));
      const level1: string | null = l1.name ?? last1;
      const level2: string | null = l2.name ?? (level1 === last1 ? last2 : null);
      // A level-1 label printing its weight ("产出指标(50分)") makes a group, once per run of rows.
      if (l1.weight && l1.name && l1.name !== last1) indicatorGroups.push({ level1: l1.name, weight: l1.weight });
      last1 = level1;
      last2 = level2;
      const nameRaw = raw('name') ?? '';
      const nameKey = toHalfWidth(labelText(nameRaw));
      const placeholder = nameKey === '' || t.indicators.placeholders.some((re) => re.test(nameKey));
      const own: IndicatorColumn[] = ['nature', 'measure', 'target', 'actual', 'weight', 'score', 'deviation'];
      if (placeholder && own.every((k) => isBlankCell(raw(k) ?? ''))) continue; // a template row
      const i = indicators.length;
      const ind: Indicator = {
        level1,
        level2,
        name: foldText(nameRaw),
        target: foldText(raw('target')),
        actual: foldText(raw('actual')),
      };
      if (cols.nature !== undefined) ind.nature = foldText(raw('nature'));
      if (cols.measure !== undefined) ind.measure = foldText(raw('measure'));
      if (cols.weight !== undefined) ind.weight = readScore(raw('weight')).value;
      if (cols.score !== undefined) ind.score = readScore(raw('score')).value;
      if (cols.deviation !== undefined) ind.deviation = foldText(raw('deviation'));
      indicators.push(ind);
      for (const k of Object.keys(cols) as IndicatorColumn[]) note(`indicators[${i}].${k}`, at.table, at.row, cols[k]!, raw(k) ?? '');
    }
    const tr = fit.indicators.total;
    if (tr) {
      const cells = rowCells(tr.table, tr.row);
      const labelIdx = cells.findIndex((rc) => rc.label !== '');
      const label = cells[labelIdx];
      const w = tr.columns.weight !== undefined ? rowCellAt(tr.table, tr.row, tr.columns.weight) : undefined;
      const s = tr.columns.score !== undefined ? rowCellAt(tr.table, tr.row, tr.columns.score) : undefined;
      // Read by the indicator header's columns when the total row is aligned with
      // them; otherwise the cells after the label, in order: 分值, 得分.
      const aligned = !!w && !!s && w.cell !== label.cell && s.cell !== label.cell && w.cell !== s.cell && w.col === tr.columns.weight && s.col === tr.columns.score;
      const after = cells.slice(labelIdx + 1);
      const wCell = aligned ? w : after[0];
      const sCell = aligned ? s : after[1];
      if (wCell) {
        total.weight = readScore(wCell.cell.text).value;
        note('total.weight', tr.table, tr.row, wCell.col, wCell.cell.text);
      }
      if (sCell) {
        total.score = readScore(sCell.cell.text).value;
        note('total.score', tr.table, tr.row, sCell.col, sCell.cell.text);
      }
    }
  }

  // ---- narrative: the table's last cells under its heading, or the body text after the table
  let narrativeParas: string[] | null = null;
  let narrativeItem = -1;
  if (lastTable) {
    const from = fit.indicators?.total?.table === lastTable ? fit.indicators.total.row : 0;
    const inTable = narrativeInTable(lastTable, from, t);
    if (inTable) {
      narrativeParas = inTable.paragraphs;
      narrativeItem = seg.items.findIndex((it) => it.kind === 'row' && it.table === lastTable && it.r === inTable.row);
    }
  }
  const bodyItems = [...seg.items.slice(formEnd + 1), ...seg.tail];
  if (narrativeParas === null) narrativeParas = narrativeInBody(bodyItems, t);
  if (numberParagraphs(narrativeParas).length === 0 && fit.indicators?.total) {
    // No heading and no body text: the table's last wide cells after 总分 hold it.
    const tr = fit.indicators.total;
    const wide = trailingTextRows(tr.table, tr.row + 1);
    if (wide) {
      narrativeParas = wide.paragraphs;
      narrativeItem = seg.items.findIndex((it) => it.kind === 'row' && it.table === tr.table && it.r === wide.row);
    }
  }
  const paragraphs = numberParagraphs(narrativeParas);
  const narrativeFacts = extractNarrativeFacts(paragraphs);

  // ---- labelled fields (not from the narrative)
  const skip = new Set<number>();
  seg.items.forEach((it, i) => {
    if (i > formEnd && formEnd >= 0 && it.kind === 'para') skip.add(i);
    if (narrativeItem >= 0 && i >= narrativeItem) skip.add(i);
  });
  const fields = readFields(seg.items, t, skip);
  const fromField = (k: keyof typeof fields, path: string): string | null | undefined => {
    const hit = fields[k];
    if (!hit) return undefined;
    if (hit.at) note(path, hit.at.table, hit.at.row, hit.at.col, hit.at.raw);
    return hit.value;
  };

  let entity: string | null | undefined;
  if (t.kind === 'project') entity = fromField('project', 'entity') ?? undefined;
  if (entity == null) entity = fromField('entity', 'entity') ?? undefined;
  if (entity == null) entity = overviewSubject(paragraphs, t);

  const department = fromField('department', 'header.department') ?? null;
  const implementer = fromField('implementer', 'header.implementer') ?? null;
  const grade = fromField('grade', 'grade') ?? null;
  const otherHeadings = [...t.conclusions.verdict, ...t.conclusions.problems, ...t.conclusions.measures];
  const conclusion = (k: 'verdict' | 'problems' | 'measures'): string | null => {
    const cell = fromField(k, `conclusions.${k}`);
    if (cell !== undefined) return cell;
    const s = sectionText(paragraphs, t.conclusions[k], otherHeadings);
    return s === undefined ? null : s;
  };

  let year = yearIn(seg.title?.text);
  if (year === null) for (const p of preamble) if ((year = yearIn(p.text)) !== null) break;
  if (year === null && fit.fund) {
    for (let r = 0; r < fit.fund.headerRow && year === null; r++) for (const rc of rowCells(fit.fund.table, r)) if (rc.label.length <= 60 && (year = yearIn(rc.cell.text)) !== null) break;
  }
  if (year === null) for (const p of paragraphs) if ((year = yearIn(p)) !== null) break;

  const record: RecognizedForm = {
    schema: 'jxaudit/record@1',
    form: t.kind,
    layout: t.id,
    year,
    entity: entity ?? null,
    header: { department, implementer },
    unit: '万元',
    sourceUnit,
    blocks: {
      fund: fit.fund && fit.fund.lines.length ? 'read' : 'absent',
      indicators: fit.indicators ? 'read' : 'absent',
      total: fit.indicators?.total ? 'read' : 'absent',
      goals: goals.length ? 'read' : 'absent',
    },
    unreadBlocks: [],
    cellIssues: {},
    grade,
    funds,
    lineLabels,
    goals,
    indicatorGroups,
    indicators,
    total,
    conclusions: { verdict: conclusion('verdict'), problems: conclusion('problems'), measures: conclusion('measures') },
    narrative: { text: paragraphs.length ? paragraphs.join('\n') : null, facts: narrativeFacts.facts, changes: narrativeFacts.changes },
    provenance: prov,
  };
  return record;
}

