// Makes the committed PDF fixtures (run: `npx tsx scripts/make-pdfs.ts [name …]`, names
// limiting it to those twins/built forms; needs LibreOffice, qpdf, poppler-utils,
// img2pdf — tests never do):
// - fixtures/pdf/<name>.pdf: the LibreOffice export of every fixtures/docx/<name>.docx;
// - fixtures/pdf/cut/<name>.pdf: the same for a form whose table is wider than its page;
// - fixtures/pdf/notes/<name>.pdf: the same for a form with Word footnotes;
// - fixtures/pdf/src/<name>.docx + fixtures/pdf/<name>.pdf: forms built here whose tables
//   span pages (split rows, repeated header rows, page-number footers) or wrap heavily;
// - scanned.pdf (image only), encrypted.pdf (user password), owner-password.pdf
//   (restrictions only), nonembedded-font.pdf (STSong-Light, no font program).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalMergeType, WidthType,
} from 'docx';

const ROOT = join(import.meta.dirname, '..');
const DOCX_DIR = join(ROOT, 'fixtures', 'docx');
const PDF_DIR = join(ROOT, 'fixtures', 'pdf');
const SRC_DIR = join(PDF_DIR, 'src');
/** Word tables wider than the page: LibreOffice draws them up to the paper's edge and cuts
 *  them there, so their PDFs are no twins (the columns past the edge are missing) — they
 *  go to fixtures/pdf/cut/, with expectations of their own. */
const CUT_DIR = join(PDF_DIR, 'cut');
const WIDER_THAN_PAGE = new Set(['project-side-by-side']);
/** Forms with Word footnotes: the PDF prints the notes' text at the page's foot, which the
 *  DOCX reader does not read (word/footnotes.xml), so their paragraphs differ and they are no
 *  twins — they go to fixtures/pdf/notes/, with expectations of their own. */
const NOTES_DIR = join(PDF_DIR, 'notes');
const WITH_FOOTNOTES = new Set(['project-footnote-marks', 'dept-footnote-page-foot']);

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** LibreOffice headless export of DOCX files into `outDir` (one soffice start). */
function exportPdfs(docxFiles: string[], outDir: string): void {
  if (docxFiles.length === 0) return;
  // A private profile: a desktop LibreOffice or a parallel run must not block this one.
  // Converted in a scratch folder: LibreOffice leaves lock and temp files where it writes.
  const profile = mkdtempSync(join(tmpdir(), 'jxaudit-lo-'));
  const scratch = mkdtempSync(join(tmpdir(), 'jxaudit-pdf-out-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, ...docxFiles]);
    for (const f of readdirSync(scratch).filter((name) => name.endsWith('.pdf'))) copyFileSync(join(scratch, f), join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- built forms

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
type Cell = { text: string; span?: number; vm?: 'restart' | 'continue' };
type Row = (Cell | string)[];

function para(text: string, opts: { bold?: boolean; center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    indent: opts.indent ? { firstLine: 420 } : undefined,
    children: text === '' ? [] : [new TextRun({ text, font: FONT, size: opts.bold ? 32 : 21, bold: opts.bold ?? false })],
  });
}

function table(widths: number[], rows: Row[], opts: { headerRows?: number; cantSplit?: boolean } = {}): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: rows.map((row, r) => {
      let col = 0;
      const cells = row.map((raw) => (typeof raw === 'string' ? { text: raw } : raw));
      const covered = cells.reduce((n, c) => n + (c.span ?? 1), 0);
      if (covered !== widths.length) throw new Error(`row ${r} covers ${covered} of ${widths.length} columns`);
      return new TableRow({
        tableHeader: r < (opts.headerRows ?? 0),
        cantSplit: opts.cantSplit ?? false,
        children: cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(c.vm ? { verticalMerge: c.vm === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
            children: (c.vm === 'continue' ? '' : c.text).split('\n').map((line) => para(line)),
          });
        }),
      });
    }),
  });
}

interface Indicator { l1: string; l2: string; name: string; target: string; actual: string; weight: string; score: string; reason: string }

