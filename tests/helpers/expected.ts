// Loads the hand-written expectations (tests/expected/*.json) and matches
// produced findings against them the way report.md says other tools do:
// by severity, fields and numbers — rule ids are ours to rename.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/model/report.js';

export interface ExpectedFinding {
  severity: 'error' | 'warning' | 'info';
  fields: string[];
  actual?: string | null;
  expected?: string | null;
  difference?: string | null;
  formIndex?: number;
}

export interface ExpectedFixture {
  name: string;
  file: string;
  notes?: string;
  failure: { code: string } | null;
  forms: Array<{ record?: Record<string, unknown>; facts?: Record<string, string[]> }>;
  findings: ExpectedFinding[];
}

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
const EXPECTED_DIR = join(ROOT, 'tests', 'expected');

export function loadExpectations(): ExpectedFixture[] {
  let names: string[] = [];
  try {
    names = readdirSync(EXPECTED_DIR).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ name: n.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(EXPECTED_DIR, n), 'utf8')) }));
}

export function findingMatches(got: Finding, want: ExpectedFinding): boolean {
  if (got.severity !== want.severity) return false;
  if (got.fields[0] !== want.fields[0]) return false;
  if (!want.fields.every((f) => got.fields.includes(f))) return false;
  for (const key of ['actual', 'expected', 'difference'] as const) {
    if (key in want && want[key] !== got[key]) return false;
  }
  if (want.formIndex !== undefined && (got.formIndex ?? 0) !== want.formIndex) return false;
  return true;
}

/** Pairs every expected finding with a distinct produced one; returns what is left on each side. */
export function matchFindings(got: Finding[], want: ExpectedFinding[]) {
  const remaining = [...got];
  const missing: ExpectedFinding[] = [];
  for (const w of want) {
    const i = remaining.findIndex((g) => findingMatches(g, w));
    if (i < 0) missing.push(w);
    else remaining.splice(i, 1);
  }
  const unexpected = remaining.filter((g) => g.severity !== 'info');
  return { missing, unexpected };
}

export function describeFinding(f: Finding | ExpectedFinding): string {
  return `${f.severity} [${f.fields.join(', ')}] actual=${f.actual} expected=${f.expected} diff=${f.difference}` +
    ('message' in f ? ` — ${f.message}` : '');
}
