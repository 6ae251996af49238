import { canAct, type Actor, type Permission } from '../../platform/access/index.ts';
import type { ApplicationRow } from './services.repository.ts';

/** The applicant's side: the applicant's account or the proxy agent who applied for them. */
export function isApplicantOf(actor: Actor, row: Pick<ApplicationRow, 'applicantAccountId' | 'agentAccountId'>): boolean {
  return actor.id > 0 && (row.applicantAccountId === actor.id || row.agentAccountId === actor.id);
}

/** Staff with `permission` whose scope covers the application's region and handling organisation. */
export function staffMay(actor: Actor, permission: Permission, row: Pick<ApplicationRow, 'regionCode' | 'handlingOrgPath'>): boolean {
  return canAct(actor, permission, { regionCode: row.regionCode, orgIds: row.handlingOrgPath });
}

const STAFF_PERMISSIONS: Permission[] = ['application:intake', 'application:review', 'application:supervise'];

/** Who may read an application: its applicant (or agent), and staff in scope. Everyone else gets "not found". */
export function maySee(actor: Actor, row: Pick<ApplicationRow, 'applicantAccountId' | 'agentAccountId' | 'regionCode' | 'handlingOrgPath'>): boolean {
  return isApplicantOf(actor, row) || STAFF_PERMISSIONS.some((p) => staffMay(actor, p, row));
}

/** The centre where an application was received at a window: its region and organisation path. */
export interface IntakeCentre {
  regionCode: string;
  path: number[];
}

/**
 * May the window take intake steps on the application: a clerk in the scope
 * of the item (the handling department's region and organisation), or a
 * clerk of the centre where the applicant walked in — any window accepts
 * any matter (无差别全科受理), so a town window handles a county item it received.
 */
export function mayIntake(actor: Actor, row: Pick<ApplicationRow, 'regionCode' | 'handlingOrgPath'>, centre: IntakeCentre | null): boolean {
  return staffMay(actor, 'application:intake', row) || (centre !== null && canAct(actor, 'application:intake', { regionCode: centre.regionCode, orgIds: centre.path }));
}

/** The receiving centre as a further workflow scope for intake steps (platform workflow `alsoScopes`). */
export function intakeScopes(centre: IntakeCentre | null): { permission: Permission; regionCode: string; orgIds: number[] }[] {
  return centre ? [{ permission: 'application:intake', regionCode: centre.regionCode, orgIds: centre.path }] : [];
}
