// Kind `report-unbound`: a 自评报告 printed in the file whose title names a form the file
// does not hold (or several of its forms, none the one it follows) is bound to no form
// (recognize/report-binding.ts): compared with another form's table its figures would only
// make false errors, so they are compared with none. Without this finding that would be
// silent — staff would take the report as checked.
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

/** The reason as a message clause: its closing punctuation dropped. */
const clause = (s: string) => s.trim().replace(/[。．.；;，,]+$/, '');

export const reportUnbound: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'report-unbound',
  meta: {
    title: '自评报告未对应本文件中的任何表',
    explanation:
      '自评报告按标题归属：标题写明的表种（部门整体/项目）和单位或项目名称与本文件中某张表相符时，才与那张表核对；一张也不相符，或与几张相符却不是其前所附的那张时，不与任何表核对（与别的表比对只会报出错误的差异），每篇这样的报告提示一次，写明其标题、所在页（PDF）和原因。',
    messages: {
      unbound: '文件中有一篇自评报告“{{title}}”{{where}}，但{{reason}}，未能确定它是哪张表的报告：报告中的数字未与任何表核对。请人工核对是否附错了报告或漏附了表。',
    },
  },
  get options() {
    return options();
  },
  run(record) {
    return (record.unboundReports ?? []).map((u): Draft => ({
      fields: ['unboundReports'],
      actual: null,
      expected: null,
      difference: null,
      messageId: 'unbound',
      data: { title: u.title, where: u.page !== null ? `（第${u.page}页）` : '', reason: clause(u.reason) },
    }));
  },
};
