// The indicator rows (绩效指标): one indicator per real row, level-1/level-2 names
// carried down from merged cells, weights printed in level labels kept as groups.
import type { DocTable } from '../model/document.js';
import type { FormRecord, Indicator } from '../model/record.js';
import { foldText, isBlankCell, labelText, readScore, toHalfWidth, type CellReading } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import type { IndicatorBlock } from './indicator-block.js';
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
    if (placeholder && OWN_COLUMNS.every((k) => isBlankCell(raw(k) ?? ''))) continue; // a template row
    const parent = indicators[indicators.length - 1];
    if (parent && CHILD_ROW.test(nameKey) && isBlankCell(raw('weight') ?? '') && isBlankCell(raw('score') ?? '')) {
      // "其中桃树种植面积": a part of the indicator above, not an indicator of its own.
      (parent.parts ??= []).push({ name: foldText(nameRaw), target: foldText(raw('target')), actual: foldText(raw('actual')) });
      continue;
    }
    const i = indicators.length;
    const marked = KEY_MARK.test(nameRaw);
    const ind: Indicator = {
      level1,
      level2,
      name: foldText(marked ? nameRaw.replace(KEY_MARK, '') : nameRaw),
      target: foldText(raw('target')),
      actual: foldText(raw('actual')),
    };
    // Numeric readings kept by column so their issues go with their provenance below.
    const numeric: Partial<Record<IndicatorColumn, CellReading>> = {};
    if (cols.nature !== undefined) ind.nature = foldText(raw('nature'));
    if (cols.measure !== undefined) ind.measure = foldText(raw('measure'));
    if (cols.weight !== undefined) ind.weight = (numeric.weight = readScore(raw('weight'), t.indicators.columns.weight)).value;
    if (cols.score !== undefined) ind.score = (numeric.score = readScore(raw('score'), t.indicators.columns.score)).value;
    if (cols.deviation !== undefined) ind.deviation = foldText(raw('deviation'));
    if (marked) ind.key = true;
    indicators.push(ind);
    if (cols.weight === undefined && cols.name !== undefined) named.push({ i, table: at.table, row: at.row, col: cols.name, raw: nameRaw });
    for (const k of Object.keys(cols) as IndicatorColumn[]) noteCell(out, `indicators[${i}].${k}`, at.table, at.row, cols[k]!, raw(k) ?? '', numeric[k]);
  }
  weightsInNames(out, named);
  return out;
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
