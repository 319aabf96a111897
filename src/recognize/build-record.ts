// One form candidate read with one template: `fitTemplate` scores how well the
// template's blocks are found; `buildRecord` calls one reader per block and assembles the record.
import type { DocTable } from '../model/document.js';
import type { FormRecord, Provenance } from '../model/record.js';
import { RECORD_BLOCKS, type FundColumn, type RecordBlock } from '../model/record-constants.js';
import type { SourceUnit } from '../normalize/unit.js';
import { blockState, findPrinted, withTotalRow, type Printed } from './block-presence.js';
import type { BlockReading } from './block-reading.js';
import { keepOwnFigures } from './facts-scope.js';
import { markEdgeCuts } from './edge-cut.js';
import { readFundBlock, type FundBlock } from './fund-block.js';
import { rowCells } from './grid.js';
import { readIndicatorBlock, type IndicatorBlock, type RowSpan } from './indicator-block.js';
import { readFund } from './read-fund.js';
import { readGoals } from './read-goals.js';
import { readHeader, readUnit } from './read-header.js';
import { readIndicators } from './read-indicators.js';
import { readNarrative, type FormExtent } from './read-narrative.js';
import { gradeInTotalRow, readTotal, totalUnreadWhy } from './read-total.js';
import { bestKey, normLabel } from './labels.js';
import { anchorHold, type Item, type Segment } from './segments.js';
import type { FormBlock, Template } from './template-schema.js';

export type RecognizedForm = Omit<FormRecord, 'source'>;

/** How well one template reads one candidate, before the record is built. */
export interface TemplateFit {
  template: Template;
  score: number;
  /** A form of this layout (enough anchors found). */
  valid: boolean;
  /** Looks like this kind of form (title, or fund block with its anchor). */
  looksLikeForm: boolean;
  missing: FormBlock[];
  /** Where each block is printed, read or not (an unread printed block is "unreadable"). */
  printed: Printed;
  fund: FundBlock | null;
  indicators: IndicatorBlock | null;
  titleMatch: boolean;
}

/** The rows the fund block takes: its header to its last line (the header row alone
 *  where this template reads no block under it). */
function fundSpan(seg: Segment, fund: FundBlock | null): RowSpan | null {
  if (fund) return { table: fund.table, from: fund.headerRow, to: fund.endRow, toCol: Math.max(...Object.values(fund.columns)) };
  if (seg.fundHeaderAt === null) return null;
  const it = seg.items[seg.fundHeaderAt] as Item & { kind: 'row' };
  return { table: it.table, from: it.r, to: it.r };
}

/** The rows of the form's blocks of budget | actual columns: the fund block's, and the
 *  header row of each other one (年度主要任务 | 任务名称 | 预算数 | 执行数). */
function budgetBlockSpans(seg: Segment, fund: FundBlock | null): RowSpan[] {
  const own = fundSpan(seg, fund);
  const others = fundHeaderItems(seg)
    .filter((it) => !own || it.table !== own.table || it.r < own.from || it.r > own.to)
    .map((it) => ({ table: it.table, from: it.r, to: it.r }));
  return own ? [own, ...others] : others;
}

/** The rows of the form that look like a fund-block header, the first one first. */
function fundHeaderItems(seg: Segment): (Item & { kind: 'row' })[] {
  const at = seg.fundHeaderAt === null ? [] : [seg.fundHeaderAt, ...seg.moreFundHeaders];
  return at.map((i) => seg.items[i] as Item & { kind: 'row' });
}

/** The fund block: of the header rows the form prints (another block of 预算数 | 执行数,
 *  年度主要任务, may stand before or after it), the one with the most of this template's
 *  fund lines under it — the first on a tie. */
function readFundOf(seg: Segment, t: Template): FundBlock | null {
  let fund: FundBlock | null = null;
  for (const it of fundHeaderItems(seg)) {
    const f = readFundBlock(it.table, it.r, t);
    if (f && (!fund || f.lines.length > fund.lines.length)) fund = f;
  }
  return fund;
}

/** What a template reads of a candidate's blocks, the same for every template that reads alike. */
interface CandidateBlocks {
  fund: FundBlock | null;
  indicators: IndicatorBlock | null;
  printed?: Printed;
}

const readingKeys = new WeakMap<Template, string>();

/** Templates that differ only in their name and in what identifies them (the provinces'
 *  variants of the national project form) read a candidate alike: one key for all of them. */
