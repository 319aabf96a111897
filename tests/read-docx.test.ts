// The DOCX reader on real DOCX files: built with the `docx` package where it can
// express the case, and from hand-written WordprocessingML where only raw XML can
// (gridBefore/gridAfter, hMerge, AlternateContent, text boxes, revisions).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import * as cheerio from 'cheerio';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { DocCell, DocModel, DocParagraph } from '../src/model/document.js';
import { FormFailure } from '../src/model/failure.js';
import { readDocument } from '../src/read/index.js';
import { decodedMainPart } from '../src/read/docx.js';
import { toSuperscript } from '../src/read/superscript.js';
import { docxFromBody, documentXml, p, packageRels, tbl, tc, tr } from './helpers/docx-builder.js';
import { buildOle2 } from './helpers/ole2-writer.js';
import { buildZip } from './helpers/zip-writer.js';

const LIMIT = { maxBytes: 10 * 1024 * 1024 };

/** "text@row,col rowSpan×colSpan" for every position. */
function describeGrid(rows: DocCell[][]): string[][] {
  return rows.map((row) => row.map((c) => `${c.text}@${c.origin.row},${c.origin.col} ${c.rowSpan}x${c.colSpan}`));
}

function paragraphs(doc: DocModel): string[] {
  return doc.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph').map((b) => b.text);
}

async function failureOf(promise: Promise<unknown>): Promise<FormFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FormFailure) return err;
    throw err;
  }
  throw new Error('expected a FormFailure');
}

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('DOCX built with the docx package', () => {
  it('reads body paragraphs and a merged table in document order', async () => {
    const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}) =>
      new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...opts });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('2022年度部门整体支出绩效自评表'),
            new Paragraph(''),
            new Table({
              rows: [
                new TableRow({ children: [cell('整体资金\n（万元）', { rowSpan: 3 }), cell('项　目', { columnSpan: 2 }), cell('全年预算数')] }),
                new TableRow({ children: [cell('资金来源', { rowSpan: 2 }), cell('合计'), cell('1028.49　')] }),
                new TableRow({ children: [cell('（1）财政拨款'), cell('1,028.49')] }),
              ],
            }),
            new Paragraph({ children: [new TextRun('评价'), new TextRun({ text: '结论', break: 1 })] }),
          ],
        },
      ],
    });
    const model = await readDocument(await Packer.toBuffer(doc), LIMIT);

    expect(model.format).toBe('docx');
    expect(model.pages).toBeNull();
    expect(model.images).toBe(0);
    expect(model.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect(paragraphs(model)).toEqual(['2022年度部门整体支出绩效自评表', '', '评价\n结论']);
    expect(model.tables).toHaveLength(1);
    expect(model.blocks[2]).toBe(model.tables[0]);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['整体资金\n（万元）@0,0 3x1', '项　目@0,1 1x2', '项　目@0,1 1x2', '全年预算数@0,3 1x1'],
      ['整体资金\n（万元）@0,0 3x1', '资金来源@1,1 2x1', '合计@1,2 1x1', '1028.49　@1,3 1x1'],
      ['整体资金\n（万元）@0,0 3x1', '资金来源@1,1 2x1', '（1）财政拨款@2,2 1x1', '1,028.49@2,3 1x1'],
    ]);
    expect(model.tables[0].rows[0][0].paragraphs).toEqual(['整体资金', '（万元）']);
    expect(model.tables[0].rows[0][0].page).toBeNull();
  });

  it('a body of images and no text is a scan: no-text-layer where Tesseract is absent (issue 18: else read by OCR)', async () => {
    const image = () => new ImageRun({ type: 'png', data: PNG, transformation: { width: 600, height: 800 } });
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [image()] }), new Paragraph({ children: [image()] })] }] });
    const saved = process.env.JXAUDIT_TESSERACT;
    process.env.JXAUDIT_TESSERACT = 'none';
    try {
      const failure = await failureOf(readDocument(await Packer.toBuffer(doc), LIMIT));
      expect(failure.code).toBe('no-text-layer');
      expect(failure.message).toContain('文档只有图片');
      expect(failure.message).toContain('tesseract-ocr');
    } finally {
      if (saved === undefined) delete process.env.JXAUDIT_TESSERACT;
      else process.env.JXAUDIT_TESSERACT = saved;
    }
  });

  it('counts images in a document that also has text', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('附件：盖章页'), new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] })] }],
    });
    const model = await readDocument(await Packer.toBuffer(doc), LIMIT);
    expect(model.images).toBe(1);
    expect(paragraphs(model)).toEqual(['附件：盖章页', '']);
  });
});

