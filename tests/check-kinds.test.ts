// Every rule kind as a table of valid cases (nothing reported) and invalid cases
// (exactly the drafts written here by hand from the numbers), ESLint RuleTester style.
import { describe, expect, it } from 'vitest';
import type { FormRecord } from '../src/model/record.js';
import type { Draft } from '../src/check/types.js';
import { judgeIndicator, readQuantity, strayLead } from '../src/check/attainment.js';
import { RULE_KINDS } from '../src/check/kinds/index.js';
import { kindMessage } from '../src/check/messages.js';
import { cell, cleanRecord, fact, indicator, line, runKind, unreadable } from './rules/builder.js';

type Want = Partial<Pick<Draft, 'fields' | 'actual' | 'expected' | 'difference' | 'factValues'>> & { message?: string | RegExp };
interface Case { name: string; edit?: (r: FormRecord) => void; }
interface Bad extends Case { want: Want[]; }

const tabled = new Set<string>();
function table(kind: string, options: unknown, valid: Case[], invalid: Bad[]) {
  tabled.add(kind);
  const cells = (options as { cells?: string[] }).cells;
  describe(cells ? `${kind} (cells: ${cells.join(', ')})` : kind, () => {
    for (const c of valid) {
      it(`valid: ${c.name}`, () => {
        const r = cleanRecord();
        c.edit?.(r);
        expect(runKind(kind, options, r)).toEqual([]);
      });
    }
    for (const c of invalid) {
      it(`invalid: ${c.name}`, () => {
        const r = cleanRecord();
        c.edit?.(r);
        const got = runKind(kind, options, r);
        expect(got).toHaveLength(c.want.length);
        c.want.forEach((w, i) => {
          const { message, ...rest } = w;
          expect(got[i]).toMatchObject(rest);
          if (message) expect(kindMessage(RULE_KINDS.get(kind)!, got[i].messageId, got[i].data)).toMatch(message);
        });
      });
    }
  });
}

const src = (r: FormRecord) => r.funds.sources;
const uses = (r: FormRecord) => r.funds.uses!;

table('sum', { total: 'funds.sources.total', parts: ['funds.sources.*'], columns: ['initial', 'budget', 'actual'] }, [
  { name: 'the clean form' },
  { name: 'rounding: 971.01 = 920.1 + 50.91', edit: (r) => { src(r).total.budget = '971.01'; src(r).fiscal.budget = '920.1'; src(r).other.budget = '50.91'; } },
  { name: 'a blank part counts as nothing', edit: (r) => { src(r).other.budget = null; src(r).fiscal.budget = '100.00'; } },
  { name: 'whole-number table within ± 0.5 each', edit: (r) => { src(r).total.budget = '100'; src(r).fiscal.budget = '60'; src(r).other.budget = '41'; } },
  { name: 'blank stated total is skipped', edit: (r) => { src(r).total.budget = null; } },
  { name: 'every part blank is skipped', edit: (r) => { src(r).fiscal.actual = null; src(r).other.actual = null; } },
  { name: 'a part that is not a number skips the column', edit: (r) => {
    src(r).fiscal.budget = null;
    cell(r, 'funds.sources.fiscal.budget', '1.2.3', 'nan', { row: 1, col: 1 });
  } },
  { name: 'an absent line is left out', edit: (r) => { delete src(r).other; src(r).fiscal.budget = '100.00'; src(r).fiscal.actual = '95.00'; } },
  { name: 'fund block unreadable: its cells are missing, not blank parts', edit: (r) => { src(r).fiscal.actual = null; unreadable(r, 'fund'); } },
], [
  { name: 'a digit typo in a part', edit: (r) => { src(r).fiscal.actual = '65.00'; },
    want: [{ fields: ['funds.sources.total.actual', 'funds.sources.fiscal.actual', 'funds.sources.other.actual'],
      actual: '95.00', expected: '85.00', difference: '10.00',
      message: '资金来源合计全年执行数95.00万元，与财政拨款全年执行数65.00万元 + 其他资金全年执行数20.00万元 = 85.00万元不一致（相差10.00万元）' }] },
  { name: 'a 元 form: numbers in 万元, the message in 元', edit: (r) => {
    r.sourceUnit = '元'; src(r).total.actual = '9.500000'; src(r).fiscal.actual = '6.500000'; src(r).other.actual = '2.000000';
  }, want: [{ actual: '9.500000', expected: '8.500000', difference: '1.000000',
      message: '资金来源合计全年执行数95,000.00元，与财政拨款全年执行数65,000.00元 + 其他资金全年执行数20,000.00元 = 85,000.00元不一致（相差10,000.00元）' }] },
  { name: 'a whole total among decimal parts is exact', edit: (r) => { src(r).total.budget = '100'; src(r).fiscal.budget = '79.5'; },
    want: [{ actual: '100', expected: '99.50', difference: '0.50' }] },
  { name: 'an extra source line counts (财政专户管理资金)', edit: (r) => { src(r).specialAccount = line('5.00', '0.00'); },
    want: [{ fields: ['funds.sources.total.budget', 'funds.sources.fiscal.budget', 'funds.sources.other.budget', 'funds.sources.specialAccount.budget'], expected: '105.00' }] },
  { name: 'a blank part listed in fields', edit: (r) => { src(r).other.budget = null; },
    want: [{ fields: ['funds.sources.total.budget', 'funds.sources.fiscal.budget', 'funds.sources.other.budget'], expected: '80.00', difference: '20.00' }] },
  { name: 'a breakdown line is summed in its parent only, even when its parent is off', edit: (r) => { breakdown(r); src(r).fiscal.actual = '65.00'; },
    want: [{ fields: ['funds.sources.total.actual', 'funds.sources.fiscal.actual', 'funds.sources.other.actual'], expected: '85.00', difference: '10.00' }] },
]);

/** （1）财政拨款 80.00 / 75.00 printed with 其中：一般公共预算 50.00 / 45.00 and 政府性基金预算 30.00 / 30.00 under it. */
const breakdown = (r: FormRecord) => {
  src(r).generalBudget = line('50.00', '45.00');
  src(r).govFundBudget = line('30.00', '30.00');
  r.lineParents = { 'funds.sources.generalBudget': 'funds.sources.fiscal', 'funds.sources.govFundBudget': 'funds.sources.fiscal' };
  r.lineLabels = { 'funds.sources.generalBudget': '一般公共预算', 'funds.sources.govFundBudget': '政府性基金预算' };
};

table('sum', { total: 'funds.sources.total', parts: ['funds.sources.*'], columns: ['initial', 'budget', 'actual'] }, [
  { name: 'lines printed under （1）财政拨款 are in it, not added to 合计 beside it', edit: breakdown },
], []);

table('breakdown-sum', { columns: ['initial', 'budget', 'actual'] }, [
  { name: 'no line printed under another' },
  { name: '财政拨款 = 一般公共预算 + 政府性基金预算', edit: breakdown },
  { name: 'one line under 其中 is a part, not the whole', edit: (r) => {
    src(r).extra1 = line('50.00', '45.00');
    r.lineParents = { 'funds.sources.extra1': 'funds.sources.fiscal' };
  } },
  { name: 'a blank parent is not compared', edit: (r) => { breakdown(r); src(r).fiscal.actual = null; } },
], [
  { name: 'the breakdown misses 5.00', edit: (r) => { breakdown(r); src(r).generalBudget.actual = '40.00'; },
    want: [{ fields: ['funds.sources.fiscal.actual', 'funds.sources.generalBudget.actual', 'funds.sources.govFundBudget.actual'],
      actual: '75.00', expected: '70.00', difference: '5.00',
      message: '财政拨款全年执行数75.00万元，与其下所列一般公共预算全年执行数40.00万元 + 政府性基金预算全年执行数30.00万元 = 70.00万元不一致（相差5.00万元）' }] },
]);

const USES_SUM = {
  total: 'funds.uses.total',
  parts: ['funds.uses.basic', 'funds.uses.project'],
  expand: { 'funds.uses.basic': ['funds.uses.personnel', 'funds.uses.public'] },
  columns: ['budget', 'actual'],
};
const noBasic = (r: FormRecord) => { delete uses(r).basic; };

table('sum', USES_SUM, [
  { name: 'no 基本支出 row: 人员 + 公用 + 项目 = 合计', edit: noBasic },
  { name: 'no 基本支出 row and no 项目支出 row: nothing to sum with', edit: (r) => { noBasic(r); delete uses(r).project; uses(r).total.budget = '70.00'; } },
  { name: 'no 基本支出 row beside a line the reader did not name: not summed', edit: (r) => { noBasic(r); uses(r).extra1 = line('0.00', '0.00'); uses(r).total.budget = '70.00'; } },
], [
  { name: 'no 基本支出 row, 合计 off by 10', edit: (r) => { noBasic(r); uses(r).total.actual = '105.00'; },
    want: [{ fields: ['funds.uses.total.actual', 'funds.uses.personnel.actual', 'funds.uses.public.actual', 'funds.uses.project.actual'], actual: '105.00', expected: '95.00', difference: '10.00' }] },
  { name: 'a printed 基本支出 row is summed, not its parts', edit: (r) => { uses(r).basic.actual = '48.00'; },
    want: [{ fields: ['funds.uses.total.actual', 'funds.uses.basic.actual', 'funds.uses.project.actual'], actual: '95.00', expected: '85.00', difference: '10.00' }] },
]);

/** 基本支出 60.00 / 58.00 printed without 人员支出 / 公用支出, broken down by economic classification
 *  under it: 工资福利支出 45.00 / 44.00 and 商品和服务支出 15.00 / 14.00 (lines the lexicon does not know). */
const econ = (r: FormRecord) => {
  delete uses(r).personnel;
  delete uses(r).public;
  uses(r).extra1 = line('45.00', '44.00');
  uses(r).extra2 = line('15.00', '14.00');
  r.lineParents = { 'funds.uses.extra1': 'funds.uses.basic', 'funds.uses.extra2': 'funds.uses.basic' };
};
const BASIC_SUM = { total: 'funds.uses.basic', parts: ['funds.uses.personnel', 'funds.uses.public'], columns: ['budget', 'actual'] };

