// The PDF reader on committed PDFs (fixtures/pdf, made by scripts/make-pdfs.ts with
// LibreOffice) and on hand-made inputs: tables over pages, wrapped rows, page
// numbers, failures (scan, password, damage), non-embedded CJK fonts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { DocModel, DocParagraph, DocTable } from '../src/model/document.js';
import { FormFailure } from '../src/model/failure.js';
import { readPdf } from '../src/read/pdf.js';
import { OPS } from '../src/read/pdfjs.js';
import { notePastPage, readRules } from '../src/read/pdf-rules.js';
import { findTables } from '../src/read/pdf-grid.js';
import { layoutPages, type PageContent } from '../src/read/pdf-layout.js';
import { groupLines, markSuperscripts, toParagraphs, type TextRun } from '../src/read/pdf-text.js';

const PDF_DIR = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const LIMIT = { maxBytes: 50 * 1024 * 1024 };
const load = (name: string) => readFileSync(join(PDF_DIR, name));
const read = (name: string) => readPdf(load(name), LIMIT);

async function failureOf(promise: Promise<unknown>): Promise<FormFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FormFailure) return err;
    throw err;
  }
  throw new Error('expected a FormFailure');
}

const noSpace = (s: string) => s.replace(/\s+/g, '');
const paragraphs = (doc: DocModel) => doc.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph').map((b) => b.text);
/** The row whose cell texts include `label` (whitespace removed). */
function rowWith(table: DocTable, label: string): string[] {
  const row = table.rows.find((r) => r.some((c) => noSpace(c.text) === label));
  if (!row) throw new Error(`no row labelled ${label}`);
  return row.map((c) => noSpace(c.text));
}

describe('a form table over six pages (rows broken across pages, page-number footer)', () => {
  it('is one table with every DOCX row once: 13 header/fund/goal rows, 1 indicator header, 18 indicators, 总分', async () => {
    const doc = await read('multipage-split-rows.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(6);
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(table.rows).toHaveLength(13 + 1 + 18 + 1);
    expect(table.rows.every((r) => r.length === 9)).toBe(true);
    // Each indicator's long text is whole in its one cell, even where the page broke it.
    const names = table.rows.map((r) => noSpace(r[3].text)).filter((t) => /^指标\d：/.test(t));
    expect(names).toHaveLength(18);
    for (const name of names) expect(name).toMatch(/全年累计开展专项检查\d+次，整改问题\d+个，工作成效得到上级部门肯定。$/);
    expect(rowWith(table, '（1）基本支出').slice(3, 6)).toEqual(['1450.30', '1432.18', '98.75%']);
    expect(rowWith(table, '总分').slice(6, 8)).toEqual(['100', '99.28']);
  });

  it('repeats a merged group label over all its rows across the page breaks', async () => {
    const table = (await read('multipage-split-rows.pdf')).tables[0];
    // 产出指标 covers 4 数量 + 3 质量 + 2 时效 + 2 成本 = 11 indicator rows.
    const output = table.rows.filter((r) => noSpace(r[1].text) === '产出指标');
    expect(output).toHaveLength(11);
    expect(new Set(output.map((r) => r[1].origin.row)).size).toBe(1);
    expect(output[0][1].rowSpan).toBe(11);
    // The rows lie on more than one page and every cell says which.
    expect(new Set(output.map((r) => r[3].page)).size).toBeGreaterThan(1);
    expect(table.rows.flat().every((c) => typeof c.page === 'number' && c.page >= 1 && c.page <= 6)).toBe(true);
  });

  it('drops the page numbers and keeps the narrative after the table in order', async () => {
    const paras = paragraphs(await read('multipage-split-rows.pdf'));
    expect(paras.some((p) => /第\s*\d+\s*页/.test(p))).toBe(false);
    expect(paras[0]).toBe('2023年度部门整体支出绩效自评表');
    expect(paras.slice(1, 4)).toEqual(['评价报告综述（文字部分）', '一、部门（单位）概况', '某某区城市管理局是区人民政府工作部门，内设机构6个，下属事业单位3个。']);
    expect(paras.at(-1)).toBe('加强预算执行进度管理，细化量化绩效指标，强化绩效评价结果运用。');
  });
});

describe('the seed form: narrative inside the table over several pages', () => {
  it('reads the fund block, the 总分 row and the narrative cell whole', async () => {
    const doc = await read('seed-yuelu-2022.pdf');
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(rowWith(table, '（1）基本支出').slice(3, 5)).toEqual(['971.01', '1155.05']);
    expect(rowWith(table, '其中：人员支出').slice(3, 5)).toEqual(['920.1', '1110.01']);
    expect(rowWith(table, '（2）项目支出').slice(3, 5)).toEqual(['57.48', '3028.78']);
    expect(rowWith(table, '总分').slice(6, 8)).toEqual(['100', '100']);
    const narrative = table.rows.at(-1)![0];
    expect(narrative.colSpan).toBe(9);
    expect(narrative.page).toBeLessThan(doc.pages!);
    const paras = narrative.paragraphs.map(noSpace);
    expect(paras[0]).toBe('五、评价报告综述（文字部分）');
    expect(paras).toContain('（一）岳麓区住房保障服务中心是区人民政府直属正科级财政全额拨款的事业单位，岳麓区住房保障服务中心部门只有本级，没有其他二级预算单位。');
    expect(paras.slice(-4)).toEqual(['五、存在的主要问题', '无', '六、改进措施和有关建议', '无']);
    expect(noSpace(narrative.text)).toContain('上述决算支出中基本支出1150.05万元，项目支出3028.78万元。');
    // Text near the right edge of the page is all there ("4183.83万元", not "4183.83元").
    expect(noSpace(narrative.text)).toContain('实际拨付到位金额4183.83万元，指标合计为4183.83万元。');
    // A nearly full line ending in "：" and a numbered heading after it stay two paragraphs.
    const report = paras.findIndex((p) => p.endsWith('现将工作开展情况报告如下：'));
    expect(paras[report + 1]).toBe('（一）2022年工作开展情况');
  });
});

describe('an indicator table whose header row repeats on every page', () => {
  it('keeps the fund table and the indicator table apart and the header row once', async () => {
    const doc = await read('multipage-repeat-header.pdf');
    expect(doc.tables.map((t) => [t.rows.length, t.rows[0].length])).toEqual([[13, 8], [20, 8]]);
    const indicators = doc.tables[1];
    expect(indicators.rows.filter((r) => noSpace(r[0].text) === '一级指标')).toHaveLength(1);
    // 可持续影响指标 spans two rows that the page break separates.
    const sustain = indicators.rows.filter((r) => noSpace(r[1].text) === '可持续影响指标');
    expect(sustain).toHaveLength(2);
    expect(sustain[0][1].page).not.toBe(sustain[1][3].page);
    expect(paragraphs(doc).some((p) => /^-\s*\d+\s*-$/.test(p.trim()))).toBe(false);
  });
});

describe('rows that wrap heavily in narrow columns', () => {
  it('joins each cell\'s lines without spaces between CJK glyphs', async () => {
    const table = (await read('wrap-heavy.pdf')).tables[0];
    const first = table.rows.find((r) => r[3].text.startsWith('指标1：城区道路清扫保洁'))!;
    expect(first[3].text).toBe('指标1：城区道路清扫保洁。全年围绕城区道路清扫保洁工作制定实施方案，明确责任单位和完成时限，按月调度、按季通报，对发现的问题建立台账并逐项销号，全年累计开展专项检查12次，整改问题30个，工作成效得到上级部门肯定。');
    expect(first.slice(4, 8).map((c) => c.text)).toEqual(['100%', '100%', '5', '5']);
    const missed = table.rows.find((r) => r[5].text === '90%')!;
    expect(missed[8].text).toBe('受汛期影响，部分路段整治推迟至次年一季度完成，已纳入下年计划。');
  });
});

describe('failures', () => {
  it('a scan (a page image, no text) fails with no-text-layer where Tesseract is absent, saying how to enable scans', async () => {
    // JXAUDIT_TESSERACT=none stands for a machine without Tesseract (issue 18)
    const saved = process.env.JXAUDIT_TESSERACT;
    process.env.JXAUDIT_TESSERACT = 'none';
    try {
      const failure = await failureOf(read('scanned.pdf'));
      expect(failure.code).toBe('no-text-layer');
      expect(failure.message).toContain('扫描件');
      expect(failure.message).toContain('tesseract-ocr tesseract-ocr-chi-sim');
    } finally {
      if (saved === undefined) delete process.env.JXAUDIT_TESSERACT;
      else process.env.JXAUDIT_TESSERACT = saved;
    }
  });

  it('a PDF that needs a password to open fails with encrypted', async () => {
    const failure = await failureOf(read('encrypted.pdf'));
    expect(failure.code).toBe('encrypted');
    expect(failure.message).toMatch(/加密/);
  });

  it('a PDF with only an owner password (printing/copying restricted) is read like its source', async () => {
    const restricted = await read('owner-password.pdf');
    const source = await read('multipage-split-rows.pdf');
    expect(restricted.tables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual(source.tables.map((t) => t.rows.map((r) => r.map((c) => c.text))));
  });

  it('a truncated PDF fails with corrupt-file', async () => {
    const bytes = load('multipage-split-rows.pdf');
    const failure = await failureOf(readPdf(bytes.subarray(0, Math.floor(bytes.length / 3)), LIMIT));
    expect(failure.code).toBe('corrupt-file');
  });

  it('random bytes behind a PDF header fail with corrupt-file', async () => {
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 4000 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256));
    const failure = await failureOf(readPdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), noise]), LIMIT));
    expect(failure.code).toBe('corrupt-file');
  });
});

