// One input's section of report.html: its failure, or per form its findings beside
// the fund table and indicators they concern. Pure: report + records → HTML text.
import type { FormRecord } from '../model/record.js';
import type { FileReport, Finding } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/report-constants.js';
import { escapeHtml as esc, fileAnchor } from './html-escape.js';
import { FAILURE_NAMES, FORM_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import { fieldLabel } from './html-assets/labels.js';
import { collectHighlights, renderFormDetails, renderFundTable, renderIndicatorTable } from './html-numbers.js';
import { locationText, type LabelSource } from './places.js';
import { renderResubmission } from './html-resubmission.js';

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function renderFinding(finding: Finding, record?: LabelSource): string {
  const numbers = (
    [
      ['填报值', finding.actual],
      ['应为', finding.expected],
      ['差额', finding.difference],
    ] as const
  )
    .filter(([, value]) => value !== null)
    .map(([label, value]) => `<div><dt>${label}</dt><dd>${esc(value ?? '')}</dd></div>`)
    .join('');
  const fields = finding.fields
    .map((field) => `<span title="${esc(field)}">${esc(fieldLabel(field, record?.indicatorGroups, record?.lineLabels))}</span>`)
    .join('');
  const severalFields = new Set(finding.locations.map((l) => l.field)).size > 1;
  const locations = finding.locations.length
    ? `<ul class="locs">${finding.locations.map((l) => `<li>${esc(locationText(l, severalFields, record))}</li>`).join('')}</ul>`
    : '';
  return (
    `<li class="finding sev-${finding.severity}" data-sev="${finding.severity}">` +
    `<div><span class="badge sev-${finding.severity}">${SEVERITY_NAMES[finding.severity]}</span>` +
    `<span class="msg">${esc(finding.message)}</span></div>` +
    (numbers ? `<dl class="nums">${numbers}</dl>` : '') +
    `<div class="fields">涉及：${fields}</div>` +
    locations +
    `<div class="rule">规则 <code>${esc(finding.rule)}</code></div>` +
    `</li>`
  );
}

function renderFindings(findings: Finding[], record?: LabelSource): string {
  if (findings.length === 0) return '<p class="no-findings">未发现问题。</p>';
  // errors first, then warnings, then infos; within a severity the checker's order
  const ordered = SEVERITIES.flatMap((severity) => findings.filter((f) => f.severity === severity));
  return `<ul class="findings">${ordered.map((f) => renderFinding(f, record)).join('')}</ul>`;
}

function renderForm(
  form: FileReport['forms'][number],
  record: FormRecord | undefined,
  findings: Finding[],
  several: boolean,
  resubmission?: NonNullable<FileReport['resubmissions']>[number],
): string {
  const title = [
    `<span class="kind">${several ? `第${form.index + 1}张表 · ` : ''}${esc(FORM_NAMES[form.form])}支出绩效自评表</span>`,
    form.entity ? esc(form.entity) : '<span class="none">单位未识别</span>',
    form.year !== null ? `${form.year}年度` : '<span class="none">年度未识别</span>',
  ].join(' · ');
  let numbers = '';
  let details = '';
  if (record) {
    const marks = collectHighlights(findings);
    numbers = renderFundTable(record, marks) + renderIndicatorTable(record, marks);
    details = renderFormDetails(record, marks);
  }
  return (
    `<article class="form" data-form-index="${form.index}"><h3>${title}</h3>${renderResubmission(resubmission)}` +
    `<div class="form-grid"><div>${renderFindings(findings, record)}</div>` +
    `<div class="numbers">${numbers || '<p class="none">无可显示的资金数据。</p>'}</div></div>${details}</article>`
  );
}

/** The section of one input file; `records` are its forms' records (empty when it failed). */
export function renderHtmlFile(report: FileReport, records: FormRecord[]): string {
  const counts = countBySeverity(report.findings);
  const summary =
    `<summary><span class="badge st-${report.status}">${STATUS_NAMES[report.status]}</span>` +
    `<span class="path">${esc(report.source.path)}</span>` +
    `<span class="counts">错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}</span></summary>`;
  const meta: string[] = [];
  if (report.source.format) meta.push(`<span>格式 ${report.source.format.toUpperCase()}</span>`);
  if (report.forms.length > 1) meta.push(`<span>含 ${report.forms.length} 张表</span>`);
  if (report.source.sha256) meta.push(`<span title="${esc(report.source.sha256)}">SHA-256 ${esc(report.source.sha256.slice(0, 12))}…</span>`);

  let body = '';
  if (report.error) {
    body +=
      `<div class="failure"><div><span class="code">${esc(FAILURE_NAMES[report.error.code] ?? report.error.code)}</span> ` +
      `<code>${esc(report.error.code)}</code></div><p>${esc(report.error.message)}</p></div>`;
  }
  const several = report.forms.length > 1;
  const placed = new Set<Finding>();
  for (const form of report.forms) {
    // a finding without formIndex belongs to the file's only (first) form
    const findings = report.findings.filter((f) => (f.formIndex ?? 0) === form.index);
    findings.forEach((f) => placed.add(f));
    const record = records.find((r) => r.source.formIndex === form.index) ?? records[form.index];
    body += renderForm(form, record, findings, several, report.resubmissions?.find((r) => r.formIndex === form.index));
  }
  const unplaced = report.findings.filter((f) => !placed.has(f));
  if (unplaced.length > 0) body += `<article class="form"><h3>其他发现</h3>${renderFindings(unplaced)}</article>`;
  if (!report.error && report.forms.length === 0 && unplaced.length === 0) body += '<p class="none">未识别到表。</p>';

  return (
    `<details class="file" id="${fileAnchor(report.source.path)}" data-status="${report.status}">` +
    summary +
    `<div class="file-body">${meta.length ? `<p class="meta">${meta.join('')}</p>` : ''}${body}</div></details>\n`
  );
}
