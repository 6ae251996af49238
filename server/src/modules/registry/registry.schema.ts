import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const ENTITY_KINDS = ['enterprise', 'individual', 'cooperative'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
/** 存续 (in business), 吊销 (licence revoked), 注销 (deregistered). */
export const ENTITY_STATUSES = ['active', 'revoked', 'cancelled'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];
export const SEXES = ['male', 'female'] as const;

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Market entities (市场主体): enterprises, individual businesses and farmers'
 * cooperatives, keyed by their unified social credit code. Credit and risk
 * classes belong to the credit module, not here.
 */
export const entities = pgTable(
  'entities',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    /** GB/T 4754-2017 division code, e.g. C17. */
    industryCode: text('industry_code').notNull(),
    /** Division name, e.g. 纺织业. */
    industry: text('industry').notNull(),
    /** Town-level region (9 digits) where the entity is registered. */
    regionCode: text('region_code').notNull(),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    registeredAt: date('registered_at', { mode: 'string' }).notNull(),
    status: text('status', { enum: ENTITY_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entities_uscc').on(t.uscc),
    index('entities_region').on(t.regionCode, t.id),
    index('entities_kind').on(t.kind),
    index('entities_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    check('entities_kind_check', sql`${t.kind} in (${quoted(ENTITY_KINDS)})`),
    check('entities_status_check', sql`${t.status} in (${quoted(ENTITY_STATUSES)})`),
  ],
);

/** Natural persons known to the county (residents), keyed by resident ID. */
export const citizens = pgTable(
  'citizens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    residentId: text('resident_id').notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** Town-level region (9 digits) of residence. */
    regionCode: text('region_code').notNull(),
    address: text('address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('citizens_resident_id').on(t.residentId),
    index('citizens_region').on(t.regionCode, t.id),
    check('citizens_sex_check', sql`${t.sex} in (${quoted(SEXES)})`),
  ],
);
