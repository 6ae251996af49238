import crypto from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { migrate, openDatabase, type Database } from '../../src/platform/db/index.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  backend: Backend;
  /** Connection URL of the fresh server database (postgres only). */
  url?: string;
  /** Close and, on PostgreSQL, drop the database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { ...database, backend, destroy: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tongban_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    backend,
    url: url.toString(),
    async destroy() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** describe() once per backend: `describeEachBackend('audit', (backend) => { ... })`. */
export function describeEachBackend(name: string, body: (backend: Backend) => void) {
  for (const backend of BACKENDS) describe(`${name} [${backend}]`, () => body(backend));
}
