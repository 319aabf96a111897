// Hand-built records for the check tests: a small clean department form whose
// arithmetic holds, and helpers to run one rule kind or one YAML rule on it.
import type { CellIssue, FormRecord, FundLine, Indicator } from '../../src/model/record.js';
import type { Finding } from '../../src/model/report.js';
import { checkRecord } from '../../src/check/index.js';
import { RULE_KINDS } from '../../src/check/kinds/index.js';
import { parseRuleFile } from '../../src/check/loader.js';
import type { Draft } from '../../src/check/types.js';

export function line(budget: string | null, actual: string | null, extra: Partial<FundLine> = {}): FundLine {
  return { budget, actual, rate: null, weight: null, score: null, ...extra };
}

export function indicator(weight: string | null, score: string | null, extra: Partial<Indicator> = {}): Indicator {
  return {
    level1: '产出指标', level2: '数量指标', name: '完成任务数', target: '100%', actual: '100%',
    weight, score, deviation: null, ...extra,
  };
}

/** 100.00 = 80.00 + 20.00 in, 100.00 = 60.00 + 40.00 out, 95% executed, 10 × 95% = 9.50,
 *  indicators 30 + 30 + 30, total 100 / 99.50. */
export function cleanRecord(): FormRecord {
  return {
    schema: 'jxaudit/record@1',
    source: { name: 't.docx', path: 't.docx', sha256: '0', format: 'docx', bytes: 1, pages: null, formIndex: 0 },
    form: 'dept-overall',
    year: 2022,
    entity: '测试单位',
    header: { department: null, implementer: null },
    unit: '万元',
    sourceUnit: '万元',
    blocks: { fund: 'read', indicators: 'read', total: 'read', goals: 'read' },
    unreadBlocks: [],
    cellIssues: {},
    grade: null,
    funds: {
      sources: {
        total: line('100.00', '95.00', { rate: '95.00', weight: '10', score: '9.50' }),
        fiscal: line('80.00', '75.00'),
        other: line('20.00', '20.00'),
      },
      uses: {
        total: line('100.00', '95.00'),
        basic: line('60.00', '58.00'),
        personnel: line('40.00', '39.00'),
        public: line('20.00', '19.00'),
        project: line('40.00', '37.00'),
      },
    },
    goals: [{ target: '完成年度任务', result: '已完成' }],
    indicatorGroups: [],
    indicators: [
      indicator('30', '30'),
      indicator('30', '30', { level2: '质量指标', target: '≥95%', actual: '96%' }),
      indicator('30', '30', { level1: '效益指标', level2: '社会效益指标', target: '≤3天', actual: '2天' }),
    ],
    total: { weight: '100', score: '99.50' },
    conclusions: { verdict: null, problems: '无', measures: '无' },
    narrative: { text: null, facts: {}, changes: [] },
    provenance: {},
  };
}

/** Runs one kind with options (validated as the loader would). */
export function runKind(kind: string, options: unknown, record: FormRecord): Draft[] {
  const k = RULE_KINDS.get(kind);
  if (!k) throw new Error(`no kind ${kind}`);
  return k.run(record, k.options.parse(options));
}

/** Runs rules written as YAML text (one file's content). */
export function runYaml(yamlText: string, record: FormRecord): Finding[] {
  return checkRecord(record, { rules: parseRuleFile(yamlText, 'test.yaml') });
}

export function fact(value: string, paragraph = 0, quote = `${value}万元`, approx = false) {
  return { value, approx, quote, paragraph };
}

/** A table cell as the reader leaves it: its provenance (raw text as read) and, when reading
 *  it noticed something, `record.cellIssues[path]` — checks decide from the issue, never the raw text. */
export function cell(record: FormRecord, path: string, raw: string, issue?: CellIssue, at: { table?: number; row?: number; col?: number; page?: number | null } = {}): void {
  record.provenance[path] = { table: at.table ?? 0, row: at.row ?? 0, col: at.col ?? 0, page: at.page ?? null, raw };
  if (issue) record.cellIssues[path] = issue;
}

/** Marks a block unreadable, as the reader would (rules.md check 29). */
export function unreadable(record: FormRecord, block: FormRecord['unreadBlocks'][number]['block'], where: Partial<FormRecord['unreadBlocks'][number]> = {}): void {
  record.blocks[block] = 'unreadable';
  record.unreadBlocks.push({ block, table: 0, row: 0, page: null, label: null, reason: '表头无法识别', ...where });
}
