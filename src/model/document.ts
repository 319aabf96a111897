// The document model every reader produces (DOCX and PDF alike) and the
// recognizer consumes: tables as expanded grids plus body paragraphs, in order.

/** One position of a table's expanded grid. A merged cell is repeated at every
 *  position it covers; `origin` names the top-left position it was written at. */
export interface DocCell {
  /** The cell's text as read: its paragraphs joined by "\n", nothing folded. */
  text: string;
  /** The cell's paragraphs, kept apart (empty paragraphs kept as ""). */
  paragraphs: string[];
  /** Where the merged cell starts (equals this position when not merged). */
  origin: { row: number; col: number };
  rowSpan: number;
  colSpan: number;
  /** 1-based page number (PDF), null for DOCX. */
  page: number | null;
  /** PDF: the page each of `paragraphs` starts on (a cell may run over a page break). */
  paragraphPages?: number[];
  /** XLSX: 'uncached' for a formula cell saved without its value (text ""; rules.md check 30). */
  formula?: 'uncached';
  /** PDF: the cell runs on past the page's visible edge (a browser's print of a table wider
   *  than its page cuts it there). `seen`: the text the page shows of it. `cut`: what it
   *  holds is unknown — its text may go on past the edge (a line reaches it, or nothing
   *  shows, or the foot of the page cut it) — so its `text` is "" and its value is never
   *  read, blank or not (rules.md check 29); false where every line it shows ends clear of
   *  the edge, and then `text` is that text. */
  edge?: CellEdge;
  /** A scan (readBy 'ocr'): how sure OCR is of the cell's text (0–1; a cell of no ink is a
   *  sure blank, ink read as nothing 0) and whether a red seal lies over it. Its place is `boxes`. */
  ocr?: { confidence: number; seal?: true };
  /** PDF: the cell's rectangle on each page it covers (the annotated copy marks it there). */
  boxes?: PageBox[];
  /** PDF: the cell's text lines and where each is (a quoted sentence is marked on its lines). */
  lines?: DocLine[];
  /** DOCX: where the cell's paragraphs are in word/document.xml, one per entry of `paragraphs`
   *  (null for text that is no paragraph of the body part) — the annotated copy's comments go there. */
  anchors?: (XmlAnchor | null)[];
}

/** Where a page's visible edge cuts a cell (DocCell.edge). */
export interface CellEdge {
  side: 'right' | 'bottom';
  cut: boolean;
  seen: string;
}

/** A rectangle on a PDF page in the page's own user space (points, y up), as annotations take it. */
export interface PageBox {
  /** 1-based. */
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One laid-out line of PDF text. */
export interface DocLine {
  text: string;
  box: PageBox;
}

/** A paragraph of the main document part by string offsets into the decoded part: `open`
 *  just after its <w:p …> start tag, `end` just after its </w:p> (both just after a
 *  self-closing <w:p/>). */
export interface XmlAnchor {
  open: number;
  end: number;
  /** The start tag was self-closing (<w:p/>): it has no content and no close tag. */
  empty?: boolean;
}

export interface DocTable {
  kind: 'table';
  /** 0-based index among the document's tables, in document order (nested tables
   *  are numbered after their parent). Provenance uses it. */
  index: number;
  /** rows[r][c]; every row has the same length (the grid's column count). */
  rows: DocCell[][];
  /** XLSX: the worksheet's name (rows and columns are then the sheet's, 0-based). */
  sheet?: string;
  /** XLSX: the sheet's 0-based row of each grid row and column of each grid column
   *  (hidden rows and columns are left out of the grid), for provenance in the
   *  sheet's own terms — shown the Excel way, 自评表!D7. */
  sheetRows?: number[];
  sheetCols?: number[];
}

export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  page: number | null;
  /** PDF: the paragraph's lines and where each is. */
  lines?: DocLine[];
  /** DOCX: where it is in word/document.xml (absent for the page header's text). */
  anchor?: XmlAnchor;
}

export type DocBlock = DocTable | DocParagraph;

export interface DocModel {
  /** A picture file read by OCR is its picture format. */
  format: 'docx' | 'pdf' | 'xlsx' | 'png' | 'jpeg' | 'tiff';
  /** Page count for PDF; null for DOCX. */
  pages: number | null;
  /** Body content in reading order: paragraphs outside tables and top-level tables. */
  blocks: DocBlock[];
  /** Every table (top-level and nested) by `index`. */
  tables: DocTable[];
  /** How many images/drawings the body holds: a body of images and no text is a scan. */
  images: number;
  /** 'ocr': the text was read from pictures by OCR (a scan). */
  readBy?: 'ocr';
  /** A scan: every word OCR read that holds a digit, with its confidence and place
   *  (points from the page's top-left) — narrative figures are matched to them. */
  ocrDigits?: { text: string; conf: number; page: number; box: [number, number, number, number] }[];
  /** A scan: the skew corrected on each page read by OCR, in degrees. */
  skew?: number[];
  /** A PDF of text with picture-only pages: the pages read by OCR (1-based). Absent for a
   *  scan read whole (every page is). */
  ocrPages?: number[];
  /** Picture-only pages of a PDF of text that could not be read (no OCR here), and why:
   *  a form that is not found may be on them, and the failure says so. */
  unreadScans?: { pages: number[]; why: string };
  /** The page furniture stating a unit — DOCX: the text lines of the page headers and
   *  footers the document's sections show (those that name 元: only such can state a
   *  unit); PDF: a unit line repeated at the foot of the pages (a page footer) — printed
   *  on every page, their unit is each form's where the form states none itself. */
  pageFurniture?: string[];
}
