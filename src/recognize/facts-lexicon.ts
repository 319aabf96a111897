// The narrative-facts lexicon, as data: which wordings name which concept
// (record.md "Narrative facts"), which short words may stand between a concept
// and its figure, and the words of approximation and change. Extend it here.
//
// Alias syntax: plain text as printed; a part in ASCII square brackets is
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
}

export const CONCEPT_LEXICON: ConceptEntry[] = [
  { concept: 'budget.initial', aliases: ['年初预算[数]', '年初部门预算', '批复部门预算', '部门预算', '年初批复[预算]', '批复预算'] },
  { concept: 'budget.added', aliases: ['追加预算', '追加', '调增预算', '预算调增', '调增'] },
  { concept: 'budget.cut', aliases: ['调减预算', '预算调减', '调减'] },
  { concept: 'budget.final', aliases: ['调整后[的]预算[数]', '[全年]预算调整后', '全年预算[数]', '年度预算[数]'] },
  { concept: 'funds.received', aliases: ['实际拨付到位', '拨付到位', '资金到位', '实际到位资金', '到位资金', '实际到位'] },
  {
    concept: 'spending.total',
    aliases: ['决算总支出', '决算支出', '全年总支出', '全年支出', '年度总支出', '本年支出', '全年实际支出', '支出决算[数]'],
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
  { concept: null, aliases: ['预算执行率', '支出进度'] },
];

/** Words that may stand between a concept and its figure ("批复部门预算为",
 *  "实际拨付到位金额", "公务用车运行经费支出"). Any sequence of them is allowed. */
export const FILLERS: string[] = [
  '经费支出', '支出总额', '支出合计', '总额', '合计', '共计', '总计', '累计', '金额', '资金',
  '支出', '经费', '费用', '决算', '达到', '为', '是', '达', '共', '计', '了', '数', ':', '(',
];

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
