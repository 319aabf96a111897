// Kind `sum` (rules.md checks 1–2): a total fund line = Σ its part lines, per money column.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { parsePath } from '../../model/record-path.js';
import { fundLines, rawValueAt } from '../context.js';
import { fieldPath, linePath, moneyColumns } from '../options.js';
import type { RuleKind } from '../types.js';
import { lineSumDrafts } from './line-sum.js';

const options = lazySchema((z) =>
  z
    .object({
      total: linePath(),
      /** Part lines; "funds.sources.*" stands for every other line of the block. */
      parts: z.array(fieldPath()).min(1),
      columns: moneyColumns(),
      /** A part line the form does not print stands for these lines of its, where the
       *  form prints them (基本支出 = 人员支出 + 公用支出 when no 基本支出 row is printed). */
      expand: z.record(linePath(), z.array(linePath()).min(1)).optional(),
      /** The rule stands in for a total the form may not print: it applies only where the
       *  form does not print this line (年度资金总额 as the total of the uses lines where
       *  the form prints no 资金结构合计). */
      unlessPrinted: linePath().optional(),
    })
    .strict(),
);

export const sum: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'sum',
  meta: {
    title: '合计等于各分项之和',
    explanation: '合计行的每个金额列应等于各分项行同列之和；按四舍五入的区间比较（两位小数的数代表 ±0.005），空白分项按 0 计，合计或全部分项空白时不比较。表中没有列出的分项行不按 0 计：规则给出了它的下级行（expand）且表中列有这些行时，以它们代替，否则不比较。',
    messages: { unequal: '{{totalLabel}}{{total}}，与{{parts}} = {{sum}}不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run: (record, o) => {
    if (o.unlessPrinted && rawValueAt(record, o.unlessPrinted) !== undefined) return [];
    const parts = unprintedExpanded(record, o.parts, o.expand ?? {});
    return parts ? lineSumDrafts(record, o.total, parts, o.columns, 'unequal') : [];
  },
};

/** `parts` with a named part the form does not print replaced by its own lines
 *  (`expand`) where the form prints any of them; null — no sum to check — when a named
 *  part is not printed and cannot be: a sum without it would be short, not wrong
 *  (基本支出 + 项目支出 with no 基本支出 row). Not expanded either where another part is
 *  missing too, or where the block holds a line the lexicon did not know (extraN): that
 *  line might be the missing part, or one of its. "funds.uses.*" names no part. */
function unprintedExpanded(record: FormRecord, parts: string[], expand: Record<string, string[]>): string[] | null {
  const unprinted = parts.filter((part) => !part.endsWith('.*') && rawValueAt(record, part) === undefined);
  if (unprinted.length === 0) return parts;
  if (unprinted.length > 1) return null;
  const [part] = unprinted;
  const lines = expand[part];
  const path = parsePath(part);
  if (!lines || path?.kind !== 'fund' || fundLines(record, path.group).some((l) => l.startsWith('extra'))) return null;
  if (!lines.some((l) => rawValueAt(record, l) !== undefined)) return null;
  return parts.flatMap((p) => (p === part ? lines : [p]));
}