table('sum', USES_SUM, [
  { name: 'lines printed under 基本支出 are in it, not added to 合计', edit: econ },
], [
  { name: 'an unknown line beside 基本支出 and 项目支出 ((3)经营支出) is a part of 合计', edit: (r) => { uses(r).extra1 = line('0.00', '10.00'); },
    want: [{ fields: ['funds.uses.total.actual', 'funds.uses.basic.actual', 'funds.uses.project.actual', 'funds.uses.extra1.actual'], actual: '95.00', expected: '105.00', difference: '-10.00' }] },
]);

table('sum', BASIC_SUM, [
  { name: '基本支出 = its economic breakdown', edit: econ },
  { name: 'a lone unknown line under 基本支出 without 人员/公用 is a part, not the whole', edit: (r) => {
    econ(r); delete uses(r).extra2; r.lineParents = { 'funds.uses.extra1': 'funds.uses.basic' };
  } },
  { name: 'a line under 公用支出 is in it, not added to 基本支出', edit: (r) => {
    uses(r).extra1 = line('5.00', '4.00'); r.lineParents = { 'funds.uses.extra1': 'funds.uses.public' };
  } },
], [
  { name: '其中：对个人和家庭的补助 beside 人员支出 and 公用支出 is added', edit: (r) => {
    uses(r).extra1 = line('5.00', '4.00'); r.lineParents = { 'funds.uses.extra1': 'funds.uses.basic' };
  }, want: [{ fields: ['funds.uses.basic.budget', 'funds.uses.personnel.budget', 'funds.uses.public.budget', 'funds.uses.extra1.budget'], actual: '60.00', expected: '65.00', difference: '-5.00' },
    { fields: ['funds.uses.basic.actual', 'funds.uses.personnel.actual', 'funds.uses.public.actual', 'funds.uses.extra1.actual'], actual: '58.00', expected: '62.00', difference: '-4.00' }] },
  { name: 'the economic breakdown misses 2.00', edit: (r) => { econ(r); uses(r).extra2.actual = '12.00'; },
    want: [{ fields: ['funds.uses.basic.actual', 'funds.uses.extra1.actual', 'funds.uses.extra2.actual'], actual: '58.00', expected: '56.00', difference: '2.00' }] },
]);

table('breakdown-sum', { columns: ['budget', 'actual'], group: 'uses', except: ['funds.uses.basic'] }, [
  { name: '基本支出\'s breakdown is check 2\'s', edit: (r) => { econ(r); uses(r).extra2.actual = '12.00'; } },
  { name: 'source breakdowns are not this group\'s', edit: (r) => { breakdown(r); src(r).generalBudget.actual = '40.00'; } },
], [
  { name: '项目支出\'s breakdown misses 2.00', edit: (r) => {
    uses(r).extra1 = line('30.00', '27.00'); uses(r).extra2 = line('10.00', '8.00');
    r.lineParents = { 'funds.uses.extra1': 'funds.uses.project', 'funds.uses.extra2': 'funds.uses.project' };
  }, want: [{ fields: ['funds.uses.project.actual', 'funds.uses.extra1.actual', 'funds.uses.extra2.actual'], actual: '37.00', expected: '35.00', difference: '2.00' }] },
]);

const USES_OF_TOTAL = { ...USES_SUM, total: 'funds.sources.total', unlessPrinted: 'funds.uses.total' };
const noUsesTotal = (r: FormRecord) => { delete uses(r).total; };

table('sum', USES_OF_TOTAL, [
  { name: 'a printed 资金结构合计: the rule stands aside', edit: (r) => { uses(r).project.actual = '27.00'; } },
  { name: 'no 资金结构合计: 基本 + 项目 = 年度资金总额', edit: noUsesTotal },
], [
  { name: 'no 资金结构合计, 项目支出 off by 10', edit: (r) => { noUsesTotal(r); uses(r).project.actual = '27.00'; },
    want: [{ fields: ['funds.sources.total.actual', 'funds.uses.basic.actual', 'funds.uses.project.actual'], actual: '95.00', expected: '85.00', difference: '10.00' }] },
]);

table('equal', { left: 'funds.sources.total', right: 'funds.uses.total', columns: ['budget', 'actual'] }, [
  { name: 'sources = uses' },
], [
  { name: 'uses total differs', edit: (r) => { uses(r).total.actual = '96.00'; },
    want: [{ fields: ['funds.sources.total.actual', 'funds.uses.total.actual'], actual: '95.00', expected: '96.00', difference: '-1.00' }] },
]);

