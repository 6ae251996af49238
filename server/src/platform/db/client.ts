import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir } from './lock.ts';

/** Drizzle database handle; the same type on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle: a Db scoped to one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Multi-statement SQL with optional parameters, as pg-boss expects (`executeSql`). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means an in-memory database (tests). */
  dataDir?: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
}

/** Rows of a raw `db.execute(sql…)` result, on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Runs a raw SQL fragment and returns its rows. */
export async function query<T = Record<string, unknown>>(ex: Executor, q: SQL): Promise<T[]> {
  return rowsOf<T>(await ex.execute(q));
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // int8 (bigint) as number: our ids and counters stay below 2^53.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async executeSql(text, values) {
        const res = await pool.query(text, values as unknown[] | undefined);
        const last = Array.isArray(res) ? res[res.length - 1] : res;
        return { rows: last?.rows ?? [] };
      },
      async close() {
        await pool.end();
      },
    };
  }
  const release = opts.dataDir ? lockDataDir(path.resolve(opts.dataDir)) : () => undefined;
  try {
    const client = await PGlite.create({
      dataDir: opts.dataDir ? path.resolve(opts.dataDir, 'pg') : undefined,
      extensions: { pg_trgm, citext, btree_gin },
    });
    const db = drizzlePglite({ client }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      async executeSql(text, values) {
        if (values && values.length > 0) {
          const res = await client.query(text, values);
          return { rows: res.rows as Record<string, unknown>[] };
        }
        const res = await client.exec(text);
        return { rows: (res[res.length - 1]?.rows ?? []) as Record<string, unknown>[] };
      },
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export { sql };

/** The PostgreSQL error under a driver's wrapper (drizzle wraps it as `cause`), with SQLSTATE code. */
export function pgErrorOf(e: unknown): { code?: string; message: string; constraint?: string } | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as { code?: unknown; message?: string; constraint?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return { code: c.code, message: c.message ?? '', constraint: c.constraint };
    cur = c.cause;
  }
  const top = e as { cause?: { message?: string }; message?: string };
  return top?.cause?.message ? { message: top.cause.message } : null;
}