describe('embedded fonts', () => {
  // pdfjs turns each font it hands its font loader into an @font-face rule, the font
  // program base64-encoded (btoa under Node 20); nothing is rendered here, so none is built.
  it('are read for their text without an @font-face rule built for any (the seed: CJK and Latin fonts embedded)', async () => {
    const btoa = vi.spyOn(globalThis, 'btoa');
    try {
      const doc = await read('seed-yuelu-2022.pdf');
      expect(doc.tables.length).toBeGreaterThan(0);
      expect(btoa).not.toHaveBeenCalled();
    } finally {
      btoa.mockRestore();
    }
  });
});

describe('a Chinese font that is not embedded (STSong-Light, UniGB-UCS2-H)', () => {
  it('reads its text through pdfjs CMaps', async () => {
    const doc = await read('nonembedded-font.pdf');
    expect(paragraphs(doc).map(noSpace)).toEqual(['2023年度项目支出绩效自评表', '项目名称：城区道路提质改造', '全年预算数：120.50万元']);
  });
});

describe('a form a web browser printed to PDF (Skia: Type 3 fonts, glyphs mapped to CJK radicals)', () => {
  it('reads each radical as the character it shows: 部门整体支出绩效自评表, not 部⻔整体⽀出绩效⾃评表', async () => {
    const doc = await readPdf(readFileSync(fileURLToPath(new URL('../fixtures/browser/dept-slip-typo.pdf', import.meta.url))), LIMIT);
    expect(paragraphs(doc).map(noSpace)).toContain('2022年度部门整体支出绩效自评表');
    const text = [...paragraphs(doc), ...doc.tables.flatMap((t) => t.rows.flat().map((c) => c.text))].join('');
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(text).toContain('户'); // ⼾ (KANGXI RADICAL DOOR) as the simplified 户 the font draws, not Unicode's 戶
  });
});

