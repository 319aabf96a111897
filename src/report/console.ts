// What `check` prints: progress while it runs (a bar on a terminal, plain lines
// otherwise, nothing with --quiet) and a short Chinese summary at the end.
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { BatchObservation, Summary } from '../model/report.js';
import { SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import type { FileOutcome } from '../model/outcome.js';

/** Above this many files a terminal gets a progress bar instead of one line per file. */
const BAR_THRESHOLD = 3;
/** The end summary lists at most this many files with problems. */
const MAX_LISTED_FILES = 20;

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

/** One file in a line: status, path, counts or failure. */
export function fileLine(row: Pick<FileOutcome, 'path' | 'status' | 'errors' | 'warnings' | 'failure'>): string {
  const status = STATUS_NAMES[row.status];
  if (row.status === 'failed') return `${status} ${row.path}：${row.failure?.message ?? ''}`;
  if (row.status === 'ok') return `${status} ${row.path}`;
  return `${status} ${row.path}（${SEVERITY_NAMES.error} ${row.errors} 条，${SEVERITY_NAMES.warning} ${row.warnings} 条）`;
}

/** The end-of-run summary (pure, for tests and the terminal). */
export function summaryText(summary: Summary, rows: FileOutcome[], outDir: string, cwd: string = process.cwd()): string {
  const t = summary.totals;
  const lines = [
    `核查完成：共 ${t.files} 个文件 — ${STATUS_NAMES.ok} ${t.ok}，${STATUS_NAMES.discrepancies} ${t.discrepancies}，${STATUS_NAMES.failed} ${t.failed}；${SEVERITY_NAMES.error} ${t.errors} 条，${SEVERITY_NAMES.warning} ${t.warnings} 条`,
  ];
  const problems = rows.filter((r) => r.status !== 'ok');
  if (problems.length > 0) {
    lines.push('有问题的文件：');
    for (const row of problems.slice(0, MAX_LISTED_FILES)) {
      lines.push(`  ${fileLine(row)}`);
      for (const message of row.firstMessages) lines.push(`    · ${message}`);
    }
    if (problems.length > MAX_LISTED_FILES) {
      lines.push(`  ……另有 ${problems.length - MAX_LISTED_FILES} 个文件有问题，详见 summary.csv 与 report.html`);
    }
  }
  if (summary.batch.length > 0) {
    lines.push(`批量检查发现 ${summary.batch.length} 条情况：`);
    for (const obs of summary.batch.slice(0, MAX_LISTED_FILES)) lines.push(`  · ${observationLine(obs)}`);
  }
  const shown = relative(cwd, outDir) || '.';
  lines.push(`结果已写入 ${shown.startsWith('..') ? outDir : shown}/（report.html、summary.csv、findings.csv、records/、reports/）`);
  return `${lines.join('\n')}\n`;
}

function observationLine(obs: BatchObservation): string {
  return obs.message;
}
