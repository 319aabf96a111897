// Builds fixtures/tricky/ (issue 15, first class: "the reader sees what a person does
// not, or misses what a person sees"): clean forms changed in one place each, the way
// Word (or a PDF tool) saves that change — hidden text, a content control still showing
// its placeholder (and that prompt printed in the PDF), a number in a table pasted into a
// cell, invisible format characters inside numbers, the unit only in the page header or
// footer (alone or beside the submitter), an altChunk, a cell's own unit,
// 30-digit amounts, text drawn rotated under a compensating /Rotate, an A4-landscape
// export whose indicator header row (labels one character a line) breaks across pages.
// Expected outcomes (hand-written): tests/tricky/expected/<name>.json.
// Usage: npx tsx scripts/gen-tricky-fixtures.ts [name ...]
//
// The DOCX files are deterministic (the `docx` package, then raw XML edits as Word
// writes them). The PDFs need LibreOffice (`soffice`) and qpdf, only here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocx } from './fixtures/builder.js';
import { deptForm, fullIndicators, type DeptOpts } from './fixtures/dept.js';
import { pack, readZipEntries, writeZip } from './lib/zip.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'fixtures', 'tricky');

// ---------------------------------------------------------------------------
// The clean form every case starts from. Amounts add up exactly; rate 1423.56 ÷
// 1523.56 = 93.4364…% → 93.44%, fund score 9.34, total 90 + 9.34 = 99.34.

const NARRATIVE = '2022年全年预算1523.56万元，决算支出1423.56万元，其中基本支出973.56万元，项目支出450.00万元。';

function clean(name: string): DeptOpts {
  return {
    name,
    title: '2022年度部门整体支出绩效自评表',
    preamble: ['单位：万元'],
    headerRows: [['单位名称', '益阳市资阳区农业农村局']],
    sources: {
      total: { budget: '1523.56', actual: '1423.56', rate: '93.44%', weight: '10', score: '9.34' },
      fiscal: { budget: '1323.56', actual: '1323.56' },
      other: { budget: '200.00', actual: '100.00' },
    },
    uses: {
      total: { budget: '1523.56', actual: '1423.56' },
      basic: { budget: '1023.56', actual: '973.56' },
      personnel: { budget: '823.56', actual: '800.00' },
      public: { budget: '200.00', actual: '173.56' },
      project: { budget: '500.00', actual: '450.00' },
    },
    indicators: fullIndicators('农业'),
    total: { weight: '100', score: '99.34' },
    narrative: { where: 'body', heading: '评价报告综述（文字部分）', paragraphs: ['一、部门整体支出情况', NARRATIVE] },
  };
}

/** The same form in 元 (every amount × 10000), no unit printed anywhere in the body. */
function cleanInYuan(name: string): DeptOpts {
  const o = clean(name);
  const yuan = (v: string | undefined) => (v === undefined ? v : `${v.replace('.', '')}00`);
  for (const side of [o.sources, o.uses] as Record<string, Record<string, string | undefined>>[]) {
    for (const line of Object.values(side)) {
      if (!line) continue;
      line.budget = yuan(line.budget);
      line.actual = yuan(line.actual);
    }
  }
  o.preamble = [];
  o.fundLabel = '整体资金';
  o.narrative = undefined;
  return o;
}

/** cleanInYuan with the clean narrative's figures in 元. */
function cleanInYuanWithNarrative(name: string): DeptOpts {
  const o = cleanInYuan(name);
  o.narrative = {
    where: 'body',
    heading: '评价报告综述（文字部分）',
    paragraphs: ['一、部门整体支出情况', '2022年全年预算15235600.00元，决算支出14235600.00元，其中基本支出9735600.00元，项目支出4500000.00元。'],
  };
  return o;
}

// ---------------------------------------------------------------------------
// Raw XML edits, as Word saves them.

type Entries = Awaited<ReturnType<typeof readZipEntries>>;

