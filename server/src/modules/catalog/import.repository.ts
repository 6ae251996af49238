/** SQL of catalog imports: batches, the organisations an import resolves against, codes already in the catalog. */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { OrgLevel, OrgType } from '../org/index.ts';
import type { ItemType } from './catalog.types.rules.ts';
import type { FileKind } from './import.read.ts';

export type ImportState = 'previewed' | 'committed' | 'discarded';

export interface ImportRow {
  id: number;
  file_name: string;
  sha256: string;
  kind: FileKind;
  region_code: string;
  create_missing_orgs: boolean;
  state: ImportState;
  created_by: number;
  approval_doc_no: string | null;
  effective_date: string | null;
  committed_by: number | null;
  committed_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  summary: unknown;
  result: unknown;
  error_count: number;
  warning_count: number;
  row_count: number;
}

export interface ImportFull extends ImportRow {
  rows: unknown;
  errors: unknown;
  warnings: unknown;
}

const COLS = sql.raw(`id, file_name, sha256, kind, region_code, create_missing_orgs, state, created_by, approval_doc_no,
  to_char(effective_date, 'YYYY-MM-DD') as effective_date, committed_by, committed_at, version, created_at, updated_at, summary, result,
  jsonb_array_length(errors)::int as error_count, jsonb_array_length(warnings)::int as warning_count, jsonb_array_length(rows)::int as row_count`);

export interface NewImport {
  fileName: string;
  sha256: string;
  kind: FileKind;
  regionCode: string;
  createMissingOrgs: boolean;
  rows: unknown[];
  errors: unknown[];
  warnings: unknown[];
  summary: unknown;
  createdBy: number;
}

