import { chainPending } from '../audit/index.ts';
import { query, sql, type Db } from '../db/index.ts';
import type { JobRunner } from './runner.ts';

export const AUDIT_CHAIN_QUEUE = 'platform.audit-chain';
export const CLEANUP_QUEUE = 'platform.cleanup';
/** Every ten minutes. */
export const CLEANUP_CRON = '*/10 * * * *';
/** Stored Idempotency-Key responses are kept this long. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

const BATCH = 5000;

/** Deletes expired sessions and idempotency keys older than 24 h, in batches. Returns the rows deleted. */
export async function cleanupExpired(db: Db): Promise<{ sessions: number; idempotencyKeys: number }> {
  let sessions = 0;
  for (;;) {
    const rows = await query<{ id: string }>(
      db,
      sql`delete from sessions where id in (select id from sessions where expires_at < now() limit ${BATCH}) returning id`,
    );
    sessions += rows.length;
    if (rows.length < BATCH) break;
  }
  let idempotencyKeys = 0;
  for (;;) {
    const rows = await query<{ id: number }>(
      db,
      sql`delete from idempotency_keys where id in (
            select id from idempotency_keys
            where created_at < now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS}) limit ${BATCH})
          returning id`,
    );
    idempotencyKeys += rows.length;
    if (rows.length < BATCH) break;
  }
  return { sessions, idempotencyKeys };
}

/** The platform's own periodic jobs: linking audit entries into the hash chain, and cleanup. */
export function registerPlatformJobs(runner: JobRunner, db: Db, opts: { auditChainSeconds: number }): void {
  void runner.register(
    AUDIT_CHAIN_QUEUE,
    async () => {
      await chainPending(db);
    },
    { policy: 'short', retryLimit: 0, expireInSeconds: 3600 },
  );
  runner.every(AUDIT_CHAIN_QUEUE, opts.auditChainSeconds);
  void runner.register(
    CLEANUP_QUEUE,
    async () => {
      await cleanupExpired(db);
    },
    { policy: 'short', retryLimit: 2 },
  );
  void runner.schedule(CLEANUP_QUEUE, CLEANUP_CRON, null, { tz: 'UTC' });
}
