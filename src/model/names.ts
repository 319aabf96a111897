// The one table of names: what staff read for every machine value — severities,
// statuses, form kinds, failure codes, batch observations, record blocks, fund lines
// and columns, indicator fields, narrative concepts. Console, CSV, HTML and finding
// messages all take their words from here (record-path.ts words paths with them).
import type { FailureCode } from './failure.js';
import type { FormKind, RecordBlock } from './record.js';
import type { BatchObservation, FileStatus, Severity } from './report.js';

export const SEVERITY_NAMES: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const STATUS_NAMES: Record<FileStatus, string> = {
  ok: '通过',
  discrepancies: '有差异',
  failed: '读取失败',
};

export const FORM_NAMES: Record<FormKind, string> = {
  'dept-overall': '部门整体',
  project: '项目',
};

export const FAILURE_NAMES: Record<FailureCode, string> = {
  'not-found': '路径不存在',
  unreadable: '无法打开',
  'unsupported-format': '格式不支持',
  'corrupt-file': '文件损坏',
  encrypted: '文件已加密',
  'no-text-layer': '无文字层',
  'unrecognized-form': '无法识别表式',
  'too-large': '文件过大',
  timeout: '处理超时',
};

type BatchKind = BatchObservation['kind'];

export const BATCH_KIND_NAMES: Record<BatchKind, string> = {
  'duplicate-content': '重复提交（内容相同）',
  'duplicate-form': '重复提交（同单位同年度同表式）',
  'other-year': '年度不符',
};

/** Short tag shown in a batch-table row that a batch observation names. */
export const BATCH_KIND_TAGS: Record<BatchKind, string> = {
  'duplicate-content': '重复',
  'duplicate-form': '重复',
  'other-year': '年度不符',
};

/** The four blocks a form prints (rules.md check 29), as staff call them. */
export const BLOCK_NAMES: Record<RecordBlock, string> = {
  fund: '资金表',
  indicators: '绩效指标表',
  total: '总分行',
  goals: '年度总体目标',
};

/** The two halves of the fund block (record.md, "Fund lines"). */
export const FUND_GROUP_NAMES: Record<'sources' | 'uses', string> = {
  sources: '资金来源',
  uses: '资金结构',
};

/** Source fund lines other than the total (whose name depends on where it is shown). */
export const SOURCE_LINE_NAMES: Record<string, string> = {
  fiscal: '财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
  specialAccount: '财政专户管理资金',
  unitFunds: '单位资金',
};

/** Use (structure) fund lines other than the total. */
export const USE_LINE_NAMES: Record<string, string> = {
  basic: '基本支出',
  personnel: '人员支出',
  public: '公用支出',
  project: '项目支出',
};

export const FUND_COLUMN_NAMES: Record<string, string> = {
  initial: '年初预算数',
  budget: '全年预算数',
  actual: '全年执行数',
  rate: '执行率',
  weight: '分值',
  score: '得分',
  reason: '原因',
};

export const INDICATOR_FIELD_NAMES: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  nature: '指标性质',
  measure: '度量单位',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因分析',
};

/** The narrative concepts of record.md, with the wording a reader knows them by. */
export const CONCEPT_NAMES: Record<string, string> = {
  'budget.initial': '年初预算',
  'budget.added': '追加预算',
  'budget.cut': '调减预算',
  'budget.final': '调整后预算',
  'funds.received': '实际拨付到位资金',
  'spending.total': '决算总支出',
  'spending.basic': '基本支出',
  'spending.project': '项目支出',
  'spending.personnel': '人员经费',
  'spending.public': '公用经费',
  'econ.wages': '工资福利支出',
  'econ.goodsServices': '商品和服务支出',
  'econ.householdSubsidy': '对个人和家庭的补助',
  'econ.capital': '资本性支出',
  'threePublic.total': '“三公”经费合计',
  'threePublic.abroad': '因公出国（境）费',
  'threePublic.reception': '公务接待费',
  'threePublic.vehiclePurchase': '公务用车购置费',
  'threePublic.vehicleOps': '公务用车运行维护费',
  'rate.execution': '预算执行率',
  'score.total': '自评得分',
};

/** Concepts a project form words otherwise: it states its 支出总额, never a 决算 (the title
 *  of rules/narrative.yaml's check 21 for project forms says so). */
export const PROJECT_CONCEPT_NAMES: Record<string, string> = {
  'spending.total': '支出总额',
};

/** A name from a table, or the key itself when the table has none (a line a template adds). */
export function nameOf(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key] : key;
}
