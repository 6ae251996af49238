import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Uploaded lists awaiting publication (导入批次). An upload is parsed and
 * validated into `rows` (item content ready to publish) and `errors`
 * (per row and column, Chinese and English); the staffing office reviews the
 * preview, then commits (all rows published in one transaction) or
 * discards it. `version` is the optimistic lock of commit and discard.
 */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: serial('id').primaryKey(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the uploaded bytes (hex). */
    sha256: text('sha256').notNull(),
    /** xlsx | csv | json */
    kind: text('kind', { enum: ['xlsx', 'csv', 'json'] }).notNull(),
    /** Target region (canonical code): implementing bodies are resolved in its subtree. */
    regionCode: text('region_code').notNull(),
    createMissingOrgs: boolean('create_missing_orgs').notNull().default(false),
    /** MappedRow[]: { row, sheet?, content, newOrg? } */
    rows: jsonb('rows').notNull(),
    /** RowError[] */
    errors: jsonb('errors').notNull(),
    /** RowError[] that do not block publication */
    warnings: jsonb('warnings').notNull().default(sql`'[]'::jsonb`),
    /** Sheets read, columns recognised, counts by type and department, rows to create/update. */
    summary: jsonb('summary').notNull(),
    state: text('state', { enum: ['previewed', 'committed', 'discarded'] }).notNull().default('previewed'),
    createdBy: integer('created_by').notNull(),
    approvalDocNo: text('approval_doc_no'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    /** Outcome of the commit: counts, item ids, organisations created. */
    result: jsonb('result'),
    committedBy: integer('committed_by'),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_imports_region').on(t.regionCode, t.createdAt),
    index('catalog_imports_sha').on(t.sha256),
    check('catalog_imports_state', sql`${t.state} in ('previewed', 'committed', 'discarded')`),
    check('catalog_imports_kind', sql`${t.kind} in ('xlsx', 'csv', 'json')`),
  ],
);
