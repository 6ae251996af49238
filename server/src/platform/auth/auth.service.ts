import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify, Algorithm } from '@node-rs/argon2';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { ANONYMOUS, permissionsOf, type Actor } from '../access/index.ts';
import { inTransaction, query, type Db } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Caller } from '../http/index.ts';
import { CommonErrors } from '../errors/index.ts';
import { AuthErrors } from './auth.errors.ts';
import { passwordProblems } from './password.rules.ts';
import { Throttle } from './throttle.ts';
import * as repo from './auth.repository.ts';

export const SESSION_COOKIE = 'tb_session';
export const TOKEN_PREFIX = 'tbk_';

export interface AuthOptions {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
  /** Sign-in attempts allowed per client IP per 5 minutes. */
  ipAttempts?: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

/** Throws WEAK_PASSWORD naming the field when the password breaks a rule. */
export function assertPassword(password: string, username: string, field = 'password') {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw AuthErrors.WEAK_PASSWORD({
      fields: [{ field, message: problems.map((p) => p.zh).join('；'), messageEn: problems.map((p) => p.en).join('; ') }],
    });
  }
}

function actorFrom(row: repo.AccountRow, grants: Actor['grants'], via: Actor['via'], sessionId?: string): Actor {
  return { id: row.id, username: row.username, kind: row.kind, displayName: row.display_name, grants, permissions: permissionsOf(grants), via, sessionId };
}

