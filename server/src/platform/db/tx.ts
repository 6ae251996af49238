import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Executor, Tx } from './client.ts';

const current = new AsyncLocalStorage<Tx>();

/**
 * Runs fn in a transaction. Nested calls (a service called by a route that
 * already opened a transaction for idempotency, or a service calling another)
 * join the outer transaction, so one request is one transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = current.getStore();
  if (tx) return fn(tx);
  return db.transaction((t) => current.run(t, () => fn(t)));
}

/** The open transaction when inside one, else the database. Use for reads in services. */
export function executor(db: Db): Executor {
  return current.getStore() ?? db;
}
