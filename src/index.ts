// jxaudit as a library: the same pipeline the CLI runs, for the bureau's other systems.
export { processFile, processBytes, type ProcessOptions, type ProcessResult } from './pipeline.js';
export { readDocument, sniffFormat } from './read/index.js';
export { recognizeForms, loadTemplates, TemplateFileError, type TemplateSet, type RecognizedForm } from './recognize/index.js';
export { checkRecord, loadRuleSet, listRules, explainRule, RuleFileError, type RuleSet } from './check/index.js';
export { RecordSchema, recordJsonSchema, type FormRecord } from './model/record.js';
export { FindingSchema, ReportSchema, SummarySchema, type Finding, type FileReport, type Summary } from './model/report.js';
export { FormFailure, type FailureCode } from './model/failure.js';
export type { DocModel, DocTable, DocCell, DocParagraph } from './model/document.js';
export { bundledRulesDir, bundledTemplatesDir } from './paths.js';
