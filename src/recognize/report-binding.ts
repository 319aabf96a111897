// Whose report: the body text after a form is its narrative by position, but a report
// printed there may say in its title whose it is — "平川县农业农村局2023年度部门整体支出绩效
// 自评报告" after the last project form (the department's report put at the end, 附件4),
// "动物疫病防控项目绩效自评报告" after another project's form. A report is bound to the form
// its title names — by kind (部门整体/单位整体 → the department's form, 项目 → a project's)
// and by the unit or project named before it — and to its position only where the title
// names nothing. One whose title names a kind or name no form of the file has is bound to
// none: checked against another form's table, its figures only make false errors.
import type { FormKind, UnboundReport } from '../model/record.js';
import { squeeze, toHalfWidth } from '../normalize/cell.js';
import { formExtent, headEnd } from './build-record.js';
import { isContentsEntry } from './contents.js';
import { extractNarrativeFacts } from './facts.js';
import { normLabel } from './labels.js';
import { namesReport, sectionNumber } from './narrative.js';
import { readHeader, titleEntity } from './read-header.js';
import { bodyAfter, readNarrative } from './read-narrative.js';
import type { FoundForm } from './reports-before-forms.js';
import { MAX_TITLE_LENGTH, titleOf, type Item, type Lexicon } from './segments.js';
import type { Template } from './template-schema.js';

/** What a report's title says of whose report it is. */
export interface ReportOwner {
  /** The kinds of form it names (部门整体支出… → dept-overall); empty when it names none. */
  kinds: FormKind[];
  /** The unit or project it names before the report's name, or null. */
  name: string | null;
}

/** The report's own word ending its title ("自评报告", "自评情况说明"): put 表 in its place
 *  and the title reads as the title of the form it reports on, its kind told by the
 *  templates' own title anchors (segments.ts titleOf). */
const REPORT_WORD = /(?:工作)?的?(?:情况)?的?(?:报告|说明|综述|总结|分析)$/;
/** A remark in brackets after the title: "（文字部分）". */
const REMARK = /(?:\([^()]*\))+$/;
/** Where a title without a form's name names what is evaluated: "…2023年度绩效自评报告". */
const SUBJECT_WORDS = /(?:支出)?(?:绩效|自评|评价)/;

/**
 * The owner a line names when it is a report's title (namesReport: its last word the
 * kind of text, its subject the evaluation, no clause in it; not numbered as a part of
 * a text), or null when it is none or names no owner ("自评报告", "2023年度绩效自评报告").
 */
export function reportOwner(text: string, lex: Lexicon, t: Template): ReportOwner | null {
  if (text.length > MAX_TITLE_LENGTH * 2 || isContentsEntry(text)) return null;
  const s = squeeze(text).replace(REMARK, '');
  // a numbered line ("一、…", "（二）…") is a part of a report, never its title
  if (sectionNumber(s) !== null) return null;
  if (s.length === 0 || s.length > MAX_TITLE_LENGTH || !REPORT_WORD.test(s) || !namesReport(text, normLabel(text))) return null;
  // "…项目绩效评价报告": the project form's anchors say 自评 where a report may say 评价
  const asForm = titleOf(s.replace(REPORT_WORD, '表'), lex) ?? titleOf(s.replace(REPORT_WORD, '表').replace(/评价表$/, '自评表'), lex);
  const at = asForm ? asForm.nameAt : s.search(SUBJECT_WORDS);
  const name = at > 0 ? titleEntity({ text: asForm?.text ?? s, nameAt: at }, t) : null;
  const owner = { kinds: asForm?.kinds ?? [], name: name === null ? null : cleanName(name) };
  return owner.kinds.length > 0 || owner.name ? owner : null;
}

/** "关于XX局的", "XX局关于" → "XX局"; a name left shorter than two characters is none. */
function cleanName(name: string): string | null {
  const s = name.replace(/^关于|关于$/g, '').replace(/的$/, '');
  return s.length >= 2 ? s : null;
}

/** A name folded for comparison: half-width, no brackets' remark (（本级）), no year, no
 *  generic word ending it (项目, 工程, 资金, 单位 …): "2023年财政信息化建设项目" → 财政信息化建设. */
