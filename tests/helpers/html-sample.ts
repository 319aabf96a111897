// A small hand-built batch (summary, reports, records) for the report.html tests:
// a seed-like form with findings, a form whose cells carry script payloads, a clean
// project form, a form of another year and two failed inputs. Parsed by the schemas.
import { RecordSchema, type FormRecord } from '../../src/model/record.js';
import { formTallies } from '../../src/model/outcome.js';
import { ReportSchema, SummarySchema, type FileReport, type Summary } from '../../src/model/report.js';
import { renderHtmlEnd, renderHtmlFile, renderHtmlStart } from '../../src/report/html.js';

export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
export const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';

function record(path: string, over: Partial<FormRecord>): FormRecord {
  return RecordSchema.parse({
    schema: 'jxaudit/record@1',
    source: { name: path.split('/').pop(), path, sha256: 'a'.repeat(64), format: 'docx', bytes: 48213, pages: null, formIndex: 0 },
    form: 'dept-overall',
    year: 2022,
    entity: '岳麓区住房保障服务中心',
    header: { department: null, implementer: null },
    unit: '万元',
    sourceUnit: '万元',
    blocks: { fund: 'read', indicators: 'read', total: 'read', goals: 'read' },
    unreadBlocks: [],
    cellIssues: {},
    grade: null,
    funds: {
      sources: {
        total: { budget: '1028.49', actual: '4183.83', rate: null, weight: '10', score: null },
        fiscal: { budget: '1028.49', actual: '4183.83', rate: null, weight: null, score: null },
        other: { budget: null, actual: null, rate: null, weight: null, score: null },
      },
      uses: {
        total: { budget: '1028.49', actual: '4183.83', rate: null, weight: null, score: null },
        basic: { budget: '971.01', actual: '1155.05', rate: null, weight: null, score: null },
        personnel: { budget: '920.1', actual: '1110.01', rate: null, weight: null, score: null },
        public: { budget: '50.91', actual: '45.04', rate: null, weight: null, score: null },
        project: { budget: '57.48', actual: '3028.78', rate: null, weight: null, score: null },
      },
    },
    goals: [{ target: '任务1.登记审批方面', result: '年底前全面完成' }],
    indicatorGroups: [],
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '指标1：住房困难群众应保尽保', target: '100%', actual: '100%', weight: '5', score: '5', deviation: null },
      { level1: '产出指标', level2: '质量指标', name: '指标1：新市民新青年应享尽享', target: '100%', actual: '100%', weight: '10', score: '10', deviation: null },
      { level1: '效益指标', level2: '社会效益指标', name: '指标1：群众满意度', target: '≥95%', actual: '90%', weight: '10', score: '8', deviation: null },
    ],
    total: { weight: '100', score: '98' },
    conclusions: { verdict: null, problems: '无', measures: '无' },
    narrative: { text: null, facts: {}, changes: [] },
    provenance: {
      'funds.uses.basic.actual': { table: 0, row: 7, col: 4, page: null, raw: '1155.05　' },
      'indicators[2].deviation': { table: 0, row: 20, col: 8, page: null, raw: '' },
    },
    ...over,
  });
}

function report(over: Partial<FileReport> & { source: FileReport['source'] }): FileReport {
  return ReportSchema.parse({
    schema: 'jxaudit/report@1',
    status: 'ok',
    form: 'dept-overall',
    forms: [],
    findings: [],
    error: null,
    ...over,
  });
}

const seedPath = '岳麓区/2022-yuelu.docx';
const xssPath = `芙蓉区/${SCRIPT_PAYLOAD}.docx`;
const projectPath = '开福区/项目支出自评表.pdf';
const oldYearPath = '天心区/2021-tianxin.docx';
const coverPath = '雨花区/封面.doc';
const missingPath = '望城区/missing.docx';

const seedFindings: FileReport['findings'] = [
  {
    rule: 'narrative.spending-basic-matches-table',
    severity: 'error',
    message: '文字部分所述基本支出1150.05万元，与表中基本支出全年执行数1155.05万元不一致（相差-5.00万元）',
    fields: ['narrative.facts.spending.basic', 'funds.uses.basic.actual'],
    actual: '1150.05',
    expected: '1155.05',
    difference: '-5.00',
    locations: [
      { field: 'narrative.facts.spending.basic', paragraph: 3, quote: '上述决算支出中基本支出1150.05万元' },
      { field: 'narrative.facts.spending.basic', paragraph: 6, quote: '基本支出1150.05万元' },
      { field: 'funds.uses.basic.actual', table: 0, row: 7, col: 4, page: null, raw: '1155.05　' },
    ],
  },
  {
    rule: 'indicator.deviation-reason-required',
    severity: 'warning',
    message: '第3项指标实际完成值90%未达年度指标值≥95%，但未填写偏差原因',
    fields: ['indicators[2].deviation', 'indicators[2].target', 'indicators[2].actual'],
    actual: null,
    expected: null,
    difference: null,
    locations: [{ field: 'indicators[2].deviation', table: 0, row: 20, col: 8, page: null, raw: '' }],
  },
  {
    rule: 'funds.rate-blank',
    severity: 'info',
    message: '资金来源合计的执行率未填写',
    fields: ['funds.sources.total.rate'],
    actual: null,
    expected: '406.79',
    difference: null,
    locations: [],
  },
];

const xssFindings: FileReport['findings'] = [
  {
    rule: 'cell.not-a-number',
    severity: 'error',
    message: `资金来源合计的全年执行数“${IMG_PAYLOAD}”不是数字`,
    fields: ['funds.sources.total.actual'],
    actual: null,
    expected: null,
    difference: null,
    locations: [{ field: 'funds.sources.total.actual', table: 0, row: 3, col: 3, page: null, raw: SCRIPT_PAYLOAD }],
  },
];