function readingKey(t: Template): string {
  let key = readingKeys.get(t);
  if (key === undefined) {
    const { id: _id, description: _description, file: _file, identify: _identify, ...reading } = t;
    key = JSON.stringify(reading, (_k, v: unknown) => (v instanceof RegExp ? v.toString() : v));
    readingKeys.set(t, key);
  }
  return key;
}

const candidateBlocks = new WeakMap<Segment, Map<string, CandidateBlocks>>();

/** The candidate's fund and indicator blocks as `t` reads them, read once for all the
 *  templates that read alike (four project templates read each block four times). */
function blocksOf(seg: Segment, t: Template): CandidateBlocks {
  let bySeg = candidateBlocks.get(seg);
  if (!bySeg) candidateBlocks.set(seg, (bySeg = new Map()));
  const key = readingKey(t);
  let blocks = bySeg.get(key);
  if (!blocks) {
    const fund = readFundOf(seg, t);
    blocks = { fund, indicators: readIndicatorBlock(seg.items, t, budgetBlockSpans(seg, fund)) };
    bySeg.set(key, blocks);
  }
  return blocks;
}

/** Whether the fund column's header prints one of the words (any header, when none are given). */
function headerSays(fund: FundBlock, c: FundColumn, words: string[] | undefined): boolean {
  if (!words) return true;
  const header = normLabel(fund.table.rows[fund.headerRow]?.[fund.columns[c]!]?.text);
  return words.some((w) => header.includes(w));
}

export function fitTemplate(seg: Segment, t: Template): TemplateFit | null {
  if (seg.title && !seg.title.kinds.includes(t.kind)) return null;
  const titleMatch = !!seg.title && t.title.some((l) => anchorHold(seg.title!.text, l) !== null);
  const blocks = blocksOf(seg, t);
  const { fund, indicators } = blocks;
  // Layout-specific requirements (identify): each one met makes the layout more specific.
  let specific = 0;
  for (const c of t.identify.fundColumns) {
    if (!fund || fund.columns[c] === undefined || !headerSays(fund, c, t.identify.fundColumnWords[c])) return null;
    specific++;
  }
  for (const l of t.identify.fundLines) {
    const [g, k] = l.split('.');
    if (!fund?.lines.some((x) => x.group === g && x.key === k)) return null;
    specific++;
  }
  for (const c of t.identify.indicatorColumns) {
    if (!indicators || indicators.columns[c] === undefined) return null;
    specific++;
  }
  for (const label of t.identify.labels) {
    const printed = seg.items.some((it) => it.kind === 'row' && rowCells(it.table, it.r).some((rc) => rc.label === label));
    if (!printed) return null;
    specific++;
  }
  // A fund block is a form's when its anchor (整体资金/项目资金) is printed and a title
  // or an indicator block goes with it; without the anchor it needs both (a 决算
  // table of 预算数/执行数 under a table-of-contents line is no form).
  // A titled form whose fund block is printed but unreadable (its header row deleted)
  // is still read for its indicators; the fund block is then reported, never blank.
  const printed = (blocks.printed ??= findPrinted(seg, t));
  const fundRead = !!fund && fund.lines.length > 0;
  const valid = fund
    ? fund.anchor
      ? titleMatch || !!indicators
      : titleMatch && !!indicators
    : titleMatch && !!indicators && indicators.rows.length > 0 && !!printed.fund;
  const looksLikeForm = (titleMatch && (!!fund?.anchor || !!indicators)) || !!fund?.anchor;
  // A required block missing altogether fails the form (it names the block); one that is
  // printed but could not be read does not: the record says it is unreadable. Nor does a
  // 总分 row found nowhere under a fund block and indicator rows that were read: the form
  // is read, its total reported not found (totalNotFound).
  const missing: FormBlock[] = [];
  if (t.requiredBlocks.includes('fund') && !fundRead && !printed.fund) missing.push('fund');
  if (t.requiredBlocks.includes('indicators') && !indicators && !printed.indicators) missing.push('indicators');
  const fundAndIndicatorsRead = fundRead && !!indicators && indicators.rows.length > 0;
  if (t.requiredBlocks.includes('total') && !indicators?.total && !printed.total && !fundAndIndicatorsRead) missing.push('total');
  if (t.requiredBlocks.includes('goals') && !printed.goals) {
    missing.push('goals');
  }
  const score =
    (titleMatch ? 10 : 0) +
    (fund ? 5 + (fund.anchor ? 5 : 0) + Object.keys(fund.columns).length + fund.lines.length : 0) +
    (indicators ? 5 + Object.keys(indicators.columns).length + (indicators.total ? 2 : 0) : 0) +
    3 * specific;
  return { template: t, score, valid, looksLikeForm, missing, printed, fund, indicators, titleMatch };
}

