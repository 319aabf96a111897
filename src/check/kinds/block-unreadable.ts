// Kind `block-unreadable` (rules.md check 29): a block the form prints (fund, indicators, total,
// goals) that the reader could not read — one warning per unread block, naming where it was
// seen and why. Its cells are missing (never blank, never numbers): checks needing them were skipped.
// A table the page's edge cut off (a browser's print of a table wider than its page) leaves
// its blocks read but for what lay past the edge: one warning per cut table, naming the
// blocks it cut, where and what the edge left (unreadBlocks entries with `cut`).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';
import type { UnreadBlock } from '../../model/record.js';
import { RECORD_BLOCKS, type RecordBlock } from '../../model/record-constants.js';
import { BLOCK_NAMES } from '../../model/names.js';
import { sheetCell } from '../../model/sheet-cell.js';
import type { Draft, RuleKind } from '../types.js';

const options = lazySchema((z) =>
  z
    .object({
      /** Which blocks to report (all four unless listed). */
      blocks: z.array(z.enum(RECORD_BLOCKS)).min(1).default([...RECORD_BLOCKS]),
    })
    .strict(),
);

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

/** The reader's reason as a message clause: its closing punctuation dropped. */
function reasonOf(u: UnreadBlock): string {
  return u.reason.trim().replace(/[。．.；;，,]+$/, '');
}

/** "第1、2页" — the pages, counted from 1, in order. */
function pagesOf(entries: readonly UnreadBlock[]): string {
  const pages = [...new Set(entries.flatMap((u) => (u.page !== null ? [u.page] : [])))].sort((a, b) => a - b);
  return pages.length > 0 ? `第${pages.join('、')}页` : '';
}

/** One warning for the blocks one table's cut leaves partly unread (entries of one table and side). */
function cutDraft(entries: readonly UnreadBlock[]): Draft {
  const first = entries[0];
  // "表格超出页面右边缘，“分值”栏右侧的内容被截去": said once; where the blocks' headers
  // differ, each block with its own part
  const lead = /^表格超出页面[右下]边缘[，,]/.exec(reasonOf(first))?.[0] ?? '';
  const rests = new Map<string, string[]>();
  for (const u of entries) {
    const said = reasonOf(u);
    const rest = lead && said.startsWith(lead) ? said.slice(lead.length) : said;
    rests.set(rest, [...(rests.get(rest) ?? []), BLOCK_NAMES[u.block]]);
  }
  const why = rests.size === 1 ? reasonOf(first) : lead + [...rests].map(([rest, blocks]) => `${blocks.join('、')}${rest}`).join('；');
  const pages = pagesOf(entries);
  const where = `${first.table !== null ? `第${first.table + 1}张表` : '表格'}${pages ? `（${pages}）` : ''}`;
  return {
    fields: entries.map((u) => `blocks.${u.block}`),
    actual: null,
    expected: null,
    difference: null,
    messageId: first.cut === 'bottom' ? 'cutBottom' : 'cut',
    data: { where, why, blocks: entries.map((u) => BLOCK_NAMES[u.block]).join('、') },
  };
}

function draft(block: RecordBlock, u: UnreadBlock | null): Draft {
  const where = u ? place(u) : '';
  const why = (u && reasonOf(u)) || '未能识别其结构';
  return {
    fields: [`blocks.${block}`],
    actual: null,
    expected: null,
    difference: null,
    messageId: where ? 'unreadAt' : 'unread',
    data: { block: BLOCK_NAMES[block], ...(where ? { where } : {}), why },
  };
}

export const blockUnreadable: RuleKind<z.infer<ReturnType<typeof options>>> = {
  name: 'block-unreadable',
  meta: {
    title: '表中的一部分未能读取',
    explanation: '表中印有资金表、绩效指标表、总分行或年度总体目标，但程序未能读取（如表头无法识别、行列错乱）。该部分的单元格视为“缺失”，既不当作空白，也不当作数字：凡需要这些数据的检查都跳过，不会据此报告差异。每个未能读取的部分报告一次，写明在哪里看到、为何未能读取，请人工核对。表格比页面宽、从网页等打印成PDF时右侧被页面边缘截去的，被截去的栏目同样按缺失处理，每张被截的表报告一次，写明截在哪一栏之后。',
    messages: {
      unreadAt: '{{block}}未能读取（{{where}}）：{{why}}。需要{{block}}数据的检查均已跳过，请对照原表人工核对{{block}}。',
      unread: '{{block}}未能读取：{{why}}。需要{{block}}数据的检查均已跳过，请对照原表人工核对{{block}}。',
      cut: '{{where}}：{{why}}。{{blocks}}中被截去的栏目未能读取，按缺失处理（不当作空白），需要这些数据的检查均已跳过；请对照原表人工核对，或请填报单位把表格调整到页面宽度以内后重新导出PDF。',
      cutBottom: '{{where}}：{{why}}。{{blocks}}中被截去的部分未能读取，按缺失处理（不当作空白），需要这些数据的检查均已跳过；请对照原表人工核对，或请填报单位重新导出完整的PDF。',
    },
  },
  get options() {
    return options();
  },
  run(record, o) {
    const drafts: Draft[] = [];
    const reported = new Set<RecordBlock>();
    const cuts = new Map<string, UnreadBlock[]>();
    for (const u of record.unreadBlocks ?? []) {
      if (!o.blocks.includes(u.block)) continue;
      if (u.cut) {
        // a read block the page's edge cut: grouped by table and side, one warning each
        const key = `${u.table}|${u.cut}`;
        cuts.set(key, [...(cuts.get(key) ?? []), u]);
        continue;
      }
      reported.add(u.block);
      drafts.push(draft(u.block, u));
    }
    for (const entries of cuts.values()) drafts.push(cutDraft(entries));
    // a block marked unreadable without a note of where: still never silently skipped
    for (const block of o.blocks) {
      if (record.blocks?.[block] !== 'unreadable' || reported.has(block)) continue;
      drafts.push(draft(block, null));
    }
    return drafts;
  },
};
