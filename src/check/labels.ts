// Chinese labels for record paths, used to render findings' messages from their data.
import { CONCEPT_NAMES, FUND_COLUMN_NAMES, INDICATOR_FIELD_NAMES, SOURCE_LINE_NAMES, USE_LINE_NAMES } from '../model/labels.js';
import type { FormKind, FormRecord, RecordBlock } from '../model/record.js';

const SOURCE_LINE_LABELS: Record<string, string> = { total: '资金来源合计', ...SOURCE_LINE_NAMES };
const PROJECT_SOURCE_TOTAL = '年度资金总额';
const USE_LINE_LABELS: Record<string, string> = { total: '资金结构合计', ...USE_LINE_NAMES };

export const COLUMN_LABELS = FUND_COLUMN_NAMES;
const INDICATOR_FIELD_LABELS = INDICATOR_FIELD_NAMES;
export const CONCEPT_LABELS = CONCEPT_NAMES;

/** The four blocks a form prints (rules.md check 29), as staff call them. */
export const BLOCK_LABELS: Record<RecordBlock, string> = {
  fund: '资金表',
  indicators: '绩效指标表',
  total: '总分行',
  goals: '年度总体目标',
};

const OTHER_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(BLOCK_LABELS).map(([b, l]) => [`blocks.${b}`, l])),
  'total.weight': '总分分值',
  'total.score': '总分得分',
  unit: '金额单位',
  grade: '自评等级',
  'conclusions.verdict': '评价结论',
  'conclusions.problems': '存在的问题',
  'conclusions.measures': '改进措施',
};

/** What labels depend on: the form kind, and the row labels the form printed. */
export type LabelContext =
  | FormKind
  | { form: FormKind; lineLabels?: Record<string, string>; indicatorGroups?: FormRecord['indicatorGroups'] };

/** The fund line's label ("基本支出", project form's total "年度资金总额"); a line a
 *  provincial template adds (一般公共预算) is named as the form printed it. */
export function fundLineLabel(block: string, line: string, ctx?: LabelContext): string {
  const form = typeof ctx === 'object' ? ctx.form : ctx;
  const printed = typeof ctx === 'object' ? ctx.lineLabels?.[`funds.${block}.${line}`] : undefined;
  if (block === 'sources') {
    if (line === 'total' && form === 'project') return PROJECT_SOURCE_TOTAL;
    return SOURCE_LINE_LABELS[line] ?? printed ?? line;
  }
  return USE_LINE_LABELS[line] ?? printed ?? line;
}

/** A readable Chinese label for any record path. */
export function labelOf(path: string, ctx?: LabelContext): string {
  let m = /^funds\.(sources|uses)\.([A-Za-z]+)(?:\.([A-Za-z]+))?$/.exec(path);
  if (m) return fundLineLabel(m[1], m[2], ctx) + (m[3] ? COLUMN_LABELS[m[3]] ?? m[3] : '');
  m = /^indicators\[(\d+|\*)\]\.([A-Za-z]+)$/.exec(path);
  if (m) {
    const which = m[1] === '*' ? '各项指标' : `第${Number(m[1]) + 1}项指标`;
    return which + (INDICATOR_FIELD_LABELS[m[2]] ?? m[2]);
  }
  m = /^indicatorGroups\[(\d+|\*)\]\.weight$/.exec(path);
  if (m) return groupWeightLabel(m[1], typeof ctx === 'object' ? ctx.indicatorGroups : undefined);
  m = /^narrative\.facts\.(.+)$/.exec(path);
  if (m) return CONCEPT_LABELS[m[1]] ?? m[1];
  m = /^goals\[(\d+|\*)\]\.(target|result)$/.exec(path);
  if (m) return m[2] === 'target' ? '年度目标' : '全年完成情况';
  m = /^narrative\.changes\[(\d+)\]\.(amount|percent)$/.exec(path);
  if (m) return m[2] === 'amount' ? '增减额' : '增减幅度';
  return OTHER_LABELS[path] ?? path;
}

/** A group weight: a goal block's ("年度绩效目标1的分值", check 33) or a level-1 label's. */
function groupWeightLabel(index: string, groups: FormRecord['indicatorGroups'] | undefined): string {
  if (index === '*') return groups?.some((g) => 'label' in g) ? '各年度绩效目标的分值' : '一级指标标注的分值';
  const g = groups?.[Number(index)];
  if (g && 'label' in g) return `${g.label}的分值`;
  if (g && 'level1' in g) return `一级指标“${g.level1}”标注的分值`;
  return '一级指标标注的分值';
}
