// zod pieces shared by the kinds' option schemas: record paths checked on load.
import { z } from 'zod';
import { isKnownPath } from './fieldpaths.js';

/** A record path (record.md) a rule reads; an unknown one refuses the rule file. */
export const fieldPath = z.string().refine(isKnownPath, { error: (iss) => `未知的字段路径 "${String(iss.input)}"` });

/** A narrative concept path (narrative.facts.<concept>). */
export const factPath = fieldPath.refine((p) => p.startsWith('narrative.facts.'), {
  error: (iss) => `应为文字部分的数据路径 narrative.facts.…，而不是 "${String(iss.input)}"`,
});

/** A fund line path (funds.sources.total), not a column. */
export const linePath = fieldPath.refine((p) => /^funds\.(sources|uses)\.[A-Za-z]+$/.test(p), {
  error: (iss) => `应为资金行路径（如 funds.sources.total），而不是 "${String(iss.input)}"`,
});

export const moneyColumns = z.array(z.enum(['initial', 'budget', 'actual'])).min(1);

/** A decimal written in YAML as a string or a number. */
export const decimalOption = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform((v) => String(v));
