// The compact number tables of one form in report.html — its fund lines and the
// indicators a finding names — with the cells that findings name highlighted.
import type { FormRecord, FundLine, Indicator, MergedGroup } from '../model/record.js';
import { FUND_COLUMNS, SOURCE_LINES, USE_LINES, isMergedGroup, mergedGroupIndex } from '../model/record-constants.js';
import type { Finding, Severity } from '../model/report.js';
import { escapeHtml as esc } from './html-escape.js';
import { FUND_GROUP_NAMES, SEVERITY_NAMES } from '../model/names.js';
import { REPORT_WORDING, blockOf, parsePath, wildcardPath, type RecordPath } from '../model/record-path.js';
import { fieldLabel, fundLineLabel } from './html-assets/labels.js';
import { cellPlace } from './places.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** field path → the gravest severity of the findings naming it (wildcards kept as written). */
export type Highlights = Map<string, Severity>;

export function collectHighlights(findings: Finding[]): Highlights {
  const marks: Highlights = new Map();
  for (const finding of findings) {
    for (const field of finding.fields) {
      const before = marks.get(field);
      if (!before || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[before]) marks.set(field, finding.severity);
    }
  }
  return marks;
}

/** The severity marking `path`, also through an `indicators[*].x` wildcard. */
function markOf(marks: Highlights, path: string): Severity | undefined {
  if (marks.size === 0) return undefined; // a clean form: every cell of its tables asks
  const exact = marks.get(path);
  // Only indicator paths can match a wildcard.
  const p = path.startsWith('indicators[') ? parsePath(path) : null;
  const wildcard = p?.kind === 'indicator' ? marks.get(wildcardPath(p)) : undefined;
  if (!exact) return wildcard;
  if (!wildcard) return exact;
  return SEVERITY_RANK[exact] >= SEVERITY_RANK[wildcard] ? exact : wildcard;
}

/** One value cell: the record's value, its raw text and place in the title, highlighted if named. */
function valueCell(record: FormRecord, marks: Highlights, path: string, value: string | null | undefined, isText: boolean): string {
  const blank = value === undefined || value === null || value === '';
  const mark = markOf(marks, path);
  const classes = `${isText ? 'text' : 'num'}${blank ? ' blank' : ''}${mark ? ` hl-${mark}` : ''}`;
  // The title says where the cell was read (row and column headers already say what it is),
  // and the whole text where a long text cell may be clipped.
  const origin = record.provenance[path];
  let title = origin ? cellPlace(origin) : undefined;
  if (isText && value && value.length > 16) title = titlePart(title, value);
  if (mark) title = titlePart(title, `${SEVERITY_NAMES[mark]}：${fieldLabel(path, record.indicatorGroups, record.lineLabels)}`);
  const titleAttr = title === undefined ? '' : ` title="${esc(title)}"`;
  const shown = value === undefined ? '' : blank ? '—' : value;
  return `<td class="${classes}" data-field="${esc(path)}"${titleAttr}>${esc(shown)}</td>`;
}

/** A cell title's parts, joined by ' · '. */
function titlePart(before: string | undefined, part: string): string {
  return before === undefined ? part : `${before} · ${part}`;
}

/** Each line's printed place in `group`: the first cell the form printed for it (page,
 *  table, row). One pass over the provenance, not one per line (it has hundreds of paths). */
function printedPlaces(record: FormRecord, group: string): Map<string, number[]> {
  const prefix = `funds.${group}.`;
  const places = new Map<string, number[]>();
  for (const path in record.provenance) {
    const end = path.startsWith(prefix) ? path.indexOf('.', prefix.length) : -1;
    const origin = record.provenance[path];
    if (end < 0 || origin.row === undefined) continue;
    const key = path.slice(prefix.length, end);
    const place = [origin.page ?? 0, origin.table ?? 0, origin.row];
    const best = places.get(key);
    if (!best || compareSeq(place, best) < 0) places.set(key, place);
  }
  return places;
}

