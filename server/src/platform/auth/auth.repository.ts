import { sql } from 'drizzle-orm';
import { query, type Executor } from '../db/index.ts';
import type { AccountKind, RoleGrant, Role } from '../access/index.ts';

export interface AccountRow {
  id: number;
  username: string;
  kind: AccountKind;
  display_name: string;
  password_hash: string | null;
  resident_id: string | null;
  uscc: string | null;
  org_id: number | null;
  phone?: string | null;
  failed_logins: number;
  locked_until: Date | string | null;
  disabled: boolean;
}

const ACCOUNT_COLS = sql.raw('id, username::text as username, kind, display_name, password_hash, resident_id, uscc, phone, org_id, failed_logins, locked_until, disabled');

/** By username, or by resident ID / USCC for applicants who sign in with their identifier. */
export async function findAccountForLogin(ex: Executor, login: string): Promise<AccountRow | undefined> {
  const [row] = await query<AccountRow>(
    ex,
    sql`select ${ACCOUNT_COLS} from accounts where username = ${login} or resident_id = ${login.toUpperCase()} or uscc = ${login.toUpperCase()} limit 1`,
  );
  return row;
}

export async function findAccount(ex: Executor, id: number): Promise<AccountRow | undefined> {
  const [row] = await query<AccountRow>(ex, sql`select ${ACCOUNT_COLS} from accounts where id = ${id}`);
  return row;
}

export async function grantsOf(ex: Executor, accountId: number): Promise<RoleGrant[]> {
  const rows = await query<{ role: Role; region_code: string | null; org_id: number | null }>(
    ex,
    sql`select role, region_code, org_id from role_grants where account_id = ${accountId} order by id`,
  );
  return rows.map((r) => ({ role: r.role, regionCode: r.region_code, orgId: r.org_id }));
}

export async function recordFailure(ex: Executor, id: number, max: number, lockMinutes: number): Promise<{ failed_logins: number; locked_until: string | null }> {
  const [row] = await query<{ failed_logins: number; locked_until: string | null }>(
    ex,
    sql`update accounts set failed_logins = failed_logins + 1,
          locked_until = case when failed_logins + 1 >= ${max} then now() + make_interval(mins => ${lockMinutes}) else locked_until end
        where id = ${id} returning failed_logins, locked_until`,
  );
  return row;
}

export async function resetFailures(ex: Executor, id: number): Promise<void> {
  await ex.execute(sql`update accounts set failed_logins = 0, locked_until = null where id = ${id} and (failed_logins <> 0 or locked_until is not null)`);
}

export async function insertSession(ex: Executor, s: { id: string; accountId: number; csrf: string; ip: string; ua: string | null; hours: number }) {
  await ex.execute(sql`insert into sessions (id, account_id, csrf_token, ip, user_agent, expires_at)
    values (${s.id}, ${s.accountId}, ${s.csrf}, ${s.ip}, ${s.ua}, now() + make_interval(hours => ${s.hours}))`);
}

export async function sessionAccount(ex: Executor, sessionId: string): Promise<(AccountRow & { csrf_token: string }) | undefined> {
  const [row] = await query<AccountRow & { csrf_token: string }>(
    ex,
    sql`select ${sql.raw('a.id, a.username::text as username, a.kind, a.display_name, a.password_hash, a.resident_id, a.uscc, a.org_id, a.failed_logins, a.locked_until, a.disabled')}, s.csrf_token
        from sessions s join accounts a on a.id = s.account_id
        where s.id = ${sessionId} and s.expires_at > now() and not a.disabled`,
  );
  return row;
}

export async function deleteSession(ex: Executor, sessionId: string): Promise<number> {
  const rows = await query<{ account_id: number }>(ex, sql`delete from sessions where id = ${sessionId} returning account_id`);
  return rows.length;
}

export async function tokenAccount(ex: Executor, hash: string): Promise<(AccountRow & { token_id: number }) | undefined> {
  // last_used_at is refreshed at most once a minute: a machine client calling many times a second costs no write per request
  const [row] = await query<AccountRow & { token_id: number }>(
    ex,
    sql`with t as (
          select ${sql.raw('a.id, a.username::text as username, a.kind, a.display_name, a.password_hash, a.resident_id, a.uscc, a.org_id, a.failed_logins, a.locked_until, a.disabled')},
                 k.id as token_id, k.last_used_at
          from api_tokens k join accounts a on a.id = k.account_id
          where k.token_hash = ${hash} and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()) and not a.disabled),
        touched as (
          update api_tokens set last_used_at = now()
          where id = (select token_id from t) and (last_used_at is null or last_used_at < now() - interval '1 minute')
          returning id)
        select t.*, (select count(*) from touched) as touched from t`,
  );
  if (!row) return undefined;
  const { last_used_at: _lastUsed, touched: _touched, ...account } = row as AccountRow & { token_id: number; last_used_at?: unknown; touched?: unknown };
  return account;
}