export class AuthService {
  private readonly throttle: Throttle;
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: AuthOptions,
  ) {
    this.throttle = new Throttle(opts.ipAttempts ?? 100, 5 * 60_000);
  }

  /**
   * Verifies a password sign-in and opens a session. Failures are committed
   * (counter, lock-out, audit) before the error is thrown.
   */
  async login(login: string, password: string, caller: Caller, userAgent: string | null): Promise<{ token: string; csrfToken: string; actor: Actor }> {
    const wait = this.throttle.hit(caller.ip);
    if (wait > 0) throw AuthErrors.THROTTLED({ vars: { seconds: wait }, extra: { retryAfter: wait } });
    const account = await repo.findAccountForLogin(this.db, login.trim());
    if (!account || !account.password_hash) {
      // same work as a real check, so timing does not reveal which usernames exist
      this.dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
      await argonVerify(await this.dummyHash, password).catch(() => false);
      throw AuthErrors.BAD_CREDENTIALS();
    }
    if (account.disabled) throw AuthErrors.DISABLED();
    const lockedUntil = account.locked_until ? new Date(account.locked_until) : null;
    if (lockedUntil && lockedUntil > new Date()) throw AuthErrors.LOCKED({ vars: { until: lockedUntil.toISOString() }, extra: { lockedUntil: lockedUntil.toISOString() } });
    const ok = await argonVerify(account.password_hash, password).catch(() => false);
    const who = { actor: { id: account.id, username: account.username, kind: account.kind }, ip: caller.ip, requestId: caller.requestId };
    if (!ok) {
      const after = await inTransaction(this.db, async (tx) => {
        const r = await repo.recordFailure(tx, account.id, this.opts.maxFailures, this.opts.lockMinutes);
        await recordAudit(tx, who, {
          action: r.locked_until ? 'auth.locked' : 'auth.login_failed',
          entityType: 'account',
          entityId: account.id,
          after: { failedLogins: r.failed_logins, lockedUntil: r.locked_until },
        });
        return r;
      });
      if (after.locked_until) {
        const until = new Date(after.locked_until).toISOString();
        throw AuthErrors.LOCKED({ vars: { until }, extra: { lockedUntil: until } });
      }
      throw AuthErrors.BAD_CREDENTIALS();
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const sessionId = sha256(token);
    const grants = await inTransaction(this.db, async (tx) => {
      await repo.resetFailures(tx, account.id);
      await repo.insertSession(tx, { id: sessionId, accountId: account.id, csrf: csrfToken, ip: caller.ip, ua: userAgent, hours: this.opts.sessionHours });
      await recordAudit(tx, who, { action: 'auth.login', entityType: 'account', entityId: account.id });
      return repo.grantsOf(tx, account.id);
    });
    return { token, csrfToken, actor: actorFrom(account, grants, 'session', sessionId) };
  }

  async logout(actor: Actor, caller: Caller): Promise<void> {
    if (!actor.sessionId) return;
    await inTransaction(this.db, async (tx) => {
      if (await repo.deleteSession(tx, actor.sessionId as string)) {
        await recordAudit(tx, caller, { action: 'auth.logout', entityType: 'account', entityId: actor.id });
      }
    });
  }

  /** Who is calling: a bearer API token, a session cookie, or nobody. */
  async resolve(req: FastifyRequest): Promise<{ actor: Actor; csrfToken?: string }> {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.startsWith('Bearer ')) {
      const raw = auth.slice(7).trim();
      const row = raw.startsWith(TOKEN_PREFIX) ? await repo.tokenAccount(this.db, sha256(raw)) : undefined;
      if (!row) throw CommonErrors.UNAUTHENTICATED();
      return { actor: actorFrom(row, await repo.grantsOf(this.db, row.id), 'token') };
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const sessionId = sha256(cookie);
      const row = await repo.sessionAccount(this.db, sessionId);
      if (row) return { actor: actorFrom(row, await repo.grantsOf(this.db, row.id), 'session', sessionId), csrfToken: row.csrf_token };
    }
    return { actor: ANONYMOUS };
  }

  /** Issues an API token for a machine client; the secret is shown once. */
  async createToken(actor: Actor, caller: Caller, name: string, expiresInDays: number | null) {
    const secret = TOKEN_PREFIX + crypto.randomBytes(30).toString('base64url');
    return inTransaction(this.db, async (tx) => {
      const [row] = await query<{ id: number; created_at: string; expires_at: string | null }>(
        tx,
        sql`insert into api_tokens (account_id, name, prefix, token_hash, expires_at)
            values (${actor.id}, ${name}, ${secret.slice(0, 10)}, ${sha256(secret)},
                    ${expiresInDays === null ? null : sql`now() + make_interval(days => ${expiresInDays})`})
            returning id, created_at, expires_at`,
      );
      await recordAudit(tx, caller, { action: 'auth.token_created', entityType: 'api_token', entityId: row.id, after: { name, prefix: secret.slice(0, 10) } });
      return { id: row.id, name, prefix: secret.slice(0, 10), token: secret, createdAt: row.created_at, expiresAt: row.expires_at };
    });
  }

  /** The caller's own identifiers, masked for display (首 6 + 末 4 for resident IDs). */
  async identifiers(actor: Actor): Promise<{ residentIdMasked: string | null; usccMasked: string | null; phoneMasked: string | null }> {
    const row = await repo.findAccount(this.db, actor.id);
    const mask = (v: string | null | undefined, head: number, tail: number) =>
      v ? v.slice(0, head) + '*'.repeat(Math.max(0, v.length - head - tail)) + v.slice(v.length - tail) : null;
    return { residentIdMasked: mask(row?.resident_id, 6, 4), usccMasked: mask(row?.uscc, 8, 4), phoneMasked: mask(row?.phone, 3, 4) };
  }

  async listTokens(actor: Actor) {
    return query<{ id: number; name: string; prefix: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }>(
      this.db,
      sql`select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_tokens where account_id = ${actor.id} order by id desc`,
    );
  }

  /** Revokes one of the caller's tokens; someone else's token is "not found". */
  async revokeToken(actor: Actor, caller: Caller, id: number): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const rows = await query<{ id: number }>(
        tx,
        sql`update api_tokens set revoked_at = now() where id = ${id} and account_id = ${actor.id} and revoked_at is null returning id`,
      );
      if (!rows.length) throw CommonErrors.NOT_FOUND();
      await recordAudit(tx, caller, { action: 'auth.token_revoked', entityType: 'api_token', entityId: id });
    });
  }

  async changePassword(actor: Actor, caller: Caller, current: string, next: string): Promise<void> {
    const account = await repo.findAccount(this.db, actor.id);
    if (!account?.password_hash || !(await argonVerify(account.password_hash, current).catch(() => false))) {
      throw AuthErrors.WRONG_CURRENT_PASSWORD({ fields: [{ field: 'currentPassword', message: '当前密码错误', messageEn: 'The current password is wrong' }] });
    }
    assertPassword(next, account.username, 'newPassword');
    const hashed = await hashPassword(next);
    await inTransaction(this.db, async (tx) => {
      await tx.execute(sql`update accounts set password_hash = ${hashed}, password_changed_at = now(), version = version + 1 where id = ${actor.id}`);
      // other sessions end; this one stays
      await tx.execute(sql`delete from sessions where account_id = ${actor.id} and id <> ${actor.sessionId ?? ''}`);
      await recordAudit(tx, caller, { action: 'auth.password_changed', entityType: 'account', entityId: actor.id });
    });
  }
}