export interface HtmlSample {
  summary: Summary;
  files: Array<{ report: FileReport; records: FormRecord[] }>;
}

export function buildSample(): HtmlSample {
  const files: HtmlSample['files'] = [
    {
      report: report({
        source: { name: '2022-yuelu.docx', path: seedPath, sha256: 'a'.repeat(64), format: 'docx' },
        status: 'discrepancies',
        forms: [{ index: 0, form: 'dept-overall', entity: '岳麓区住房保障服务中心', year: 2022 }],
        findings: seedFindings,
      }),
      records: [record(seedPath, {})],
    },
    {
      report: report({
        source: { name: `${SCRIPT_PAYLOAD}.docx`, path: xssPath, sha256: 'b'.repeat(64), format: 'docx' },
        status: 'discrepancies',
        forms: [{ index: 0, form: 'dept-overall', entity: IMG_PAYLOAD, year: 2022 }],
        findings: xssFindings,
      }),
      records: [
        record(xssPath, {
          entity: IMG_PAYLOAD,
          goals: [{ target: IMG_PAYLOAD, result: '年底前全面完成' }],
          indicators: [
            { level1: '产出指标', level2: '数量指标', name: SCRIPT_PAYLOAD, target: '≥500户', actual: '526户', weight: '20', score: '20', deviation: null },
          ],
          provenance: { 'funds.sources.total.actual': { table: 0, row: 3, col: 3, page: null, raw: SCRIPT_PAYLOAD } },
        }),
      ],
    },
    {
      report: report({
        source: { name: '项目支出自评表.pdf', path: projectPath, sha256: 'c'.repeat(64), format: 'pdf' },
        status: 'ok',
        form: 'project',
        forms: [{ index: 0, form: 'project', entity: '老旧小区改造项目', year: 2022 }],
      }),
      records: [
        record(projectPath, {
          form: 'project',
          entity: '老旧小区改造项目',
          funds: { sources: { total: { initial: '300', budget: '300', actual: '285.5', rate: '95.17', weight: '10', score: '9.52' } } },
        }),
      ],
    },
    {
      report: report({
        source: { name: '2021-tianxin.docx', path: oldYearPath, sha256: 'd'.repeat(64), format: 'docx' },
        status: 'ok',
        forms: [{ index: 0, form: 'dept-overall', entity: '天心区住房保障服务中心', year: 2021 }],
      }),
      records: [record(oldYearPath, { entity: '天心区住房保障服务中心', year: 2021 })],
    },
    {
      report: report({
        source: { name: '封面.doc', path: coverPath, sha256: 'e'.repeat(64), format: null },
        status: 'failed',
        form: null,
        error: { code: 'unsupported-format', message: '这是 Word 97-2003 文档（.doc），请另存为 DOCX 或 PDF 后重新提交' },
      }),
      records: [],
    },
    {
      report: report({
        source: { name: 'missing.docx', path: missingPath, sha256: null, format: null },
        status: 'failed',
        form: null,
        error: { code: 'not-found', message: `找不到文件：${missingPath}` },
      }),
      records: [],
    },
  ];
  const summary = SummarySchema.parse({
    schema: 'jxaudit/summary@1',
    generatedAt: '2026-11-30T01:00:00+08:00',
    inputs: [
      { path: seedPath, status: 'discrepancies', form: 'dept-overall', entity: '岳麓区住房保障服务中心', year: 2022, errors: 1, warnings: 1, infos: 1, failure: null, forms: formsOf(files[0].report) },
      { path: xssPath, status: 'discrepancies', form: 'dept-overall', entity: IMG_PAYLOAD, year: 2022, errors: 1, warnings: 0, infos: 0, failure: null, forms: formsOf(files[1].report) },
      { path: projectPath, status: 'ok', form: 'project', entity: '老旧小区改造项目', year: 2022, errors: 0, warnings: 0, infos: 0, failure: null, forms: formsOf(files[2].report) },
      { path: oldYearPath, status: 'ok', form: 'dept-overall', entity: '天心区住房保障服务中心', year: 2021, errors: 0, warnings: 0, infos: 0, failure: null, forms: formsOf(files[3].report) },
      { path: coverPath, status: 'failed', form: null, entity: null, year: null, errors: 0, warnings: 0, infos: 0, failure: files[4].report.error, forms: formsOf(files[4].report) },
      { path: missingPath, status: 'failed', form: null, entity: null, year: null, errors: 0, warnings: 0, infos: 0, failure: files[5].report.error, forms: formsOf(files[5].report) },
    ],
    totals: { files: 6, ok: 2, discrepancies: 2, failed: 2, errors: 2, warnings: 1 },
    batch: [
      { kind: 'other-year', severity: 'warning', message: '该表为2021年度，不是本次核查的2022年度', paths: [oldYearPath] },
      { kind: 'duplicate-form', severity: 'warning', message: `同一单位同一年度提交了两份表：${IMG_PAYLOAD}`, paths: [seedPath, xssPath] },
    ],
  });
  return { summary, files };
}

/** summary.json's `forms` of a report (what buildSummary writes from the file's row). */
function formsOf(report: FileReport) {
  return formTallies(report).map(({ firstMessages: _, ...form }) => form);
}

/** The whole page as the batch streams it. */
export function renderSamplePage(sample: HtmlSample = buildSample()): string {
  return renderHtmlStart(sample.summary) + sample.files.map((f) => renderHtmlFile(f.report, f.records)).join('') + renderHtmlEnd();
}
