// Kind `narrative-score` (an extra check, info): the 自评得分 the narrative states
// ("该项目自评得分99.85分") agrees with the total line's score, each rounded as printed.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { difference, meets, scoreInterval } from '../decimal.js';
import { factPath, fieldPath } from '../options.js';
import type { RuleKind } from '../types.js';
import { nearest, sideLabel, statedValues } from './narrative-common.js';

const options = lazySchema((z) => z.object({ fact: factPath(), table: fieldPath() }).strict());

export const narrativeScore: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'narrative-score',
  meta: {
    title: '文字部分所述自评得分与表中一致',
    explanation:
      '文字部分所述的自评得分（综合得分）应与表中总分一行的得分相符，按其末位小数四舍五入比较；表中得分带小数时，文字部分的整数得分视为四舍五入的结果（99.85 分可写作 100 分）。约数不比较；写了几个不同的得分时（如另写某个项目的），有一个相符即为相符。',
    messages: { unequal: '{{fact}}{{value}}分，与{{table}}{{expected}}分不一致（相差{{difference}}分）' },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const stated = statedValues(record, o.fact);
    const table = operand(record, o.table);
    if (stated.length === 0 || table.state !== 'value') return [];
    const t = table.value;
    const tableRounded = t.includes('.');
    if (stated.some((v) => meets(scoreInterval(v, tableRounded), scoreInterval(t)))) return [];
    const value = nearest(stated, t);
    const diff = difference(value, t);
    return [
      {
        fields: [o.fact, o.table],
        actual: value,
        expected: t,
        difference: diff,
        factValues: { [o.fact]: value },
        messageId: 'unequal',
        data: { fact: sideLabel(record, o.fact), value, table: sideLabel(record, o.table), expected: t, difference: diff },
      },
    ];
  },
};
