// sniffFormat: what the bytes are, whatever the file is called.
import { describe, expect, it } from 'vitest';
import { ole2StreamNames, sniffFormat } from '../src/read/sniff.js';
import { listZipEntries } from '../src/read/zip.js';
import { docxFromBody, p } from './helpers/docx-builder.js';
import { buildOle2 } from './helpers/ole2-writer.js';
import { buildZip } from './helpers/zip-writer.js';

const RESAVE = '请另存为 DOCX 或 PDF 后重新提交';

function zipOf(...names: string[]): Buffer {
  return buildZip(names.map((name) => ({ name, data: '<x/>' })));
}

describe('sniffFormat', () => {
  it('a DOCX is docx', () => {
    expect(sniffFormat(docxFromBody(p('表')))).toMatchObject({ kind: 'docx' });
  });

  it('%PDF- within the first 1024 bytes is pdf (junk before the header is tolerated)', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({ kind: 'pdf' });
    expect(sniffFormat(Buffer.concat([Buffer.alloc(500, 0x20), Buffer.from('%PDF-1.4')]))).toEqual({ kind: 'pdf' });
    expect(sniffFormat(Buffer.concat([Buffer.alloc(1100, 0x20), Buffer.from('%PDF-1.4')])).kind).toBe('other');
  });

  it('a DOCX whose first stored part happens to contain %PDF- is still a DOCX', () => {
    const bytes = buildZip([
      { name: 'word/media/attachment.pdf', data: '%PDF-1.4 attached', method: 'store' },
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(sniffFormat(bytes)).toMatchObject({ kind: 'docx' });
  });

  it('empty → corrupt-file saying it is empty', () => {
    expect(sniffFormat(Buffer.alloc(0))).toMatchObject({ kind: 'other', code: 'corrupt-file', what: expect.stringContaining('文件为空（0 字节）') });
  });

  it('a workbook is xlsx (issue 14: read natively)', () => {
    expect(sniffFormat(zipOf('[Content_Types].xml', 'xl/workbook.xml'))).toMatchObject({ kind: 'xlsx' });
  });

  it.each([
    [['[Content_Types].xml', 'xl/styles.xml'], 'Excel 工作簿'],
    [['[Content_Types].xml', 'ppt/presentation.xml'], 'PowerPoint 演示文稿（.pptx）'],
    [['OFD.xml', 'Doc_0/Document.xml'], 'OFD'],
    [['mimetype', 'content.xml'], 'OpenDocument'], // a mimetype of neither text nor spreadsheet
    [['readme.txt', 'form.docx'], 'ZIP 压缩包'],
  ])('a zip holding %j is not a DOCX: %s', (names, what) => {
    const sniffed = sniffFormat(zipOf(...names));
    expect(sniffed).toMatchObject({ kind: 'other', code: 'unsupported-format' });
    if (sniffed.kind !== 'other') return;
    expect(sniffed.what).toContain(what);
    expect(sniffed.what).toContain(RESAVE);
  });

  it('a zip cut short → corrupt-file naming a DOCX when its first part says so', () => {
    const whole = docxFromBody(p('数'.repeat(3000)));
    const sniffed = sniffFormat(whole.subarray(0, whole.length - 30));
    expect(sniffed).toMatchObject({ kind: 'other', code: 'corrupt-file' });
    if (sniffed.kind === 'other') expect(sniffed.what).toContain('DOCX 文件不完整');
  });

  // Issue 14: Word/Excel/WPS binaries are converted through LibreOffice where it is installed.
  it.each([
    [['WordDocument', '1Table', '\u0005SummaryInformation'], 'doc', 'docx'],
    [['Workbook'], 'xls', 'xlsx'],
    [['CONTENTS', 'MatOST'], 'wps', 'docx'],
  ])('an OLE2 container with %j → convertible from %s to %s', (streams, from, to) => {
    expect(sniffFormat(buildOle2(streams))).toMatchObject({ kind: 'convertible', from, to });
  });

  it.each([
    [['PowerPoint Document'], '.ppt'],
    [['Something'], 'OLE2'],
  ])('an OLE2 container with %j → unsupported-format (%s)', (streams, what) => {
    const sniffed = sniffFormat(buildOle2(streams));
    expect(sniffed).toMatchObject({ kind: 'other', code: 'unsupported-format' });
    if (sniffed.kind !== 'other') return;
    expect(sniffed.what).toContain(what);
    expect(sniffed.what).toContain(RESAVE);
  });

  it('an OLE2 container with an encryption stream → encrypted', () => {
    for (const streams of [['EncryptionInfo', 'EncryptedPackage'], ['\u0006DataSpaces', 'EncryptedPackage']]) {
      expect(sniffFormat(buildOle2(streams))).toMatchObject({ kind: 'other', code: 'encrypted', what: expect.stringContaining('请去除密码后重新提交') });
    }
  });

  it('a damaged OLE2 directory still finds an encryption stream by a light scan', () => {
    const bytes = buildOle2(['EncryptionInfo', 'EncryptedPackage']);
    bytes.writeUInt32LE(0x7fffffff, 0x30); // directory start points nowhere
    expect(sniffFormat(bytes)).toMatchObject({ kind: 'other', code: 'encrypted' });
  });

  it('RTF is convertible; Word 2003 XML, HTML and anything else → unsupported-format', () => {
    expect(sniffFormat(Buffer.from('{\\rtf1\\ansi 绩效'))).toMatchObject({ kind: 'convertible', from: 'rtf', to: 'docx' });
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>'))).toMatchObject({
      code: 'unsupported-format',
      what: expect.stringContaining('Word 2003 XML'),
    });
    expect(sniffFormat(Buffer.from('<html><body>表</body></html>'))).toMatchObject({ code: 'unsupported-format', what: expect.stringContaining('网页') });
    expect(sniffFormat(Buffer.from('just some text'))).toMatchObject({ code: 'unsupported-format', what: expect.stringContaining('无法识别文件内容，不是本工具能读取的格式（DOCX、XLSX、PDF') });
  });
});

describe('container listings', () => {
  it('lists zip entries from the central directory', () => {
    expect(listZipEntries(zipOf('[Content_Types].xml', 'word/document.xml'))).toEqual({
      names: ['[Content_Types].xml', 'word/document.xml'],
      complete: true,
    });
  });

  it('lists OLE2 directory entries', () => {
    expect(ole2StreamNames(buildOle2(['WordDocument', '1Table', 'Data', 'CompObj', 'ObjectPool']))).toEqual([
      'Root Entry',
      'WordDocument',
      '1Table',
      'Data',
      'CompObj',
      'ObjectPool',
    ]);
  });
});
