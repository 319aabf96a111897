// The normalized record (record.md, `jxaudit/record@1`) as a zod schema: the
// archive contract other systems read. Add fields freely; never rename one. Its names
// and small functions live in record-constants.ts (no zod), re-exported here.
import type { z as Z } from 'zod';
import { zod } from '../lazy-zod.js';
import { BLOCK_STATES, CELL_ISSUES, FORM_KINDS, RECORD_BLOCKS, RECORD_SCHEMA_ID, SOURCE_FORMATS, type RecordBlock } from './record-constants.js';

export { RECORD_SCHEMA_ID, SOURCE_FORMATS, FUND_COLUMNS, MONEY_COLUMNS, SOURCE_LINES, USE_LINES, INDICATOR_FIELDS, isMoneyConcept, isMergedGroup, mergedGroupIndex, FORM_KINDS, RECORD_BLOCKS, BLOCK_STATES, CELL_ISSUES } from './record-constants.js';
export type { FundColumn, IndicatorField, RecordBlock, BlockState, CellIssue, FormKind } from './record-constants.js';

const z = zod();

/** OCR confidence (0–1) of a value read from a scan; below OCR_CONFIDENCE_THRESHOLD it is doubtful (check 31). */
const ocrConfidence = z.number().min(0).max(1);

/** Exact decimal as a string (money in 万元, rates in percent units, scores). */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string');
const nullableDecimal = decimal.nullable();

/** A fund line: a key for every column the layout has; absent column → absent key. */
export const FundLineSchema = z
  .object({
    initial: nullableDecimal.optional(), // 年初预算数
    budget: nullableDecimal.optional(), // 全年预算数 / 调整后预算数
    actual: nullableDecimal.optional(), // 全年执行数 / 预算执行数
    rate: nullableDecimal.optional(), // 执行率, percent units
    weight: nullableDecimal.optional(), // 分值 / 权重
    score: nullableDecimal.optional(), // 得分
    reason: z.string().nullable().optional(), // 原因
  })
  .strict();
export type FundLine = Z.infer<typeof FundLineSchema>;
export const IndicatorSchema = z
  .object({
    level1: z.string().nullable(),
    level2: z.string().nullable(),
    name: z.string().nullable(),
    nature: z.string().nullable().optional(), // 指标性质: ≥ ≤ = 定性
    measure: z.string().nullable().optional(), // 度量单位
    target: z.string().nullable(),
    actual: z.string().nullable(),
    weight: nullableDecimal.optional(),
    score: nullableDecimal.optional(),
    deviation: z.string().nullable().optional(),
    /** A key indicator (★ before its name, or 是否核心指标 = 是); absent when not marked. */
    key: z.literal(true).optional(),
    /** 其中 child rows under it ("其中桃树种植面积"): values without weight or score of their own. */
    parts: z.array(z.object({ name: z.string().nullable(), target: z.string().nullable(), actual: z.string().nullable() }).strict()).optional(),
  })
  .strict();
export type Indicator = Z.infer<typeof IndicatorSchema>;

/** A 分值 and/or 得分 cell merged over the rows of several indicators (their 0-based
 *  indexes): the weight or score of the group, written once. Its indicators have no key
 *  for that column. */
export const MergedGroupSchema = z
  .object({
    indicators: z.array(z.number().int().nonnegative()).min(2),
    weight: nullableDecimal.optional(),
    score: nullableDecimal.optional(),
  })
  .strict();
export type MergedGroup = Z.infer<typeof MergedGroupSchema>;

export const FactSchema = z
  .object({
    value: decimal, // 万元 (a rate.* concept: percent; a score.*: points)
    approx: z.boolean(),
    /** The decimals (XBRL's, in 万元) the figure is good to where its printed unit makes the
     *  value's own digits overstate it: "1.17亿元" is 11700 to −2 decimals, ± 50万元. */
    decimals: z.number().int().optional(),
    quote: z.string(),
    paragraph: z.number().int().nonnegative(),
    /** PDF: the 1-based page the paragraph is printed on (absent for DOCX, like provenance's null). */
    page: z.number().int().positive().optional(),
    /** A scan: how sure OCR is of the figure's digits (rules.md check 31). */
    confidence: ocrConfidence.optional(),
  })
  .strict();
export type Fact = Z.infer<typeof FactSchema>;

