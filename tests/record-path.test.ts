// The record-path module: paths parsed once into typed values, the rule vocabulary
// (schema + templates' lines), and one label function with per-context wording.
import { describe, expect, it } from 'vitest';
import { loadRuleSet, RuleFileError } from '../src/check/index.js';
import { parseRuleFile } from '../src/check/loader.js';
import { loadTaskContext, checkDirs } from '../src/batch/checks-context.js';
import {
  MESSAGE_WORDING, REPORT_WORDING, SCHEMA_VOCABULARY, formatPath, isRulePath, parsePath, pathLabel, vocabularyWith,
} from '../src/model/record-path.js';

describe('parsePath / formatPath', () => {
  const cases: Array<[string, unknown]> = [
    ['funds.uses.basic.actual', { kind: 'fund', group: 'uses', line: 'basic', column: 'actual' }],
    ['funds.sources.*', { kind: 'fund', group: 'sources', line: '*', column: null }],
    ['funds.sources.extra1.budget', { kind: 'fund', group: 'sources', line: 'extra1', column: 'budget' }],
    ['indicators[3].score', { kind: 'indicator', index: 3, field: 'score' }],
    ['indicators[*].weight', { kind: 'indicator', index: '*', field: 'weight' }],
    ['indicatorGroups[0].weight', { kind: 'group', index: 0, field: 'weight' }],
    ['goals[*].result', { kind: 'goal', index: '*', field: 'result' }],
    ['narrative.facts.spending.basic', { kind: 'fact', concept: 'spending.basic' }],
    ['narrative.changes[2].percent', { kind: 'change', index: 2, part: 'percent' }],
    ['blocks.fund', { kind: 'block', block: 'fund' }],
    ['total.score', { kind: 'field', name: 'total.score' }],
  ];
  for (const [path, want] of cases) {
    it(path, () => {
      expect(parsePath(path)).toEqual(want);
      expect(formatPath(parsePath(path)!)).toBe(path);
    });
  }
  it('refuses what a record cannot hold', () => {
    for (const bad of ['funds.sources.total.amount', 'indicators[x].score', 'indicators[1].colour', 'blocks.header', 'narrative.changes[*].amount', 'funds.other.total']) {
      expect(parsePath(bad), bad).toBeNull();
    }
  });
});

describe('rule vocabulary: the schema plus the lines templates add', () => {
  it('a template line is refused by the schema alone and accepted with the templates that add it', () => {
    expect(isRulePath('funds.sources.generalBudget.actual')).toBe(false);
    expect(isRulePath('funds.sources.generalBudget.actual', vocabularyWith([{ sources: { generalBudget: ['一般公共预算'] } }]))).toBe(true);
    expect(isRulePath('funds.sources.extra2.actual', SCHEMA_VOCABULARY)).toBe(true); // the reader's own name for an unknown line
    expect(isRulePath('indicators[3].score')).toBe(false); // rules name all indicators at once
  });
  const rule = `- id: t.general
  title: 一般公共预算必填
  severity: warning
  forms: [dept-overall]
  kind: required
  fields: [funds.sources.generalBudget.actual]
  explain: 说明
`;
  it('a rule file naming a template line loads with that vocabulary, and not without', () => {
    expect(() => parseRuleFile(rule, 'x.yaml')).toThrow(RuleFileError);
    expect(parseRuleFile(rule, 'x.yaml', vocabularyWith([{ sources: { generalBudget: ['一般公共预算'] } }]))).toHaveLength(1);
  });
  it('the task context loads templates first and gives rules their lines', () => {
    const ctx = loadTaskContext(checkDirs());
    const added = ctx.templates.templates.flatMap((t) => Object.keys(t.fund.lines.sources ?? {}));
    expect(ctx.rules.rules.length).toBe(loadRuleSet(checkDirs().ruleDirs).rules.length);
    for (const line of added) expect(isRulePath(`funds.sources.${line}.actual`, vocabularyWith(ctx.templates.templates.map((t) => t.fund.lines)))).toBe(true);
  });
});

describe('pathLabel: one function, each context its wording', () => {
  const record = { form: 'project' as const, lineLabels: { 'funds.sources.extra1': '一般公共预算' }, indicatorGroups: [{ label: '年度绩效目标1', weight: '40' }] };
  it('in messages', () => {
    expect(pathLabel('funds.sources.total.rate', MESSAGE_WORDING, record)).toBe('年度资金总额执行率');
    expect(pathLabel('funds.sources.total.rate', MESSAGE_WORDING, { form: 'dept-overall' })).toBe('资金来源合计执行率');
    expect(pathLabel('funds.sources.extra1.actual', MESSAGE_WORDING, record)).toBe('一般公共预算全年执行数');
    // a block printing its spending alone (支出合计 over 基本支出, 项目支出): its total as printed (probe R03)
    const usesOnly = { form: 'dept-overall' as const, lineLabels: { 'funds.sources.total': '支出合计', 'funds.uses.basic': '基本支出', 'funds.uses.project': '项目支出' } };
    expect(pathLabel('funds.sources.total.actual', MESSAGE_WORDING, usesOnly)).toBe('支出合计全年执行数');
    expect(pathLabel('funds.sources.total.actual', MESSAGE_WORDING, { ...usesOnly, lineLabels: { ...usesOnly.lineLabels, 'funds.sources.fiscal': '财政拨款' } })).toBe('资金来源合计全年执行数');
    expect(pathLabel('indicators[2].score', MESSAGE_WORDING)).toBe('第3项指标得分');
    expect(pathLabel('indicatorGroups[0].weight', MESSAGE_WORDING, record)).toBe('年度绩效目标1的分值');
    expect(pathLabel('goals[*].result', MESSAGE_WORDING)).toBe('全年完成情况');
    // a project form states its 支出总额, a department its 决算总支出
    expect(pathLabel('narrative.facts.spending.total', MESSAGE_WORDING, record)).toBe('支出总额');
    expect(pathLabel('narrative.facts.spending.total', MESSAGE_WORDING, { form: 'dept-overall' })).toBe('决算总支出');
  });
  it('in report.html', () => {
    expect(pathLabel('funds.uses.personnel.actual', REPORT_WORDING)).toBe('资金结构·人员支出·全年执行数');
    expect(pathLabel('indicators[*].deviation', REPORT_WORDING)).toBe('全部指标·偏差原因');
    expect(pathLabel('indicatorGroups[0].weight', REPORT_WORDING, record)).toBe('年度绩效目标1·分值');
    expect(pathLabel('narrative.changes[0].direction', REPORT_WORDING)).toBe('文字部分·第1处增减变化·增减方向');
    expect(pathLabel('goals[*].result', REPORT_WORDING)).toBe('goals[*].result');
  });
});
