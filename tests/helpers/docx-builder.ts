// Minimal DOCX files from hand-written WordprocessingML, for cases the `docx`
// package cannot express (gridBefore/gridAfter, hMerge, AlternateContent, …).
import { buildZip, type ZipEntrySpec } from './zip-writer.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

export function packageRels(target = 'word/document.xml'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>
</Relationships>`;
}

/** Wraps body content in a full document.xml with the usual namespace bindings. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A DOCX whose body is `body` (WordprocessingML inside w:body). */
export function docxFromBody(body: string, extra: ZipEntrySpec[] = []): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: packageRels() },
    { name: 'word/document.xml', data: documentXml(body) },
    ...extra,
  ]);
}

/** Shorthands for hand-written tables. */
export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
export const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
export const tr = (cells: string, rowProps = '') => `<w:tr>${rowProps ? `<w:trPr>${rowProps}</w:trPr>` : ''}${cells}</w:tr>`;
export const tbl = (columns: number, rows: string) =>
  `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>${rows}</w:tbl>`;
