// What a rule kind is (ESLint-like: meta, option schema, logic) and what it reports.
import type { z } from 'zod';
import type { FormRecord } from '../model/record.js';
import type { Severity } from '../model/report.js';

/** One problem a kind found; the engine adds rule id, severity and locations. */
export interface Draft {
  fields: string[];
  actual: string | null;
  expected: string | null;
  difference: string | null;
  message: string;
  /** For narrative fields: the figure compared, so locations quote only its mentions. */
  factValues?: Record<string, string>;
}

export interface RuleKind<O = any> {
  name: string;
  meta: { title: string; explanation: string };
  /** The kind's own options (everything in a rule instance besides the common keys). */
  options: z.ZodType<O>;
  run(record: FormRecord, options: O): Draft[];
}

/** A rule instance as loaded from YAML. */
export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  forms: string[];
  layouts?: string[];
  kind: string;
  explain: string;
  options: unknown;
  /** Where it was defined, for `rules list` and messages. */
  file: string;
  line: number;
}
