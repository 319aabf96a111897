// Kind `block-unreadable` (rules.md check 29): a block the form prints (fund, indicators, total,
// goals) that the reader could not read — one warning per unread block, naming where it was
// seen and why. Its cells are missing (never blank, never numbers): checks needing them were skipped.
import { z } from 'zod';
import { RECORD_BLOCKS, type RecordBlock, type UnreadBlock } from '../../model/record.js';
import { BLOCK_NAMES } from '../../model/names.js';
import { sheetCell } from '../../model/sheet-cell.js';
import type { Draft, RuleKind } from '../types.js';

const options = z
  .object({
    /** Which blocks to report (all four unless listed). */
    blocks: z.array(z.enum(RECORD_BLOCKS)).min(1).default([...RECORD_BLOCKS]),
  })
  .strict();

/** "第1张表第5行，第2页，印有“项目资金（万元）”" — counted from 1, for people; a workbook's
 *  cell the Excel way ("自评表!A10"). */
function place(u: UnreadBlock): string {
  const parts: string[] = [];
  if (u.sheet !== undefined && u.row !== null && u.col !== undefined) parts.push(sheetCell(u.sheet, u.row, u.col));
  else if (u.table !== null) parts.push(`第${u.table + 1}张表${u.row !== null ? `第${u.row + 1}行` : ''}`);
  else if (u.row !== null) parts.push(`第${u.row + 1}行`);
  if (u.page !== null) parts.push(`第${u.page}页`);
  if (u.label) parts.push(`印有“${u.label}”`);
  return parts.join('，');
}

function draft(block: RecordBlock, u: UnreadBlock | null): Draft {
  const where = u ? place(u) : '';
  const why = u?.reason.trim().replace(/[。．.；;，,]+$/, '') || '未能识别其结构';
  return {
    fields: [`blocks.${block}`],
    actual: null,
    expected: null,
    difference: null,
    messageId: where ? 'unreadAt' : 'unread',
    data: { block: BLOCK_NAMES[block], ...(where ? { where } : {}), why },
  };
}

export const blockUnreadable: RuleKind<z.infer<typeof options>> = {
  name: 'block-unreadable',
  meta: {
    title: '表中的一部分未能读取',
    explanation: '表中印有资金表、绩效指标表、总分行或年度总体目标，但程序未能读取（如表头无法识别、行列错乱）。该部分的单元格视为“缺失”，既不当作空白，也不当作数字：凡需要这些数据的检查都跳过，不会据此报告差异。每个未能读取的部分报告一次，写明在哪里看到、为何未能读取，请人工核对。',
    messages: {
      unreadAt: '{{block}}未能读取（{{where}}）：{{why}}。需要{{block}}数据的检查均已跳过，请对照原表人工核对{{block}}。',
      unread: '{{block}}未能读取：{{why}}。需要{{block}}数据的检查均已跳过，请对照原表人工核对{{block}}。',
    },
  },
  options,
  run(record, o) {
    const drafts: Draft[] = [];
    const reported = new Set<RecordBlock>();
    for (const u of record.unreadBlocks ?? []) {
      if (!o.blocks.includes(u.block)) continue;
      reported.add(u.block);
      drafts.push(draft(u.block, u));
    }
    // a block marked unreadable without a note of where: still never silently skipped
    for (const block of o.blocks) {
      if (record.blocks?.[block] !== 'unreadable' || reported.has(block)) continue;
      drafts.push(draft(block, null));
    }
    return drafts;
  },
};
