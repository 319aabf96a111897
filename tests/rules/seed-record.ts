// The seed form (000_6464bf340b92118b, 岳麓区住房保障服务中心 2022) as a record, typed
// by hand from the text dump: its fund block, its 14 real indicators (template rows
// "指标2：" / "……" take no index), its total row and the facts its narrative states.
import type { FormRecord, Indicator } from '../../src/model/record.js';
import { fact, line } from './builder.js';

function ind(level1: string, level2: string, name: string, weight: string): Indicator {
  return { level1, level2, name, target: '100%', actual: '100%', weight, score: weight, deviation: null };
}

export function seedRecord(): FormRecord {
  const indicators: Indicator[] = [
    ind('产出指标', '数量指标', '指标1：住房困难群众应保尽保。', '5'),
    ind('产出指标', '数量指标', '指标2：坚持租赁房源筹集对标对表抓。', '10'),
    ind('产出指标', '质量指标', '指标1：新市民新青年应享尽享。', '10'),
    ind('产出指标', '时效指标', '指标1：D级危房住户应助尽助。', '5'),
    ind('产出指标', '时效指标', '指标2：便民为先，搭建智慧管理平台。', '5'),
    ind('产出指标', '成本指标', '指标1：智能为先，提升保障性住房管理水平。', '10'),
    ind('效益指标', '经济效益指标', '指标1：坚持公租房筹建创新思路抓。', '10'),
    ind('效益指标', '社会效益指标', '指标1：安全为先，提升群众生活舒适度。', '5'),
    ind('效益指标', '社会效益指标', '指标2：坚持示范效应典型引路抓。', '5'),
    ind('效益指标', '生态效益指标', '指标1：全力筹集房源。', '5'),
    ind('效益指标', '生态效益指标', '指标2：努力创新服务。', '5'),
    ind('效益指标', '生态效益指标', '指标3：竭力化解办证难题。', '5'),
    ind('效益指标', '可持续影响指标', '指标1：住房租赁试点坚持长效抓。', '10'),
    ind('满意度指标', '服务对象满意度指标', '指标1：稳定为先，积极化解各类信访投诉。', '10'),
  ];
  const p10 = '公务接待费支出0万元，比预算减少9万元，降低100%';
  return {
    schema: 'jxaudit/record@1',
    source: { name: 'seed.docx', path: 'seed.docx', sha256: '0', format: 'docx', bytes: 1, pages: null, formIndex: 0 },
    form: 'dept-overall',
    year: 2022,
    entity: '岳麓区住房保障服务中心',
    header: { department: null, implementer: null },
    unit: '万元',
    sourceUnit: '万元',
    blocks: { fund: 'read', indicators: 'read', total: 'read', goals: 'read' },
    unreadBlocks: [],
    cellIssues: {},
    grade: null,
    funds: {
      sources: {
        total: line('1028.49', '4183.83', { weight: '10' }),
        fiscal: line('1028.49', '4183.83'),
        other: line(null, null),
      },
      uses: {
        total: line('1028.49', '4183.83'),
        basic: line('971.01', '1155.05'),
        personnel: line('920.1', '1110.01'),
        public: line('50.91', '45.04'),
        project: line('57.48', '3028.78'),
      },
    },
    goals: [{ target: '任务1.登记审批方面：住房困难群众应保尽保；…', result: '年底前全面完成' }],
    indicatorGroups: [],
    indicators,
    total: { weight: '100', score: '100' },
    conclusions: { verdict: null, problems: '无', measures: '无' },
    narrative: {
      text: '一、部门（单位）概况 …',
      facts: {
        'budget.initial': [fact('1028.49', 2, '2022年区财政批复部门预算为1028.49万元')],
        'budget.added': [fact('3155.34', 2, '后追加预算3155.34万元')],
        'funds.received': [fact('4183.83', 2, '实际拨付到位金额4183.83万元')],
        'spending.total': [fact('4183.83', 2, '2022年决算支出为4183.83万元'), fact('4183.83', 3, '2022年决算总支出4183.83万元')],
        'econ.wages': [fact('538.19', 3, '其中工资福利支出538.19万元')],
        'econ.goodsServices': [fact('45.04', 3, '商品和服务支出45.04万元')],
        'econ.householdSubsidy': [fact('566.82', 3, '对个人和家庭的补助566.82万元')],
        'spending.basic': [fact('1150.05', 3, '上述决算支出中基本支出1150.05万元'), fact('1150.05', 6, '基本支出1150.05万元')],
        'spending.project': [fact('3028.78', 3, '项目支出3028.78万元'), fact('3028.78', 8, '项目支出3028.78万元')],
        'threePublic.total': [fact('0', 10, '2022年“三公”经费支出合计0万元')],
        'threePublic.abroad': [fact('0', 10, '因公出国（境）费支出0万元'), fact('0', 10, '因公出国（境）费用0万元')],
        'threePublic.reception': [fact('0', 10, '公务接待费支出0万元')],
        'threePublic.vehiclePurchase': [fact('0', 10, '公务用车购置0万元')],
        'threePublic.vehicleOps': [fact('0', 10, '公务用车运行经费支出0万元')],
      },
      changes: [
        { concept: 'threePublic.reception', amount: '9', direction: 'decrease', percent: '100', quote: p10, paragraph: 10 },
      ],
    },
    provenance: {
      'funds.sources.total.budget': { table: 0, row: 4, col: 3, page: null, raw: '1028.49　' },
      'funds.sources.total.actual': { table: 0, row: 4, col: 4, page: null, raw: '4183.83' },
      'funds.sources.total.rate': { table: 0, row: 4, col: 5, page: null, raw: '' },
      'funds.sources.total.weight': { table: 0, row: 4, col: 6, page: null, raw: '10' },
      'funds.sources.total.score': { table: 0, row: 4, col: 7, page: null, raw: '' },
      'funds.sources.fiscal.weight': { table: 0, row: 5, col: 6, page: null, raw: '－' },
      'funds.uses.basic.actual': { table: 0, row: 8, col: 4, page: null, raw: '1155.05　' },
      'funds.uses.personnel.actual': { table: 0, row: 9, col: 4, page: null, raw: '1110.01' },
      'total.weight': { table: 0, row: 60, col: 1, page: null, raw: '100' },
      'total.score': { table: 0, row: 60, col: 2, page: null, raw: '100' },
    },
  };
}
