/** SQL for licences, their types, history and PDFs. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { HolderKind, LicenseState } from './licenses.schema.ts';
import type { LicencePayload } from './licenses.rules.ts';

export interface TypeRow {
  id: number;
  name: string;
  name_en: string | null;
  defining_uscc: string;
  defining_body: string;
  type_number: string;
  default_valid_years: number | null;
}

export interface LicenseRow {
  id: string;
  licence_no: string;
  type_id: number;
  type_name: string;
  holder_kind: HolderKind;
  holder_name: string;
  holder_id_number: string;
  holder_account_id: number | null;
  issuer_org_id: number | null;
  issuer_name: string;
  issuer_code: string;
  region_code: string;
  issued_at: string;
  valid_from: string;
  valid_until: string | null;
  state: LicenseState;
  version: number;
  application_id: number | null;
  application_no: string | null;
  item_name: string | null;
  payload: LicencePayload;
  signature: string;
  key_id: string;
  transferred_from: string | null;
  transferred_to: string | null;
  state_changed_at: string | null;
  created_at: string;
}

export interface EventRow {
  id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  actor_name: string;
  data: Record<string, unknown>;
  at: string;
}

/**
 * Types created on the fly (an approval names a type not in the table) are numbered 900–999 under this
 * defining code until an administrator maps them to the national catalogue.
 */
export const LOCAL_DEFINING_USCC = '11100000000013338W';
export const LOCAL_DEFINING_BODY = '（本地新增类型，待对应国家证照目录）';

const TYPE_COLS = sql`id, name, name_en, defining_uscc, defining_body, type_number, default_valid_years`;
const LICENSE_COLS = sql`id::text, licence_no, type_id, type_name, holder_kind, holder_name, holder_id_number, holder_account_id, issuer_org_id,
  issuer_name, issuer_code, region_code, issued_at, valid_from::text, valid_until::text, state, version, application_id, application_no, item_name,
  payload, signature, key_id, transferred_from::text, transferred_to::text, state_changed_at, created_at`;

export async function typeByName(ex: Executor, name: string): Promise<TypeRow | undefined> {
  const [row] = await query<TypeRow>(ex, sql`select ${TYPE_COLS} from license_types where name = ${name}`);
  return row;
}

export async function typeById(ex: Executor, id: number): Promise<TypeRow | undefined> {
  const [row] = await query<TypeRow>(ex, sql`select ${TYPE_COLS} from license_types where id = ${id}`);
  return row;
}

export async function listTypes(ex: Executor): Promise<TypeRow[]> {
  return query<TypeRow>(ex, sql`select ${TYPE_COLS} from license_types order by id`);
}

/** Creates a type with the next free local number (900–999); concurrent creators of the same name get the same row. */
export async function createLocalType(ex: Executor, name: string, validYears: number | null): Promise<TypeRow> {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext('tongban.license_types'))`);
  const existing = await typeByName(ex, name);
  if (existing) return existing;
  const [next] = await query<{ n: number }>(
    ex,
    sql`select coalesce(max(type_number::int) + 1, 900) as n from license_types
        where defining_uscc = ${LOCAL_DEFINING_USCC} and type_number >= '900'`,
  );
  if (next.n > 999) throw new Error('licenses: no local licence type numbers left (900–999)');
  const [row] = await query<TypeRow>(
    ex,
    sql`insert into license_types (name, defining_uscc, defining_body, type_number, default_valid_years)
        values (${name}, ${LOCAL_DEFINING_USCC}, ${LOCAL_DEFINING_BODY}, ${String(next.n)}, ${validYears})
        returning ${TYPE_COLS}`,
  );
  return row;
}

export async function nextSerial(ex: Executor): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select nextval('license_serial_seq')::float8 as n`);
  return Number(row.n);
}

export async function byApplication(ex: Executor, applicationNo: string, typeId: number): Promise<LicenseRow | undefined> {
  const [row] = await query<LicenseRow>(ex, sql`select ${LICENSE_COLS} from licenses where application_no = ${applicationNo} and type_id = ${typeId}`);
  return row;
}

