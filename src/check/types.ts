// What a rule kind is (ESLint-like: meta with its message templates, option schema,
// logic) and what it reports: a message id and data, never free text.
import type { z } from 'zod';
import type { FormRecord } from '../model/record.js';
import type { MessageData, Severity } from '../model/report.js';

export type { MessageData };

/** One problem a kind found; the engine adds rule id, severity, locations and the rendered message. */
export interface Draft {
  fields: string[];
  actual: string | null;
  expected: string | null;
  difference: string | null;
  /** A key of the kind's meta.messages. */
  messageId: string;
  /** The values its template names ({{key}}). */
  data: MessageData;
  /** For narrative fields: the figure compared, so locations quote only its mentions. */
  factValues?: Record<string, string>;
}

export interface RuleKind<O = any> {
  name: string;
  meta: {
    title: string;
    explanation: string;
    /** Chinese message templates by id; `{{key}}` is replaced by data[key]. */
    messages: Record<string, string>;
  };
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
