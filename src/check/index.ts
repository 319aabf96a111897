// Phase `check`: record + rules → findings. (Owned by the rules-engine work.)
import type { FormRecord } from '../model/record.js';
import type { Finding } from '../model/report.js';

export interface RuleSet {
  rules: unknown[];
}

/** A malformed rule file: names the file, the rule and the line. Exit status 2. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | null,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'RuleFileError';
  }
}

/** Loads rules/*.yaml from each folder in order; a later rule with the same id replaces an earlier one. */
export function loadRuleSet(_dirs: string[]): RuleSet {
  return { rules: [] };
}

/** Runs every rule that applies to the record's form kind. */
export function checkRecord(_record: FormRecord, _rules: RuleSet): Finding[] {
  return [];
}
