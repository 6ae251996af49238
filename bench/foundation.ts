import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/src/platform/db/index.ts';
import { load, type LoadResult } from './lib/load.ts';

export interface Baselines {
  bare: LoadResult;
  insert: LoadResult;
}

/**
 * The two baselines later modules compare against: a bare Fastify route, and
 * a route doing one single-row durable INSERT (its own committed transaction)
 * through the same database pool.
 */
export async function measureBaselines(database: Database, seconds: number): Promise<Baselines> {
  await database.db.execute(sql`create table if not exists bench_rows (id bigserial primary key, region_code text not null, payload jsonb not null, created_at timestamptz not null default now())`);
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  app.post('/insert', async (req) => {
    const body = req.body as { i: number };
    await database.db.execute(sql`insert into bench_rows (region_code, payload) values ('320281', ${JSON.stringify(body)}::jsonb)`);
    return { ok: true };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await load({ url: `${url}/bare`, seconds: 1 }); // warm-up
    const bare = await load({ url: `${url}/bare`, seconds });
    const insert = await load({ url: `${url}/insert`, method: 'POST', body: (i) => ({ i, note: '江阴市政务服务' }), seconds });
    return { bare, insert };
  } finally {
    await app.close();
  }
}
