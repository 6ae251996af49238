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
