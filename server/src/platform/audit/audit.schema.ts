import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Entries are written inside each state-changing
 * transaction with seq/hash empty; the chainer later links them, in commit
 * order, into one hash chain (seq, prev_hash, hash). Triggers (migration
 * 0001) forbid deleting entries and changing anything but the chain fields
 * of an unchained entry.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_entries_seq').on(t.seq),
    index('audit_entries_unchained').on(t.id).where(sql`seq is null`),
    index('audit_entries_entity').on(t.entityType, t.entityId),
    index('audit_entries_actor').on(t.actorId, t.occurredAt),
    index('audit_entries_region').on(t.regionCode, t.occurredAt),
  ],
);

/** The chain's head: the last linked seq and its hash (one row, id = 1). */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
