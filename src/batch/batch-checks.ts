// Observations across the files of one batch (summary.json `batch`): the same
// content twice, the same form (entity + year + kind) twice, forms of another
// year than --year. They never enter per-file reports: a file's report depends on that file alone.
import type { BatchObservation } from '../model/report.js';
import type { FileOutcome } from '../model/outcome.js';
import { entityKey } from '../archive/entity-key.js';

const KIND_NAMES: Record<string, string> = { 'dept-overall': '部门整体支出绩效自评表', project: '项目支出绩效自评表' };

type BatchRow = Pick<FileOutcome, 'path' | 'sha256' | 'forms' | 'status'>;

/** Pure: rows in input order → observations in a deterministic order. */
export function batchObservations(rows: BatchRow[], opts: { year?: number } = {}): BatchObservation[] {
  const out: BatchObservation[] = [];

  const byContent = groupBy(rows.filter((r) => r.sha256 !== null), (r) => r.sha256!);
  for (const group of byContent.values()) {
    if (group.length < 2) continue;
    out.push({
      kind: 'duplicate-content',
      severity: 'warning',
      message: `${group.length} 个文件内容完全相同（重复提交）：${someOf(group.map((r) => r.path))}`,
      paths: group.map((r) => r.path),
    });
  }

  // Same entity + year + kind from different content: two versions of one form. The
  // entity is compared as the archive files it (entityKey): a name read from a cell
  // keeps its full-width brackets, the same name from a "标签：值" line does not, and a
  // resubmission may add or drop the city before the district.
  const allForms = rows.flatMap((r) => r.forms.map((f) => ({ ...f, path: r.path, sha256: r.sha256 })));
  const forms = allForms
    .map((f) => ({ ...f, key: entityKey(f.entity) }))
    .filter((f) => f.key !== null && f.year !== null)
    .map((f) => ({ ...f, entity: f.entity!.trim(), year: f.year! }));
  const byForm = groupBy(forms, (f) => `${f.form}\u0000${f.key}\u0000${f.year}`);
  for (const group of byForm.values()) {
    const paths = unique(group.map((f) => f.path));
    const contents = unique(group.map((f) => f.sha256 ?? f.path));
    if (group.length < 2) continue;
    if (contents.length < 2 && paths.length > 1) continue; // identical files: already told as duplicate-content
    const { entity, year, form } = group[0];
    out.push({
      kind: 'duplicate-form',
      severity: 'warning',
      message: `“${entity}”${year} 年度${KIND_NAMES[form] ?? form}出现 ${group.length} 份，请确认以哪一份为准：${someOf(paths)}`,
      paths,
      forms: group.map((f) => ({ path: f.path, index: f.index })),
    });
  }

  if (opts.year !== undefined) {
    const year = opts.year;
    const others = allForms.filter((f) => f.year !== null && f.year !== year);
    for (const [, group] of groupBy(others, (f) => f.path)) {
      const years = unique(group.map((f) => String(f.year)));
      out.push({
        kind: 'other-year',
        severity: 'warning',
        message: `${group[0].path} 是 ${years.join('、')} 年度的表，不是本次核查的 ${year} 年度`,
        paths: [group[0].path],
        forms: group.map((f) => ({ path: f.path, index: f.index })),
      });
    }
  }
  return out;
}

/** Where each observation belongs in a table of one row per form: one about forms (it lists
 *  them) on those forms' rows, one about a whole file on that file's (`formKey(path, null)`). */
export function observationsByForm(observations: BatchObservation[]): Map<string, BatchObservation[]> {
  const map = new Map<string, BatchObservation[]>();
  const add = (key: string, obs: BatchObservation) => {
    const list = map.get(key);
    if (list) list.push(obs);
    else map.set(key, [obs]);
  };
  for (const obs of observations) {
    if (obs.forms) for (const f of obs.forms) add(formKey(f.path, f.index), obs);
    else for (const path of obs.paths) add(formKey(path, null), obs);
  }
  return map;
}

/** The key of a form (or, index null, of its whole file) in observationsByForm's map. */
export function formKey(path: string, index: number | null): string {
  return index === null ? path : `${path}\u0000${index}`;
}

/** How many paths a message names: a whole batch submitted twice must not make one message (or CSV cell) per path. */
export const LISTED_PATHS = 5;

/** "a、b、c" — or the first few and the count, the full list being the observation's `paths` (once, in summary.json). */
function someOf(paths: string[]): string {
  if (paths.length <= LISTED_PATHS) return paths.join('、');
  return `${paths.slice(0, LISTED_PATHS).join('、')} 等 ${paths.length} 个（完整清单见 summary.json）`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
