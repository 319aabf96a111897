// The narrative-facts lexicon, as data: which wordings name which concept
// (record.md "Narrative facts"), which short words may stand between a concept
// and its figure, and the words of approximation and change. Extend it here.
//
// Alias syntax (also of the qualifier lists below): plain text as printed; a part in ASCII square brackets is
// optional ("因公出国[（境）]费[用]"). Matching ignores whitespace, quotation
// marks (“三公”经费 = 三公经费) and full-/half-width differences, and takes the
// longest alias at each position — so "决算总支出" wins over "总支出", and an
// alias may absorb words that would otherwise start another concept.

export interface ConceptEntry {
  /** Flat key holding dots (record.md), or null for a wording that names no
   *  concept but must not be read as a shorter alias inside it. */
  concept: string | null;
  aliases: string[];
  /** A short wording that names the concept only inside a list its sentence
   *  has already opened: an earlier mention's concept starts with one of these
   *  prefixes, and the wording opens its clause or follows 、/和/及/与/其中.
   *  ("公务用车购置费0万元、运行维护费4.40万元", but not "信息系统运行维护费"). */
  after?: string[];
  /** Right after another mention (nothing between), the wording belongs to it. */
  joinsPrevious?: boolean;
  /** A wording of "the actual spending" of whatever its sentence speaks of ("实际支出",
   *  "已支付"): it names its concept only while every concept named earlier in the
   *  sentence starts with one of these prefixes — "项目资金95万元，实际支出93.12万元"
   *  is the whole spending, "“三公”经费预算9万元，实际支出0万元" is not. */
  ofSubjects?: string[];
  /** The forms whose narratives use the wording so (default: every form). "项目资金"
   *  is a project's whole funding, a department's project lines in its own report. */
  forms?: Array<'project' | 'dept-overall'>;
  /** For a wording that names no concept of its own (`concept: null`): the concept it
   *  stands for as the subject of a later `ofSubjects` wording. "项目资金236万元" may be
   *  the budget or the money received, but "项目资金…，实际支出229.18万元" is the
   *  project's spending. */
  subjectAs?: string;
}

/** Verbs of paying money out: said as done (DONE_MARKERS before them), the amount spent of
 *  whatever their sentence speaks of. Not 拨付 (money handed on: received by the form's
 *  unit, or paid out by it to others), 投资 (work done, not paid), 结余/结转 (money left). */
export const SPENDING_VERBS: string[] = ['支出', '支付', '执行', '使用'];
/** Words before a spending verb that make it the amount actually spent: the actual, the
 *  cumulative, the done, the whole ("实际支付", "累计执行", "已使用", "共支出", "全额支付"); one or
 *  two of them ("实际已支出", "已全部支付"), after 全年 or not ("全年执行", "全年累计支付"). Without one a
 *  verb binds nothing ("计划支出", "拟使用", "用于…支出"). A year or 本年 before them is the
 *  sentence's own words, not part of the wording ("2023年度已支付", "本年实际支出"). */
export const DONE_MARKERS: string[] = ['实际', '累计', '已经', '已', '共计', '共', '完成', '全部', '全额'];
/** The whole year, said before DONE_MARKERS or alone before the verb ("全年执行178.85万元"). */
export const WHOLE_YEAR = '全年';

/** Every wording [WHOLE_YEAR] + DONE_MARKERS (none to two, different; at least one word in
 *  all) + a SPENDING_VERB (+ each of `tails`). */
export function spendingWordings(tails: string[] = ['']): string[] {
  const acts = ['', ...DONE_MARKERS.flatMap((a) => [a, ...DONE_MARKERS.filter((b) => b !== a).map((b) => a + b)])];
  const heads = [...acts.filter((a) => a !== ''), ...acts.map((a) => WHOLE_YEAR + a)];
  return heads.flatMap((head) => SPENDING_VERBS.flatMap((verb) => tails.map((tail) => head + verb + tail)));
}

