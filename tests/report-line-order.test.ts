// The fund block in report.html lists lines as the form printed them (html-numbers.ts,
// orderedLines): by the page, table and row of each line's first printed cell.
import { describe, expect, it } from 'vitest';
import { orderedLines } from '../src/report/html-numbers.js';
import type { FormRecord, FundLine, Provenance } from '../src/model/record.js';

const at = (table: number, row: number): Provenance => ({ table, row, col: 1, page: null, raw: '1' });

describe('fund lines in the report', () => {
  it("follow the form's printed order; lines it did not print follow, known ones first", () => {
    const provenance: Record<string, Provenance> = {
      'funds.sources.total.executed': at(0, 2), // total's first cell: row 2, though its budget is on row 4
      'funds.sources.total.budget': at(0, 4),
      'funds.sources.fiscal.budget': at(0, 3),
      'funds.sources.fiscalExtra.budget': at(0, 1), // another line whose name starts like fiscal's: not fiscal's place
      'funds.sources.extraLine.budget': at(0, 7),
      'funds.sources.other.budget': at(1, 0), // the next table
      'funds.uses.other.budget': at(0, 0), // the other group: not a source line's place
    };
    const record = { provenance } as unknown as FormRecord;
    const line = {} as FundLine;
    const lines = { zzz: line, extraLine: line, other: line, fiscal: line, total: line, unprintedKnown: line };
    const known = ['total', 'fiscal', 'unprintedKnown', 'other'];
    expect(orderedLines(record, 'sources', lines, known)).toEqual(['total', 'fiscal', 'extraLine', 'other', 'unprintedKnown', 'zzz']);
  });
});
