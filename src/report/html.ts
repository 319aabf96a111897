// report.html for bureau staff, as pure string pieces the batch streams to disk:
// renderHtmlStart(summary) + renderHtmlFile(report, records) per input + renderHtmlEnd().
// Self-contained (inline CSS/JS, no URL), and a Content-Security-Policy that admits
// only our own script and style by hash, so even a slip in escaping could not run code.
import { createHash } from 'node:crypto';
import type { Summary } from '../model/report.js';
import { escapeHtml as esc, fileAnchor } from './html-escape.js';
import { BATCH_KIND_NAMES, BATCH_KIND_TAGS, FAILURE_NAMES, FORM_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import { REPORT_JS } from './html-assets/script.js';
import { REPORT_CSS } from './html-assets/style.js';
import { resubmissionLine } from '../archive/compare.js';
import { formKey, observationsByForm } from '../batch/batch-checks.js';

export { renderHtmlFile } from './html-file.js';
export { escapeHtml } from './html-escape.js';

const TITLE = '绩效自评表核查报告';

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const CSP = [
  "default-src 'none'",
  `script-src ${cspHash(REPORT_JS)}`,
  `style-src ${cspHash(REPORT_CSS)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Status sort order in the table: 通过 < 有差异 < 失败. */
const STATUS_RANK = { ok: 0, discrepancies: 1, failed: 2 } as const;

type Input = Summary['inputs'][number];

/** summary.json's local time "2026-11-30T01:00:00+08:00" → "2026-11-30 01:00:00（UTC+08:00）";
 *  a UTC time ("…Z") says so; any other text is shown as given. */
function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}（UTC${m[3] === 'Z' ? '' : m[3]}）`;
}

function renderTotals(summary: Summary): string {
  const t = summary.totals;
  const items: Array<[string, string, number]> = [
    ['t-files', '文件', t.files],
    ['t-ok', STATUS_NAMES.ok, t.ok],
    ['t-disc', STATUS_NAMES.discrepancies, t.discrepancies],
    ['t-failed', STATUS_NAMES.failed, t.failed],
    ['t-err', SEVERITY_NAMES.error, t.errors],
    ['t-warn', SEVERITY_NAMES.warning, t.warnings],
  ];
  return `<dl class="totals">${items.map(([cls, label, n]) => `<div class="${cls}"><dt>${label}</dt><dd>${n}</dd></div>`).join('')}</dl>`;
}

const FOLD_OBSERVATIONS_AFTER = 3;

function renderObservations(summary: Summary, known: Set<string>): string {
  if (summary.batch.length === 0) return '<p class="none">未发现重复提交或年度不符的表。</p>';
  const items = summary.batch.map((obs) => {
    const paths = obs.paths
      .map((p) => (known.has(p) ? `<a href="#${fileAnchor(p)}">${esc(p)}</a>` : `<span>${esc(p)}</span>`))
      .join('');
    return (
      `<li class="sev-${obs.severity}"><span class="badge sev-${obs.severity}">${SEVERITY_NAMES[obs.severity]}</span> ` +
      `<strong>${esc(BATCH_KIND_NAMES[obs.kind] ?? obs.kind)}</strong>：${esc(obs.message)}<span class="paths">${paths}</span></li>`
    );
  });
  const counts = new Map<string, number>();
  for (const obs of summary.batch) {
    const label = BATCH_KIND_TAGS[obs.kind] ?? obs.kind;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const tally = `<p class="tally">共 ${summary.batch.length} 条：${[...counts].map(([label, n]) => `${esc(label)} ${n} 条`).join('，')}</p>`;
  // A long list (a whole batch resubmitted) is folded so the batch table stays near the top.
  if (items.length <= FOLD_OBSERVATIONS_AFTER) return `${tally}<ul class="observations">${items.join('')}</ul>`;
  return (
    `${tally}<ul class="observations">${items.slice(0, FOLD_OBSERVATIONS_AFTER).join('')}</ul>` +
    `<details class="more-obs"><summary>展开其余 ${items.length - FOLD_OBSERVATIONS_AFTER} 条</summary>` +
    `<ul class="observations">${items.slice(FOLD_OBSERVATIONS_AFTER).join('')}</ul></details>`
  );
}

/** One row of the batch table: a form of a file, or a file that has no form (failed). */
interface Row {
  input: Input;
  /** The form (null for a failed file); `nth` is shown when the file holds several. */
  form: Input['forms'][number] | null;
  several: boolean;
}

function tableRows(summary: Summary): Row[] {
  return summary.inputs.flatMap((input): Row[] =>
    input.forms.length === 0
      ? [{ input, form: null, several: false }]
      : input.forms.map((form) => ({ input, form, several: input.forms.length > 1 })),
  );
}

/** Severities a row answers to in the severity filter; a failed file counts as an error. */
function rowSeverities(status: Input['status'], counts: { errors: number; warnings: number; infos: number }): string {
  const severities: string[] = [];
  if (counts.errors > 0 || status === 'failed') severities.push('error');
  if (counts.warnings > 0) severities.push('warning');
  if (counts.infos > 0) severities.push('info');
  return severities.join(' ');
}

function renderRow({ input, form: f, several }: Row, index: number, tags: string[]): string {
  const anchor = fileAnchor(input.path);
  const counts = f ?? input;
  const status = f ? f.status : input.status;
  const kind = f ? f.form : input.form;
  const entity = f ? f.entity : input.entity;
  const year = f ? f.year : input.year;
  const form = kind ? FORM_NAMES[kind] : '';
  const failure = input.failure ? `${FAILURE_NAMES[input.failure.code] ?? input.failure.code}：${input.failure.message}` : '';
  const tagHtml = tags.map((tag) => `<span class="tag">${esc(tag)}</span>`).join('');
  const nth = several && f ? `<span class="tag nth">第${f.index + 1}张表</span>` : '';
  const again = f?.submission && f.submission.submission > 1 && f.submission.resolved !== undefined
    ? `<span class="tag" title="${esc(resubmissionLine({ submission: f.submission.submission, resolved: f.submission.resolved, persisting: f.submission.persisting ?? 0, new: f.submission.new ?? 0 }))}">第${f.submission.submission}次提交</span>`
    : '';
  const sortKey = several && f ? `${input.path}#${String(f.index + 1).padStart(4, '0')}` : input.path;
  return (
    `<tr data-target="${anchor}" data-i="${index}" data-status="${status}" data-sevs="${rowSeverities(status, counts)}"${f ? ` data-form="${f.index}"` : ''}>` +
    `<td class="file" data-v="${esc(sortKey)}"><a href="#${anchor}">${esc(input.path)}</a>${nth}${again}${tagHtml}</td>` +
    `<td data-v="${esc(form)}">${form ? esc(form) : '—'}</td>` +
    `<td data-v="${esc(entity ?? '')}">${entity ? esc(entity) : '—'}</td>` +
    `<td class="num" data-v="${year ?? -1}">${year ?? '—'}</td>` +
    `<td data-v="${STATUS_RANK[status]}"><span class="badge st-${status}"${failure ? ` title="${esc(failure)}"` : ''}>${STATUS_NAMES[status]}</span>` +
    (input.failure ? `<span class="why">${esc(FAILURE_NAMES[input.failure.code] ?? input.failure.code)}</span>` : '') +
    `</td>` +
    `<td class="num errors${counts.errors ? '' : ' zero'}" data-v="${counts.errors}">${counts.errors}</td>` +
    `<td class="num warnings${counts.warnings ? '' : ' zero'}" data-v="${counts.warnings}">${counts.warnings}</td>` +
    `</tr>`
  );
}

function renderBatchTable(summary: Summary): string {
  // An observation about forms tags the rows of the forms it names; one about a whole file, its rows.
  const byForm = observationsByForm(summary.batch);
  const tagsOf = ({ input, form }: Row): string[] => {
    const tags: string[] = [];
    const mine = [...(byForm.get(formKey(input.path, null)) ?? []), ...(form ? byForm.get(formKey(input.path, form.index)) ?? [] : [])];
    for (const obs of mine) {
      const tag = BATCH_KIND_TAGS[obs.kind] ?? obs.kind;
      if (!tags.includes(tag)) tags.push(tag);
    }
    return tags;
  };
  const heads: Array<[string, 'text' | 'num']> = [
    ['文件', 'text'],
    ['表式', 'text'],
    ['单位', 'text'],
    ['年度', 'num'],
    ['状态', 'num'],
    [SEVERITY_NAMES.error, 'num'],
    [SEVERITY_NAMES.warning, 'num'],
  ];
  const thead = heads
    .map(([label, type]) => `<th scope="col" data-type="${type}"${type === 'num' && label !== '状态' ? ' class="num"' : ''}><button type="button">${label}</button></th>`)
    .join('');
  const all = tableRows(summary);
  const rows = all.map((row, i) => renderRow(row, i, tagsOf(row)));
  const filters =
    `<div class="filters" role="group" aria-label="筛选">` +
    `<label>状态 <select id="filter-status"><option value="">全部</option>` +
    `<option value="ok">通过</option><option value="discrepancies">有差异</option><option value="failed">${STATUS_NAMES.failed}</option></select></label>` +
    `<label>严重程度 <select id="filter-severity"><option value="">全部</option>` +
    `<option value="error warning">错误和警告</option><option value="error">仅错误</option>` +
    `<option value="warning">仅警告</option><option value="info">仅提示</option></select></label>` +
    `<span class="shown" id="shown" aria-live="polite">共 ${all.length} 行（${summary.inputs.length} 个文件）</span></div>`;
  return (
    filters +
    `<table class="batch" id="batch"><thead><tr>${thead}</tr></thead><tbody>${rows.join('\n')}` +
    `<tr class="empty-row" hidden><td colspan="${heads.length}">没有符合条件的表或文件。</td></tr></tbody></table>`
  );
}

/** The page's head, totals, batch observations and batch table; opens the files' part. */
export function renderHtmlStart(summary: Summary): string {
  const known = new Set(summary.inputs.map((input) => input.path));
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${TITLE}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n` +
    `<header><h1>${TITLE}</h1><p class="subtitle">生成时间：${esc(readableTime(summary.generatedAt))} · 共 ${summary.totals.files} 个文件 · 金额单位：万元</p></header>\n` +
    `<section><h2>总体情况</h2>${renderTotals(summary)}</section>\n` +
    `<section><h2>批次检查</h2>${renderObservations(summary, known)}</section>\n` +
    `<section><h2>文件一览</h2>${renderBatchTable(summary)}</section>\n` +
    `<section id="files"><h2>逐个文件核查结果</h2>` +
    `<p class="toggle-all"><button type="button" id="expand-all">全部展开</button> <button type="button" id="collapse-all">全部折叠</button></p>\n`
  );
}

/** Closes the page, with the script that sorts, filters and opens sections. */
export function renderHtmlEnd(): string {
  return (
    `</section>\n<footer>本报告由 jxaudit 生成：数字与出处取自各文件，金额单位为万元；行、列、段按 1 起数。</footer>\n` +
    `</main>\n<script>${REPORT_JS}</script>\n</body>\n</html>\n`
  );
}