export const ChangeSchema = z
  .object({
    concept: z.string(),
    amount: nullableDecimal,
    /** The figure the change is measured from, where the change states it
     *  ("比上年决算支出3520.18万元减少63.98万元": 3520.18). */
    base: decimal.optional(),
    direction: z.enum(['increase', 'decrease']),
    percent: nullableDecimal,
    quote: z.string(),
    paragraph: z.number().int().nonnegative(),
    page: z.number().int().positive().optional(),
    /** A change written after the last item of a 其中 list may be the whole's the list
     *  breaks down ("“三公”经费支出合计12.30万元，其中…公务用车运行维护费9.20万元，
     *  较2022年减少1.20万元": threePublic.total); `concept` is the item's. */
    whole: z.string().optional(),
  })
  .strict();
export type Change = Z.infer<typeof ChangeSchema>;

export const ProvenanceSchema = z
  .object({
    table: z.number().int().nonnegative(),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    page: z.number().int().positive().nullable(),
    raw: z.string(),
    /** XLSX: the worksheet; row and col are then the sheet's (0-based; D7 is row 6, col 3). */
    sheet: z.string().optional(),
    /** A scan (readBy 'ocr'): how sure OCR is of the cell's text, 0–1 (rules.md check 31). */
    confidence: ocrConfidence.optional(),
    /** A scan: the cell's rectangle on its page, [left, top, right, bottom] in points from the
     *  page's top-left corner (a picture file: its pixels × 72 ÷ its resolution, the picture
     *  taken as an A4 page). */
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    /** A scan: a red seal lies over the cell (read through it where the print is black). */
    seal: z.literal(true).optional(),
  })
  .strict();
export type Provenance = Z.infer<typeof ProvenanceSchema>;

export const SourceSchema = z
  .object({
    name: z.string(),
    path: z.string(),
    sha256: z.string(),
    /** The format read: docx, pdf, xlsx; a converted file names its original in convertedFrom. */
    format: z.enum(SOURCE_FORMATS),
    convertedFrom: z.enum(['doc', 'wps', 'xls', 'et', 'rtf', 'odt', 'ods']).optional(),
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().positive().nullable(),
    formIndex: z.number().int().nonnegative(),
  })
  .strict();

/** One step of a printed scoring band: the execution rates from `from` to `to` (null: no
 *  bound on that side) earn `points`. An end's `…Included` is true or false where the form
 *  says (含, ≥, 低于 …), null where it leaves it open (以上 / 以下 beside no stated end). */
export const ScoreBandStepSchema = z
  .object({
    from: nullableDecimal,
    fromIncluded: z.boolean().nullable(),
    to: nullableDecimal,
    toIncluded: z.boolean().nullable(),
    points: decimal,
  })
  .strict();
export type ScoreBandStep = Z.infer<typeof ScoreBandStepSchema>;

/** The fund score's own rule, printed by the form as a scoring band: in the 得分 header
 *  ("得分（执行率≥95%得10分；90%（含）-95%得8分；…）") or in a note row under the block. */
export const ScoreBandSchema = z
  .object({
    printed: z.enum(['header', 'note']),
    /** The band as printed, whitespace removed. */
    text: z.string(),
    /** Its steps; null when the form prints a band jxaudit could not read whole. */
    steps: z.array(ScoreBandStepSchema).nullable(),
  })
  .strict();
export type ScoreBand = Z.infer<typeof ScoreBandSchema>;

/** Where an unreadable block was seen and why it could not be read (check 29's message);
 *  or, with `cut`, a read block part of which the page's edge cut off. */
export const UnreadBlockSchema = z
  .object({
    block: z.enum(RECORD_BLOCKS),
    table: z.number().int().nonnegative().nullable(),
    row: z.number().int().nonnegative().nullable(),
    /** XLSX: the worksheet and the column of the label's cell; row and col are then the
     *  sheet's (0-based, as in provenance). */
    sheet: z.string().optional(),
    col: z.number().int().nonnegative().optional(),
    page: z.number().int().positive().nullable(),
    /** The printed label it was recognized by ("项目资金（万元）"). */
    label: z.string().nullable(),
    /** Why it could not be read, in Chinese, for staff. */
    reason: z.string(),
    /** The block is read but for what its table shows past the page's visible edge on this
     *  side (a browser's print of a table wider than its page): those fields are missing,
     *  each marked `clipped` in cellIssues; `row`/`page` say where the cut begins. */
    cut: z.enum(['right', 'bottom']).optional(),
  })
  .strict();
export type UnreadBlock = Z.infer<typeof UnreadBlockSchema>;

/** A self-evaluation report (自评报告) printed in the file whose title names a form the file
 *  does not hold — or several of its forms, none the one it follows: bound to no form, its
 *  figures compared with no table (report-binding.ts). Kept on the form it was printed
 *  with, so that the check says so instead of dropping it silently. */
