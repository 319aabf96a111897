// One form candidate read with one template: `fitTemplate` scores how well the
// template's blocks are found; `buildRecord` calls one reader per block and assembles the record.
import type { DocTable } from '../model/document.js';
import type { FormRecord, Provenance } from '../model/record.js';
import type { BlockReading } from './block-reading.js';
import { readFundBlock, type FundBlock } from './fund-block.js';
import { rowCells } from './grid.js';
import { readIndicatorBlock, type IndicatorBlock } from './indicator-block.js';
import { readFund } from './read-fund.js';
import { readGoals } from './read-goals.js';
import { readHeader, readUnit } from './read-header.js';
import { readIndicators } from './read-indicators.js';
import { readNarrative, type FormExtent } from './read-narrative.js';
import { readTotal } from './read-total.js';
import type { Item, Segment } from './segments.js';
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
  fund: FundBlock | null;
  indicators: IndicatorBlock | null;
  titleMatch: boolean;
}

export function fitTemplate(seg: Segment, t: Template): TemplateFit | null {
  if (seg.title && !seg.title.kinds.includes(t.kind)) return null;
  const titleMatch = !!seg.title && t.title.some((l) => seg.title!.text.includes(l));
  let fund: FundBlock | null = null;
  if (seg.fundHeaderAt !== null) {
    const it = seg.items[seg.fundHeaderAt] as Item & { kind: 'row' };
    fund = readFundBlock(it.table, it.r, t);
  }
  const indicators = readIndicatorBlock(seg.items, seg.fundHeaderAt !== null ? seg.fundHeaderAt + 1 : 0, t);
  // Layout-specific requirements (identify): each one met makes the layout more specific.
  let specific = 0;
  for (const c of t.identify.fundColumns) {
    if (!fund || fund.columns[c] === undefined) return null;
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
  const valid = !!fund && (fund.anchor ? titleMatch || !!indicators : titleMatch && !!indicators);
  const looksLikeForm = (titleMatch && (!!fund?.anchor || !!indicators)) || !!fund?.anchor;
  const missing: FormBlock[] = [];
  if (t.requiredBlocks.includes('fund') && !fund) missing.push('fund');
  if (t.requiredBlocks.includes('indicators') && !indicators) missing.push('indicators');
  if (t.requiredBlocks.includes('total') && indicators && !indicators.total) missing.push('total');
  if (t.requiredBlocks.includes('total') && !indicators) missing.push('total');
  if (t.requiredBlocks.includes('goals') && !seg.items.some((it) => it.kind === 'row' && rowCells(it.table, it.r).some((rc) => t.goals.anchors.includes(rc.label)))) {
    missing.push('goals');
  }
  const score =
    (titleMatch ? 10 : 0) +
    (fund ? 5 + (fund.anchor ? 5 : 0) + Object.keys(fund.columns).length + fund.lines.length : 0) +
    (indicators ? 5 + Object.keys(indicators.columns).length + (indicators.total ? 2 : 0) : 0) +
    3 * specific;
  return { template: t, score, valid, looksLikeForm, missing, fund, indicators, titleMatch };
}

/** Where the form's tables end: the last item of the last table a block used; the rest of the body is its narrative. */
function formExtent(seg: Segment, fit: TemplateFit): FormExtent {
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

export function buildRecord(seg: Segment, fit: TemplateFit): RecognizedForm {
  const t = fit.template;
  const extent = formExtent(seg, fit);

  // The unit first (fund amounts depend on it), the narrative before the header
  // (entity, year and conclusions fall back to it).
  const sourceUnit = readUnit(seg, fit.fund);
  const fund = readFund(fit.fund, sourceUnit);
  const goals = readGoals(seg.items.slice(0, Math.max(extent.formEnd + 1, 0)), t);
  const indicators = readIndicators(fit.indicators, t);
  const total = readTotal(fit.indicators?.total);
  const narrative = readNarrative(seg, fit.indicators, extent, t);
  const header = readHeader(seg, t, {
    fund: fit.fund,
    formEnd: extent.formEnd,
    narrativeStart: narrative.value.startItem,
    paragraphs: narrative.value.paragraphs,
  });

  // Merged in this fixed order: it is the provenance order records have always had
  // (fund, goals, indicators, total, header fields), so archived records stay byte-identical.
  const readings: BlockReading<unknown>[] = [fund, goals, indicators, total, header, narrative];
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
    blocks: {
      fund: fit.fund && fit.fund.lines.length ? 'read' : 'absent',
      indicators: fit.indicators ? 'read' : 'absent',
      total: fit.indicators?.total ? 'read' : 'absent',
      goals: goals.value.length ? 'read' : 'absent',
    },
    unreadBlocks: readings.flatMap((r) => r.unread),
    cellIssues,
    grade: header.value.grade,
    funds: fund.value.funds,
    lineLabels: fund.value.lineLabels,
    goals: goals.value,
    indicatorGroups: indicators.value.indicatorGroups,
    indicators: indicators.value.indicators,
    total: total.value,
    conclusions: header.value.conclusions,
    narrative: narrative.value.narrative,
    provenance,
  };
}
