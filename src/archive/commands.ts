// `jxaudit archive list | show | rebuild`: what an archive holds, in Chinese, as text.
// Listings are sorted by year, kind, entity and arrival, so the same entries always
// print the same lines — an index and its rebuild list alike.
import { existsSync, statSync } from 'node:fs';
import { FORM_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/names.js';
import type { FileReport } from '../model/report.js';
import { resubmissionLine } from './compare.js';
import { entityKey, normalizeEntity } from './entity-key.js';
import { ArchiveError, ArchiveStore, byListingOrder, sameFormKey, type IndexedEntry } from './store.js';

/** Nothing in the archive answers the question (exit 1, unlike bad usage). */
export class ArchiveNotFound extends Error {
  override name = 'ArchiveNotFound';
}

export function openExisting(dir: string): ArchiveStore {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ArchiveError(`档案文件夹不存在：${dir}`);
  return ArchiveStore.open(dir);
}

/** Each entry's 第n次提交 among its form's archived files (null when it has no year or entity to be matched by). */
function submissionNumbers(entries: IndexedEntry[]): Map<IndexedEntry, number | null> {
  const seen = new Map<string, Set<string>>();
  const out = new Map<IndexedEntry, number | null>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const key = sameFormKey(e);
    if (key === null) {
      out.set(e, null);
      continue;
    }
    const shas = seen.get(key) ?? new Set<string>();
    shas.add(e.sha256);
    seen.set(key, shas);
    out.set(e, shas.size);
  }
  return out;
}

export interface ListFilters {
  year?: number;
  status?: 'ok' | 'discrepancies';
  entity?: string;
}

/** --status as typed: ok / discrepancies or 通过 / 有差异. */
export function parseStatus(text: string): 'ok' | 'discrepancies' | null {
  if (text === 'ok' || text === STATUS_NAMES.ok) return 'ok';
  if (text === 'discrepancies' || text === STATUS_NAMES.discrepancies) return 'discrepancies';
  return null;
}

function entityMatches(e: IndexedEntry, query: string): boolean {
  const q = normalizeEntity(query);
  const key = entityKey(query);
  return (key !== null && e.entityKey === key) || (e.entity !== null && normalizeEntity(e.entity).includes(q));
}

const LIST_HEAD = ['年度', '表样', '单位', '提交', '状态', '错误', '警告', '核查时间', 'SHA-256', '文件'];

/** One line per archived form, tab-separated, with a header. */
export function listText(entries: IndexedEntry[], filters: ListFilters = {}): string {
  const numbers = submissionNumbers(entries);
  const shown = entries
    .filter((e) => filters.year === undefined || e.year === filters.year)
    .filter((e) => filters.status === undefined || e.status === filters.status)
    .filter((e) => filters.entity === undefined || entityMatches(e, filters.entity))
    .sort(byListingOrder);
  const lines = shown.map((e) => {
    const n = numbers.get(e);
    return [
      e.year ?? '年度不明',
      FORM_NAMES[e.form],
      e.entity ?? '单位不明',
      n === null || n === undefined ? '—' : `第${n}次`,
      STATUS_NAMES[e.status],
      e.errors,
      e.warnings,
      e.checkedAt,
      e.sha256.slice(0, 12),
      e.path,
    ].join('\t');
  });
  return `${[LIST_HEAD.join('\t'), ...lines].join('\n')}\n共 ${shown.length} 张表（档案共 ${entries.length} 张）\n`;
}

function entryBlock(store: ArchiveStore, e: IndexedEntry, n: number | null): string[] {
  const lines = [
    `  ${n === null ? '' : `第${n}次提交 · `}${STATUS_NAMES[e.status]} · 错误 ${e.errors} 条，警告 ${e.warnings} 条，提示 ${e.infos} 条`,
    `    文件：${e.path}${e.formIndex > 0 ? ` 第${e.formIndex + 1}张表` : ''}`,
    `    SHA-256：${e.sha256}`,
    `    核查时间：${e.checkedAt}`,
    `    存放：${e.dir}/`,
  ];
  let report: FileReport;
  try {
    report = store.read(e).report as FileReport;
  } catch {
    lines.push('    （报告无法读取）');
    return lines;
  }
  const resub = report.resubmissions?.find((r) => r.formIndex === e.formIndex);
  if (resub) {
    lines.push(`    ${resubmissionLine(resub)}（上次：${resub.previous.path}）`);
    for (const [title, list] of [['已改正', resub.resolved], ['仍存在', resub.persisting], ['新问题', resub.new]] as const) {
      for (const f of list) lines.push(`      ${title} · ${SEVERITY_NAMES[f.severity]}：${f.message}`);
    }
    for (const c of resub.changes) lines.push(`      改动 · ${c.label}：${c.before ?? '（无）'} → ${c.after ?? '（无）'}`);
  } else {
    for (const f of report.findings.filter((x) => (x.formIndex ?? 0) === e.formIndex && x.severity !== 'info')) {
      lines.push(`      ${SEVERITY_NAMES[f.severity]}：${f.message}`);
    }
  }
  return lines;
}

/** An entity's (or one file's, by sha256 or its first ≥ 6 hex digits) submissions, oldest first, with what changed each time. */
export function showText(store: ArchiveStore, query: string): string {
  const entries = store.list();
  const numbers = submissionNumbers(entries);
  const bySha = /^[0-9a-f]{6,64}$/i.test(query) ? entries.filter((e) => e.sha256.startsWith(query.toLowerCase())) : [];
  const chosen = bySha.length > 0 ? bySha : entries.filter((e) => entityMatches(e, query));
  if (chosen.length === 0) throw new ArchiveNotFound(`档案中没有与“${query}”相符的单位、项目或文件（jxaudit archive list 列出全部）`);
  const groups = new Map<string, IndexedEntry[]>();
  for (const e of [...chosen].sort(byListingOrder)) {
    const key = sameFormKey(e) ?? `#${e.seq}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const all = entries.filter((e) => sameFormKey(e) !== null && sameFormKey(e) === sameFormKey(first));
    const total = new Set(all.map((e) => e.sha256)).size;
    lines.push(`${first.year ?? '年度不明'}年度 · ${FORM_NAMES[first.form]} · ${first.entity ?? '单位不明'}${total > 1 ? `（共 ${total} 次提交）` : ''}`);
    for (const e of group) lines.push(...entryBlock(store, e, numbers.get(e) ?? null));
  }
  return `${lines.join('\n')}\n`;
}