table('rate', { lines: ['funds.sources.*', 'funds.uses.*'], cells: ['filled'] }, [
  { name: 'the clean form (95.00 = 95.00 ÷ 100.00)' },
  { name: '"93%" against 92.60 ÷ 100.00', edit: (r) => { src(r).total.actual = '92.60'; src(r).total.rate = '93'; src(r).total.score = null; } },
  { name: 'budget 0 has no rate', edit: (r) => { src(r).other.budget = '0'; src(r).other.actual = '0'; src(r).other.rate = '50'; } },
  { name: 'blank rates are not this rule', edit: (r) => { src(r).total.rate = null; } },
], [
  { name: '"92%" against 92.60', edit: (r) => { src(r).total.actual = '92.60'; src(r).total.rate = '92'; },
    want: [{ fields: ['funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: '92', expected: '92.60', difference: '-0.60' }] },
  { name: 'a uses line states a wrong rate', edit: (r) => { uses(r).basic.rate = '90.00'; },
    want: [{ fields: ['funds.uses.basic.rate', 'funds.uses.basic.actual', 'funds.uses.basic.budget'], actual: '90.00', expected: '96.67', difference: '-6.67' }] },
]);

table('rate', { lines: ['funds.sources.total'], cells: ['blank'] }, [
  { name: 'a stated rate' },
  { name: 'no rate column', edit: (r) => { delete src(r).total.rate; } },
  { name: 'budget blank', edit: (r) => { src(r).total.rate = null; src(r).total.budget = null; } },
], [
  { name: 'blank rate', edit: (r) => { src(r).total.rate = null; },
    want: [{ fields: ['funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: null, expected: '95.00', difference: null }] },
]);

table('rate-above', { line: 'funds.sources.total' }, [
  { name: '95%' },
  { name: 'exactly 100%', edit: (r) => { src(r).total.rate = '100.00'; src(r).total.actual = '100.00'; } },
  { name: 'a line whose budget is 0 has no rate', edit: (r) => { src(r).total.budget = '0'; src(r).total.rate = '150.00'; } },
], [
  { name: 'stated 120%', edit: (r) => { src(r).total.rate = '120.00'; src(r).total.actual = '120.00'; },
    want: [{ actual: '120.00', expected: '120.00', difference: '0.00' }] },
  { name: 'blank, computed 406.79', edit: (r) => { src(r).total.rate = null; src(r).total.budget = '1028.49'; src(r).total.actual = '4183.83'; },
    want: [{ fields: ['funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: null, expected: '406.79' }] },
]);

table('fund-score', { line: 'funds.sources.total', cells: ['filled'] }, [
  { name: '10 × 95% = 9.50' },
  { name: '9.5 printed with one decimal', edit: (r) => { src(r).total.score = '9.5'; } },
  { name: 'rate capped at 100%', edit: (r) => { src(r).total.actual = '120.00'; src(r).total.score = '10'; } },
  { name: 'blank score is the blank rule', edit: (r) => { src(r).total.score = null; } },
  { name: 'the printed rate is not used', edit: (r) => { src(r).total.rate = '50.00'; } },
], [
  { name: 'full score although 95%', edit: (r) => { src(r).total.score = '10'; },
    want: [{ fields: ['funds.sources.total.score', 'funds.sources.total.weight', 'funds.sources.total.actual', 'funds.sources.total.budget'],
      actual: '10', expected: '9.50', difference: '0.50' }] },
  { name: '9.6 is not 9.50', edit: (r) => { src(r).total.score = '9.6'; }, want: [{ expected: '9.50', difference: '0.10' }] },
]);

table('fund-score', { line: 'funds.sources.total', cells: ['blank'] }, [
  { name: 'a stated score' },
  { name: 'no weight given', edit: (r) => { src(r).total.score = null; src(r).total.weight = null; } },
], [
  { name: 'blank score', edit: (r) => { src(r).total.score = null; },
    want: [{ fields: ['funds.sources.total.score', 'funds.sources.total.weight', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: null, expected: '9.50' }] },
]);

/** The band L07 prints in its 得分 header: ≥95% 10, [90, 95) 8, [80, 90) 6, below 80 none. */
const band = (r: FormRecord, printed: 'header' | 'note' = 'header') => {
  r.fundScoreBand = { printed, text: '得分(执行率≥95%得10分;90%(含)-95%得8分;80%(含)-90%得6分;80%以下不得分)', steps: [
    { from: '95', fromIncluded: true, to: null, toIncluded: null, points: '10' },
    { from: '90', fromIncluded: true, to: '95', toIncluded: false, points: '8' },
    { from: '80', fromIncluded: true, to: '90', toIncluded: false, points: '6' },
    { from: null, fromIncluded: null, to: '80', toIncluded: false, points: '0' },
  ] };
};
/** Rate 231 ÷ 250 = 92.40%: the band gives 8, weight × rate 9.24. */
const at9240 = (r: FormRecord, score: string | null) => { band(r); src(r).total.budget = '250.00'; src(r).total.actual = '231.00'; src(r).total.rate = '92.40'; src(r).total.score = score; };

table('fund-score', { line: 'funds.sources.total', cells: ['filled'] }, [
  { name: 'a printed band: 92.40% earns 8, not 10 × 92.40%', edit: (r) => at9240(r, '8') },
  { name: 'a printed band: 8.00 is 8', edit: (r) => at9240(r, '8.00') },
  { name: 'a rate on a step\'s edge (95.00% of rounded amounts) may earn either step', edit: (r) => { band(r); src(r).total.score = '10'; } },
  { name: 'a rate no step holds: the band says nothing', edit: (r) => { band(r); r.fundScoreBand!.steps = r.fundScoreBand!.steps!.slice(0, 2); src(r).total.actual = '50.00'; src(r).total.score = '3'; } },
  { name: 'a band printed but not read applies no rule, not weight × rate', edit: (r) => { band(r); r.fundScoreBand!.steps = null; src(r).total.score = '3'; } },
], [
  { name: 'a printed band: weight × rate is not its rule', edit: (r) => at9240(r, '9.24'),
    want: [{ fields: ['funds.sources.total.score', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: '9.24', expected: '8', difference: '1.24',
      message: '资金来源合计得分填写为9.24分，按表头所列评分档次，执行率92.40%应得8分' }] },
  { name: 'a band in a note under the block', edit: (r) => { at9240(r, '6'); r.fundScoreBand!.printed = 'note'; },
    want: [{ expected: '8', message: /按表下注释所列评分档次，执行率92\.40%应得8分/ }] },
]);

table('fund-score', { line: 'funds.sources.total', cells: ['blank'] }, [
  { name: 'a band printed but not read: no computed score offered', edit: (r) => { band(r); r.fundScoreBand!.steps = null; src(r).total.score = null; } },
], [
  { name: 'blank score beside a band', edit: (r) => at9240(r, null),
    want: [{ actual: null, expected: '8', message: /未填写；按表头所列评分档次，执行率92\.40%应得8分/ }] },
]);

table('fund-band-unread', { line: 'funds.sources.total' }, [
  { name: 'no band printed' },
  { name: 'a band read', edit: (r) => band(r) },
  { name: 'neither score nor weight', edit: (r) => { band(r); r.fundScoreBand!.steps = null; src(r).total.score = null; src(r).total.weight = null; } },
], [
  { name: 'a band printed but not read', edit: (r) => { band(r); r.fundScoreBand!.steps = null; r.fundScoreBand!.text = '得分(执行率每降低1%扣0.5分)'; },
    want: [{ fields: ['funds.sources.total.score'], message: '表头印有预算执行得分的评分档次“得分(执行率每降低1%扣0.5分)”，未能完整读取，未核对资金来源合计得分' }] },
]);

/** 分值 and 得分 merged over indicators 0–1 (K03, K16): the group's, their rows have no keys. */
const mergeFirstTwo = (r: FormRecord, weight = '60', score = '60') => {
  for (const i of r.indicators.slice(0, 2)) { delete i.weight; delete i.score; }
  r.indicatorGroups.push({ indicators: [0, 1], weight, score });
};
table('indicator-range', { cells: ['filled'] }, [
  { name: 'scores equal weights' },
  { name: 'a merged group\'s score within its weight', edit: (r) => mergeFirstTwo(r, '60', '55') },
  { name: 'score 0', edit: (r) => { r.indicators[0].score = '0'; } },
  { name: 'check 33: no weight key, skipped (even a negative score)', edit: (r) => { delete r.indicators[0].weight; r.indicators[0].score = '-1'; } },
  { name: 'indicators block unreadable', edit: (r) => { r.indicators[1].score = '31'; unreadable(r, 'indicators'); } },
], [
  { name: 'score 31 above weight 30', edit: (r) => { r.indicators[1].score = '31'; },
    want: [{ fields: ['indicators[1].score', 'indicators[1].weight'], actual: '31', expected: '30', difference: '1' }] },
  { name: 'negative score', edit: (r) => { r.indicators[2].score = '-1'; },
    want: [{ fields: ['indicators[2].score', 'indicators[2].weight'], actual: '-1', expected: '0', difference: '-1' }] },
  { name: 'a merged group\'s score 61 above its weight 60', edit: (r) => mergeFirstTwo(r, '60', '61'),
    want: [{ fields: ['indicatorGroups[0].score', 'indicatorGroups[0].weight'], actual: '61', expected: '60', difference: '1', message: /^第1至2项指标得分61分，超过其分值60分/ }] },
]);

table('indicator-range', { cells: ['blank'] }, [
  { name: 'all filled' },
  { name: 'a non-number is not a blank', edit: (r) => {
    r.indicators[0].weight = null;
    cell(r, 'indicators[0].weight', '约5', 'nan', { row: 20, col: 5 });
  } },
  { name: 'no weight column', edit: (r) => { for (const i of r.indicators) { delete i.weight; } } },
  { name: 'check 33: an absent weight key is never reported', edit: (r) => fourBox(r, ['40', '40']) },
  { name: 'the rows under a merged 分值/得分 are not blank', edit: (r) => mergeFirstTwo(r) },
  { name: 'in an unreadable block a cell is missing, not blank', edit: (r) => { r.indicators[2].score = null; unreadable(r, 'indicators'); } },
], [
  { name: 'blank score', edit: (r) => { r.indicators[2].score = null; },
    want: [{ fields: ['indicators[2].score', 'indicators[2].weight'], actual: null }] },
  { name: 'check 33: a blank score without a weight key names the score only', edit: (r) => { fourBox(r, ['40', '40']); r.indicators[2].score = null; },
    want: [{ fields: ['indicators[2].score'], actual: null }] },
]);

/** Hubei four-box (check 33): fund weight in a header, goal blocks' weights in their labels, no indicator 分值. */
const fourBox = (r: FormRecord, goals: string[], fund: string | null = '20') => {
  for (const i of r.indicators) delete i.weight;
  src(r).total.weight = fund;
  r.indicatorGroups = goals.map((weight, i) => ({ label: `年度绩效目标${i + 1}`, weight }));
};
table('weights-total', { fund: 'funds.sources.total' }, [
  { name: '10 + 90 = 100' },
  { name: 'no indicator weights column', edit: (r) => { for (const i of r.indicators) delete i.weight; } },
  { name: 'check 33: 20 + 40 + 40 = 100 (goal blocks)', edit: (r) => fourBox(r, ['40', '40']) },
  { name: 'check 33: no goal blocks, level-1 labels: 10 + 50 + 40 = 100', edit: (r) => {
    for (const i of r.indicators) delete i.weight;
    r.indicatorGroups = [{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '40' }];
  } },
  { name: 'check 33: goal blocks win over level-1 labels', edit: (r) => { fourBox(r, ['40', '40']); r.indicatorGroups.push({ level1: '产出指标', weight: '30' }); } },
  { name: 'indicators with weights: group weights are not added', edit: (r) => { r.indicatorGroups = [{ label: '年度绩效目标1', weight: '40' }]; } },
  { name: 'a 分值 merged over two indicators counts once: 10 + 60 + 30 = 100', edit: (r) => mergeFirstTwo(r) },
  { name: 'key and parts disturb nothing', edit: (r) => { r.indicators[0].key = true; r.indicators[0].parts = [{ name: '其中桃树种植面积', target: '≥50亩', actual: '52亩' }]; } },
  { name: 'fund block unreadable: missing, never blank', edit: (r) => { r.indicators[0].weight = '35'; unreadable(r, 'fund'); } },
  { name: 'indicators block unreadable', edit: (r) => { r.indicators[0].weight = '35'; unreadable(r, 'indicators'); } },
  { name: 'total row unreadable', edit: (r) => { r.indicators[0].weight = '35'; unreadable(r, 'total'); } },
  { name: 'every indicator weight blank: a column not filled, never a sum of 0', edit: (r) => { for (const i of r.indicators) i.weight = null; } },
], [
  { name: 'check 33: 10 + 40 + 40 = 90 ≠ 100', edit: (r) => fourBox(r, ['40', '40'], '10'),
    want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicatorGroups[*].weight'], actual: '100', expected: '90', difference: '10',
      message: '总分分值100分，与资金分值10分 + 各年度绩效目标分值之和80分 = 90分不一致（相差10分）' }] },
  { name: 'check 33: blank total counts as 100: 20 + 40 + 50 = 110', edit: (r) => { fourBox(r, ['40', '50']); r.total.weight = null; },
    want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicatorGroups[*].weight'], actual: null, expected: '110', difference: null }] },
  { name: 'check 33: level-1 labels 10 + 50 + 30 = 90', edit: (r) => {
    for (const i of r.indicators) delete i.weight;
    r.indicatorGroups = [{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }];
  }, want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicatorGroups[*].weight'], expected: '90', message: /各一级指标标注分值之和80分/ }] },
  { name: 'a merged 分值 50: 10 + 50 + 30 = 90', edit: (r) => mergeFirstTwo(r, '50', '50'),
    want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicators[*].weight', 'indicatorGroups[0].weight'], actual: '100', expected: '90', difference: '10' }] },
  { name: '10 + 95 ≠ 100', edit: (r) => { r.indicators[0].weight = '35'; },
    want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicators[*].weight'], actual: '100', expected: '105', difference: '-5' }] },
  { name: 'blank total weight counts as 100', edit: (r) => { r.total.weight = null; r.indicators[0].weight = '40'; },
    want: [{ fields: ['total.weight', 'funds.sources.total.weight', 'indicators[*].weight'], actual: null, expected: '110', difference: null }] },
]);

table('scores-total', { fund: 'funds.sources.total' }, [
  { name: '9.50 + 90 = 99.50' },
  { name: 'check 33: indicators without weights still add their scores', edit: (r) => fourBox(r, ['40', '40']) },
  { name: 'fund block unreadable: no sum without the fund score', edit: (r) => { r.total.score = '98'; unreadable(r, 'fund'); } },
  { name: 'blank fund score counts as 0', edit: (r) => { src(r).total.score = null; r.total.score = '90'; } },
  { name: '9.60 + 88 = 97.60 printed 98', edit: (r) => { src(r).total.score = '9.60'; r.indicators[0].score = '28'; r.total.score = '98'; } },
  { name: 'blank total score is the required rule', edit: (r) => { r.total.score = null; } },
  { name: 'a 得分 merged over two indicators counts once: 9.50 + 60 + 30 = 99.50', edit: (r) => mergeFirstTwo(r) },
  { name: 'a fund weight with no score read: the score is unknown, never 0', edit: (r) => { delete src(r).total.score; r.total.score = '98'; } },
  { name: 'every indicator score blank: a column not filled, never a sum of 0 (probe Z z36)', edit: (r) => {
    for (const i of r.indicators) i.score = null; r.total.score = '99.63'; } },
], [
  { name: 'a merged 得分 59: 9.50 + 59 + 30 = 98.50 ≠ 99.50', edit: (r) => mergeFirstTwo(r, '60', '59'),
    want: [{ fields: ['total.score', 'funds.sources.total.score', 'indicators[*].score', 'indicatorGroups[0].score'], actual: '99.50', expected: '98.50', difference: '1.00' }] },
  { name: 'no 分值 and no 得分 column in the fund block: the indicators alone, said so', edit: (r) => {
    delete src(r).total.weight; delete src(r).total.score; r.total.score = '99.50';
  }, want: [{ fields: ['total.score', 'indicators[*].score'], actual: '99.50', expected: '90', difference: '9.50',
      message: '总分得分99.50分，与各项指标得分之和90分不一致（相差9.50分；资金表没有得分栏，不计资金得分）' }] },
  { name: 'total 98 ≠ 99.50', edit: (r) => { r.total.score = '98'; },
    want: [{ fields: ['total.score', 'funds.sources.total.score', 'indicators[*].score'], actual: '98', expected: '99.50', difference: '-1.50' }] },
  { name: 'a whole fund score makes a whole total exact', edit: (r) => { src(r).total.score = '10'; r.total.score = '99'; },
    want: [{ actual: '99', expected: '100', difference: '-1' }] },
  { name: 'check 33: four-box scores 9.50 + 90 ≠ 98', edit: (r) => { fourBox(r, ['40', '40']); r.total.score = '98'; },
    want: [{ fields: ['total.score', 'funds.sources.total.score', 'indicators[*].score'], expected: '99.50' }] },
]);

table('deviation-reason', {}, [
  { name: 'all targets met' },
  { name: 'a reason is given', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].deviation = '资金到位较晚'; } },
  { name: 'text targets are never judged', edit: (r) => { r.indicators[0].target = '健全'; r.indicators[0].actual = '基本健全'; } },
  { name: 'different units are not compared', edit: (r) => { r.indicators[0].actual = '90件'; } },
  { name: 'no deviation column', edit: (r) => { r.indicators[0].actual = '90%'; delete r.indicators[0].deviation; } },
  { name: 'a reason that names a shortfall is a reason', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].deviation = '无偏差以外的原因：资金晚到'; } },
  { name: 'a reason that speaks of a deviation is a reason', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].deviation = '因疫情影响进度偏差10%'; } },
  { name: 'a claim beside a reason is a reason', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].deviation = '基本完成，因资金到位较晚略有偏差'; } },
], [
  { name: '90% against 100%, no reason', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].score = '27'; },
    want: [{ fields: ['indicators[0].deviation', 'indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'], actual: null }] },
  { name: 'a placeholder reason is no reason', edit: (r) => { r.indicators[2].actual = '4天'; r.indicators[2].deviation = '无'; },
    want: [{ fields: ['indicators[2].deviation', 'indicators[2].score', 'indicators[2].weight', 'indicators[2].actual', 'indicators[2].target'], actual: '无' }] },
  { name: '"无偏差" where the row fell short explains nothing', edit: (r) => { r.indicators[2].actual = '4天'; r.indicators[2].deviation = '无偏差。'; },
    want: [{ fields: ['indicators[2].deviation', 'indicators[2].score', 'indicators[2].weight', 'indicators[2].actual', 'indicators[2].target'], actual: '无偏差。' }] },
  { name: 'a blanket "各项指标均已完成，无偏差。" explains no row\'s shortfall', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].deviation = '各项指标均已完成，无偏差。'; },
    want: [{ fields: ['indicators[0].deviation', 'indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'], actual: '各项指标均已完成，无偏差。',
      message: '第1项指标（完成任务数）实际完成值“90%”未达到年度指标值“100%”，但偏差原因栏只写了“各项指标均已完成，无偏差。”，未说明原因' }] },
  { name: '"均按计划完成，不存在偏差" and "全部完成" are claims, not reasons', edit: (r) => { r.indicators[0].score = '28'; r.indicators[0].deviation = '均按计划完成，不存在偏差'; r.indicators[1].score = '28'; r.indicators[1].deviation = '全部完成'; },
    want: [{ fields: ['indicators[0].deviation', 'indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'], actual: '均按计划完成，不存在偏差' },
      { fields: ['indicators[1].deviation', 'indicators[1].score', 'indicators[1].weight', 'indicators[1].actual', 'indicators[1].target'], actual: '全部完成' }] },
  { name: 'score below weight although met', edit: (r) => { r.indicators[1].score = '28'; },
    want: [{ fields: ['indicators[1].deviation', 'indicators[1].score', 'indicators[1].weight', 'indicators[1].actual', 'indicators[1].target'] }] },
]);

table('target-missed-full-score', {}, [
  { name: 'all met' },
  { name: '"=" means ≥: 100% against =95%', edit: (r) => { r.indicators[0].target = '=95%'; } },
  { name: '定性 is not judged', edit: (r) => { r.indicators[0].nature = '定性'; r.indicators[0].actual = '90%'; } },
  { name: 'score reduced', edit: (r) => { r.indicators[0].actual = '90%'; r.indicators[0].score = '27'; } },
], [
  { name: '90% against 100%, full score', edit: (r) => { r.indicators[0].actual = '90%'; },
    want: [{ fields: ['indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'], actual: '30' }] },
  { name: '≤3天 missed with 4天', edit: (r) => { r.indicators[2].actual = '4天'; }, want: [{ fields: ['indicators[2].score', 'indicators[2].weight', 'indicators[2].actual', 'indicators[2].target'] }] },
  { name: 'direction from 指标性质', edit: (r) => { r.indicators[0].nature = '≤'; r.indicators[0].target = '5'; r.indicators[0].actual = '6'; r.indicators[0].measure = '次'; },
    want: [{ fields: ['indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'] }] },
  { name: 'an unsigned target of 0 is missed by 1: "0起" 安全事故 with 1起, full score', edit: (r) => { r.indicators[2] = indicator('30', '30', { target: '0起', actual: '1起' }); },
    want: [{ fields: ['indicators[2].score', 'indicators[2].weight', 'indicators[2].actual', 'indicators[2].target'], actual: '30' }] },
]);

table('proportional-score', {}, [
  { name: 'all met' },
  { name: 'proportional 80% × 30 = 24', edit: (r) => { r.indicators[0].actual = '80%'; r.indicators[0].score = '24'; } },
  { name: 'reverse: either formula accepted (8.33)', edit: (r) => { r.indicators[2] = indicator('10', '8.3', { target: '≤10天', actual: '12天' }); } },
], [
  { name: '80% scored 27 of 30', edit: (r) => { r.indicators[0].actual = '80%'; r.indicators[0].score = '27'; },
    want: [{ fields: ['indicators[0].score', 'indicators[0].weight', 'indicators[0].actual', 'indicators[0].target'], actual: '27', expected: '24.00', difference: '3.00' }] },
  { name: 'reverse: 12天 against ≤10天 scored 8.5 of 10', edit: (r) => { r.indicators[2] = indicator('10', '8.5', { target: '≤10天', actual: '12天' }); },
    want: [{ expected: '8.33', difference: '0.17' }] },
]);

table('group-weight', {}, [
  { name: 'no printed group weights' },
  { name: '产出指标(60分) = 30 + 30', edit: (r) => { r.indicatorGroups = [{ level1: '产出指标', weight: '60' }]; } },
  { name: 'check 33: goal-block weights are check 11\'s', edit: (r) => fourBox(r, ['40', '40']) },
  { name: 'check 33: indicators without a weight key are skipped', edit: (r) => { for (const i of r.indicators) delete i.weight; r.indicatorGroups = [{ level1: '产出指标', weight: '50' }]; } },
  { name: '产出指标(60分) = a 分值 60 merged over its two indicators', edit: (r) => { r.indicatorGroups = [{ level1: '产出指标', weight: '60' }]; mergeFirstTwo(r); } },
], [
  { name: '产出指标(50分) ≠ 60', edit: (r) => { r.indicatorGroups = [{ level1: '产出指标', weight: '50' }]; },
    want: [{ fields: ['indicatorGroups[0].weight', 'indicators[*].weight'], actual: '50', expected: '60', difference: '-10' }] },
  { name: '产出指标(60分) ≠ a 分值 50 merged over its two indicators', edit: (r) => { r.indicatorGroups = [{ level1: '产出指标', weight: '60' }]; mergeFirstTwo(r, '50', '50'); },
    want: [{ fields: ['indicatorGroups[0].weight', 'indicators[*].weight'], actual: '60', expected: '50', difference: '10' }] },
]);

const sichuan = (r: FormRecord) => { r.form = 'project'; r.layout = 'project-sichuan'; src(r).total.reason = null; };
table('threshold', { line: 'funds.sources.total', below: '90', requireFilled: 'funds.sources.total.reason' }, [
  { name: '95% without reason', edit: sichuan },
  { name: '85% with a reason', edit: (r) => { sichuan(r); src(r).total.actual = '85.00'; src(r).total.rate = '85.00'; src(r).total.reason = '项目延期'; } },
  { name: 'no reason column', edit: (r) => { src(r).total.actual = '85.00'; src(r).total.rate = '85.00'; } },
], [
  { name: '85% with an empty reason', edit: (r) => { sichuan(r); src(r).total.actual = '85.00'; src(r).total.rate = '85.00'; },
    want: [{ fields: ['funds.sources.total.reason', 'funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'], actual: null }] },
  { name: 'blank rate computed 85%, reason "/"', edit: (r) => { sichuan(r); src(r).total.actual = '85.00'; src(r).total.rate = null; src(r).total.reason = '/'; },
    want: [{ fields: ['funds.sources.total.reason', 'funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'] }] },
]);

table('units', {}, [
  { name: 'plausible 万元 amounts' },
  { name: 'a 元 form with a real total', edit: (r) => { r.sourceUnit = '元'; } },
], [
  { name: '万元 table typed in 元 (whole ≥ 10,000 everywhere)', edit: (r) => {
    for (const block of [src(r), uses(r)]) for (const l of Object.values(block)) { if (l.budget) l.budget = l.budget.replace('.00', '0000'); if (l.actual) l.actual = l.actual.replace('.00', '0000'); }
  }, want: [{ fields: ['unit'], actual: '万元', expected: '元' }] },
  { name: 'an amount of 百亿元', edit: (r) => { uses(r).project.initial = '1500000.00'; }, want: [{ fields: ['unit'], actual: '万元' }] },
  { name: '元 table whose total is below 1,000 元', edit: (r) => { r.sourceUnit = '元'; src(r).total.budget = '0.0100'; src(r).total.actual = '0.0095'; },
    want: [{ fields: ['unit'], actual: '元', expected: '万元' }] },
]);

table('completeness', { fields: ['goals[*].result', 'conclusions.problems', 'indicators[*].deviation'], patterns: ['[（(]\\s*\\d+\\s*字以[内下]\\s*[）)]', '^对照年度目标[，,]?\\s*说明'] }, [
  { name: 'filled cells' },
  { name: 'a result that mentions 字 in prose', edit: (r) => { r.goals[0].result = '完成200字以内的简报编写5期'; } },
], [
  { name: '"(200字以内)" left in the result', edit: (r) => { r.goals[0].result = '（200字以内）'; }, want: [{ fields: ['goals[0].result'] }] },
  { name: '"对照年度目标，说明…" left in problems', edit: (r) => { r.conclusions.problems = '对照年度目标，说明未完成的原因'; }, want: [{ fields: ['conclusions.problems'] }] },
]);

table('placeholder-indicator', {}, [
  { name: 'real indicators' },
  { name: 'a placeholder row without numbers', edit: (r) => { r.indicators.push(indicator(null, null, { name: '指标2：' })); } },
], [
  { name: '"指标2：" carrying a weight', edit: (r) => { r.indicators.push(indicator('5', null, { name: '指标2：' })); },
    want: [{ fields: ['indicators[3].name', 'indicators[3].weight', 'indicators[3].score'], actual: '指标2：' }] },
  { name: '"……" carrying a score', edit: (r) => { r.indicators.push(indicator(null, '5', { name: '……' })); }, want: [{ actual: '……' }] },
]);

table('required', { fields: ['funds.sources.total.budget', 'funds.sources.total.actual', 'total.score'] }, [
  { name: 'all filled' },
  { name: 'a non-number is not blank', edit: (r) => { r.total.score = null; cell(r, 'total.score', 'NaN', 'nan', { row: 9, col: 2 }); } },
  { name: 'a missing cell (unreadable total row) is not blank', edit: (r) => { r.total.score = null; unreadable(r, 'total'); } },
  { name: 'a missing fund line (unreadable fund block) is not blank', edit: (r) => { r.funds.sources = {}; unreadable(r, 'fund'); } },
], [
  { name: 'total score blank', edit: (r) => { r.total.score = null; }, want: [{ fields: ['total.score'], actual: null, message: '总分得分未填写' }] },
  { name: 'budget written "－"', edit: (r) => { src(r).total.budget = null; r.provenance['funds.sources.total.budget'] = { table: 0, row: 2, col: 1, page: null, raw: '－' }; },
    want: [{ fields: ['funds.sources.total.budget'] }] },
]);

table('not-a-number', {}, [
  { name: 'numbers and placeholders', edit: (r) => { src(r).other.rate = null; r.provenance['funds.sources.other.rate'] = { table: 0, row: 3, col: 3, page: null, raw: '—' }; } },
  { name: 'text columns are not numbers', edit: (r) => { r.indicators[0].actual = '健全'; r.provenance['indicators[0].actual'] = { table: 0, row: 20, col: 4, page: null, raw: '健全' }; } },
], [
  { name: '"1.2.3" in a money cell', edit: (r) => { src(r).fiscal.budget = null; cell(r, 'funds.sources.fiscal.budget', '1.2.3', 'nan', { row: 2, col: 1 }); },
    want: [{ fields: ['funds.sources.fiscal.budget'], actual: null, message: /“1\.2\.3”/ }] },
  { name: '"约5" as an indicator score', edit: (r) => { r.indicators[1].score = null; cell(r, 'indicators[1].score', '约5', 'nan', { row: 21, col: 6 }); },
    want: [{ fields: ['indicators[1].score'], message: /约5/ }] },
  { name: 'decided by cellIssues, in document order, without provenance too', edit: (r) => {
    r.total.score = null; r.cellIssues['total.score'] = 'nan';
    r.indicators[1].score = null; cell(r, 'indicators[1].score', '约5', 'nan', { row: 21, col: 6 });
    src(r).fiscal.budget = null; cell(r, 'funds.sources.fiscal.budget', '1.2.3', 'nan', { row: 2, col: 1 });
  }, want: [{ fields: ['funds.sources.fiscal.budget'] }, { fields: ['indicators[1].score'] }, { fields: ['total.score'], message: '总分得分填写的不是一个数字' }] },
  { name: 'a spreadsheet\'s error value is named for what it is', edit: (r) => { src(r).other.rate = null; cell(r, 'funds.sources.other.rate', '#DIV/0!', 'nan', { row: 3, col: 3 }); },
    want: [{ fields: ['funds.sources.other.rate'], message: '其他资金执行率显示的“#DIV/0!”是表格公式的错误值（除数为零，如预算数为0时计算执行率），不是一个数字；没有数的栏目请填“—”或留空' }] },
]);

table('rate-fraction', {}, [
  { name: 'rates with %', edit: (r) => { cell(r, 'funds.sources.total.rate', '95.00%', undefined, { row: 1, col: 3 }); } },
  { name: 'raw text alone decides nothing (no cellIssues entry)', edit: (r) => { src(r).total.rate = '95'; cell(r, 'funds.sources.total.rate', '0.95', undefined, { row: 1, col: 3 }); } },
  { name: 'in an unreadable fund block: missing, not a value', edit: (r) => { src(r).total.rate = '95'; cell(r, 'funds.sources.total.rate', '0.95', 'fraction'); unreadable(r, 'fund'); } },
], [
  { name: '"0.95" read as 95%', edit: (r) => { src(r).total.rate = '95'; cell(r, 'funds.sources.total.rate', '0.95', 'fraction', { row: 1, col: 3 }); },
    want: [{ fields: ['funds.sources.total.rate'], actual: '95', message: '资金来源合计执行率写作“0.95”（没有百分号），按95%读取' }] },
]);

table('cell-unit', {}, [
  { name: 'no cell prints its own unit' },
  { name: 'the form\'s own unit is no issue', edit: (r) => { cell(r, 'funds.sources.fiscal.budget', '80.00万元'); } },
  { name: 'in an unreadable fund block', edit: (r) => { src(r).fiscal.actual = '1172.3500'; cell(r, 'funds.sources.fiscal.actual', '11723500元', 'unit'); unreadable(r, 'fund'); } },
], [
  { name: '"11723500元" in a 万元 form', edit: (r) => { src(r).fiscal.actual = '1172.3500'; cell(r, 'funds.sources.fiscal.actual', '11723500元', 'unit', { row: 2, col: 2 }); },
    want: [{ fields: ['funds.sources.fiscal.actual'], actual: '1172.3500', expected: null, difference: null,
      message: '财政拨款全年执行数写作“11723500元”，自带单位元，与表中金额单位万元不同，已换算为1172.3500万元计入，请核实' }] },
  { name: '"20万元" in a 元 form, in document order', edit: (r) => {
    r.sourceUnit = '元';
    uses(r).project.budget = '20'; cell(r, 'funds.uses.project.budget', '20 万元', 'unit', { row: 9, col: 1 });
    src(r).other.budget = '20'; cell(r, 'funds.sources.other.budget', '20万元', 'unit', { row: 3, col: 1 });
  }, want: [{ fields: ['funds.sources.other.budget'], actual: '20', message: /写作“20万元”，自带单位万元，与表中金额单位元不同，已换算为200,000元计入/ },
    { fields: ['funds.uses.project.budget'] }] },
]);

table('formula-uncached', {}, [
  { name: 'no formula without its value' },
  { name: 'a formula with its cached value is read as a value', edit: (r) => { cell(r, 'funds.sources.total.actual', '950.00'); } },
], [
  { name: 'a formula total without cached value, named the Excel way', edit: (r) => {
    src(r).total.actual = null;
    cell(r, 'funds.sources.total.actual', '', 'formula', { row: 4, col: 3 });
    r.provenance['funds.sources.total.actual'].sheet = '自评表';
  }, want: [{ fields: ['funds.sources.total.actual'], actual: null, expected: null, difference: null, message: /（自评表!D5）是公式，文件中没有保存它的计算结果/ }] },
]);

table('block-unreadable', {}, [
  { name: 'every block read' },
  { name: 'an absent block is not unreadable', edit: (r) => { r.blocks.goals = 'absent'; r.goals = []; } },
], [
  { name: 'the fund block: where and why', edit: (r) => unreadable(r, 'fund', { table: 0, row: 4, page: 2, label: '项目资金（万元）', reason: '表头无法识别。' }),
    want: [{ fields: ['blocks.fund'], actual: null, expected: null, difference: null,
      message: '资金表未能读取（第1张表第5行，第2页，印有“项目资金（万元）”）：表头无法识别。需要资金表数据的检查均已跳过，请对照原表人工核对资金表。' }] },
  { name: 'two blocks: one finding each, no page', edit: (r) => {
    unreadable(r, 'indicators', { table: 1, row: 0, label: '绩效指标', reason: '列数与表头不符' });
    unreadable(r, 'total', { table: 1, row: 30, label: '总分', reason: '总分行的得分栏无法定位' });
  }, want: [
    { fields: ['blocks.indicators'], message: '绩效指标表未能读取（第2张表第1行，印有“绩效指标”）：列数与表头不符。需要绩效指标表数据的检查均已跳过，请对照原表人工核对绩效指标表。' },
    { fields: ['blocks.total'], message: /^总分行未能读取（第2张表第31行，印有“总分”）：总分行的得分栏无法定位。/ },
  ] },
  { name: 'a workbook: the label\'s cell named the Excel way', edit: (r) => unreadable(r, 'goals', { table: 0, row: 9, col: 0, sheet: '自评表', label: '年度总体目标', reason: '年度总体目标栏中没有可识别的目标和完成情况' }),
    want: [{ fields: ['blocks.goals'], message: '年度总体目标未能读取（自评表!A10，印有“年度总体目标”）：年度总体目标栏中没有可识别的目标和完成情况。需要年度总体目标数据的检查均已跳过，请对照原表人工核对年度总体目标。' }] },
  { name: 'marked unreadable without a note: still reported', edit: (r) => { r.blocks.goals = 'unreadable'; },
    want: [{ fields: ['blocks.goals'], message: /^年度总体目标未能读取：/ }] },
  { name: 'a table the page\'s right edge cut: one finding for the blocks it cut, said once', edit: (r) => {
    const why = '表格超出页面右边缘，“分值”栏右侧的内容被截去（截断处露出“得”）';
    r.unreadBlocks.push(
      { block: 'fund', table: 0, row: 3, page: 1, label: null, reason: why, cut: 'right' },
      { block: 'indicators', table: 0, row: 15, page: 1, label: null, reason: why, cut: 'right' },
      { block: 'total', table: 0, row: 26, page: 2, label: null, reason: why, cut: 'right' },
    );
  }, want: [{ fields: ['blocks.fund', 'blocks.indicators', 'blocks.total'], actual: null, expected: null, difference: null,
    message: '第1张表（第1、2页）：表格超出页面右边缘，“分值”栏右侧的内容被截去（截断处露出“得”）。资金表、绩效指标表、总分行中被截去的栏目未能读取，按缺失处理（不当作空白），需要这些数据的检查均已跳过；请对照原表人工核对，或请填报单位把表格调整到页面宽度以内后重新导出PDF。' }] },
  { name: 'a cut after a different column in each block: each block with its own part', edit: (r) => {
    r.unreadBlocks.push(
      { block: 'fund', table: 0, row: 3, page: 1, label: null, reason: '表格超出页面右边缘，“执行率”栏右侧的内容被截去', cut: 'right' },
      { block: 'indicators', table: 0, row: 14, page: 1, label: null, reason: '表格超出页面右边缘，“实际完成值”栏右侧的内容被截去', cut: 'right' },
    );
  }, want: [{ fields: ['blocks.fund', 'blocks.indicators'],
    message: /^第1张表（第1页）：表格超出页面右边缘，资金表“执行率”栏右侧的内容被截去；绩效指标表“实际完成值”栏右侧的内容被截去。资金表、绩效指标表中被截去的栏目未能读取/ }] },
]);

describe('block-unreadable options', () => {
  it('reports only the blocks listed', () => {
    const r = cleanRecord();
    unreadable(r, 'fund');
    unreadable(r, 'goals');
    expect(runKind('block-unreadable', { blocks: ['goals'] }, r).map((d) => d.fields)).toEqual([['blocks.goals']]);
  });
});

table('narrative-equals-table', { fact: 'narrative.facts.spending.basic', table: 'funds.uses.basic.actual' }, [
  { name: 'nothing stated' },
  { name: 'equal', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('58.00'), fact('58', 2)]; } },
  { name: 'within rounding', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('58.0')]; uses(r).basic.actual = '58.04'; } },
  { name: 'approximate figures never raise an error', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('50', 1, '50万余元', true)]; } },
  { name: 'the table cell lies in an unreadable fund block', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('57.00')]; unreadable(r, 'fund'); } },
  { name: '"1.17亿元" (11700 to −2 decimals, ± 50) against 11683.45', edit: (r) => {
    r.narrative.facts['spending.basic'] = [{ ...fact('11700', 1, '基本支出1.17亿元'), decimals: -2 }]; uses(r).basic.actual = '11683.45'; } },
  { name: '"8,497,166.35元" (849.716635) against 849.72', edit: (r) => {
    r.narrative.facts['spending.basic'] = [fact('849.716635', 1, '基本支出8,497,166.35元')]; uses(r).basic.actual = '849.72'; } },
], [
  { name: '"1.17亿元" against 11649.99: outside ± 50', edit: (r) => {
    r.narrative.facts['spending.basic'] = [{ ...fact('11700', 1, '基本支出1.17亿元'), decimals: -2 }]; uses(r).basic.actual = '11649.99'; },
    want: [{ actual: '11700', expected: '11649.99', difference: '50.01' }] },

  { name: 'stated twice with the same wrong value: once', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('57.00', 1), fact('57.00', 4)]; },
    want: [{ fields: ['narrative.facts.spending.basic', 'funds.uses.basic.actual'], actual: '57.00', expected: '58.00', difference: '-1.00' }] },
  { name: 'two different wrong values: each', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('57.00', 1), fact('59.00', 4)]; },
    want: [{ actual: '57.00' }, { actual: '59.00', difference: '1.00' }] },
  { name: 'a 元 form: both figures and the difference in 元, as printed (probe W P17)', edit: (r) => {
    r.sourceUnit = '元'; uses(r).basic.actual = '82.635000'; r.narrative.facts['spending.basic'] = [fact('86.235000', 1, '基本支出862,350.00元')]; },
    want: [{ actual: '86.235000', expected: '82.635000', difference: '3.600000',
      message: '文字部分所述基本支出862,350.00元，与表中基本支出全年执行数826,350.00元不一致（相差36,000.00元）' }] },
  { name: 'a 万元 form: in 万元', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('57.00', 1)]; },
    want: [{ message: '文字部分所述基本支出57.00万元，与表中基本支出全年执行数58.00万元不一致（相差-1.00万元）' }] },
  { name: 'a 万元 form, the narrative in 元: its figure as printed, the difference to the table\'s 2 decimals (probe Y Y06)', edit: (r) => {
    r.narrative.facts['spending.basic'] = [fact('57.000000', 1, '基本支出570,000.00元')]; },
    want: [{ actual: '57.000000', expected: '58.00', difference: '-1.000000',
      message: '文字部分所述基本支出570,000.00元，与表中基本支出全年执行数58.00万元不一致（相差-1.00万元）' }] },
  { name: 'a 元 form, the narrative in 万元: its figure as printed, not in 元 (probe Y Y19)', edit: (r) => {
    r.sourceUnit = '元'; uses(r).basic.actual = '120.360000'; r.narrative.facts['spending.basic'] = [fact('126.36', 1, '基本支出126.36万元')]; },
    want: [{ actual: '126.36', expected: '120.360000', difference: '6.000000',
      message: '文字部分所述基本支出126.36万元，与表中基本支出全年执行数1,203,600.00元不一致（相差60,000.00元）' }] },
  { name: 'a difference with digits past 2 decimals keeps them (nothing rounded)', edit: (r) => {
    r.narrative.facts['spending.basic'] = [fact('57.9945', 1, '基本支出579,945元')]; },
    want: [{ difference: '-0.0055', message: '文字部分所述基本支出579,945元，与表中基本支出全年执行数58.00万元不一致（相差-0.0055万元）' }] },
]);

