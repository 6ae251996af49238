import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Database } from './client.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * Applies the committed drizzle-kit migrations that the database has not
 * seen, in order, in one transaction under an advisory lock (so several
 * processes starting at once migrate once). Returns the tags applied.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7318555)`);
    await tx.execute(sql`create table if not exists tongban_migrations (
      tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
    const done = new Map(
      (await query<{ tag: string; hash: string }>(tx, sql`select tag, hash from tongban_migrations`)).map((r) => [r.tag, r.hash]),
    );
    for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
      const text = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const hash = crypto.createHash('sha256').update(text).digest('hex');
      if (done.has(entry.tag)) {
        if (done.get(entry.tag) !== hash) {
          throw new Error(`Migration ${entry.tag} was changed after it was applied (hash differs); write a new migration instead.`);
        }
        continue;
      }
      for (const stmt of text.split('--> statement-breakpoint')) {
        if (stmt.trim()) await tx.execute(sql.raw(stmt));
      }
      await tx.execute(sql`insert into tongban_migrations (tag, hash) values (${entry.tag}, ${hash})`);
      applied.push(entry.tag);
    }
  });
  return applied;
}