function compareSeq(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The lines in the form's printed order (where it printed them); lines with no printed
 *  cell follow, known lines in record.md's order, then the others as the record lists them. */
export function orderedLines(record: FormRecord, group: string, lines: Record<string, FundLine>, known: readonly string[]): string[] {
  const present = Object.keys(lines);
  const listed = [...known.filter((k) => present.includes(k)), ...present.filter((k) => !known.includes(k))];
  const places = printedPlaces(record, group);
  return listed
    .map((key, i) => ({ key, i, place: places.get(key) ?? null }))
    .sort((a, b) => (a.place && b.place ? compareSeq(a.place, b.place) : a.place ? -1 : b.place ? 1 : 0) || a.i - b.i)
    .map((x) => x.key);
}

/** The fund block (资金来源 / 资金结构 × the layout's columns); '' when the form has none. */
export function renderFundTable(record: FormRecord, marks: Highlights): string {
  const groups: Array<['sources' | 'uses', Record<string, FundLine>, readonly string[]]> = [['sources', record.funds.sources, SOURCE_LINES]];
  if (record.funds.uses) groups.push(['uses', record.funds.uses, USE_LINES]);
  const allLines = groups.flatMap(([, lines]) => Object.values(lines));
  if (allLines.length === 0) return '';
  const columns = FUND_COLUMNS.filter((col) => allLines.some((line) => Object.hasOwn(line, col)));
  const head = `<thead><tr><th>项目</th>${columns
    .map((col) => `<th class="${col === 'reason' ? '' : 'num'}">${esc(REPORT_WORDING.columns[col])}</th>`)
    .join('')}</tr></thead>`;
  const bodies = groups
    .filter(([, lines]) => Object.keys(lines).length > 0)
    .map(([group, lines, known]) => {
      const rows = orderedLines(record, group, lines, known).map((key) => {
        const line = lines[key];
        const cells = columns.map((col) =>
          valueCell(record, marks, `funds.${group}.${key}.${col}`, line[col], col === 'reason'),
        );
        return `<tr><th scope="row">${esc(fundLineLabel(group, key, record.lineLabels))}</th>${cells.join('')}</tr>`;
      });
      return `<tbody><tr class="group-head"><th colspan="${columns.length + 1}">${esc(FUND_GROUP_NAMES[group])}</th></tr>${rows.join('')}</tbody>`;
    });
  return `<h4>资金情况（万元）</h4><table class="funds">${head}${bodies.join('')}</table>`;
}

const INDICATOR_COLUMNS = ['target', 'actual', 'weight', 'score', 'deviation'] as const;

/** Indicator rows (by 0-based index) with the layout's value columns, and the total when asked. */
function indicatorTable(record: FormRecord, marks: Highlights, indexes: number[], withTotal: boolean, full: boolean): string {
  const columns = INDICATOR_COLUMNS.filter(
    (col) =>
      col === 'target' || col === 'actual' || record.indicators.some((ind) => Object.hasOwn(ind, col)) ||
      record.indicatorGroups.some((g) => isMergedGroup(g) && Object.hasOwn(g, col)) ||
      (withTotal && (col === 'weight' || col === 'score')),
  );
  const labelHeads = full ? '<th>一级指标</th><th>二级指标</th><th>三级指标</th>' : '<th>指标</th>';
  const head = `<thead><tr><th class="num">序号</th>${labelHeads}${columns
    .map((col) => `<th class="${col === 'deviation' ? '' : 'num'}">${esc(REPORT_WORDING.indicatorFields[col])}</th>`)
    .join('')}</tr></thead>`;
  const rows = indexes.map((index) => {
    const indicator: Indicator = record.indicators[index];
    const labels = full
      ? [indicator.level1, indicator.level2, indicator.name].map((text) => `<td class="label">${esc(text ?? '—')}</td>`).join('')
      : `<td class="text" title="${esc([indicator.level1, indicator.level2, indicator.name].filter((p) => p).join(' / '))}">${esc(indicator.name ?? '—')}</td>`;
    const cells = columns.map((col) => {
      const group = mergedGroupOf(record, index, col);
      if (!group) return valueCell(record, marks, `indicators[${index}].${col}`, indicator[col], col === 'deviation');
      // the group's one cell, spanning its indicators shown here
      const shown = group.members.filter((i) => indexes.includes(i));
      if (shown[0] !== index) return '';
      const cell = valueCell(record, marks, `indicatorGroups[${group.g}].${col}`, group.value, false);
      return shown.length > 1 ? cell.replace('<td ', `<td rowspan="${shown.length}" `) : cell;
    });
    return `<tr><td class="num">${index + 1}</td>${labels}${cells.join('')}</tr>`;
  });
  if (withTotal) {
    const cells = columns.map((col) =>
      col === 'weight' || col === 'score' ? valueCell(record, marks, `total.${col}`, record.total[col], false) : '<td></td>',
    );
    rows.push(`<tr><td></td><th scope="row" colspan="${full ? 3 : 1}">合计</th>${cells.join('')}</tr>`);
  }
  return `<table class="indicators${full ? ' full' : ''}">${head}<tbody>${rows.join('')}</tbody></table>`;
}

/** The merged 分值/得分 cell written for indicator `index` (record.md: its indicatorGroups entry), if any. */
function mergedGroupOf(record: FormRecord, index: number, col: string): { g: number; members: number[]; value: string | null | undefined } | null {
  if (col !== 'weight' && col !== 'score') return null;
  const g = mergedGroupIndex(record.indicatorGroups, index, col);
  if (g < 0) return null;
  const group = record.indicatorGroups[g] as MergedGroup;
  return { g, members: group.indicators, value: group[col] };
}

/** The indicators (and the total) that findings name; '' when no finding names one. */
export function renderIndicatorTable(record: FormRecord, marks: Highlights): string {
  const paths = [...marks.keys()].map(parsePath);
  const merged = (p: RecordPath | null) => p?.kind === 'group' && p.index !== '*' && isMergedGroup(record.indicatorGroups[p.index] ?? {});
  const everyIndicator = paths.some((p) => (p?.kind === 'indicator' && p.index === '*') || (p?.kind === 'group' && !merged(p)));
  const named = new Set<number>();
  for (const p of paths) {
    if (p?.kind === 'indicator' && p.index !== '*') named.add(p.index);
    // a merged 分值/得分 cell: the indicators it was written for
    if (p?.kind === 'group' && p.index !== '*' && merged(p)) for (const i of (record.indicatorGroups[p.index] as MergedGroup).indicators) named.add(i);
  }
  const showTotal = everyIndicator || paths.some((p) => p !== null && blockOf(p) === 'total');
  const indexes = record.indicators.map((_, index) => index).filter((index) => everyIndicator || named.has(index));
  if (indexes.length === 0 && !showTotal) return '';
  return `<h4>相关指标</h4>${indicatorTable(record, marks, indexes, showTotal, false)}`;
}

/** Everything else a reader may want to see of the form, folded: all indicators and the yearly goals. */
export function renderFormDetails(record: FormRecord, marks: Highlights): string {
  const parts: string[] = [];
  if (record.indicators.length > 0) {
    parts.push(
      `<h4>绩效指标（${record.indicators.length} 项）</h4>` +
        indicatorTable(record, marks, record.indicators.map((_, index) => index), true, true),
    );
  }
  if (record.goals.length > 0) {
    const rows = record.goals
      .map((goal) => `<tr><td class="label">${esc(goal.target ?? '—')}</td><td class="label">${esc(goal.result ?? '—')}</td></tr>`)
      .join('');
    parts.push(`<h4>年度总体目标</h4><table class="goals"><thead><tr><th>年初设定目标</th><th>全年完成情况</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (parts.length === 0) return '';
  return `<details class="more"><summary>全部指标与年度目标</summary><div class="more-body">${parts.join('')}</div></details>`;
}
