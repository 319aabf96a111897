// Chinese labels for record paths, used to render findings' messages from their data.
import type { FormKind } from '../model/record.js';

const SOURCE_LINE_LABELS: Record<string, string> = {
  total: '资金来源合计',
  fiscal: '财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
  specialAccount: '财政专户管理资金',
  unitFunds: '单位资金',
};
const PROJECT_SOURCE_TOTAL = '年度资金总额';

const USE_LINE_LABELS: Record<string, string> = {
  total: '资金结构合计',
  basic: '基本支出',
  personnel: '人员支出',
  public: '公用支出',
  project: '项目支出',
};

export const COLUMN_LABELS: Record<string, string> = {
  initial: '年初预算数',
  budget: '全年预算数',
  actual: '全年执行数',
  rate: '执行率',
  weight: '分值',
  score: '得分',
  reason: '原因',
};

const INDICATOR_FIELD_LABELS: Record<string, string> = {
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
export const CONCEPT_LABELS: Record<string, string> = {
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
};

const OTHER_LABELS: Record<string, string> = {
  'total.weight': '总分分值',
  'total.score': '总分得分',
  unit: '金额单位',
  grade: '自评等级',
  'conclusions.verdict': '评价结论',
  'conclusions.problems': '存在的问题',
  'conclusions.measures': '改进措施',
};

/** What labels depend on: the form kind, and the row labels the form printed. */
export type LabelContext = FormKind | { form: FormKind; lineLabels?: Record<string, string> };

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
  if (m) return '一级指标标注的分值';
  m = /^narrative\.facts\.(.+)$/.exec(path);
  if (m) return CONCEPT_LABELS[m[1]] ?? m[1];
  m = /^goals\[(\d+|\*)\]\.(target|result)$/.exec(path);
  if (m) return m[2] === 'target' ? '年度目标' : '全年完成情况';
  m = /^narrative\.changes\[(\d+)\]\.(amount|percent)$/.exec(path);
  if (m) return m[2] === 'amount' ? '增减额' : '增减幅度';
  return OTHER_LABELS[path] ?? path;
}
