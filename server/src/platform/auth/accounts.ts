import { sql } from 'drizzle-orm';
import { query, type Executor } from '../db/index.ts';
import type { AccountKind, RoleGrant } from '../access/index.ts';
import { hashPassword } from './auth.service.ts';

export interface NewAccount {
  username: string;
  kind: AccountKind;
  displayName: string;
  password?: string;
  /** Pre-computed argon2id hash (seeding many accounts with one password). */
  passwordHash?: string;
  residentId?: string | null;
  uscc?: string | null;
  phone?: string | null;
  orgId?: number | null;
  grants?: RoleGrant[];
}

/** Inserts an account with its role grants; returns its id. Callers audit and validate. */
export async function insertAccount(ex: Executor, a: NewAccount): Promise<number> {
  const hash = a.passwordHash ?? (a.password ? await hashPassword(a.password) : null);
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into accounts (username, kind, display_name, password_hash, resident_id, uscc, phone, org_id, password_changed_at)
        values (${a.username}, ${a.kind}, ${a.displayName}, ${hash}, ${a.residentId ?? null}, ${a.uscc ?? null}, ${a.phone ?? null}, ${a.orgId ?? null}, now())
        returning id`,
  );
  for (const g of a.grants ?? []) {
    await ex.execute(sql`insert into role_grants (account_id, role, region_code, org_id) values (${row.id}, ${g.role}, ${g.regionCode}, ${g.orgId})`);
  }
  return row.id;
}