/** A one-page PDF (A4) with Helvetica as /F1 around the given content stream. */
function handMadePdf(content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('borders drawn as thin filled rectangles under a scaled matrix (as Word exports them)', () => {
  it('become a 2×2 table, with the text outside it as paragraphs', async () => {
    // Rules in a half-scale coordinate system (coordinates doubled), then text.
    const rules = [
      [144, 1400, 400, 1], [144, 1300, 400, 1], [144, 1200, 400, 1], // horizontal
      [144, 1200, 1, 201], [344, 1200, 1, 201], [544, 1200, 1, 201], // vertical
    ].map(([x, y, w, h]) => `${x} ${y} ${w} ${h} re f`).join('\n');
    const text = [
      [72, 760, 'Form title'], [80, 680, 'Budget'], [180, 680, 'Actual'], [80, 630, '1028.49'], [180, 630, '4183.83'], [72, 560, 'Note after the table'],
    ].map(([x, y, t]) => `BT /F1 12 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
    const doc = await readPdf(handMadePdf(`q 0.5 0 0 0.5 0 0 cm 0 0 0 rg\n${rules}\nQ\n${text}`), LIMIT);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([['Budget', 'Actual'], ['1028.49', '4183.83']]);
    expect(paragraphs(doc)).toEqual(['Form title', 'Note after the table']);
  });

  it('a PDF with neither text nor pictures is an empty document, not a scan', async () => {
    const doc = await readPdf(handMadePdf('0 0 0 rg 72 700 200 1 re f'), LIMIT);
    expect(doc.blocks).toEqual([]);
    expect(doc.images).toBe(0);
  });
});

describe('tables from ruling lines (src/read/pdf-grid.ts)', () => {
  const sides = (y0: number, y1: number) => [{ x: 50, y0, y1 }, { x: 300, y0, y1 }];
  it('takes two sides and one rule at their end as a cell the page break opened, not a lone rule', () => {
    // the rest of a cell atop a page: its sides from the page's top margin, its bottom rule
    const open = findTables({ h: [{ y: 200, x0: 50, x1: 300 }], v: sides(40, 200) }, 2);
    expect(open).toHaveLength(1);
    expect(open[0].ys).toEqual([40, 200]);
    // a rule across two uprights half-way up (a drawing, a bracket): no table
    expect(findTables({ h: [{ y: 120, x0: 50, x1: 300 }], v: sides(40, 200) }, 2)).toEqual([]);
    // an underline with one upright: no table
    expect(findTables({ h: [{ y: 200, x0: 50, x1: 300 }], v: [{ x: 50, y0: 40, y1: 200 }] }, 2)).toEqual([]);
  });

  it('takes two sides of one height with nothing across as an open cell (a cell taller than the page), one upright or uneven ones as none', () => {
    const middle = findTables({ h: [], v: sides(28, 764) }, 5);
    expect(middle).toHaveLength(1);
    expect(middle[0]).toMatchObject({ open: true, xs: [50, 300], ys: [28, 764] });
    expect(findTables({ h: [], v: [{ x: 50, y0: 28, y1: 764 }] }, 5)).toEqual([]);
    expect(findTables({ h: [], v: [{ x: 50, y0: 28, y1: 764 }, { x: 300, y0: 100, y1: 400 }] }, 5)).toEqual([]);
  });

  it('keeps two label cells apart where their upright stops only across the band of a doubled rule', () => {
    // columns 一级 (50–110), 二级 (110–160), values (160–300); under the rule at 332.6 the
    // browser drew a second one at 336.4 over the values only, and the upright at 110
    // pauses between them (a joint): the band holds no text
    const h = [100, 332.6, 400].map((y) => ({ y, x0: 50, x1: 300 })).concat([{ y: 336.4, x0: 160, x1: 300 }]);
    const upright = (x: number, gap: boolean) => (gap ? [{ x, y0: 100, y1: 333 }, { x, y0: 336, y1: 400 }] : [{ x, y0: 100, y1: 400 }]);
    const labelsOf = (v: { x: number; y0: number; y1: number }[]) => {
      const [table] = findTables({ h, v }, 3);
      return table.cells.filter((c) => c.x0 < 160 && c.y1 > 340).map((c) => [c.x0, c.x1, c.y0]);
    };
    const withGap = [...upright(50, false), ...upright(110, true), ...upright(160, false), ...upright(300, false)];
    expect(labelsOf(withGap)).toEqual([[50, 110, 332.6], [110, 160, 332.6]]);
    // an upright that stops for good is a merged cell from there on, band and all
    const ended = [...upright(50, false), { x: 110, y0: 100, y1: 333 }, ...upright(160, false), ...upright(300, false)];
    expect(labelsOf(ended)).toEqual([[50, 160, 332.6]]);
  });
});

describe('a box drawn around a table and its text: a web page pasted whole into one cell (src/read/pdf-grid.ts)', () => {
  const rect = (x0: number, x1: number, y0: number, y1: number) => ({
    h: [{ y: y0, x0, x1 }, { y: y1, x0, x1 }],
    v: [{ x: x0, y0, y1 }, { x: x1, y0, y1 }],
  });
  // the form: 3 columns (60–200–300–400), 3 rows (100–130–160–190)
  const form = (bottom: number) => ({
    h: [100, 130, 160, bottom].map((y) => ({ y, x0: 60, x1: 400 })),
    v: [60, 200, 300, 400].map((x) => ({ x, y0: 100, y1: bottom })),
  });
  const run = (str: string, x: number, baseline: number): TextRun => ({ str, x, right: x + 10 * [...str].length, baseline, size: 10, page: 1 });
  const runs = [run('自评表标题', 100, 85), run('项目', 70, 120), run('预算数', 210, 120), run('合计', 70, 150), run('100', 310, 150), run('评价报告综述。', 70, 230)];
  const layout = (rules: { h: { y: number; x0: number; x1: number }[]; v: { x: number; y0: number; y1: number }[] }) =>
    layoutPages([{ page: 1, width: 595, height: 842, runs, rules }]);

  it('the box apart from the table: the table alone, its cells holding their text; the box\'s text is paragraphs around it', () => {
    const box = rect(50, 410, 70, 250);
    const inner = form(190);
    const tables = findTables({ h: [...box.h, ...inner.h], v: [...box.v, ...inner.v] }, 1);
    expect(tables.map((t) => [t.xs, t.ys])).toEqual([[[60, 200, 300, 400], [100, 130, 160, 190]]]);
    const { blocks } = layout({ h: [...box.h, ...inner.h], v: [...box.v, ...inner.v] });
    expect(blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text).join('|')).join('/') : b.text))).toEqual([
      '自评表标题',
      '项目|预算数|/合计||100/||',
      '评价报告综述。',
    ]);
  });

  it('the table standing on the box\'s foot (their rules one group): the grid inside the box\'s margin is the table', () => {
    // no text below the form: its bottom rule is the box's
    const box = rect(50, 410, 70, 190);
    const inner = form(190);
    const tables = findTables({ h: [...box.h, ...inner.h], v: [...box.v, ...inner.v] }, 1);
    expect(tables.map((t) => [t.xs, t.ys])).toEqual([[[60, 200, 300, 400], [100, 130, 160, 190]]]);
    expect(tables[0].cells).toHaveLength(9);
    // a table whose outer column is a merged label (one cell down its side) is no frame
    const labelled = findTables({ h: [100, 130, 160, 190].map((y) => ({ y, x0: 60, x1: 400 })).map((r, i) => (i === 1 || i === 2 ? { ...r, x0: 120 } : r)), v: [60, 120, 300, 400].map((x) => ({ x, y0: 100, y1: 190 })) }, 1);
    expect(labelled.map((t) => [t.xs, t.ys])).toEqual([[[60, 120, 300, 400], [100, 130, 160, 190]]]);
  });
});

describe('cells a page break cuts, in a browser\'s print (src/read/pdf-grid.ts, pdf-layout.ts)', () => {
  const run = (str: string, x: number, baseline: number, page: number): TextRun => ({ str, x, right: x + 12 * [...str].length, baseline, size: 12, page });
  // two columns: a merged label (50–150) and the indicators (150–300)
  const v = (y0: number, y1: number) => [50, 150, 300].map((x) => ({ x, y0, y1 }));
  // page 1: a header row, then the label cell over the first indicator; the break cuts
  // the label (no rule under it) but ends the indicator's row (ruled under it)
  const first: PageContent = {
    page: 1, width: 420, height: 595,
    // the label's next line spills under the last rule, further than a line's pitch, in two runs
    runs: [run('一级', 60, 80, 1), run('三级', 160, 80, 1), run('产出', 60, 530, 1), run('指标1：户数', 160, 530, 1), run('指', 60, 565, 1), run('标', 72, 565, 1)],
    rules: { h: [{ y: 60, x0: 50, x1: 300 }, { y: 100, x0: 50, x1: 300 }, { y: 545, x0: 150, x1: 300 }], v: v(60, 545) },
  };
  // page 2: the label's rest beside the next indicator; a browser draws no rule atop the page
  const second: PageContent = {
    page: 2, width: 420, height: 595,
    runs: [run('指标2：人数', 160, 50, 2), run('合计', 60, 90, 2)],
    rules: { h: [{ y: 70, x0: 50, x1: 300 }, { y: 110, x0: 50, x1: 300 }], v: v(28, 110) },
  };

  it('marks the cells of a part\'s last row with no rule under them as cut', () => {
    const [table] = findTables(first.rules, 1);
    const last = table.cells.filter((c) => c.r1 === table.ys.length - 1);
    expect(last.map((c) => [c.x0, c.openBottom === true])).toEqual([[50, true], [150, false]]);
  });

  it('joins a cut cell with its rest on the next page, takes the line spilled under it, and starts a new row where the rule ended one', () => {
    const { blocks, tables } = layoutPages([first, second]);
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
    const rows = tables[0].rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['一级', '三级'],
      ['产出\n指标', '指标1：户数'],
      ['产出\n指标', '指标2：人数'],
      ['合计', ''],
    ]);
  });
});

describe('a narrower part beside cut side columns drawn with no rule (src/read/pdf-layout.ts)', () => {
  const run = (str: string, x: number, baseline: number, page: number): TextRun => ({ str, x, right: x + 12 * [...str].length, baseline, size: 12, page });
  // page 1: the label column (50–100) cut at the foot, two indicator columns ruled under
  const first: PageContent = {
    page: 1, width: 420, height: 595,
    runs: [run('绩效', 60, 530, 1), run('数量', 110, 530, 1), run('户数', 210, 530, 1)],
    rules: { h: [{ y: 500, x0: 50, x1: 300 }, { y: 545, x0: 100, x1: 300 }], v: [50, 100, 200, 300].map((x) => ({ x, y0: 500, y1: 545 })) },
  };
  // page 2: only the two indicator columns are ruled; the label's rest stands beside them
  const second = (labelX: number): PageContent => ({
    page: 2, width: 420, height: 595,
    runs: [run('指标', labelX, 50, 2), run('质量', 110, 50, 2), run('人数', 210, 50, 2)],
    rules: { h: [{ y: 28, x0: 100, x1: 300 }, { y: 70, x0: 100, x1: 300 }], v: [100, 200, 300].map((x) => ({ x, y0: 28, y1: 70 })) },
  });

  it('starts a new side cell under one the rule ended (a 一级指标 label under the header row)', () => {
    // page 1 ends with the header row: the outer label (50–100) cut, 一级 (100–150) and 三级 (150–300) ruled under
    const head: PageContent = {
      page: 1, width: 420, height: 595,
      runs: [run('年度', 60, 530, 1), run('一级', 110, 530, 1), run('三级', 160, 530, 1)],
      rules: { h: [{ y: 500, x0: 50, x1: 300 }, { y: 545, x0: 100, x1: 300 }], v: [50, 100, 150, 300].map((x) => ({ x, y0: 500, y1: 545 })) },
    };
    // page 2: only 三级 is ruled; "产出" stands in the 一级 column, "目标" in the outer one
    const body: PageContent = {
      page: 2, width: 420, height: 595,
      runs: [run('目标', 60, 50, 2), run('产出', 110, 50, 2), run('户数', 160, 50, 2)],
      rules: { h: [{ y: 28, x0: 150, x1: 300 }, { y: 70, x0: 150, x1: 300 }], v: [150, 300].map((x) => ({ x, y0: 28, y1: 70 })) },
    };
    const { tables } = layoutPages([head, body]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['年度目标', '一级', '三级'],
      ['年度目标', '产出', '户数'],
    ]);
  });

  it('gives the part its side column back and the label\'s rest to the cut cell', () => {
    const { blocks, tables } = layoutPages([first, second(60)]);
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
    expect(tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['绩效指标', '数量', '户数'],
      ['绩效指标', '质量', '人数'],
    ]);
  });
});

describe('a cell that goes on over whole pages (src/read/pdf-layout.ts)', () => {
  const run = (str: string, x: number, baseline: number, page: number): TextRun => ({ str, x, right: x + 12 * [...str].length, baseline, size: 12, page });
  const box = (y0: number, y1: number, x0: number, x1: number) => [{ y: y0, x0, x1 }, { y: y1, x0, x1 }];
  // page 1: a two-column row, then the narrative cell across the table, open at the page's foot
  const first: PageContent = {
    page: 1, width: 595, height: 792,
    runs: [run('合计', 60, 80, 1), run('1028.49', 200, 80, 1), run('五、评价报告综述', 60, 700, 1)],
    rules: { h: [...box(60, 100, 50, 300), { y: 680, x0: 50, x1: 300 }], v: [{ x: 50, y0: 60, y1: 764 }, { x: 175, y0: 60, y1: 100 }, { x: 300, y0: 60, y1: 764 }] },
  };
  const middle = (rules: PageContent['rules']): PageContent => ({ page: 2, width: 595, height: 792, runs: [run('一、部门概况', 60, 60, 2), run('单位只有本级。', 60, 400, 2)], rules });

  it('joins the page of sides only to the cell the page before left open', () => {
    const { blocks, tables } = layoutPages([first, middle({ h: [], v: [{ x: 50, y0: 28, y1: 764 }, { x: 300, y0: 28, y1: 764 }] })]);
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
    expect(tables[0].rows.at(-1)![0].text).toBe('五、评价报告综述\n一、部门概况\n单位只有本级。');
  });

  it('reads two uprights that continue no table as the page\'s text', () => {
    const { blocks } = layoutPages([first, middle({ h: [], v: [{ x: 320, y0: 28, y1: 764 }, { x: 560, y0: 28, y1: 764 }] })]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual(['table', '一、部门概况', '单位只有本级。']);
  });
});

describe('a page break between two rows of an indicator table (src/read/pdf-layout.ts)', () => {
  // Measured on LibreOffice's export of a Xinjiang project form (A4, SimSun 10.5 pt): the
  // columns 一级 二级 三级 指标值 实际值 分值 得分 偏差, the break after 犊牛出生成活率,
  // whose name fills its line as the next row's name would have had to go on it.
  const xs = [122.2, 167.2, 217.2, 303.5, 353.5, 403.5, 438.5, 473.5, 523.5];
  const run = (str: string, x: number, right: number, baseline: number, page: number): TextRun => ({ str, x, right, baseline, size: 10.5, page });
  const ruled = (ys: number[], from: (y: number) => number): PageContent['rules'] => ({
    h: ys.map((y) => ({ y, x0: from(y), x1: 523.5 })),
    v: xs.map((x) => ({ x, y0: ys[0], y1: ys.at(-1)! })),
  });
  // one indicator's cells after the two label columns, on one baseline
  const values = (name: string, nameRight: number, target: string, targetRight: number, actual: string, actualRight: number, weight: string, score: string, y: number, page: number) => [
    run(name, 222.7, nameRight, y, page), run(target, 309, targetRight, y - 2.4, page), run(actual, 359, actualRight, y - 2.4, page),
    run(weight, 409, 409 + 6.68 * weight.length, y - 2.4, page), run(score, 444, 444 + 6.68 * score.length, y - 2.4, page),
  ];
  const first = (weight: string, score: string): PageContent => ({
    page: 1, width: 595.3, height: 841.9,
    runs: [
      run('产出', 127.7, 148.7, 729.2, 1), run('时效指', 172.7, 204.2, 729.2, 1), run('标', 172.7, 183.2, 744.4, 1),
      ...values('补贴资金兑付及', 296.2, '≥95%', 341.06, '100%', 388.96, '10', '10', 729.2, 1), run('时率', 222.7, 243.7, 744.4, 1),
      run('效益指', 127.7, 159.2, 760.1, 1), run('经济效', 172.7, 204.2, 760.1, 1),
      ...values('犊牛出生成活率', 296.2, '≥90%', 341.06, '92%', 382.27, weight, score, 760.1, 1),
    ],
    rules: ruled([716.75, 747.65, 763.35], () => 122.2),
  });
  const second = (weight: string, score: string): PageContent => ({
    page: 2, width: 595.3, height: 841.9,
    runs: [
      run('标', 127.7, 138.2, 84.7, 2), run('益指标', 172.7, 204.2, 84.7, 2),
      ...values('养殖户户均增收', 296.2, '≥800', 337.76, '850元', 391.7, weight, score, 84.7, 2), run('元', 309, 319.5, 97.0, 2),
      run('可持续', 172.7, 204.2, 112.7, 2), run('影响指', 172.7, 204.2, 127.9, 2), run('标', 172.7, 183.2, 143.1, 2),
      ...values('良种覆盖率', 275.2, '≥70%', 341.06, '72%', 382.27, '10', '10', 112.7, 2),
      ...values('种畜存栏增长率', 296.2, '≥5%', 334.4, '6%', 375.6, '10', '10', 161.9, 2),
    ],
    // the 一级 label goes on down all three rows, the 二级 可持续影响指标 down the last
    // two: the rules between them start right of the labels
    rules: ruled([72.25, 100.25, 146.35, 177.05], (y) => (y === 100.25 ? 167.2 : y === 146.35 ? 217.2 : 122.2)),
  });
  const table = (pages: PageContent[]) => layoutPages(pages).tables[0].rows;
  const indicators = (pages: PageContent[]) => table(pages).map((r) => [2, 3, 5, 6].map((c) => noSpace(r[c].text)));

  it('keeps two rows apart where a whole number ends the 分值 and 得分 cells above the break and another opens them below', () => {
    expect(indicators([first('10', '10'), second('10', '10')])).toEqual([
      ['补贴资金兑付及时率', '≥95%', '10', '10'],
      ['犊牛出生成活率', '≥90%', '10', '10'],
      ['养殖户户均增收', '≥800元', '10', '10'],
      ['良种覆盖率', '≥70%', '10', '10'],
      ['种畜存栏增长率', '≥5%', '10', '10'],
    ]);
  });

  it('joins the 一级 and 二级 labels the break cut between those two rows, each merged down the rows it heads', () => {
    const rows = table([first('10', '10'), second('10', '10')]);
    expect(rows.map((r) => [0, 1].map((c) => noSpace(r[c].text)))).toEqual([
      ['产出', '时效指标'],
      ['效益指标', '经济效益指标'],
      ['效益指标', '经济效益指标'],
      ['效益指标', '可持续影响指标'],
      ['效益指标', '可持续影响指标'],
    ]);
  });

  it('keeps a label apart that ends lower than the rest of its row above the break, however full its last line', () => {
    // 社会效益指标 made the row two lines tall itself: it was finished on the old page
    const above: PageContent = {
      page: 1, width: 595.3, height: 841.9,
      runs: [
        run('效益指', 127.7, 159.2, 729.2, 1), run('标', 127.7, 138.2, 744.4, 1),
        run('社会效', 172.7, 204.2, 729.2, 1), run('益指标', 172.7, 204.2, 744.4, 1),
        ...values('犊牛出生成活率', 296.2, '≥90%', 341.06, '92%', 382.27, '10', '10', 729.2, 1),
      ],
      rules: ruled([716.75, 752.05], () => 122.2),
    };
    const below: PageContent = {
      page: 2, width: 595.3, height: 841.9,
      runs: [
        run('可持续', 172.7, 204.2, 84.7, 2), run('影响指', 172.7, 204.2, 99.9, 2), run('标', 172.7, 183.2, 115.1, 2),
        ...values('良种覆盖率', 275.2, '≥70%', 341.06, '72%', 382.27, '10', '10', 84.7, 2),
        ...values('种畜存栏增长率', 296.2, '≥5%', 334.4, '6%', 375.6, '10', '10', 115.1, 2),
      ],
      rules: ruled([72.25, 100.25, 146.35], (y) => (y === 100.25 ? 217.2 : 122.2)),
    };
    expect(table([above, below]).map((r) => [0, 1, 2].map((c) => noSpace(r[c].text)))).toEqual([
      ['效益指标', '社会效益指标', '犊牛出生成活率'],
      ['效益指标', '可持续影响指标', '良种覆盖率'],
      ['效益指标', '可持续影响指标', '种畜存栏增长率'],
    ]);
  });

  it('keeps a 二级 label apart whose 一级 group ends at the break: a new 一级 label opening the page starts a new 二级 group too (probe Q04)', () => {
    // 成本效益指标 fills its last line and reaches its cell's foot, as a cut label would; but
    // 产出指标 beside it was finished above the break and 效益指标 opens the next page
    const above: PageContent = {
      page: 1, width: 595.3, height: 841.9,
      runs: [
        run('产出指', 127.7, 159.2, 745.0, 1), run('标', 127.7, 138.2, 760.2, 1),
        run('时效指', 172.7, 204.2, 729.2, 1), run('标', 172.7, 183.2, 744.4, 1),
        ...values('补贴资金兑付及', 296.2, '≥95%', 341.06, '100%', 388.96, '10', '10', 729.2, 1), run('时率', 222.7, 243.7, 744.4, 1),
        run('成本效', 172.7, 204.2, 760.1, 1), run('益指标', 172.7, 204.2, 775.3, 1),
        ...values('亩均建设成本控', 296.2, '≤3000元', 350.0, '2950元', 390.0, '10', '10', 760.1, 1), run('制率', 222.7, 243.7, 775.3, 1),
      ],
      rules: ruled([716.75, 747.65, 778.55], (y) => (y === 747.65 ? 167.2 : 122.2)),
    };
    const below: PageContent = {
      page: 2, width: 595.3, height: 841.9,
      runs: [
        run('效益指', 127.7, 159.2, 84.7, 2), run('标', 127.7, 138.2, 99.9, 2),
        run('社会效', 172.7, 204.2, 84.7, 2), run('益指标', 172.7, 204.2, 99.9, 2),
        ...values('就业人数增长', 285.7, '≥5%', 334.4, '6%', 375.6, '10', '10', 84.7, 2),
        ...values('带动增收户数', 285.7, '≥100户', 350.0, '120户', 385.0, '10', '10', 115.1, 2),
      ],
      rules: ruled([72.25, 103.35, 134.45], (y) => (y === 103.35 ? 217.2 : 122.2)),
    };
    expect(table([above, below]).map((r) => [0, 1, 2].map((c) => noSpace(r[c].text)))).toEqual([
      ['产出指标', '时效指标', '补贴资金兑付及时率'],
      ['产出指标', '成本效益指标', '亩均建设成本控制率'],
      ['效益指标', '社会效益指标', '就业人数增长'],
      ['效益指标', '社会效益指标', '带动增收户数'],
    ]);
  });

  it('still joins a row the break split, and a number it cut inside: the line above full to within a digit', () => {
    // "123" fills the 分值 cell's line (409–433 inside its padding), "45" is its rest; the
    // 得分 cell finished above is empty below
    const rows = indicators([first('123', '10'), second('45', '')]);
    expect(rows[1]).toEqual(['犊牛出生成活率养殖户户均增收', '≥90%≥800元', '12345', '10']);
  });
});

describe('a centred indicator table a page break cuts (src/read/pdf-layout.ts, probe U 07)', () => {
  // Measured on LibreOffice's export of a Shandong department form (A4, 9 pt, every cell
  // centred, header row repeated): 三级指标 165.2–280.2, 年度指标值 280.2–335.3, 实际完成值
  // 335.3–390.3, 分值 390.3–420.3, 得分 420.3–450.3; Word's 5.4 pt of padding in each cell.
  const xs = [165.2, 280.2, 335.3, 390.3, 420.3, 450.3];
  const glyph = (ch: string) => (/[\u4e00-\u9fff“”（）]/.test(ch) ? 9 : /[≥≤]/.test(ch) ? 7.5 : ch === '%' ? 8.5 : ch === '.' ? 2.9 : 5.7);
  /** `str` centred in column `c` on `baseline`. */
  const centred = (str: string, c: number, baseline: number, page: number): TextRun => {
    const width = [...str].reduce((w, ch) => w + glyph(ch), 0);
    const x = (xs[c] + xs[c + 1] - width) / 2;
    return { str, x, right: x + width, baseline, size: 9, page };
  };
  const row = (cells: string[], baseline: number, page: number) => cells.flatMap((t, c) => (t === '' ? [] : [centred(t, c, baseline, page)]));
  const ruled = (ys: number[]): PageContent['rules'] => ({
    h: ys.map((y) => ({ y, x0: xs[0], x1: xs.at(-1)! })),
    v: xs.map((x) => ({ x, y0: ys[0], y1: ys.at(-1)! })),
  });
  const header = (y: number, page: number) => row(['三级指标', '年度指标值', '实际完成值', '分值', '得分'], y, page);
  // page 1 ends with the row 三公: its 年度指标值 line "不高于上" fills the cell (36 of 44.3 points, "年" needs 9)
  const first = (target: string, actual = '低于上年'): PageContent => ({
    page: 1, width: 595.3, height: 841.9,
    runs: [...header(728, 1), ...row(['公用经费控制率', '≤100%', '98.04%', '3', '3'], 747.4, 1), ...row(['“三公”经费控制情况', target, actual, '3', '3'], 766.9, 1)],
    rules: ruled([716, 735.9, 753.2, 772.3]),
  });
  const second = (lead: string[]): PageContent => ({
    page: 2, width: 595.3, height: 841.9,
    runs: [...header(78, 2), ...row(lead, 97.6, 2), ...row(['重大食品安全事故发生数', '0起', '0起', '5', '5'], 116.5, 2)],
    rules: ruled([66, 88.4, 102.1, 121.4]),
  });
  const rows = (pages: PageContent[]) => layoutPages(pages).tables[0].rows.map((r) => r.map((c) => c.text));

  it('joins the row the break cut: its rest under the repeated header, centred, empty where the row was finished above', () => {
    expect(rows([first('不高于上'), second(['', '年', '', '', ''])])).toEqual([
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['公用经费控制率', '≤100%', '98.04%', '3', '3'],
      ['“三公”经费控制情况', '不高于上年', '低于上年', '3', '3'],
      ['重大食品安全事故发生数', '0起', '0起', '5', '5'],
    ]);
  });

  it('keeps a new row apart whose name, 分值 and 得分 the clerk left blank, under cells finished above the break', () => {
    // two values, one over the other, are two rows' however little room the one above leaves
    expect(rows([first('≥95%', '96%'), second(['', '≥90%', '95%', '', ''])]).slice(2, 4)).toEqual([
      ['“三公”经费控制情况', '≥95%', '96%', '3', '3'],
      ['', '≥90%', '95%', '', ''],
    ]);
    // "不增长" leaves room for "持平" in its cell: the text above was finished there
    expect(rows([first('不增长', '持平'), second(['', '持平', '', '', ''])]).slice(2, 4)).toEqual([
      ['“三公”经费控制情况', '不增长', '持平', '3', '3'],
      ['', '持平', '', '', ''],
    ]);
  });

  it('keeps a new row apart under full-looking centred cells: a centred line is full by its width, not by where it ends', () => {
    // "3" ends 6.7 points short of its cell's padding, under a digit's width with the slack,
    // but a second digit would have fitted beside it in the 19 points the cell holds
    expect(rows([first('不高于上'), second(['辖区市场主体增长率', '≥5%', '6.3%', '5', '5'])]).slice(2, 4)).toEqual([
      ['“三公”经费控制情况', '不高于上', '低于上年', '3', '3'],
      ['辖区市场主体增长率', '≥5%', '6.3%', '5', '5'],
    ]);
  });

  it('joins a number a narrow centred cell wrapped inside, with no space; keeps two numbers one over the other apart', () => {
    const page: PageContent = {
      page: 1, width: 595.3, height: 841.9,
      runs: [
        ...header(728, 1),
        // "≤7315.62" overflows the 44.3 points inside the cell: "≤7315.6" fills it to within a digit
        ...row(['部门整体支出控制在预算', '≤7315.6', '7102.84', '4', '4'], 747.4, 1), ...row(['范围内', '2万元', '万元', '', ''], 760.4, 1),
        // "100" and "200" are two lines: the second would have fitted after the first
        ...row(['公用经费控制率', '100', '200', '3', '3'], 785.4, 1), ...row(['', '200', '300', '', ''], 798.4, 1),
      ],
      rules: ruled([716, 735.9, 773.1, 804.3]),
    };
    const [, wrapped, listed] = layoutPages([page]).tables[0].rows;
    expect(wrapped.map((c) => c.text)).toEqual(['部门整体支出控制在预算范围内', '≤7315.62万元', '7102.84万元', '4', '4']);
    expect(listed.map((c) => c.paragraphs)).toEqual([['公用经费控制率'], ['100', '200'], ['200', '300'], ['3'], ['3']]);
  });
});

describe('page headers and footers (src/read/pdf-layout.ts)', () => {
  const line = (str: string, baseline: number, page: number): TextRun => ({ str, x: 72, right: 72 + 10 * str.length, baseline, size: 10, page });
  const page = (n: number, runs: TextRun[]): PageContent => ({ page: n, width: 595, height: 842, runs, rules: { h: [], v: [] } });
  const texts = (pages: PageContent[]) => layoutPages(pages).blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'));

  it('drops a line repeated at the same place atop each page, keeps a short answer that ends one page and opens the next', () => {
    const pages = [
      page(1, [line('某某局2023年度绩效自评', 40, 1), line('五、存在的主要问题', 400, 1), line('无', 815, 1)]),
      page(2, [line('某某局2023年度绩效自评', 40, 2), line('无', 60, 2), line('六、改进措施和有关建议', 400, 2)]),
    ];
    const out = texts(pages).join('|');
    expect(out).not.toContain('某某局2023年度绩效自评');
    expect(out.match(/无/g)).toHaveLength(2);
  });

  it('keeps a title set larger than the text that opens each page at the same place: a form a page, each with its title', () => {
    const title = (n: number): TextRun => ({ str: '财政项目支出绩效自评表', x: 200, right: 376, baseline: 92, size: 16, page: n });
    const pages = [1, 2].map((n) =>
      page(n, [title(n), line('（2022年度）', 110, n), line('项目名称：项目' + n, 140, n), line('正文第一段，说明项目执行情况。', 300, n)]),
    );
    expect(texts(pages).filter((t) => t === '财政项目支出绩效自评表')).toHaveLength(2);
    // the same line at the text's size is a running header, dropped
    const small = [1, 2].map((n) => page(n, [{ ...title(n), size: 10 }, line('项目名称：项目' + n, 140, n), line('正文第一段，说明项目执行情况。', 300, n)]));
    expect(texts(small).join('|')).not.toContain('财政项目支出绩效自评表');
  });

  it('drops page numbers and a footer that repeats at the same depth, its digits aside', () => {
    const pages = [1, 2, 3].map((n) => page(n, [line('正文第一段。', 300, n), line(`第${n}页 共3页`, 820, n), line(`- ${n} -`, 832, n)]));
    expect(texts(pages).join('')).toBe('正文第一段。'.repeat(3));
  });
});

describe('lines and paragraphs from positioned text', () => {
  const run = (str: string, x: number, baseline: number, width: number): TextRun => ({ str, x, right: x + width, baseline, size: 10, page: 1 });

  it('joins runs of one line in x order, spacing Latin words but not CJK glyphs', () => {
    const lines = groupLines([run('执行', 100, 50, 20), run('合计', 40, 50.8, 20), run('数', 120, 50, 10), run('1028.49', 200, 51, 35), run('万元', 240, 50, 20)]);
    expect(lines.map((l) => l.text)).toEqual(['合计 执行数 1028.49 万元']);
    const tight = groupLines([run('全年', 0, 50, 20), run('预算', 22, 50, 20)]);
    expect(tight[0].text).toBe('全年预算');
  });

  it('joins full lines into a paragraph and starts a new one after a short line or an indent', () => {
    // Frame 0..100: 10 glyphs of 10pt fill a line.
    const lines = groupLines([
      run('一二三四五六七八九十', 0, 20, 100),
      run('甲乙丙。', 0, 35, 40),
      run('天地玄黄宇宙洪荒日月', 20, 50, 80), // first-line indent: a new paragraph
      run('盈昃辰宿列张寒来暑往', 0, 65, 100),
      run('秋收冬藏', 0, 80, 40),
    ]);
    const paras = toParagraphs(lines, { left: 0, right: 100 });
    expect(paras.map((p) => p.text)).toEqual(['一二三四五六七八九十甲乙丙。', '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏']);
  });

  it('counts a line full when a number and the comma after it would not fit (they wrap together)', () => {
    // Frame 0..100, 10pt: 20 points are left, enough for "50%" (15) but not "50%，" (25).
    const lines = groupLines([run('一二三四五六七八', 0, 20, 80), run('50%，公务', 0, 35, 45)]);
    expect(toParagraphs(lines, { left: 0, right: 100 }).map((p) => p.text)).toEqual(['一二三四五六七八50%，公务']);
  });

  it('counts the space Word and LibreOffice put between a number and a CJK glyph when deciding a line was full', () => {
    // Frame 0..60, 10pt: 12.4 points are left after "929.46", room for "万" (10) but not
    // for 万 after its quarter-em autospace (12.5) with the wrap slack.
    const lines = groupLines([run('929.46', 0, 20, 47.6), run('万元', 0, 35, 20)]);
    expect(toParagraphs(lines, { left: 0, right: 60 }).map((p) => p.text)).toEqual(['929.46万元']);
    // A line ending in a CJK glyph with the same room left did end its paragraph.
    const cjk = groupLines([run('一二三四', 0, 20, 47.6), run('万元', 0, 35, 20)]);
    expect(toParagraphs(cjk, { left: 0, right: 60 }).map((p) => p.text)).toEqual(['一二三四', '万元']);
  });

  it('ends the paragraph after a centred line (a title), even where the next line would not have fitted after it', () => {
    // Frame 0..100, 10pt: the title is centred with 20 points either side; "一、" (20) would just not fit.
    const title = groupLines([run('年度自评报告', 20, 20, 60), run('一、基本情况', 0, 35, 60)]);
    expect(toParagraphs(title, { left: 0, right: 100 }).map((p) => p.text)).toEqual(['年度自评报告', '一、基本情况']);
  });

  it('joins a first line that wrapped before a number, leaving about its indent at the right, when that indent recurs (probe Y40)', () => {
    // A4, margins 72 (text area 72..523), 12pt body, first lines indented 21pt. The first line
    // wrapped before "1788.50" (about 33pt with its autospace), 20pt short of the margin:
    // 21 in and 20 short, it looks centred; another paragraph starts at the same indent.
    const text = (str: string, x: number, baseline: number, right: number): TextRun => ({ str, x, right, baseline, size: 12, page: 1 });
    const body = [
      text('一、项目资金情况', 72, 109, 168),
      text('2023年项目年初预算1500.00万元，年中追加预算303.50万元，全年支出', 93, 126.5, 503),
      text('1788.50万元，其中工程款1650.00万元，监理及设计费138.50万元。', 72, 144, 465),
      text('二、自评结论', 72, 161.5, 144),
      text('项目自评得分99.97分。', 93, 179, 228),
    ];
    const paras = (runs: TextRun[]) => layoutPages([{ page: 1, width: 595, height: 842, runs, rules: { h: [], v: [] } }]).blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'));
    expect(paras(body)).toEqual([
      '一、项目资金情况',
      '2023年项目年初预算1500.00万元，年中追加预算303.50万元，全年支出1788.50万元，其中工程款1650.00万元，监理及设计费138.50万元。',
      '二、自评结论',
      '项目自评得分99.97分。',
    ]);
    // At that indent, a centred line over a numbered heading is still a title of its own.
    const title = [text('关于2023年度项目资金使用情况的自评报告（平川县住房和城乡建设局）', 93, 90, 503), text('一、项目资金情况', 72, 109, 168), ...body.slice(3)];
    expect(paras(title).slice(0, 2)).toEqual(['关于2023年度项目资金使用情况的自评报告（平川县住房和城乡建设局）', '一、项目资金情况']);
  });

  it('joins a long title wrapped inside a centred paragraph: the full line over its centred rest (probe Y28)', () => {
    // Text area 72..523: the 16pt title fills the first line; "报告" is centred under it.
    const text = (str: string, x: number, baseline: number, right: number, size = 16): TextRun => ({ str, x, right, baseline, size, page: 1 });
    const runs = [
      text('平川县农村饮水安全巩固提升工程2023年度项目支出绩效自评', 72.3, 90.6, 523.3),
      text('报告', 281.8, 113.7, 313.8),
      text('一、项目基本情况', 72, 132, 168, 12),
      text('该项目年初预算120万元，全年支出126.36万元。', 93, 149.5, 350, 12),
    ];
    const paras = layoutPages([{ page: 1, width: 595, height: 842, runs, rules: { h: [], v: [] } }]).blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'));
    expect(paras).toEqual(['平川县农村饮水安全巩固提升工程2023年度项目支出绩效自评报告', '一、项目基本情况', '该项目年初预算120万元，全年支出126.36万元。']);
    // A full body line that ends its sentence over a centred caption of its size: two paragraphs.
    const body = toParagraphs(groupLines([text('一二三四五六七八九十一二三四五六七八九十一二三四五六七八。', 72, 90, 520), text('附表1', 280, 113, 316)]), { left: 72, right: 523.5 });
    expect(body.map((p) => p.text)).toEqual(['一二三四五六七八九十一二三四五六七八九十一二三四五六七八。', '附表1']);
    // Two centred titles, the first far from filling its line, stay two paragraphs.
    const two = toParagraphs(groupLines([text('项目支出绩效自评表', 225.8, 90, 369.8), text('（2023年度）', 241.9, 113, 353.7)]), { left: 72, right: 523.5 });
    expect(two.map((p) => p.text)).toEqual(['项目支出绩效自评表', '（2023年度）']);
  });

  it('keeps a number broken inside a narrow cell whole', () => {
    const lines = groupLines([run('2298.', 0, 20, 28), run('12', 0, 35, 11)]);
    expect(toParagraphs(lines, { left: 0, right: 30 }).map((p) => p.text)).toEqual(['2298.12']);
  });

  it('keeps a full-width number whole where its point may not begin a line ("１１８" + "６．４０")', () => {
    // Frame 0..50, 10pt: 20 points are left after "１１８", room for "６" but not for "６．",
    // which wraps as one piece: the lines are one figure, not "１１８" over "６．４０"
    const lines = groupLines([run('１１８', 0, 20, 30), run('６．４０', 0, 35, 40)]);
    expect(toParagraphs(lines, { left: 0, right: 50, cell: true }).map((p) => p.text)).toEqual(['１１８６．４０']);
  });

  it('counts a line full when an opening bracket and the sign after it would not fit (they wrap together)', () => {
    // Frame 0..100, 10pt: 10 points are left, room for "(" but not for "(≥**"
    const lines = groupLines([run('管理用房及消通道水', 0, 20, 90), run('(≥**平方米)', 0, 35, 70)]);
    expect(toParagraphs(lines, { left: 0, right: 100 }).map((p) => p.text)).toEqual(['管理用房及消通道水(≥**平方米)']);
  });

  it('adds no space where Chinese text wraps between brackets, only between two Latin words', () => {
    const wrapped = (first: string, second: string) =>
      toParagraphs(groupLines([run(first, 0, 20, 100), run(second, 0, 35, 30)]), { left: 0, right: 100 }).map((p) => p.text);
    expect(wrapped('产床(全复合双体产床)', '(≥套)')).toEqual(['产床(全复合双体产床)(≥套)']);
    expect(wrapped('使用财务软件Microsoft', 'Excel表格')).toEqual(['使用财务软件Microsoft Excel表格']);
  });

  it('finds the body margin by the glyph before a comma that hangs past it, so a line one glyph short of it is full', () => {
    // Page 590 wide, margins 72: text wraps at 518. 10pt glyphs: 44 end at 512, a 45th would end past 518.
    const text = (str: string, x: number, baseline: number, right = x + 10 * Array.from(str).length): TextRun => ({ str, x, right, baseline, size: 10, page: 1 });
    const body = [
      text('一'.repeat(44), 72, 100), // wrapped between two glyphs, 6pt short of the margin
      text('二级单位3个。', 72, 115),
      text('天'.repeat(40) + '12.20万元', 72, 130, 516.5),
      text('，', 516.5, 130), // hangs past the margin, to 526.5: the margin is not there
      text('地玄黄。', 72, 145),
      text('宇'.repeat(43) + '。', 72, 160, 514), // a sentence end 4pt short of the margin stays a paragraph end
      text('日月盈昃。', 72, 175),
    ];
    const page: PageContent = { page: 1, width: 590, height: 842, runs: body, rules: { h: [], v: [] } };
    const paras = layoutPages([page]).blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'));
    expect(paras).toEqual(['一'.repeat(44) + '二级单位3个。', '天'.repeat(40) + '12.20万元，地玄黄。', '宇'.repeat(43) + '。', '日月盈昃。']);
  });


});

describe('ruling lines from the operator list (pdfjs 5.4.296 encoding)', () => {
  it('reads stroked segments and thin filled rectangles, in top-down page coordinates', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [1, 0, 0, 1, 10, 0], // shifts the next path 10pt right
      [OPS.stroke, [new Float32Array([0, 72, 700, 1, 500, 700])], null], // moveTo, lineTo: horizontal
      null,
      [OPS.fill, [new Float32Array([0, 72, 600, 1, 72.5, 600, 1, 72.5, 700, 1, 72, 700, 3])], null], // thin vertical box
      [OPS.fill, [new Float32Array([0, 100, 100, 1, 200, 100, 1, 200, 200, 1, 100, 200, 3])], null], // shading, not a rule
      [OPS.endPath, [new Float32Array([0, 0, 0, 1, 595, 0])], null], // a clip path paints nothing
    ];
    const rules = readRules(fn, args, OPS, 842);
    expect(rules.h).toEqual([{ y: 142, x0: 82, x1: 510 }]);
    expect(rules.v).toHaveLength(1);
    expect(rules.v[0].x).toBeCloseTo(72.25, 5);
    expect([rules.v[0].y0, rules.v[0].y1]).toEqual([142, 242]);
  });

  it('reads a bevelled border\'s thin filled trapezoids as rules (a browser\'s <table border=1>), a thicker wedge as none', () => {
    // Chromium draws an inset/outset border's sides as four-cornered paths whose ends meet
    // the sides across them at 45°: corners 0.75 pt off the bounding box
    const quad = (...p: number[]) => [OPS.fill, [new Float32Array([0, p[0], p[1], 1, p[2], p[3], 1, p[4], p[5], 1, p[6], p[7]])], null];
    const fn = [OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      quad(534, 770, 534, 242, 534.75, 242, 534.75, 770.75), // right side, 0.75 pt wide
      quad(6, 770.75, 534.75, 770.75, 534, 770, 6.75, 770), // bottom, 0.75 pt high
      quad(100, 100, 100, 200, 104, 196, 104, 104), // a 4 pt wedge: a shape, not a rule
    ];
    const rules = readRules(fn, args, OPS, 842);
    expect(rules.v).toHaveLength(1);
    expect(rules.v[0]).toMatchObject({ y0: 842 - 770.75, y1: 842 - 242 });
    expect(rules.v[0].x).toBeCloseTo(534.375, 5);
    expect(rules.h).toHaveLength(1);
    expect(rules.h[0]).toMatchObject({ x0: 6, x1: 534.75 });
    expect(rules.h[0].y).toBeCloseTo(842 - 770.375, 5);
  });

  it('notes where text is drawn wholly outside its clip box (hidden), and nothing for text inside it or unclipped', () => {
    // a merged cell's part on this page: clipped to y 100–500 (user space); its label drawn at y 40, below the clip
    const clipBox = [0, 50, 100, 1, 300, 100, 1, 300, 500, 1, 50, 500, 3];
    const text = (x: number, y: number) => [
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.setTextMatrix, [new Float32Array([1, 0, 0, 1, x, y])]], [OPS.showText, [[]]],
    ];
    const ops = [
      [OPS.save, null], [OPS.eoClip, null], [OPS.constructPath, [OPS.endPath, [new Float32Array(clipBox)], null]],
      ...text(60, 40), // below the clip: hidden
      ...text(60, 300), // inside: shown
      [OPS.beginText, null], [OPS.setTextMatrix, [new Float32Array([1, 0, 0, 1, 60, 505])]], [OPS.moveText, [0, -10]], [OPS.showText, [[]]], // moved into the clip: shown
      [OPS.restore, null],
      ...text(60, 20), // no clip: shown
    ];
    const rules = readRules(ops.map((o) => o[0] as number), ops.map((o) => o[1]), OPS, 842);
    expect(rules.hiddenText).toEqual([{ x: 60, y: 802 }]);
  });
});

describe('rules running on past what the page shows (a table wider than its page)', () => {
  // the page's content clipped at x 30–567, y 100–800 (user space), as Chromium clips a page at its margins
  const clipped = (...paths: number[][]) => {
    const ops: [number, unknown][] = [[OPS.save, null], [OPS.clip, null], [OPS.constructPath, [OPS.endPath, [new Float32Array([0, 30, 100, 1, 567, 100, 1, 567, 800, 1, 30, 800, 3])], null]]];
    for (const p of paths) ops.push([OPS.constructPath, [OPS.stroke, [new Float32Array(p)], null]]);
    ops.push([OPS.restore, null]);
    return readRules(ops.map((o) => o[0]), ops.map((o) => o[1]), OPS, 842);
  };

  it('notes the clip edge a rule runs past (right, bottom), and nothing for rules ending at it', () => {
    expect(clipped([0, 72, 700, 1, 672, 700]).pastEdge).toEqual({ right: 567 });
    expect(clipped([0, 300, 700, 1, 300, 50]).pastEdge).toEqual({ bottom: 742 });
    // a table ending at the margin: its right side on the clip's edge, its rules to it
    expect(clipped([0, 72, 700, 1, 567, 700], [0, 567, 700, 1, 567, 600], [0, 72, 600, 1, 568, 600]).pastEdge).toBeUndefined();
    // a rule wholly past the edge says nothing of a table cut there
    expect(clipped([0, 600, 700, 1, 700, 700]).pastEdge).toBeUndefined();
  });

  it('notes rules past the page\'s own edge where nothing clips them', () => {
    const rules = { h: [{ y: 100, x0: 72, x1: 640 }], v: [] };
    notePastPage(rules, 595, 842);
    expect(rules).toMatchObject({ pastEdge: { right: 595 } });
    const fits = { h: [{ y: 100, x0: 72, x1: 595 }], v: [] };
    notePastPage(fits, 595, 842);
    expect(fits).not.toHaveProperty('pastEdge');
  });

  it('notes a table whose rules reach the paper\'s edge (LibreOffice cuts a table wider than its page there)', () => {
    // two rows' rules from the margin to 595.55 on a 595.30 pt page: no printed table touches the paper's edge
    const cut = { h: [{ y: 100, x0: 72, x1: 595.55 }, { y: 120, x0: 72, x1: 595.55 }], v: [{ x: 72, y0: 100, y1: 120 }] };
    notePastPage(cut, 595.3, 842);
    expect(cut).toMatchObject({ pastEdge: { right: 595.3 } });
    // one stroke to the edge is no table's; a line across the whole sheet is a decoration, not a cut
    const one = { h: [{ y: 100, x0: 72, x1: 595.3 }], v: [] };
    notePastPage(one, 595.3, 842);
    expect(one).not.toHaveProperty('pastEdge');
    const across = { h: [{ y: 30, x0: 0, x1: 595.3 }, { y: 812, x0: 0, x1: 595.3 }], v: [] };
    notePastPage(across, 595.3, 842);
    expect(across).not.toHaveProperty('pastEdge');
    // a table ending a margin short of the edge
    const inside = { h: [{ y: 100, x0: 72, x1: 523 }, { y: 120, x0: 72, x1: 523 }], v: [] };
    notePastPage(inside, 595.3, 842);
    expect(inside).not.toHaveProperty('pastEdge');
  });

  it('a table laid out edge to edge (no page margin) reaches the paper\'s edge whole where an upright closes its rows there', () => {
    // Chromium with margin 0 and a table the page's width: each cell's rules drawn apart, the
    // outer border a third of a point past both edges, the right side an upright at the edge
    const rows = [100, 120, 140].flatMap((y) => [{ y, x0: 0, x1: 300 }, { y, x0: 300, x1: 595.5 }]);
    const whole = { h: rows, v: [{ x: 0.4, y0: 100, y1: 140 }, { x: 300, y0: 100, y1: 140 }, { x: 595.1, y0: 100, y1: 120 }, { x: 595.1, y0: 120, y1: 140 }] };
    notePastPage(whole, 594.96, 842);
    expect(whole).not.toHaveProperty('pastEdge');
    // the same rows with uprights at the left and inside but none at the edge: their rules stop there, cut
    const open = { h: rows, v: [{ x: 0.4, y0: 100, y1: 140 }, { x: 300, y0: 100, y1: 140 }] };
    notePastPage(open, 594.96, 842);
    expect(open).toMatchObject({ pastEdge: { right: 594.96 } });
    // a table keeping a margin at its left and none at its right ran past its right margin,
    // whatever is drawn along the edge (LibreOffice draws the cut table's side there)
    const lo = { h: [{ y: 100, x0: 72, x1: 595.55 }, { y: 120, x0: 72, x1: 595.55 }], v: [{ x: 72.3, y0: 100, y1: 120 }, { x: 595.3, y0: 100, y1: 120 }] };
    notePastPage(lo, 595.3, 842);
    expect(lo).toMatchObject({ pastEdge: { right: 595.3 } });
  });

  it('a cell the edge cuts shows its text whole where each line ends more than a space short of the edge', async () => {
    // the last column 472–672 runs past the clip at 567; 9.95 set right ends 7 pt short of
    // the edge (a 12 pt line): a glyph after it would start before the edge and be drawn
    const rules = [
      ...[700, 680, 660].map((y) => `72 ${y} m 672 ${y} l S`),
      ...[72, 272, 472].map((x) => `${x} 700 m ${x} 660 l S`),
    ].join('\n');
    const text = [[80, 686, 'Budget'], [480, 686, 'Score'], [80, 666, 'Total'], [536.6, 666, '9.95']].map(([x, y, t]) => `BT /F1 12 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
    const doc = await readPdf(handMadePdf(`q 30 100 537 700 re W n 0 0 0 RG 0.5 w\n${rules}\n${text}\nQ`), LIMIT);
    expect(doc.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([['Budget', '', 'Score'], ['Total', '', '9.95']]);
    expect(doc.tables[0].rows[1][2].edge).toEqual({ side: 'right', cut: false, seen: '9.95' });
  });

  it('a row whose only upright is its left side is still a table where its rules run past the edge', () => {
    const h = [{ y: 100, x0: 72, x1: 672 }, { y: 120, x0: 72, x1: 672 }];
    const v = [{ x: 72, y0: 100, y1: 120 }];
    expect(findTables({ h, v }, 1)).toEqual([]);
    expect(findTables({ h, v, pastEdge: { right: 567 } }, 1).map((t) => t.xs)).toEqual([[72, 672]]);
  });

  it('a cell the edge cuts: its text unknown where it reaches the edge or shows nothing, kept where it ends clear of it', async () => {
    // three columns at 72 | 272 | 472 | 672; the last one runs past the clip at 567, its right side not drawn
    const rules = [
      ...[700, 680, 660, 640].map((y) => `72 ${y} m 672 ${y} l S`),
      ...[72, 272, 472].map((x) => `${x} 700 m ${x} 640 l S`),
    ].join('\n');
    const text = [
      [80, 686, 'Budget'], [280, 686, 'Actual'], [480, 686, 'Score'],
      [80, 666, '1028.49'], [280, 666, '4183.83'], [540, 666, '97.50'],
      [80, 646, 'Total'], [280, 646, '100'],
    ].map(([x, y, t]) => `BT /F1 12 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
    const doc = await readPdf(handMadePdf(`q 30 100 537 700 re W n 0 0 0 RG 0.5 w\n${rules}\n${text}\nQ`), LIMIT);
    const [table] = doc.tables;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([['Budget', 'Actual', 'Score'], ['1028.49', '4183.83', ''], ['Total', '100', '']]);
    expect(table.rows.map((r) => r.map((c) => c.edge ?? null))).toEqual([
      [null, null, { side: 'right', cut: false, seen: 'Score' }],
      [null, null, { side: 'right', cut: true, seen: '97.50' }],
      [null, null, { side: 'right', cut: true, seen: '' }],
    ]);
  });

  it('a row the page\'s foot cuts: its cells\' text unknown, whatever they show', async () => {
    // the clip's foot at y 100 (user space); the second row runs from 120 down to 80
    const rules = [
      ...[140, 120, 80].map((y) => `72 ${y} m 472 ${y} l S`),
      ...[72, 272, 472].map((x) => `${x} 140 m ${x} 80 l S`),
    ].join('\n');
    const text = [[80, 126, 'Budget'], [280, 126, 'Actual'], [80, 106, 'Total'], [280, 106, '100']].map(([x, y, t]) => `BT /F1 12 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
    const doc = await readPdf(handMadePdf(`q 30 100 537 700 re W n 0 0 0 RG 0.5 w\n${rules}\n${text}\nQ`), LIMIT);
    expect(doc.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([['Budget', 'Actual'], ['', '']]);
    expect(doc.tables[0].rows[1].map((c) => c.edge)).toEqual([{ side: 'bottom', cut: true, seen: 'Total' }, { side: 'bottom', cut: true, seen: '100' }]);
  });

  it('a table ending at the page\'s margin is read whole, no cell marked', async () => {
    const rules = [
      ...[700, 680].map((y) => `72 ${y} m 567 ${y} l S`),
      ...[72, 272, 567].map((x) => `${x} 700 m ${x} 680 l S`),
    ].join('\n');
    const doc = await readPdf(handMadePdf(`q 30 100 537 700 re W n 0 0 0 RG 0.5 w\n${rules}\nBT /F1 12 Tf 80 686 Td (Budget) Tj ET\nBT /F1 12 Tf 540 686 Td (9.50) Tj ET\nQ`), LIMIT);
    expect(doc.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([['Budget', '9.50']]);
    expect(doc.tables[0].rows.flat().some((c) => c.edge)).toBe(false);
  });
});

describe('pictures in the operator list', () => {
  it('measure the largest picture on the page (a scanned sheet fills most of it, a logo does not)', () => {
    const fn = [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore, OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore];
    const args = [null, [60, 0, 0, 40, 50, 760], ['logo'], null, null, [595, 0, 0, 842, 0, 0], ['page'], null];
    expect(readRules(fn, args, OPS, 842).picture).toBe(595 * 842);
    expect(readRules(fn.slice(0, 4), args.slice(0, 4), OPS, 842).picture).toBe(60 * 40);
    expect(readRules([], [], OPS, 842).picture).toBeUndefined();
  });
});

describe('loading pdfjs', () => {
  it('leaves native the builtins its bundled core-js replaces (slow JS versions otherwise)', async () => {
    await read('project-hubei-clean.pdf');
    const native = (f: unknown) => Function.prototype.toString.call(f).includes('[native code]');
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
  });

  it('reads many documents through its one in-thread worker alike', async () => {
    const once = await read('project-hubei-slip.pdf');
    const again = await Promise.all([read('project-hubei-slip.pdf'), read('dept-yuan.pdf'), read('project-hubei-slip.pdf')]);
    expect(again[0]).toEqual(once);
    expect(again[2]).toEqual(once);
    expect(again[1].tables[0].rows.length).toBeGreaterThan(10);
  });
});

describe('superscripts after a figure: footnote marks (src/read/pdf-text.ts markSuperscripts, probe Q t08)', () => {
  const run = (str: string, x: number, baseline: number, width: number, size = 10): TextRun => ({ str, x, right: x + width, baseline, size, page: 1 });
  const lineOf = (runs: TextRun[]) => groupLines(markSuperscripts(runs)).map((l) => l.text);

  it('keeps a raised, smaller run after a figure apart from it (LibreOffice: 58% size, raised ~0.4 em)', () => {
    expect(lineOf([run('218.50', 100, 50, 34.93), run('1', 135, 46, 3.88, 6.1)])).toEqual(['218.50¹']);
    expect(lineOf([run('9.50', 100, 50, 22.24), run('2', 122.3, 46, 3.88, 6.1), run('10', 160, 49.8, 12.66)])).toEqual(['9.50² 10']);
    expect(lineOf([run('面积5000m', 100, 50, 60), run('2', 160, 46.5, 3.88, 6.5)])).toEqual(['面积5000m²']);
  });

  it('leaves small text alone where it follows nothing raised above: a whole cell set small, a smaller unit on the line, a note\'s own mark', () => {
    expect(lineOf([run('9.50', 100, 46, 13, 6.1)])).toEqual(['9.50']);
    expect(lineOf([run('218.50', 100, 50, 34.93), run('万元', 135.5, 50, 14, 7)])).toEqual(['218.50万元']);
    expect(lineOf([run('1', 72.1, 748.1, 3.69, 5.8), run('含上年结转资金支出28.50万元。', 75.8, 752, 150, 10.5)])).toEqual(['1含上年结转资金支出28.50万元。']);
    // a small figure in the next cell, raised by its own cell's centring, is no superscript
    expect(lineOf([run('218.50', 100, 50, 34.93), run('15', 150, 47, 8, 7)])).toEqual(['218.50 15']);
  });

  it('reads the marks of the LibreOffice export of a form with Word footnotes and a typed superscript apart from the figures', async () => {
    const doc = await read('notes/project-footnote-marks.pdf');
    const table = doc.tables[0];
    expect(rowWith(table, '年度资金总额')).toEqual(expect.arrayContaining(['500.00', '560.00', '532.80¹', '95.14%', '9.51²']));
    expect(rowWith(table, '其中：当年财政拨款')).toEqual(expect.arrayContaining(['500.00', '520.00', '496.60³']));
  });

  it('tells a footnote\'s own mark at the start of its line (small, raised before the text), and no other small run', () => {
    const marks = (runs: TextRun[]) => groupLines(markSuperscripts(runs)).map((l) => l.noteMark);
    expect(marks([run('1', 72.1, 748.1, 3.69, 5.8), run('含上年结转资金支出28.50万元。', 75.8, 752, 150, 10.5)])).toEqual(['1']);
    // a mark after a figure, a whole line set small, a line opening with a figure of its own size
    expect(marks([run('218.50', 100, 50, 34.93), run('1', 135, 46, 3.88, 6.1)])).toEqual([undefined]);
    expect(marks([run('9.50', 100, 46, 13, 6.1), run('万元', 114, 46, 12, 6.1)])).toEqual([undefined]);
    expect(marks([run('1', 72, 752, 5.3, 10.5), run('.本表金额单位为万元。', 78, 752, 100, 10.5)])).toEqual([undefined]);
  });

  it('takes the footnotes printed at a page\'s foot out of the body: no paragraph of the form\'s (LibreOffice export of Word footnotes)', async () => {
    const doc = await read('notes/project-footnote-marks.pdf');
    const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [noSpace(b.text)] : []));
    expect(paragraphs).toEqual(['项目支出绩效自评表', '（2023年度）']);
  });

  it('joins the parts of a table a page\'s footnote stands between: the row the page break split is one row again', async () => {
    // fixtures/pdf/notes/dept-footnote-page-foot.pdf: the note "1含上年结转资金36.20万元。" at the
    // foot of page 1, under the table's first part, the unit's name in the page footer below it
    const doc = await read('notes/dept-footnote-page-foot.pdf');
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect(rowWith(table, '合计')).toEqual(expect.arrayContaining(['1029.00', '1004.00¹', '97.57%']));
    expect(rowWith(table, '指标1：支出控制在预算内')).toEqual(expect.arrayContaining(['≤预算数', '未超预算', '10']));
    expect(doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [noSpace(b.text)] : []))).toEqual(['2023年度部门整体支出绩效自评表']);
  });
});

describe('rows a sheet prints without ruling lines (src/read/pdf-unruled.ts, probe R R24)', () => {
  // fixtures/sheet/project-unruled-rows.pdf (scripts/make-unruled-row-fixtures.ts): every cell
  // bordered but the goals' text row, an appended indicator and the 总分 row.
  const sheet = () => readPdf(readFileSync(fileURLToPath(new URL('../fixtures/sheet/project-unruled-rows.pdf', import.meta.url))), LIMIT);
  const texts = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [noSpace(b.text)] : []));

  it('parts a row between ruled rows where the row above has its sides and no text runs across them', async () => {
    const [table] = (await sheet()).tables;
    const goals = table.rows.findIndex((r) => r.some((c) => noSpace(c.text) === '预期目标'));
    const row = table.rows[goals + 1];
    const cells = [...new Set(row)].map((c) => noSpace(c.text));
    expect(cells).toEqual([
      '年度总体目标',
      '完成3座小型水库除险加固任务，消除水库安全隐患，提升下游防洪能力，受益群众满意度达到90%以上。',
      '3座水库除险加固工程全部按期完工并通过验收，水库安全隐患消除，下游防洪能力明显提升，受益群众满意度93%。',
    ]);
    // each text under its heading's columns
    const span = (cells: typeof row) => [...new Set(cells)].map((c) => [c.origin.col, c.colSpan]);
    expect(span(row)).toEqual(span(table.rows[goals]));
  });

  it('takes the rows of figures under the table into it, each figure in its column', async () => {
    const [table] = (await sheet()).tables;
    const header = rowWith(table, '一级指标');
    const last = table.rows.length - 1;
    const col = (name: string) => header.indexOf(name);
    expect(rowWith(table, '受益群众满意度')).toEqual(expect.arrayContaining(['满意度指标', '服务对象满意度指标', '≥90%', '93%', '无']));
    const total = table.rows[last].map((c) => noSpace(c.text));
    expect([...new Set(table.rows[last])].map((c) => noSpace(c.text)).filter((t) => t !== '')).toEqual(['总分', '100', '98.69']);
    expect(total[col('分值')]).toBe('100');
    expect(total[col('得分')]).toBe('98.69');
  });

  it('leaves the title, the 单位 line, the sign-off line under 总分 and the narrative outside the table', async () => {
    const doc = await sheet();
    expect(doc.tables).toHaveLength(1);
    const paras = texts(doc);
    expect(paras.slice(0, 2)).toEqual(['2023年度项目支出绩效自评表', '填报单位（盖章）：某县水利局单位：万元']);
    expect(paras).toContain('填报人：王立新联系电话：13907970001填报日期：2024年3月1日');
    expect(paras.some((p) => p.startsWith('一、项目基本情况：'))).toBe(true);
    const cells = doc.tables[0].rows.flat().map((c) => c.text);
    expect(cells.some((t) => /填报|项目基本情况/.test(t))).toBe(false);
  });
});
