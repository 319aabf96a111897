// Kind `breakdown-sum`: a fund line printed with a breakdown under it (（1）财政拨款 /
// 其中：本级财政资金 / 上级补助资金) equals the sum of that breakdown, per money column.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { linePath, moneyColumns } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { lineSumDrafts } from './line-sum.js';

const options = lazySchema((z) =>
  z
    .object({
      columns: moneyColumns(),
      /** Only the breakdowns of this group's lines (资金来源 / 资金结构); both when absent. */
      group: z.enum(['sources', 'uses']).optional(),
      /** Parent lines whose breakdown another rule adds up (基本支出's, check 2): not compared here. */
      except: z.array(linePath()).optional(),
    })
    .strict(),
);

/** Each parent line with the lines printed under it (record.lineParents), in record order. */
function breakdowns(record: FormRecord, group: string | undefined, except: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [line, parent] of Object.entries(record.lineParents ?? {})) {
    if (group && !parent.startsWith(`funds.${group}.`)) continue;
    if (except.includes(parent)) continue;
    out.set(parent, [...(out.get(parent) ?? []), line]);
  }
  return out;
}

export const breakdownSum: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'breakdown-sum',
  meta: {
    title: '分项行等于其下明细之和',
    explanation: '表中在某一行下列出的明细（“其中：”各行，或（1）下的①②各行）之和，应等于该行；各金额列分别核对，按四舍五入的区间比较，空白明细按 0 计，该行或全部明细空白时不比较。只列出一项明细（“其中”只说明一部分）时不比较。',
    messages: { unequal: '{{totalLabel}}{{total}}，与其下所列{{parts}} = {{sum}}不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run: (record, o) => {
    const drafts: Draft[] = [];
    for (const [parent, lines] of breakdowns(record, o.group, o.except ?? [])) {
      // one line under 其中 names a part of its parent, not all of it
      if (lines.length > 1) drafts.push(...lineSumDrafts(record, parent, lines, o.columns, 'unequal'));
    }
    return drafts;
  },
};
