import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const REGION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const TOWN_KINDS = ['street', 'town', 'township', 'zone'] as const;
export type TownKind = (typeof TOWN_KINDS)[number];

export const ORG_TYPES = [
  'government',
  'department',
  'town_government',
  'street_office',
  'dev_zone',
  'service_centre',
  'command_centre',
  'enforcement_team',
  'approval_bureau',
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_LEVELS = ['county', 'town', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Statistical administrative divisions. Codes are in their shortest GB/T 2260
 * form: 6 digits for province/city/county (320000, 320200, 320281), 9 for
 * town-level units (320281107). See server/data/regions/README.md.
 */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    /** Town-level units only: street 001–099, town 100–199, township 200–399, zone 400–599. */
    townKind: text('town_kind', { enum: TOWN_KINDS }),
  },
  (t) => [
    index('regions_parent').on(t.parentCode, t.code),
    index('regions_level').on(t.level, t.code),
    index('regions_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    check('regions_level_check', sql`${t.level} in (${quoted(REGION_LEVELS)})`),
    check('regions_town_kind_check', sql`(${t.level} = 'town') = (${t.townKind} is not null)`),
  ],
);

/** Which version of the bundled region files the regions table holds. */
export const regionLoads = pgTable('region_loads', {
  dataset: text('dataset').primaryKey(),
  checksum: text('checksum').notNull(),
  rows: integer('rows').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Organisations in a hierarchy. `path` holds the ids from the root down to
 * the organisation itself, so "this org and everything under it" is one
 * array containment test (scope checks, subtree listings).
 */
export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type', { enum: ORG_TYPES }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => organisations.id),
    path: integer('path').array().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    uscc: text('uscc'),
    level: text('level', { enum: ORG_LEVELS }).notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_code').on(t.code),
    uniqueIndex('organisations_uscc').on(t.uscc).where(sql`uscc is not null`),
    index('organisations_parent').on(t.parentId, t.sort, t.id),
    index('organisations_region').on(t.regionCode, t.sort, t.id),
    index('organisations_path').using('gin', t.path),
    index('organisations_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    check('organisations_type_check', sql`${t.type} in (${quoted(ORG_TYPES)})`),
    check('organisations_level_check', sql`${t.level} in (${quoted(ORG_LEVELS)})`),
  ],
);

/** People working in an organisation (a post), optionally linked to a sign-in account. */
export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    residentId: text('resident_id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The organisation's region, copied for scope filters and distribution by region. */
    regionCode: text('region_code').notNull(),
    post: text('post').notNull(),
    phone: text('phone'),
    /** The sign-in account of this person (accounts.id), when they have one; accounts are disabled, never deleted. */
    accountId: integer('account_id'),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_org').on(t.orgId, t.sort, t.id),
    index('people_region').on(t.regionCode),
    uniqueIndex('people_org_resident').on(t.orgId, t.residentId).where(sql`resident_id is not null`),
    index('people_account').on(t.accountId),
    index('people_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Staffing of one organisation: 编制数, 实有人数, 领导职数 (quota/actual), 内设机构数. */
export const staffing = pgTable(
  'staffing',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    quota: integer('quota').notNull().default(0),
    actual: integer('actual').notNull().default(0),
    leaderQuota: integer('leader_quota').notNull().default(0),
    leaderActual: integer('leader_actual').notNull().default(0),
    internalUnits: integer('internal_units').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    check(
      'staffing_non_negative',
      sql`${t.quota} >= 0 and ${t.actual} >= 0 and ${t.leaderQuota} >= 0 and ${t.leaderActual} >= 0 and ${t.internalUnits} >= 0`,
    ),
  ],
);
