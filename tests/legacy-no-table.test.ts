// A legacy Word document that LibreOffice converts into a DOCX holding no table (the form
// was a picture or text boxes, or the conversion kept only paragraphs — LibreOffice 7.4
// saving a DOCX straight to .doc drops its tables: fixtures/bad/legacy-word97.docx, made by
// scripts/gen-bad-fixtures.ts). The failure says what happened and what to do, in the
// ordinary shape of a file not read; it used to say that neither a fund table nor the
// form's title was found, though the title is there (probe T, L5 saved straight to .doc).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/check/index.js';
import { bundledRulesDir, bundledTemplatesDir } from '../src/paths.js';
import { processFile } from '../src/pipeline.js';
import { findSoffice } from '../src/read/soffice.js';
import { loadTemplates, type TemplateSet } from '../src/recognize/index.js';
import { ReportSchema } from '../src/index.js';
import { FIXTURES } from './helpers/expected.js';

const soffice = findSoffice();
let rules: RuleSet;
let templates: TemplateSet;

beforeAll(() => {
  rules = loadRuleSet([bundledRulesDir()]);
  templates = loadTemplates([bundledTemplatesDir()]);
});

describe.skipIf(!soffice)('a .doc whose conversion keeps no table', () => {
  it('fails as not read, saying it was converted by LibreOffice and holds no table, and what to do', { timeout: 120_000 }, async () => {
    const { report, records } = await processFile(join(FIXTURES, 'bad', 'legacy-word97.docx'), { rules, templates, displayPath: 'legacy-word97.docx', soffice });
    expect(ReportSchema.parse(report)).toBeTruthy();
    expect(records).toEqual([]);
    expect(report).toMatchObject({ status: 'failed', form: null, forms: [], findings: [], source: { format: 'docx', convertedFrom: 'doc' } });
    expect(report.error?.code).toBe('unrecognized-form');
    const message = report.error!.message;
    for (const part of ['Word 97-2003 文档（.doc）', '已由 LibreOffice 转换为 DOCX', '没有任何表格', '图片或文本框', '另存为 DOCX']) expect(message).toContain(part);
    // not the message of a document in which nothing of a form was found
    expect(message).not.toContain('也没有');
  });

  it('leaves a converted .doc that keeps its table alone (read as before)', { timeout: 120_000 }, async () => {
    const { report, records } = await processFile(join(FIXTURES, 'office', 'seed-yuelu-2022.doc'), { rules, templates, displayPath: 'seed-yuelu-2022.doc', soffice });
    expect(report.error).toBeNull();
    expect(records).toHaveLength(1);
  });
});
