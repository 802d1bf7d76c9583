/**
 * CSV as every export of Huzhu writes it (the ledger's statements in the Worker, the consultants' tables in the
 * web app). Pure, so both sides import this one module.
 */

/** What a cell may hold: text, a number written as a number, or nothing. */
export type CsvValue = string | number | null | undefined;

/** The characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text, safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`). Only the first character counts, so a memo with a line break after the
 * `=` is caught too.
 *
 * Numbers are written as numbers and never prefixed: a value of type `number` (an entry's id, an amount) cannot
 * carry a formula, and `-8` stays a negative number the spreadsheet can add up. A *string* that starts with `-` is
 * text like any other and is prefixed (`'-8`), because the exporter cannot tell a formatted amount from `-1+1`;
 * an exporter that wants a negative amount to stay a number passes it as a number.
 *
 * @example
 * neutraliseCsvCell('=1+1') // "'=1+1"
 * neutraliseCsvCell(-8)     // "-8"
 * neutraliseCsvCell('-8')   // "'-8"
 */
export function neutraliseCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quotes a cell when RFC 4180 needs it (a quote, comma or line break), when it was neutralised, or when spaces would be trimmed. */
function quoted(text: string, neutralised: boolean): string {
  const needsQuotes = neutralised || /[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV text: every cell through {@link neutraliseCsvCell}, quoted as RFC 4180 needs, lines ended by CRLF,
 * and a UTF-8 byte order mark first so that Excel opens Chinese text correctly.
 *
 * @example
 * toCsv([['指标', '翠竹园'], ['户数', 3000]]) // "\uFEFF指标,翠竹园\r\n户数,3000"
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((value) => {
        const text = neutraliseCsvCell(value);
        return quoted(text, typeof value === 'string' && text !== value);
      })
      .join(','),
  );
  return `\uFEFF${lines.join('\r\n')}`;
}
