// exceljs drops a formula's cached result when it is the empty string: its cell parser
// keeps a <v> only when the text is truthy, so `IF(E9=0,"",F9/E9)` saved by Excel as
// t="str" <v></v> reads as a formula never calculated — and check 30 would call a rate
// the clerk left blank on purpose "uncached". This patch notes that the cell had a <v>
// and gives such a formula the result "" it was saved with. A formula saved without
// any <v> (written by a program, never opened in Excel) stays without a result.
// Pinned to exceljs 4.4's CellXform (lib/xlsx/xform/sheet/cell-xform.js).
import { createRequire } from 'node:module';

interface CellXformLike {
  parser?: unknown;
  model?: { formula?: string; shareType?: string; result?: unknown };
  sawValue?: boolean;
  parseOpen(node: { name: string }): boolean;
  parseClose(name: string): boolean;
}

const require = createRequire(import.meta.url);
const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as { prototype: CellXformLike };
const proto = CellXform.prototype;
const parseOpen = proto.parseOpen;
const parseClose = proto.parseClose;

proto.parseOpen = function (this: CellXformLike, node: { name: string }): boolean {
  if (!this.parser) {
    if (node.name === 'c') this.sawValue = false;
    else if (node.name === 'v') this.sawValue = true;
  }
  return parseOpen.call(this, node);
};

proto.parseClose = function (this: CellXformLike, name: string): boolean {
  const inCell = name === 'c' && !this.parser;
  const more = parseClose.call(this, name);
  const model = this.model;
  if (inCell && this.sawValue && model && (model.formula || model.shareType) && model.result === undefined) model.result = '';
  return more;
};
