// The seed form through the bundled rules: exactly rules.md's nine golden findings
// (fields, severities, numbers) plus infos, and nothing on what holds.
import { describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import { bundledRulesDir } from '../src/paths.js';
import type { Finding } from '../src/model/report.js';
import { seedRecord } from './rules/seed-record.js';

const rules = loadRuleSet([bundledRulesDir()]);
const findings = checkRecord(seedRecord(), rules);
const problems = findings.filter((f) => f.severity !== 'info');

function find(severity: string, first: string, rule?: string): Finding {
  const hits = problems.filter((f) => f.severity === severity && f.fields[0] === first && (!rule || f.rule === rule));
  expect(hits, `${severity} ${first}`).toHaveLength(1);
  return hits[0];
}

describe('seed form golden findings (rules.md)', () => {
  it('gives exactly nine errors and warnings', () => {
    expect(problems.map((f) => `${f.severity} ${f.fields[0]}`)).toHaveLength(9);
  });

  it('1: narrative 基本支出 1150.05 ≠ table 1155.05', () => {
    const f = find('error', 'narrative.facts.spending.basic');
    expect(f.fields).toEqual(['narrative.facts.spending.basic', 'funds.uses.basic.actual']);
    expect([f.actual, f.expected, f.difference]).toEqual(['1150.05', '1155.05', '-5.00']);
    expect(f.message).toBe('文字部分所述基本支出1150.05万元，与表中基本支出全年执行数1155.05万元不一致（相差-5.00万元）');
    expect(f.locations).toEqual([
      { field: 'narrative.facts.spending.basic', paragraph: 3, quote: '上述决算支出中基本支出1150.05万元' },
      { field: 'narrative.facts.spending.basic', paragraph: 6, quote: '基本支出1150.05万元' },
      { field: 'funds.uses.basic.actual', table: 0, row: 8, col: 4, page: null, raw: '1155.05　' },
    ]);
  });

  it('2: 1150.05 + 3028.78 = 4178.83 ≠ 决算总支出 4183.83', () => {
    const f = find('error', 'narrative.facts.spending.total');
    expect(f.fields).toEqual(expect.arrayContaining(['narrative.facts.spending.basic', 'narrative.facts.spending.project']));
    expect([f.actual, f.expected, f.difference]).toEqual(['4183.83', '4178.83', '5.00']);
  });

  it('3: 538.19 + 45.04 + 566.82 = 1150.05 ≠ table 基本支出 1155.05', () => {
    const f = find('error', 'funds.uses.basic.actual');
    expect(f.fields).toEqual(
      expect.arrayContaining(['narrative.facts.econ.wages', 'narrative.facts.econ.goodsServices', 'narrative.facts.econ.householdSubsidy']),
    );
    expect([f.actual, f.expected, f.difference]).toEqual(['1155.05', '1150.05', '5.00']);
  });

  it('4: 全年预算数 1028.49 ≠ 1028.49 + 3155.34 = 4183.83', () => {
    const f = find('error', 'funds.sources.total.budget');
    expect(f.fields).toEqual(expect.arrayContaining(['narrative.facts.budget.initial', 'narrative.facts.budget.added']));
    expect([f.actual, f.expected, f.difference]).toEqual(['1028.49', '4183.83', '-3155.34']);
  });

  it('5: 10 + Σ 100 = 110 ≠ 总分 100', () => {
    const f = find('error', 'total.weight');
    expect(f.fields).toEqual(['total.weight', 'funds.sources.total.weight', 'indicators[*].weight']);
    expect([f.actual, f.expected, f.difference]).toEqual(['100', '110', '-10']);
  });

  it('6 and 7: 执行率 blank, computed 406.79, above 100%', () => {
    const blank = find('warning', 'funds.sources.total.rate', 'funds.total-rate-blank');
    const above = find('warning', 'funds.sources.total.rate', 'funds.total-rate-above-100');
    for (const f of [blank, above]) {
      expect(f.fields).toEqual(['funds.sources.total.rate', 'funds.sources.total.actual', 'funds.sources.total.budget']);
      expect(f.actual).toBeNull();
      expect(f.expected).toBe('406.79');
    }
  });

  it('8: fund 得分 blank, computed 10.00', () => {
    const f = find('warning', 'funds.sources.total.score');
    expect(f.fields.slice(0, 2)).toEqual(['funds.sources.total.score', 'funds.sources.total.weight']);
    expect([f.actual, f.expected]).toEqual([null, '10.00']);
  });

  it('9: 538.19 + 566.82 = 1105.01 ≠ 人员支出 1110.01', () => {
    const f = find('warning', 'funds.uses.personnel.actual');
    expect(f.fields).toEqual(['funds.uses.personnel.actual', 'narrative.facts.econ.wages', 'narrative.facts.econ.householdSubsidy']);
    expect([f.actual, f.expected, f.difference]).toEqual(['1110.01', '1105.01', '5.00']);
  });

  it('what holds on the seed raises nothing', () => {
    const fired = new Set(findings.map((f) => f.rule));
    for (const id of [
      'funds.sources-sum', 'funds.uses-sum', 'funds.basic-sum', 'funds.sources-equal-uses',
      'narrative.spending-project-matches-table', 'narrative.spending-total-matches-table',
      'narrative.three-public-sum', 'narrative.change-consistent', 'narrative.concept-conflict',
      'indicators.scores-total', 'indicators.score-within-weight', 'indicators.deviation-reason',
      'indicators.target-missed-full-score', 'indicators.placeholder-row', 'form.units', 'form.required-cells',
    ]) {
      expect(fired.has(id), id).toBe(false);
    }
  });

  it('is deterministic', () => {
    expect(checkRecord(seedRecord(), rules)).toEqual(findings);
  });
});
