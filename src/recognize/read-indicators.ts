// The indicator rows (绩效指标): one indicator per real row, level-1/level-2 names
// carried down from merged cells, weights printed in level labels kept as groups.
import type { DocTable } from '../model/document.js';
import type { FormRecord, Indicator, MergedGroup } from '../model/record.js';
import { cellLines, foldText, isBlankCell, labelText, numberLines, readScore, toHalfWidth, type CellReading } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import type { IndicatorBlock, IndicatorRowAt } from './indicator-block.js';
import type { IndicatorColumn, Template } from './template-schema.js';

export interface IndicatorsReading {
  indicators: Indicator[];
  indicatorGroups: FormRecord['indicatorGroups'];
}

/** Bare level-1/level-2 name and a printed weight: "产出指标(50分)" → 产出指标, 50. */
export function splitLevelLabel(raw: string | null | undefined): { name: string | null; weight: string | null } {
  let s = labelText(raw);
  if (!s) return { name: null, weight: null };
  s = s.replace(/^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十0-9]+[、.．])/, '');
  const m = /^(.*?)[（(]?([0-9０-９]+(?:[.．][0-9０-９]+)?)分[）)]?$/.exec(s);
  if (m && m[1]) return { name: m[1], weight: toHalfWidth(m[2]).replace(/^0+(?=\d)/, '') };
  return { name: s, weight: null };
}

/** A key indicator's mark before its name. */
const KEY_MARK = /^[\s\u3000]*[★☆]\s*/;
/** A child row's name: "其中桃树种植面积", "其中：羊养殖数量". */
const CHILD_ROW = /^其中/;

/** Columns whose cell merged over several rows belongs to each of them. */
const CARRIED_DOWN = new Set<IndicatorColumn>(['level1', 'level2', 'deviation']);

/** A row's own cells: when all are blank beside a placeholder name, it is a template row. */
const OWN_COLUMNS: IndicatorColumn[] = ['nature', 'measure', 'target', 'actual', 'weight', 'score', 'deviation'];

export function readIndicators(block: IndicatorBlock | null, t: Template): BlockReading<IndicatorsReading> {
  const indicators: Indicator[] = [];
  const indicatorGroups: FormRecord['indicatorGroups'] = [];
  const out = blockReading<IndicatorsReading>({ indicators, indicatorGroups });
  if (!block) return out;
  let last1: string | null = null;
  let last2: string | null = null;
  let lastGoal: string | null = null;
  const named: NamedRow[] = [];
  const spans = new Map<string, MergedSpan>();
  for (const at of block.rows) {
    const cols = at.columns;
    // A row's own cell merged down from the row above (a ★ indicator's 分值 over its
    // 其中 rows) counts once, at its first row; level labels are carried down anyway, and
    // so is a 偏差原因 merged over several rows: one explanation written for all of them.
    const raw = (k: IndicatorColumn): string | undefined => {
      if (cols[k] === undefined) return undefined;
      const cell = at.table.rows[at.row]?.[cols[k]!];
      if (!cell) return '';
      return cell.origin.row < at.row && !CARRIED_DOWN.has(k) ? '' : cell.text;
    };
    if (at.goal && at.goal.label !== lastGoal) indicatorGroups.push({ label: at.goal.label, weight: at.goal.weight });
    lastGoal = at.goal?.label ?? null;
    const own = nameInLevel2(at, raw);
    const l1 = splitLevelLabel(raw('level1'));
    const l2 = splitLevelLabel(own ? own.level2 : raw('level2'));
    const level1: string | null = l1.name ?? last1;
    const level2: string | null = l2.name ?? (level1 === last1 ? last2 : null);
    // A level-1 label printing its weight ("产出指标(50分)") makes a group, once per run of rows.
    if (l1.weight && l1.name && l1.name !== last1) indicatorGroups.push({ level1: l1.name, weight: l1.weight });
    last1 = level1;
    last2 = level2;
    const nameCol = own ? cols.level2! : cols.name;
    // Several indicators typed one under the other in one row (Enter in every cell) are
    // read one per line; any other row is one indicator (a cell of figures on several
    // lines then is no number: normalize/cell.ts).
    const lines = own ? null : packedRows(at, raw);
    for (const text of lines ?? [raw]) {
      const nameRaw = own ? own.name : text('name') ?? '';
      const nameKey = toHalfWidth(labelText(nameRaw));
      const placeholder = nameKey === '' || t.indicators.placeholders.some((re) => re.test(nameKey));
      if (placeholder && OWN_COLUMNS.every((k) => isBlankCell(text(k) ?? ''))) continue; // a template row
      const parent = indicators[indicators.length - 1];
      if (parent && CHILD_ROW.test(nameKey) && isBlankCell(text('weight') ?? '') && isBlankCell(text('score') ?? '')) {
        // "其中桃树种植面积": a part of the indicator above, not an indicator of its own.
        (parent.parts ??= []).push({ name: foldText(nameRaw), target: foldText(text('target')), actual: foldText(text('actual')) });
        continue;
      }
      const i = indicators.length;
      const marked = KEY_MARK.test(nameRaw);
      const ind: Indicator = {
        level1,
        level2,
        name: foldText(marked ? nameRaw.replace(KEY_MARK, '') : nameRaw),
        target: foldText(text('target')),
        actual: foldText(text('actual')),
      };
      // Numeric readings kept by column so their issues go with their provenance below.
      const numeric: Partial<Record<IndicatorColumn, CellReading>> = {};
      if (cols.nature !== undefined) ind.nature = foldText(text('nature'));
      if (cols.measure !== undefined) ind.measure = foldText(text('measure'));
      if (cols.weight !== undefined) ind.weight = (numeric.weight = readScore(text('weight'), t.indicators.columns.weight)).value;
      if (cols.score !== undefined) ind.score = (numeric.score = readScore(text('score'), t.indicators.columns.score)).value;
      if (cols.deviation !== undefined) ind.deviation = foldText(text('deviation'));
      if (marked) ind.key = true;
      indicators.push(ind);
      for (const k of GROUPABLE) noteSpan(spans, at, k, i);
      if (cols.weight === undefined && nameCol !== undefined) named.push({ i, table: at.table, row: at.row, col: nameCol, raw: nameRaw });
      for (const k of Object.keys(cols) as IndicatorColumn[]) {
        if (k === 'name') noteCell(out, `indicators[${i}].name`, at.table, at.row, nameCol!, nameRaw);
        else noteCell(out, `indicators[${i}].${k}`, at.table, at.row, cols[k]!, text(k) ?? '', numeric[k]);
      }
    }
  }
  weightsInNames(out, named);
  mergedGroups(out, spans);
  return out;
}

