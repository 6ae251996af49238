/**
 * Reading an uploaded list: what kind of file it is (by its content, not its
 * name) and its sheets as rows of text cells. xlsx through exceljs; CSV and
 * JSON are decoded here. Anything else is refused naming the `file` field.
 */
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors/index.ts';
import { CsvSyntaxError, parseCsv, unguardFormula } from './csv.ts';
import { ImportErrors } from './import.errors.ts';
import type { SourceSheet } from './import.rules.ts';

export type FileKind = 'xlsx' | 'csv' | 'json';

const fileField = (zh: string, en: string): FieldError[] => [{ field: 'file', in: 'body', message: zh, messageEn: en }];

export const fileTypeError = () =>
  ImportErrors.FILE_TYPE({ fields: fileField('应为 .xlsx 工作簿、UTF-8 CSV 或 JSON 文件', 'Must be an .xlsx workbook, a UTF-8 CSV or a JSON file') });

function unreadable(zh: string, en: string) {
  return ImportErrors.FILE_UNREADABLE({ vars: { reason: zh }, fields: fileField(zh, en), extra: { reasonEn: en } });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Buffer, magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/** Control bytes other than tab, line feed and carriage return never occur in text files. */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

/**
 * Decodes a text upload: UTF-8 (with or without BOM); failing that GB18030,
 * which is what Excel on Chinese Windows writes for "CSV"; null when the
 * bytes are not text.
 */
export function decodeText(buf: Buffer): string | null {
  if (looksBinary(buf)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      return null;
    }
  }
}

/** The kind of an upload from its first bytes; throws the file-type error for anything else. */
export function sniffKind(buf: Buffer): { kind: FileKind; text?: string } {
  if (buf.length === 0) throw unreadable('文件为空', 'the file is empty');
  if (startsWith(buf, ZIP)) return { kind: 'xlsx' };
  if (startsWith(buf, OLE)) throw ImportErrors.LEGACY_XLS({ fields: fileField('请另存为 .xlsx', 'Save it as .xlsx') });
  const text = decodeText(buf);
  if (text === null) throw fileTypeError();
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[') || head.startsWith('{')) {
    try {
      JSON.parse(head);
      return { kind: 'json', text: head };
    } catch {
      // not JSON after all: read as CSV (its header check decides)
    }
  }
  return { kind: 'csv', text };
}

/** The sheets of an upload, as text cells. */
export async function readSheets(buf: Buffer): Promise<{ kind: FileKind; sheets: SourceSheet[] }> {
  const { kind, text } = sniffKind(buf);
  if (kind === 'xlsx') return { kind, sheets: await readXlsx(buf) };
  if (kind === 'json') return { kind, sheets: [readJson(text!)] };
  return { kind, sheets: [readCsvText(text!)] };
}

// ── xlsx ───────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

/** Text of one cell value: rich text joined, formulas by their result, dates as YYYY-MM-DD, TRUE/FALSE as 是/否. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    const d = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const t = value.getUTCHours() || value.getUTCMinutes() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return d + t;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value && 'text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(buf: Buffer): Promise<SourceSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unreadable('不是有效的 Excel 工作簿（.xlsx）', 'not a valid Excel workbook (.xlsx)');
  }
  const sheets: SourceSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const width = ws.columnCount;
    const rows: SourceSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells: string[] = [];
      // getCell reads a merged block's value in each of its cells
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ rowNo, cells });
    });
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

// ── CSV ────────────────────────────────────────────────────────────────────

function readCsvText(text: string): SourceSheet {
  try {
    // rows are numbered by record, as a spreadsheet program shows the file (a quoted line break does not start a row)
    return { name: 'CSV', rows: parseCsv(text).map((r, i) => ({ rowNo: i + 1, cells: r.fields.map(unguardFormula) })) };
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw unreadable(`CSV 第 ${e.line} 行的引号没有闭合`, `unterminated quote on CSV line ${e.line}`);
    throw e;
  }
}

// ── JSON ───────────────────────────────────────────────────────────────────

function jsonCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('\n');
  return JSON.stringify(v);
}

/**
 * An array of objects (or `{ items | data | rows | list: [...] }`) as one
 * sheet: the keys, in first-seen order, are the header row (row 0) and
 * record n is row n.
 */
function readJson(text: string): SourceSheet {
  const doc: unknown = JSON.parse(text);
  let list: unknown = doc;
  if (!Array.isArray(doc) && doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    list = ['items', 'data', 'rows', 'list'].map((k) => o[k]).find(Array.isArray);
  }
  if (!Array.isArray(list)) throw unreadable('JSON 应为事项对象的数组', 'the JSON must be an array of item objects');
  const keys: string[] = [];
  const seen = new Set<string>();
  list.forEach((rec, i) => {
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw unreadable(`JSON 第 ${i + 1} 条不是对象`, `JSON record ${i + 1} is not an object`);
    for (const k of Object.keys(rec)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  });
  const rows: SourceSheet['rows'] = [{ rowNo: 0, cells: keys }];
  list.forEach((rec: Record<string, unknown>, i) => rows.push({ rowNo: i + 1, cells: keys.map((k) => jsonCell(rec[k])) }));
  return { name: 'JSON', rows };
}
