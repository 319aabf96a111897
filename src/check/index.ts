// Phase `check`: record + rules → findings. Rule kinds live in code (./kinds/),
// rule instances in rules/*.yaml; the arithmetic follows rules.md exactly.
import { SEVERITY_NAMES } from '../model/names.js';
import type { FormRecord } from '../model/record.js';
import type { PathVocabulary } from '../model/record-path.js';
import type { Finding } from '../model/report.js';
import { inUnreadableBlock, locate } from './context.js';
import { RULE_KINDS } from './kinds/index.js';
import { loadRules, RuleFileError } from './loader.js';
import { ocrDoubt } from './ocr-doubt.js';
import { kindMessage } from './messages.js';
import type { Rule } from './types.js';

export { RuleFileError };
export type { Rule };

export interface RuleSet {
  rules: Rule[];
}

/** Loads rules/*.yaml from each folder in order; a later rule with the same id replaces an earlier one.
 *  `vocabulary`: the fund lines rules may name besides the schema's (those the loaded templates add). */
export function loadRuleSet(dirs: string[], vocabulary?: PathVocabulary): RuleSet {
  return { rules: loadRules(dirs, vocabulary) };
}

function applies(rule: Rule, record: FormRecord): boolean {
  if (!rule.forms.includes(record.form)) return false;
  if (rule.layouts && !(record.layout && rule.layouts.includes(record.layout))) return false;
  return true;
}

/** Runs every rule that applies to the record's form kind, in rule order. A finding
 *  one of whose fields lies in an unreadable block is dropped (rules.md check 29: nothing
 *  from absence — e.g. a sum that would count the missing cells as nothing). */
export function checkRecord(record: FormRecord, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  const anyUnread = Object.values(record.blocks ?? {}).includes('unreadable');
  for (const rule of rules.rules) {
    if (!applies(rule, record)) continue;
    const kind = RULE_KINDS.get(rule.kind);
    if (!kind) continue; // cannot happen: the loader refuses unknown kinds
    for (const d of kind.run(record, rule.options)) {
      if (anyUnread && d.fields.some((f) => inUnreadableBlock(record, f))) continue;
      const locations = locate(record, d.fields, d.factValues);
      // check 31: an error resting on a doubtful OCR reading is a warning that says where to look
      const doubt = ocrDoubt(record, locations);
      findings.push({
        rule: rule.id,
        severity: doubt && rule.severity === 'error' ? 'warning' : rule.severity,
        message: kindMessage(kind, d.messageId, d.data) + (doubt?.note ?? ''),
        messageId: d.messageId,
        data: d.data,
        fields: d.fields,
        actual: d.actual,
        expected: d.expected,
        difference: d.difference,
        locations,
        ...(doubt ? { uncertain: true as const } : {}),
      });
    }
  }
  return findings;
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Rule['severity'];
  forms: string[];
  layouts?: string[];
  kind: string;
  file: string;
}

/** What is checked, for `jxaudit rules list`. */
export function listRules(rules: RuleSet): RuleSummary[] {
  return rules.rules.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, forms: r.forms,
    ...(r.layouts ? { layouts: r.layouts } : {}), kind: r.kind, file: r.file,
  }));
}

/** The explanation of one rule, for `jxaudit rules explain <id>`; null when unknown. */
export function explainRule(rules: RuleSet, id: string): string | null {
  const r = rules.rules.find((x) => x.id === id);
  if (!r) return null;
  const kind = RULE_KINDS.get(r.kind)!;
  const lines = [
    `${r.id}  ${r.title}`,
    `严重程度：${SEVERITY_NAMES[r.severity]}（${r.severity}）`,
    `适用表样：${r.forms.join('、')}${r.layouts ? `（仅 ${r.layouts.join('、')}）` : ''}`,
    `规则类型：${r.kind}（${kind.meta.title}）`,
    `定义于：${r.file} 第 ${r.line} 行`,
    '',
    r.explain.trim(),
    '',
    `计算方法：${kind.meta.explanation}`,
  ];
  return lines.join('\n');
}
