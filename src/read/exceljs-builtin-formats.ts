// The built-in number formats as Chinese (zh-CN) Excel shows them. A cell styled with a
// built-in format id is saved with that id and no format code (ECMA-376 Part 1
// §18.8.30): the code is implied, and for ids 27–36 and 50–58 (the East Asian dates
// and times) and the system-date ids 14 and 22 it depends on the language of the Excel
// that shows the file. exceljs 4.4 knows only the codes common to all languages; for
// the others it gives no format, so a date typed in Chinese Excel as 2023年10月31日
// (id 31) read as its serial number "45230". The forms are Chinese, filled in Chinese
// Excel or WPS: these ids read here as Chinese Excel shows them. Pinned to exceljs 4.4's
// NumFmtXform.getDefaultFmtCode (lib/xlsx/xform/style/numfmt-xform.js), which the style
// reader asks for a format id the file does not define.
import { createRequire } from 'node:module';

/** The zh-CN codes of ECMA-376 Part 1 §18.8.30 (ids 27–36, 50–58), and ids 14 and 22
 *  as the Chinese system's short date (yyyy/m/d) shows them. */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  14: 'yyyy/m/d',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

interface NumFmtXformLike {
  getDefaultFmtCode(id: number): string | undefined;
}

const require = createRequire(import.meta.url);
const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform.js') as NumFmtXformLike;
const builtin = NumFmtXform.getDefaultFmtCode;

NumFmtXform.getDefaultFmtCode = function (id: number): string | undefined {
  return ZH_CN_BUILTIN_FORMATS[id] ?? builtin.call(this, id);
};
