import { sql, type SQL } from 'drizzle-orm';
import { canAct, regionPrefix, ROLE_PERMISSIONS, type Actor, type Permission } from '../../platform/access/index.ts';

/** What scope checks need to know about an organisation. */
export interface OrgScope {
  regionCode: string;
  /** Ids from the root down to the organisation itself. */
  path: number[];
}

/** May the actor use `permission` on this organisation (or on something inside it)? */
export function canOnOrg(actor: Actor, permission: Permission, org: OrgScope): boolean {
  return canAct(actor, permission, { regionCode: org.regionCode, orgIds: org.path });
}

/**
 * The same decision as canOnOrg, as a SQL condition over a region-code column
 * and an organisation-path column, so listings filter in the database and
 * pagination stays exact.
 */
export function scopeCondition(actor: Actor, permission: Permission, cols: { region: SQL; path: SQL }): SQL {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (!ROLE_PERMISSIONS[g.role].includes(permission)) continue;
    const conds: SQL[] = [];
    if (g.regionCode !== null) conds.push(sql`${cols.region} like ${`${regionPrefix(g.regionCode)}%`}`);
    if (g.orgId !== null) conds.push(sql`${cols.path} @> array[${g.orgId}]::int[]`);
    if (conds.length === 0) return sql`true`;
    parts.push(sql`(${sql.join(conds, sql` and `)})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