export async function byId(ex: Executor, id: string): Promise<LicenseRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await query<LicenseRow>(ex, sql`select ${LICENSE_COLS} from licenses where id = ${id}`);
  return row;
}

export async function byNo(ex: Executor, licenceNo: string): Promise<LicenseRow | undefined> {
  const [row] = await query<LicenseRow>(ex, sql`select ${LICENSE_COLS} from licenses where licence_no = ${licenceNo}`);
  return row;
}

export interface NewLicense {
  licenceNo: string;
  typeId: number;
  typeName: string;
  holderKind: HolderKind;
  holderName: string;
  holderIdNumber: string;
  holderAccountId: number | null;
  issuerOrgId: number | null;
  issuerName: string;
  issuerCode: string;
  regionCode: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  applicationId: number | null;
  applicationNo: string | null;
  itemName: string | null;
  payload: LicencePayload;
  signature: string;
  keyId: string;
  transferredFrom: string | null;
}

/** Inserts a licence; returns undefined when one for the same application and type already exists. */
export async function insertLicense(ex: Executor, l: NewLicense): Promise<string | undefined> {
  const [row] = await query<{ id: string }>(
    ex,
    sql`insert into licenses (licence_no, type_id, type_name, holder_kind, holder_name, holder_id_number, holder_account_id, issuer_org_id,
          issuer_name, issuer_code, region_code, issued_at, valid_from, valid_until, application_id, application_no, item_name, payload,
          signature, key_id, transferred_from)
        values (${l.licenceNo}, ${l.typeId}, ${l.typeName}, ${l.holderKind}, ${l.holderName}, ${l.holderIdNumber}, ${l.holderAccountId},
          ${l.issuerOrgId}, ${l.issuerName}, ${l.issuerCode}, ${l.regionCode}, ${l.issuedAt}, ${l.validFrom}, ${l.validUntil},
          ${l.applicationId}, ${l.applicationNo}, ${l.itemName}, ${JSON.stringify(l.payload)}::jsonb, ${l.signature}, ${l.keyId},
          ${l.transferredFrom})
        on conflict (application_no, type_id) where application_no is not null do nothing
        returning id::text`,
  );
  return row?.id;
}

export async function insertEvent(
  ex: Executor,
  e: { licenseId: string; action: string; fromState: string | null; toState: string; reason: string | null; actorId: number | null; actorName: string; data?: Record<string, unknown>; regionCode: string },
): Promise<void> {
  await ex.execute(sql`insert into license_events (license_id, action, from_state, to_state, reason, actor_id, actor_name, data, region_code)
    values (${e.licenseId}, ${e.action}, ${e.fromState}, ${e.toState}, ${e.reason}, ${e.actorId}, ${e.actorName}, ${JSON.stringify(e.data ?? {})}::jsonb, ${e.regionCode})`);
}

export async function eventsOf(ex: Executor, licenseId: string): Promise<EventRow[]> {
  return query<EventRow>(
    ex,
    sql`select id::float8 as id, action, from_state, to_state, reason, actor_name, data, at from license_events where license_id = ${licenseId} order by id`,
  );
}

export async function markStateChanged(ex: Executor, id: string, extra: { transferredTo?: string } = {}): Promise<void> {
  await ex.execute(sql`update licenses set state_changed_at = now(), transferred_to = coalesce(${extra.transferredTo ?? null}::uuid, transferred_to) where id = ${id}`);
}

/** Licences of a holder: by account, or by the resident ID / USCC the account was registered with. */
export async function listForHolder(ex: Executor, holder: { accountId: number; idNumbers: string[] }): Promise<LicenseRow[]> {
  const ids = holder.idNumbers.length ? sql`or holder_id_number in (${sql.join(holder.idNumbers.map((i) => sql`${i}`), sql`, `)})` : sql``;
  return query<LicenseRow>(
    ex,
    sql`select ${LICENSE_COLS} from licenses where holder_account_id = ${holder.accountId} ${ids} order by issued_at desc, id limit 500`,
  );
}

