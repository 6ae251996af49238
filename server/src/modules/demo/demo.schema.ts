import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per seeded demo dataset: what was seeded, at which scale, how long it took. */
export const demoSeed = pgTable('demo_seed', {
  name: text('name').primaryKey(),
  scale: text('scale', { enum: ['default', 'large'] }).notNull(),
  counts: jsonb('counts').notNull(),
  durationMs: integer('duration_ms').notNull(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});
