// Record paths (record.md) as typed values: parsed once here, and nowhere else by
// pattern. A path names a fund line or one of its columns, an indicator's field, a
// group weight, a goal's field, a narrative fact or stated change, a block, or a
// plain field. Which fund lines exist comes from the record schema plus the lines
// loaded templates add (and the reader's `extraN` lines); one label function words
// any path, with each context's wording (finding messages, report.html) as data.
import { CONCEPT_NAMES, BLOCK_NAMES, PROJECT_CONCEPT_NAMES, FUND_COLUMN_NAMES, FUND_GROUP_NAMES, INDICATOR_FIELD_NAMES, SOURCE_LINE_NAMES, USE_LINE_NAMES, nameOf } from './names.js';
import type { FormRecord } from './record.js';
import { FUND_COLUMNS, INDICATOR_FIELDS, RECORD_BLOCKS, SOURCE_LINES, USE_LINES, isMergedGroup, type FormKind, type FundColumn, type IndicatorField, type RecordBlock } from './record-constants.js';

export type FundGroup = 'sources' | 'uses';
/** An index, or `*` for every item (rules name all indicators at once). */
export type Index = number | '*';

export type RecordPath =
  | { kind: 'fund'; group: FundGroup; line: string | '*'; column: FundColumn | null }
  | { kind: 'indicator'; index: Index; field: IndicatorField }
  /** A group's weight (a label's, a goal block's, a merged cell's) or a merged cell's score. */
  | { kind: 'group'; index: Index; field: 'weight' | 'score' }
  | { kind: 'goal'; index: Index; field: 'target' | 'result' }
  | { kind: 'fact'; concept: string }
  | { kind: 'change'; index: number; part: 'amount' | 'base' | 'percent' | 'direction' | 'concept' }
  | { kind: 'block'; block: RecordBlock | '*' }
  /** total.weight, conclusions.problems, unit, grade, header.department … */
  | { kind: 'field'; name: string };

const FIELDS = new Set([
  'total.weight', 'total.score', 'conclusions.verdict', 'conclusions.problems', 'conclusions.measures',
  'unit', 'grade', 'year', 'entity', 'header.department', 'header.implementer',
  // the reports printed in the file that bind to no form (a finding names them, never a rule file)
  'unboundReports',
]);
const CHANGE_PARTS = new Set(['amount', 'base', 'percent', 'direction', 'concept']);
const LINE_KEY = /^[a-z][a-zA-Z0-9]*$/;

