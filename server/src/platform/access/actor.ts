import { ROLE_PERMISSIONS, type Permission, type Role } from './roles.ts';

export interface RoleGrant {
  role: Role;
  /** Region subtree: the grant covers every region whose code starts with this (normalised, trailing zeros cut). */
  regionCode: string | null;
  /** Organisation the grant is limited to (and its descendants), if any. */
  orgId: number | null;
}

export type AccountKind = 'staff' | 'person' | 'legal';

export interface Actor {
  id: number;
  username: string;
  kind: AccountKind;
  displayName: string;
  grants: RoleGrant[];
  permissions: ReadonlySet<Permission>;
  /** How the caller authenticated: a browser session (needs CSRF on writes) or an API token. */
  via: 'session' | 'token' | 'system';
  sessionId?: string;
}

export const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  kind: 'staff',
  displayName: '系统',
  grants: [{ role: 'admin', regionCode: null, orgId: null }],
  permissions: new Set(ROLE_PERMISSIONS.admin),
  via: 'system',
};

/** The caller of a public route who has not signed in. */
export const ANONYMOUS: Actor = {
  id: -1,
  username: 'anonymous',
  kind: 'person',
  displayName: '访客',
  grants: [],
  permissions: new Set(),
  via: 'system',
};

export function permissionsOf(grants: RoleGrant[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const g of grants) for (const p of ROLE_PERMISSIONS[g.role]) set.add(p);
  return set;
}

/**
 * The code prefix of a region's subtree. Only whole zero segments are cut
 * (000 village and town parts of 9/12-digit codes; 00 county and city parts
 * of 6-digit codes), so 320281100 (a town ending in 00) stays itself and
 * 320281000000, 320281 and 32028100 all mean Jiangyin.
 */
export function regionPrefix(code: string): string {
  let c = code;
  if (c.length === 12 && c.endsWith('000')) c = c.slice(0, 9);
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6);
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4);
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2);
  return c;
}

/** True when a grant with `scope` covers a resource in region `code`. A null scope covers everything. */
export function regionCovers(scope: string | null, code: string | null | undefined): boolean {
  if (scope === null) return true;
  if (!code) return false;
  return code.startsWith(regionPrefix(scope));
}

/** Does the actor hold `permission` in a grant whose scope covers the resource? */
export function canAct(
  actor: Actor,
  permission: Permission,
  resource: { regionCode?: string | null; orgIds?: number[] | null },
): boolean {
  return actor.grants.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes(permission) &&
      regionCovers(g.regionCode, resource.regionCode ?? null) &&
      (g.orgId === null || (resource.orgIds ?? []).includes(g.orgId)),
  );
}
