// Minimal WordprocessingML packages written by hand, for documents the `docx`
// package would not make (thousands of tables, tables nested thousands deep,
// a main part that inflates to gigabytes) and for a minimal .xlsx.
import { pack as entry, writeZip, type PackedEntry } from '../lib/zip.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

export const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>`;
export const DOC_TAIL = `<w:sectPr/></w:body></w:document>`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
export const tc = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
export const tbl = (columns: number, rowsXml: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(columns)}</w:tblGrid>${rowsXml}</w:tbl>`;
export const tr = (cells: string[]) => `<w:tr>${cells.map((c) => tc(p(c))).join('')}</w:tr>`;

/** A DOCX whose word/document.xml body is `bodyXml`. */
export function docxFromBody(bodyXml: string): Buffer {
  return docxWithDocument(entry('word/document.xml', DOC_HEAD + bodyXml + DOC_TAIL));
}

/** A DOCX around a prepared word/document.xml entry (a bomb, a liar). */
export function docxWithDocument(document: PackedEntry): Buffer {
  return writeZip([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', ROOT_RELS), document]);
}

/** A small but well-formed Excel workbook (zip with xl/): a spreadsheet sent instead of a form. */
export function minimalXlsx(): Buffer {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="预算" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c><c r="B1"><v>1028.49</v></c></row></sheetData></worksheet>`;
  return writeZip([
    entry('[Content_Types].xml', types),
    entry('_rels/.rels', rels),
    entry('xl/workbook.xml', workbook),
    entry('xl/_rels/workbook.xml.rels', wbRels),
    entry('xl/worksheets/sheet1.xml', sheet),
  ]);
}