async function edit(docx: Buffer, change: (parts: Map<string, string>, entries: Entries) => void): Promise<Buffer> {
  const entries = await readZipEntries(docx);
  const parts = new Map(entries.filter((e) => /\.(xml|rels)$/.test(e.name)).map((e) => [e.name, e.data.toString('utf8')]));
  change(parts, entries);
  const out = entries.map((e) => (parts.has(e.name) ? { ...e, data: Buffer.from(parts.get(e.name)!, 'utf8') } : e));
  for (const [name, xml] of parts) if (!entries.some((e) => e.name === name)) out.push({ name, data: Buffer.from(xml, 'utf8') });
  return writeZip(out.map((e) => pack(e.name, e.data)));
}

const T = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

/** Replaces the whole run holding exactly `text` (its `nth` occurrence) by what `make`
 *  returns, given the run's own properties (so new runs look the same). */
function replaceRun(xml: string, text: string, make: (rPr: string) => string, nth = 0): string {
  const needle = `${T(text)}</w:r>`;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = xml.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`run "${text}" #${nth} not found`);
  }
  const start = xml.lastIndexOf('<w:r>', at);
  const rPr = /^<w:r>(<w:rPr>.*?<\/w:rPr>)?/.exec(xml.slice(start))?.[1] ?? '';
  return xml.slice(0, start) + make(rPr) + xml.slice(at + needle.length);
}

const run = (rPr: string, text: string) => `<w:r>${rPr}${T(text)}</w:r>`;
/** The run's properties with Word's hidden-text mark (Font ▸ Hidden) added. */
const hidden = (rPr: string) => (rPr ? rPr.replace('</w:rPr>', '<w:vanish/></w:rPr>') : '<w:rPr><w:vanish/></w:rPr>');

const DOC = 'word/document.xml';

/** Adds a page header (kind 'hdr') or footer ('ftr') part holding `text`, referenced by
 *  the body's section (Insert ▸ Header / Footer). */
function addPagePart(parts: Map<string, string>, kind: 'hdr' | 'ftr', text: string): void {
  const [file, rel, ref] = kind === 'hdr' ? ['header1.xml', 'header', 'headerReference'] : ['footer1.xml', 'footer', 'footerReference'];
  const style = kind === 'hdr' ? 'Header' : 'Footer';
  parts.set(
    `word/${file}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${kind} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>${T(text)}</w:r></w:p></w:${kind}>`,
  );
  const id = kind === 'hdr' ? 'rId90' : 'rId92';
  parts.set(
    'word/_rels/document.xml.rels',
    parts.get('word/_rels/document.xml.rels')!.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${rel}" Target="${file}"/></Relationships>`,
    ),
  );
  parts.set(
    '[Content_Types].xml',
    parts.get('[Content_Types].xml')!.replace(
      '</Types>',
      `<Override PartName="/word/${file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${rel}+xml"/></Types>`,
    ),
  );
  parts.set(DOC, parts.get(DOC)!.replace(/<w:sectPr>/, `<w:sectPr><w:${ref} w:type="default" r:id="${id}"/>`));
}

/** A plain-text content control nobody filled, showing Word's grey prompt (w:showingPlcHdr). */
const promptControl = (rPr: string) =>
  `<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:id w:val="-1185364322"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>` +
  `${run(rPr.replace('<w:rPr>', '<w:rPr><w:rStyle w:val="PlaceholderText"/>'), '单击或点击此处输入文字。')}</w:sdtContent></w:sdt>`;