describe('DOCX main part kept for the annotated copy', () => {
  it('word/document.xml as decoded is kept per file bytes (the copy edits it without inflating it again)', async () => {
    const bytes = docxFromBody(p('绩效自评表'));
    expect(decodedMainPart(bytes)).toBeUndefined();
    await readDocument(bytes, LIMIT);
    expect(decodedMainPart(bytes)).toBe(documentXml(p('绩效自评表')));
    expect(decodedMainPart(Buffer.from(bytes))).toBeUndefined(); // other bytes, even equal ones: read on their own
  });
});

describe('DOCX table structure from raw WordprocessingML', () => {
  it('gridBefore/gridAfter leave empty positions and a later vertical merge stays in its column', async () => {
    // The case mammoth gets wrong: row 1 starts one grid column in, so its merged
    // cell sits in column 1, and the continuation in row 2 (also shifted) joins it.
    const body = tbl(
      4,
      tr(tc('一级指标') + tc('二级指标') + tc('三级指标') + tc('分值')) +
        tr(tc('产出指标', '<w:vMerge w:val="restart"/>') + tc('数量指标') + tc('5'), '<w:gridBefore w:val="1"/>') +
        tr(tc('', '<w:vMerge/>') + tc('质量指标'), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'),
    );
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['一级指标@0,0 1x1', '二级指标@0,1 1x1', '三级指标@0,2 1x1', '分值@0,3 1x1'],
      ['@1,0 1x1', '产出指标@1,1 2x1', '数量指标@1,2 1x1', '5@1,3 1x1'],
      ['@2,0 1x1', '产出指标@1,1 2x1', '质量指标@2,2 1x1', '@2,3 1x1'],
    ]);
    expect(model.tables[0].rows[2][1]).toBe(model.tables[0].rows[1][1]);
  });

  it('gridSpan widens cells and a vertical merge over a wide cell repeats across all its columns', async () => {
    const body = tbl(
      3,
      tr(tc('年度总体目标', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc('年初设定目标')) +
        tr(tc('', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>') + tc('任务1')),
    );
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['年度总体目标@0,0 2x2', '年度总体目标@0,0 2x2', '年初设定目标@0,2 1x1'],
      ['年度总体目标@0,0 2x2', '年度总体目标@0,0 2x2', '任务1@1,2 1x1'],
    ]);
  });

  it('legacy hMerge: continuation cells widen the cell they continue', async () => {
    const body = tbl(
      4,
      tr(tc('总分', '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge/>') + tc('', '<w:hMerge w:val="continue"/>') + tc('100')),
    );
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(describeGrid(model.tables[0].rows)).toEqual([['总分@0,0 1x3', '总分@0,0 1x3', '总分@0,0 1x3', '100@0,3 1x1']]);
  });

  it('falls back to the widest row (gridAfter included) when there is no tblGrid', async () => {
    const body = `<w:tbl>${tr(tc('a') + tc('b', '<w:gridSpan w:val="2"/>'))}${tr(tc('c'), '<w:gridAfter w:val="3"/>')}</w:tbl>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['a@0,0 1x1', 'b@0,1 1x2', 'b@0,1 1x2', '@0,3 1x1'],
      ['c@1,0 1x1', '@1,1 1x1', '@1,2 1x1', '@1,3 1x1'],
    ]);
  });

  it('revision history inside properties does not change the grid, and a deleted row is dropped', async () => {
    const body =
      `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1"/><w:gridCol w:w="1"/>` +
      `<w:tblGridChange w:id="1"><w:tblGrid><w:gridCol w:w="1"/><w:gridCol w:w="1"/><w:gridCol w:w="1"/><w:gridCol w:w="1"/></w:tblGrid></w:tblGridChange></w:tblGrid>` +
      tr(tc('a', '<w:tcPrChange w:id="2"><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange>') + tc('b')) +
      tr(tc('旧行') + tc('x'), '<w:del w:id="3" w:author="x" w:date="2023-01-01T00:00:00Z"/>') +
      tr(tc('c') + tc('d')) +
      `</w:tbl>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['a@0,0 1x1', 'b@0,1 1x1'],
      ['c@1,0 1x1', 'd@1,1 1x1'],
    ]);
  });

  it('nested tables are tables of their own, numbered after their parent, not in the parent cell or the blocks', async () => {
    const inner = tbl(2, tr(tc('内1') + tc('内2')) + tr(tc('内3') + tc('内4')) + tr(tc('内5') + tc('内6')));
    const outerCell = `<w:tc><w:tcPr/>${p('外层文字')}${inner}${p('')}</w:tc>`;
    const body = p('前言') + tbl(2, tr(outerCell + tc('右')) + tr(tc('下左') + tc('下右'))) + tbl(1, tr(tc('第二个表')));
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(model.tables.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['外层文字\n@0,0 1x1', '右@0,1 1x1'],
      ['下左@1,0 1x1', '下右@1,1 1x1'],
    ]);
    expect(model.tables[0].rows[0][0].paragraphs).toEqual(['外层文字', '']);
    expect(describeGrid(model.tables[1].rows)).toEqual([
      ['内1@0,0 1x1', '内2@0,1 1x1'],
      ['内3@1,0 1x1', '内4@1,1 1x1'],
      ['内5@2,0 1x1', '内6@2,1 1x1'],
    ]);
    expect(describeGrid(model.tables[2].rows)).toEqual([['第二个表@0,0 1x1']]);
    expect(model.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['前言', 'table 0', 'table 2']);
  });

  it('a small table nested in a cell (a cell pasted from another table) is that cell\'s content, not a table', async () => {
    const pasted = tbl(1, tr(tc('1323.56')));
    const cell = `<w:tc><w:tcPr/>${pasted}<w:p/></w:tc>`;
    const pastedRow = tbl(2, tr(tc('980.00') + tc('万元')));
    const body = tbl(2, tr(tc('财政拨款') + cell) + tr(tc('其他') + `<w:tc><w:tcPr/>${p('约')}${pastedRow}<w:p/></w:tc>`)) + tbl(1, tr(tc('下一个表')));
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(model.tables.map((t) => t.index)).toEqual([0, 1]);
    expect(model.tables[0].rows[0][1].paragraphs).toEqual(['1323.56', '']);
    expect(model.tables[0].rows[1][1].paragraphs).toEqual(['约', '980.00', '万元', '']);
    expect(model.tables[1].rows[0][0].text).toBe('下一个表');
    expect(model.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['table 0', 'table 1']);
  });

  it('survives deeply nested tables without recursion', async () => {
    const depth = 300;
    let body = p('最内层');
    // two cells a row: each table is one, not a frame around the next
    for (let i = 0; i < depth; i++) body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>${body}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`;
    const model = await readDocument(docxFromBody(body + p('正文')), LIMIT);
    // The innermost 1×2 table is a small one: its text is its parent cell's.
    expect(model.tables).toHaveLength(depth - 1);
    expect(model.tables[depth - 2].rows[0][0].paragraphs).toEqual(['最内层', '']);
    expect(model.tables.map((t) => t.index)).toEqual([...Array(depth - 1).keys()]);
    expect(model.tables[0].rows[0][0].text).toBe('');
    expect(model.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
  });

  it('a table of one cell holding a table is a frame: its paragraphs and tables are read in their order where it stands', async () => {
    // a web page pasted whole into one cell: title, unit line, the form, the narrative
    const form = tbl(2, tr(tc('项目') + tc('全年预算数')) + tr(tc('合计') + tc('1540.00')) + tr(tc('财政拨款') + tc('1480.00')));
    const page = `<w:tc><w:tcPr/>${p('2023年度部门整体支出绩效自评表')}${p('单位：万元')}${form}${p('评价报告综述')}${p('全年预算1540.00万元。')}</w:tc>`;
    const model = await readDocument(docxFromBody(p('前言') + tbl(1, tr(page)) + tbl(1, tr(tc('只有文字的方框')))), LIMIT);
    expect(model.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual([
      '前言',
      '2023年度部门整体支出绩效自评表',
      '单位：万元',
      'table 0',
      '评价报告综述',
      '全年预算1540.00万元。',
      'table 1',
    ]);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['项目@0,0 1x1', '全年预算数@0,1 1x1'],
      ['合计@1,0 1x1', '1540.00@1,1 1x1'],
      ['财政拨款@2,0 1x1', '1480.00@2,1 1x1'],
    ]);
    // a box of text alone is still a table (of one cell)
    expect(model.tables[1].rows[0][0].text).toBe('只有文字的方框');
    // the paragraphs keep their place in the XML (the annotated copy comments there)
    const title = model.blocks[1] as DocParagraph;
    expect(title.anchor).toBeDefined();
  });

  it('frames inside frames, and a frame inside a cell: read as their content, deep ones too', async () => {
    const form = tbl(2, tr(tc('合计') + tc('100')) + tr(tc('a') + tc('b')) + tr(tc('c') + tc('d')));
    let framed = `${p('标题')}${form}${p('说明')}`;
    for (let i = 0; i < 300; i++) framed = tbl(1, tr(`<w:tc><w:tcPr/>${framed}</w:tc>`));
    const model = await readDocument(docxFromBody(framed), LIMIT);
    expect(model.tables).toHaveLength(1);
    expect(model.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['标题', 'table 0', '说明']);
    // in a cell of a real table: the frame's paragraphs are the cell's, its table a nested one
    const inCell = tbl(2, tr(`<w:tc><w:tcPr/>${p('上')}${tbl(1, tr(`<w:tc><w:tcPr/>${p('标题')}${form}${p('说明')}</w:tc>`))}</w:tc>` + tc('右')));
    const nested = await readDocument(docxFromBody(inCell), LIMIT);
    expect(nested.tables.map((t) => t.rows.length)).toEqual([1, 3]);
    expect(nested.tables[0].rows[0][0].paragraphs).toEqual(['上', '标题', '说明']);
    expect(nested.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['table 0']);
  });
});

