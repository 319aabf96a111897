// Kind `narrative-equals-table` (rules.md check 21): a figure the narrative states for a
// concept equals its table counterpart — once per distinct stated figure.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { conceptOf, figureInterval, isWholeFigure } from '../context.js';
import { difference, meets } from '../decimal.js';
import { amountMoney, operandMoney, tableDecimals } from '../money-text.js';
import { factPath, fieldPath } from '../options.js';
import type { Draft, RuleKind } from '../types.js';
import { candidates, sideLabel } from './narrative-common.js';

const options = lazySchema((z) => z.object({ fact: factPath(), table: fieldPath() }).strict());

export const narrativeEqualsTable: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'narrative-equals-table',
  meta: {
    title: '文字部分的金额与表中一致',
    explanation: '文字部分（评价报告综述）所述的金额应与表中对应的单元格一致，按四舍五入的区间比较（以亿元写的数按其所写位数取区间，如“1.17亿元”代表11650–11750万元）；“万余元”之类的约数不比较。同一概念写了几个不同的数时，每个数都比较。',
    messages: { unequal: '{{fact}}{{value}}，与{{table}}不一致（相差{{difference}}）' },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const facts = candidates(record, o.fact);
    const table = candidates(record, o.table);
    if (facts === 'skip' || table === 'skip' || table.length === 0) return [];
    const cell = table[0];
    const t = cell.value;
    const drafts: Draft[] = [];
    for (const fact of facts) {
      const v = fact.value;
      const allWhole = isWholeFigure(fact) && isWholeFigure(cell);
      if (meets(figureInterval(fact, allWhole), figureInterval(cell, allWhole))) continue;
      const diff = difference(v, t);
      drafts.push({
        fields: [o.fact, o.table],
        actual: v,
        expected: t,
        difference: diff,
        factValues: { [o.fact]: v },
        messageId: 'unequal',
        data: {
          fact: sideLabel(record, o.fact),
          value: operandMoney(record, o.fact, v),
          table: sideLabel(record, o.table) + operandMoney(record, o.table, t),
          difference: amountMoney(record, diff, conceptOf(o.table) ? 2 : tableDecimals(record, t)),
        },
      });
    }
    return drafts;
  },
};
