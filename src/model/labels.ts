// The Chinese names of record fields — fund lines, fund and indicator columns, narrative
// concepts — shared by finding messages (src/check/labels.ts) and report.html, each of
// which overrides the few names its own context words differently.

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
};
