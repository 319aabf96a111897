// Loading form templates from rules/templates/*.yaml: parse with line numbers,
// validate with zod, resolve `extends`, normalize every label once. A malformed
// template is refused with its file, template id and line.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../lazy-yaml.js';
import type { FundColumn } from '../model/record.js';
import { squeeze } from '../normalize/cell.js';
import { normLabel } from './labels.js';
import { templateFileNames } from '../yaml-files.js';
import { FUND_COLUMN_PRECEDENCE, INDICATOR_COLUMN_PRECEDENCE, templateFileSchema, type ScoreBandWords, type Template, type TemplateFile, type IndicatorColumn, type FundGroup } from './template-schema.js';

/** A malformed template file: names the file, the template and the line. */
export class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    readonly templateId: string | null,
    readonly line: number | null,
    message: string,
  ) {
    super(`模板文件 ${file}${line != null ? ` 第 ${line} 行` : ''}${templateId ? `（模板 ${templateId}）` : ''}：${message}`);
    this.name = 'TemplateFileError';
  }
}

interface LoadedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  data: TemplateFile;
}

/** Every *.yaml / *.yml file of the folders, in folder order then name order. */
function templateFiles(dirs: string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      names = templateFileNames(dir);
    } catch {
      throw new TemplateFileError(dir, null, null, '模板文件夹不存在或无法读取');
    }
    for (const name of names) out.push(join(dir, name));
  }
  return out;
}

/** The line of a path's key (or list item); a missing key falls back to its parent's. */
function lineOf(file: LoadedFile | { doc: Document; lines: LineCounter }, path: (string | number)[]): number | null {
  const { isMap, isScalar, isSeq } = yaml();
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? file.doc.contents : file.doc.getIn(path.slice(0, n - 1), true);
    const last = path[n - 1];
    let at: number | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      at = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    } else if (isSeq(parent) && typeof last === 'number') {
      at = (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    if (typeof at === 'number') return file.lines.linePos(at).line;
  }
  const root = file.doc.contents as { range?: [number, number, number] } | null;
  return root?.range ? file.lines.linePos(root.range[0]).line : null;
}

function parseFile(file: string): LoadedFile {
  const text = readFileSync(file, 'utf8');
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new TemplateFileError(file, null, lines.linePos(e.pos[0]).line, `YAML 格式错误：${e.message.split('\n')[0]}`);
  }
  const raw = doc.toJS();
  const rawId = raw && typeof raw === 'object' && typeof raw.id === 'string' ? raw.id : null;
  const parsed = templateFileSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys' && issue.keys.length) path.push(issue.keys[0]);
    const where = path.length ? `字段 ${path.join('.')}：` : '';
    throw new TemplateFileError(file, rawId, lineOf({ doc, lines }, path), `${where}${issue.message}`);
  }
  return { file, doc, lines, data: parsed.data };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Child over parent: objects merge key by key, everything else (lists included) replaces. */
