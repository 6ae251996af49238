import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const GRID_LEVELS = [1, 2, 3] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** The head and the five roles of every grid (一长五员). */
export const GRID_ROLES = ['head', 'grid_worker', 'inspector', 'informant', 'patroller', 'liaison'] as const;
export type GridRole = (typeof GRID_ROLES)[number];
export const GRID_ROLE_LABELS: Record<GridRole, { zh: string; en: string }> = {
  head: { zh: '网格长', en: 'Grid head' },
  grid_worker: { zh: '专职网格员', en: 'Grid worker' },
  inspector: { zh: '网格监督员', en: 'Inspector' },
  informant: { zh: '信息员', en: 'Informant' },
  patroller: { zh: '巡查员', en: 'Patroller' },
  liaison: { zh: '联络员', en: 'Liaison' },
};

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Grids (网格) in three levels. Codes follow DOMAIN §5: the town's 9-digit
 * region code (level 1), + a 3-digit level-2 serial (12 digits), + a 3-digit
 * level-3 serial (15 digits). Geometry is GeoJSON (Polygon or MultiPolygon,
 * WGS84 lng/lat) with its bounding box in columns for prefiltering.
 */
export const grids = pgTable(
  'grids',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    level: integer('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => grids.id),
    name: text('name').notNull(),
    /** The 9-digit town-level region (320281xxx) the grid lies in. */
    townRegionCode: text('town_region_code').notNull(),
    /** Region used for scope checks and distribution (the town's code). */
    regionCode: text('region_code').notNull(),
    geometry: jsonb('geometry').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    /** Area in square metres (spherical approximation), for coverage checks and display. */
    areaM2: doublePrecision('area_m2').notNull().default(0),
    households: integer('households').notNull().default(0),
    firms: integer('firms').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grids_code').on(t.code),
    index('grids_parent').on(t.parentId, t.code),
    index('grids_level').on(t.level, t.code),
    index('grids_region').on(t.regionCode, t.level),
    index('grids_bbox').on(t.minLng, t.maxLng, t.minLat, t.maxLat),
    check('grids_level_check', sql`${t.level} in (1, 2, 3)`),
    check('grids_parent_check', sql`(${t.level} = 1) = (${t.parentId} is null)`),
    check('grids_bbox_check', sql`${t.minLng} <= ${t.maxLng} and ${t.minLat} <= ${t.maxLat}`),
    check('grids_counts_check', sql`${t.households} >= 0 and ${t.firms} >= 0`),
  ],
);

/** Staff of a grid: the head and five roles (a role may have several people). */
export const gridStaff = pgTable(
  'grid_staff',
  {
    id: serial('id').primaryKey(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => grids.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GRID_ROLES }).notNull(),
    personName: text('person_name').notNull(),
    /** The sign-in account (accounts.id) of this person, when they have one. */
    accountId: integer('account_id'),
    phone: text('phone'),
    /** The organisation the person works for (organisations.id), e.g. the town's command centre. */
    orgId: integer('org_id'),
    regionCode: text('region_code').notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grid_staff_grid').on(t.gridId, t.role, t.sort),
    index('grid_staff_account').on(t.accountId).where(sql`account_id is not null`),
    index('grid_staff_region').on(t.regionCode),
    check('grid_staff_role_check', sql`${t.role} in (${quoted(GRID_ROLES)})`),
  ],
);

/**
 * One row: a revision stamp bumped by every change to grids or their staff,
 * so every process can tell cheaply whether its in-memory index is stale.
 */
export const gridRevision = pgTable('grid_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