/** Indicator rows with long names: 18 × 5 points = 90. */
function indicators(longText: boolean): Indicator[] {
  const groups: [string, string, number][] = [
    ['产出指标', '数量指标', 4], ['产出指标', '质量指标', 3], ['产出指标', '时效指标', 2], ['产出指标', '成本指标', 2],
    ['效益指标', '社会效益指标', 3], ['效益指标', '可持续影响指标', 2], ['满意度指标', '服务对象满意度指标', 2],
  ];
  const topics = ['城区道路清扫保洁', '生活垃圾分类收运', '公厕提质改造', '市政设施巡查维护', '渣土运输监管', '户外广告整治',
    '夜景亮化设施维护', '餐厨垃圾收运处置', '占道经营整治', '违法建设查处', '背街小巷改造', '环卫车辆更新',
    '数字城管案件处置', '门前三包责任落实', '园林绿化养护', '城市防汛排涝', '群众投诉办理', '服务对象满意度调查'];
  const out: Indicator[] = [];
  let n = 0;
  for (const [l1, l2, count] of groups) {
    for (let i = 0; i < count; i++, n++) {
      const topic = topics[n];
      const detail = longText
        ? `全年围绕${topic}工作制定实施方案，明确责任单位和完成时限，按月调度、按季通报，对发现的问题建立台账并逐项销号，全年累计开展专项检查${12 + n}次，整改问题${30 + 3 * n}个，工作成效得到上级部门肯定。`
        : `按计划完成${topic}任务。`;
      const missed = n === 5;
      out.push({
        l1, l2,
        name: `指标${i + 1}：${topic}。${detail}`,
        target: l2 === '时效指标' ? '按时完成' : l2.includes('满意度') ? '≥90%' : '100%',
        actual: missed ? '90%' : l2 === '时效指标' ? '按时完成' : l2.includes('满意度') ? '95%' : '100%',
        weight: '5',
        score: missed ? '4.5' : '5',
        reason: missed ? '受汛期影响，部分路段整治推迟至次年一季度完成，已纳入下年计划。' : '',
      });
    }
  }
  return out;
}

const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

function indicatorRows(list: Indicator[], withLeadColumn: boolean): Row[] {
  return list.map((ind, i) => {
    const firstL1 = i === 0 || list[i - 1].l1 !== ind.l1;
    const firstL2 = i === 0 || list[i - 1].l2 !== ind.l2 || firstL1;
    const lead: Row = withLeadColumn ? [{ text: '', vm: 'continue' }] : [];
    return [
      ...lead,
      { text: ind.l1, vm: firstL1 ? 'restart' : 'continue' },
      { text: ind.l2, vm: firstL2 ? 'restart' : 'continue' },
      ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason,
    ];
  });
}