export const CONCEPT_LEXICON: ConceptEntry[] = [
  { concept: 'budget.initial', aliases: ['年初预算[数][安排]', '年初部门预算', '批复部门预算', '部门预算', '年初批复[预算]', '批复预算'] },
  { concept: 'budget.added', aliases: ['追加预算', '追加', '调增预算', '预算调增', '调增'] },
  { concept: 'budget.cut', aliases: ['调减预算', '预算调减', '调减'] },
  // "调整后" before any budget wording makes it the adjusted one ("调整后部门预算").
  {
    concept: 'budget.final',
    aliases: ['调整后[的][部门]预算[数]', '调整后[的]全年预算[数]', '调整后[的]年度预算[数]', '[全年]预算调整后', '全年预算[数]', '年度预算[数]'],
  },
  // A project's whole funding, as its report names it: too loose to be its budget or
  // its money received, but what the project's actual spending is of. In a
  // department's report, its project lines.
  { concept: null, aliases: ['项目资金', '项目预算[数]'], forms: ['project'], subjectAs: 'budget.final' },
  { concept: null, aliases: ['项目资金', '项目预算[数]'] },
  { concept: 'funds.received', aliases: ['实际拨付到位', '拨付到位', '资金到位', '实际到位资金', '到位资金', '实际到位'] },
  { concept: 'funds.received', aliases: ['项目资金[实际]到位'], forms: ['project'] },
  {
    concept: 'spending.total',
    aliases: ['决算总支出', '决算支出', '全年总支出', '全年支出', '年度总支出', '本年支出', '全年实际支出'],
  },
  { concept: 'spending.total', aliases: ['项目资金支出'], forms: ['project'] },
  // The actual spending of the sentence's budget: "全年预算数为95.00万元，实际支出93.12万元";
  // "支出决算" too, the 部门决算 wording of whatever its sentence speaks of ("“三公”经费支出
  // 决算为8.40万元" is the 三公's, "2023年度支出决算2704.91万元" the department's).
  // Besides these nouns, any verb of paying out said as done (SPENDING_VERBS after
  // DONE_MARKERS: "全年执行178.85万元", "累计支付", "实际已支出", "全年共使用").
  {
    concept: 'spending.total',
    aliases: ['[预算]执行数', '支出决算[数]', ...spendingWordings()],
    ofSubjects: ['budget.', 'funds.', 'spending.total'],
  },
  // Generic words: total spending on their own, but right after another
  // concept's wording they finish it ("“三公”经费支出总额", "基本支出总支出").
  { concept: 'spending.total', aliases: ['总支出', '支出总额'], joinsPrevious: true },
  { concept: 'spending.basic', aliases: ['基本支出'] },
  { concept: 'spending.project', aliases: ['项目支出'] },
  { concept: 'spending.personnel', aliases: ['人员经费', '人员支出'] },
  { concept: 'spending.public', aliases: ['公用经费', '公用支出'] },
  { concept: 'econ.wages', aliases: ['工资福利支出', '工资福利'] },
  { concept: 'econ.goodsServices', aliases: ['商品和服务支出', '商品服务支出'] },
  { concept: 'econ.householdSubsidy', aliases: ['对个人和家庭[的]补助[支出]'] },
  { concept: 'econ.capital', aliases: ['资本性支出'] },
  { concept: 'threePublic.total', aliases: ['三公经费[总支出]', '三公支出'] },
  { concept: 'threePublic.abroad', aliases: ['因公出国[（境）]费[用]', '因公出国[（境）]经费', '出国[（境）]费[用]'] },
  { concept: 'threePublic.reception', aliases: ['公务接待费[用]', '公务接待经费'] },
  // The combined line many 三公 reports print; it is neither part alone.
  { concept: 'threePublic.vehicle', aliases: ['公务用车购置及运行[维护]费[用]', '公务用车购置及运行[维护]经费'] },
  { concept: 'threePublic.vehiclePurchase', aliases: ['公务用车购置[费][用]', '公车购置[费][用]'] },
  { concept: 'threePublic.vehicleOps', aliases: ['公务用车运行[维护]费[用]', '公务用车运行[维护]经费', '公务用车运行[维护]', '公车运行[维护]费[用]'] },
  // Short forms inside a 三公 list.
  { concept: 'threePublic.vehiclePurchase', aliases: ['购置费'], after: ['threePublic.'] },
  { concept: 'threePublic.vehicleOps', aliases: ['运行维护费', '运行费', '运维费'], after: ['threePublic.'] },
  // Wordings that contain an alias but name no concept.
  { concept: null, aliases: ['预算执行率', '支出进度', ...spendingWordings(['率', '进度'])] },
  // An investment (planned, done, to date) is a building project's, often over several
  // years: a sentence speaking of one speaks of no year's spending ("累计完成投资480万元，
  // 累计已支付资金450万元" may count earlier years).
  { concept: null, aliases: ['投资'] },
];

