// Figures typed one under the other in one numeric cell ("20" Enter "10": two indicators
// packed into one row, as township Word forms do) are several figures, never the one
// number their digits spell ("2010", "9.510"): the cell is not a number, the checks
// needing it skip, and the message quotes each line. A real DOCX, built by the fixture
// scripts, is read end to end; the expected values are written by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processBytes } from '../src/pipeline.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { buildDocx } from '../scripts/fixtures/builder.js';
import { met } from '../scripts/fixtures/forms.js';
import { nationalLines, projectForm, projectIndicators } from '../scripts/fixtures/project.js';

/** project-national-clean's form with its first indicator row holding two indicators, each
 *  cell two paragraphs: weights 10 + 10 (the 20 of the row it replaces), scores 9.5 + 10.
 *  `target` is that row's 年度指标值 cell. */
function packedForm(target: string, fiscalActual = '876.35') {
  const groups = projectIndicators('改造小区');
  groups[0].subs[0].rows = [met('改造小区完成数量\n改造楼栋数量', target, '22个\n86栋', '10\n10', '9.5\n10')];
  groups[1].subs[0].rows = [met('改造小区群众受益面', '有效扩大', '基本扩大', '15', '14', '2个小区因居民意见分歧延后实施。')];
  return projectForm({
    name: 'project-packed-numbers',
    title: ['项目支出绩效自评表', '（2023年度）'],
    project: '2023年城镇老旧小区改造项目',
    department: '湘潭市岳塘区住房和城乡建设局',
    implementer: '湘潭市岳塘区住房和城乡建设局',
    lines: nationalLines(
      { initial: '800.00', budget: '950.00', actual: '921.35', weight: '10', rate: '96.98%', score: '9.70' },
      { initial: '800.00', budget: '900.00', actual: fiscalActual },
      { initial: '—', budget: '50.00', actual: '45.00' },
      { initial: '—', budget: '—', actual: '—' },
    ),
    indicators: groups,
    // 9.70 + 9.5 + 10 + 15 + 10 + 5 + 14 + 15 + 10 = 98.20
    total: { weight: '100', score: '98.20' },
  });
}

/** The weight and score of every indicator after the first row's, as printed. */
const REST = [
  ['15', '15'],
  ['10', '10'],
  ['5', '5'],
  ['15', '14'],
  ['15', '15'],
  ['10', '10'],
];

describe('a numeric cell holding one figure per line', () => {
  let rules: RuleSet;
  let templates: TemplateSet;
  beforeAll(() => {
    rules = loadRuleSet([bundledRulesDir()]);
    templates = loadTemplates([bundledTemplatesDir()]);
  });

  it('every cell of the row one line per indicator: read as that many indicators', async () => {
    const bytes = await buildDocx(packedForm('≥20个\n≥80栋'));
    const { report, records } = await processBytes(bytes, { rules, templates, displayPath: 'docx/project-packed-numbers.docx' });
    expect(report.error).toBeNull();
    expect(records).toHaveLength(1);
    const [first, second] = records[0].indicators;
    expect(first).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '改造小区完成数量', target: '≥20个', actual: '22个', weight: '10', score: '9.5' });
    expect(second).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '改造楼栋数量', target: '≥80栋', actual: '86栋', weight: '10', score: '10' });
    expect(records[0].indicators.slice(2).map((i) => [i.weight, i.score])).toEqual(REST);
    expect(records[0].cellIssues).toEqual({});
    // both read from the one cell, each with its own line
    expect(records[0].provenance['indicators[1].weight']).toMatchObject({ row: records[0].provenance['indicators[0].weight'].row, raw: '10' });
    expect(records[0].provenance['indicators[0].score'].raw).toBe('9.5');
    // 10 + 10 + 10 + 15 + 10 + 5 + 15 + 15 + 10 = 100; 9.70 + 9.5 + 10 + 15 + 10 + 5 + 14 + 15 + 10 = 98.20: the sums
    // hold; the first indicator, each checked on its own, lost half a point with no 偏差原因
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.fields[0]])).toEqual([
      ['indicators.deviation-reason', 'warning', 'indicators[0].deviation'],
    ]);
  });

  it('a row whose cells hold different numbers of lines: the figures are no number, each line quoted, sums skipped', async () => {
    // one 年度指标值 for both names: which line goes with which is not certain
    const bytes = await buildDocx(packedForm('≥20个'));
    const { report, records } = await processBytes(bytes, { rules, templates, displayPath: 'docx/project-packed-numbers.docx' });
    expect(report.error).toBeNull();
    expect(records).toHaveLength(1);
    const first = records[0].indicators[0];
    expect(first.weight).toBeNull(); // not "1010"
    expect(first.score).toBeNull(); // not "9.510"
    expect(records[0].cellIssues).toEqual({ 'indicators[0].weight': 'nan', 'indicators[0].score': 'nan' });
    expect(records[0].indicators.slice(1).map((i) => [i.weight, i.score])).toEqual(REST);
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.fields[0]])).toEqual([
      ['cells.not-a-number', 'indicators[0].weight'],
      ['cells.not-a-number', 'indicators[0].score'],
    ]);
    expect(errors[0].message).toContain('分2行填了“10”、“10”');
    expect(errors[1].message).toContain('分2行填了“9.5”、“10”');
    for (const f of errors) expect(f.message).not.toMatch(/\n/);
    expect(report.findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });

  it('a money cell of two lines is no number either, and its message asks for one figure', async () => {
    // the 当年财政拨款 actual typed as "876.35" Enter "45.00": not 876.3545.00, not 87635.45
    const bytes = await buildDocx(packedForm('≥20个\n≥80栋', '876.35\n45.00'));
    const { report, records } = await processBytes(bytes, { rules, templates, displayPath: 'docx/project-packed-numbers.docx' });
    expect(records[0].funds.sources.fiscal?.actual).toBeNull();
    expect(records[0].cellIssues).toEqual({ 'funds.sources.fiscal.actual': 'nan' });
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.fields[0]])).toEqual([['cells.not-a-number', 'funds.sources.fiscal.actual']]);
    expect(errors[0].message).toContain('分2行填了“876.35”、“45.00”，不能读作一个数字；这一格请只填一个数');
  });
});