/** A department-overall form in the seed's anatomy; its narrative follows the table. */
function deptForm(opts: { longText: boolean; split: 'one-table' | 'header-table'; widths: number[] }): (Paragraph | Table)[] {
  const list = indicators(opts.longText);
  // 总分 得分 = fund score (10 × 97.77% = 9.78) + Σ indicator scores, in hundredths.
  const hundredths = list.reduce((sum, i) => sum + Math.round(Number(i.score) * 100), 978);
  const total = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  const w = opts.widths;
  // Separate tables: the fund table has 8 columns of its own (no grid column unused).
  const w8 = [w[0] + w[1], ...w.slice(2)];
  const one = opts.split === 'one-table';
  const wide = one ? 8 : 7;
  const last = (text: string): Cell => (one ? { text, span: 2 } : { text });
  const fundRows: Row[] = [
    ['部门职责', { text: '负责全区市容环境卫生、市政设施维护、城市管理综合执法等工作；承担城区道路清扫保洁、生活垃圾收运处置和公厕管理；负责数字化城市管理平台运行。', span: wide }],
    ['人员编制', { text: '行政编制12名，事业编制86名', span: wide }],
    [{ text: '整体资金（万元）', vm: 'restart' }, { text: '项目', span: 2 }, '全年预算数', '全年执行数', '执行率', '分值', last('得分')],
    [{ text: '', vm: 'continue' }, { text: '资金来源', vm: 'restart' }, '合计', '2350.60', '2298.12', '97.77%', '10', last('9.78')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '（1）财政拨款', '2210.60', '2160.32', '97.73%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '（2）其他资金', '140.00', '137.80', '98.43%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '资金结构', vm: 'restart' }, '合计', '2350.60', '2298.12', '97.77%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '（1）基本支出', '1450.30', '1432.18', '98.75%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '其中：人员支出', '1280.10', '1268.55', '99.10%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '公用支出', '170.20', '163.63', '96.14%', '－', last('－')],
    [{ text: '', vm: 'continue' }, { text: '', vm: 'continue' }, '（2）项目支出', '900.30', '865.94', '96.18%', '－', last('－')],
    [{ text: '年度总体目标', vm: 'restart' }, { text: '年初设定目标', span: 5 }, { text: '全年完成情况', span: wide - 5 }],
    [{ text: '', vm: 'continue' }, { text: '目标1：城区主次干道机械化清扫率达到90%以上，生活垃圾无害化处理率100%。\n目标2：完成公厕提质改造20座，背街小巷改造15条。', span: 5 }, { text: '全面完成年度目标。', span: wide - 5 }],
  ];
  const totalRow: Row = [{ text: '总分', span: 6 }, '100', total, ''];
  const narrative = [
    '评价报告综述（文字部分）',
    '一、部门（单位）概况',
    '某某区城市管理局是区人民政府工作部门，内设机构6个，下属事业单位3个。',
    '二、部门（单位）整体支出管理及使用情况',
    '2023年区财政批复部门预算为2350.60万元，全年决算支出为2298.12万元，其中基本支出1432.18万元，项目支出865.94万元。',
    '基本支出中人员经费1268.55万元，公用经费163.63万元，主要用于保障机构正常运转和完成日常工作任务。',
    '三、存在的主要问题',
    '部分项目实施进度偏慢，个别绩效指标设置不够细化。',
    '四、改进措施和有关建议',
    '加强预算执行进度管理，细化量化绩效指标，强化绩效评价结果运用。',
  ];
  const blocks: (Paragraph | Table)[] = [para('2023年度部门整体支出绩效自评表', { bold: true, center: true })];
  if (opts.split === 'one-table') {
    const rows: Row[] = [
      ...fundRows,
      [{ text: '绩效指标', vm: 'restart' }, ...INDICATOR_HEADER],
      ...indicatorRows(list, true),
      totalRow,
    ];
    blocks.push(table(w, rows));
  } else {
    blocks.push(table(w8, fundRows, { cantSplit: true }));
    blocks.push(para(''));
    // The indicator part as its own table whose header row repeats on every page.
    blocks.push(table(w8, [INDICATOR_HEADER, ...indicatorRows(list, false), [{ text: '总分', span: 5 }, '100', total, '']], { headerRows: 1, cantSplit: true }));
  }
  for (const text of narrative) blocks.push(para(text, { indent: !/^[一二三四五六七八九十]、/.test(text) && !text.startsWith('评价') }));
  return blocks;
}

async function writeBuiltForms(wanted: (name: string) => boolean): Promise<string[]> {
  mkdirSync(SRC_DIR, { recursive: true });
  const pageNumberFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'], font: FONT, size: 18 })] })],
  });
  const dashFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: FONT, size: 18 })] })],
  });
  const page = { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } };
  const forms: [string, (Paragraph | Table)[], Footer | null][] = [
    // One table over several pages; long indicator texts make rows break across pages.
    ['multipage-split-rows', deptForm({ longText: true, split: 'one-table', widths: [700, 900, 1000, 2300, 900, 900, 600, 600, 1300] }), pageNumberFooter],
    // Indicator table with a repeated header row and rows that never split.
    ['multipage-repeat-header', deptForm({ longText: true, split: 'header-table', widths: [700, 900, 1000, 2300, 900, 900, 600, 600, 1300] }), dashFooter],
    // Narrow text columns: every indicator wraps over many lines.
    ['wrap-heavy', deptForm({ longText: true, split: 'one-table', widths: [600, 800, 900, 1500, 1100, 1100, 700, 700, 1800] }), null],
  ];
  const files: string[] = [];
  for (const [name, children, footer] of forms.filter(([name]) => wanted(name))) {
    const doc = new Document({
      creator: 'jxaudit fixtures',
      sections: [{ properties: { page }, ...(footer ? { footers: { default: footer } } : {}), children }],
    });
    const file = join(SRC_DIR, `${name}.docx`);
    writeFileSync(file, await Packer.toBuffer(doc));
    files.push(file);
  }
  return files;
}

