// What a form template (rules/templates/*.yaml) may say, as a zod schema, and the
// resolved shape the recognizer works with. Every label a layout prints lives in
// these files; the code only knows the record's keys. The schema is built on first use
// (lazy-zod.ts): a worker thread receives the templates resolved and never loads zod.
import type { z } from 'zod';
import { lazySchema } from '../lazy-zod.js';
import { FORM_KINDS, FUND_COLUMNS, INDICATOR_FIELDS, type FormKind, type FundColumn, type IndicatorField } from '../model/record-constants.js';

/** The indicator columns a template may label: the record's indicator fields. */
export const INDICATOR_COLUMNS = INDICATOR_FIELDS;
export type IndicatorColumn = IndicatorField;

/** The precedence of column meanings when a label holds words of several (labels.ts
 *  bestKey): "预算执行率" is a rate before a budget, "预算执行数" an actual, "年初预算数" an
 *  initial budget, "得分(20分*执行率)" a score; "指标分值" a weight, "未完成原因" a reason,
 *  "实际完成值" an actual before a target. */
export const FUND_COLUMN_PRECEDENCE = ['score', 'rate', 'weight', 'reason', 'initial', 'actual', 'budget'] as const;
export const INDICATOR_COLUMN_PRECEDENCE = ['level1', 'level2', 'name', 'nature', 'measure', 'weight', 'score', 'deviation', 'actual', 'target'] as const;
export const FUND_GROUPS = ['sources', 'uses'] as const;
export type FundGroup = (typeof FUND_GROUPS)[number];
export const FORM_BLOCKS = ['fund', 'goals', 'indicators', 'total'] as const;
export type FormBlock = (typeof FORM_BLOCKS)[number];

const schemas = lazySchema((z) => {
  const labels = z.array(z.string().min(1)).describe('a list of labels (synonyms)');
  const lineKey = z.string().regex(/^[a-z][a-zA-Z]*$/, 'a camelCase line key such as "fiscal" or "specialAccount"');

  const words = z.array(z.string().min(1));
  /** The words of a printed scoring band ("执行率≥95%得10分；90%（含）-95%得8分；…；低于60%不得分"). */
  const scoreBandSchema = z
    .object({
      separators: words,
      points: words,
      pointsUnit: words,
      noPoints: words,
      before: z.object({ from: words, above: words, to: words, below: words }).strict(),
      after: z.object({ fromIncluded: words, from: words, toIncluded: words, to: words }).strict(),
      included: words,
      excluded: words,
      range: words,
      filler: words,
    })
    .strict();
  const fundColumnsSchema = z.object(Object.fromEntries(FUND_COLUMNS.map((k) => [k, labels.optional()])) as Record<FundColumn, z.ZodOptional<typeof labels>>).strict();
  const indicatorColumnsSchema = z
    .object(Object.fromEntries(INDICATOR_COLUMNS.map((k) => [k, labels.optional()])) as Record<IndicatorColumn, z.ZodOptional<typeof labels>>)
    .strict();

  const templateFileSchema = z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case id such as "project-sichuan"'),
      extends: z.string().optional(),
      abstract: z.boolean().optional(),
      kind: z.enum(FORM_KINDS).optional(),
      description: z.string().optional(),
      /** Title anchors: 部门整体支出绩效自评表 / 项目支出绩效自评表. */
      title: labels.optional(),
      /** What must hold for this layout to be chosen; each met requirement makes it more specific. */
      identify: z
        .object({
          fundColumns: z.array(z.enum(FUND_COLUMNS)).optional(),
          /** Words one of which a required fund column's header must print (Sichuan's 原因, not a 备注 read as the reason). */
          fundColumnWords: fundColumnsSchema.optional(),
          fundLines: z.array(z.string().regex(/^(sources|uses)\.[a-z][a-zA-Z]*$/, 'a line such as "sources.specialAccount"')).optional(),
          indicatorColumns: z.array(z.enum(INDICATOR_COLUMNS)).optional(),
          /** Labels printed as a cell of the form's tables (e.g. 得分系数). */
          labels: labels.optional(),
        })
        .strict()
        .optional(),
      /** Blocks a form of this layout must have; a missing one fails the file, naming the block. */
      requiredBlocks: z.array(z.enum(FORM_BLOCKS)).optional(),
      fund: z
        .object({
          anchors: labels.optional(),
          columns: fundColumnsSchema.optional(),
          ignoreColumns: labels.optional(),
          groups: z.object({ sources: labels.optional(), uses: labels.optional() }).strict().optional(),
          lines: z
            .object({
              sources: z.record(lineKey, labels).optional(),
              uses: z.record(lineKey, labels).optional(),
            })
            .strict()
            .optional(),
          /** Regular expressions (over the whitespace-free, half-width text) of the wording of
           *  a note the form prints in the block (需说明原因, (100字以内), 预算执行率=…/…). */
          notes: z.array(z.string().min(1)).optional(),
          /** The wording of a scoring band the form prints for the fund score (score-band.ts). */
          scoreBand: scoreBandSchema.optional(),
          /** Groups of the markers a source line's label begins with when it breaks down the
           *  line above (其中, 含, —, ·): the markers of one group are one list level's. */
          breakdown: z.array(z.array(z.string().min(1)).min(1)).optional(),
          /** Words of lines that are always a breakdown of a line printed above them, never a
           *  part of their group's total (a use's economic classification 工资福利支出 …, 三公经费):
           *  where the form's list does not mark them (其中, indent), still nested under it. */
          breakdownLines: z.object({ sources: labels.optional(), uses: labels.optional() }).strict().optional(),
        })
        .strict()
        .optional(),
      goals: z.object({ anchors: labels.optional(), target: labels.optional(), result: labels.optional() }).strict().optional(),
      indicators: z
        .object({
          anchors: labels.optional(),
          columns: indicatorColumnsSchema.optional(),
          ignoreColumns: labels.optional(),
          /** Regular expressions (over the whitespace-free name) of a template row's 三级指标. */
          placeholders: z.array(z.string().min(1)).optional(),
          /** Head words of a header saying how a row is judged (评分标准, 评分依据): a text column. */
          criteria: labels.optional(),
        })
        .strict()
        .optional(),
      total: z.object({ labels: labels.optional() }).strict().optional(),
      /** Labels of a block of another kind a form may print among its own (年度主要任务 | 任务名称 | …):
       *  rows under it are no indicators. */
      tasks: z.object({ anchors: labels.optional() }).strict().optional(),
      header: z
        .object({ project: labels.optional(), department: labels.optional(), implementer: labels.optional(), entity: labels.optional() })
        .strict()
        .optional(),
      grade: labels.optional(),
      conclusions: z.object({ verdict: labels.optional(), problems: labels.optional(), measures: labels.optional() }).strict().optional(),
      narrative: z
        .object({
          headings: labels.optional(),
          overview: labels.optional(),
          /** A table of contents' heading (目录): it and its entries are no narrative. */
          contents: labels.optional(),
          /** An annex label (附件, 附表 + its number): on the narrative's last line, it names what follows. */
          annexes: labels.optional(),
          /** Labels of a row inside the table whose cell beside them is narrative prose (主要绩效). */
          rows: labels.optional(),
          /** Last words of a sign-off line's labels (联系人, 联系电话, 填报日期): such a line ends a section. */
          signoff: labels.optional(),
          /** Labels a note printed with the form opens with (注：, 备注：, 填表说明：): it and its
           *  numbered items are text about the table, no narrative. */
          notes: labels.optional(),
        })
        .strict()
        .optional(),
    })
    .strict();
  return { scoreBandSchema, templateFileSchema };
});

