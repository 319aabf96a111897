// Kind `not-a-number` (record.md's cell table): a numeric cell whose text is no number
// ("1.2.3", "约5") — the only finding about that cell; other checks skip it.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { numberLines } from '../../normalize/cell.js';
import { cellIssuePaths } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const notANumber: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'not-a-number',
  meta: {
    title: '数字栏填写的不是数字',
    explanation:
      '金额、执行率、分值、得分栏中的文字无法读作数字（如“1.2.3”“约5”）；一格里分行填了几个数（如“20”下一行“10”，常见于几项指标挤在同一行）也不读作一个数，不会把它们连成“2010”。该单元格只报告这一条，其他需要它的检查跳过。',
    messages: {
      quoted: '{{field}}填写的“{{raw}}”不是一个数字',
      lines: '{{field}}一格里分{{count}}行填了{{lines}}，不能读作一个数字；这一格请只填一个数',
      indicatorLines: '{{field}}一格里分{{count}}行填了{{lines}}，不能读作一个数字；如是几项指标填在了同一行，请每项指标各占一行',
      plain: '{{field}}填写的不是一个数字',
      spreadsheetError: '{{field}}显示的“{{raw}}”是表格公式的错误值（{{meaning}}），不是一个数字；没有数的栏目请填“—”或留空',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    // what reading the cells noticed (record.cellIssues); the raw text only for the message
    for (const path of cellIssuePaths(record, 'nan')) {
      const raw = record.provenance[path]?.raw.trim();
      // figures typed one under the other: each line quoted, the break never lost in a quote
      const lines = numberLines(raw);
      if (lines) {
        drafts.push({ fields: [path], actual: null, expected: null, difference: null,
          messageId: path.startsWith('indicators[') ? 'indicatorLines' : 'lines', data: { field: labelOf(path, record), count: String(lines.length), lines: lines.map((l) => `“${l}”`).join('、') } });
        continue;
      }
      const meaning = raw ? SPREADSHEET_ERRORS[raw.toUpperCase()] : undefined;
      drafts.push({ fields: [path], actual: null, expected: null, difference: null,
        messageId: meaning ? 'spreadsheetError' : raw ? 'quoted' : 'plain', data: { field: labelOf(path, record), ...(raw ? { raw } : {}), ...(meaning ? { meaning } : {}) } });
    }
    return drafts;
  },
};

/** What Excel's and WPS's error values say: a clerk's formula that failed (a rate on a
 *  line budgeted 0 shows #DIV/0!), printed as the cell's text. */
const SPREADSHEET_ERRORS: Record<string, string> = {
  '#DIV/0!': '除数为零，如预算数为0时计算执行率',
  '#VALUE!': '公式引用了不是数字的单元格',
  '#REF!': '公式引用的单元格已被删除',
  '#N/A': '公式查找不到对应的值',
  '#NAME?': '公式中有无法识别的名称',
  '#NUM!': '公式的数值无效',
  '#NULL!': '公式引用的区域不相交',
};
