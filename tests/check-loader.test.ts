// Rule files: the bundled set loads; a malformed file is refused naming file, rule and line;
// a later folder replaces bundled rules by id; subfolders (templates) are not rules.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRule, listRules, loadRuleSet, RuleFileError } from '../src/check/index.js';
import { RULE_KINDS } from '../src/check/kinds/index.js';
import { bundledRulesDir } from '../src/paths.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jxaudit-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const GOOD = `- id: custom.required
  title: 必填
  severity: error
  forms: [dept-overall]
  kind: required
  fields: [total.score]
  explain: 说明
`;

function refusal(files: Record<string, string>): RuleFileError {
  try {
    loadRuleSet([folder(files)]);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleFileError);
    return e as RuleFileError;
  }
  throw new Error('rules were not refused');
}

describe('the bundled rules', () => {
  const rules = loadRuleSet([bundledRulesDir()]);
  it('load, cover checks 1–28, and use every kind', () => {
    const titles = listRules(rules).map((r) => r.title).join(' ');
    for (const n of [...Array.from({ length: 28 }, (_, i) => i + 1), 29, 32]) expect(titles, `check ${n}`).toContain(`检查${n}）`);
    const used = new Set(listRules(rules).map((r) => r.kind));
    for (const kind of RULE_KINDS.keys()) expect(used.has(kind), kind).toBe(true);
  });
  it('have unique ids and an explanation each', () => {
    const ids = listRules(rules).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const text = explainRule(rules, 'funds.sources-sum');
    expect(text).toContain('资金来源合计');
    expect(text).toContain('rules/dept-overall.yaml');
    expect(explainRule(rules, 'no.such-rule')).toBeNull();
  });
});

describe('malformed rule files are refused with file, rule and line', () => {
  it('bad YAML', () => {
    const e = refusal({ 'x.yaml': GOOD + '- id: a\n  title: a: b\n' });
    expect(e.file).toMatch(/x\.yaml$/);
    expect(e.line).toBe(9);
    expect(e.message).toMatch(/规则文件 .*x\.yaml 第 9 行：YAML 格式错误/);
  });
  it('unknown kind', () => {
    const e = refusal({ 'x.yaml': GOOD + GOOD.replace('custom.required', 'funds.sources-sum').replace('kind: required', 'kind: summ') });
    expect([e.ruleId, e.line]).toEqual(['funds.sources-sum', 12]);
    expect(e.message).toMatch(/第 12 行，规则 funds\.sources-sum：未知的规则类型 "summ"/);
  });
  it('unknown field path', () => {
    const e = refusal({ 'x.yaml': GOOD.replace('fields: [total.score]', 'fields:\n    - total.score\n    - funds.sources.totl.budget') });
    expect([e.ruleId, e.line]).toEqual(['custom.required', 8]);
    expect(e.message).toContain('未知的字段路径 "funds.sources.totl.budget"');
  });
  it('blocks.<block> is a known path; another block is not', () => {
    expect(() => loadRuleSet([folder({ 'x.yaml': GOOD.replace('fields: [total.score]', 'fields: [blocks.fund, blocks.goals]') })])).not.toThrow();
    const e = refusal({ 'x.yaml': GOOD.replace('fields: [total.score]', 'fields: [blocks.narrative]') });
    expect(e.message).toContain('未知的字段路径 "blocks.narrative"');
  });
  it('an unknown narrative concept', () => {
    const e = refusal({ 'x.yaml': GOOD.replace('fields: [total.score]', 'fields: [narrative.facts.spending.basik]') });
    expect(e.message).toContain('narrative.facts.spending.basik');
    expect(e.line).toBe(6);
  });
  it('an option the kind does not have', () => {
    const e = refusal({ 'x.yaml': GOOD + '  colums: [budget]\n' });
    expect([e.ruleId, e.line]).toEqual(['custom.required', 8]);
    expect(e.message).toContain('colums');
  });
  it('a missing severity', () => {
    const e = refusal({ 'x.yaml': GOOD.replace('  severity: error\n', '') });
    expect([e.ruleId, e.line]).toEqual(['custom.required', 1]);
    expect(e.message).toContain('severity');
  });
  it('duplicate id within one folder, across files', () => {
    const e = refusal({ 'a.yaml': GOOD, 'b.yaml': '# more\n' + GOOD });
    expect(e.file).toMatch(/b\.yaml$/);
    expect([e.ruleId, e.line]).toEqual(['custom.required', 2]);
    expect(e.message).toMatch(/规则编号重复（已在 .*a\.yaml 第 1 行定义）/);
  });
});

describe('folders', () => {
  it('a later folder replaces a bundled rule with the same id, in place', () => {
    const extra = folder({ 'mine.yaml': GOOD.replace('custom.required', 'funds.sources-sum').replace('title: 必填', 'title: 改过的') });
    const rules = loadRuleSet([bundledRulesDir(), extra]);
    const bundled = loadRuleSet([bundledRulesDir()]);
    expect(rules.rules).toHaveLength(bundled.rules.length);
    const i = bundled.rules.findIndex((r) => r.id === 'funds.sources-sum');
    expect(rules.rules[i].title).toBe('改过的');
  });
  it('subfolders (rules/templates/) are not read as rules', () => {
    const dir = folder({ 'a.yaml': GOOD, 'templates/t.yaml': 'id: not-a-rule\nanchors: [x]\n' });
    expect(loadRuleSet([dir]).rules.map((r) => r.id)).toEqual(['custom.required']);
  });
  it('a folder that cannot be read is refused', () => {
    expect(() => loadRuleSet([join(tmpdir(), 'no-such-jxaudit-folder')])).toThrow(RuleFileError);
  });
});