export async function validOfHolder(ex: Executor, idNumber: string, today: string): Promise<LicenseRow[]> {
  return query<LicenseRow>(
    ex,
    sql`select ${LICENSE_COLS} from licenses where holder_id_number = ${idNumber} and state = 'valid'
        and valid_from <= ${today} and (valid_until is null or valid_until >= ${today}) order by issued_at desc, id`,
  );
}

/** Staff listing inside a scope condition, newest first, cursor-paged on (issued_at, id). */
export async function listScoped(
  ex: Executor,
  scope: SQL,
  f: { state?: string; q?: string; after?: [string, string]; limit: number },
): Promise<LicenseRow[]> {
  const conds: SQL[] = [scope];
  if (f.state) conds.push(sql`state = ${f.state}`);
  if (f.q) conds.push(sql`(licence_no = ${f.q} or holder_id_number = ${f.q} or holder_name like ${`%${f.q}%`} or application_no = ${f.q})`);
  if (f.after) conds.push(sql`(issued_at, id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return query<LicenseRow>(
    ex,
    sql`select ${LICENSE_COLS} from licenses where ${sql.join(conds, sql` and `)} order by issued_at desc, id desc limit ${f.limit + 1}`,
  );
}

export const SCOPE_COLS = { region: sql`region_code`, path: sql`array[issuer_org_id]::int[]` };

export async function dueForExpiry(ex: Executor, today: string, limit: number): Promise<{ id: string }[]> {
  return query<{ id: string }>(ex, sql`select id::text from licenses where state = 'valid' and valid_until < ${today} order by valid_until, id limit ${limit}`);
}

export async function dueForRenewalNotice(ex: Executor, today: string, horizon: string, limit: number): Promise<LicenseRow[]> {
  return query<LicenseRow>(
    ex,
    sql`select ${LICENSE_COLS} from licenses where state = 'valid' and renewal_notice_at is null
        and valid_until >= ${today} and valid_until <= ${horizon} order by valid_until, id limit ${limit}
        for update skip locked`,
  );
}

export async function markRenewalNoticed(ex: Executor, id: string): Promise<void> {
  await ex.execute(sql`update licenses set renewal_notice_at = now() where id = ${id}`);
}

export async function storedPdf(ex: Executor, licenseId: string): Promise<{ pdf: Buffer; sha256: string } | undefined> {
  const [row] = await query<{ pdf: Buffer | Uint8Array; sha256: string }>(ex, sql`select pdf, sha256 from license_pdfs where license_id = ${licenseId}`);
  return row && { pdf: Buffer.from(row.pdf), sha256: row.sha256 };
}

export async function storePdf(ex: Executor, licenseId: string, pdf: Buffer, sha256: string): Promise<void> {
  await ex.execute(sql`insert into license_pdfs (license_id, pdf, sha256) values (${licenseId}, ${pdf}, ${sha256}) on conflict (license_id) do nothing`);
}

export async function pdfBySha(ex: Executor, sha256: string): Promise<string | undefined> {
  const [row] = await query<{ license_id: string }>(ex, sql`select license_id::text from license_pdfs where sha256 = ${sha256}`);
  return row?.license_id;
}

/** The resident ID / USCC an account registered with (for "my licences"). */
export async function accountIdNumbers(ex: Executor, accountId: number): Promise<string[]> {
  const [row] = await query<{ resident_id: string | null; uscc: string | null }>(ex, sql`select resident_id, uscc from accounts where id = ${accountId}`);
  return row ? [row.resident_id, row.uscc].filter((v): v is string => !!v) : [];
}

/** `n` serials from license_serial_seq, in drawing order. */
export async function nextSerials(ex: Executor, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const rows = await query<{ n: number }>(ex, sql`select nextval('license_serial_seq')::float8 as n from generate_series(1, ${n}) order by 1`);
  return rows.map((r) => Number(r.n));
}

/** Existing licences of these applications: `${application_no}|${type_id}` keys. */
export async function existingForApplications(ex: Executor, applicationNos: string[]): Promise<Set<string>> {
  if (!applicationNos.length) return new Set();
  const rows = await query<{ application_no: string; type_id: number }>(
    ex,
    sql`select application_no, type_id from licenses where application_no in (select jsonb_array_elements_text(${JSON.stringify(applicationNos)}::jsonb))`,
  );
  return new Set(rows.map((r) => `${r.application_no}|${r.type_id}`));
}

const BULK_CHUNK = 500;

/**
 * Multi-row insert of licences (same conflict rule as insertLicense): returns
 * the id of each inserted licence by licence number; skipped rows are absent.
 */
export async function insertLicenses(ex: Executor, list: NewLicense[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < list.length; i += BULK_CHUNK) {
    const json = JSON.stringify(
      list.slice(i, i + BULK_CHUNK).map((l) => ({
        licence_no: l.licenceNo, type_id: l.typeId, type_name: l.typeName, holder_kind: l.holderKind, holder_name: l.holderName,
        holder_id_number: l.holderIdNumber, holder_account_id: l.holderAccountId, issuer_org_id: l.issuerOrgId, issuer_name: l.issuerName,
        issuer_code: l.issuerCode, region_code: l.regionCode, issued_at: l.issuedAt, valid_from: l.validFrom, valid_until: l.validUntil,
        application_id: l.applicationId, application_no: l.applicationNo, item_name: l.itemName, payload: l.payload, signature: l.signature,
        key_id: l.keyId, transferred_from: l.transferredFrom,
      })),
    );
    const rows = await query<{ id: string; licence_no: string }>(
      ex,
      sql`insert into licenses (licence_no, type_id, type_name, holder_kind, holder_name, holder_id_number, holder_account_id, issuer_org_id,
            issuer_name, issuer_code, region_code, issued_at, valid_from, valid_until, application_id, application_no, item_name, payload,
            signature, key_id, transferred_from)
          select licence_no, type_id, type_name, holder_kind, holder_name, holder_id_number, holder_account_id, issuer_org_id,
            issuer_name, issuer_code, region_code, issued_at, valid_from, valid_until, application_id, application_no, item_name, payload,
            signature, key_id, transferred_from
          from jsonb_to_recordset(${json}::jsonb) as v(licence_no text, type_id int, type_name text, holder_kind text, holder_name text,
            holder_id_number text, holder_account_id int, issuer_org_id int, issuer_name text, issuer_code text, region_code text,
            issued_at timestamptz, valid_from date, valid_until date, application_id int, application_no text, item_name text, payload jsonb,
            signature text, key_id text, transferred_from uuid)
          on conflict (application_no, type_id) where application_no is not null do nothing
          returning id::text, licence_no`,
    );
    for (const r of rows) ids.set(r.licence_no, r.id);
  }
  return ids;
}

/** Multi-row insert of history events (the shape insertEvent takes). */
export async function insertEvents(ex: Executor, list: Parameters<typeof insertEvent>[1][]): Promise<void> {
  for (let i = 0; i < list.length; i += BULK_CHUNK) {
    const json = JSON.stringify(
      list.slice(i, i + BULK_CHUNK).map((e) => ({
        license_id: e.licenseId, action: e.action, from_state: e.fromState, to_state: e.toState, reason: e.reason, actor_id: e.actorId,
        actor_name: e.actorName, data: e.data ?? {}, region_code: e.regionCode,
      })),
    );
    await ex.execute(sql`insert into license_events (license_id, action, from_state, to_state, reason, actor_id, actor_name, data, region_code)
      select license_id, action, from_state, to_state, reason, actor_id, actor_name, data, region_code
      from jsonb_to_recordset(${json}::jsonb) as v(license_id uuid, action text, from_state text, to_state text, reason text,
        actor_id int, actor_name text, data jsonb, region_code text)`);
  }
}
