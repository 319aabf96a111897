// The engine around the kinds: which rules apply (form kind, layout), how a finding is
// assembled (rule id, severity from the file, locations from provenance and the narrative).
import { describe, expect, it } from 'vitest';
import { checkRecord, loadRuleSet } from '../src/check/index.js';
import { RULE_KINDS } from '../src/check/kinds/index.js';
import { renderMessage } from '../src/check/messages.js';
import { FindingSchema } from '../src/model/report.js';
import { bundledRulesDir } from '../src/paths.js';
import { labelOf } from '../src/check/labels.js';
import { fieldLabel } from '../src/report/html-assets/labels.js';
import type { FormRecord } from '../src/model/record.js';
import { seedRecord } from './rules/seed-record.js';
import { cleanRecord, fact, runYaml, unreadable } from './rules/builder.js';

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
      rule: 't.rule', severity: 'warning', message: '总分得分未填写', messageId: 'blank', data: { field: '总分得分' }, fields: ['total.score'],
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

describe('nothing from absence (rules.md check 29)', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  const problems = (r: FormRecord) => checkRecord(r, rules).filter((f) => f.severity !== 'info');

  it('an unreadable fund block: one warning, located where it was seen; no check 11/12 from the missing fund line', () => {
    const r = cleanRecord();
    r.funds.sources = {};
    delete r.funds.uses;
    unreadable(r, 'fund', { table: 0, row: 4, page: 2, label: '项目资金（万元）', reason: '表头无法识别' });
    const got = problems(r);
    expect(got.map((f) => `${f.severity} ${f.rule} ${f.fields.join(',')}`)).toEqual(['warning record.block-unreadable blocks.fund']);
    expect(FindingSchema.parse(got[0]).locations).toEqual([{ field: 'blocks.fund', table: 0, row: 4, page: 2, raw: '项目资金（万元）' }]);
  });

  it('an unreadable fund block whose lines the reader left blank: still nothing but the warning', () => {
    const r = cleanRecord();
    for (const l of Object.values(r.funds.sources)) Object.assign(l, { budget: null, actual: null, rate: null, weight: null, score: null });
    unreadable(r, 'fund');
    expect(problems(r).map((f) => f.rule)).toEqual(['record.block-unreadable']);
  });

  it('an unreadable indicators block: no check 9–12 or 16 finding', () => {
    const r = cleanRecord();
    r.indicators[0].weight = null;
    r.indicators[1].score = '31';
    r.indicatorGroups = [{ level1: '产出指标', weight: '50' }];
    unreadable(r, 'indicators');
    expect(problems(r).map((f) => f.rule)).toEqual(['record.block-unreadable']);
    r.indicators = [];
    r.indicatorGroups = [];
    expect(problems(r).map((f) => f.rule)).toEqual(['record.block-unreadable']);
  });

  it('an unreadable total row: its score is not a blank required cell', () => {
    const r = cleanRecord();
    r.total = { weight: null, score: null };
    unreadable(r, 'total');
    expect(problems(r).map((f) => f.rule)).toEqual(['record.block-unreadable']);
  });

  it('cells the page\'s edge cut off (cellIssues clipped): never blank, their checks skipped; the rest still checked', () => {
    // a table wider than its page: 得分 and 偏差原因 past the right edge
    const r = cleanRecord();
    const cut = { table: 0, row: 3, page: 1, label: null, reason: '表格超出页面右边缘，“分值”栏右侧的内容被截去', cut: 'right' as const };
    r.unreadBlocks.push({ block: 'fund', ...cut }, { block: 'indicators', ...cut, row: 12 }, { block: 'total', ...cut, row: 20 });
    r.funds.sources.total.score = null;
    r.cellIssues['funds.sources.total.score'] = 'clipped';
    r.indicators.forEach((ind, i) => {
      ind.score = null;
      r.cellIssues[`indicators[${i}].score`] = 'clipped';
    });
    r.total.score = null;
    r.cellIssues['total.score'] = 'clipped';
    expect(problems(r).map((f) => `${f.rule} ${f.fields.join(',')}`)).toEqual(['record.block-unreadable blocks.fund,blocks.indicators,blocks.total']);
    // a slip in the part shown is still found: 95.00 ÷ 100.00 stated 98%
    r.funds.sources.total.rate = '98.00';
    expect(problems(r).map((f) => f.rule).sort()).toEqual(['funds.rate-matches', 'record.block-unreadable']);
  });

  it('checks not needing the block still run', () => {
    const r = cleanRecord();
    r.narrative.facts['spending.basic'] = [fact('57.00')];
    unreadable(r, 'indicators');
    expect(problems(r).map((f) => f.rule).sort()).toEqual(['narrative.spending-basic-matches-table', 'record.block-unreadable']);
  });
});

