/**
 * Open311 GeoReport v2 (module open311): API keys of client and department
 * systems, service definitions (attributes per service code = case category
 * code), the Open311 side of requests submitted through it (token,
 * attributes, media_url), and the status updates offered for polling
 * (servicerequestupdates). Cases themselves live in modules/cases.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * API keys: only the SHA-256 of the key is stored (the key is shown once).
 * `permissions`: submit (POST requests), update (servicerequestupdates for
 * cases led by `org_id` or a unit under it).
 */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: serial('id').primaryKey(),
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, to tell keys apart in listings. */
    keyPrefix: text('key_prefix').notNull(),
    name: text('name').notNull(),
    /** The department (organisations.id) whose own system uses the key; needed for `update`. */
    orgId: integer('org_id'),
    regionCode: text('region_code').notNull(),
    permissions: text('permissions').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('open311_keys_hash').on(t.keyHash),
    check('open311_keys_permissions_check', sql`${t.permissions} <@ array['submit', 'update']::text[] and cardinality(${t.permissions}) > 0`),
    check('open311_keys_update_org_check', sql`not ('update' = any(${t.permissions})) or ${t.orgId} is not null`),
  ],
);

/** The attributes of one service (GeoReport service definition), edited as a whole with optimistic locking. */
export const open311Services = pgTable('open311_services', {
  serviceCode: text('service_code').primaryKey(),
  /** AttributeDef[] in the spec's field names. */
  attributes: jsonb('attributes').notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What Open311 adds to a case it submitted: the token, the validated attributes, media_url, the client's ids. */
export const open311Requests = pgTable(
  'open311_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    serviceRequestId: text('service_request_id').notNull(),
    token: text('token').notNull(),
    serviceCode: text('service_code').notNull(),
    keyId: integer('key_id').notNull(),
    attributes: jsonb('attributes').notNull().default(sql`'{}'::jsonb`),
    mediaUrl: text('media_url'),
    accountId: text('account_id'),
    deviceId: text('device_id'),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('open311_requests_case').on(t.caseId),
    uniqueIndex('open311_requests_srid').on(t.serviceRequestId),
    uniqueIndex('open311_requests_token').on(t.token),
  ],
);

export const UPDATE_SOURCES = ['case', 'department'] as const;
export type UpdateSource = (typeof UPDATE_SOURCES)[number];

/**
 * Status changes of service requests, for GET servicerequestupdates polling:
 * from the case workflow (outbox events) and from department systems
 * (POST servicerequestupdates).
 */
export const open311Updates = pgTable(
  'open311_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    serviceRequestId: text('service_request_id').notNull(),
    status: text('status').notNull(),
    /** The case state behind the open/closed status. */
    caseState: text('case_state'),
    description: text('description'),
    mediaUrl: text('media_url'),
    source: text('source', { enum: UPDATE_SOURCES }).notNull(),
    keyId: integer('key_id'),
    /** The outbox event it came from (idempotent delivery). */
    eventId: text('event_id'),
    regionCode: text('region_code').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('open311_updates_updated').on(t.updatedAt, t.id),
    index('open311_updates_case').on(t.caseId, t.id),
    uniqueIndex('open311_updates_event').on(t.eventId).where(sql`event_id is not null`),
    check('open311_updates_status_check', sql`${t.status} in ('open', 'closed')`),
    check('open311_updates_source_check', sql`${t.source} in ('case', 'department')`),
  ],
);
