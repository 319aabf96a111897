// report.html words record paths in REPORT_WORDING (model/record-path.ts); its number
// tables name fund lines as printed, personnel as a sub-line ("其中：人员支出").
import type { FormRecord } from '../../model/record.js';
import { REPORT_WORDING, TABLE_WORDING, lineName, pathLabel } from '../../model/record-path.js';

/** A fund line's row name in the number tables; a province's extra line as the form printed it. */
export function fundLineLabel(group: 'sources' | 'uses', line: string, printed?: Record<string, string>): string {
  return lineName(TABLE_WORDING, group, line, { lineLabels: printed });
}

/** A record field path in Chinese; an unknown path is returned as it is. `groups` (the
 *  record's indicatorGroups) lets a group weight name its goal block or level-1 label;
 *  `lineLabels` (the record's) names a fund line a template adds as the form printed it. */
export function fieldLabel(path: string, groups?: FormRecord['indicatorGroups'], lineLabels?: Record<string, string>): string {
  return pathLabel(path, REPORT_WORDING, { indicatorGroups: groups, lineLabels });
}
