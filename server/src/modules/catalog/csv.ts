/**
 * CSV (RFC 4180) reading and writing. Pure: no I/O.
 *
 * Written files are UTF-8 with a byte-order mark so that Excel on Chinese
 * Windows opens them as UTF-8 instead of GBK, records end with CRLF, and a
 * field is quoted when it holds a comma, a quote, CR or LF (quotes doubled).
 * Reading accepts CRLF, LF or CR line ends, a leading BOM, quoted fields
 * spanning lines and doubled quotes; a stray quote inside an unquoted field
 * is kept as text, as spreadsheet programs do.
 */

export const UTF8_BOM = '\uFEFF';

/** One record as read: its 1-based line number in the file and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text into records. An unterminated quoted field throws CsvSyntaxError. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  let atFieldStart = true;
  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    out.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      quoteLine = line;
      atFieldStart = false;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  // the last record when the file does not end with a line break
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

/** Quotes one field when it needs it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record (with its CRLF). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Spreadsheet programs run a CSV cell starting with = + - @ as a formula
 * (CSV injection). The export prefixes such cells with an apostrophe, which
 * Excel shows as text, and the import strips it again (unguardFormula).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
