// A resubmission against the submission before it: which values changed, which earlier
// findings are gone (已改正), still there (仍存在) or new (新问题). Pure: two records and
// two reports' findings in, one comparison out — the same inputs give the same text.
//
// A finding is the same finding across submissions when its rule id and its fields match
// (the first field, then the others as a set), with an indicator named by its 三级指标
// text instead of its index — a department that inserts a row moves every index below it —
// and its numbers ignored (a corrected total that is still wrong is still the same slip).
// Info findings never change a form's status and are not compared.
import type { FormRecord, Indicator } from '../model/record.js';
import { FUND_COLUMNS, INDICATOR_FIELDS } from '../model/record-constants.js';
import { pathLabel, REPORT_WORDING } from '../model/record-path.js';
import { INDICATOR_FIELD_NAMES } from '../model/names.js';
import type { Finding, Resubmission, ResubmittedFinding, ValueChange } from '../model/report.js';

/** An indicator's 三级指标 as compared: width, spaces and its printed numbering ("指标1：", "1.", "（1）") removed. */
export function indicatorText(name: string | null): string | null {
  if (name === null) return null;
  const text = name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^(?:指标\d+[:：.、]?|\d+[.、:：]|\(\d+\)|[①-⑳])/u, '');
  return text || null;
}

/** Each indicator's identity in its record: its text, with #2… when the form prints the same text twice; #index when it has none. */
export function indicatorIds(indicators: Indicator[]): string[] {
  const seen = new Map<string, number>();
  return indicators.map((indicator, index) => {
    const text = indicatorText(indicator.name);
    if (text === null) return `#${index + 1}`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text}#${n}`;
  });
}

const INDICATOR_PATH = /^indicators\[(\d+)\]\.(.+)$/;

/** A field with its indicator index replaced by the indicator's identity. */
function stableField(field: string, ids: string[]): string {
  const m = INDICATOR_PATH.exec(field);
  if (!m) return field;
  const id = ids[Number(m[1])];
  return `indicators[「${id ?? `#${Number(m[1]) + 1}`}」].${m[2]}`;
}

/** The identity of a finding across submissions. */
export function findingKey(finding: Pick<Finding, 'rule' | 'fields'>, ids: string[]): string {
  const [first, ...rest] = finding.fields.map((f) => stableField(f, ids));
  return [finding.rule, first, ...[...new Set(rest)].sort()].join('\u0001');
}

const compared = (findings: Finding[], formIndex: number): Array<[Finding, number]> =>
  findings.flatMap((f, i): Array<[Finding, number]> => ((f.formIndex ?? 0) === formIndex && f.severity !== 'info' ? [[f, i]] : []));

function summary(f: Finding, index?: number): ResubmittedFinding {
  return { ...(index === undefined ? {} : { finding: index }), rule: f.rule, severity: f.severity, fields: f.fields, message: f.message };
}

export interface Side {
  record: FormRecord;
  /** The whole file's findings; the form's own are picked by formIndex. */
  findings: Finding[];
  formIndex: number;
}

export interface PreviousSubmission {
  sha256: string;
  path: string;
  status: 'ok' | 'discrepancies';
}

/** The comparison of `current` (the file being checked) with `previous` (the submission before it). */
export function compareSubmissions(previous: Side, current: Side, meta: { submission: number; previous: PreviousSubmission }): Resubmission {
  const beforeIds = indicatorIds(previous.record.indicators);
  const afterIds = indicatorIds(current.record.indicators);
  // multisets: a key that occurs twice needs two matches
  const waiting = new Map<string, Array<[Finding, number]>>();
  for (const entry of compared(previous.findings, previous.formIndex)) {
    const key = findingKey(entry[0], beforeIds);
    waiting.set(key, [...(waiting.get(key) ?? []), entry]);
  }
  const persisting: ResubmittedFinding[] = [];
  const added: ResubmittedFinding[] = [];
  for (const [finding, index] of compared(current.findings, current.formIndex)) {
    const key = findingKey(finding, afterIds);
    const earlier = waiting.get(key);
    if (earlier && earlier.length > 0) {
      earlier.shift();
      persisting.push(summary(finding, index));
    } else {
      added.push(summary(finding, index));
    }
  }
  const resolved = compared(previous.findings, previous.formIndex)
    .filter(([finding]) => {
      const left = waiting.get(findingKey(finding, beforeIds));
      return left?.some(([f]) => f === finding) ?? false;
    })
    .map(([finding]) => summary(finding));
  return {
    formIndex: current.formIndex,
    submission: meta.submission,
    previous: meta.previous,
    changes: valueChanges(previous.record, current.record),
    resolved,
    persisting,
    new: added,
  };
}