describe('DOCX text content', () => {
  it('tabs, breaks and no-break hyphens in runs; tab stops in paragraph properties are not text', async () => {
    const body =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
      `<w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t><w:cr/><w:t>四</w:t><w:noBreakHyphen/><w:t>五</w:t></w:r></w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['一\t二\n三\n四-五']);
  });

  it('keeps insertions, drops deletions and field instructions, keeps field results', async () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">执行数 </w:t></w:r>` +
      `<w:del w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z"><w:r><w:delText>1150.05</w:delText><w:tab/><w:br/></w:r></w:del>` +
      `<w:ins w:id="2" w:author="a" w:date="2023-01-01T00:00:00Z"><w:r><w:t>1155.05</w:t></w:r></w:ins>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（第3页）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:moveFrom w:id="3" w:author="a" w:date="2023-01-01T00:00:00Z"><w:r><w:t>挪走的</w:t></w:r></w:moveFrom>` +
      `</w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['执行数 1155.05（第3页）']);
  });

  it('shows a nested field as Word does: the outer result only; a field left open ends with its paragraph', async () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (code: string) => `<w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r>`;
    const t = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
    const body =
      `<w:p>${fld('begin')}${instr(' = ')}${fld('begin')}${instr(' REF fiscal \\h ')}${fld('separate')}${t('876.35')}${fld('end')}` +
      `${instr(' + 45 ')}${fld('separate')}${t('921.35')}${fld('end')}</w:p>` +
      `<w:p>${fld('begin')}${instr(' PAGE ')}${fld('begin')}${t('不显示')}</w:p><w:p>${t('下一段照常')}</w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['921.35', '', '下一段照常']);
  });

  it('reads Insert › Symbol marks (w:sym) as the characters they draw', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const body =
      `<w:p>${sym('Symbol', 'F0B3')}<w:r><w:t>95%</w:t></w:r></w:p>` +
      `<w:p>${sym('Symbol', 'F0A3')}<w:r><w:t>80元</w:t></w:r>${sym('Wingdings', 'F0FE')}${sym('Wingdings', 'F0A8')}${sym('宋体', '2265')}${sym('Webdings', 'F021')}</w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['≥95%', '≤80元☑□≥']);
  });

  it('keeps the base text of a phonetic guide (ruby), not its annotation', async () => {
    const body = `<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>jì xiào</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>绩效</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>自评</w:t></w:r></w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['绩效自评']);
  });

  it('reads content controls (w:sdt) around blocks, rows and cells', async () => {
    const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const body =
      sdt(p('单位名称：长沙市岳麓区住房保障服务中心')) +
      tbl(2, tr(tc('项目') + sdt(tc('全年预算数'))) + sdt(tr(tc('合计') + tc('1028.49')))) +
      `<w:p>${sdt('<w:r><w:t>填报人：张三</w:t></w:r>')}</w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['单位名称：长沙市岳麓区住房保障服务中心', '填报人：张三']);
    expect(describeGrid(model.tables[0].rows)).toEqual([
      ['项目@0,0 1x1', '全年预算数@0,1 1x1'],
      ['合计@1,0 1x1', '1028.49@1,1 1x1'],
    ]);
  });

  it('reads one branch of mc:AlternateContent; text-box paragraphs follow their anchor paragraph', async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}${p(text + '续')}</w:txbxContent>`;
    const alternate =
      `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('框内')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框内')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`;
    const body = p('之前') + `<w:p><w:r><w:t>锚点</w:t></w:r><w:r>${alternate}</w:r><w:r><w:t>之后</w:t></w:r></w:p>` + p('结尾');
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['之前', '锚点之后', '框内', '框内续', '结尾']);
    expect(model.images).toBe(1);
  });

  it('a text box in a table cell adds paragraphs to that cell', async () => {
    const cell = `<w:tc><w:p><w:r><w:t>单元格</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p('框')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p></w:tc>`;
    const model = await readDocument(docxFromBody(tbl(1, tr(cell))), LIMIT);
    expect(model.tables[0].rows[0][0].paragraphs).toEqual(['单元格', '框']);
    expect(model.tables[0].rows[0][0].text).toBe('单元格\n框');
  });

  it('a namespace declared on an inner element counts there and only there (no attribute of other tags is walked)', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>` +
      `<w:p w:rsidR="00A1"><w:r><w:t>外层</w:t></w:r></w:p>` +
      `<w:p xmlns:w="urn:not-word"><w:r><w:t>别的命名空间</w:t></w:r></w:p>` +
      `<y:p xmlns:y="${W}"><y:r><y:t>内层前缀</y:t></y:r></y:p>` +
      `<p xmlns="${W}"><r><t>默认命名空间</t></r></p>` +
      `<w:p><w:r><w:t>回到外层</w:t></w:r></w:p>` +
      `</w:body></w:document>`;
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'word/document.xml', data: xml },
    ]);
    expect(paragraphs(await readDocument(bytes, LIMIT))).toEqual(['外层', '内层前缀', '默认命名空间', '回到外层']);
  });

  it('reads documents whose WordprocessingML namespace has another prefix', async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>` +
      `<x:p><x:r><x:t>前缀不同</x:t></x:r></x:p><x:tbl><x:tblGrid><x:gridCol/><x:gridCol/></x:tblGrid><x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/></x:tcPr><x:p><x:r><x:t>合并</x:t></x:r></x:p></x:tc></x:tr></x:tbl>` +
      `</x:body></x:document>`;
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'word/document.xml', data: xml },
    ]);
    const model = await readDocument(bytes, LIMIT);
    expect(paragraphs(model)).toEqual(['前缀不同']);
    expect(describeGrid(model.tables[0].rows)).toEqual([['合并@0,0 1x2', '合并@0,0 1x2']]);
  });

  it('finds the main part through _rels/.rels when it is not word/document.xml', async () => {
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: '_rels/.rels', data: packageRels('word/document2.xml') },
      { name: 'word/document2.xml', data: documentXml(p('另一个正文部件')) },
    ]);
    const model = await readDocument(bytes, LIMIT);
    expect(paragraphs(model)).toEqual(['另一个正文部件']);
  });
});