describe("indicators' key and parts disturb no rule", () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  it.each([['the clean form', cleanRecord], ['the seed', seedRecord]] as const)('%s', (_, make) => {
    const plain = make();
    const marked = make();
    marked.indicators.forEach((ind, i) => {
      if (i % 2 === 0) ind.key = true;
      ind.parts = [{ name: '其中桃树种植面积', target: '≥50亩', actual: '40亩' }, { name: null, target: null, actual: null }];
    });
    expect(checkRecord(marked, rules)).toEqual(checkRecord(plain, rules));
  });
});

describe('labels of blocks and goal-block weights', () => {
  const r = cleanRecord();
  r.indicatorGroups = [{ label: '年度绩效目标1', weight: '40' }, { level1: '产出指标', weight: '50' }];
  it('in messages', () => {
    expect(labelOf('blocks.fund')).toBe('资金表');
    expect(labelOf('blocks.indicators')).toBe('绩效指标表');
    expect(labelOf('blocks.total')).toBe('总分行');
    expect(labelOf('blocks.goals')).toBe('年度总体目标');
    expect(labelOf('indicatorGroups[0].weight', r)).toBe('年度绩效目标1的分值');
    expect(labelOf('indicatorGroups[1].weight', r)).toBe('一级指标“产出指标”标注的分值');
    expect(labelOf('indicatorGroups[*].weight', r)).toBe('各年度绩效目标的分值');
    expect(labelOf('indicatorGroups[0].weight')).toBe('一级指标标注的分值');
  });
  it('in report.html', () => {
    expect(fieldLabel('blocks.fund')).toBe('资金表');
    expect(fieldLabel('blocks.goals')).toBe('年度总体目标');
    expect(fieldLabel('indicatorGroups[0].weight', r.indicatorGroups)).toBe('年度绩效目标1·分值');
    expect(fieldLabel('indicatorGroups[1].weight', r.indicatorGroups)).toBe('产出指标·分值');
    expect(fieldLabel('indicatorGroups[*].weight', r.indicatorGroups)).toBe('全部年度绩效目标·分值');
    expect(fieldLabel('indicatorGroups[1].weight')).toBe('第2个一级指标·分值');
  });
});

describe('messages (message id + data, rendered by the engine)', () => {
  it('every kind declares its message templates in meta, and every template names only {{keys}}', () => {
    for (const kind of RULE_KINDS.values()) {
      expect(Object.keys(kind.meta.messages).length, kind.name).toBeGreaterThan(0);
      for (const template of Object.values(kind.meta.messages)) expect(template).not.toMatch(/\$\{|\{\{\s*\}\}/);
    }
  });
  it('renders {{key}} from data and refuses a key the data lacks', () => {
    expect(renderMessage('{{a}}与{{b}}不一致（相差{{a}}）', { a: '1.00', b: 2 })).toBe('1.00与2不一致（相差1.00）');
    expect(() => renderMessage('{{missing}}', {})).toThrow(/missing/);
  });
  it('a finding keeps its message id and data beside the rendered text, and re-renders to it', () => {
    const r = cleanRecord();
    r.funds.sources.total.rate = '90';
    const findings = checkRecord(r, loadRuleSet([bundledRulesDir()]));
    const f = findings.find((x) => x.rule === 'funds.rate-matches')!;
    expect(f.messageId).toBe('mismatch');
    expect(renderMessage(RULE_KINDS.get('rate')!.meta.messages[f.messageId!], f.data!)).toBe(f.message);
    for (const finding of findings) {
      const kind = RULE_KINDS.get(loadRuleSet([bundledRulesDir()]).rules.find((x) => x.id === finding.rule)!.kind)!;
      expect(renderMessage(kind.meta.messages[finding.messageId!], finding.data!)).toBe(finding.message);
    }
  });
});

describe('a scanned target whose sign was not read (≥ as 三)', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  it('is not skipped silently: a finding that says where to look, however sure OCR was of the glyph', () => {
    const r = cleanRecord();
    r.readBy = 'ocr';
    r.indicators[0].target = '三90%';
    r.indicators[0].actual = '85%';
    r.provenance['indicators[0].target'] = { table: 0, row: 12, col: 4, page: 1, raw: '三90%', confidence: 0.86 };
    const found = checkRecord(r, rules).filter((f) => f.fields.includes('indicators[0].target'));
    expect(found.map((f) => f.rule)).toEqual(['indicators.quantity-unread']);
    expect(found[0].uncertain).toBe(true);
    expect(found[0].message).toContain('第1页表1第13行第5列“三90%”（可信度 0.86），开头的“三”应是≥、≤等符号，未能识别');
  });
});