/** `make` run in a fresh work folder, removed after. */
function inWork<T>(make: (work: string) => T): T {
  const work = mkdtempSync(join(tmpdir(), 'jxaudit-tricky-'));
  try {
    return make(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

type Maker = () => Promise<Buffer | null>;

const makers: Record<string, Maker> = {
  /** The control: the clean form unchanged. */
  'clean-base.docx': async () => buildDocx(deptForm(clean('clean-base'))),

  /** A "9" typed into 1423.56 and then hidden (Font ▸ Hidden): Word shows 1423.56. And a
   *  sentence of the narrative hidden the same way, whose figure contradicts the table. */
  'hidden-text.docx': async () =>
    edit(await buildDocx(deptForm(clean('hidden-text'))), (parts) => {
      let xml = parts.get(DOC)!;
      xml = replaceRun(xml, '1423.56', (rPr) => run(rPr, '14') + run(hidden(rPr), '9') + run(rPr, '23.56'));
      xml = replaceRun(xml, NARRATIVE, (rPr) => run(rPr, NARRATIVE) + run(hidden(rPr), '其中人员支出900.00万元，公用支出200.00万元。'));
      // A whole hidden paragraph (runs and paragraph mark): Word shows nothing of it.
      xml = xml.replace(
        '<w:p><w:r>',
        `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run('<w:rPr><w:vanish/></w:rPr>', '2021年度部门整体支出绩效自评表（草稿）')}</w:p><w:p><w:r>`,
      );
      parts.set(DOC, xml);
    }),

  /** Hidden the way a template hides notes: by a style, not on the run. A character style
   *  「隐藏批注」 (based on a style that is itself hidden) on the "9" typed into 1423.56 and on a
   *  narrative tail contradicting the table; a paragraph style 「草稿标题」 with hidden text on
   *  a paragraph before the title holding another form title. Word shows the clean form. */
  'hidden-style.docx': async () =>
    edit(await buildDocx(deptForm(clean('hidden-style'))), (parts) => {
      const styles =
        '<w:style w:type="character" w:customStyle="1" w:styleId="NoteBase"><w:name w:val="批注基础"/><w:rPr><w:vanish/><w:color w:val="FF0000"/></w:rPr></w:style>' +
        '<w:style w:type="character" w:customStyle="1" w:styleId="HiddenNote"><w:name w:val="隐藏批注"/><w:basedOn w:val="NoteBase"/><w:rPr><w:i/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="DraftTitle"><w:name w:val="草稿标题"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:vanish/></w:rPr></w:style>';
      parts.set('word/styles.xml', parts.get('word/styles.xml')!.replace('</w:styles>', `${styles}</w:styles>`));
      const styled = (rPr: string) => (rPr ? rPr.replace('<w:rPr>', '<w:rPr><w:rStyle w:val="HiddenNote"/>') : '<w:rPr><w:rStyle w:val="HiddenNote"/></w:rPr>');
      let xml = parts.get(DOC)!;
      xml = replaceRun(xml, '1423.56', (rPr) => run(rPr, '14') + run(styled(rPr), '9') + run(rPr, '23.56'));
      xml = replaceRun(xml, NARRATIVE, (rPr) => run(rPr, NARRATIVE) + run(styled(rPr), '其中人员支出900.00万元，公用支出200.00万元。'));
      xml = xml.replace('<w:p><w:r>', `<w:p><w:pPr><w:pStyle w:val="DraftTitle"/></w:pPr>${run('', '2021年度部门整体支出绩效自评表（草稿）')}</w:p><w:p><w:r>`);
      parts.set(DOC, xml);
    }),

  /** A 偏差原因 cell holding a plain-text content control nobody filled: Word shows its
   *  grey placeholder "单击或点击此处输入文字。" (w:showingPlcHdr). And a 执行数 cell whose
   *  control was filled in (the placeholder mark gone): its number is read. */
  'placeholder.docx': async () => {
    const o = clean('placeholder');
    o.indicators[0].subs[0].rows[0].deviation = 'PLACEHOLDER';
    return edit(await buildDocx(deptForm(o)), (parts) => {
      let xml = parts.get(DOC)!;
      xml = replaceRun(
        xml,
        'PLACEHOLDER',
        (rPr) =>
          `<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:id w:val="-1185364322"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>` +
          `${run(rPr.replace('<w:rPr>', '<w:rPr><w:rStyle w:val="PlaceholderText"/>'), '单击或点击此处输入文字。')}</w:sdtContent></w:sdt>`,
      );
      xml = replaceRun(
        xml,
        '973.56',
        (rPr) =>
          `<w:sdt><w:sdtPr><w:id w:val="1402207051"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent>${run(rPr, '973.56')}</w:sdtContent></w:sdt>`,
      );
      parts.set(DOC, xml);
    });
  },

  /** 1323.56 (财政拨款 执行数) pasted from another table: Word nests a one-cell table in
   *  the cell (and keeps the empty paragraph a cell must end with). */
  'nested-number.docx': async () =>
    edit(await buildDocx(deptForm(clean('nested-number'))), (parts) => {
      let xml = parts.get(DOC)!;
      // The 2nd "1323.56" is the 执行数 (the 1st the 预算数).
      const needle = `${T('1323.56')}</w:r></w:p>`;
      const first = xml.indexOf(needle);
      const at = xml.indexOf(needle, first + 1);
      const pStart = xml.lastIndexOf('<w:p>', at);
      const paragraph = xml.slice(pStart, at + needle.length);
      const nested =
        `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr>` +
        `<w:tblGrid><w:gridCol w:w="900"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>${paragraph}</w:tc></w:tr></w:tbl><w:p/>`;
      xml = xml.slice(0, pStart) + nested + xml.slice(at + needle.length);
      parts.set(DOC, xml);
    }),

  /** Numbers carrying invisible format characters, as text pasted from web pages and
   *  right-to-left-aware editors leaves them: a soft hyphen, a word joiner, LRM/RLM marks,
   *  a zero-width joiner and an embedding pair. */
  'invisible-chars.docx': async () =>
    edit(await buildDocx(deptForm(clean('invisible-chars'))), (parts) => {
      let xml = parts.get(DOC)!;
      xml = replaceRun(xml, '823.56', (rPr) => run(rPr, '82\u00AD3.56'));
      xml = replaceRun(xml, '800.00', (rPr) => run(rPr, '8\u206000.00'));
      xml = replaceRun(xml, '173.56', (rPr) => run(rPr, '\u200E173.56\u200F'));
      xml = replaceRun(xml, '450.00', (rPr) => run(rPr, '4\u200D50.00'));
      xml = replaceRun(xml, '93.44%', (rPr) => run(rPr, '\u202A93.44%\u202C'));
      parts.set(DOC, xml);
    }),

  /** A 元 form whose unit is printed only in the page header (Insert ▸ Header): "单位：元". */
  'header-unit.docx': async () =>
    edit(await buildDocx(deptForm(cleanInYuan('header-unit'))), (parts) => {
      const header =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>${T('单位：元')}</w:r></w:p></w:hdr>`;
      parts.set('word/header1.xml', header);
      parts.set(
        'word/_rels/document.xml.rels',
        parts.get('word/_rels/document.xml.rels')!.replace(
          '</Relationships>',
          '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
        ),
      );
      parts.set(
        '[Content_Types].xml',
        parts.get('[Content_Types].xml')!.replace(
          '</Types>',
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
        ),
      );
      const doc = parts.get(DOC)!;
      parts.set(DOC, doc.replace(/<w:sectPr>/, '<w:sectPr><w:headerReference w:type="default" r:id="rId90"/>'));
    }),

  /** header-unit.docx exported by LibreOffice: "单位：元" stands atop both pages of the
   *  PDF, where a running header stands, and the table goes on over the page break. */
  'header-unit.pdf': async () => {
    const work = mkdtempSync(join(tmpdir(), 'jxaudit-tricky-'));
    try {
      return libreOfficePdf((await makers['header-unit.docx']())!, work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },

  /** A 元 form whose unit is printed only in the page header, on one line with the
   *  submitter, as clerks type it: "填报单位（盖章）：益阳市资阳区农业农村局　　金额单位：元"
   *  (probe Q t02). Its narrative states the same figures in 元. */
  'header-unit-submitter.docx': async () =>
    edit(await buildDocx(deptForm(cleanInYuanWithNarrative('header-unit-submitter'))), (parts) => {
      addPagePart(parts, 'hdr', '填报单位（盖章）：益阳市资阳区农业农村局\u3000\u3000\u3000\u3000金额单位：元');
    }),

  /** header-unit-submitter.docx exported by LibreOffice: the header line atop each page. */
  'header-unit-submitter.pdf': async () => {
    const docx = (await makers['header-unit-submitter.docx']())!;
    return inWork((work) => libreOfficePdf(docx, work));
  },

  /** The clean 万元 form, its unit stated only by the line "单位：万元" under its title (the
   *  fund label without "（万元）"), whose page header says "金额单位：元" (left from another
   *  form's template): the form's own statement is its unit. */
  'header-unit-body-wins.docx': async () => {
    const o = clean('header-unit-body-wins');
    o.fundLabel = '整体资金';
    return edit(await buildDocx(deptForm(o)), (parts) => {
      addPagePart(parts, 'hdr', '金额单位：元');
    });
  },

  /** A 元 form whose unit is printed only in the page footer (Insert ▸ Footer). */
  'footer-unit.docx': async () =>
    edit(await buildDocx(deptForm(cleanInYuan('footer-unit'))), (parts) => {
      addPagePart(parts, 'ftr', '注：金额单位：元');
    }),

  /** footer-unit.docx exported by LibreOffice: "注：金额单位：元" at the foot of both pages,
   *  where the table breaks from page 1 to page 2. */
  'footer-unit.pdf': async () => {
    const docx = (await makers['footer-unit.docx']())!;
    return inWork((work) => libreOfficePdf(docx, work));
  },

  /** The clean form whose 满意度 indicator misses its target (88% for ≥90%, 8 of 10 points;
   *  总分 97.34) and whose 偏差原因 cell holds a content control nobody filled in: Word shows
   *  (and prints) its grey prompt "单击或点击此处输入文字。" — no reason was given (probe Q r01). */
  'placeholder-reason.docx': async () => {
    const o = clean('placeholder-reason');
    const row = o.indicators[2].subs[0].rows[0];
    Object.assign(row, { actual: '88%', score: '8', deviation: 'PLACEHOLDER' });
    o.total = { weight: '100', score: '97.34' };
    return edit(await buildDocx(deptForm(o)), (parts) => {
      parts.set(DOC, replaceRun(parts.get(DOC)!, 'PLACEHOLDER', promptControl));
    });
  },

  /** placeholder-reason.docx exported by LibreOffice: the prompt printed as text. */
  'placeholder-reason.pdf': async () => {
    const docx = (await makers['placeholder-reason.docx']())!;
    return inWork((work) => libreOfficePdf(docx, work));
  },

  /** The narrative pasted in from a web system as an HTML altChunk, after a readable table. */
  'altchunk.docx': async () => {
    const o = clean('altchunk');
    o.narrative = undefined;
    return edit(await buildDocx(deptForm(o)), (parts) => {
      const html = `<html><head><meta charset="utf-8"></head><body><p>评价报告综述（文字部分）</p><p>${NARRATIVE}</p><p>其中人员支出900.00万元。</p></body></html>`;
      parts.set('word/afchunk.htm', html);
      parts.set(
        'word/_rels/document.xml.rels',
        parts.get('word/_rels/document.xml.rels')!.replace(
          '</Relationships>',
          '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>',
        ),
      );
      parts.set('[Content_Types].xml', parts.get('[Content_Types].xml')!.replace('</Types>', '<Default Extension="htm" ContentType="text/html"/></Types>'));
      parts.set(DOC, parts.get(DOC)!.replace('<w:sectPr>', '<w:altChunk r:id="rId91"/><w:sectPr>'));
    });
  },

  /** A 万元 form with one cell printing its own unit: "13235600元" (= 1323.56 万元). */
  'own-unit-yuan-in-wan.docx': async () => {
    const o = clean('own-unit-yuan-in-wan');
    o.sources.fiscal.budget = '13235600元';
    return buildDocx(deptForm(o));
  },

  /** A 元 form ("单位：元") with one cell printing 万元: "1323.5600万元" (= 13235600 元). */
  'own-unit-wan-in-yuan.docx': async () => {
    const o = cleanInYuan('own-unit-wan-in-yuan');
    o.preamble = ['单位：元'];
    o.sources.fiscal.actual = '1323.5600万元';
    return buildDocx(deptForm(o));
  },

  /** Amounts of 30 significant digits (a form in 元 of a very large fund, or a pasted
   *  figure); the sources' total is off by 23.45 against its parts. */
  'decimal-30-digits.docx': async () => {
    const o = clean('decimal-30-digits');
    const big = '12345678901234567890123';
    o.sources.total = { budget: `${big}45678.90`, actual: `${big}45678.90`, rate: '100.00%', weight: '10', score: '10' };
    o.sources.fiscal = { budget: `${big}45455.45`, actual: `${big}45478.90` };
    o.sources.other = { budget: '200.00', actual: '200.00' };
    o.uses.total = { budget: `${big}45678.90`, actual: `${big}45678.90` };
    o.uses.basic = { budget: `${big}45178.90`, actual: `${big}45178.90` };
    o.uses.personnel = { budget: `${big}44978.90`, actual: `${big}44978.90` };
    o.uses.public = { budget: '200.00', actual: '200.00' };
    o.uses.project = { budget: '500.00', actual: '500.00' };
    o.total = { weight: '100', score: '100' };
    o.narrative = undefined;
    return buildDocx(deptForm(o));
  },

  /** The clean form on A4 landscape with its indicator header set one character a line
   *  (一/级/指/标, 年/度/指/标/值 …), exported by LibreOffice: the page breaks inside that
   *  header row, so 一级 ends page 1 and 指标 begins page 2. (The goals label is one line,
   *  which puts the break there; LibreOffice never breaks a row of rotated text, so the
   *  vertical labels are the kind made of line breaks.) */
  'landscape-split-header.pdf': async () => {
    const o = clean('landscape-split-header');
    o.goalsLabel = '年度目标';
    o.indColumns = [
      { key: 'level1', header: vertical('一级指标') },
      { key: 'level2', header: vertical('二级指标') },
      { key: 'name', header: '三级指标' },
      { key: 'target', header: vertical('年度指标值') },
      { key: 'actual', header: vertical('实际完成值') },
      { key: 'weight', header: vertical('分值') },
      { key: 'score', header: vertical('得分') },
      { key: 'deviation', header: '偏差原因分析及改进措施' },
    ];
    const docx = await edit(await buildDocx(deptForm(o)), (parts) => {
      const xml = parts.get('word/document.xml')!;
      parts.set('word/document.xml', xml.replace(/<w:pgSz\b[^>]*\/>/, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'));
    });
    const work = mkdtempSync(join(tmpdir(), 'jxaudit-tricky-'));
    try {
      return libreOfficePdf(docx, work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },

  /** The clean form's PDF (LibreOffice) with each page's content drawn rotated by 90°
   *  and a page /Rotate that turns it back: printed, it looks exactly like the original. */
  'rotated-content.pdf': async () => {
    const work = mkdtempSync(join(tmpdir(), 'jxaudit-tricky-'));
    try {
      const pdf = libreOfficePdf(await buildDocx(deptForm(clean('rotated-content'))), work);
      const a = join(work, 'a.pdf'), b = join(work, 'b.pdf'), c = join(work, 'c.pdf');
      writeFileSync(a, pdf);
      // Turn the pages, bake the turn into the content streams, then turn them back.
      execFileSync('qpdf', ['--rotate=+90', a, b]);
      execFileSync('qpdf', ['--flatten-rotation', b, c]);
      execFileSync('qpdf', ['--rotate=-90', '--deterministic-id', c, join(work, 'out.pdf')]);
      return readFileSync(join(work, 'out.pdf'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

/** A label set one character a line, as forms print labels in narrow columns. */
const vertical = (label: string) => [...label].join('\n');

function libreOfficePdf(docx: Buffer, work: string): Buffer {
  const src = join(work, 'form.docx');
  writeFileSync(src, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, src], {
    stdio: 'ignore',
    timeout: 600_000,
  });
  return readFileSync(join(work, 'form.pdf'));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  await mkdir(outDir, { recursive: true });
  for (const [name, make] of Object.entries(makers)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const bytes = await make();
    if (!bytes) {
      console.log(`skipped ${name}`);
      continue;
    }
    await writeFile(join(outDir, name), bytes);
    console.log(`wrote fixtures/tricky/${name} (${bytes.length} bytes)`);
  }
}

await main();
