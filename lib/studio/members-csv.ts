// The studio's member export (issue 20 item 13). Pure: rows in, CSV text out.

// Excel opens a UTF-8 file as the system code page unless it starts with a byte order mark.
export const CSV_BOM = "\uFEFF";

// A cell starting with = + - @ (or a tab / carriage return that hides one) is run as a formula by
// spreadsheet programs: a member could name themselves `=HYPERLINK(...)`. A leading apostrophe
// makes it text (OWASP "CSV injection").
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value == null ? "" : typeof value === "number" ? String(value) : defuseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