const f = (...vs: string[]) => vs.map((v, i) => fact(v, i));
table('fact-sum', {
  total: 'funds.sources.total.budget',
  parts: [{ path: 'narrative.facts.budget.initial' }, { path: 'narrative.facts.budget.added', optional: true }, { path: 'narrative.facts.budget.cut', minus: true, optional: true }],
  needAnyOf: ['narrative.facts.budget.added', 'narrative.facts.budget.cut'],
}, [
  { name: 'nothing stated' },
  { name: '80 + 20 = 100.00', edit: (r) => { r.narrative.facts['budget.initial'] = f('80'); r.narrative.facts['budget.added'] = f('20'); } },
  { name: '110 − 10 = 100.00', edit: (r) => { r.narrative.facts['budget.initial'] = f('110.00'); r.narrative.facts['budget.cut'] = f('10.00'); } },
  { name: 'no added/cut stated: not checked', edit: (r) => { r.narrative.facts['budget.initial'] = f('80'); } },
], [
  { name: 'table budget holds the initial budget', edit: (r) => { r.narrative.facts['budget.initial'] = f('100.00'); r.narrative.facts['budget.added'] = f('20.00'); },
    want: [{ fields: ['funds.sources.total.budget', 'narrative.facts.budget.initial', 'narrative.facts.budget.added'], actual: '100.00', expected: '120.00', difference: '-20.00' }] },
  { name: 'a cut subtracts', edit: (r) => { r.narrative.facts['budget.initial'] = f('100.00'); r.narrative.facts['budget.cut'] = f('10.00'); },
    want: [{ fields: ['funds.sources.total.budget', 'narrative.facts.budget.initial', 'narrative.facts.budget.cut'], expected: '90.00', difference: '10.00' }] },
  { name: 'a 元 form: every figure in 元', edit: (r) => {
    r.sourceUnit = '元'; src(r).total.budget = '100.000000';
    r.narrative.facts['budget.initial'] = [fact('100.000000', 0, '年初预算1,000,000.00元')]; r.narrative.facts['budget.added'] = [fact('20.000000', 0, '追加预算200,000.00元')]; },
    want: [{ difference: '-20.000000',
      message: '表中资金来源合计全年预算数1,000,000.00元，与文字部分所述年初预算1,000,000.00元 + 追加预算200,000.00元 = 1,200,000.00元不一致（相差-200,000.00元）' }] },
]);