function deepMerge(parent: unknown, child: unknown): unknown {
  if (!isPlainObject(parent) || !isPlainObject(child)) return child === undefined ? parent : child;
  const out: Record<string, unknown> = { ...parent };
  for (const [k, v] of Object.entries(child)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

function resolveExtends(byId: Map<string, LoadedFile>, id: string, seen: string[] = []): TemplateFile {
  const f = byId.get(id)!;
  const parentId = f.data.extends;
  if (!parentId) return f.data;
  if (seen.includes(parentId) || parentId === id) {
    throw new TemplateFileError(f.file, id, lineOf(f, ['extends']), `extends 形成循环：${[...seen, id, parentId].join(' → ')}`);
  }
  if (!byId.has(parentId)) throw new TemplateFileError(f.file, id, lineOf(f, ['extends']), `extends 指向不存在的模板“${parentId}”`);
  const parent = resolveExtends(byId, parentId, [...seen, id]);
  const { abstract: _abstract, ...inherited } = parent;
  return deepMerge(inherited, f.data) as TemplateFile;
}

const norm = (list: string[] | undefined): string[] => [...new Set((list ?? []).map(normLabel).filter(Boolean))];
/** Normalized lists; with `order`, keys in that order (bestKey's precedence of meanings). */
function normTable<K extends string>(t: Partial<Record<K, string[]>> | undefined, order?: readonly K[]): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = {};
  const keys = order ?? (Object.keys(t ?? {}) as K[]);
  for (const k of keys) {
    const v = t?.[k];
    if (v && v.length) out[k] = norm(v);
  }
  return out;
}

function finish(f: LoadedFile, t: TemplateFile): Template {
  const fail = (path: (string | number)[], msg: string): never => {
    throw new TemplateFileError(f.file, t.id, lineOf(f, path), msg);
  };
  if (!t.kind) fail(['id'], '缺少 kind（dept-overall 或 project）');
  if (!t.fund?.columns?.budget?.length || !t.fund?.columns?.actual?.length) fail(['fund'], '缺少资金表的预算数（fund.columns.budget）或执行数（fund.columns.actual）列名');
  if (!t.fund?.lines?.sources || !Object.keys(t.fund.lines.sources).length) fail(['fund'], '缺少资金来源行名（fund.lines.sources）');
  if (!t.indicators?.columns?.name?.length) fail(['indicators'], '缺少三级指标列名（indicators.columns.name）');
  const placeholders = (t.indicators?.placeholders ?? []).map((p, i) => {
    try {
      return new RegExp(p, 'u');
    } catch (e) {
      return fail(['indicators', 'placeholders', i], `占位行正则表达式无效：${(e as Error).message}`);
    }
  });
  const notes = (t.fund?.notes ?? []).map((p, i) => {
    try {
      return new RegExp(p, 'u');
    } catch (e) {
      return fail(['fund', 'notes', i], `表样注释正则表达式无效：${(e as Error).message}`);
    }
  });
  const lines: Partial<Record<FundGroup, Record<string, string[]>>> = {};
  for (const g of ['sources', 'uses'] as const) if (t.fund?.lines?.[g]) lines[g] = normTable(t.fund.lines[g]) as Record<string, string[]>;
  return {
    id: t.id,
    kind: t.kind!,
    description: t.description ?? t.id,
    file: f.file,
    title: norm(t.title),
    identify: {
      fundColumns: (t.identify?.fundColumns ?? []) as FundColumn[],
      fundColumnWords: normTable(t.identify?.fundColumnWords as Partial<Record<FundColumn, string[]>> | undefined),
      fundLines: t.identify?.fundLines ?? [],
      indicatorColumns: (t.identify?.indicatorColumns ?? []) as IndicatorColumn[],
      labels: norm(t.identify?.labels),
    },
    requiredBlocks: t.requiredBlocks ?? ['fund', 'indicators', 'total'],
    fund: {
      anchors: norm(t.fund?.anchors),
      columns: normTable(t.fund?.columns, FUND_COLUMN_PRECEDENCE),
      ignoreColumns: norm(t.fund?.ignoreColumns),
      groups: normTable(t.fund?.groups),
      lines,
      notes,
      scoreBand: t.fund?.scoreBand ? halfWidthWords(t.fund.scoreBand) : null,
      // Not normLabel: it strips 其中 itself.
      breakdown: (t.fund?.breakdown ?? []).map((group) => group.map(squeeze)),
      breakdownLines: normTable(t.fund?.breakdownLines),
    },
    goals: { anchors: norm(t.goals?.anchors), target: norm(t.goals?.target), result: norm(t.goals?.result) },
    indicators: {
      anchors: norm(t.indicators?.anchors),
      columns: normTable(t.indicators?.columns, INDICATOR_COLUMN_PRECEDENCE),
      ignoreColumns: norm(t.indicators?.ignoreColumns),
      placeholders,
      criteria: norm(t.indicators?.criteria),
    },
    total: { labels: norm(t.total?.labels) },
    tasks: { anchors: norm(t.tasks?.anchors) },
    header: {
      project: norm(t.header?.project),
      department: norm(t.header?.department),
      implementer: norm(t.header?.implementer),
      entity: norm(t.header?.entity),
    },
    grade: norm(t.grade),
    conclusions: { verdict: norm(t.conclusions?.verdict), problems: norm(t.conclusions?.problems), measures: norm(t.conclusions?.measures) },
    narrative: {
      headings: norm(t.narrative?.headings),
      overview: norm(t.narrative?.overview),
      contents: norm(t.narrative?.contents),
      annexes: norm(t.narrative?.annexes),
      rows: norm(t.narrative?.rows),
      signoff: norm(t.narrative?.signoff),
      notes: norm(t.narrative?.notes),
    },
  };
}

export interface TemplateSet {
  /** Concrete (non-abstract) templates, in load order. */
  templates: Template[];
}

/** Loads templates from the given folders, later folders overriding earlier ones by id. */
export function loadTemplates(dirs: string[]): TemplateSet {
  const byId = new Map<string, LoadedFile>();
  for (const file of templateFiles(dirs)) {
    const f = parseFile(file);
    const earlier = byId.get(f.data.id);
    if (earlier && earlier.file !== file && dirs.length > 0 && sameDir(earlier.file, file)) {
      throw new TemplateFileError(file, f.data.id, lineOf(f, ['id']), `模板 id 重复（已在 ${earlier.file} 中定义）`);
    }
    byId.set(f.data.id, f);
  }
  const templates: Template[] = [];
  for (const [id, f] of byId) {
    const resolved = resolveExtends(byId, id);
    if (f.data.abstract) continue;
    templates.push(finish(f, resolved));
  }
  return { templates };
}

function sameDir(a: string, b: string): boolean {
  return dirname(a) === dirname(b);
}

/** The band's words as the parser meets them: half-width, whitespace removed (the text is too). */
function halfWidthWords(w: ScoreBandWords): ScoreBandWords {
  const h = (list: string[]) => list.map(squeeze);
  return {
    separators: h(w.separators),
    points: h(w.points),
    pointsUnit: h(w.pointsUnit),
    noPoints: h(w.noPoints),
    before: { from: h(w.before.from), above: h(w.before.above), to: h(w.before.to), below: h(w.before.below) },
    after: { fromIncluded: h(w.after.fromIncluded), from: h(w.after.from), toIncluded: h(w.after.toIncluded), to: h(w.after.to) },
    included: h(w.included),
    excluded: h(w.excluded),
    range: h(w.range),
    filler: h(w.filler),
  };
}
