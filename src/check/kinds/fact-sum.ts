// Kind `fact-sum` (rules.md checks 22–26): a total = signed sum of parts, where any operand
// may be a narrative concept (each distinct stated figure is tried: one reading that
// holds is enough) or a table cell.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { FormRecord } from '../../model/record.js';
import { conceptOf, figureInterval, isWholeFigure, type Figure } from '../context.js';
import { dec, difference, exactSum, meets, negIv, sumIv } from '../decimal.js';
import { labelOf } from '../labels.js';
import { amountMoney, operandMoney, tableDecimals } from '../money-text.js';
import { fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { candidates, combinations, exists, nearestBy, sideLabel } from './narrative-common.js';

const part = lazySchema((z) =>
  z
    .object({
      path: fieldPath(),
      /** subtract instead of add (调减预算) */
      minus: z.boolean().default(false),
      /** a part the narrative may leave out; a required part left out skips the rule */
      optional: z.boolean().default(false),
    })
    .strict(),
);

const breakdown = lazySchema((z) => z.object({ total: fieldPath(), parts: z.array(part()).min(1) }).strict());

const options = lazySchema((z) =>
  z
    .object({
      total: fieldPath(),
      /** Other totals the sum may equal instead (a breakdown of all spending, not only basic). */
      orTotals: z.array(fieldPath()).default([]),
      parts: z.array(part()).min(1),
      /** At least this many parts must be stated. */
      minParts: z.number().int().positive().default(1),
      /** At least one of these must be stated (e.g. 追加 or 调减). */
      needAnyOf: z.array(fieldPath()).default([]),
      /** Skip the rule when this sum holds (check 25: the breakdown is of all spending). */
      unlessHolds: breakdown().optional(),
    })
    .strict(),
);

type Options = z.infer<ReturnType<typeof options>>;
type Part = z.infer<ReturnType<typeof part>>;

interface Trial {
  total: Figure;
  values: Array<{ path: string; figure: Figure; minus: boolean }>;
}

/** Does total meet the signed sum, with money tolerance over all operands? */
function holds(total: Figure, values: Trial['values']): boolean {
  const allWhole = [total, ...values.map((v) => v.figure)].every(isWholeFigure);
  const sum = sumIv(values.map((v) => (v.minus ? negIv(figureInterval(v.figure, allWhole)) : figureInterval(v.figure, allWhole))));
  return meets(figureInterval(total, allWhole), sum);
}

/** Every way to pick one figure per stated operand; null when the rule cannot run. */
function trials(record: FormRecord, total: string, parts: Part[], minParts: number): Trial[] | null {
  const t = candidates(record, total);
  if (t === 'skip' || t.length === 0) return null;
  const stated: Array<{ p: Part; list: Figure[] }> = [];
  for (const p of parts) {
    const c = candidates(record, p.path);
    if (c === 'skip') return null;
    if (c.length === 0) {
      if (!p.optional && conceptOf(p.path)) return null; // the narrative did not state it
      continue; // a blank table part counts as nothing
    }
    stated.push({ p, list: c });
  }
  if (stated.length < minParts) return null;
  return combinations([t, ...stated.map((s) => s.list)]).map(([tv, ...vs]) => ({
    total: tv,
    values: vs.map((figure, i) => ({ path: stated[i].p.path, figure, minus: stated[i].p.minus })),
  }));
}

/** total − signed sum of the trial's parts, at the printed values. */
function shortfall(t: Trial): { sum: string; diff: string } {
  const sum = exactSum(t.values.map((v) => ({ value: v.figure.value, sign: v.minus ? -1 : 1 })));
  return { sum, diff: difference(t.total.value, sum) };
}

/** A part's label: narrative concepts bare, table cells marked "表中". */
function partLabel(record: FormRecord, path: string): string {
  return conceptOf(path) ? labelOf(path) : sideLabel(record, path);
}

export const factSum: RuleKind<Options> = {
  name: 'fact-sum',
  meta: {
    title: '文字部分的合计等于其分项',
    explanation: '文字部分所述的合计应等于其分项之和（或与表中对应单元格相符），按四舍五入的区间比较；约数不比较。分项没有写出时不检查；同一概念写了几个不同的数时，每种搭配都试，有一种相符即为相符，都不相符时只报告最接近相符的一种。',
    messages: {
      narrativeTotal: '{{total}}，与{{parts}} = {{sum}}不一致（相差{{difference}}）',
      tableTotal: '{{total}}，与文字部分所述{{parts}} = {{sum}}不一致（相差{{difference}}）',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    if (o.needAnyOf.length > 0 && !o.needAnyOf.some((p) => exists(record, p))) return [];
    if (o.unlessHolds) {
      const u = o.unlessHolds;
      const ts = trials(record, u.total, u.parts, 1);
      if (ts && ts.some((t) => holds(t.total, t.values))) return [];
    }
    const ts = trials(record, o.total, o.parts, o.minParts);
    if (!ts) return [];
    const alternatives = o.orTotals.flatMap((p) => {
      const c = candidates(record, p);
      return c === 'skip' ? [] : c;
    });
    // A concept stated with several figures (a budget's and an outturn's 基本支出, a unit's
    // own 全年支出): the identity holds when any one way of reading them makes it hold.
    if (ts.some((t) => holds(t.total, t.values) || alternatives.some((alt) => holds(alt, t.values)))) return [];
    // the failing trial to report: the one nearest to holding
    const t = nearestBy(ts, (x) => dec(shortfall(x).diff).abs());
    const { sum, diff } = shortfall(t);
    const factValues: Record<string, string> = {};
    for (const v of [{ path: o.total, figure: t.total }, ...t.values]) if (conceptOf(v.path)) factValues[v.path] = v.figure.value;
    // computed amounts keep the decimals the table cells in the sum print (2 when none is a cell)
    const cells = [{ path: o.total, figure: t.total }, ...t.values].filter((v) => !conceptOf(v.path));
    const places = cells.length > 0 ? Math.max(...cells.map((v) => tableDecimals(record, v.figure.value))) : 2;
    const partsText = t.values
      .map((v, i) => `${v.minus ? ' − ' : i === 0 ? '' : ' + '}${partLabel(record, v.path)}${operandMoney(record, v.path, v.figure.value)}`)
      .join('');
    return [
      {
        fields: [o.total, ...o.orTotals.filter((p) => exists(record, p)), ...t.values.map((v) => v.path)],
        actual: t.total.value,
        expected: sum,
        difference: diff,
        factValues,
        messageId: conceptOf(o.total) ? 'narrativeTotal' : 'tableTotal',
        data: {
          total: sideLabel(record, o.total) + operandMoney(record, o.total, t.total.value),
          parts: partsText,
          sum: amountMoney(record, sum, places),
          difference: amountMoney(record, diff, places),
        },
      },
    ];
  },
};
