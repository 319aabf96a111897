// The record paths a rule file may name (record.md), so that a typo in a rule is
// refused when the rules load instead of silently checking nothing.
import { FUND_COLUMNS, RECORD_BLOCKS, SOURCE_LINES, USE_LINES } from '../model/record.js';
import { CONCEPT_LABELS } from './labels.js';

const COL = FUND_COLUMNS.join('|');
const INDICATOR_FIELDS = 'level1|level2|name|nature|measure|target|actual|weight|score|deviation';
const CONCEPTS = Object.keys(CONCEPT_LABELS)
  .map((c) => c.replace('.', '\\.'))
  .join('|');

const PATTERNS: RegExp[] = [
  // a whole fund line, a column of it, or every other line of a block ("funds.sources.*")
  new RegExp(`^funds\\.sources\\.(${SOURCE_LINES.join('|')})(\\.(${COL}))?$`),
  new RegExp(`^funds\\.uses\\.(${USE_LINES.join('|')})(\\.(${COL}))?$`),
  /^funds\.(sources|uses)\.\*$/,
  new RegExp(`^indicators\\[\\*\\]\\.(${INDICATOR_FIELDS})$`),
  /^indicatorGroups\[\*\]\.weight$/,
  /^goals\[\*\]\.(target|result)$/,
  /^total\.(weight|score)$/,
  /^conclusions\.(verdict|problems|measures)$/,
  /^(unit|grade)$/,
  // a block as a whole (check 29: a block the form prints that could not be read)
  new RegExp(`^blocks\\.(${RECORD_BLOCKS.join('|')}|\\*)$`),
  new RegExp(`^narrative\\.facts\\.(${CONCEPTS})$`),
];

/** True when `path` names something a record can hold. */
export function isKnownPath(path: string): boolean {
  return PATTERNS.some((p) => p.test(path));
}
