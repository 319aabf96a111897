// The report's (report.md) schema ids and severities, without zod: runtime code needs
// these, only validation needs report.ts's zod schemas. report.ts re-exports them.
export const REPORT_SCHEMA_ID = 'jxaudit/report@1';
export const SUMMARY_SCHEMA_ID = 'jxaudit/summary@1';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
