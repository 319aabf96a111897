// Format recognition by content (magic numbers, zip entry names, OLE2 stream
// names), never by file name: a renamed .doc or an encrypted DOCX is told apart
// from a real DOCX/PDF and gets a Chinese message saying what it is and what to do.
import { imageType, type ImageType } from './ocr/image-type.js';
import { looksLikeZip, openZip, type ZipArchive } from './zip.js';

export type SniffedFormat =
  /** `zip`: the archive with its directory parsed, for the reader to read from. */
  | { kind: 'docx'; zip: ZipArchive }
  | { kind: 'xlsx'; zip: ZipArchive }
  | { kind: 'pdf' }
  /** A picture (a scan or photo of a form): read by OCR where Tesseract is installed. */
  | { kind: 'image'; type: ImageType }
  /** A format read after LibreOffice converts it to `to` (when soffice is present). */
  | { kind: 'convertible'; from: LegacyFormat; to: 'docx' | 'xlsx'; what: string }
  | { kind: 'other'; what: string; code: 'unsupported-format' | 'encrypted' | 'corrupt-file' };

/** Formats read through LibreOffice. OLE2 cannot tell a WPS .et from an .xls (both
 *  hold a Workbook stream) nor a .wps saved in Word format from a .doc: the bytes name
 *  the kind, the file's extension which of the two (namedLegacyFormat). */
export type LegacyFormat = 'doc' | 'wps' | 'xls' | 'et' | 'rtf' | 'odt' | 'ods';

/** The WPS name of a format WPS saves in Microsoft's binary layout, when the file's name
 *  says it is WPS's (报表.et holds an .xls workbook, 报告.wps a .doc document). */
export function namedLegacyFormat(from: LegacyFormat, fileName: string): LegacyFormat {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (from === 'doc' && ext === 'wps') return 'wps';
  if (from === 'xls' && ext === 'et') return 'et';
  return from;
}

const RESAVE = '请另存为 DOCX 或 PDF 后重新提交';
/** The hint where soffice is absent (issue 14). */
export const INSTALL_LIBREOFFICE = '安装 LibreOffice（Debian：libreoffice-writer-nogui libreoffice-calc-nogui）后本工具可直接读取此格式，或用 --soffice 指明 soffice 的位置';

function convertible(from: LegacyFormat, what: string): SniffedFormat {
  const to = from === 'xls' || from === 'et' || from === 'ods' ? 'xlsx' : 'docx';
  return { kind: 'convertible', from, to, what };
}

/** The unsupported-format message of a convertible format read without LibreOffice. */
export function withoutSoffice(sniffed: { what: string }): string {
  return `这是${sniffed.what}，需要 LibreOffice 转换后才能读取，本机未找到 LibreOffice（soffice）。${INSTALL_LIBREOFFICE}。或者${RESAVE}`;
}
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function unsupported(what: string): SniffedFormat {
  return { kind: 'other', code: 'unsupported-format', what: `这是${what}，本工具不读取此格式。${RESAVE}` };
}

/** Which format the bytes really are. Synchronous and cheap: reads headers and
 *  directories only, inflates nothing. */
export function sniffFormat(bytes: Buffer): SniffedFormat {
  if (bytes.length === 0) {
    return { kind: 'other', code: 'corrupt-file', what: '文件为空（0 字节），可能上传或拷贝中断。请重新导出或重新发送文件' };
  }
  // Containers first: a zip or OLE2 file may hold a stored PDF within its first kilobyte.
  if (looksLikeZip(bytes)) return sniffZip(bytes);
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2_MAGIC)) return sniffOle2(bytes);
  if (bytes.subarray(0, 1024).includes('%PDF-')) return { kind: 'pdf' };

  const image = imageType(bytes);
  if (image) return { kind: 'image', type: image };

  const head = bytes.subarray(0, 2048).toString('latin1');
  if (head.startsWith('{\\rtf')) return convertible('rtf', 'RTF 格式文档（.rtf）');
  if (/^(\xef\xbb\xbf)?\s*<\?xml/.test(head) && /Word\.Document|<w:wordDocument/.test(head)) {
    return unsupported('Word 2003 XML 格式文档（.xml）');
  }
  if (/MIME-Version:/i.test(head) && /multipart\/related/i.test(head)) return unsupported('单个网页文件（.mht，可能是改了扩展名的 Word 网页格式）');
  if (/<html|<!doctype html/i.test(head)) return unsupported('网页文件（HTML，可能是改了扩展名的 Word 网页格式）');
  return {
    kind: 'other',
    code: 'unsupported-format',
    what: `无法识别文件内容，不是本工具能读取的格式（DOCX、XLSX、PDF，经 LibreOffice 转换的 DOC/WPS/XLS/ET/RTF，扫描图片 PNG/JPEG/TIFF）。${RESAVE}`,
  };
}

