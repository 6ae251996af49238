import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../server/src/platform/db/index.ts';

export interface BenchBackend {
  name: 'PGlite' | 'PostgreSQL';
  database: Database;
  destroy(): Promise<void>;
}

/** PGlite on a temporary on-disk data directory (durable, like production embedded use). */
export async function pgliteBackend(): Promise<BenchBackend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  return {
    name: 'PGlite',
    database,
    async destroy() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the PostgreSQL server at BENCH_DATABASE_URL (default: the local server), or null when unreachable. */
export async function postgresBackend(): Promise<BenchBackend | null> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `tongban_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 16 });
  await migrate(database);
  return {
    name: 'PostgreSQL',
    database,
    async destroy() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
