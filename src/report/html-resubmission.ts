// report.html's block on a resubmitted form (check --archive): "第2次提交：已改正 3 项，
// 仍存在 1 项，新问题 0 项", then the three lists and the values that changed.
import { resubmissionLine } from '../archive/compare.js';
import { SEVERITY_NAMES } from '../model/names.js';
import type { Resubmission, ResubmittedFinding } from '../model/report.js';
import { escapeHtml as esc } from './html-escape.js';

function findingList(title: string, cls: string, findings: ResubmittedFinding[]): string {
  if (findings.length === 0) return '';
  const items = findings
    .map((f) => `<li><span class="badge sev-${f.severity}">${SEVERITY_NAMES[f.severity]}</span> ${esc(f.message)}</li>`)
    .join('');
  return `<div class="resub-${cls}"><h4>${title}（${findings.length} 项）</h4><ul>${items}</ul></div>`;
}

const shown = (value: string | null): string => (value === null ? '<span class="none">（无）</span>' : esc(value));

/** The block for one form, or '' when the form is a first submission. */
export function renderResubmission(r: Resubmission | undefined): string {
  if (!r) return '';
  const changes = r.changes.length
    ? `<details class="resub-changes"><summary>与上次相比改动的数值（${r.changes.length} 处）</summary><table><thead><tr><th>项目</th><th>上次</th><th>本次</th></tr></thead><tbody>` +
      r.changes.map((c) => `<tr><td title="${esc(c.field)}">${esc(c.label)}</td><td>${shown(c.before)}</td><td>${shown(c.after)}</td></tr>`).join('') +
      `</tbody></table></details>`
    : '<p class="none">与上次相比没有改动的数值。</p>';
  return (
    `<section class="resubmission"><p class="resub-line"><strong>${esc(resubmissionLine(r))}</strong>` +
    `<span class="meta">上次提交：${esc(r.previous.path)}（SHA-256 ${esc(r.previous.sha256.slice(0, 12))}…）</span></p>` +
    findingList('已改正', 'resolved', r.resolved) +
    findingList('仍存在', 'persisting', r.persisting) +
    findingList('新问题', 'new', r.new) +
    changes +
    `</section>`
  );
}
