// Kind `group-weight` (rules.md check 16): a level-1 label that prints its weight
// ("产出指标(50分)") = Σ weights of the indicators under it.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { dec, difference, exactSum } from '../decimal.js';
import { labelText } from '../../normalize/cell.js';
import type { FormRecord, MergedGroup } from '../../model/record.js';
import { mergedGroupIndex } from '../../model/record-constants.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const groupWeight: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'group-weight',
  meta: {
    title: '一级指标标注的分值等于其下指标分值之和',
    explanation: '一级指标名称中标注了分值（如“产出指标(50分)”）时，其下各项指标的分值之和应等于该分值，按精确值比较。',
    messages: { unequal: '一级指标“{{level1}}”标注分值{{weight}}分，其下{{count}}项指标分值之和为{{sum}}分（相差{{difference}}分）' },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    record.indicatorGroups.forEach((g, gi) => {
      if (!('level1' in g)) return; // a goal block's weight (check 33): counted by check 11
      const members = record.indicators
        .map((ind, i) => ({ ind, i }))
        .filter(({ ind }) => labelText(ind.level1) === labelText(g.level1));
      if (members.length === 0) return;
      const ops = memberWeightPaths(record, members.map(({ i }) => i)).map((p) => operand(record, p));
      // check 33: indicators without a weight key are skipped; missing/not-a-number cells skip it too
      if (ops.some((o) => o.state === 'nan' || o.state === 'absent' || o.state === 'missing')) return;
      const values = ops.flatMap((o) => (o.state === 'value' ? [o.value] : []));
      const sum = exactSum(values.map((value) => ({ value })));
      if (dec(sum).eq(g.weight)) return;
      const diff = difference(g.weight, sum);
      drafts.push({
        fields: [`indicatorGroups[${gi}].weight`, 'indicators[*].weight'],
        actual: g.weight,
        expected: sum,
        difference: diff,
        messageId: 'unequal',
        data: { level1: g.level1, weight: g.weight, count: members.length, sum, difference: diff },
      });
    });
    return drafts;
  },
};

/** The weights of a level-1 group's indicators: each one's own, or once the 分值 merged
 *  over several of them (record.md) when all those lie in the group. */
function memberWeightPaths(record: FormRecord, members: number[]): string[] {
  const paths = new Set<string>();
  for (const i of members) {
    const g = 'weight' in record.indicators[i] ? -1 : mergedGroupIndex(record.indicatorGroups, i, 'weight');
    const merged = g >= 0 && (record.indicatorGroups[g] as MergedGroup).indicators.every((m) => members.includes(m));
    paths.add(merged ? `indicatorGroups[${g}].weight` : `indicators[${i}].weight`);
  }
  return [...paths];
}