describe('fact-sum: how the figures read', () => {
  it('a 万元 form, the narrative in 元: each figure as printed, sum and difference to 2 decimals (probe X b07)', () => {
    const r = cleanRecord();
    r.narrative.facts['spending.total'] = [fact('1523.4600', 1, '决算总支出15234600元')];
    r.narrative.facts['spending.basic'] = [fact('1012.3300', 1, '其中基本支出10123300元')];
    r.narrative.facts['spending.project'] = [fact('511.3100', 1, '项目支出5113100元')];
    const opts = { total: 'narrative.facts.spending.total', parts: [{ path: 'narrative.facts.spending.basic' }, { path: 'narrative.facts.spending.project' }] };
    const got = runKind('fact-sum', opts, r);
    expect(got).toMatchObject([{ actual: '1523.4600', expected: '1523.6400', difference: '-0.1800' }]);
    expect(kindMessage(RULE_KINDS.get('fact-sum')!, got[0].messageId, got[0].data)).toBe(
      '文字部分所述决算总支出15234600元，与基本支出10123300元 + 项目支出5113100元 = 1523.64万元不一致（相差-0.18万元）',
    );
  });
});

describe('fact-sum: a concept stated with several figures', () => {
  const spending = { total: 'narrative.facts.spending.total', parts: [{ path: 'narrative.facts.spending.basic' }, { path: 'narrative.facts.spending.project' }] };
  it('holds when one reading holds (a sub-unit\'s own 全年支出 beside the whole)', () => {
    const r = cleanRecord();
    r.narrative.facts['spending.total'] = [fact('3456.20', 1), fact('3712.46', 2), fact('486.30', 4)];
    r.narrative.facts['spending.basic'] = [fact('1398.74', 2)];
    r.narrative.facts['spending.project'] = [fact('2313.72', 2)];
    expect(runKind('fact-sum', spending, r)).toEqual([]);
  });
  it('no reading holds: one finding, on the reading nearest to holding', () => {
    const r = cleanRecord();
    r.narrative.facts['spending.total'] = [fact('4188.96', 1), fact('158.60', 4)];
    r.narrative.facts['spending.basic'] = [fact('1200.00', 1), fact('1238.40', 2)];
    r.narrative.facts['spending.project'] = [fact('2800.00', 1)];
    expect(runKind('fact-sum', spending, r)).toMatchObject([{ actual: '4188.96', expected: '4038.40', difference: '150.56' }]);
  });
  it('a 亿元 total holds within its printed precision', () => {
    const r = cleanRecord();
    r.narrative.facts['spending.total'] = [{ ...fact('11700', 1, '全年决算支出1.17亿元'), decimals: -2 }];
    r.narrative.facts['spending.basic'] = [fact('2046.82', 1)];
    r.narrative.facts['spending.project'] = [fact('9636.63', 1)];
    expect(runKind('fact-sum', spending, r)).toEqual([]);
  });
});

