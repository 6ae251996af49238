/**
 * A whole upload → mapped rows, errors and warnings: the sheets with a
 * header row, every data row through mapRow, then the checks across rows
 * (repeated implementation codes, one base code for one item name and type).
 * Pure: the service supplies organisation lookup and the base items known.
 */
import { DEFAULT_TYPE_LABELS, ITEM_TYPES, parseItemType, type ItemType } from './catalog.types.rules.ts';
import { ImportErrors } from './import.errors.ts';
import type { FileKind } from './import.read.ts';
import { mapRow, type MapContext, type MappedRow, type ResolvedOrg } from './import.row.ts';
import { cellsOf, columnOf, detectHeader, isSkippableRow, rowError, type FieldKey, type RowError, type SourceSheet } from './import.rules.ts';

export const MAX_IMPORT_ROWS = 20_000;

export interface SheetInfo {
  name: string;
  /** Row number of the header row (0 for JSON keys). */
  headerRow: number;
  /** Data rows read (headings and empty rows excluded). */
  rows: number;
  columns: { header: string; field: FieldKey }[];
  unknownColumns: string[];
}

export interface BatchResult {
  rows: MappedRow[];
  errors: RowError[];
  warnings: RowError[];
  /** Data rows read, valid or not. */
  totalRows: number;
  sheets: SheetInfo[];
  /** Sheets without a recognisable header row (ignored). */
  skippedSheets: string[];
}

/**
 * Maps every sheet that has a header row (the base-code check needs the
 * catalog: the service runs baseCodeErrors after this). Throws NO_HEADER / NO_ROWS / TOO_MANY_ROWS for the file as a whole. */
export function mapSheets(sheets: SourceSheet[], kind: FileKind, ctx: Omit<MapContext, 'sheetType'>): BatchResult {
  const found = sheets.map((sheet) => ({ sheet, header: detectHeader(sheet) }));
  const usable = found.filter((f) => f.header !== null);
  if (usable.length === 0) {
    throw ImportErrors.NO_HEADER({
      fields: [{ field: 'file', in: 'body', message: '找不到表头（需要“事项名称”等列）', messageEn: 'No header row (an item name column and others)' }],
    });
  }
  const record = kind === 'json';
  const named = usable.length > 1;
  const rows: MappedRow[] = [];
  const errors: RowError[] = [];
  const infos: SheetInfo[] = [];
  let total = 0;
  for (const { sheet, header } of usable) {
    const h = header!;
    const sheetType = parseItemType(sheet.name.trim(), ctx.labels) ?? parseItemType(sheet.name.trim());
    let count = 0;
    for (const r of sheet.rows.slice(h.index + 1)) {
      if (isSkippableRow(h, r.cells)) continue;
      count += 1;
      total += 1;
      if (total > MAX_IMPORT_ROWS) {
        throw ImportErrors.TOO_MANY_ROWS({
          vars: { max: MAX_IMPORT_ROWS, rows: `${MAX_IMPORT_ROWS}+` },
          fields: [{ field: 'file', in: 'body', message: `超过 ${MAX_IMPORT_ROWS} 行`, messageEn: `More than ${MAX_IMPORT_ROWS} rows` }],
        });
      }
      const place = { sheet: named ? sheet.name : undefined, row: r.rowNo, record };
      const out = mapRow(place, cellsOf(h, r.cells), { ...ctx, sheetType });
      if (out.row) rows.push(out.row);
      errors.push(...out.errors);
    }
    infos.push({
      name: sheet.name,
      headerRow: h.rowNo,
      rows: count,
      columns: [...h.fields].flatMap(([field, cols]) => cols.map((c) => ({ header: c.header, field, col: c.col }))).sort((a, b) => a.col - b.col).map(({ header, field }) => ({ header, field })),
      unknownColumns: h.unknown,
    });
  }
  if (total === 0) {
    throw ImportErrors.NO_ROWS({ fields: [{ field: 'file', in: 'body', message: '表头下没有数据行', messageEn: 'No data rows below the header' }] });
  }
  errors.push(...duplicateCodeErrors(rows, record));
  return {
    rows,
    errors,
    warnings: duplicateItemWarnings(rows, record),
    totalRows: total,
    sheets: infos,
    skippedSheets: found.filter((f) => f.header === null).map((f) => f.sheet.name),
  };
}

const placeWords = (r: { sheet?: string; row: number }, record: boolean) => `${r.sheet ? `工作表「${r.sheet}」` : ''}第 ${r.row} ${record ? '条' : '行'}`;

export function duplicateCodeErrors(rows: readonly MappedRow[], record: boolean): RowError[] {
  const first = new Map<string, MappedRow>();
  const errors: RowError[] = [];
  const header = columnOf('implCode').header;
  for (const r of rows) {
    const code = r.content.implCode;
    if (!code) continue;
    const prior = first.get(code);
    if (!prior) {
      first.set(code, r);
      continue;
    }
    const where = placeWords(prior, record);
    errors.push(
      rowError({ sheet: r.sheet, row: r.row, record }, header, 'implCode', `实施编码“${code}”与${where}重复`, `implementation code "${code}" repeats ${record ? 'record' : 'row'} ${prior.row}`, code),
    );
  }
  return errors;
}

