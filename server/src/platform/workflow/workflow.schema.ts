import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every transition of every workflow item: who, what, when, from where, from → to. */
export const workflowHistory = pgTable(
  'workflow_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workflow: text('workflow').notNull(),
    subjectId: text('subject_id').notNull(),
    regionCode: text('region_code'),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    version: integer('version').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    note: text('note'),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workflow_history_subject').on(t.workflow, t.subjectId, t.id)],
);