/** Words that may stand between a concept and its figure ("批复部门预算为",
 *  "实际拨付到位金额", "公务用车运行经费支出"). Any sequence of them is allowed. */
export const FILLERS: string[] = [
  '经费支出', '支出总额', '支出合计', '总额', '合计', '共计', '总计', '累计', '金额', '资金',
  '支出', '经费', '费用', '决算', '达到', '为', '是', '达', '共', '计', '了', '数', ':', '(',
];

/** Words right before a wording of the whole (spending, budget) that narrow it to a
 *  part of the money: "一般公共预算财政拨款支出决算数" is fiscal spending alone,
 *  "中央资金全年预算" one source's budget, "局本级" the department without its units. */
export const PART_QUALIFIERS: string[] = [
  '一般公共预算', '政府性基金[预算]', '国有资本经营预算', '财政拨款', '财政资金',
  '中央[财政][补助][资金]', '省级[财政][补助][资金]', '市级[财政][补助][资金]', '县级[财政][补助][资金]', '上级[补助][资金]',
  '本级', '机关', '专项资金', '配套资金', '衔接资金', '自筹资金', '其他资金', '单位资金', '结转资金', '结余资金',
];
/** The concepts a part qualifier narrows: the money spent, budgeted or received ("中央资金到位" is one
 *  source's); other concepts are parts already ("财政拨款“三公”经费"). */
export const QUALIFIED_CONCEPTS: string[] = ['spending.', 'budget.', 'funds.'];

/** Words before a concept saying its figure is a sub-unit's, not the department's
 *  ("所属二级单位县农业技术推广中心全年支出"). */
export const SUBUNIT_MARKERS: string[] = ['所属', '下属', '所辖', '下辖', '二级单位', '二级预算单位'];
/** How a body's name ends when it is a unit, a place or a site ("县农机事务中心",
 *  "XX镇", "水文站"): a sentence said of one speaks of that body, the form's own only
 *  when its name is the form's entity, department or implementer. */
export const BODY_SUFFIXES: string[] = [
  '中心', '站', '所', '室', '队', '院', '校', '馆', '园', '镇', '乡', '街道', '社区', '村', '分局', '单位', '公司',
];
/** Words before a body suffix that make it the form's own ("我单位", "本中心"). */
export const OWN_BODY_WORDS: string[] = ['我', '本', '该', '此'];

/** How a project's name ends: a sentence said of one, in a department's narrative, states
 *  that project's figures ("政府采购监督管理项目全年预算", "食品安全抽检项目支出"). */
export const PROJECT_NAME_ENDS: string[] = ['项目', '工程'];
/** Words before a concept wording that open with a project's name ending ("项目支出") and
 *  name no project: the form's own, a year, a list's joins ("全年项目支出", "本部门项目支出",
 *  "其中项目支出", "…万元和项目支出"); with the period, own-body and body words below. */
