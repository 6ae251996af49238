/** SQL of the Open311 module (its own tables only). */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { AttributeDef } from './open311.rules.ts';

export async function definitionOf(ex: Executor, code: string): Promise<{ attributes: AttributeDef[]; version: number } | undefined> {
  const [row] = await query<{ attributes: AttributeDef[]; version: number }>(ex, sql`select attributes, version from open311_services where service_code = ${code}`);
  return row;
}

/** Service codes that have at least one attribute (the spec's metadata=true). */
export async function codesWithAttributes(ex: Executor): Promise<Set<string>> {
  const rows = await query<{ service_code: string }>(ex, sql`select service_code from open311_services where jsonb_array_length(attributes) > 0`);
  return new Set(rows.map((r) => r.service_code));
}

/** Replaces a definition; null when `expectedVersion` is stale (or given for a definition that does not exist yet). */
export async function saveDefinition(ex: Executor, code: string, attributes: AttributeDef[], expectedVersion: number | null, by: number | null): Promise<number | null> {
  const json = JSON.stringify(attributes);
  if (expectedVersion === null) {
    const [row] = await query<{ version: number }>(
      ex,
      sql`insert into open311_services (service_code, attributes, updated_by) values (${code}, ${json}::jsonb, ${by})
          on conflict (service_code) do nothing returning version`,
    );
    return row ? row.version : null;
  }
  const [row] = await query<{ version: number }>(
    ex,
    sql`update open311_services set attributes = ${json}::jsonb, version = version + 1, updated_by = ${by}, updated_at = now()
        where service_code = ${code} and version = ${expectedVersion} returning version`,
  );
  return row ? row.version : null;
}

export interface RequestRow {
  case_id: number;
  service_request_id: string;
  token: string;
  service_code: string;
  key_id: number;
  attributes: Record<string, unknown>;
  media_url: string | null;
  account_id: string | null;
}

const REQUEST_COLS = sql.raw('case_id::float8 as case_id, service_request_id, token, service_code, key_id, attributes, media_url, account_id');

export async function insertRequest(
  ex: Executor,
  r: { caseId: number; serviceRequestId: string; token: string; serviceCode: string; keyId: number; attributes: Record<string, unknown>; mediaUrl: string | null; accountId: string | null; deviceId: string | null; regionCode: string },
): Promise<void> {
  await ex.execute(sql`insert into open311_requests (case_id, service_request_id, token, service_code, key_id, attributes, media_url, account_id, device_id, region_code)
    values (${r.caseId}, ${r.serviceRequestId}, ${r.token}, ${r.serviceCode}, ${r.keyId}, ${JSON.stringify(r.attributes)}::jsonb, ${r.mediaUrl}, ${r.accountId}, ${r.deviceId}, ${r.regionCode})`);
}

export async function requestByToken(ex: Executor, token: string): Promise<RequestRow | undefined> {
  const [row] = await query<RequestRow>(ex, sql`select ${REQUEST_COLS} from open311_requests where token = ${token}`);
  return row;
}

export async function requestsOfCases(ex: Executor, caseIds: number[]): Promise<Map<number, RequestRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await query<RequestRow>(ex, sql`select ${REQUEST_COLS} from open311_requests where case_id in (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [Number(r.case_id), r]));
}

export interface UpdateRow {
  id: number;
  case_id: number;
  service_request_id: string;
  status: 'open' | 'closed';
  case_state: string | null;
  description: string | null;
  media_url: string | null;
  source: 'case' | 'department';
  updated_at: Date;
}

const UPDATE_COLS = sql.raw('id::float8 as id, case_id::float8 as case_id, service_request_id, status, case_state, description, media_url, source, updated_at');

export async function insertUpdate(
  ex: Executor,
  u: { caseId: number; serviceRequestId: string; status: 'open' | 'closed'; caseState: string | null; description: string | null; mediaUrl: string | null; source: 'case' | 'department'; keyId: number | null; eventId: string | null; regionCode: string; updatedAt: Date },
): Promise<UpdateRow | undefined> {
  const [row] = await query<UpdateRow>(
    ex,
    sql`insert into open311_updates (case_id, service_request_id, status, case_state, description, media_url, source, key_id, event_id, region_code, updated_at)
        values (${u.caseId}, ${u.serviceRequestId}, ${u.status}, ${u.caseState}, ${u.description}, ${u.mediaUrl}, ${u.source}, ${u.keyId}, ${u.eventId}, ${u.regionCode}, ${u.updatedAt.toISOString()})
        on conflict do nothing returning ${UPDATE_COLS}`,
  );
  return row;
}

export interface NoteRow {
  description: string;
  source: 'case' | 'department';
  caseState: string | null;
}

/** Noted updates per case, newest first (status_notes). */
export async function notesOf(ex: Executor, caseIds: number[]): Promise<Map<number, NoteRow[]>> {
  const out = new Map<number, NoteRow[]>();
  if (caseIds.length === 0) return out;
  const rows = await query<{ case_id: number; description: string; source: 'case' | 'department'; case_state: string | null }>(
    ex,
    sql`select case_id::float8 as case_id, description, source, case_state from open311_updates
        where description is not null and case_id in (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})
        order by case_id, updated_at desc, id desc`,
  );
  for (const r of rows) {
    const list = out.get(Number(r.case_id)) ?? [];
    list.push({ description: r.description, source: r.source, caseState: r.case_state });
    out.set(Number(r.case_id), list);
  }
  return out;
}

/** Updates in [from, to] (by updated_datetime), oldest first, in the region. */
export async function listUpdates(ex: Executor, f: { from: Date; to: Date; limit: number; regionPrefix: string; ids: string[] | null }): Promise<UpdateRow[]> {
  const ids = f.ids ? sql`and service_request_id in (${sql.join(f.ids.map((i) => sql`${i}`), sql`, `)})` : sql``;
  return query<UpdateRow>(
    ex,
    sql`select ${UPDATE_COLS} from open311_updates
        where updated_at >= ${f.from.toISOString()} and updated_at <= ${f.to.toISOString()} and region_code like ${`${f.regionPrefix}%`} ${ids}
        order by updated_at, id limit ${f.limit}`,
  );
}