/** One template file as written: everything optional (a template may extend another). */
export const templateFileSchema = (): ReturnType<typeof schemas>['templateFileSchema'] => schemas().templateFileSchema;
export type ScoreBandWords = z.infer<ReturnType<typeof schemas>['scoreBandSchema']>;
export type TemplateFile = z.infer<ReturnType<typeof templateFileSchema>>;

/** A template after `extends` is resolved and every label normalized for matching. */
export interface Template {
  id: string;
  kind: FormKind;
  description: string;
  /** The file that defined it (for messages). */
  file: string;
  title: string[];
  identify: { fundColumns: FundColumn[]; fundColumnWords: Partial<Record<FundColumn, string[]>>; fundLines: string[]; indicatorColumns: IndicatorColumn[]; labels: string[] };
  requiredBlocks: FormBlock[];
  fund: {
    anchors: string[];
    columns: Partial<Record<FundColumn, string[]>>;
    ignoreColumns: string[];
    groups: Partial<Record<FundGroup, string[]>>;
    lines: Partial<Record<FundGroup, Record<string, string[]>>>;
    notes: RegExp[];
    /** Half-width; null when no template gives the words (no band is read). */
    scoreBand: ScoreBandWords | null;
    /** Half-width, whitespace-free. */
    breakdown: string[][];
    /** Normalized (normLabel) words of lines always printed as a breakdown of a line above. */
    breakdownLines: Partial<Record<FundGroup, string[]>>;
  };
  goals: { anchors: string[]; target: string[]; result: string[] };
  indicators: {
    anchors: string[];
    columns: Partial<Record<IndicatorColumn, string[]>>;
    ignoreColumns: string[];
    placeholders: RegExp[];
    criteria: string[];
  };
  total: { labels: string[] };
  tasks: { anchors: string[] };
  header: { project: string[]; department: string[]; implementer: string[]; entity: string[] };
  grade: string[];
  conclusions: { verdict: string[]; problems: string[]; measures: string[] };
  narrative: { headings: string[]; overview: string[]; contents: string[]; annexes: string[]; rows: string[]; signoff: string[]; notes: string[] };
}
