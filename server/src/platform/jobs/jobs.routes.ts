import { z } from 'zod';
import type { Routes } from '../http/index.ts';
import { sql, type SQL } from 'drizzle-orm';
import { decodeCursor, paginate, query, type Db } from '../db/index.ts';

export const OUTBOX_STATUSES = ['pending', 'failed', 'delivered'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const STATUS_FILTER: Record<OutboxStatus, SQL> = {
  pending: sql`delivered_at is null and last_error is null`,
  failed: sql`delivered_at is null and last_error is not null`,
  delivered: sql`delivered_at is not null`,
};

const OutboxEventSchema = z.object({
  id: z.number(),
  topic: z.string(),
  payload: z.unknown(),
  regionCode: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  createdAt: z.string(),
  availableAt: z.string(),
  deliveredAt: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  deliveries: z.array(z.object({ handler: z.string(), deliveredAt: z.string() })),
});

interface Row {
  id: number;
  topic: string;
  payload: unknown;
  region_code: string | null;
  created_at: string;
  available_at: string;
  delivered_at: string | null;
  attempts: number;
  last_error: string | null;
  deliveries: { handler: string; deliveredAt: string }[] | null;
}

const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Domain events, newest first: pending (not yet delivered), failed (retrying, with the last error) or delivered. */
export async function listOutboxEvents(
  db: Db,
  q: { status?: OutboxStatus; topic?: string; limit: number; cursor?: string },
) {
  const after = decodeCursor(q.cursor);
  const conds: SQL[] = [sql`true`];
  if (q.status) conds.push(STATUS_FILTER[q.status]);
  if (q.topic) conds.push(sql`e.topic = ${q.topic}`);
  if (after) conds.push(sql`e.id < ${Number(after[0])}`);
  const rows = await query<Row>(
    db,
    sql`select e.id::float8 as id, e.topic, e.payload, e.region_code, ${iso('e.created_at')} as created_at,
               ${iso('e.available_at')} as available_at, ${iso('e.delivered_at')} as delivered_at, e.attempts, e.last_error,
               (select json_agg(json_build_object('handler', d.handler, 'deliveredAt', ${iso('d.delivered_at')}) order by d.handler)
                  from outbox_deliveries d where d.event_id = e.id) as deliveries
        from outbox_events e
        where ${sql.join(conds, sql` and `)}
        order by e.id desc
        limit ${q.limit + 1}`,
  );
  return paginate(
    rows.map((r) => ({
      id: Number(r.id),
      topic: r.topic,
      payload: r.payload,
      regionCode: r.region_code,
      status: (r.delivered_at ? 'delivered' : r.last_error ? 'failed' : 'pending') as OutboxStatus,
      createdAt: r.created_at,
      availableAt: r.available_at,
      deliveredAt: r.delivered_at,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      deliveries: r.deliveries ?? [],
    })),
    q.limit,
    (r) => [r.id],
  );
}

export function registerJobRoutes(routes: Routes, ctx: { db: Db }) {
  routes.define({
    method: 'GET',
    url: '/api/jobs/outbox',
    tags: ['jobs'],
    summary: 'Domain events in the outbox, newest first, by delivery status',
    description:
      '`pending`: not yet delivered and never failed; `failed`: not yet delivered, the last attempt failed (retried with backoff, `lastError` says why); `delivered`: every subscriber has handled it (`deliveries`).',
    access: 'jobs:read',
    query: z.object({
      status: z.enum(OUTBOX_STATUSES).optional(),
      topic: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
    response: z.object({ items: z.array(OutboxEventSchema), nextCursor: z.string().nullable() }),
    handler: async ({ query: q }) => listOutboxEvents(ctx.db, q),
  });
}
