import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { KeyPermission } from './open311.rules.ts';

export interface KeyRow {
  id: number;
  key_prefix: string;
  name: string;
  org_id: number | null;
  region_code: string;
  permissions: KeyPermission[];
  active: boolean;
  created_by: number | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLS = sql.raw('id, key_prefix, name, org_id, region_code, permissions, active, created_by, created_at, revoked_at, last_used_at');

export async function insertKey(
  ex: Executor,
  k: { keyHash: string; keyPrefix: string; name: string; orgId: number | null; regionCode: string; permissions: KeyPermission[]; createdBy: number | null },
): Promise<KeyRow | undefined> {
  const [row] = await query<KeyRow>(
    ex,
    sql`insert into open311_keys (key_hash, key_prefix, name, org_id, region_code, permissions, created_by)
        values (${k.keyHash}, ${k.keyPrefix}, ${k.name}, ${k.orgId}, ${k.regionCode}, ${sql.raw(`array[${k.permissions.map((p) => `'${p}'`).join(',')}]::text[]`)}, ${k.createdBy})
        on conflict (key_hash) do nothing returning ${COLS}`,
  );
  return row;
}

export async function findKey(ex: Executor, id: number): Promise<KeyRow | undefined> {
  const [row] = await query<KeyRow>(ex, sql`select ${COLS} from open311_keys where id = ${id}`);
  return row;
}

/** The active key with this hash, marking it used (at most once a minute, to keep reads cheap). */
export async function useKey(ex: Executor, keyHash: string): Promise<KeyRow | undefined> {
  const [row] = await query<KeyRow>(ex, sql`select ${COLS} from open311_keys where key_hash = ${keyHash} and active`);
  if (row && (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000)) {
    await ex.execute(sql`update open311_keys set last_used_at = now() where id = ${row.id}`);
  }
  return row;
}

export async function listKeys(ex: Executor, regionPrefix: string | null): Promise<KeyRow[]> {
  return query<KeyRow>(
    ex,
    sql`select ${COLS} from open311_keys ${regionPrefix === null ? sql`` : sql`where region_code like ${`${regionPrefix}%`}`} order by active desc, id desc limit 1000`,
  );
}

export async function revokeKey(ex: Executor, id: number): Promise<KeyRow | undefined> {
  const [row] = await query<KeyRow>(ex, sql`update open311_keys set active = false, revoked_at = now() where id = ${id} and active returning ${COLS}`);
  return row;
}
