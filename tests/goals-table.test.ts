// The 年度总体目标 block printed as a table of its own (probe U: 07 Jinan Lixia, 01
// Shenzhen Longgang, 13 Futian): every goal row is read, the table is known by its pair of
// headers whatever words they use, and a goals table printed but not read is unreadable,
// never absent. DOCX files built here with the docx package, as the forms print them.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/read/index.js';
import { loadTemplates, recognizeForms, type RecognizedForm, type TemplateSet } from '../src/recognize/index.js';
import { bundledTemplatesDir } from '../src/paths.js';

let templates: TemplateSet;
beforeAll(() => {
  templates = loadTemplates([bundledTemplatesDir()]);
});

type Cell = string | { t: string; cs: number };

function table(rows: Cell[][]): Table {
  return new Table({
    width: { size: 9000, type: WidthType.DXA },
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map((c) => (typeof c === 'string' ? new TableCell({ children: [new Paragraph(c)] }) : new TableCell({ columnSpan: c.cs, children: [new Paragraph(c.t)] }))),
        }),
    ),
  });
}

const FUND = table([
  ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
  ['年度资金总额', '100.00', '100.00', '95.00', '95.00%', '10', '9.50'],
  ['其中：财政拨款', '100.00', '100.00', '95.00', '95.00%', '/', '/'],
]);

const INDICATORS = table([
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '完成抽检批次', '≥4800批次', '5026批次', '90', '90', ''],
  [{ t: '总分', cs: 5 }, '100', '99.50', ''],
]);

/** A department form: title, unit line, fund table, then what is given (the goals), then the indicator table. */
async function deptForm(...goals: (Table | Paragraph)[]): Promise<RecognizedForm> {
  const children = [new Paragraph('2023年度部门整体支出绩效自评表'), new Paragraph('部门名称：测试局　单位：万元'), FUND, new Paragraph(''), ...goals, new Paragraph(''), INDICATORS];
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  const forms = recognizeForms(await readDocument(bytes, { maxBytes: 10 * 1024 * 1024 }), templates);
  expect(forms).toHaveLength(1);
  return forms[0];
}

const GOALS = [
  { target: '全年完成食品安全监督抽检4800批次以上', result: '全年完成抽检5026批次' },
  { target: '新增市场主体8000户以上', result: '新增市场主体8532户' },
  { target: '投诉举报按时响应率达到99%以上', result: '按时响应率99.6%' },
];
const goalRows = (numbered: boolean): string[][] => GOALS.map((g, i) => [...(numbered ? [String(i + 1)] : []), g.target, g.result]);

describe('a goals table of its own', () => {
  it('序号 | 年度绩效目标 | 目标完成情况 (Jinan Lixia): all three numbered goals are read, not only the first', async () => {
    const r = await deptForm(new Paragraph('二、年度总体目标完成情况'), table([['序号', '年度绩效目标', '目标完成情况'], ...goalRows(true)]));
    expect(r.blocks.goals).toBe('read');
    expect(r.goals).toEqual(GOALS);
    expect(r.provenance['goals[2].result']).toMatchObject({ row: 3, col: 2 });
  });

  it('the same table with its 序号 header left blank: still the goals table, all three read', async () => {
    const r = await deptForm(table([['', '年度绩效目标', '目标完成情况'], ...goalRows(true)]));
    expect(r.blocks.goals).toBe('read');
    expect(r.goals).toEqual(GOALS);
  });

  it('预期目标 | 实际完成情况 under a heading paragraph (Shenzhen Longgang): known by its header pair, every row read', async () => {
    const r = await deptForm(new Paragraph('一、年度总体目标完成情况'), table([['预期目标', '实际完成情况'], ...goalRows(false)]));
    expect(r.blocks.goals).toBe('read');
    expect(r.goals).toEqual(GOALS);
    expect(r.provenance['goals[0].target']).toMatchObject({ row: 1, col: 0 });
  });

  it('年初设定目标 | 全年完成情况: the template\'s other pair of words, every row read', async () => {
    const r = await deptForm(table([['年初设定目标', '全年完成情况'], ...goalRows(false)]));
    expect(r.blocks.goals).toBe('read');
    expect(r.goals).toEqual(GOALS);
  });

  it('年度总体目标 | 实际完成情况: the block\'s label heading the target column, every row read', async () => {
    const r = await deptForm(table([['年度总体目标', '实际完成情况'], ...goalRows(false)]));
    expect(r.goals).toEqual(GOALS);
  });

  it('年度总体目标 across the table above its 预期目标 | 实际完成情况 header (Shenzhen Futian): every row read', async () => {
    const r = await deptForm(table([[{ t: '年度总体目标', cs: 2 }], ['预期目标', '实际完成情况'], ...goalRows(false)]));
    expect(r.goals).toEqual(GOALS);
    expect(r.provenance['goals[1].target']).toMatchObject({ row: 3, col: 0 });
  });

  it('a goals table printed with nothing readable in it is unreadable, with a warning where it is — not absent', async () => {
    const r = await deptForm(table([['预期目标', '实际完成情况'], ['', ''], ['', '']]));
    expect(r.goals).toEqual([]);
    expect(r.blocks.goals).toBe('unreadable');
    expect(r.unreadBlocks).toContainEqual(expect.objectContaining({ block: 'goals', table: 1, row: 0, label: '预期目标' }));
  });
});