/** The cells that carry one indicator's own text and values. */
const PACKED_COLUMNS: IndicatorColumn[] = ['name', 'nature', 'measure', 'target', 'actual', 'weight', 'score'];

type RowText = (k: IndicatorColumn) => string | undefined;

/** A row holding several indicators typed one under the other, Enter in each cell
 *  ("贴息人数\n带动就业人数" | "≥200人\n≥400人" | … | "20\n10" | "20\n10"): the name and
 *  every filled value cell hold the same number (≥ 2) of lines, the 分值 and 得分 cells
 *  one figure a line, and each of those cells is the row's own (merged over no other row,
 *  as a PDF cell without rules between its rows is). Then one text reader per line; else
 *  null. The level labels go with every line: they must be one line each unless merged
 *  over other rows too, so the lines are never several groups'. A 偏差原因 of as many
 *  lines is split too; any other goes with each, as a merged one does. */
function packedRows(at: IndicatorRowAt, raw: RowText): RowText[] | null {
  const cols = at.columns;
  const cellAt = (k: IndicatorColumn) => (cols[k] === undefined ? undefined : at.table.rows[at.row]?.[cols[k]!]);
  const alone = (k: IndicatorColumn) => {
    const cell = cellAt(k);
    return !!cell && cell.origin.row === at.row && cell.rowSpan === 1;
  };
  const figures = GROUPABLE.map((k) => numberLines(raw(k))).find((lines) => lines !== null);
  const n = figures?.length ?? 0;
  if (n < 2 || cols.name === undefined) return null;
  const split = new Map<IndicatorColumn, string[]>();
  for (const k of PACKED_COLUMNS) {
    if (cols[k] === undefined) continue;
    const text = raw(k) ?? '';
    if (k !== 'name' && isBlankCell(text)) continue;
    const lines = cellLines(text);
    if (lines.length !== n || !alone(k)) return null;
    if ((k === 'weight' || k === 'score') && lines.some((line) => readScore(line).value === null)) return null;
    split.set(k, lines);
  }
  for (const k of ['level1', 'level2'] as const) {
    if (alone(k) && cellLines(cellAt(k)!.text).length > 1) return null;
  }
  const deviation = cellLines(raw('deviation') ?? '');
  if (deviation.length === n && alone('deviation')) split.set('deviation', deviation);
  return Array.from({ length: n }, (_, j) => (k: IndicatorColumn) => split.get(k)?.[j] ?? raw(k));
}

/** Columns whose cell merged over several indicators' rows is the group's, written once. */
const GROUPABLE = ['weight', 'score'] as const;
type Groupable = (typeof GROUPABLE)[number];

/** A 分值/得分 cell merged over rows, and the indicators read from those rows. */
interface MergedSpan {
  column: Groupable;
  table: DocTable;
  row: number;
  col: number;
  indicators: number[];
}