export const OWN_SUBJECT_WORDS: string[] = [
  '其中', '另外', '此外', '同时', '全年', '年度', '年', '部门', '局', '整体', '全部', '各', '总', '合计',
  '以及', '和', '及', '与', '用于', '安排', '包括', '主要', '为', '是', '的',
];

/** Words of another period: a figure they govern is not this year's ("上年决算支出").
 *  Right before a comparison word they only name what is compared ("比上年"). */
export const OTHER_PERIOD_WORDS: string[] = ['上一年度', '上年度', '上一年', '上年', '去年', '前年', '往年', '同期'];
/** Words of a part of the year: a figure they govern is not the year's ("上半年支出").
 *  A span of months is one too unless it spans the year ("1至3月", not "1-12月"). */
export const PART_PERIOD_WORDS: string[] = ['上半年', '下半年', '前三季度', '[第]一季度', '[第]二季度', '[第]三季度', '[第]四季度'];
/** Words before a date the figures stand at: "截至6月底" is part of the year, "截至12月31日" all of it. */
export const CUTOFF_WORDS: string[] = ['截至', '截止[到]', '截止至'];
/** After a period word, a word that makes it this year's money ("上年结转资金"). */
export const CARRIED_OVER: string[] = ['结转', '结余'];
/** Words of this year: they end the reign of an earlier year or period word. */
export const THIS_PERIOD_WORDS: string[] = ['本年度', '本年', '今年', '当年'];

/** Words between a whole and the parts it breaks down ("年初预算中基本支出",
 *  "年初预算安排基本支出"); nothing at all between counts too. */
export const BREAKDOWN_JOINS: string[] = ['其中', '之中', '中的', '中', '的', '安排', ':'];

/** Words opening a clause that lists the parts of the whole named in the clause before
 *  ("合计12.30万元，其中公务接待费3.10万元…"). */
export const BREAKDOWN_OPENERS: string[] = ['其中'];

/** Words between a figure and a concept named after it ("1150.05万元的基本支出"). */
export const AFTER_FILLERS: string[] = ['的', '为'];

/** Words just before a figure that make it approximate ("约1150万元", "近20万元"). */
export const APPROX_BEFORE: string[] = ['大约', '将近', '接近', '超过', '不足', '不到', '约', '近', '逾', '超'];
/** Words just after a figure's number or unit that make it approximate. */
export const APPROX_AFTER: string[] = ['左右', '上下'];

/** Verbs of a stated change, with their direction. Single-character verbs need
 *  a comparison word (比/较/同比 …) before them in the clause. */
export const CHANGE_VERBS: Array<{ word: string; direction: 'increase' | 'decrease' }> = [
  { word: '增加', direction: 'increase' },
  { word: '增长', direction: 'increase' },
  { word: '上升', direction: 'increase' },
  { word: '提高', direction: 'increase' },
  { word: '增幅', direction: 'increase' },
  { word: '减少', direction: 'decrease' },
  { word: '下降', direction: 'decrease' },
  { word: '降低', direction: 'decrease' },
  { word: '节约', direction: 'decrease' },
  { word: '节省', direction: 'decrease' },
  { word: '压减', direction: 'decrease' },
  { word: '缩减', direction: 'decrease' },
  { word: '降幅', direction: 'decrease' },
  { word: '减幅', direction: 'decrease' },
  { word: '增', direction: 'increase' },
  { word: '多', direction: 'increase' },
  { word: '减', direction: 'decrease' },
  { word: '降', direction: 'decrease' },
  { word: '少', direction: 'decrease' },
];

/** Words between a change verb and its amount or percent ("减少了9万元", "下降幅度为10%"). */
export const CHANGE_VERB_FILLERS: string[] = ['幅度', '率', '支出', '了', '为', '达', '约', ':'];

/** Words a change clause may open with when its subject stands in an earlier
 *  clause ("公务接待费支出0万元，比预算减少9万元"). */
export const CHANGE_NEUTRAL_OPENERS: string[] = ['其中', '全年', '本年', '总体', '同时', '共', '但', '并', '且', '其', '支出'];
