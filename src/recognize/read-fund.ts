// The fund block's lines (资金来源 / 资金结构): each line's cells read by the block's
// columns into money, rate and score values; its printed row label kept for messages.
import type { FormRecord, FundColumn, FundLine, ScoreBand } from '../model/record.js';
import { MONEY_COLUMNS } from '../model/record-constants.js';
import { foldText, readMoney, readRate, readScore, type CellReading } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import type { FundBlock } from './fund-block.js';
import type { SourceUnit } from '../normalize/unit.js';

export interface FundReading {
  funds: FormRecord['funds'];
  lineLabels: Record<string, string>;
  /** A breakdown line's parent (record.md lineParents); empty when every line is a part of its total. */
  lineParents: Record<string, string>;
  /** The scoring band the form prints for the fund score (record.md fundScoreBand). */
  scoreBand: ScoreBand | null;
}

const MONEY_KEYS = new Set<FundColumn>(MONEY_COLUMNS);

export function readFund(fund: FundBlock | null, sourceUnit: SourceUnit): BlockReading<FundReading> {
  const funds: { sources: Record<string, FundLine>; uses?: Record<string, FundLine> } = { sources: {} };
  const lineLabels: Record<string, string> = {};
  const lineParents: Record<string, string> = {};
  const out = blockReading<FundReading>({ funds, lineLabels, lineParents, scoreBand: fund?.scoreBand ?? null });
  if (!fund) return out;
  for (const line of fund.lines) {
    lineLabels[`funds.${line.group}.${line.key}`] = line.label;
    if (line.parent) lineParents[`funds.${line.group}.${line.key}`] = `funds.${line.group}.${line.parent}`;
    const obj: FundLine = {};
    const group = (funds[line.group] ??= {});
    group[line.key] = obj;
    if (line.textCell) {
      // "基本支出:900.47" in a text cell: the line's 全年执行数, its only column.
      const reading = readMoney(line.textCell.amount, sourceUnit);
      obj.actual = reading.value;
      noteCell(out, `funds.${line.group}.${line.key}.actual`, fund.table, line.row, line.textCell.col, line.textCell.raw, reading);
      continue;
    }
    for (const [key, col] of Object.entries(fund.columns) as [FundColumn, number][]) {
      const cell = fund.table.rows[line.row]?.[col];
      // A cell merged down from a line above counts once, at its first line; the form's
      // printed note in the reason column is no line's.
      const note = key === 'reason' && fund.note?.row === line.row && fund.note.col === col;
      const raw = !cell || cell.origin.row < line.row || note ? '' : cell.text;
      let reading: CellReading | undefined;
      if (key === 'reason') obj.reason = foldText(raw);
      else if (MONEY_KEYS.has(key)) obj[key as 'initial' | 'budget' | 'actual'] = (reading = readMoney(raw, sourceUnit)).value;
      else if (key === 'rate') obj.rate = (reading = readRate(raw)).value;
      else obj[key as 'weight' | 'score'] = (reading = readScore(raw)).value;
      noteCell(out, `funds.${line.group}.${line.key}.${key}`, fund.table, line.row, col, raw, reading);
    }
  }
  // No 分值 column, but a weight printed in the header (得分(20分*执行率)): the total line's.
  const total = funds.sources.total;
  if (fund.headerWeight && total && total.weight === undefined) {
    total.weight = fund.headerWeight.value;
    noteCell(out, 'funds.sources.total.weight', fund.table, fund.headerWeight.row, fund.headerWeight.col, fund.headerWeight.raw);
  }
  return out;
}
