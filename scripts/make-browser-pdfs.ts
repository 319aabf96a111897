// Makes fixtures/browser/ (run: `npx tsx scripts/make-browser-pdfs.ts [name …]`; needs Debian's
// chromium — tests never do): forms printed to PDF by a web browser, as a form filled in
// an online system and "printed to PDF" reaches the bureau. Each is a DOCX fixture turned
// into HTML by mammoth, then printed by headless Chromium (Skia). Skia writes Type 3 fonts
// whose ToUnicode maps a glyph shared by a CJK radical and an ideograph to the radical —
// the lower code point: "部⻔整体⽀出绩效⾃评表". Expected outcomes (hand-written, the same
// as the DOCX's): tests/expected/browser-<name>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'fixtures', 'browser');
// dept-yuan: its narrative cell runs over a page break, and the browser draws no rule
// where the page cuts it (the cell's rest is framed by its two sides and its bottom).
// real-anhui-tianchang-2022: the merged 年度绩效指标完成情况 cell beside every indicator row
// goes on over two page breaks, and on the middle page the browser draws no rule for it
// (that page's part of the table is one column narrower).
// seed-yuelu-2022: its 评价报告综述 cell runs from page 4 to page 7; pages 5 and 6 show
// only the cell's two sides.
// On A5 paper in 11 pt type (-a5) the breaks fall inside merged label cells: the browser
// draws no rule under a cell the break cuts, and the lines it laid out for the cell's rows
// on the next page spill below the part's last rule (national-real-slip-sums: "年度总体目标完成情况";
// dept-slip-typo: "产出指标", "绩效指标"); on seed-yuelu-2022's page 4 the cut 绩效指标 and
// 一级指标 columns are drawn with no rule at all, the rest of their labels printed beside
// the narrower part; dept-narrative-broken: a narrative sentence wraps over a page break
// before "50%，", which wraps as one piece.
// In 14 pt type on A4 (-14pt), dept-yuan's 资金结构 label is cut after 资金, and its next
// lines spill further below the last rule than a line's pitch.
// On B5 paper in 12 pt type (-b5), real-anhui-xiaoxian-2023's 效益指标 group opens with a
// doubled rule (a blank label row 3.8 pt high beside the rowspans), and the upright between
// its 一级 and 二级 labels pauses in that band.
// A table wider than the page (-1400px, -1350px: a web form's table fixed at that width,
// on A4): Chromium shrinks the page's content only so far and cuts the table off at the
// right margin, the clip of the page's content. The cells the edge cuts are drawn whole and
// clipped there (their rules run on past it), glyphs wholly past it are left out, and the
// cells wholly beyond (偏差原因) are not drawn at all. At 1400 px the edge cuts the 分值
// column after its figures and 得分 is wholly beyond; at 1350 px it cuts 得分 through its
// second glyph: of 得分, 9.50 and 97.50 the page shows "得分" (分 halved), "9.5" and "97.".
// With the form's title as a page header atop every page, set larger than the text (-titled: a
// CSS @top-center margin box, as a web system's print puts the form's name there; 32 mm top
// margin), dept-split-row-centred's 为消费者挽回经济损失 row is cut by the break from page 1 to
// page 2: the rest of its name opens page 2 alone in its row, below the title printed again.
// With no page margin and a table the page's width (-m0: @page margin 0, body margin 0,
// table width 100%), the table runs from the paper's left edge to its right one: its
// collapsed outer border overhangs both edges by a third of a point, its right side drawn
// at the edge — a whole table, not one cut there.
// An old-style table (-border1: `<table border="1" cellspacing="0" cellpadding="3">`, no
// border CSS): the browser draws its inset and outset borders in two greys as thin filled
// paths, each side a trapezoid whose bevelled ends meet the sides across it.
/** Print settings other than the default (A4, 10 pt): the page rule and the type size, and
 *  any rule of the table's own. */
const PRINTS = {
  a5: { page: '@page{size:A5}', pt: 11 },
  '14pt': { page: '@page{size:A4;margin:25mm}', pt: 14 },
  b5: { page: '@page{size:B5}', pt: 12 },
  '1400px': { page: '@page{size:A4}', pt: 10, table: 'width:1400px;table-layout:fixed' },
  '1350px': { page: '@page{size:A4}', pt: 10, table: 'width:1350px;table-layout:fixed' },
  titled: {
    page: '@page{size:A4;margin:32mm 12mm 15mm;@top-center{content:"2023年度部门整体支出绩效自评表";font-size:14pt;font-family:"Noto Sans CJK SC",sans-serif}}',
    pt: 10,
  },
  m0: { page: '@page{size:A4;margin:0}', pt: 10, table: 'width:100%', body: 'margin:0' },
  border1: { page: '@page{size:A4}', pt: 9, attrs: 'border="1" cellspacing="0" cellpadding="3"' },
} as const satisfies Record<string, Print>;
/** `attrs`: the table's own HTML attributes, drawing its borders instead of the CSS. */
type Print = { page: string; pt: number; table?: string; body?: string; attrs?: string };
const FORMS: { name: string; print?: keyof typeof PRINTS }[] = [
  { name: 'dept-slip-typo' },
  { name: 'project-national-slips' },
  { name: 'dept-yuan' },
  { name: 'real-anhui-tianchang-2022' },
  { name: 'seed-yuelu-2022' },
  { name: 'dept-slip-typo', print: 'a5' },
  { name: 'national-real-slip-sums', print: 'a5' },
  { name: 'seed-yuelu-2022', print: 'a5' },
  { name: 'dept-narrative-broken', print: 'a5' },
  { name: 'dept-yuan', print: '14pt' },
  { name: 'real-anhui-xiaoxian-2023', print: 'b5' },
  { name: 'dept-slip-rate-score', print: '1400px' },
  { name: 'dept-slip-rate-score', print: '1350px' },
  { name: 'dept-split-row-centred', print: 'titled' },
  { name: 'project-national-slips', print: 'm0' },
  { name: 'project-national-slips', print: 'border1' },
];
const style = (print?: keyof typeof PRINTS) => {
  const p: Print | undefined = print ? PRINTS[print] : undefined;
  const body = `body{font-family:"Noto Sans CJK SC",sans-serif;font-size:${p ? p.pt : 10}pt${p?.body ? `;${p.body}` : ''}}`;
  if (p?.attrs) return `${p.page}${body}`;
  return `${p ? p.page : ''}${body} table{border-collapse:collapse${p?.table ? `;${p.table}` : ''}} td,th{border:1px solid #000;padding:2px 4px}`;
};

mkdirSync(OUT_DIR, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jxaudit-browser-'));
try {
  const wanted = process.argv.slice(2);
  for (const { name, print } of FORMS) {
    const out = print ? `${name}-${print}` : name;
    if (wanted.length > 0 && !wanted.includes(out)) continue;
    const { value } = await mammoth.convertToHtml({ path: join(ROOT, 'fixtures', 'docx', `${name}.docx`) });
    const html = join(work, `${out}.html`);
    const attrs: string | undefined = print ? (PRINTS[print] as Print).attrs : undefined;
    const tables = attrs ? value.replaceAll('<table>', `<table ${attrs}>`) : value;
    writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><style>${style(print)}</style></head><body>${tables}</body></html>`);
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(work, 'profile')}`, `--print-to-pdf=${join(OUT_DIR, `${out}.pdf`)}`, `file://${html}`], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    console.log(`wrote fixtures/browser/${out}.pdf`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