function index(text: string): Index | null {
  if (text === '*') return '*';
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** "indicators[3]" → ["indicators", 3]; null when the segment is no list item. */
function item(segment: string): [string, Index] | null {
  const open = segment.indexOf('[');
  if (open < 0 || !segment.endsWith(']')) return null;
  const i = index(segment.slice(open + 1, -1));
  return i === null ? null : [segment.slice(0, open), i];
}

function parseUncached(path: string): RecordPath | null {
  if (path.startsWith('narrative.facts.')) {
    const concept = path.slice('narrative.facts.'.length);
    return concept ? { kind: 'fact', concept } : null;
  }
  if (FIELDS.has(path)) return { kind: 'field', name: path };
  const parts = path.split('.');
  if (parts[0] === 'funds' && (parts[1] === 'sources' || parts[1] === 'uses') && (parts.length === 3 || parts.length === 4)) {
    const line = parts[2];
    const column = parts[3] ?? null;
    if (line === '*' ? column !== null : !LINE_KEY.test(line)) return null;
    if (column !== null && !(FUND_COLUMNS as readonly string[]).includes(column)) return null;
    return { kind: 'fund', group: parts[1], line, column: column as FundColumn | null };
  }
  if (parts[0] === 'blocks' && parts.length === 2) {
    const block = parts[1];
    return block === '*' || (RECORD_BLOCKS as readonly string[]).includes(block) ? { kind: 'block', block: block as RecordBlock | '*' } : null;
  }
  if (parts.length === 2) {
    const head = item(parts[0]);
    if (head?.[0] === 'indicators' && (INDICATOR_FIELDS as readonly string[]).includes(parts[1])) {
      return { kind: 'indicator', index: head[1], field: parts[1] as IndicatorField };
    }
    if (head?.[0] === 'indicatorGroups' && (parts[1] === 'weight' || parts[1] === 'score')) return { kind: 'group', index: head[1], field: parts[1] };
    if (head?.[0] === 'goals' && (parts[1] === 'target' || parts[1] === 'result')) return { kind: 'goal', index: head[1], field: parts[1] };
  }
  if (parts.length === 3 && parts[0] === 'narrative') {
    const change = item(parts[1]);
    if (change?.[0] === 'changes' && change[1] !== '*' && CHANGE_PARTS.has(parts[2])) {
      return { kind: 'change', index: change[1], part: parts[2] as 'amount' };
    }
  }
  return null;
}

// Memoized: rules ask for the same few hundred paths on every record.
const cache = new Map<string, RecordPath | null>();
const CACHE_LIMIT = 10_000;

/** The typed value of a record path, or null when it names nothing a record holds. */
export function parsePath(path: string): RecordPath | null {
  const known = cache.get(path);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded whatever the records hold
  return cache.set(path, parseUncached(path)).get(path)!;
}

/** The path as text (inverse of parsePath). */
export function formatPath(p: RecordPath): string {
  switch (p.kind) {
    case 'fund':
      return `funds.${p.group}.${p.line}${p.column ? `.${p.column}` : ''}`;
    case 'indicator':
      return `indicators[${p.index}].${p.field}`;
    case 'group':
      return `indicatorGroups[${p.index}].${p.field}`;
    case 'goal':
      return `goals[${p.index}].${p.field}`;
    case 'fact':
      return `narrative.facts.${p.concept}`;
    case 'change':
      return `narrative.changes[${p.index}].${p.part}`;
    case 'block':
      return `blocks.${p.block}`;
    case 'field':
      return p.name;
  }
}

/** A parsed path's text with its index as '*' ("indicators[3].score" → "indicators[*].score"),
 *  made once per parsed path: a wildcard is compared with every cell of a record. */
const wildcards = new WeakMap<RecordPath, string>();
export function wildcardPath(p: RecordPath): string {
  let text = wildcards.get(p);
  if (text === undefined) wildcards.set(p, (text = formatPath({ ...p, index: '*' } as RecordPath)));
  return text;
}

/** The keys along a concrete path, for walking a record ("indicators[3].score" → indicators, 3, score). */
export function pathKeys(p: RecordPath): Array<string | number> {
  switch (p.kind) {
    case 'fund':
      return ['funds', p.group, p.line, ...(p.column ? [p.column] : [])];
    case 'indicator':
      return ['indicators', p.index, p.field];
    case 'group':
      return ['indicatorGroups', p.index, p.field];
    case 'goal':
      return ['goals', p.index, p.field];
    case 'fact':
      return ['narrative', 'facts', p.concept];
    case 'change':
      return ['narrative', 'changes', p.index, p.part];
    case 'block':
      return ['blocks', p.block];
    case 'field':
      return p.name.split('.');
  }
}

/** What a rule file may name: the schema's fund lines plus those loaded templates add. */
export interface PathVocabulary {
  sources: ReadonlySet<string>;
  uses: ReadonlySet<string>;
}

export const SCHEMA_VOCABULARY: PathVocabulary = { sources: new Set(SOURCE_LINES), uses: new Set(USE_LINES) };

/** The schema's vocabulary with the lines of the given templates (`lines: { sources: { generalBudget: … } }`). */
export function vocabularyWith(lines: Array<Partial<Record<FundGroup, Record<string, unknown>>>>): PathVocabulary {
  const sources = new Set<string>(SOURCE_LINES);
  const uses = new Set<string>(USE_LINES);
  for (const l of lines) {
    for (const key of Object.keys(l.sources ?? {})) sources.add(key);
    for (const key of Object.keys(l.uses ?? {})) uses.add(key);
  }
  return { sources, uses };
}

/** A line the fund-block reader names by itself: a source line no lexicon knows ("extra1"). */
const READER_LINE = /^extra\d+$/;

/** A fund line key the reader gave a line no lexicon knows (extra1, extra2 …). */
export function isReaderLine(line: string): boolean {
  return READER_LINE.test(line);
}

/** True when a rule may name `path`: items only as `[*]`, fund lines the vocabulary knows, known concepts. */
export function isRulePath(path: string, vocabulary: PathVocabulary = SCHEMA_VOCABULARY): boolean {
  const p = parsePath(path);
  if (!p) return false;
  switch (p.kind) {
    case 'fund':
      return p.line === '*' || vocabulary[p.group].has(p.line) || READER_LINE.test(p.line);
    case 'indicator':
    case 'group':
    case 'goal':
      return p.index === '*';
    case 'fact':
      return Object.hasOwn(CONCEPT_NAMES, p.concept);
    case 'change':
      return false;
    case 'block':
      return true;
    case 'field':
      return ['total.weight', 'total.score', 'conclusions.verdict', 'conclusions.problems', 'conclusions.measures', 'unit', 'grade'].includes(p.name);
  }
}

/** The block a path lies in (rules.md check 29), or null outside the four blocks. */
export function blockOf(p: RecordPath): RecordBlock | null {
  if (p.kind === 'fund') return 'fund';
  if (p.kind === 'indicator' || p.kind === 'group') return 'indicators';
  if (p.kind === 'goal') return 'goals';
  if (p.kind === 'field' && p.name.startsWith('total.')) return 'total';
  return null;
}

// ---- wording ----

/** How one context words paths (data, not code): finding messages and report.html differ. */
export interface PathWording {
  /** Plain fields and blocks. */
  fields: Record<string, string>;
  /** A fund group's name before its line ('资金来源·合计·…'), or none when the line's name says it. */
  groups: Record<FundGroup, string> | null;
  /** Line names; `total` per group (a project form's source total per `projectSourceTotal`). */
  lines: Record<FundGroup, Record<string, string>>;
  projectSourceTotal: string | null;
  columns: Record<string, string>;
  indicatorFields: Record<string, string>;
  /** `{n}` = the indicator's number from 1. */
  indicator: { all: string; one: string };
  /** A group weight: `{label}` of a goal block, `{level1}`, `{n}` from 1. */
  groupWeight: { allGoals: string; allLevel1: string; goal: string; level1: string; unknown: string };
  /** A merged 分值/得分 cell's group: `{first}`–`{last}` its indicators' numbers from 1, `{field}` the column. */
  mergedGroup: string;
  goals: Record<'target' | 'result', string> | null;
  /** `{n}` = the change's number from 1, `{part}` its part's name. */
  change: { template: string; parts: Record<string, string> } | null;
  concepts: Record<string, string>;
  /** Concept names a project form's wording replaces (none: the concepts' own names serve). */
  projectConcepts: Record<string, string>;
  factPrefix: string;
  joiner: string;
  /** Whether a fund line alone (no column) is worded, or left as its path. */
  wholeLines: boolean;
}

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

/** What labels depend on: the form kind, the row labels the form printed, its group weights. */
export interface LabelContext {
  form?: FormKind;
  lineLabels?: Record<string, string>;
  indicatorGroups?: FormRecord['indicatorGroups'];
}

/** A fund line's name in a wording; a line a template or the reader adds is named as the form printed it. */
export function lineName(w: PathWording, group: FundGroup, line: string, ctx: LabelContext = {}): string {
  if (group === 'sources' && line === 'total' && ctx.form === 'project' && w.projectSourceTotal) return w.projectSourceTotal;
  if (group === 'sources' && line === 'total' && !w.groups && onlyTotalOfUses(ctx.lineLabels)) return ctx.lineLabels!['funds.sources.total'];
  const names = w.lines[group];
  return Object.hasOwn(names, line) ? names[line] : ctx.lineLabels?.[`funds.${group}.${line}`] ?? line;
}

/** A fund block printing its spending alone (支出合计 over 基本支出 and 项目支出, no sources
 *  part): its one total is read as the sources total, but it is no 资金来源合计 to a reader. */
function onlyTotalOfUses(labels: Record<string, string> | undefined): boolean {
  if (!labels?.['funds.sources.total']) return false;
  const keys = Object.keys(labels);
  return keys.some((k) => k.startsWith('funds.uses.')) && !keys.some((k) => k.startsWith('funds.sources.') && k !== 'funds.sources.total');
}

/** A group's weight or score: a merged cell's by its indicators' numbers, a label's by the label. */
function groupName(w: PathWording, i: Index, field: 'weight' | 'score', groups: FormRecord['indicatorGroups'] | undefined): string {
  const t = w.groupWeight;
  const g = i === '*' ? undefined : groups?.[i];
  if (g && isMergedGroup(g)) {
    return fill(w.mergedGroup, { first: g.indicators[0] + 1, last: g.indicators[g.indicators.length - 1] + 1, field: nameOf(w.indicatorFields, field) });
  }
  if (field !== 'weight') return `indicatorGroups[${i}].${field}`;
  if (i === '*') return groups?.some((g) => 'label' in g) ? t.allGoals : t.allLevel1;
  if (g && 'label' in g) return fill(t.goal, { label: g.label });
  if (g && 'level1' in g) return fill(t.level1, { level1: g.level1 });
  return fill(t.unknown, { n: i + 1 });
}

/** A record path in Chinese, in the given wording; a path the wording has no name for is returned as it is. */
export function pathLabel(path: string, w: PathWording, ctx: LabelContext = {}): string {
  if (Object.hasOwn(w.fields, path)) return w.fields[path];
  const p = parsePath(path);
  if (!p) return path;
  switch (p.kind) {
    case 'fund': {
      if (p.line === '*' || (!p.column && !w.wholeLines)) return path;
      const parts = [...(w.groups ? [w.groups[p.group]] : []), lineName(w, p.group, p.line, ctx)];
      if (p.column) parts.push(nameOf(w.columns, p.column));
      return parts.join(w.joiner);
    }
    case 'indicator':
      return [p.index === '*' ? w.indicator.all : fill(w.indicator.one, { n: p.index + 1 }), nameOf(w.indicatorFields, p.field)].join(w.joiner);
    case 'group':
      return groupName(w, p.index, p.field, ctx.indicatorGroups);
    case 'goal':
      return w.goals ? w.goals[p.field] : path;
    case 'fact':
      return w.factPrefix + (ctx.form === 'project' && Object.hasOwn(w.projectConcepts, p.concept) ? w.projectConcepts[p.concept] : nameOf(w.concepts, p.concept));
    case 'change':
      if (!w.change || !Object.hasOwn(w.change.parts, p.part)) return path;
      return fill(w.change.template, { n: p.index + 1, part: w.change.parts[p.part] });
    default:
      return path;
  }
}

const blockFields = Object.fromEntries(Object.entries(BLOCK_NAMES).map(([b, name]) => [`blocks.${b}`, name]));

/** Finding messages: "资金来源合计执行率", "第3项指标得分", "年度绩效目标1的分值". */
export const MESSAGE_WORDING: PathWording = {
  fields: {
    ...blockFields,
    'total.weight': '总分分值',
    'total.score': '总分得分',
    unit: '金额单位',
    grade: '自评等级',
    'conclusions.verdict': '评价结论',
    'conclusions.problems': '存在的问题',
    'conclusions.measures': '改进措施',
    unboundReports: '未对应任何表的自评报告',
  },
  groups: null,
  lines: {
    sources: { total: `${FUND_GROUP_NAMES.sources}合计`, ...SOURCE_LINE_NAMES },
    uses: { total: `${FUND_GROUP_NAMES.uses}合计`, ...USE_LINE_NAMES },
  },
  projectSourceTotal: '年度资金总额',
  columns: FUND_COLUMN_NAMES,
  indicatorFields: INDICATOR_FIELD_NAMES,
  indicator: { all: '各项指标', one: '第{n}项指标' },
  groupWeight: {
    allGoals: '各年度绩效目标的分值',
    allLevel1: '一级指标标注的分值',
    goal: '{label}的分值',
    level1: '一级指标“{level1}”标注的分值',
    unknown: '一级指标标注的分值',
  },
  mergedGroup: '第{first}至{last}项指标合并填写的{field}',
  goals: { target: '年度目标', result: '全年完成情况' },
  change: { template: '{part}', parts: { amount: '增减额', base: '比较基数', percent: '增减幅度' } },
  concepts: CONCEPT_NAMES,
  projectConcepts: PROJECT_CONCEPT_NAMES,
  factPrefix: '',
  joiner: '',
  wholeLines: true,
};

/** report.html: "资金结构·基本支出·全年执行数", "第4项指标·偏差原因", "文字部分·公务接待费". */
export const REPORT_WORDING: PathWording = {
  fields: {
    year: '年度',
    entity: '单位',
    grade: '自评等级',
    'total.weight': '总分值',
    'total.score': '总得分',
    'conclusions.verdict': '评价结论',
    'conclusions.problems': '存在问题',
    'conclusions.measures': '改进措施',
    'header.department': '主管部门',
    'header.implementer': '实施单位',
    unboundReports: '未对应任何表的自评报告',
    ...blockFields,
  },
  groups: FUND_GROUP_NAMES,
  lines: { sources: { total: '合计', ...SOURCE_LINE_NAMES }, uses: { total: '合计', ...USE_LINE_NAMES } },
  projectSourceTotal: null,
  // the rate column says its unit, the deviation column is short
  columns: { ...FUND_COLUMN_NAMES, rate: '执行率(%)' },
  indicatorFields: { ...INDICATOR_FIELD_NAMES, deviation: '偏差原因' },
  indicator: { all: '全部指标', one: '第{n}项指标' },
  groupWeight: {
    allGoals: '全部年度绩效目标·分值',
    allLevel1: '全部一级指标·分值',
    goal: '{label}·分值',
    level1: '{level1}·分值',
    unknown: '第{n}个一级指标·分值',
  },
  mergedGroup: '第{first}至{last}项指标·{field}',
  goals: null,
  change: { template: '文字部分·第{n}处增减变化·{part}', parts: { amount: '金额', base: '比较基数', percent: '幅度(%)', direction: '增减方向', concept: '事项' } },
  // a few concepts in the report's shorter wording
  concepts: { ...CONCEPT_NAMES, 'funds.received': '资金到位', 'spending.total': '决算支出', 'threePublic.vehicleOps': '公务用车运行费' },
  // the report names a path the same on every form (as its 资金来源·合计)
  projectConcepts: {},
  factPrefix: '文字部分·',
  joiner: '·',
  wholeLines: false,
};

/** The number tables' row names: personnel printed as a sub-line of basic spending. */
export const TABLE_WORDING: PathWording = {
  ...REPORT_WORDING,
  lines: { sources: REPORT_WORDING.lines.sources, uses: { ...REPORT_WORDING.lines.uses, personnel: '其中：人员支出' } },
};