describe('fact-sum options', () => {
  const econ = {
    total: 'funds.uses.basic.actual', orTotals: ['funds.uses.total.actual'],
    parts: [{ path: 'narrative.facts.econ.wages' }, { path: 'narrative.facts.econ.goodsServices' }],
  };
  it('holds against the alternative total', () => {
    const r = cleanRecord();
    r.narrative.facts['econ.wages'] = f('80.00');
    r.narrative.facts['econ.goodsServices'] = f('15.00');
    expect(runKind('fact-sum', econ, r)).toEqual([]);
  });
  it('a required part not stated skips the rule', () => {
    const r = cleanRecord();
    r.narrative.facts['econ.wages'] = f('1.00');
    expect(runKind('fact-sum', econ, r)).toEqual([]);
  });
  it('unlessHolds: the personnel identity is skipped when the breakdown is of all spending', () => {
    const opts = {
      total: 'funds.uses.personnel.actual',
      parts: [{ path: 'narrative.facts.econ.wages' }, { path: 'narrative.facts.econ.householdSubsidy' }],
      unlessHolds: { total: 'funds.uses.total.actual', parts: [{ path: 'narrative.facts.econ.wages' }, { path: 'narrative.facts.econ.goodsServices' }, { path: 'narrative.facts.econ.householdSubsidy' }] },
    };
    const r = cleanRecord();
    r.narrative.facts['econ.wages'] = f('70.00');
    r.narrative.facts['econ.goodsServices'] = f('20.00');
    r.narrative.facts['econ.householdSubsidy'] = f('5.00');
    expect(runKind('fact-sum', opts, r)).toEqual([]); // 70 + 20 + 5 = 95.00 = total spending
    r.narrative.facts['econ.goodsServices'] = f('15.00');
    expect(runKind('fact-sum', opts, r)).toMatchObject([
      { fields: ['funds.uses.personnel.actual', 'narrative.facts.econ.wages', 'narrative.facts.econ.householdSubsidy'], actual: '39.00', expected: '75.00', difference: '-36.00' },
    ]);
  });
  it('minParts: three of four three-public parts needed (whole figures ± 0.5 each, zero exact)', () => {
    const opts = { total: 'narrative.facts.threePublic.total', minParts: 3,
      parts: ['abroad', 'reception', 'vehiclePurchase', 'vehicleOps'].map((p) => ({ path: `narrative.facts.threePublic.${p}`, optional: true })) };
    const r = cleanRecord();
    r.narrative.facts['threePublic.total'] = f('6');
    r.narrative.facts['threePublic.reception'] = f('3');
    expect(runKind('fact-sum', opts, r)).toEqual([]);
    r.narrative.facts['threePublic.abroad'] = f('0');
    r.narrative.facts['threePublic.vehicleOps'] = f('1');
    expect(runKind('fact-sum', opts, r)).toMatchObject([{ actual: '6', expected: '4', difference: '2' }]);
  });
});

