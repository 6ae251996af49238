import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded files (materials, photos, attachments). The bytes live in the
 * file store (a local directory by default, object storage in production),
 * addressed by their SHA-256; this table holds what the platform knows of
 * each upload. Modules keep their own rows pointing at a file id.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The media type the content sniffing found (never the client's claim). */
    mediaType: text('media_type').notNull(),
    /** The file name as uploaded (for display and download only). */
    name: text('name').notNull(),
    ownerAccountId: bigint('owner_account_id', { mode: 'number' }),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('stored_files_sha256').on(t.sha256),
    index('stored_files_owner').on(t.ownerAccountId, t.createdAt),
    check('stored_files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('stored_files_size', sql`${t.size} > 0`),
  ],
);