/** Why a block the form prints was not read: its header row was not found, or no line under it. */
export function whyUnread(block: 'fund' | 'indicators', fit: TemplateFit): string {
  if (block === 'fund') {
    if (!fit.fund) return '未找到资金表的表头行（应含预算数、执行数等栏）';
    const packed = packedFundLines(fit.fund, fit.template);
    if (packed) return `资金表中一格里填了几个资金行（${packed.map((l) => `“${l}”`).join('')}），各行的金额也挤在同一行，无法逐行读取；请每个资金行各占一行`;
    return '资金表表头下没有可识别的资金行（如“年度资金总额”“合计”）';
  }
  return fit.indicators ? '绩效指标表下没有可识别的指标行' : '未找到绩效指标表的表头行（应含一级指标、三级指标、分值/得分等栏）';
}

/** The fund lines a cell under the fund header prints one under the other (年度资金总额⏎其中：财政拨款⏎其他资金,
 *  typed with Enter in one row): two or more lines each a fund line's label. Null when no cell does. */
function packedFundLines(fund: FundBlock, t: Template): string[] | null {
  const groups = [t.fund.lines.sources ?? {}, t.fund.lines.uses ?? {}];
  const isLine = (label: string) => groups.some((g) => bestKey(label, g) !== null);
  const last = Math.min(fund.table.rows.length - 1, fund.headerRow + 10);
  for (let r = fund.headerRow + 1; r <= last; r++) {
    for (const rc of rowCells(fund.table, r)) {
      if (!rc.cell.text.includes('\n')) continue; // one line at most: no packed lines
      const lines = rc.cell.text.split(/\n/).map((l) => l.trim()).filter((l) => l !== '');
      if (lines.length >= 2 && lines.every((l) => isLine(packedWords(l)))) return lines;
    }
  }
  return null;
}

/** A packed line's words: its breakdown's marker dropped (其中：财政拨款). */
function packedWords(line: string): string {
  return normLabel(line).replace(/^(?:其中|含)[:：]?/, '');
}

/** Where the form's tables end: the last item of the last table a block used; the rest of the body is its narrative. */
export function formExtent(seg: Segment, fit: TemplateFit): FormExtent {
  let formEnd = -1;
  let lastTable: DocTable | null = null;
  const lastUsed = Math.max(fit.indicators?.endItem ?? -1, seg.fundHeaderAt ?? -1);
  if (lastUsed >= 0) {
    lastTable = (seg.items[lastUsed] as Item & { kind: 'row' }).table;
    seg.items.forEach((it, i) => {
      if (it.kind === 'row' && it.table === lastTable) formEnd = i;
    });
  }
  return { formEnd, lastTable };
}

/** Where the form's head (名称, 单位 and year cells) ends in the fund block's table: at
 *  the fund header, or at the first block printed above it where the fund block comes
 *  after the goals and indicators — "（元）" in an indicator's name is no unit of the form. */
export function headEnd(seg: Segment, fit: TemplateFit): number {
  const fund = fit.fund;
  if (!fund) return 0;
  const rows = [fit.printed.goals?.table === fund.table.index ? fit.printed.goals.row : null, fit.printed.indicators?.table === fund.table.index ? fit.printed.indicators.row : null];
  if (fit.indicators?.table === fund.table) rows.push(fit.indicators.headerRow);
  // Another block of 预算数 | 执行数 above the fund block (年度主要任务): its tasks are no head cells.
  for (const it of fundHeaderItems(seg)) if (it.table === fund.table) rows.push(it.r);
  return Math.min(fund.headerRow, ...rows.filter((r): r is number => r !== null));
}

/** A 总分 row the layout requires, found nowhere: not known to be unprinted (it may be
 *  printed in a way not recognized), so its cells are missing — never blank (check 20
 *  would call 总分 blank) — and the report says it was not found. */
function totalNotFound(t: Template): string | undefined {
  if (!t.requiredBlocks.includes('total')) return undefined;
  return `表中未找到总分行（印有“${t.total.labels[0] ?? '总分'}”的一行），总分的分值和得分未读取`;
}