// ---------------------------------------------------------------- special PDFs

/** A one-page PDF whose Chinese text uses the non-embedded STSong-Light font
 *  (Adobe-GB1, UniGB-UCS2-H): readable only when pdfjs finds its CMaps. */
function nonEmbeddedFontPdf(): Buffer {
  const ucs2 = (s: string) => Array.from(s).map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()).join('');
  const lines = ['2023年度项目支出绩效自评表', '项目名称：城区道路提质改造', '全年预算数：120.50万元'];
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 28} Td <${ucs2(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function makeSpecials(sample: string): void {
  const work = mkdtempSync(join(tmpdir(), 'jxaudit-pdf-'));
  try {
    // Scanned: the first page as a picture, no text layer (what a copier produces).
    run('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', sample, join(work, 'scan')]);
    const png = readdirSync(work).find((f) => f.startsWith('scan') && f.endsWith('.png'))!;
    run('img2pdf', [join(work, png), '-o', join(PDF_DIR, 'scanned.pdf')]);
    // Needs a password to open.
    run('qpdf', ['--encrypt', 'user-pass', 'owner-pass', '256', '--', sample, join(PDF_DIR, 'encrypted.pdf')]);
    // Opens without a password; printing, copying and changes restricted.
    run('qpdf', ['--encrypt', '', 'owner-pass', '256', '--print=none', '--modify=none', '--extract=n', '--', sample, join(PDF_DIR, 'owner-password.pdf')]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(PDF_DIR, 'nonembedded-font.pdf'), nonEmbeddedFontPdf());
}

async function main(): Promise<void> {
  mkdirSync(PDF_DIR, { recursive: true });
  const only = new Set(process.argv.slice(2));
  const wanted = (name: string) => only.size === 0 || only.has(name);
  const docx = readdirSync(DOCX_DIR).filter((f) => f.endsWith('.docx')).filter((f) => wanted(basename(f, '.docx')));
  const twins = docx.filter((f) => !WIDER_THAN_PAGE.has(basename(f, '.docx')) && !WITH_FOOTNOTES.has(basename(f, '.docx'))).map((f) => join(DOCX_DIR, f));
  exportPdfs(twins, PDF_DIR);
  const cut = docx.filter((f) => WIDER_THAN_PAGE.has(basename(f, '.docx'))).map((f) => join(DOCX_DIR, f));
  if (cut.length > 0) mkdirSync(CUT_DIR, { recursive: true });
  exportPdfs(cut, CUT_DIR);
  const noted = docx.filter((f) => WITH_FOOTNOTES.has(basename(f, '.docx'))).map((f) => join(DOCX_DIR, f));
  if (noted.length > 0) mkdirSync(NOTES_DIR, { recursive: true });
  exportPdfs(noted, NOTES_DIR);
  const built = await writeBuiltForms(wanted);
  exportPdfs(built, PDF_DIR);
  if (only.size === 0) makeSpecials(join(PDF_DIR, 'multipage-split-rows.pdf'));
  const made = readdirSync(PDF_DIR).filter((f) => f.endsWith('.pdf'));
  console.log(`fixtures/pdf: ${made.length} PDFs (${twins.length} twins of fixtures/docx, ${built.map((f) => basename(f, '.docx')).join(', ')}${only.size === 0 ? ', specials' : ''})`);
}

await main();