export const UnboundReportSchema = z
  .object({
    /** The report's title as printed, whitespace removed (a title wrapped over two lines joined). */
    title: z.string(),
    /** PDF: the page its title is on; null in a Word file. */
    page: z.number().int().positive().nullable(),
    /** Why it fits no form, in Chinese, for staff ("本文件中没有“动物疫病防控”项目的自评表"). */
    reason: z.string(),
  })
  .strict();
export type UnboundReport = Z.infer<typeof UnboundReportSchema>;

export const RecordSchema = z
  .object({
    schema: z.literal(RECORD_SCHEMA_ID),
    source: SourceSchema,
    form: z.enum(FORM_KINDS),
    /** Which template (layout variant) recognized the form, e.g. "project-sichuan". */
    layout: z.string().optional(),
    /** 'ocr': read from a scan by OCR; values carry their confidence in provenance (check 31). */
    readBy: z.literal('ocr').optional(),
    year: z.number().int().nullable(),
    entity: z.string().nullable(),
    header: z.object({ department: z.string().nullable(), implementer: z.string().nullable() }).strict(),
    unit: z.literal('万元'),
    sourceUnit: z.enum(['万元', '元']),
    /** Which blocks were read (rules.md check 29): an unreadable block is never blank. */
    blocks: z.object(Object.fromEntries(RECORD_BLOCKS.map((b) => [b, z.enum(BLOCK_STATES)])) as Record<RecordBlock, Z.ZodEnum<{ read: 'read'; absent: 'absent'; unreadable: 'unreadable' }>>).strict(),
    /** One entry per unreadable block: where it was seen and why; and one per read block
     *  the page's edge cut a part off (`cut`). */
    unreadBlocks: z.array(UnreadBlockSchema),
    /** Cell-level reading notes by field path (readMoney's `issue`), so checks need not re-read raw text. */
    cellIssues: z.record(z.string(), z.enum(CELL_ISSUES)),
    grade: z.string().nullable(),
    funds: z
      .object({
        sources: z.record(z.string(), FundLineSchema),
        uses: z.record(z.string(), FundLineSchema).optional(),
      })
      .strict(),
    /** Each fund line's row label as printed ("funds.sources.fiscal" → "（1）财政拨款"): the
     *  name messages use for a line a provincial template adds (e.g. 一般公共预算). */
    lineLabels: z.record(z.string(), z.string()).optional(),
    /** Fund lines printed as a breakdown of another line (其中：本级财政资金 under （1）财政拨款,
     *  ①中央补助 under （1）财政资金; a use the lexicon does not know, 其中：工资福利支出 under
     *  （1）基本支出, 其中：“三公”经费 under 公用支出): the line's path → its parent line's path
     *  ("funds.sources.extra1" → "funds.sources.fiscal", "funds.uses.extra1" → "funds.uses.basic").
     *  Such a line is a part of its parent, not of its group's total. The uses lines the lexicon
     *  knows (人员支出, 公用支出 under 基本支出) have none: their place is the lexicon's. Absent
     *  when no line is printed so. */
    lineParents: z.record(z.string(), z.string()).optional(),
    /** The scoring band the form prints for the fund score (rules.md check 7 then compares
     *  the score with the band's points, not weight × rate). Absent when none is printed. */
    fundScoreBand: ScoreBandSchema.optional(),
    goals: z.array(z.object({ target: z.string().nullable(), result: z.string().nullable() }).strict()),
    /** Weights printed in group labels: a level-1 label ("产出指标(50分)" → level1) or a goal
     *  block's label in layouts without a 分值 column ("年度绩效目标1(40分)" → label); and
     *  a 分值/得分 cell merged over several indicators' rows (MergedGroupSchema). */
    indicatorGroups: z.array(
      z.union([z.object({ level1: z.string(), weight: decimal }).strict(), z.object({ label: z.string(), weight: decimal }).strict(), MergedGroupSchema]),
    ),
    indicators: z.array(IndicatorSchema),
    total: z.object({ weight: nullableDecimal, score: nullableDecimal }).strict(),
    conclusions: z
      .object({ verdict: z.string().nullable(), problems: z.string().nullable(), measures: z.string().nullable() })
      .strict(),
    narrative: z
      .object({
        text: z.string().nullable(),
        facts: z.record(z.string(), z.array(FactSchema)),
        changes: z.array(ChangeSchema),
      })
      .strict(),
    provenance: z.record(z.string(), ProvenanceSchema),
    /** Reports printed with this form that bind to no form of the file (UnboundReportSchema);
     *  absent when there are none. */
    unboundReports: z.array(UnboundReportSchema).optional(),
  })
  .strict();
export type FormRecord = Z.infer<typeof RecordSchema>;

/** JSON Schema of the record, for `jxaudit schema`. */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' });
}