const SEED = join(import.meta.dirname, '..', 'fixtures', 'docx', 'seed-yuelu-2022.docx');

describe.skipIf(!existsSync(SEED))('the rebuilt seed form', () => {
  it('puts every value where record.md and the seed dump say', async () => {
    const model = await readDocument(readFileSync(SEED), LIMIT);
    const table = model.tables[0];
    // record.md's provenance example: funds.uses.basic.actual at table 0, row 7, col 4.
    expect(table.rows[7][4].text).toBe('1155.05\u3000');
    expect(table.rows[7][2].text).toBe('（1）基本支出');
    expect(table.rows[3][3].text).toBe('1028.49\u3000');
    // 资金来源 spans the three source rows; 整体资金 the whole fund block.
    expect(table.rows[5][1]).toBe(table.rows[3][1]);
    expect(table.rows[3][1].rowSpan).toBe(3);
    expect(table.rows[10][0].origin).toEqual({ row: 2, col: 0 });
    expect(table.rows.every((row) => row.length === table.rows[0].length)).toBe(true);
  });
});

// Parity with mammoth, an independent reader, on every fixture form: the same
// table cells in the same order (mammoth writes each merged cell once, drops empty
// paragraphs and the empty positions of gridBefore/gridAfter) and the same body
// paragraphs. Proves the streaming reader loses or invents no text.
const FIXTURE_DOCX = join(import.meta.dirname, '..', 'fixtures', 'docx');
const fixtureForms = existsSync(FIXTURE_DOCX) ? readdirSync(FIXTURE_DOCX).filter((f) => f.endsWith('.docx')).sort() : [];

