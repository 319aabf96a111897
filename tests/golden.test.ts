// Golden cases: every fixture with a hand-written expectation gives exactly its
// expected records and findings (errors and warnings one-to-one; listed infos present).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile } from '../src/pipeline.js';
import { findSoffice } from '../src/read/soffice.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { RecordSchema, ReportSchema } from '../src/index.js';
import { describeFinding, FIXTURES, loadExpectations, matchFindings } from './helpers/expected.js';

const expectations = loadExpectations();
let rules: RuleSet;
let templates: TemplateSet;

beforeAll(() => {
  rules = loadRuleSet([bundledRulesDir()]);
  templates = loadTemplates([bundledTemplatesDir()]);
});

describe('golden fixtures', () => {
  it('has expectations to check', () => {
    expect(expectations.length).toBeGreaterThan(0);
  });

  for (const exp of expectations) {
    const file = join(FIXTURES, exp.file);
    describe(exp.name, () => {
      it('fixture file exists', () => {
        expect(existsSync(file), `${exp.file} missing — run npm run fixtures`).toBe(true);
      });

      it('gives the expected records and exactly the expected findings', { timeout: 120_000 }, async () => {
        // .doc/.rtf/.xls fixtures go through LibreOffice (.ci/run installs it)
        const { report, records } = await processFile(file, { rules, templates, displayPath: exp.file, soffice: findSoffice() });
        expect(ReportSchema.parse(report)).toBeTruthy();
        if (exp.failure) {
          expect(report.status).toBe('failed');
          expect(report.error?.code).toBe(exp.failure.code);
          return;
        }
        expect(report.error, JSON.stringify(report.error)).toBeNull();
        expect(records).toHaveLength(exp.forms.length);
        exp.forms.forEach((form, i) => {
          RecordSchema.parse(records[i]);
          if (form.record) expect(records[i]).toMatchObject(form.record);
          if (form.facts) {
            const got = Object.fromEntries(
              Object.entries(records[i].narrative.facts).map(([k, v]) => [k, v.map((f) => f.value)]),
            );
            for (const [concept, values] of Object.entries(form.facts)) {
              expect(got[concept] ?? [], `facts ${concept}`).toEqual(values);
            }
          }
        });
        const { missing, unexpected } = matchFindings(report.findings, exp.findings);
        const detail =
          `missing:\n${missing.map(describeFinding).join('\n')}\nunexpected:\n${unexpected.map(describeFinding).join('\n')}`;
        expect(missing.length + unexpected.length, detail).toBe(0);
        const hasProblems = report.findings.some((f) => f.severity !== 'info');
        expect(report.status).toBe(hasProblems ? 'discrepancies' : 'ok');
      });
    });
  }
});
