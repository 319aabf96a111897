// Kind `grade`: a printed 自评等级 (优/良/中/差) agrees with the total score (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import { operand } from '../context.js';
import { dec } from '../decimal.js';
import type { RuleKind } from '../types.js';

const options = lazySchema((z) => z.object({}).strict());

function gradeFor(score: string): string {
  const s = dec(score);
  if (s.gte(90)) return '优';
  if (s.gte(80)) return '良';
  if (s.gte(60)) return '中';
  return '差';
}

/** A check box, ticked or not, as forms print them (the DOCX reader maps Wingdings boxes to these). */
const BOX = /[□☐☑☒■▣√✓✔]/;
/** A ticked box and the grade word after it. */
const TICKED = /[☑☒■▣√✓✔]([优良中差])/;

/** The grade letter a printed grade names ("优秀" → 优, "良好" → 良; in a row of check
 *  boxes, "☐优 ☑良 ☐中 ☐差", the ticked one), or null (no box ticked: no grade given). */
function printedGrade(text: string): string | null {
  const flat = text.replace(/\s+/g, '');
  if (BOX.test(flat)) return TICKED.exec(flat)?.[1] ?? null;
  const m = /[优良中差]/.exec(flat);
  return m ? m[0] : null;
}

export const grade: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'grade',
  meta: {
    title: '自评等级与总得分相符',
    explanation: '表中印出的自评等级应与总得分相符：90 分及以上为优，80（含）–90 分为良，60（含）–80 分为中，60 分以下为差。仅作提示。',
    messages: { mismatch: '自评等级为“{{printed}}”，但总得分{{score}}分对应的等级是“{{grade}}”' },
  },
  get options() {
    return options();
  },
  run(record) {
    if (!record.grade) return [];
    const printed = printedGrade(record.grade);
    const total = operand(record, 'total.score');
    if (!printed || total.state !== 'value') return [];
    const want = gradeFor(total.value);
    if (want === printed) return [];
    return [{ fields: ['grade', 'total.score'], actual: record.grade, expected: want, difference: null,
      messageId: 'mismatch', data: { printed: record.grade, score: total.value, grade: want } }];
  },
};