describe.skipIf(fixtureForms.length === 0)('parity with mammoth on the fixture forms', () => {
  it.each(fixtureForms)('%s', async (name) => {
    const bytes = readFileSync(join(FIXTURE_DOCX, name));
    const $ = cheerio.load((await mammoth.convertToHtml({ buffer: bytes })).value);
    // A superscript (a footnote reference mammoth links as "[1]", a raised digit; in the
    // fixtures always after a figure) is read as its superscript characters.
    $('sup').each((_, el) => {
      $(el).replaceWith(toSuperscript($(el).text().replace(/^\[(\d+)\]$/, '$1')));
    });
    const mammothCells: string[] = [];
    $('table').each((_, table) => {
      if ($(table).parents('table').length > 0) return;
      $(table)
        .find('tr')
        .filter((_, row) => $(row).closest('table').is(table))
        .each((_, row) => {
          $(row)
            .children('td,th')
            .each((_, cell) => {
              mammothCells.push($(cell).children('p').map((_, para) => $(para).text()).get().join('\n'));
            });
        });
    });
    const mammothParagraphs = $('body').children('p').map((_, para) => $(para).text()).get();

    const model = await readDocument(bytes, LIMIT);
    const ourCells: string[] = [];
    for (const block of model.blocks) {
      if (block.kind !== 'table') continue;
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const isOrigin = cell.origin.row === r && cell.origin.col === c;
          const isGap = cell.paragraphs.length === 0; // a gridBefore/gridAfter position
          if (isOrigin && !isGap) ourCells.push(cell.paragraphs.filter((para) => para !== '').join('\n'));
        }),
      );
    }
    expect(ourCells).toEqual(mammothCells);
    expect(paragraphs(model).filter((text) => text !== '')).toEqual(mammothParagraphs.filter((text) => text !== ''));
  });
});

