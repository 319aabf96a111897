// A worksheet cell named the Excel way ("自评表!D7"), for every place that shows one to
// staff: finding locations (report/places.ts) and messages (check 29's unread block).

/** Excel's column letters for a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "自评表!D7" for a worksheet cell (row/col 0-based in the sheet), as Excel names it. */
export function sheetCell(sheet: string, row: number, col: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(col)}${row + 1}`;
}
