// docs/checks.md, rendered from the rule files' own words (title, severity, forms, explain)
// and each kind's method, so the explanation staff read can never drift from the rules
// that run: tests/checks-doc.test.ts re-renders it and compares.
import { basename } from 'node:path';
import { FORM_NAMES, SEVERITY_NAMES } from '../model/names.js';
import type { FormKind } from '../model/record.js';
import type { RuleSet } from './index.js';
import { RULE_KINDS } from './kinds/index.js';
import type { Rule } from './types.js';

/** The "（检查N）" a title ends with: the check's number, which this page lists in order. */
const CHECK_NUMBER = /（[^（）]*检查(\d+)）\s*$/;

export function checkNumber(rule: Rule): number | undefined {
  const m = CHECK_NUMBER.exec(rule.title);
  return m ? Number(m[1]) : undefined;
}

function formsText(rule: Rule): string {
  const forms = rule.forms.map((f) => FORM_NAMES[f as FormKind] ?? f).join('、');
  return rule.layouts ? `${forms}（仅 ${rule.layouts.join('、')} 表样）` : forms;
}

/** A table cell: pipes and line breaks would break the Markdown row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function anchor(rule: Rule): string {
  return rule.id.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
}

export function renderChecksDoc(rules: RuleSet): string {
  const out: string[] = [
    '# 核查规则说明',
    '',
    '本页由 `npm run docs` 从 `rules/*.yaml` 生成（每条规则自己的标题、严重程度、适用表样和说明），请勿手改；',
    '测试会重新生成并与本页比对，规则改了而本页没有重新生成时测试失败。命令行中 `jxaudit rules list` 列出同样的规则，',
    '`jxaudit rules explain <规则编号>` 显示其中一条。',
    '',
    '规则标题末尾的“（检查N）”是该项核查的编号，报告、表格和本页都用同一编号；下表按规则文件和文件中的顺序排列；',
    '编号为“—”的规则是本工具在编号核查之外加做的核查。',
    '严重程度：**错误**是算术或填写上的确定差错，**警告**需要人工判断，**提示**不影响结论。',
    '某一部分（资金表、绩效指标表、总分行、年度总体目标）未能读取时，凡需要它的核查都跳过，不据缺失的数据报告差异（检查29）。',
    '',
    '| 检查 | 规则编号 | 标题 | 严重程度 | 适用表样 |',
    '|---|---|---|---|---|',
  ];
  for (const r of rules.rules) {
    const n = checkNumber(r);
    out.push(`| ${n ?? '—'} | [\`${r.id}\`](#${anchor(r)}) | ${cell(r.title)} | ${SEVERITY_NAMES[r.severity]} | ${cell(formsText(r))} |`);
  }
  let file = '';
  for (const r of rules.rules) {
    const ruleFile = `rules/${basename(r.file)}`;
    if (ruleFile !== file) {
      file = ruleFile;
      out.push('', `## ${ruleFile}`);
    }
    const kind = RULE_KINDS.get(r.kind);
    out.push(
      '',
      `### <a id="${anchor(r)}"></a>${r.title}`,
      '',
      `- 规则编号：\`${r.id}\``,
      `- 严重程度：${SEVERITY_NAMES[r.severity]}（${r.severity}）`,
      `- 适用表样：${formsText(r)}`,
      `- 规则类型：\`${r.kind}\`${kind ? `（${kind.meta.title}）` : ''}，定义于 ${ruleFile} 第 ${r.line} 行`,
      '',
      r.explain.trim(),
    );
    if (kind) out.push('', `计算方法：${kind.meta.explanation.trim()}`);
  }
  out.push('');
  return out.join('\n');
}