function foldName(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/(?:项目|工程|专项|资金|经费|单位|部门|本级|整体)+$/, '');
}

/** Longest common run of characters. */
function commonRun(a: string, b: string): number {
  let best = 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (row[j] > best) best = row[j];
      diag = keep;
    }
  }
  return best;
}

/** Share of the shorter name two names must have in one run to be the same name
 *  ("农村饮水安全巩固提升" and "农村饮水安全巩固提升工程"; not "财政信息化建设" and
 *  "乡镇财政所标准化建设"). */
const SAME_NAME_SHARE = 0.8;

export function sameName(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (x.length < 2 || y.length < 2) return false;
  return commonRun(x, y) >= SAME_NAME_SHARE * Math.min(x.length, y.length);
}

/** The names a form goes by: its own (the project's name, the unit's) first, then those of
 *  its 主管部门 and 实施单位 and the unit its title prints. */
interface FormNames {
  kind: FormKind;
  own: string | null;
  others: string[];
}

function namesOf({ seg, fit }: FoundForm): FormNames {
  const t = fit.template;
  const extent = formExtent(seg, fit);
  const { startItem } = readNarrative(seg, fit.indicators, extent, t).value;
  const { entity, header } = readHeader(seg, t, {
    fund: fit.fund,
    headEnd: headEnd(seg, fit),
    formEnd: extent.formEnd,
    narrativeStart: startItem,
    // its names from its cells and title only: the narrative is what is being placed
    paragraphs: [],
  }).value;
  const fromTitle = seg.title ? titleEntity(seg.title, t) : null;
  const others = [header.department, header.implementer, fromTitle].filter((n): n is string => !!n && n !== entity);
  return { kind: t.kind, own: entity, others };
}

/** The forms a report's owner names, the best-named tier: those whose own name is the
 *  one named, else those that go by it otherwise (a project's 主管部门 named in a report
 *  on the department's projects), else those whose names are all unknown. */
function ownersOf(owner: ReportOwner, forms: FormNames[]): number[] {
  const ofKind = forms.map((f, i) => ({ f, i })).filter(({ f }) => owner.kinds.length === 0 || owner.kinds.includes(f.kind));
  if (!owner.name) return ofKind.map(({ i }) => i);
  const name = owner.name;
  const tiers = [
    ofKind.filter(({ f }) => f.own !== null && sameName(f.own, name)),
    ofKind.filter(({ f }) => f.others.some((n) => sameName(n, name))),
    ofKind.filter(({ f }) => f.own === null && f.others.length === 0),
  ];
  return (tiers.find((x) => x.length > 0) ?? []).map(({ i }) => i);
}

/** A report under its title: items [from, to) of a form's body text. */
interface TitledReport {
  from: number;
  to: number;
  owner: ReportOwner;
  /** Its title as printed, whitespace removed (both lines of a wrapped one). */
  title: string;
  page: number | null;
}

/** A line with a clause in it: prose, no title's first line. */
const CLAUSE = /[,，。;；!！?？]/;

/** The owner the title at `i` names, and the lines it takes: its line, or its line and the
 *  next where a PDF wrapped it ("…部门整体支出绩效自评" | "报告") and the next is no title alone. */
function ownerAt(items: Item[], i: number, lex: Lexicon, t: Template): { owner: ReportOwner; lines: number } | null {
  const it = items[i];
  if (it.kind !== 'para') return null;
  const owner = reportOwner(it.text, lex, t);
  if (owner) return { owner, lines: 1 };
  const next = items[i + 1];
  if (next?.kind !== 'para' || CLAUSE.test(it.text) || squeeze(it.text).length === 0 || sectionNumber(squeeze(it.text)) !== null) return null;
  if (reportOwner(next.text, lex, t)) return null;
  const wrapped = reportOwner(it.text.trimEnd() + next.text.trimStart(), lex, t);
  return wrapped ? { owner: wrapped, lines: 2 } : null;
}