function sniffZip(bytes: Buffer): SniffedFormat {
  const zip = openZip(bytes);
  const { names, complete } = zip;
  const lower = names.map((n) => n.toLowerCase());
  const ooxmlWord = lower.includes('word/document.xml') ||
    (lower.includes('[content_types].xml') && lower.some((n) => n.startsWith('word/') && n.endsWith('.xml')));
  if (!complete) {
    const what = ooxmlWord || lower.includes('[content_types].xml') || names.length === 0 ? 'DOCX 文件' : 'ZIP 压缩文件';
    return {
      kind: 'other',
      code: 'corrupt-file',
      what: `${what}不完整或已损坏（找不到压缩包目录，可能在传输中被截断）。请重新导出或重新发送文件`,
    };
  }
  if (ooxmlWord) return { kind: 'docx', zip };
  if (lower.includes('xl/workbook.xml')) return { kind: 'xlsx', zip };
  if (lower.some((n) => n.startsWith('xl/'))) return unsupported('Excel 工作簿（.xlsx）但缺少 xl/workbook.xml（文件已损坏）');
  if (lower.some((n) => n.startsWith('ppt/'))) return unsupported('PowerPoint 演示文稿（.pptx）');
  if (lower.includes('ofd.xml')) return unsupported('OFD 版式文件（.ofd）');
  if (lower.includes('mimetype') && lower.includes('content.xml')) {
    const mimetype = odfMimetype(zip);
    if (mimetype === 'application/vnd.oasis.opendocument.text') return convertible('odt', 'OpenDocument 文字文档（.odt）');
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return convertible('ods', 'OpenDocument 电子表格（.ods）');
    return unsupported('OpenDocument 文档（.odp 等，不是文字文档或电子表格）');
  }
  if (lower.includes('[content_types].xml')) return unsupported('其他 Office Open XML 文件（不是 Word 文档）');
  return unsupported('ZIP 压缩包（不是 Word 文档）');
}

/** The stored `mimetype` entry of an OpenDocument file (small, read with the guards). */
function odfMimetype(zip: ZipArchive): string | null {
  try {
    return zip.read('mimetype', 256)?.toString('ascii').trim() ?? null;
  } catch {
    return null;
  }
}

function sniffOle2(bytes: Buffer): SniffedFormat {
  const names = new Set((ole2StreamNames(bytes) ?? scanUtf16Names(bytes)).map((n) => n.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) {
    return {
      kind: 'other',
      code: 'encrypted',
      what: '文件设有打开密码（加密的 Office 文档），无法读取。请去除密码后重新提交（在 Word/WPS 中取消文档加密，另存为 DOCX）',
    };
  }
  if (names.has('worddocument')) return convertible('doc', '旧版 Word 97-2003 文档（.doc）或 WPS 文字文档（.wps），虽然扩展名可能是 .docx');
  if (names.has('workbook') || names.has('book')) return convertible('xls', '旧版 Excel 工作簿（.xls）或 WPS 表格（.et）');
  if (names.has('powerpoint document')) return unsupported('旧版 PowerPoint 演示文稿（.ppt）');
  if (names.has('contents') || names.has('wpscontent')) return convertible('wps', 'WPS 文字文档（.wps）');
  return unsupported('旧版 Office 复合文档（OLE2 格式，类型未知）');
}

/**
 * Names of the entries in an OLE2 compound file's directory (header → FAT →
 * directory chain). null when the structure does not hold together; every loop
 * is bounded by the file size, so hostile chains cannot hang it.
 */
export function ole2StreamNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const validSector = (n: number) => n >= 0 && n < sectorCount && sectorOffset(n) + sectorSize <= bytes.length;

  // FAT sector numbers: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = bytes.readUInt32LE(0x4c + i * 4);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = bytes.readInt32LE(0x44);
  for (let guard = 0; validSector(difat) && guard < sectorCount; guard++) {
    const base = sectorOffset(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = bytes.readUInt32LE(base + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = bytes.readInt32LE(base + sectorSize - 4);
  }
  const nextSector = (n: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined || !validSector(fatSector)) return -1;
    return bytes.readInt32LE(sectorOffset(fatSector) + (n % perSector) * 4);
  };

  const names: string[] = [];
  let dir = bytes.readInt32LE(0x30);
  for (let guard = 0; validSector(dir) && guard < sectorCount; guard++) {
    const base = sectorOffset(dir);
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = base + e * 128;
      const nameLength = bytes.readUInt16LE(entry + 0x40);
      const type = bytes[entry + 0x42];
      if (type === 0 || nameLength < 2 || nameLength > 64) continue;
      names.push(bytes.toString('utf16le', entry, entry + nameLength - 2));
    }
    dir = nextSector(dir);
  }
  return names.length > 0 ? names : null;
}

/** Fallback for a damaged OLE2 directory: look for the stream names we care about
 *  as UTF-16LE anywhere in the first megabytes. */
function scanUtf16Names(bytes: Buffer): string[] {
  const window = bytes.subarray(0, 8 * 1024 * 1024);
  return ['EncryptionInfo', 'EncryptedPackage', 'WordDocument', 'Workbook', 'PowerPoint Document'].filter((name) =>
    window.includes(Buffer.from(name, 'utf16le')),
  );
}
