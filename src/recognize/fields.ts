// Labelled single values of a form: 项目名称, 主管部门, 实施单位, 单位名称 / 填报单位,
// 自评等级 and the conclusion cells (评价结论 / 存在问题 / 改进措施) — from a label
// cell and the cell right of it (or the filled one past empty cells: valueCell), or
// from a "标签：值" cell or line.
import type { DocTable } from '../model/document.js';
import { foldText, toHalfWidth } from '../normalize/cell.js';
import { rowCells, type RowCell } from './grid.js';
import { matchesExactly, normLabel } from './labels.js';
import type { Item } from './segments.js';
import type { Template } from './template-schema.js';

export const FIELD_KEYS = ['project', 'department', 'implementer', 'entity', 'grade', 'verdict', 'problems', 'measures'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export interface FieldHit {
  value: string | null;
  /** Where a table cell gave it (absent for a body line). */
  at?: { table: DocTable; row: number; col: number; raw: string };
}

export function fieldLabels(t: Template): Record<FieldKey, string[]> {
  return {
    project: t.header.project,
    department: t.header.department,
    implementer: t.header.implementer,
    entity: t.header.entity,
    grade: t.grade,
    verdict: t.conclusions.verdict,
    problems: t.conclusions.problems,
    measures: t.conclusions.measures,
  };
}

function keyOf(label: string, labels: Record<FieldKey, string[]>): FieldKey | null {
  for (const k of FIELD_KEYS) if (matchesExactly(label, labels[k])) return k;
  return null;
}

/** Fields one label may name together, each of its parts one of them: the conclusion
 *  parts (存在问题及改进措施), stated as one text; 主管部门 and 实施单位 (主管部门（实施单位）,
 *  主管部门/实施单位, 主管部门及实施单位), one unit for both or one each (jointValues). */
const JOINT_FIELDS: readonly (readonly FieldKey[])[] = [
  ['verdict', 'problems', 'measures'],
  ['department', 'implementer'],
];
/** The conclusion parts: written as one text, a cell may hold several of them. */
const CONCLUSION_KEYS = JOINT_FIELDS[0];
/** What joins the parts a label names: a word (及, 和, 与 …), a slash, or brackets around
 *  the second part (the label as normLabel leaves it: half-width). */
const JOINER = /以及|及|和|与|、|\/|\(|\)/;

const NO_KEYS: readonly FieldKey[] = Object.freeze([]);

/** The fields a label names: the one it equals, or — for a label joining parts of one
 *  JOINT_FIELDS group — each part. Every part must be one; a label joining a part and
 *  something else (存在问题及原因分析, 实施单位（盖章）) names none. */
function keysOf(label: string, labels: Record<FieldKey, string[]>): readonly FieldKey[] {
  const k = keyOf(label, labels);
  if (k) return [k];
  if (!JOINER.test(label)) return NO_KEYS; // one part at most: most cells, no split
  const parts = label.split(JOINER).filter((p) => p !== '');
  if (parts.length < 2) return [];
  for (const group of JOINT_FIELDS) {
    const keys = parts.map((p) => group.find((c) => matchesExactly(p, labels[c])));
    if (keys.every((c) => c !== undefined)) return [...new Set(keys as FieldKey[])];
  }
  return NO_KEYS;
}

/** What separates one unit from the next in a value: 石门县林业局/罗坪乡林业站, A、B, A；B. */
const VALUE_SEPARATOR = /[/／、;；]/;

/** The value each of `keys` takes from the text beside their label. Conclusion parts all
 *  take the whole text. Units (主管部门/实施单位): one unit is both; units separated as
 *  the label joins its parts are one each, in the label's order; another count is no
 *  reading of any (which unit is which cannot be told). */
function jointValues(keys: readonly FieldKey[], value: string | null): [FieldKey, string | null][] {
  if (keys.length < 2 || value === null || CONCLUSION_KEYS.includes(keys[0])) return keys.map((k) => [k, value]);
  const units = value.split(VALUE_SEPARATOR).map((u) => u.trim());
  if (units.length === 1) return keys.map((k) => [k, value]);
  if (units.length !== keys.length || units.some((u) => u === '')) return [];
  return keys.map((k, i) => [k, units[i]]);
}

/** "填报单位（盖章）：X　　单位：万元" → [label, value] pairs. */
export function labelValuePairs(text: string): { label: string; value: string }[] {
  if (!/[:：]/.test(text)) return [];
  const s = toHalfWidth(text).replace(/\u00A0/g, ' ');
  const out: { label: string; value: string }[] = [];
  // A label is a short run without whitespace before a colon; a value runs to a
  // wide gap (2+ spaces or a U+3000) followed by the next label, or to the end.
  const re = /([^\s:\u3000]{2,16})[:]\s*([\s\S]*?)(?=(?:[\s\u3000]{1,}[^\s:\u3000]{2,16}[:])|$)/g;
  // A PDF line may lose the gap before "单位：万元": cut the value at a unit statement.
  // Values end at a wide gap (U+3000 or 2+ spaces: the next field of the line).
  for (const m of s.matchAll(re)) {
    const value = m[2]
      .replace(/(?:金额)?单位[:]\s*(?:万元|元)[\s\S]*$/, '')
      .replace(/^[\s\u3000]+/, '')
      .replace(/(?:\u3000|\s{2,})[\s\S]*$/, '');
    out.push({ label: normLabel(m[1]), value });
  }
  return out;
}

const isBlank = (rc: RowCell): boolean => rc.cell.text.trim() === '';

/** A cell that names a field rather than holding a value: a field's label, or a label
 *  of the "标签：" kind. Other labels (联系人, 项目编码) the lexicon does not know. */
function labelLike(rc: RowCell, labels: Record<FieldKey, string[]>): boolean {
  return keysOf(rc.label, labels).length > 0 || /[:：]/.test(rc.cell.text);
}

/** The cell holding the value of the label at cells[j]: the next cell; past empty cells
 *  (a spacer column, a label cell the form merges wider in other rows) the next filled
 *  one — 项目名称 | (blank) | 某项目 — when it is no label itself and stands where a value
 *  does: last in the row, or before a field's label (某局 | 实施单位), or before blank
 *  cells only with nothing but spacer columns (no row writes in them) between it and
 *  the label. Else the value is the blank next cell: "项目名称 | (blank) | 联系人 | 张三"
 *  and "项目名称 | (blank) | 项目编码 | (blank)" read no 项目名称. */
function valueCell(table: DocTable, cells: RowCell[], j: number, labels: Record<FieldKey, string[]>): RowCell | undefined {
  const next = cells[j + 1];
  if (!next || !isBlank(next)) return next;
  const k = cells.findIndex((rc, i) => i > j && !isBlank(rc));
  if (k < 0 || labelLike(cells[k], labels)) return next;
  if (k === cells.length - 1) return cells[k];
  const after = cells.slice(k + 1).find((rc) => !isBlank(rc));
  if (after) return labelLike(after, labels) ? cells[k] : next;
  const spacers = spacerColumns(table);
  return cells.slice(j + 1, k).every((rc) => spacers.has(rc.col)) ? cells[k] : next;
}

const spacerCache = new WeakMap<DocTable, Set<number>>();

/** Grid columns no cell of the table starts in with text: empty columns left between
 *  a label and its value, or a margin. */
function spacerColumns(table: DocTable): Set<number> {
  let out = spacerCache.get(table);
  if (out) return out;
  const written = new Set<number>();
  for (let r = 0; r < table.rows.length; r++) for (const rc of rowCells(table, r)) if (!isBlank(rc)) written.add(rc.col);
  const width = table.rows[0]?.length ?? 0;
  out = new Set<number>();
  for (let c = 0; c < width; c++) if (!written.has(c)) out.add(c);
  spacerCache.set(table, out);
  return out;
}

/** Reads the labelled fields of the segment's rows and lines (first hit of each key wins). */
export function readFields(items: Item[], t: Template, skipItems: Set<number>): Partial<Record<FieldKey, FieldHit>> {
  const labels = fieldLabels(t);
  const out: Partial<Record<FieldKey, FieldHit>> = {};
  // The first printed value wins; a blank one gives way to a later filled one.
  const put = (k: FieldKey, hit: FieldHit) => {
    if (!(k in out) || (out[k]!.value === null && hit.value !== null)) out[k] = hit;
  };
  items.forEach((it, i) => {
    if (skipItems.has(i)) return;
    if (it.kind === 'para') {
      for (const p of labelValuePairs(it.text)) {
        for (const [k, value] of jointValues(keysOf(p.label, labels), foldText(p.value))) put(k, { value });
      }
      return;
    }
    const cells = rowCells(it.table, it.r);
    cells.forEach((rc, j) => {
      const keys = keysOf(rc.label, labels);
      if (keys.length) {
        const next = valueCell(it.table, cells, j, labels);
        // A cell naming the label's fields itself ("主管部门及实施单位 | 主管部门：X　实施单位：Y")
        // is read for its own labels when the row reaches it.
        const namesOwn = (rc: RowCell) => labelValuePairs(rc.cell.text).some((p) => keysOf(p.label, labels).some((k) => keys.includes(k)));
        if (next && keysOf(next.label, labels).length === 0 && !(keys.length > 1 && namesOwn(next))) {
          const at = { table: it.table, row: it.r, col: next.col, raw: next.cell.text };
          for (const [k, value] of jointValues(keys, foldText(next.cell.text))) put(k, { value, at });
        }
        return;
      }
      if (rc.label.length > 60) return;
      for (const p of labelValuePairs(rc.cell.text)) {
        const at = { table: it.table, row: it.r, col: rc.col, raw: rc.cell.text };
        for (const [key, value] of jointValues(keysOf(p.label, labels), foldText(p.value))) put(key, { value, at });
      }
    });
  });
  return out;
}
