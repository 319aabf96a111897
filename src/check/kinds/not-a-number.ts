// Kind `not-a-number` (record.md's cell table): a numeric cell whose text is no number
// ("1.2.3", "约5") — the only finding about that cell; other checks skip it.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { cellIssuePaths } from '../context.js';
import { labelOf } from '../labels.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const notANumber: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'not-a-number',
  meta: {
    title: '数字栏填写的不是数字',
    explanation: '金额、执行率、分值、得分栏中的文字无法读作数字（如“1.2.3”“约5”）。该单元格只报告这一条，其他需要它的检查跳过。',
    messages: {
      quoted: '{{field}}填写的“{{raw}}”不是一个数字',
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
