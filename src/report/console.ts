// What `check` prints: progress while it runs (a bar on a terminal, plain lines
// otherwise, nothing with --quiet) and a short Chinese summary at the end.
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { BatchObservation, Summary } from '../model/report.js';
import { FAILURE_NAMES, FORM_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import type { FileOutcome, FormTally } from '../model/outcome.js';
import { resubmissionLine } from '../archive/compare.js';

/** Above this many files a terminal gets a progress bar instead of one line per file. */
const BAR_THRESHOLD = 3;

export interface Progress {
  start(total: number): void;
  file(row: FileOutcome, done: number, total: number): void;
  stop(): void;
}

export interface ProgressOptions {
  quiet: boolean;
  stream: NodeJS.WriteStream;
}

export function createProgress({ quiet, stream }: ProgressOptions): Progress {
  if (quiet) return { start() {}, file() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total) {
      if (stream.isTTY && total > BAR_THRESHOLD) {
        bar = new cliProgress.SingleBar(
          { stream, format: '核查中 [{bar}] {value}/{total} 个文件 | {file}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { file: '' });
      }
    },
    file(row, done, total) {
      if (bar) bar.update(done, { file: row.path });
      else stream.write(`[${done}/${total}] ${fileLine(row)}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** One file in a line: status, path, counts or failure (the per-file progress lines). */
export function fileLine(row: Pick<FileOutcome, 'path' | 'status' | 'errors' | 'warnings' | 'infos' | 'failure'>): string {
  const status = STATUS_NAMES[row.status];
  if (row.status === 'failed') return `${status} ${row.path}：${row.failure ? FAILURE_NAMES[row.failure.code] : ''}${row.failure?.message ? `（${row.failure.message}）` : ''}`;
  if (row.status === 'ok') return `${status} ${row.path}${row.infos ? `（${SEVERITY_NAMES.info} ${row.infos} 条）` : ''}`;
  return `${status} ${row.path}（${counts(row)}）`;
}

function counts(c: { errors: number; warnings: number; infos: number }): string {
  return `${SEVERITY_NAMES.error} ${c.errors} 条，${SEVERITY_NAMES.warning} ${c.warnings} 条，${SEVERITY_NAMES.info} ${c.infos} 条`;
}

/** How many of each list the end summary shows; every cut list says how many it left out. */
export const LIST_LIMITS = { errorForms: 20, warningForms: 10, failuresPerReason: 10, observations: 20, resubmitted: 20 } as const;

type Row = Pick<FileOutcome, 'path' | 'status' | 'errors' | 'warnings' | 'infos' | 'failure' | 'formTallies'>;

interface ListedForm {
  path: string;
  several: boolean;
  form: FormTally;
}

/** "岳麓区/表.docx 第2张表（项目·某项目）" — the form as staff find it. */
function formName({ path, several, form }: ListedForm): string {
  const what = [FORM_NAMES[form.form], form.entity].filter((p) => p).join('·');
  return `${path}${several ? ` 第${form.index + 1}张表` : ''}（${what}）`;
}

function formLines(forms: ListedForm[], limit: number, rest: (n: number) => string): string[] {
  const lines: string[] = [];
  for (const listed of forms.slice(0, limit)) {
    const f = listed.form;
    lines.push(`  ${formName(listed)}：${counts(f)}`);
    for (const message of f.firstMessages) lines.push(`    · ${message}`);
    const more = f.errors + f.warnings - f.firstMessages.length;
    if (more > 0) lines.push(`    ……另有 ${more} 条`);
  }
  if (forms.length > limit) lines.push(`  ${rest(forms.length - limit)}`);
  return lines;
}

const byPath = (a: ListedForm, b: ListedForm): number =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.form.index - b.form.index;

/**
 * The end-of-run summary (pure, for tests and the terminal): totals with every severity,
 * then forms with errors (most errors first, then by path), forms with warnings only,
 * failed files grouped by reason, batch observations, and the outputs to open next.
 */
export function summaryText(summary: Summary, rows: Row[], outDir: string, cwd: string = process.cwd()): string {
  const t = summary.totals;
  const forms: ListedForm[] = rows.flatMap((row) =>
    (row.formTallies ?? []).map((form) => ({ path: row.path, several: (row.formTallies ?? []).length > 1, form })),
  );
  const infos = rows.reduce((n, r) => n + r.infos, 0);
  const lines = [
    `核查完成：共 ${t.files} 个文件、${forms.length} 张表 — ${STATUS_NAMES.ok} ${t.ok}，${STATUS_NAMES.discrepancies} ${t.discrepancies}，${STATUS_NAMES.failed} ${t.failed}（按文件计）；` +
      `${SEVERITY_NAMES.error} ${t.errors} 条，${SEVERITY_NAMES.warning} ${t.warnings} 条，${SEVERITY_NAMES.info} ${infos} 条`,
  ];
  // --archive: forms the archive held an earlier file of, with what became of its findings
  const resubmitted = forms.filter((f) => f.form.submission?.resolved !== undefined).sort(byPath);
  if (resubmitted.length > 0) {
    lines.push(`再次提交的表（${resubmitted.length} 张，与档案中上一次提交比较）：`);
    for (const listed of resubmitted.slice(0, LIST_LIMITS.resubmitted)) {
      const s = listed.form.submission!;
      lines.push(`  ${formName(listed)}：${resubmissionLine({ submission: s.submission, resolved: s.resolved ?? 0, persisting: s.persisting ?? 0, new: s.new ?? 0 })}`);
    }
    if (resubmitted.length > LIST_LIMITS.resubmitted) lines.push(`  ……另有 ${resubmitted.length - LIST_LIMITS.resubmitted} 张，详见 summary.csv 与 report.html`);
  }
  const withErrors = forms.filter((f) => f.form.errors > 0).sort((a, b) => b.form.errors - a.form.errors || byPath(a, b));
  if (withErrors.length > 0) {
    lines.push(`有错误的表（${withErrors.length} 张，错误多的在前）：`);
    lines.push(...formLines(withErrors, LIST_LIMITS.errorForms, (n) => `……另有 ${n} 张表有错误，详见 summary.csv 与 report.html`));
  }
  const warningsOnly = forms.filter((f) => f.form.errors === 0 && f.form.warnings > 0).sort(byPath);
  if (warningsOnly.length > 0) {
    lines.push(`只有警告的表（${warningsOnly.length} 张）：`);
    lines.push(...formLines(warningsOnly, LIST_LIMITS.warningForms, (n) => `……另有 ${n} 张表只有警告，详见 summary.csv 与 report.html`));
  }
  const failed = rows.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    lines.push(`${STATUS_NAMES.failed}的文件（${failed.length} 个）：`);
    const groups = new Map<string, Row[]>();
    for (const row of failed) {
      const reason = row.failure ? FAILURE_NAMES[row.failure.code] : '未知原因';
      groups.set(reason, [...(groups.get(reason) ?? []), row]);
    }
    for (const [reason, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`  ${reason}（${group.length} 个）：`);
      for (const row of group.slice(0, LIST_LIMITS.failuresPerReason)) lines.push(`    ${row.path}${row.failure?.message ? `：${row.failure.message}` : ''}`);
      if (group.length > LIST_LIMITS.failuresPerReason) lines.push(`    ……另有 ${group.length - LIST_LIMITS.failuresPerReason} 个，详见 summary.csv`);
    }
  }
  if (summary.batch.length > 0) {
    lines.push(`批量检查发现 ${summary.batch.length} 条情况：`);
    for (const obs of summary.batch.slice(0, LIST_LIMITS.observations)) lines.push(`  · ${observationLine(obs)}`);
    if (summary.batch.length > LIST_LIMITS.observations) {
      lines.push(`  ……另有 ${summary.batch.length - LIST_LIMITS.observations} 条，详见 summary.json 与 report.html`);
    }
  }
  const shown = relative(cwd, outDir) || '.';
  const dir = `${shown.startsWith('..') ? outDir : shown}/`;
  lines.push(`结果已写入 ${dir}：`);
  lines.push(`  ${dir}report.html   用浏览器打开：每张表的问题及所在单元格`);
  lines.push(`  ${dir}summary.csv   用 Excel/WPS 打开：每张表一行`);
  lines.push(`  ${dir}findings.csv  用 Excel/WPS 打开：每个问题一行，含位置`);
  lines.push(`  （另有 summary.json、records/、reports/ 供其他程序读取）`);
  return `${lines.join('\n')}\n`;
}

function observationLine(obs: BatchObservation): string {
  return `${SEVERITY_NAMES[obs.severity]}：${obs.message}`;
}