/** Rows without codes that name the same item of the same body twice: likely duplicates (a warning, not an error). */
export function duplicateItemWarnings(rows: readonly MappedRow[], record: boolean): RowError[] {
  const first = new Map<string, MappedRow>();
  const out: RowError[] = [];
  for (const r of rows) {
    if (r.content.implCode) continue;
    const c = r.content;
    const key = JSON.stringify([c.name, c.subItemName ?? '', c.variant ?? '', c.itemType, c.implementingBody.orgId ?? c.implementingBody.name]);
    const prior = first.get(key);
    if (!prior) {
      first.set(key, r);
      continue;
    }
    out.push(
      rowError(
        { sheet: r.sheet, row: r.row, record },
        columnOf('name').header,
        'name',
        `与第 ${prior.row} ${record ? '条' : '行'}的事项相同且都没有实施编码，发布后将成为两个事项`,
        `same item as ${record ? 'record' : 'row'} ${prior.row} and neither has a code; they will become two items`,
      ),
    );
  }
  return out;
}

/**
 * 四级四同: a base code stands for one item name and type. Checked within
 * the file and against `known` (the base items and items already in the
 * catalog), so the preview shows what publication would refuse.
 */
export function baseCodeErrors(rows: readonly MappedRow[], record: boolean, known: ReadonlyMap<string, { name: string; itemType: ItemType }>): RowError[] {
  const first = new Map<string, MappedRow>();
  const out: RowError[] = [];
  for (const r of rows) {
    const code = r.content.baseCode;
    if (!code) continue;
    const ref = known.get(code);
    const prior = first.get(code);
    if (!prior) first.set(code, r);
    const refName = ref?.name ?? prior?.content.name;
    const refType = ref?.itemType ?? prior?.content.itemType;
    const whence = ref ? '目录中' : prior ? placeWords(prior, record) : '';
    const whenceEn = ref ? 'the catalog' : prior ? `${record ? 'record' : 'row'} ${prior.row}` : '';
    const place = { sheet: r.sheet, row: r.row, record };
    if (refName !== undefined && refName !== r.content.name) {
      out.push(
        rowError(place, columnOf('baseCode').header, 'baseCode', `基本编码“${code}”在${whence}对应事项「${refName}」，名称须一致（四级四同）`, `base code "${code}" stands for "${refName}" in ${whenceEn}; the name must be the same`, code),
      );
    } else if (refType !== undefined && refType !== r.content.itemType) {
      const zh = DEFAULT_TYPE_LABELS[refType].zh;
      out.push(
        rowError(place, columnOf('baseCode').header, 'baseCode', `基本编码“${code}”在${whence}的类型为「${zh}」，类型须一致（四级四同）`, `base code "${code}" is of type ${refType} in ${whenceEn}; the type must be the same`, code),
      );
    }
  }
  return out;
}

export interface BatchSummary {
  byType: { itemType: ItemType; label: string; count: number }[];
  byDepartment: { name: string; orgId: number | null; create: boolean; count: number }[];
}

/** Counts by type (in type order) and by implementing body (most rows first). */
export function summarize(rows: readonly MappedRow[]): BatchSummary {
  const types = new Map<ItemType, number>();
  const depts = new Map<string, BatchSummary['byDepartment'][number]>();
  for (const r of rows) {
    types.set(r.content.itemType, (types.get(r.content.itemType) ?? 0) + 1);
    const b = r.content.implementingBody;
    const key = b.orgId === null ? `n:${b.name}` : `o:${b.orgId}`;
    const d = depts.get(key) ?? { name: b.name, orgId: b.orgId, create: !!r.newOrg, count: 0 };
    d.count += 1;
    depts.set(key, d);
  }
  return {
    byType: ITEM_TYPES.filter((t) => types.has(t)).map((t) => ({ itemType: t, label: DEFAULT_TYPE_LABELS[t].zh, count: types.get(t)! })),
    byDepartment: [...depts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')),
  };
}

/** What the resolver needs to know about an organisation. */
export interface OrgRef {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  regionCode: string;
  level: ResolvedOrg['level'];
}

const orgKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Resolves an implementing body among organisations: by full name, then
 * short name (several matches are narrowed by the code, else ambiguous),
 * then by organisation code or USCC alone.
 */
export function orgResolver(orgs: readonly OrgRef[]): MapContext['resolveOrg'] {
  const byName = new Map<string, OrgRef[]>();
  const byShort = new Map<string, OrgRef[]>();
  const byCode = new Map<string, OrgRef>();
  const add = (m: Map<string, OrgRef[]>, k: string, o: OrgRef) => m.set(k, [...(m.get(k) ?? []), o]);
  for (const o of orgs) {
    add(byName, orgKey(o.name), o);
    if (o.shortName) add(byShort, orgKey(o.shortName), o);
    byCode.set(o.code.toUpperCase(), o);
    if (o.uscc) byCode.set(o.uscc.toUpperCase(), o);
  }
  const resolved = (o: OrgRef): ResolvedOrg => ({ orgId: o.id, name: o.name, regionCode: o.regionCode, level: o.level });
  return (name, code) => {
    const byCodeHit = code ? byCode.get(code.toUpperCase()) : undefined;
    if (name) {
      const k = orgKey(name);
      for (const list of [byName.get(k), byShort.get(k)]) {
        if (!list?.length) continue;
        if (list.length === 1) return resolved(list[0]);
        if (byCodeHit && list.includes(byCodeHit)) return resolved(byCodeHit);
        return 'ambiguous';
      }
    }
    return byCodeHit ? resolved(byCodeHit) : null;
  };
}