/** The reports the text holds under a title naming their owner, each up to the next. */
function titledReports(items: Item[], lex: Lexicon, t: Template): TitledReport[] {
  const out: TitledReport[] = [];
  let skip = -1;
  items.forEach((_, i) => {
    if (i <= skip) return; // the second line of a wrapped title
    const at = ownerAt(items, i, lex, t);
    if (!at) return;
    skip = i + at.lines - 1;
    const owner = at.owner;
    if (out.length) out[out.length - 1].to = i;
    const lines = items.slice(i, i + at.lines);
    const title = squeeze(lines.map((l) => (l.kind === 'para' ? l.text : '')).join(''));
    const page = items[i].kind === 'para' ? items[i].page : null;
    out.push({ from: i, to: items.length, owner, title, page });
  });
  return out;
}

const KIND_FORMS: Record<FormKind, string> = { 'dept-overall': '部门整体支出绩效自评表', project: '项目支出绩效自评表' };

/** Why a report fits no form, for staff: what its title names that the file lacks, or that
 *  it fits several forms and not the one it follows. */
function unboundReason(owner: ReportOwner, owners: number): string {
  if (owners > 1) return `其标题与本文件中的${owners}张表都相符，无法确定是哪一张表的报告`;
  const what = owner.kinds.length > 0 ? owner.kinds.map((k) => KIND_FORMS[k]).join('或') : '自评表';
  return `本文件中没有${owner.name ? `“${owner.name}”的` : ''}${what}`;
}

/**
 * Binds each report printed after a form (or before it, where reports-before-forms.ts
 * placed it) whose title names its owner to that form: it stays where that form is the
 * one it follows (or one of those it names), moves to the one form it names otherwise,
 * and is bound to none where it names no form of the file, or several and not this one —
 * then kept, title and reason, in `unbound` of the form it was printed with, so that the
 * report says its figures were compared with no table (never with a wrong form's).
 * A form whose text changes reads it from `seg.lead`; the others are left as they are.
 */
export function bindReportsByTitle(found: FoundForm[], lex: Lexicon, unplaced: Item[] = []): void {
  const sources = found.map(({ seg, fit }) => seg.lead ?? bodyAfter(seg, formExtent(seg, fit).formEnd));
  const reports = sources.map((items, k) => titledReports(items, lex, found[k].fit.template));
  // A report before the first form that no form took (reports-before-forms.ts): one stating
  // figures under a title naming no form of the file is said, on the first form, as unbound.
  const loose = found.length > 0 ? titledReports(unplaced, lex, found[0].fit.template) : [];
  if (reports.every((r) => r.length === 0) && loose.length === 0) return;
  let names: FormNames[] | null = null;
  for (const r of loose) {
    const text = unplaced.slice(r.from, r.to).flatMap((it) => (it.kind === 'para' ? [it.text] : []));
    if (Object.keys(extractNarrativeFacts(text).facts).length === 0) continue;
    names ??= found.map(namesOf);
    if (ownersOf(r.owner, names).length > 0) continue;
    (found[0].unbound ??= []).push({ title: r.title, page: r.page, reason: unboundReason(r.owner, 0) });
  }
  const moved = found.map(() => [] as Item[]);
  const changed = new Set<number>();
  const kept = sources.map((items, k) => {
    const out: Item[] = [];
    let at = 0;
    for (const r of reports[k]) {
      out.push(...items.slice(at, r.from));
      at = r.to;
      const text = items.slice(r.from, r.to);
      // Said of this form's kind, and of no name: this form's, as by position.
      if (!r.owner.name && r.owner.kinds.includes(found[k].fit.template.kind)) {
        out.push(...text);
        continue;
      }
      names ??= found.map(namesOf);
      const owners = ownersOf(r.owner, names);
      if (owners.includes(k)) {
        out.push(...text);
        continue;
      }
      changed.add(k);
      if (owners.length === 1) {
        moved[owners[0]].push(...text);
        changed.add(owners[0]);
      } else {
        const unbound: UnboundReport = { title: r.title, page: r.page, reason: unboundReason(r.owner, owners.length) };
        (found[k].unbound ??= []).push(unbound);
      }
    }
    out.push(...items.slice(at));
    return out;
  });
  for (const k of changed) found[k].seg.lead = [...kept[k], ...moved[k]];
}
