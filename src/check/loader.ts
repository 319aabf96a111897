// Loading rule files (rules/*.yaml): each instance validated against its kind's zod
// schema; any fault refuses the whole set with file, rule id and line (rules.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayName, ruleFileNames } from '../yaml-files.js';
import type { Node } from 'yaml';
import { yaml } from '../lazy-yaml.js';
import { lazySchema } from '../lazy-zod.js';
import { FORM_KINDS } from '../model/record-constants.js';
import { SEVERITIES } from '../model/report-constants.js';
import { SCHEMA_VOCABULARY, type PathVocabulary } from '../model/record-path.js';
import { RULE_KINDS } from './kinds/index.js';
import { withVocabulary } from './options.js';
import type { Rule } from './types.js';

/** A malformed rule file: names the file, the rule and the line. Exit status 2. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | null,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'RuleFileError';
  }
}

const COMMON_KEYS = ['id', 'title', 'severity', 'forms', 'layouts', 'kind', 'explain'] as const;

const commonSchema = lazySchema((z) =>
  z.object({
    id: z.string().regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, '规则编号应为小写字母、数字、“.”和“-”组成的编号，如 funds.sources-sum'),
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    forms: z.array(z.enum(FORM_KINDS)).min(1),
    layouts: z.array(z.string().min(1)).optional(),
    kind: z.string().min(1),
    explain: z.string().min(1),
  }),
);

/** The rule files of one folder, by name; subfolders (rules/templates/) are not rules. */
function ruleFiles(dir: string): string[] {
  return ruleFileNames(dir).map((n) => join(dir, n));
}

/** Parses one rule file into rules; throws RuleFileError on the first fault. */
export function parseRuleFile(text: string, file: string, vocabulary: PathVocabulary = SCHEMA_VOCABULARY): Rule[] {
  const name = displayName(file);
  const { isMap, isSeq, LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lc.linePos(offset).line);
  const fail = (ruleId: string | null, line: number | null, what: string): never => {
    const where = `规则文件 ${name}${line ? ` 第 ${line} 行` : ''}${ruleId ? `，规则 ${ruleId}` : ''}`;
    throw new RuleFileError(name, ruleId, line, `${where}：${what}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    fail(null, lineAt(e.pos[0]), `YAML 格式错误（${e.message.split('\n')[0]}）`);
  }
  let root = doc.contents as Node | null;
  // a file may be a list of rules, or a map with a `rules:` list
  if (root && isMap(root)) {
    const list = root.get('rules', true) as Node | undefined;
    if (!list) fail(null, lineAt(root.range?.[0]), '文件应是规则列表，或含 rules: 列表');
    root = list as Node;
  }
  if (root === null) return [];
  if (!isSeq(root)) return fail(null, lineAt(root.range?.[0]), '文件应是规则列表，或含 rules: 列表');
  const rules: Rule[] = [];
  for (const item of root.items as Node[]) {
    const line = lineAt(item.range?.[0]) ?? 1;
    if (!isMap(item)) fail(null, line, '每条规则应是一个映射（id、kind 等键）');
    const raw = (item as Node).toJSON() as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : null;
    /** The line of a key path inside this rule, for pointing at the bad option. */
    const lineOf = (path: PropertyKey[]): number => {
      let node: unknown = item;
      for (const p of path) {
        if (!(isMap(node) || isSeq(node))) break;
        const next = (node as { get(k: unknown, keep: true): unknown }).get(p, true);
        if (next === undefined) break;
        node = next;
      }
      return lineAt((node as Node).range?.[0]) ?? line;
    };
    const common = commonSchema().safeParse(raw);
    if (!common.success) {
      const issue = common.error.issues[0];
      fail(id, lineOf(issue.path), `${issue.path.join('.') || '规则'}：${issue.message}`);
    }
    const c = common.data!;
    const kind = RULE_KINDS.get(c.kind);
    if (!kind) fail(id, lineOf(['kind']), `未知的规则类型 "${c.kind}"（可用：${[...RULE_KINDS.keys()].join('、')}）`);
    const optionsRaw = Object.fromEntries(Object.entries(raw).filter(([k]) => !(COMMON_KEYS as readonly string[]).includes(k)));
    const parsed = withVocabulary(vocabulary, () => kind!.options.safeParse(optionsRaw));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue.code === 'unrecognized_keys' ? [issue.keys[0]] : issue.path;
      const what = issue.code === 'unrecognized_keys' ? `规则类型 ${c.kind} 没有选项 "${issue.keys.join('", "')}"` : `${issue.path.join('.')}：${issue.message}`;
      fail(id, lineOf(at as PropertyKey[]), what);
    }
    rules.push({ ...c, options: parsed.data, file: name, line });
  }
  return rules;
}

/** Loads every folder in order; within one folder an id may appear once, a later
 *  folder's rule replaces an earlier one with the same id (in its place). */
export function loadRules(dirs: string[], vocabulary: PathVocabulary = SCHEMA_VOCABULARY): Rule[] {
  const out: Rule[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = ruleFiles(dir);
    } catch {
      throw new RuleFileError(displayName(dir), null, null, `无法读取规则文件夹 ${displayName(dir)}`);
    }
    const seen = new Map<string, Rule>();
    for (const file of files) {
      for (const rule of parseRuleFile(readFileSync(file, 'utf8'), file, vocabulary)) {
        const earlier = seen.get(rule.id);
        if (earlier) {
          throw new RuleFileError(rule.file, rule.id, rule.line,
            `规则文件 ${rule.file} 第 ${rule.line} 行，规则 ${rule.id}：规则编号重复（已在 ${earlier.file} 第 ${earlier.line} 行定义）`);
        }
        seen.set(rule.id, rule);
        const i = out.findIndex((r) => r.id === rule.id);
        if (i >= 0) out[i] = rule;
        else out.push(rule);
      }
    }
  }
  return out;
}
