// The money unit a form states: "单位：元", "金额单位：万元", "（万元）". Read by the
// recognizer for the form's unit — in the form, in the lines printed above its title
// and in a DOCX's page headers and footers — and by the PDF reader, which must keep such a line
// even where it repeats atop every page like a running header: it is the unit of the
// table below, not furniture.
import { squeeze } from './cell.js';

export type SourceUnit = '万元' | '元';

/** The unit a text states ("单位：元" / "金额单位：万元" / "（万元）" anywhere in it), or null. */
export function unitIn(text: string): SourceUnit | null {
  const s = squeeze(text);
  const m = /单位:(万元|元)/.exec(s) ?? /\((万元|元)\)/.exec(s);
  return m ? (m[1] as SourceUnit) : null;
}

