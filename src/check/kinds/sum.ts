// Kind `sum` (rules.md checks 1–2): a total fund line = Σ its part lines, per money column.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { isReaderLine, parsePath } from '../../model/record-path.js';
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
    explanation: '合计行的每个金额列应等于各分项行同列之和；按四舍五入的区间比较（两位小数的数代表 ±0.005），空白分项按 0 计，合计或全部分项空白时不比较。表中没有列出的分项行不按 0 计：规则给出了它的下级行（expand）且表中列有这些行时，以它们代替，否则不比较。表中列在该合计行下、词表不认识的行（如基本支出下的“其中：对个人和家庭的补助”，或与基本支出、项目支出并列的其他支出行）也计入；只列出一项这样的行而规则所列分项都未列出时不比较。',
    messages: { unequal: '{{totalLabel}}{{total}}，与{{parts}} = {{sum}}不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run: (record, o) => {
    if (o.unlessPrinted && rawValueAt(record, o.unlessPrinted) !== undefined) return [];
    const unknown = unknownParts(record, o.total, o.parts);
    const parts = unprintedExpanded(record, o.parts, o.expand ?? {});
    if (parts) return lineSumDrafts(record, o.total, [...parts, ...unknown], o.columns, 'unequal');
    // The form breaks the line down only into lines the lexicon does not know (基本支出 into
    // 工资福利支出, 商品和服务支出 … with no 人员支出 / 公用支出 rows): their sum is the line.
    // A lone such line is a part of it, not all of it ("其中" names a part).
    const nonePrinted = o.parts.every((p) => !p.endsWith('.*') && rawValueAt(record, p) === undefined);
    return nonePrinted && unknown.length > 1 ? lineSumDrafts(record, o.total, unknown, o.columns, 'unequal') : [];
  },
};

/** The lines the lexicon did not know (extraN) that the form prints as parts of the same
 *  whole as `parts`: those nested under the total line (lineParents: 其中：对个人和家庭的补助
 *  beside 人员支出 and 公用支出 under 基本支出), or, for a group's total (合计, 年度资金总额),
 *  those at the list's first level ((3)经营支出 beside 基本支出 and 项目支出). A line under
 *  another is in that line already and not added. None where the parts already name the
 *  group's lines ("funds.sources.*": they hold them). */
function unknownParts(record: FormRecord, total: string, parts: string[]): string[] {
  const named = parts.map((p) => parsePath(p));
  const first = named.find((p) => p?.kind === 'fund');
  const totalPath = parsePath(total);
  if (first?.kind !== 'fund' || totalPath?.kind !== 'fund' || named.some((p) => p?.kind === 'fund' && p.line === '*')) return [];
  const parents = record.lineParents ?? {};
  return fundLines(record, first.group)
    .filter(isReaderLine)
    .map((line) => `funds.${first.group}.${line}`)
    .filter((path) => !parts.includes(path) && (parents[path] === total || (parents[path] === undefined && totalPath.line === 'total')));
}

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