/** `pageUnit`: the unit the document's page headers and footers state (furnitureUnit). */
export function buildRecord(seg: Segment, fit: TemplateFit, pageUnit: SourceUnit | null = null): RecognizedForm {
  const t = fit.template;
  const extent = formExtent(seg, fit);

  // The unit first (fund amounts depend on it), the narrative before the header
  // (entity, year and conclusions fall back to it).
  const head = headEnd(seg, fit);
  const sourceUnit = readUnit(seg, fit.fund, head, pageUnit);
  const fund = readFund(fit.fund, sourceUnit);
  const goals = readGoals(seg.items.slice(0, Math.max(extent.formEnd + 1, 0)), t);
  const indicators = readIndicators(fit.indicators, t);
  const total = readTotal(fit.indicators?.total, t);
  // what the page's edge cut off a table wider than its page: missing, never blank
  const cut = markEdgeCuts({ fund: fit.fund, fundReading: fund, indicators: fit.indicators, indicatorsReading: indicators, totalReading: total, goalsReading: goals });
  // a block left with nothing read because the page's edge cut it says so
  const cutWhy = (b: RecordBlock, why: string) => cut.find((u) => u.block === b)?.reason ?? why;
  const blocks = {
    fund: blockState('fund', !!fit.fund && fit.fund.lines.length > 0, fit.printed, cutWhy('fund', whyUnread('fund', fit))),
    indicators: blockState('indicators', indicators.value.indicators.length > 0, fit.printed, cutWhy('indicators', whyUnread('indicators', fit))),
    total: blockState('total', !!fit.indicators?.total && (total.value.weight !== null || total.value.score !== null || !!total.provenance['total.score']), withTotalRow(fit.printed, fit.indicators?.total), cutWhy('total', totalUnreadWhy(fit.indicators?.total)), totalNotFound(t)),
    goals: blockState('goals', goals.value.length > 0, fit.printed, cutWhy('goals', '年度总体目标栏中没有可识别的目标和完成情况')),
  };
  const narrative = readNarrative(seg, fit.indicators, extent, t);
  const header = readHeader(seg, t, {
    fund: fit.fund,
    headEnd: head,
    formEnd: extent.formEnd,
    narrativeStart: narrative.value.startItem,
    paragraphs: narrative.value.paragraphs,
  });

  // Merged in this fixed order: it is the provenance order records have always had
  // (fund, goals, indicators, total, header fields), so archived records stay byte-identical.
  // A grade printed beside the total, when no 自评等级 cell says it.
  const totalGrade = header.value.grade === null ? gradeInTotalRow(fit.indicators?.total, total.provenance['total.score']?.col) : null;
  const readings: BlockReading<unknown>[] = [fund, goals, indicators, total, header, narrative, ...(totalGrade ? [totalGrade] : [])];
  const provenance: Record<string, Provenance> = {};
  const cellIssues: FormRecord['cellIssues'] = {};
  for (const r of readings) {
    Object.assign(provenance, r.provenance);
    Object.assign(cellIssues, r.cellIssues);
  }

  return {
    schema: 'jxaudit/record@1',
    form: t.kind,
    layout: t.id,
    year: header.value.year,
    entity: header.value.entity,
    header: header.value.header,
    unit: '万元',
    sourceUnit,
    blocks: { fund: blocks.fund.state, indicators: blocks.indicators.state, total: blocks.total.state, goals: blocks.goals.state },
    unreadBlocks: [...readings.flatMap((r) => r.unread), ...RECORD_BLOCKS.flatMap((b) => (blocks[b].unread ? [blocks[b].unread] : [])), ...cut.filter((u) => blocks[u.block].state === 'read')],
    cellIssues,
    grade: header.value.grade ?? totalGrade?.value ?? null,
    funds: fund.value.funds,
    lineLabels: fund.value.lineLabels,
    ...(Object.keys(fund.value.lineParents).length > 0 ? { lineParents: fund.value.lineParents } : {}),
    ...(fund.value.scoreBand ? { fundScoreBand: fund.value.scoreBand } : {}),
    goals: goals.value,
    indicatorGroups: indicators.value.indicatorGroups,
    indicators: indicators.value.indicators,
    total: total.value,
    conclusions: header.value.conclusions,
    // The narrative's figures said of another year or unit than the form's, known only now.
    narrative: keepOwnFigures(narrative.value.narrative, {
      year: header.value.year,
      names: [header.value.entity, header.value.header.department, header.value.header.implementer],
    }),
    provenance,
  };
}