table('fact-conflict', {}, [
  { name: 'same figure twice', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('1150.05', 3), fact('1150.050', 6)]; } },
  { name: 'an approximation differs', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('1150.05', 3), fact('1100', 6, '1100万余元', true)]; } },
  { name: '849.72万元 and 8,497,166.35元: one figure in two units', edit: (r) => {
    r.narrative.facts['spending.total'] = [fact('849.72', 3), fact('849.716635', 6, '全年支出8,497,166.35元')]; } },
  { name: '1.17亿元 and 11683.45万元', edit: (r) => {
    r.narrative.facts['spending.total'] = [{ ...fact('11700', 3, '全年决算支出1.17亿元'), decimals: -2 }, fact('11683.45', 6)]; } },
  { name: 'a stated rate or score is no money (its own rules compare it)', edit: (r) => {
    r.narrative.facts['rate.execution'] = [fact('98.5', 3, '执行率98.5%'), fact('100', 6, '执行率100%')]; } },
], [
  { name: '1150.05 then 1155.05', edit: (r) => { r.narrative.facts['spending.basic'] = [fact('1150.05', 3), fact('1155.05', 6), fact('1150.05', 8)]; },
    want: [{ fields: ['narrative.facts.spending.basic'], actual: '1155.05', expected: '1150.05', difference: '5.00',
      message: '文字部分对基本支出先写1150.05万元，又写1155.05万元，前后不一致（相差5.00万元）' }] },
  { name: 'a 元 form: in 元', edit: (r) => {
    r.sourceUnit = '元'; r.narrative.facts['spending.basic'] = [fact('86.235000', 3, '基本支出862,350.00元'), fact('82.635000', 6, '基本支出826,350.00元')]; },
    want: [{ difference: '-3.600000', message: '文字部分对基本支出先写862,350.00元，又写826,350.00元，前后不一致（相差-36,000.00元）' }] },
]);

const change = (r: FormRecord, now: string, amount: string, percent: string, direction: 'increase' | 'decrease' = 'decrease') => {
  r.narrative.facts['threePublic.reception'] = [fact(now, 10)];
  r.narrative.changes = [{ concept: 'threePublic.reception', amount, direction, percent, quote: '…', paragraph: 10 }];
};
table('change-consistent', {}, [
  { name: '0, 减少9万元，降低100%', edit: (r) => change(r, '0', '9', '100') },
  { name: '1, 减少9万元，降低90%', edit: (r) => change(r, '1', '9', '90') },
  { name: '12.5, 增加2.5万元，增长25%', edit: (r) => change(r, '12.5', '2.5', '25', 'increase') },
], [
  { name: '1, 减少9万元，降低100%', edit: (r) => change(r, '1', '9', '100'),
    want: [{ fields: ['narrative.changes[0].percent', 'narrative.changes[0].amount', 'narrative.facts.threePublic.reception'], actual: '100', expected: '90.00', difference: '10.00' }] },
  { name: '12.5, 增加2.5万元，增长20%', edit: (r) => change(r, '12.5', '2.5', '20', 'increase'), want: [{ expected: '25.00', difference: '-5.00' }] },
  { name: 'a stated base: 比3520.18万元减少63.98万元，下降1.90%', edit: (r) => { change(r, '3456.20', '63.98', '1.90'); r.narrative.changes[0].base = '3520.18'; },
    want: [{ fields: ['narrative.changes[0].percent', 'narrative.changes[0].amount', 'narrative.changes[0].base'], actual: '1.90', expected: '1.82', difference: '0.08' }] },
  { name: 'the amount printed in 元: quoted as printed (probe Y Y06)', edit: (r) => {
    change(r, '1', '0.9', '100'); r.narrative.changes[0].quote = '比预算减少9,000元，降低100%'; },
    want: [{ actual: '100', expected: '47.37', difference: '52.63', message: /1万元，减少9,000元，应降低47\.37%，与所写的100%不符/ }] },
  { name: 'several figures stated, none fits: one finding, on the nearest', edit: (r) => {
    change(r, '5', '9', '100'); r.narrative.facts['threePublic.reception'].push(fact('1', 12), fact('2', 14)); },
    want: [{ actual: '100', expected: '90.00', difference: '10.00', factValues: { 'narrative.facts.threePublic.reception': '1' } }] },
]);

describe('change-consistent: the figure it is measured from', () => {
  it('a stated base decides: 63.98 ÷ 3520.18 = 1.82%, whatever else is stated', () => {
    const r = cleanRecord();
    change(r, '3456.20', '63.98', '1.82');
    r.narrative.facts['threePublic.reception'].push(fact('3712.46', 12), fact('486.30', 14));
    r.narrative.changes[0].base = '3520.18';
    expect(runKind('change-consistent', {}, r)).toEqual([]);
  });
  it('the figure stated in the change\'s own words comes first', () => {
    const r = cleanRecord();
    r.narrative.facts['threePublic.reception'] = [fact('0', 10, '公务接待费支出0万元'), fact('4', 12)];
    r.narrative.changes = [{ concept: 'threePublic.reception', amount: '9', direction: 'decrease', percent: '69.23',
      quote: '公务接待费支出0万元，比预算减少9万元，降低69.23%', paragraph: 10 }];
    // 9 ÷ (4 + 9) = 69.23% fits the other figure, but the change speaks of its own 0
    expect(runKind('change-consistent', {}, r)).toMatchObject([{ actual: '69.23', expected: '100.00' }]);
  });
  it('a change after a 其中 list may be its whole\'s: 1.20 ÷ (12.30 + 1.20) = 8.89% fits the 合计, none fitting reports the nearest', () => {
    const listed = (percent: string): FormRecord => {
      const r = cleanRecord();
      r.narrative.facts['threePublic.total'] = [fact('12.30', 10, '“三公”经费支出合计12.30万元')];
      r.narrative.facts['threePublic.vehicleOps'] = [fact('9.20', 10, '公务用车运行维护费9.20万元')];
      r.narrative.changes = [{ concept: 'threePublic.vehicleOps', whole: 'threePublic.total', amount: '1.20', direction: 'decrease', percent,
        quote: '公务用车运行维护费9.20万元，较2022年减少1.20万元，下降' + percent + '%', paragraph: 10 }];
      return r;
    };
    expect(runKind('change-consistent', {}, listed('8.89'))).toEqual([]);
    expect(runKind('change-consistent', {}, listed('11.54'))).toEqual([]);
    expect(runKind('change-consistent', {}, listed('9.50'))).toMatchObject([
      { actual: '9.50', expected: '8.89', fields: ['narrative.changes[0].percent', 'narrative.changes[0].amount', 'narrative.facts.threePublic.total'],
        factValues: { 'narrative.facts.threePublic.total': '12.30' } },
    ]);
  });
  it('any one of several stated figures that fits is enough', () => {
    const r = cleanRecord();
    change(r, '4', '9', '100');
    r.narrative.facts['threePublic.reception'].push(fact('0', 12));
    expect(runKind('change-consistent', {}, r)).toEqual([]);
  });
});

