// docs/checks.md is the rule files' own explanation: it must be what they render to now,
// and every rule and every "（检查N）" a title cites must be on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDirs, loadTaskContext } from '../src/batch/checks-context.js';
import { checkNumber, renderChecksDoc } from '../src/check/checks-doc.js';

const rules = loadTaskContext(checkDirs()).rules;
const page = readFileSync(join(import.meta.dirname, '..', 'docs', 'checks.md'), 'utf8');

describe('docs/checks.md', () => {
  it('is current with rules/*.yaml (run `npm run docs` after changing a rule)', () => {
    expect(page).toBe(renderChecksDoc(rules));
  });

  it('explains every bundled rule under its id, with its severity in Chinese', () => {
    for (const r of rules.rules) {
      expect(page).toContain(`- 规则编号：\`${r.id}\``);
      expect(page).toContain(r.explain.trim().split('\n')[0]!);
    }
    expect(page).toContain('严重程度：错误（error）');
  });

  it('lists each check number a rule title cites in the overview table', () => {
    const cited = rules.rules.map(checkNumber).filter((n): n is number => n !== undefined);
    expect(cited.length).toBeGreaterThan(20);
    for (const n of new Set(cited)) expect(page).toMatch(new RegExp(`^\\| ${n} \\|`, 'm'));
  });

  it('refers to nothing outside the project (no rules.md)', () => {
    expect(page).not.toMatch(/rules\.md/);
  });
});
