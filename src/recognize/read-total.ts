// The 总分 row: its 分值 and 得分, by the indicator header's columns when the row
// lines up with them, else the cells after its label in order.
import type { FormRecord } from '../model/record.js';
import { isBlankCell, readScore, toHalfWidth } from '../normalize/cell.js';
import { blockReading, noteCell, type BlockReading } from './block-reading.js';
import { rowCellAt, rowCells } from './grid.js';
import type { IndicatorRowAt } from './indicator-block.js';
import { printedWeight } from './labels.js';
import type { Template } from './template-schema.js';

export function readTotal(tr: IndicatorRowAt | null | undefined, t: Template): BlockReading<FormRecord['total']> {
  const total: FormRecord['total'] = { weight: null, score: null };
  const out = blockReading(total);
  if (!tr) return out;
  const cells = rowCells(tr.table, tr.row).filter((rc) => tr.fromCol === undefined || rc.col >= tr.fromCol);
  const labelIdx = cells.findIndex((rc) => rc.label !== '');
  const label = cells[labelIdx];
  const w = tr.columns.weight !== undefined ? rowCellAt(tr.table, tr.row, tr.columns.weight) : undefined;
  const s = tr.columns.score !== undefined ? rowCellAt(tr.table, tr.row, tr.columns.score) : undefined;
  // Read by the indicator header's columns when the total row is aligned with
  // them; otherwise the cells after the label, in order: 分值, 得分.
  const aligned = !!w && !!s && w.cell !== label.cell && s.cell !== label.cell && w.cell !== s.cell && w.col === tr.columns.weight && s.col === tr.columns.score;
  const after = cells.slice(labelIdx + 1);
  // No 分值 column (the Hubei four-box layout): the row's one figure is its 得分.
  const scoreOnly = tr.columns.weight === undefined;
  const sAligned = !!s && s.cell !== label.cell && s.col === tr.columns.score;
  let wCell = scoreOnly ? undefined : aligned ? w : after[0];
  const labelWeight = label ? printedWeight(label.cell.text) : null;
  let sCell = scoreOnly ? (sAligned ? s : after[0]) : aligned ? s : after[1];
  // What the row's cells may print before their figures: "自评得分：99.20", "总分：100".
  const weightNames = [...t.total.labels, ...(t.indicators.columns.weight ?? [])];
  const scoreNames = [...t.total.labels, ...(t.indicators.columns.score ?? [])];
  // Read by meaning: words where the 得分 should be (a grade typed there, "自评等级：优")
  // while the row's figures, exactly two, stand elsewhere — a hand-made row shifted a
  // column ("总分 | 100 | 97.5 | 自评等级：优", 100 under 实际完成值): they are 分值 then 得分.
  if (!scoreOnly && sCell && isWords(sCell.cell.text)) {
    const names = [...weightNames, ...scoreNames];
    const figures = after.filter((rc) => readScore(rc.cell.text, names).value !== null);
    if (figures.length === 2) [wCell, sCell] = figures;
  }
  // The total's weight in its label ("总分（100分）", "合计（100分）"), read where the row has no
  // 分值 column or its 分值 cell is left blank; a 分值 cell that prints anything is read as printed.
  const weightInLabel = labelWeight !== null && (scoreOnly || (!!wCell && isBlankCell(wCell.cell.text)));
  if (wCell && !weightInLabel) {
    const reading = readScore(wCell.cell.text, weightNames);
    total.weight = reading.value;
    noteCell(out, 'total.weight', tr.table, tr.row, wCell.col, wCell.cell.text, reading);
  } else if (weightInLabel) {
    const reading = readScore(labelWeight);
    total.weight = reading.value;
    noteCell(out, 'total.weight', tr.table, tr.row, label.col, label.cell.text, reading);
  }
  if (sCell) {
    const reading = readScore(sCell.cell.text, scoreNames);
    total.score = reading.value;
    noteCell(out, 'total.score', tr.table, tr.row, sCell.col, sCell.cell.text, reading);
  }
  return out;
}

/** Why a 总分 row found read nothing: its figures printed in its label's cell, none in a
 *  cell of their own ("总分：100分，自评得分：99.86分" typed in one merged cell; a scan whose
 *  rules OCR did not see, "总分 | 100 | 99.75 | 优") — else no 分值 or 得分 to read. */
export function totalUnreadWhy(tr: IndicatorRowAt | null | undefined): string {
  const none = '总分行没有可读取的分值或得分';
  if (!tr) return none;
  const cells = rowCells(tr.table, tr.row).filter((rc) => tr.fromCol === undefined || rc.col >= tr.fromCol);
  const labelIdx = cells.findIndex((rc) => rc.label !== '');
  if (labelIdx < 0 || cells.slice(labelIdx + 1).some((rc) => !isBlankCell(rc.cell.text))) return none;
  return /\d/.test(toHalfWidth(cells[labelIdx].cell.text)) ? '总分行的分值和得分与其标签印在同一格内，未能分别读取' : none;
}

/** A cell of words, no figure in it: not blank, and not a mistyped number ("1.2.3",
 *  "得分率：95%"), which stays a cell not read as a number. */
function isWords(raw: string): boolean {
  return !isBlankCell(raw) && !/\d/.test(toHalfWidth(raw));
}

/** A grade printed beside the total (总分 | 100 | 96 | 优): the cell after the score, when it is one. */
const GRADE = /^(优秀?|良好?|中等?|合格|差|不合格|及格|不及格|[A-D])$/;

/** A grade word alone (优, 良好, 合格, B …), as a 自评等级 or 自评结果 cell may print it. */
export function isGradeWord(text: string): boolean {
  return GRADE.test(text.replace(/[\s\u3000]+/g, ''));
}

export function gradeInTotalRow(tr: IndicatorRowAt | null | undefined, scoreCol: number | undefined): BlockReading<string | null> {
  const out = blockReading<string | null>(null);
  if (!tr || scoreCol === undefined) return out;
  const next = rowCells(tr.table, tr.row).find((rc) => rc.col > scoreCol && rc.label !== '');
  if (next && GRADE.test(next.label)) {
    out.value = next.cell.text.trim();
    noteCell(out, 'grade', tr.table, tr.row, next.col, next.cell.text);
  }
  return out;
}
