// Chinese labels for report.html: statuses, form kinds, severities, failure codes and
// record field paths, so bureau staff read "资金结构·基本支出·全年执行数", not a JSON path.
import type { FailureCode } from '../../model/failure.js';
import { CONCEPT_NAMES, FUND_COLUMN_NAMES, INDICATOR_FIELD_NAMES, SOURCE_LINE_NAMES, USE_LINE_NAMES } from '../../model/labels.js';
import type { FormKind, FormRecord } from '../../model/record.js';
import type { FileStatus, Severity } from '../../model/report.js';

export const STATUS_LABELS: Record<FileStatus, string> = {
  ok: '通过',
  discrepancies: '有差异',
  failed: '失败',
};

export const FORM_LABELS: Record<FormKind, string> = {
  'dept-overall': '部门整体',
  project: '项目',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const FAILURE_LABELS: Record<FailureCode, string> = {
  'not-found': '找不到文件',
  'unsupported-format': '格式不支持',
  'corrupt-file': '文件损坏',
  encrypted: '文件已加密',
  'no-text-layer': '无文字层',
  'unrecognized-form': '无法识别表式',
  'too-large': '文件过大',
  timeout: '处理超时',
};

export const BATCH_KIND_LABELS: Record<string, string> = {
  'duplicate-content': '重复提交（内容相同）',
  'duplicate-form': '重复提交（同单位同年度同表式）',
  'other-year': '年度不符',
};

/** Short tag shown in a batch-table row that a batch observation names. */
export const BATCH_KIND_TAGS: Record<string, string> = {
  'duplicate-content': '重复',
  'duplicate-form': '重复',
  'other-year': '年度不符',
};

/** Fund-group labels (record.md, "Fund lines"). */
export const FUND_GROUP_LABELS: Record<string, string> = {
  sources: '资金来源',
  uses: '资金结构',
};

const SOURCE_LINE_LABELS: Record<string, string> = { total: '合计', ...SOURCE_LINE_NAMES };

// "其中：" because personnel spending is printed as a sub-line of basic spending in the fund table.
const USE_LINE_LABELS: Record<string, string> = { total: '合计', ...USE_LINE_NAMES, personnel: '其中：人员支出' };

/** A fund line's label; a province's extra line is named as the form printed it
 *  (record.lineLabels), else by its camelCase key. */
export function fundLineLabel(group: string, line: string, printed?: Record<string, string>): string {
  const labels = group === 'uses' ? USE_LINE_LABELS : SOURCE_LINE_LABELS;
  return Object.hasOwn(labels, line) ? labels[line] : printed?.[`funds.${group}.${line}`] ?? line;
}

// Column heads of the number tables: the rate column says its unit, the deviation column is short.
export const FUND_COLUMN_LABELS: Record<string, string> = { ...FUND_COLUMN_NAMES, rate: '执行率(%)' };

export const INDICATOR_COLUMN_LABELS: Record<string, string> = { ...INDICATOR_FIELD_NAMES, deviation: '偏差原因' };

/** Narrative concepts (record.md, "Narrative facts"), a few in the report's shorter wording. */
const CONCEPT_LABELS: Record<string, string> = {
  ...CONCEPT_NAMES,
  'funds.received': '资金到位',
  'spending.total': '决算支出',
  'threePublic.vehicleOps': '公务用车运行费',
};

/** Parts of a stated change (narrative.changes[i]). */
const CHANGE_PART_LABELS: Record<string, string> = {
  amount: '金额',
  percent: '幅度(%)',
  direction: '增减方向',
  concept: '事项',
};

const SIMPLE_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  entity: '单位',
  grade: '自评等级',
  'total.weight': '总分值',
  'total.score': '总得分',
  'conclusions.verdict': '评价结论',
  'conclusions.problems': '存在问题',
  'conclusions.measures': '改进措施',
  'header.department': '主管部门',
  'header.implementer': '实施单位',
  // a block the form prints that could not be read (rules.md check 29)
  'blocks.fund': '资金表',
  'blocks.indicators': '绩效指标表',
  'blocks.total': '总分行',
  'blocks.goals': '年度总体目标',
};

/** A group weight: a goal block names itself ("年度绩效目标1·分值", check 33), a level-1 label too. */
function groupWeightLabel(index: string, groups: FormRecord['indicatorGroups'] | undefined): string {
  if (index === '*') return groups?.some((g) => 'label' in g) ? '全部年度绩效目标·分值' : '全部一级指标·分值';
  const g = groups?.[Number.parseInt(index, 10)];
  if (g && 'label' in g) return `${g.label}·分值`;
  if (g && 'level1' in g) return `${g.level1}·分值`;
  return `第${Number.parseInt(index, 10) + 1}个一级指标·分值`;
}

/** A record field path in Chinese; an unknown path is returned as it is. `groups` (the
 *  record's indicatorGroups) lets a group weight name its goal block or level-1 label. */
export function fieldLabel(path: string, groups?: FormRecord['indicatorGroups']): string {
  if (Object.hasOwn(SIMPLE_FIELD_LABELS, path)) return SIMPLE_FIELD_LABELS[path];
  const fund = /^funds\.(sources|uses)\.([A-Za-z]+)\.([A-Za-z]+)$/.exec(path);
  if (fund) {
    const [, group, line, column] = fund;
    const col = Object.hasOwn(FUND_COLUMN_LABELS, column) ? FUND_COLUMN_LABELS[column] : column;
    return `${FUND_GROUP_LABELS[group]}·${fundLineLabel(group, line).replace(/^其中：/, '')}·${col}`;
  }
  const indicator = /^indicators\[(\d+|\*)\]\.([A-Za-z]+)$/.exec(path);
  if (indicator) {
    const [, index, column] = indicator;
    const col = Object.hasOwn(INDICATOR_COLUMN_LABELS, column) ? INDICATOR_COLUMN_LABELS[column] : column;
    // Indicators are numbered from 1 for people; the path keeps its 0-based index.
    const which = index === '*' ? '全部指标' : `第${Number.parseInt(index, 10) + 1}项指标`;
    return `${which}·${col}`;
  }
  const group = /^indicatorGroups\[(\d+|\*)\]\.weight$/.exec(path);
  if (group) return groupWeightLabel(group[1], groups);
  const change = /^narrative\.changes\[(\d+)\]\.([A-Za-z]+)$/.exec(path);
  if (change) {
    const part = Object.hasOwn(CHANGE_PART_LABELS, change[2]) ? CHANGE_PART_LABELS[change[2]] : change[2];
    return `文字部分·第${Number.parseInt(change[1], 10) + 1}处增减变化·${part}`;
  }
  const fact = /^narrative\.facts\.(.+)$/.exec(path);
  if (fact) return `文字部分·${Object.hasOwn(CONCEPT_LABELS, fact[1]) ? CONCEPT_LABELS[fact[1]] : fact[1]}`;
  return path;
}
