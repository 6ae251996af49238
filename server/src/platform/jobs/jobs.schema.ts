import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Domain events (DESIGN §4 Outbox): written by emit() in the transaction of
 * the change they describe, delivered later by the relay job. Kept after
 * delivery so they stay queryable.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not claimable before this: the relay's lease while delivering, or the retry backoff after a failure. */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Delivery attempts (claims) so far. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_events_undelivered').on(t.availableAt, t.id).where(sql`delivered_at is null`),
    index('outbox_events_topic').on(t.topic, t.id),
    index('outbox_events_region').on(t.regionCode, t.createdAt),
  ],
);

/**
 * One row per (event, subscriber) whose handler has committed. It is inserted
 * in the handler's own transaction, so a handler's effect happens exactly once
 * however often the event is redelivered.
 */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outboxEvents.id, { onDelete: 'cascade' }),
    handler: text('handler').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.handler] })],
);