/** Notes indicator `i` under the row's cell in column `k` when that cell is merged over rows. */
function noteSpan(spans: Map<string, MergedSpan>, at: IndicatorRowAt, k: Groupable, i: number): void {
  const c = at.columns[k];
  const cell = c === undefined ? undefined : at.table.rows[at.row]?.[c];
  if (!cell || (cell.rowSpan <= 1 && cell.origin.row === at.row)) return;
  const id = `${at.table.index}:${cell.origin.row}:${cell.origin.col}`;
  const span = spans.get(id);
  if (span) span.indicators.push(i);
  else spans.set(id, { column: k, table: at.table, row: cell.origin.row, col: cell.origin.col, indicators: [i] });
}

/** A 分值 or 得分 merged over several indicators (per 二级 or 一级 group) is the group's:
 *  an indicatorGroups entry holds it, and its indicators have no key for that column —
 *  not a blank each (the merged cell read at its first row, '' below). A cell merged over
 *  one indicator's rows (a ★ indicator over its 其中 rows) stays that indicator's. */
function mergedGroups(out: BlockReading<IndicatorsReading>, spans: Map<string, MergedSpan>): void {
  const { indicators, indicatorGroups } = out.value;
  const byMembers = new Map<string, MergedGroup>();
  const shared = [...spans.values()].filter((s) => s.indicators.length > 1);
  shared.sort((a, b) => a.indicators[0] - b.indicators[0] || GROUPABLE.indexOf(a.column) - GROUPABLE.indexOf(b.column));
  for (const span of shared) {
    const members = span.indicators.join(',');
    let group = byMembers.get(members);
    if (!group) {
      byMembers.set(members, (group = { indicators: span.indicators }));
      indicatorGroups.push(group);
    }
    const raw = span.table.rows[span.row]?.[span.col]?.text ?? '';
    const reading = readScore(raw);
    group[span.column] = reading.value;
    noteCell(out, `indicatorGroups[${indicatorGroups.indexOf(group)}].${span.column}`, span.table, span.row, span.col, raw, reading);
    for (const i of span.indicators) {
      const path = `indicators[${i}].${span.column}`;
      delete indicators[i][span.column];
      delete out.provenance[path];
      delete out.cellIssues[path];
    }
  }
}

/** "社会效益指标：困难残疾人基本生活保障水平": a level-2 label, then the indicator's name. */
const LEVEL2_THEN_NAME = /^([^:：]{0,20}?指标[^:：]{0,8}?)[:：]([\s\S]*\S[\s\S]*)$/;

/** The indicator's name printed in its 二级指标 cell — a level-2 group of one indicator:
 *  that cell runs on over the 三级指标 column, or it is the row's own and the 三级指标
 *  cell is blank beside a target or an actual (a blank 三级 with neither is a template
 *  row). "XX指标：name" gives both; any other text is the level-2 label and the name. */
function nameInLevel2(at: IndicatorRowAt, raw: (k: IndicatorColumn) => string | undefined): { level2: string; name: string } | null {
  const { level2, name } = at.columns;
  if (level2 === undefined || name === undefined) return null;
  const cell = at.table.rows[at.row]?.[level2];
  const nameCell = at.table.rows[at.row]?.[name];
  if (!cell || !nameCell || isBlankCell(cell.text)) return null;
  const across = nameCell.origin.row === cell.origin.row && nameCell.origin.col === cell.origin.col;
  const alone = cell.origin.row === at.row && cell.rowSpan === 1;
  const filled = !isBlankCell(raw('target') ?? '') || !isBlankCell(raw('actual') ?? '');
  if (!across && !(alone && isBlankCell(nameCell.text) && filled)) return null;
  const m = LEVEL2_THEN_NAME.exec(cell.text.trim());
  return m ? { level2: m[1], name: m[2].trim() } : { level2: cell.text, name: cell.text };
}

/** A weight printed at the end of an indicator's name: "服务及时率（10分）". */
const NAME_WEIGHT = /[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[）)][\s\u3000]*$/;

interface NamedRow {
  i: number;
  table: DocTable;
  row: number;
  col: number;
  raw: string;
}

/** A layout with no 分值 column that prints each indicator's weight in its name: the
 *  weights are read from there, and the names kept bare. Only when every indicator
 *  without a weight column prints one — a single "（90分）" is as likely part of a name. */
function weightsInNames(out: BlockReading<IndicatorsReading>, named: NamedRow[]): void {
  const { indicators } = out.value;
  if (named.length === 0 || named.length !== indicators.length || !named.every((n) => NAME_WEIGHT.test(n.raw))) return;
  for (const n of named) {
    const m = NAME_WEIGHT.exec(n.raw)!;
    const reading = readScore(m[1]);
    const { level1, level2, name: _name, target, actual, ...rest } = indicators[n.i];
    indicators[n.i] = { level1, level2, name: foldText(n.raw.slice(0, m.index).replace(KEY_MARK, '')), target, actual, weight: reading.value, ...rest };
    noteCell(out, `indicators[${n.i}].weight`, n.table, n.row, n.col, n.raw, reading);
  }
}
