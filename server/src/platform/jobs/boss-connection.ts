import type { JobLogger } from './logger.ts';

type Rows = { rows: Record<string, unknown>[] };
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<Rows>;

/** pg-boss wraps its DDL and maintenance scripts as `BEGIN; … COMMIT;` in one multi-statement string. */
const EXPLICIT_TX = /^\s*BEGIN;\s*([\s\S]*?)\s*COMMIT;\s*$/;
/** pg-boss's job fetch (`fetchNextJob`): the only statement that claims jobs. */
const FETCH = /^\s*WITH next as \(\s*SELECT id, singleton_key, policy\s+FROM \S+\.job\b[\s\S]*FOR UPDATE SKIP LOCKED/;
/** pg-boss's complete and fail commands, which its worker loop sends without awaiting them. */
const FIRE_AND_FORGET = /^\s*WITH (results AS \(\s*UPDATE \S+\.job\s+SET completed_on = now\(\)|deleted_jobs AS \()/;

/** What pg-boss reads from a complete/fail result that did not happen. */
const NO_COUNT: Rows = { rows: [{ count: '0' }] };

/**
 * The connection pg-boss runs on (its `db` option), over the application's
 * `Database.executeSql`. It fixes what pg-boss 10.4 gets wrong on a single
 * shared session (PGlite) and on a shared pool:
 *
 * - Scripts of the form `BEGIN; …; COMMIT;` are sent without the explicit
 *   BEGIN/COMMIT. A multi-statement simple query is one implicit transaction
 *   in PostgreSQL, so the script stays atomic, and a failure rolls it back
 *   instead of leaving the session inside an aborted transaction block. On
 *   PGlite that block would never end (there is one session and no idle
 *   timeout), and every later query of the whole application would fail.
 * - pg-boss's worker loop calls `complete()`/`fail()` without awaiting them;
 *   a database error there would be an unhandled rejection and end the
 *   process. Those errors are logged instead (the job then expires and is
 *   retried by pg-boss's maintenance).
 * - Every query is tracked, so stopping can wait for the last `complete()`
 *   before the database is closed; once stopping, fetches claim nothing, and
 *   once closed, stray calls never reach the database.
 */
export class BossConnection {
  private readonly inflight = new Set<Promise<unknown>>();
  private stopping = false;
  private closed = false;

  constructor(
    private readonly execute: ExecuteSql,
    private readonly log: JobLogger,
  ) {}

  /** The `db` option handed to pg-boss. */
  readonly db = {
    executeSql: (text: string, values?: unknown[]): Promise<Rows> => this.executeSql(text, values),
  };

  executeSql(text: string, values?: unknown[]): Promise<Rows> {
    if (this.closed) return Promise.resolve(FIRE_AND_FORGET.test(text) ? NO_COUNT : { rows: [] });
    if (this.stopping && FETCH.test(text)) return Promise.resolve({ rows: [] });
    const hasValues = values !== undefined && values.length > 0;
    const explicit = hasValues ? null : EXPLICIT_TX.exec(text);
    const sqlText = explicit ? explicit[1] : text;
    let p: Promise<Rows> = this.execute(sqlText, hasValues ? values : undefined);
    if (FIRE_AND_FORGET.test(text)) {
      p = p.catch((err: unknown) => {
        this.log.error({ err }, 'pg-boss could not record a job outcome; the job will expire and be retried');
        return NO_COUNT;
      });
    }
    const tracked = p.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return tracked;
  }

  /** Fetches claim no more jobs from now on. */
  beginStop(): void {
    this.stopping = true;
  }

  /** Waits until no query is in flight (bounded by timeoutMs). */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.inflight.size > 0 && Date.now() < until) {
      await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, Math.max(1, until - Date.now())))]);
    }
  }

  /** After this, calls resolve empty without touching the database (which the caller may now close). */
  close(): void {
    this.closed = true;
  }
}
