// Kind `cell-unit` (rules.md check 32): a money cell that prints its own unit other than the
// form's ("11723500元" in a 万元 form) was converted exactly (the point moved) — a note only.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { cellIssuePaths, operand } from '../context.js';
import { labelOf } from '../labels.js';
import { tableMoney } from '../money-text.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

export const cellUnit: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'cell-unit',
  meta: {
    title: '单元格自带的金额单位与表头不同',
    explanation: '金额单元格写明了自己的单位，且与表中金额单位不同（如以万元填报的表中写“11723500元”），按单元格所写的单位换算（移动小数点，数字不变）后计入。仅作提示，请核实换算是否符合原意。',
    messages: {
      written: '{{field}}写作“{{raw}}”，自带单位{{own}}，与表中金额单位{{unit}}不同，已换算为{{converted}}计入，请核实',
      unquoted: '{{field}}以{{own}}填写，自带单位{{own}}，与表中金额单位{{unit}}不同，已换算为{{converted}}计入，请核实',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    const drafts: Draft[] = [];
    // what reading the cells noticed (record.cellIssues); the raw text only for the message
    for (const path of cellIssuePaths(record, 'unit')) {
      const o = operand(record, path);
      if (o.state !== 'value') continue;
      const raw = record.provenance[path]?.raw.replace(/[\s\u3000]+/g, '');
      const own = raw ? (/万元$/.test(raw) ? '万元' : '元') : record.sourceUnit === '万元' ? '元' : '万元';
      drafts.push({
        fields: [path],
        actual: o.value,
        expected: null,
        difference: null,
        messageId: raw ? 'written' : 'unquoted',
        data: { field: labelOf(path, record), ...(raw ? { raw } : {}), own, unit: record.sourceUnit, converted: tableMoney(record, o.value) },
      });
    }
    return drafts;
  },
};