/** "第2次提交：已改正 3 项，仍存在 1 项，新问题 0 项" */
export function resubmissionLine(r: Pick<Resubmission, 'submission'> & { resolved: unknown[] | number; persisting: unknown[] | number; new: unknown[] | number }): string {
  const n = (x: unknown[] | number) => (typeof x === 'number' ? x : x.length);
  return `第${r.submission}次提交：已改正 ${n(r.resolved)} 项，仍存在 ${n(r.persisting)} 项，新问题 ${n(r.new)} 项`;
}

// ---- values that changed ----

const shortName = (name: string | null, id: string): string => {
  const text = name ?? id;
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
};

function change(field: string, label: string, before: string | null, after: string | null): ValueChange {
  return { field, label, before, after };
}

/** Fund cells, indicators (matched by their text), totals, grade, goals and the narrative's figures that differ. */
export function valueChanges(before: FormRecord, after: FormRecord): ValueChange[] {
  const out: ValueChange[] = [];
  const ctx = { form: after.form, lineLabels: { ...before.lineLabels, ...after.lineLabels }, indicatorGroups: after.indicatorGroups };
  for (const group of ['sources', 'uses'] as const) {
    const b = before.funds[group] ?? {};
    const a = after.funds[group] ?? {};
    const lines = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const line of lines) {
      if (!Object.hasOwn(a, line) || !Object.hasOwn(b, line)) continue; // a line one form does not print is no changed value
      for (const column of FUND_COLUMNS) {
        // a column one layout does not print is not a value, and never a blank
        if (!Object.hasOwn(a[line], column) || !Object.hasOwn(b[line], column)) continue;
        const x = b[line][column] ?? null;
        const y = a[line][column] ?? null;
        if (x !== y) {
          const field = `funds.${group}.${line}.${column}`;
          out.push(change(field, pathLabel(field, REPORT_WORDING, ctx), x, y));
        }
      }
    }
  }
  const beforeIds = indicatorIds(before.indicators);
  const afterIds = indicatorIds(after.indicators);
  const earlier = new Map(beforeIds.map((id, i) => [id, before.indicators[i]]));
  const later = new Set(afterIds);
  after.indicators.forEach((indicator, i) => {
    const old = earlier.get(afterIds[i]);
    const name = shortName(indicator.name, afterIds[i]);
    if (!old) {
      out.push(change(`indicators[${i}].name`, `新增指标“${name}”`, null, indicator.name));
      return;
    }
    for (const field of INDICATOR_FIELDS) {
      if (field === 'name' || !Object.hasOwn(indicator, field) || !Object.hasOwn(old, field)) continue;
      const x = (old[field] as string | null | undefined) ?? null;
      const y = (indicator[field] as string | null | undefined) ?? null;
      if (x !== y) out.push(change(`indicators[${i}].${field}`, `指标“${name}”·${INDICATOR_FIELD_NAMES[field] ?? field}`, x, y));
    }
  });
  before.indicators.forEach((indicator, i) => {
    if (!later.has(beforeIds[i])) out.push(change(`indicators[${i}].name`, `删去指标“${shortName(indicator.name, beforeIds[i])}”`, indicator.name, null));
  });
  for (const field of ['weight', 'score'] as const) {
    const x = before.total[field];
    const y = after.total[field];
    if (x !== y) out.push(change(`total.${field}`, pathLabel(`total.${field}`, REPORT_WORDING, ctx), x, y));
  }
  if (before.grade !== after.grade) out.push(change('grade', pathLabel('grade', REPORT_WORDING, ctx), before.grade, after.grade));
  const goals = Math.min(before.goals.length, after.goals.length);
  for (let i = 0; i < goals; i++) {
    for (const field of ['target', 'result'] as const) {
      const x = before.goals[i][field];
      const y = after.goals[i][field];
      if (x !== y) out.push(change(`goals[${i}].${field}`, `年度目标${goals > 1 ? i + 1 : ''}·${field === 'target' ? '目标' : '完成情况'}`, x, y));
    }
  }
  const concepts = [...new Set([...Object.keys(before.narrative.facts), ...Object.keys(after.narrative.facts)])].sort();
  for (const concept of concepts) {
    const values = (r: FormRecord) => {
      const facts = r.narrative.facts[concept];
      return facts && facts.length > 0 ? [...new Set(facts.map((f) => f.value))].sort().join('、') : null;
    };
    const x = values(before);
    const y = values(after);
    if (x !== y) {
      const field = `narrative.facts.${concept}`;
      out.push(change(field, pathLabel(field, REPORT_WORDING, ctx), x, y));
    }
  }
  return out;
}