export async function insertImport(ex: Executor, b: NewImport): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_imports (file_name, sha256, kind, region_code, create_missing_orgs, rows, errors, warnings, summary, created_by)
        values (${b.fileName}, ${b.sha256}, ${b.kind}, ${b.regionCode}, ${b.createMissingOrgs}, ${JSON.stringify(b.rows)}::jsonb,
                ${JSON.stringify(b.errors)}::jsonb, ${JSON.stringify(b.warnings)}::jsonb, ${JSON.stringify(b.summary)}::jsonb, ${b.createdBy})
        returning id`,
  );
  return row.id;
}

/** One batch with its rows, errors and warnings; `lock` for commit and discard. */
export async function findImport(ex: Executor, id: number, opts: { lock?: boolean } = {}): Promise<ImportFull | undefined> {
  const [row] = await query<ImportFull>(
    ex,
    sql`select ${COLS}, rows, errors, warnings from catalog_imports where id = ${id} ${opts.lock ? sql`for update` : sql``}`,
  );
  return row;
}

/** A slice of a batch's rows (jsonb array elements in file order). */
export async function importRowsSlice(ex: Executor, id: number, offset: number, limit: number): Promise<unknown[]> {
  const rows = await query<{ r: unknown }>(
    ex,
    sql`select e.r from catalog_imports b, jsonb_array_elements(b.rows) with ordinality as e(r, n)
         where b.id = ${id} order by e.n offset ${offset} limit ${limit}`,
  );
  return rows.map((x) => x.r);
}

/** Batches in regions matching one of the prefixes (null: all), newest first. */
export async function listImports(ex: Executor, f: { prefixes: string[] | null; state?: ImportState; before?: number; limit: number }): Promise<ImportRow[]> {
  const where = [sql`true`];
  if (f.prefixes !== null) {
    if (f.prefixes.length === 0) return [];
    where.push(sql`(${sql.join(
      f.prefixes.map((p) => sql`region_code like ${`${p}%`}`),
      sql` or `,
    )})`);
  }
  if (f.state) where.push(sql`state = ${f.state}`);
  if (f.before !== undefined) where.push(sql`id < ${f.before}`);
  return query<ImportRow>(ex, sql`select ${COLS} from catalog_imports where ${sql.join(where, sql` and `)} order by id desc limit ${f.limit + 1}`);
}

export async function markCommitted(
  ex: Executor,
  id: number,
  v: { version: number; approvalDocNo: string; effectiveDate: string; committedBy: number; result: unknown },
): Promise<void> {
  await ex.execute(sql`update catalog_imports set state = 'committed', version = version + 1, approval_doc_no = ${v.approvalDocNo},
      effective_date = ${v.effectiveDate}, committed_by = ${v.committedBy}, committed_at = now(), result = ${JSON.stringify(v.result)}::jsonb,
      updated_at = now() where id = ${id} and version = ${v.version}`);
}

export async function markDiscarded(ex: Executor, id: number, version: number): Promise<void> {
  await ex.execute(sql`update catalog_imports set state = 'discarded', version = version + 1, updated_at = now() where id = ${id} and version = ${version}`);
}

// ── what an import resolves against ────────────────────────────────────────

export interface OrgCandidate {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  uscc: string | null;
  region_code: string;
  level: OrgLevel;
  type: OrgType;
  active: boolean;
}

/** Organisations in a region subtree (active ones; the import resolves bodies among them). */
export async function orgsInRegion(ex: Executor, prefix: string): Promise<OrgCandidate[]> {
  return query<OrgCandidate>(
    ex,
    sql`select id, code, name, short_name, uscc, region_code, level, type, active from organisations
         where region_code like ${`${prefix}%`} and active order by id`,
  );
}

export async function orgsByIds(ex: Executor, ids: number[]): Promise<OrgCandidate[]> {
  if (ids.length === 0) return [];
  return query<OrgCandidate>(
    ex,
    sql`select id, code, name, short_name, uscc, region_code, level, type, active from organisations
         where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`,
  );
}

/** Which of these codes or USCCs organisations already use. */
export async function takenOrgCodes(ex: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const json = JSON.stringify(codes);
  const rows = await query<{ c: string }>(
    ex,
    sql`select o.code as c from organisations o where o.code in (select jsonb_array_elements_text(${json}::jsonb))
        union select o.uscc from organisations o where o.uscc in (select jsonb_array_elements_text(${json}::jsonb))`,
  );
  return new Set(rows.map((r) => r.c));
}

/** The government organisation of exactly this region, when there is one (parent of organisations an import creates). */
export async function regionGovernment(ex: Executor, regionCode: string): Promise<number | null> {
  const rows = await query<{ id: number }>(
    ex,
    sql`select id from organisations where region_code = ${regionCode} and type in ('government', 'town_government', 'street_office') and active order by sort, id limit 2`,
  );
  return rows.length === 1 ? rows[0].id : null;
}

/** Items already holding these implementation codes. */
export async function existingImplCodes(ex: Executor, codes: string[]): Promise<Map<string, { id: number; status: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await query<{ impl_code: string; id: number; status: string }>(
    ex,
    sql`select impl_code, id, status from catalog_items where impl_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
  return new Map(rows.map((r) => [r.impl_code, { id: r.id, status: r.status }]));
}

/**
 * What each base code already stands for: the base item, else an item using
 * it (other than the items this batch updates, identified by their codes).
 */
export async function knownBaseCodes(ex: Executor, codes: string[], updating: string[]): Promise<Map<string, { name: string; itemType: ItemType }>> {
  const out = new Map<string, { name: string; itemType: ItemType }>();
  if (codes.length === 0) return out;
  const json = JSON.stringify(codes);
  const bases = await query<{ base_code: string; name: string; item_type: ItemType }>(
    ex,
    sql`select base_code, name, item_type from catalog_base_items where base_code in (select jsonb_array_elements_text(${json}::jsonb))`,
  );
  for (const b of bases) out.set(b.base_code, { name: b.name, itemType: b.item_type });
  const users = await query<{ base_code: string; name: string; item_type: ItemType }>(
    ex,
    sql`select distinct on (base_code) base_code, name, item_type from catalog_items
         where base_code in (select jsonb_array_elements_text(${json}::jsonb))
           and impl_code not in (select jsonb_array_elements_text(${JSON.stringify(updating)}::jsonb))
         order by base_code, id`,
  );
  for (const u of users) if (!out.has(u.base_code)) out.set(u.base_code, { name: u.name, itemType: u.item_type });
  return out;
}
