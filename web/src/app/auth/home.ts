import type { Me } from './types.ts';

export const hasRole = (me: Me | null, role: string) => !!me?.roles.some((r) => r.role === role);
export const can = (me: Me | null, permission: string) => !!me?.permissions.includes(permission);

export const isApplicant = (me: Me) => me.kind !== 'staff' || hasRole(me, 'applicant');
/** The command screen is for those who supervise cases: dispatchers, leaders and administrators. */
export const canUseCommandScreen = (me: Me) => me.kind === 'staff' && can(me, 'case:supervise');
export const canUseWorkbench = (me: Me) => me.kind === 'staff';

/** Where a signed-in account lands: applicants → applicant centre, dispatchers → command screen, other staff → workbench. */
export function homeFor(me: Me): string {
  if (isApplicant(me)) return '/my';
  if (hasRole(me, 'dispatcher') && !hasRole(me, 'admin')) return '/command';
  return '/workbench';
}
