/**
 * Who may see and act on a case. Staff see a case when one of their case
 * permissions covers its region (and, for organisation-scoped grants such as
 * a handling unit's, its lead organisation); requesters see their own
 * reports in a reduced form. Everyone else gets "not found".
 */
import { sql, type SQL } from 'drizzle-orm';
import { canAct, type Actor, type Permission } from '../../platform/access/index.ts';
import type { Subject } from '../../platform/workflow/index.ts';
import { scopeCondition } from '../org/index.ts';
import type { CaseRow } from './cases.repository.ts';

export const STAFF_CASE_PERMISSIONS: readonly Permission[] = ['case:dispatch', 'case:supervise', 'case:handle', 'case:verify', 'case:report'];

export const subjectOf = (c: Pick<CaseRow, 'state' | 'version' | 'region_code' | 'lead_org_path'>): Subject => ({
  state: c.state,
  version: c.version,
  regionCode: c.region_code,
  orgIds: c.lead_org_path ?? [],
});

/** Staff whose case permissions cover the case. */
export function isCaseStaff(actor: Actor, c: Pick<CaseRow, 'state' | 'version' | 'region_code' | 'lead_org_path'>): boolean {
  const s = subjectOf(c);
  return STAFF_CASE_PERMISSIONS.some((p) => canAct(actor, p, s));
}

/** The signed-in requester of the case (a citizen or an enterprise). */
export const isRequester = (actor: Actor, c: Pick<CaseRow, 'requester_account_id'>) => actor.id > 0 && c.requester_account_id === actor.id;

/** Staff listings: cases any of the actor's case permissions covers, as SQL over the cases table (alias c). */
export function staffScope(actor: Actor, permissions: readonly Permission[] = STAFF_CASE_PERMISSIONS): SQL {
  const parts = permissions.filter((p) => actor.permissions.has(p)).map((p) => scopeCondition(actor, p, { region: sql`c.region_code`, path: sql`c.lead_org_path` }));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
