import type { MessageKey } from '../../i18n/index.tsx';

/** Permissions grouped by line of business, for the dashboard's "duties" card. `me:read` is implied and not listed. */
export const PERMISSION_GROUPS: { title: MessageKey; permissions: string[] }[] = [
  { title: 'perm.group.services', permissions: ['application:create', 'application:intake', 'application:review', 'application:supervise'] },
  { title: 'perm.group.cases', permissions: ['case:report', 'case:dispatch', 'case:handle', 'case:verify', 'case:supervise'] },
  { title: 'perm.group.supervision', permissions: ['inspection:perform'] },
  { title: 'perm.group.catalog', permissions: ['catalog:read', 'catalog:edit', 'catalog:review'] },
  { title: 'perm.group.org', permissions: ['org:read', 'org:manage', 'staffing:manage'] },
  { title: 'perm.group.insight', permissions: ['insight:read', 'audit:read', 'audit:verify'] },
  { title: 'perm.group.system', permissions: ['account:manage', 'token:manage', 'calendar:manage', 'jobs:read'] },
];

export const permissionKey = (p: string) => `perm.${p}` as MessageKey;