table('narrative-rate', { fact: 'narrative.facts.rate.execution', line: 'funds.sources.total' }, [
  { name: 'nothing stated' },
  { name: '95% against the printed 95.00', edit: (r) => { r.narrative.facts['rate.execution'] = [fact('95', 3, '执行率95%')]; } },
  { name: 'an approximation is no value', edit: (r) => { r.narrative.facts['rate.execution'] = [fact('90', 3, '执行率90%以上', true)]; } },
  { name: 'one of two stated rates fits', edit: (r) => { r.narrative.facts['rate.execution'] = [fact('80.5', 3, '执行率80.5%'), fact('95.0', 5, '执行率95.0%')]; } },
  { name: 'blank printed rate: 95.04% against 95.04 ÷ 100', edit: (r) => {
    r.narrative.facts['rate.execution'] = [fact('95.04', 3, '执行率95.04%')]; src(r).total.rate = null; src(r).total.actual = '95.04'; } },
], [
  { name: '109.13% against the printed 95.00', edit: (r) => { r.narrative.facts['rate.execution'] = [fact('109.13', 3, '执行率达到109.13%')]; },
    want: [{ fields: ['narrative.facts.rate.execution', 'funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget'],
      actual: '109.13', expected: '95.00', difference: '14.13' }] },
  { name: 'blank printed rate: 97% against 95.00 ÷ 100.00', edit: (r) => { r.narrative.facts['rate.execution'] = [fact('97', 3, '执行率97%')]; src(r).total.rate = null; },
    want: [{ actual: '97', expected: '95.00', difference: '2.00', message: /按表中全年执行数/ }] },
]);

table('narrative-score', { fact: 'narrative.facts.score.total', table: 'total.score' }, [
  { name: 'nothing stated' },
  { name: '99.5 against 99.50', edit: (r) => { r.narrative.facts['score.total'] = [fact('99.5', 3, '自评得分99.5分')]; } },
  { name: 'a whole 100 may be 99.50 rounded', edit: (r) => { r.narrative.facts['score.total'] = [fact('100', 3, '自评得分100分')]; } },
  { name: 'no table score', edit: (r) => { r.narrative.facts['score.total'] = [fact('90', 3, '自评得分90分')]; r.total.score = null; } },
], [
  { name: '98.50 against 99.50', edit: (r) => { r.narrative.facts['score.total'] = [fact('98.50', 3, '自评得分98.50分')]; },
    want: [{ fields: ['narrative.facts.score.total', 'total.score'], actual: '98.50', expected: '99.50', difference: '-1.00' }] },
  { name: 'a whole table score is exact: 99 against 98', edit: (r) => { r.narrative.facts['score.total'] = [fact('99', 3, '自评得分99分')]; r.total.score = '98'; },
    want: [{ actual: '99', expected: '98', difference: '1' }] },
]);

table('grade', {}, [
  { name: 'no printed grade' },
  { name: '优 with 99.50', edit: (r) => { r.grade = '优'; } },
  { name: '良好 with 85', edit: (r) => { r.grade = '良好'; r.total.score = '85'; } },
  // A row of check boxes (probe Q s02): the ticked one is the grade, not the first word.
  { name: '☐优 ☑良 ☐中 ☐差 with 85', edit: (r) => { r.grade = '☐优 ☑良 ☐中 ☐差'; r.total.score = '85'; } },
  { name: '□优 ■良 □中 □差 with 85', edit: (r) => { r.grade = '□优 ■良 □中 □差'; r.total.score = '85'; } },
  { name: 'boxes with none ticked: no grade printed', edit: (r) => { r.grade = '☐优 ☐良 ☐中 ☐差'; r.total.score = '85'; } },
], [
  { name: '优 with 89.9', edit: (r) => { r.grade = '优'; r.total.score = '89.9'; }, want: [{ fields: ['grade', 'total.score'], actual: '优', expected: '良' }] },
  { name: '☑优 ☐良 with 85', edit: (r) => { r.grade = '☑优 ☐良 ☐中 ☐差'; r.total.score = '85'; }, want: [{ fields: ['grade', 'total.score'], actual: '☑优 ☐良 ☐中 ☐差', expected: '良' }] },
  { name: '☐优 ☐良 ☒中 ☐差 with 99.50', edit: (r) => { r.grade = '☐优 ☐良 ☒中 ☐差'; }, want: [{ fields: ['grade', 'total.score'], expected: '优' }] },
]);

describe('met or missed (rules.md)', () => {
  const judge = (target: string, actual: string, extra: Record<string, string> = {}) =>
    judgeIndicator(indicator('10', '10', { target, actual, ...extra }))?.met ?? 'not judged';
  it.each([
    ['100%', '100%', true],
    ['100%', '99.9%', false],
    ['≥95%', '96%', true],
    ['＞95%', '95%', false],
    ['≤3天', '4天', false],
    ['＝100%', '98%', false],
    ['﹦100%', '100%', true],
    ['95%以上', '94%', false],
    ['3天以内', '2天', true],
    ['不低于90%', '91%', true],
    ['10000套', '10247套', true],
    ['1,000件', '999件', false],
    ['0起', '1起', false],
    ['0起', '0起', true],
    ['0%', '0.5%', false],
    ['=0次', '2次', false],
    ['≥0起', '1起', true],
    ['≤0起', '1起', false],
    ['健全', '健全', 'not judged'],
    ['100%', '有效提升', 'not judged'],
    ['100%', '90件', 'not judged'],
  ] as const)('target %s, actual %s → %s', (target, actual, met) => {
    expect(judge(target, actual)).toBe(met);
  });
  it('指标性质 decides the direction; 定性 is never judged', () => {
    expect(judge('5', '6', { nature: '≤', measure: '次' })).toBe(false);
    expect(judge('5', '4', { nature: '反向', measure: '次' })).toBe(true);
    expect(judge('90%', '80%', { nature: '定性' })).toBe('not judged');
    // a target of 0 with no sign (or "=") means none at all; a printed ≥ (正向) keeps its meaning
    expect(judge('0', '1', { measure: '起' })).toBe(false);
    expect(judge('0', '1', { nature: '=', measure: '起' })).toBe(false);
    expect(judge('0', '1', { nature: '正向', measure: '起' })).toBe(true);
  });
  it('reads quantities', () => {
    expect(readQuantity('≥ 95 %')).toMatchObject({ sign: 'ge', unit: '%' });
    expect(readQuantity('１００％')?.value.toString()).toBe('100');
    expect(readQuantity('达成预期指标')).toBeNull();
  });
  it('tells a stray first character (OCR\'s 三 for ≥) from a sign or a word', () => {
    expect(strayLead('三90%')).toBe('三');
    expect(strayLead(' 二 95%')).toBe('二');
    expect(strayLead('≥90%')).toBeNull();
    expect(strayLead('90%')).toBeNull();
    expect(strayLead('明显改善')).toBeNull();
    expect(strayLead('约100个以上完成任务')).toBeNull();
  });
});

const ocr = (r: FormRecord) => { r.readBy = 'ocr'; };

table('unread-quantity', {}, [
  { name: 'a document: "三90%" is what was typed, not a misread sign', edit: (r) => { r.indicators[0].target = '三90%'; } },
  { name: 'a scan with signs read (≥90%, <0.25万元) or none', edit: (r) => { ocr(r); r.indicators[0].target = '≥90%'; r.indicators[0].actual = '<0.25万元'; } },
  { name: 'a scan with a worded target (明显改善, 95%以上)', edit: (r) => { ocr(r); r.indicators[0].target = '明显改善'; r.indicators[0].actual = '95%以上'; } },
], [
  { name: 'a scan: ≥ read as 三, ≤ as 二 (with a space)', edit: (r) => { ocr(r); r.indicators[0].target = '三90%'; r.indicators[0].actual = '二 0.45万元'; },
    want: [
      { fields: ['indicators[0].target'], message: '第1项指标（完成任务数）的年度指标值“三90%”开头的“三”不是数字或≥、≤等符号，扫描件中未能可靠识别，未判断该指标是否达标' },
      { fields: ['indicators[0].actual'], message: /实际完成值“二 0.45万元”开头的“二”/ },
    ] },
]);

table('report-unbound', {}, [
  { name: 'no report bound to no form (key absent)', edit: () => {} },
  { name: 'an empty list', edit: (r) => { r.unboundReports = []; } },
], [
  { name: 'a Word file: the title, no page', edit: (r) => { r.unboundReports = [{ title: '2023年度动物疫病防控项目绩效自评报告', page: null, reason: '本文件中没有“动物疫病防控”的项目支出绩效自评表' }]; },
    want: [{ fields: ['unboundReports'], actual: null, expected: null, message: '文件中有一篇自评报告“2023年度动物疫病防控项目绩效自评报告”，但本文件中没有“动物疫病防控”的项目支出绩效自评表，未能确定它是哪张表的报告：报告中的数字未与任何表核对。请人工核对是否附错了报告或漏附了表。' }] },
  { name: 'a PDF: one finding per report, each with its page', edit: (r) => {
      r.unboundReports = [
        { title: '某某区教育局2023年度部门整体支出绩效自评报告', page: 3, reason: '本文件中没有“某某区教育局”的部门整体支出绩效自评表。' },
        { title: '项目支出绩效自评情况说明', page: 5, reason: '其标题与本文件中的2张表都相符，无法确定是哪一张表的报告' },
      ];
    },
    want: [
      { fields: ['unboundReports'], message: /^文件中有一篇自评报告“某某区教育局2023年度部门整体支出绩效自评报告”（第3页），但本文件中没有“某某区教育局”的部门整体支出绩效自评表，未能/ },
      { fields: ['unboundReports'], message: /“项目支出绩效自评情况说明”（第5页），但其标题与本文件中的2张表都相符/ },
    ] },
]);

describe('coverage of this file', () => {
  it('every registered kind has a valid/invalid table', () => {
    expect([...tabled].sort()).toEqual([...RULE_KINDS.keys()].sort());
  });
});
