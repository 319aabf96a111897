// The engine around the kinds: which rules apply (form kind, layout), how a finding is
// assembled (rule id, severity from the file, locations from provenance and the narrative).
import { describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import { FindingSchema } from '../src/model/report.js';
import { bundledRulesDir } from '../src/paths.js';
import { cleanRecord, fact, runYaml } from './rules/builder.js';

const RULE = (extra: string) => `- id: t.rule
  title: 测试
  severity: warning
  kind: required
  fields: [total.score]
  explain: 说明
${extra}`;

describe('which rules apply', () => {
  const blankTotal = () => {
    const r = cleanRecord();
    r.total.score = null;
    return r;
  };
  it('only to the form kinds listed', () => {
    expect(runYaml(RULE('  forms: [project]\n'), blankTotal())).toEqual([]);
    expect(runYaml(RULE('  forms: [dept-overall, project]\n'), blankTotal())).toHaveLength(1);
  });
  it('only to the layouts listed, when listed', () => {
    const r = blankTotal();
    expect(runYaml(RULE('  forms: [dept-overall]\n  layouts: [dept-hubei]\n'), r)).toEqual([]);
    r.layout = 'dept-hubei';
    expect(runYaml(RULE('  forms: [dept-overall]\n  layouts: [dept-hubei]\n'), r)).toHaveLength(1);
  });
});

describe('a finding', () => {
  it('carries the rule id, the severity the file gives and valid report shape', () => {
    const r = cleanRecord();
    r.total.score = null;
    r.provenance['total.score'] = { table: 0, row: 30, col: 2, page: 4, raw: '　' };
    const [f] = runYaml(RULE('  forms: [dept-overall]\n'), r);
    expect(FindingSchema.parse(f)).toEqual({
      rule: 't.rule', severity: 'warning', message: '总分得分未填写', fields: ['total.score'],
      actual: null, expected: null, difference: null,
      locations: [{ field: 'total.score', table: 0, row: 30, col: 2, page: 4, raw: '　' }],
    });
  });
  it('locates a wildcard field at every indicator cell and a concept at its mentions of the figure', () => {
    const r = cleanRecord();
    r.indicators[0].weight = '35';
    r.indicators.forEach((_, i) => { r.provenance[`indicators[${i}].weight`] = { table: 0, row: 20 + i, col: 5, page: null, raw: r.indicators[i].weight! }; });
    const [w] = runYaml(`- id: t.w\n  title: 分值\n  severity: error\n  forms: [dept-overall]\n  kind: weights-total\n  fund: funds.sources.total\n  explain: 说明\n`, r);
    expect(w.locations.map((l) => l.field)).toEqual(['indicators[0].weight', 'indicators[1].weight', 'indicators[2].weight']);

    r.narrative.facts['spending.basic'] = [fact('57.00', 1, '基本支出57.00万元'), fact('58.00', 3, '基本支出58.00万元'), fact('57', 5, '基本支出57万元')];
    const [n] = runYaml(`- id: t.n\n  title: 基本支出\n  severity: error\n  forms: [dept-overall]\n  kind: narrative-equals-table\n  fact: narrative.facts.spending.basic\n  table: funds.uses.basic.actual\n  explain: 说明\n`, r);
    expect(n.locations).toEqual([
      { field: 'narrative.facts.spending.basic', paragraph: 1, quote: '基本支出57.00万元' },
      { field: 'narrative.facts.spending.basic', paragraph: 5, quote: '基本支出57万元' },
    ]);
  });
});

describe('bundled completeness patterns (check 19)', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  const fires = (text: string) => {
    const r = cleanRecord();
    r.goals[0].result = text;
    return checkRecord(r, rules).filter((f) => f.rule === 'form.template-text').length;
  };
  it.each([
    ['（200字以内）', 1],
    ['(300 字以内)', 1],
    ['对照年度目标，说明完成情况', 1],
    ['请填写全年完成情况', 1],
    ['请对照年度绩效目标说明完成情况', 1],
    ['全年完成保障任务742户', 0],
    ['请示上级后调整实施方案，已说明', 0],
    ['编印200字以内的简报12期', 0],
  ] as const)('%s → %i', (text, n) => {
    expect(fires(text)).toBe(n);
  });
});

describe('messages name a line a provincial template adds as the form printed it', () => {
  it('uses record.lineLabels for a source line outside the built-in dictionary', () => {
    const record = cleanRecord();
    record.funds.sources.generalBudget = { budget: '300.00', actual: '290.00', rate: null, weight: null, score: null };
    record.lineLabels = { 'funds.sources.generalBudget': '一般公共预算' };
    const findings = checkRecord(record, loadRuleSet([bundledRulesDir()]));
    const sum = findings.find((f) => f.fields[0] === 'funds.sources.total.budget' && f.fields.includes('funds.sources.generalBudget.budget'));
    expect(sum?.message).toContain('一般公共预算全年预算数300.00万元');
    expect(sum?.message).not.toContain('generalBudget');
  });
});
