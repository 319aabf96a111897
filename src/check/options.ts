// zod pieces shared by the kinds' option schemas: record paths checked on load
// against the path vocabulary (record schema + loaded templates' fund lines). Each is
// built on first use (lazy-zod.ts): a worker thread, which runs rules but never loads
// them, does not load zod.
import { lazySchema } from '../lazy-zod.js';
import { SCHEMA_VOCABULARY, isRulePath, parsePath, type PathVocabulary } from '../model/record-path.js';

let vocabulary: PathVocabulary = SCHEMA_VOCABULARY;

/** Runs `parse` with the fund lines `words` knows (the loader parses rule files synchronously within it). */
export function withVocabulary<T>(words: PathVocabulary, parse: () => T): T {
  const before = vocabulary;
  vocabulary = words;
  try {
    return parse();
  } finally {
    vocabulary = before;
  }
}

/** A record path (record.md) a rule reads; an unknown one refuses the rule file. */
export const fieldPath = lazySchema((z) =>
  z.string().refine((p) => isRulePath(p, vocabulary), { error: (iss) => `未知的字段路径 "${String(iss.input)}"` }),
);

/** A narrative concept path (narrative.facts.<concept>). */
export const factPath = lazySchema(() =>
  fieldPath().refine((p) => parsePath(p)?.kind === 'fact', {
    error: (iss) => `应为文字部分的数据路径 narrative.facts.…，而不是 "${String(iss.input)}"`,
  }),
);

/** A fund line path (funds.sources.total), not a column. */
export const linePath = lazySchema(() =>
  fieldPath().refine(
    (p) => {
      const path = parsePath(p);
      return path?.kind === 'fund' && path.line !== '*' && path.column === null;
    },
    { error: (iss) => `应为资金行路径（如 funds.sources.total），而不是 "${String(iss.input)}"` },
  ),
);

export const moneyColumns = lazySchema((z) => z.array(z.enum(['initial', 'budget', 'actual'])).min(1));

/** A decimal written in YAML as a string or a number. */
export const decimalOption = lazySchema((z) => z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform((v) => String(v)));
