// Label normalization and matching (src/recognize/labels.ts): the tolerance the
// recognizer relies on, case by case.
import { describe, expect, it } from 'vitest';
import { bestKey, labelHead, listMark, normLabel } from '../src/recognize/labels.js';

describe('normLabel', () => {
  it.each([
    ['资金\n来源', '资金来源'],
    ['执 行 率', '执行率'],
    ['　项   目', '项目'],
    ['（1）财政拨款', '财政拨款'],
    ['(2)其他资金', '其他资金'],
    ['1.基本支出', '基本支出'],
    ['一、基本支出', '基本支出'],
    ['（一）项目支出', '项目支出'],
    ['①全年预算数', '全年预算数'],
    ['其中：人员支出', '人员支出'],
    ['     公用支出', '公用支出'],
    ['整体资金\n\n（万元）', '整体资金'],
    ['全年预算数（元）', '全年预算数'],
    ['执行率(%)', '执行率'],
    ['执行率（B/A）', '执行率'],
    ['总分（100分）', '总分'],
    ['填报单位（盖章）', '填报单位(盖章)'],
    ['项目名称：', '项目名称'],
    ['2022年度', '2022年度'],
    // decorations real provincial layouts print (issue 12)
    ['得分(20分*执行率)', '得分'],
    ['预算执行情况(万元)(20分)', '预算执行情况'],
    ['年度预算申请 (万元', '年度预算申请'],
    ['④执行率\n④=③/②', '执行率'],
    ['全年预算数(A)', '全年预算数'],
    ['完成值（B）', '完成值'],
    ['执行率(B/A×100%)', '执行率'],
    ['★补助鱼塘面积', '补助鱼塘面积'],
    ['产 出 指 标 (50分)', '产出指标'],
    ['年度绩效目标1(40分)', '年度绩效目标1'],
    ['项目(工程)验收合格率', '项目(工程)验收合格率'],
  ])('%j → %j', (raw, want) => {
    expect(normLabel(raw)).toBe(want);
  });
});

describe('bestKey', () => {
  const columns = {
    initial: ['年初预算数', '年初预算'],
    budget: ['全年预算数', '调整后预算数', '预算数'],
    actual: ['全年执行数', '预算执行数', '执行数'],
    rate: ['执行率', '预算执行率'],
    score: ['得分'],
  };
  it('prefers an exact synonym over a contained one', () => {
    expect(bestKey('年初预算数', columns)).toBe('initial'); // also contains 预算数
    expect(bestKey('预算执行数', columns)).toBe('actual');
    expect(bestKey('预算执行率', columns)).toBe('rate');
  });
  it('falls back to the longest contained synonym', () => {
    expect(bestKey('本年调整后预算数', columns)).toBe('budget');
  });
  it('lets an ignore list win over a contained match (得分系数 is not 得分)', () => {
    expect(bestKey('得分系数', columns)).toBe('score');
    expect(bestKey('得分系数', columns, ['得分系数'])).toBeNull();
  });
  it('maps an unseen wording by its telling word, in the precedence of meanings', () => {
    const lexicon = {
      score: ['得分'],
      rate: ['执行率', '率'],
      weight: ['分值'],
      initial: ['年初'],
      actual: ['执行数', '执行', '实际', '支出'],
      budget: ['预算数', '预算', '安排'],
    };
    expect(bestKey('全年实际支出数', lexicon)).toBe('actual');
    expect(bestKey('预算安排数', lexicon)).toBe('budget');
    expect(bestKey('预算执行金额', lexicon)).toBe('actual'); // 执行 outranks 预算
    expect(bestKey('预算执行率', lexicon)).toBe('rate');
    expect(bestKey('年初预算安排', lexicon)).toBe('initial');
    expect(bestKey('自评得分', lexicon)).toBe('score');
    expect(bestKey('项目', lexicon)).toBeNull();
  });

  it('does not look for labels inside long text', () => {
    expect(bestKey('本年度全年预算数执行良好，资金使用规范，项目按期完成并通过验收，群众满意度较高', columns)).toBeNull();
  });
});

describe('listMark', () => {
  it('reads 其中, the numbering style and whether it opens a list, and an indent', () => {
    expect(listMark('其中：一般公共预算')).toEqual({ breakdown: true, marker: { style: 0, at: 0 }, numbering: null, indented: false, wordsAt: 3 });
    expect(listMark('（1）财政拨款')).toEqual({ breakdown: false, numbering: { style: '(1)', first: true }, indented: false, wordsAt: 0 });
    expect(listMark('(2)其他资金')).toEqual({ breakdown: false, numbering: { style: '(1)', first: false }, indented: false, wordsAt: 0 });
    expect(listMark('①中央补助')).toEqual({ breakdown: false, numbering: { style: '①', first: true }, indented: false, wordsAt: 0 });
    expect(listMark('②县级配套').numbering).toEqual({ style: '①', first: false });
    expect(listMark('1.本级财政资金').numbering).toEqual({ style: '1.', first: true });
    expect(listMark('一、财政拨款').numbering).toEqual({ style: '一、', first: true });
    expect(listMark('（二）其他资金').numbering).toEqual({ style: '(一)', first: false });
    expect(listMark('其中:(1)本级')).toEqual({ breakdown: true, marker: { style: 0, at: 0 }, numbering: { style: '(1)', first: true }, indented: false, wordsAt: 2.5 });
    expect(listMark('　　　上级补助资金')).toEqual({ breakdown: false, numbering: null, indented: true, wordsAt: 3 });
    // where the words start, in glyphs: a half-width blank or colon is half of one
    expect(listMark('    其中:中央补助资金').wordsAt).toBe(4.5);
    expect(listMark('上年结转资金')).toEqual({ breakdown: false, numbering: null, indented: false, wordsAt: 0 });
  });

  it('reads the lexicon\'s other breakdown markers, which group each is, and where it is printed', () => {
    const groups = [['其中'], ['含', '包括'], ['—', '-'], ['·']];
    expect(listMark('含：中央衔接资金', groups).marker).toEqual({ style: 1, at: 0 });
    expect(listMark('—中央结转资金', groups).marker).toEqual({ style: 2, at: 0 });
    expect(listMark('-省级结转资金', groups).marker).toEqual({ style: 2, at: 0 });
    // the marker nearest the words counts, where the ones before it end
    expect(listMark('包括：·一般公共预算资金', groups).marker).toEqual({ style: 3, at: 3 });
    expect(listMark('　　　·政府性基金预算资金', groups).marker).toEqual({ style: 3, at: 3 });
    expect(listMark('　　其中:中央补助资金', groups).marker).toEqual({ style: 0, at: 2 });
    // 其中 alone in its cell marks the rows beside it; a dash alone is a blank's placeholder
    expect(listMark('其中', groups).breakdown).toBe(true);
    expect(listMark('-', groups).breakdown).toBe(false);
    expect(listMark('含：中央衔接资金').breakdown).toBe(false);
  });
});

describe('labelHead', () => {
  it('a header printing a note after its name: the name', () => {
    expect(labelHead('得分\n（执行率≥95%得10分；90%（含）-95%得8分）')).toBe('得分');
    expect(labelHead('得分（执行率≥95%得10分；90%（含）-95%得8分）')).toBe('得分');
    expect(labelHead('\n全年执行数\n(B)')).toBe('全年执行数');
  });
});