describe('bad DOCX input', () => {
  it('zero bytes → corrupt-file', async () => {
    const failure = await failureOf(readDocument(Buffer.alloc(0), LIMIT));
    expect(failure.code).toBe('corrupt-file');
    expect(failure.message).toContain('文件为空（0 字节）');
  });

  it('a truncated DOCX → corrupt-file', async () => {
    const whole = docxFromBody(p('完整的表'.repeat(200)));
    for (const keep of [0.3, 0.6, 0.95]) {
      const failure = await failureOf(readDocument(whole.subarray(0, Math.floor(whole.length * keep)), LIMIT));
      expect(failure.code).toBe('corrupt-file');
      expect(failure.message).toContain('不完整');
    }
  });

  it('a zip bomb (declared and actual size far over the limit) → too-large before inflating', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024, 0x61);
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '', raw: { compressed: deflateRawSync(huge), realSize: huge.length, crc: crc32(huge) >>> 0 } },
    ]);
    expect(bytes.length).toBeLessThan(100 * 1024);
    const failure = await failureOf(readDocument(bytes, { maxBytes: 1024 * 1024 }));
    expect(failure.code).toBe('too-large');
    expect(failure.message).toContain('word/document.xml');
  });

  it('a lying size header (declared small, inflates large) is stopped → corrupt-file', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024, 0x61);
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '', raw: { compressed: deflateRawSync(huge), realSize: 1000, crc: 0 } },
    ]);
    const failure = await failureOf(readDocument(bytes, { maxBytes: 1024 * 1024 }));
    expect(failure.code).toBe('corrupt-file');
    expect(failure.message).toContain('实际大小与声明不符');
  });

  it('a document part over the limit → too-large', async () => {
    const failure = await failureOf(readDocument(docxFromBody(p('很长的文字'.repeat(2000))), { maxBytes: 20 * 1024 }));
    expect(failure.code).toBe('too-large');
  });

  it('malformed XML → corrupt-file', async () => {
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>未闭合</w:r></w:body>` },
    ]);
    const failure = await failureOf(readDocument(bytes, LIMIT));
    expect(failure.code).toBe('corrupt-file');
    expect(failure.message).toContain('不是有效的 XML');
  });

  it('entity expansion is refused, not performed (billion laughs) → corrupt-file', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: xml }]);
    const failure = await failureOf(readDocument(bytes, LIMIT));
    expect(failure.code).toBe('corrupt-file');
  });

  it('a body made only of altChunk imports → unsupported-format with a resave hint', async () => {
    const failure = await failureOf(readDocument(docxFromBody('<w:altChunk r:id="rId9"/>'), LIMIT));
    expect(failure.code).toBe('unsupported-format');
    expect(failure.message).toContain('另存为 DOCX 或 PDF');
  });

  it('a legacy .doc renamed .docx → unsupported-format with a resave hint', async () => {
    const failure = await failureOf(readDocument(buildOle2(['WordDocument', '1Table', 'CompObj']), LIMIT));
    expect(failure.code).toBe('unsupported-format');
    expect(failure.message).toContain('.doc');
    expect(failure.message).toContain('请另存为 DOCX 或 PDF 后重新提交');
  });

  it('a password-protected DOCX (OLE2 with an encryption stream) → encrypted', async () => {
    const failure = await failureOf(readDocument(buildOle2(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), LIMIT));
    expect(failure.code).toBe('encrypted');
    expect(failure.message).toContain('请去除密码后');
  });
});

// Issue 15: nothing read that a person would not see, nothing missed that a person sees.
describe('DOCX: what a person sees', () => {
  const R = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const RELS = (extra: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${extra}</Relationships>`;

  it('hidden runs (w:vanish, w:specVanish) are not text; w:vanish w:val="0" is; a hidden empty paragraph is no paragraph', async () => {
    const body =
      `<w:p>${R('14')}${R('9', '<w:sz w:val="21"/><w:vanish/>')}${R('23.56')}${R('x', '<w:vanish w:val="0"/>')}${R('y', '<w:specVanish/>')}</w:p>` +
      `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${R('草稿', '<w:vanish/>')}</w:p>` +
      `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>隐藏</w:t><w:br/></w:r>${R('可见')}</w:p>`;
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(paragraphs(model)).toEqual(['1423.56x', '可见']);
  });

  it('a label Word indents (w:ind) more than its column\'s others reads with that many leading blanks; a column indented as a whole reads none', async () => {
    const cell = (text: string, ind = '') => `<w:tc><w:tcPr/><w:p>${ind ? `<w:pPr><w:ind ${ind}/></w:pPr>` : ''}${R(text)}</w:p></w:tc>`;
    const rows = [
      [cell('其中：当年财政拨款'), cell('420.00'), cell('项目名称', 'w:firstLineChars="200" w:firstLine="420"')],
      [cell('其中：中央补助资金', 'w:leftChars="200" w:left="420"'), cell('300.00'), cell('实施单位', 'w:firstLineChars="200"')],
      [cell('省级补助资金', 'w:left="1050"'), cell('120.00'), cell('主管部门', 'w:firstLine="420"')],
      [cell('　其他资金', 'w:left="840" w:hanging="420"'), cell('—', 'w:left="840"'), cell('')],
    ];
    const model = await readDocument(docxFromBody(tbl(3, rows.map((r) => tr(r.join(''))).join(''))), LIMIT);
    expect(model.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['其中：当年财政拨款', '420.00', '项目名称'],
      ['　　其中：中央补助资金', '300.00', '实施单位'],
      ['　　　　　省级补助资金', '120.00', '主管部门'],
      ['　　　其他资金', '—', ''],
    ]);
  });

  it('a content control showing its placeholder reads blank; a filled one reads its text', async () => {
    const sdt = (content: string, placeholder: boolean) =>
      `<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>${placeholder ? '<w:showingPlcHdr/>' : ''}<w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const body = tbl(2, tr(`<w:tc><w:tcPr/><w:p>${sdt(R('单击或点击此处输入文字。'), true)}</w:p></w:tc>` + `<w:tc><w:tcPr/><w:p>${sdt(R('973.56'), false)}</w:p></w:tc>`)) +
      sdt(p('单击或点击此处输入文字。'), true);
    const model = await readDocument(docxFromBody(body), LIMIT);
    expect(model.tables[0].rows[0].map((c) => c.text)).toEqual(['', '973.56']);
    expect(paragraphs(model)).toEqual(['']);
  });

  it('invisible format characters are not text', async () => {
    const model = await readDocument(docxFromBody(p('82\u00AD3.56 8\u206000.00 \u200E173.56\u200F \u202A93.44%\u202C')), LIMIT);
    expect(paragraphs(model)).toEqual(['823.56 800.00 173.56 93.44%']);
  });

  it('the first section\'s page header is read as paragraphs before the body (first-page header first under titlePg)', async () => {
    const hdr = (text: string) => `<?xml version="1.0"?><w:hdr xmlns:w="${'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}">${p(text)}</w:hdr>`;
    const body = p('2022年度部门整体支出绩效自评表') +
      `<w:sectPr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:headerReference w:type="default" r:id="rId2"/><w:headerReference w:type="first" r:id="rId1"/><w:titlePg/></w:sectPr>`;
    const bytes = docxFromBody(body, [
      { name: 'word/_rels/document.xml.rels', data: RELS('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="/word/header2.xml"/>') },
      { name: 'word/header1.xml', data: hdr('单位：元') },
      { name: 'word/header2.xml', data: hdr('第二页起的页眉') },
    ]);
    const model = await readDocument(bytes, LIMIT);
    expect(paragraphs(model)).toEqual(['单位：元', '第二页起的页眉', '2022年度部门整体支出绩效自评表']);
    expect(model.tables).toHaveLength(0);
  });

  it('an altChunk whose part holds text fails unsupported-format even beside other text; an empty or missing one is nothing', async () => {
    const chunk = (html: string) =>
      docxFromBody(p('正文') + '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId5"/>', [
        { name: 'word/_rels/document.xml.rels', data: RELS('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/>') },
        { name: 'word/chunk.htm', data: html },
      ]);
    const failure = await failureOf(readDocument(chunk('<html><body><p>其中人员支出900.00万元。</p></body></html>'), LIMIT));
    expect(failure.code).toBe('unsupported-format');
    expect(failure.message).toContain('另存为 DOCX 或 PDF');
    expect(paragraphs(await readDocument(chunk('<html><body><p>&nbsp;</p></body></html>'), LIMIT))).toEqual(['正文']);
    expect(paragraphs(await readDocument(docxFromBody(p('正文') + '<w:altChunk r:id="rId9"/>'), LIMIT))).toEqual(['正文']);
  });
});

describe('DOCX: superscripts after a figure (footnote marks)', () => {
  const sup = (text: string) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>${text}</w:t></w:r>`;
  const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const note = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

  it('reads a raised run after a figure as superscript characters, never as its digits', async () => {
    const body = `<w:p>${run('218.50')}${sup('1')}</w:p><w:p>${run('面积5000m')}${sup('2')}</w:p>`;
    expect(paragraphs(await readDocument(docxFromBody(body), LIMIT))).toEqual(['218.50¹', '面积5000m²']);
    // raised text with no superscript characters (a note's "注1") stays as it is
    expect(paragraphs(await readDocument(docxFromBody(`<w:p>${run('合计')}${sup('注1')}</w:p>`), LIMIT))).toEqual(['合计注1']);
  });

  it('prints a footnote reference as Word numbers it (1, 2, … in document order), raised after the figure', async () => {
    const body = `<w:p>${run('218.50')}${note(7)}</w:p><w:p>${run('9.50')}${note(3)}</w:p>` +
      `<w:p>${run('10')}${note(9)}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>*</w:t></w:r></w:p>`;
    expect(paragraphs(await readDocument(docxFromBody(body), LIMIT))).toEqual(['218.50¹', '9.50²', '10³*']);
  });

  it('leaves a paragraph set raised from its start as it is (no text before it)', async () => {
    expect(paragraphs(await readDocument(docxFromBody(`<w:p>${sup('9.50')}</w:p>`), LIMIT))).toEqual(['9.50']);
  });
});
