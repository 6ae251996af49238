/**
 * Roles and permissions (DESIGN §4 Access). A role is granted with a scope:
 * a region subtree (region code prefix) and/or an organisation. Routes
 * declare a coarse permission; services check the resource's scope.
 */
export const ROLES = [
  'applicant',
  'window_clerk',
  'approver',
  'grid_worker',
  'dispatcher',
  'handler',
  'inspector',
  'staffing_officer',
  'leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'me:read',
  'org:read',
  'org:manage',
  'account:manage',
  'token:manage',
  'audit:read',
  'audit:verify',
  'calendar:manage',
  'staffing:manage',
  'catalog:read',
  'catalog:edit',
  'catalog:review',
  'application:create',
  'application:intake',
  'application:review',
  'application:supervise',
  'case:report',
  'case:dispatch',
  'case:handle',
  'case:verify',
  'case:supervise',
  'case:confirm',
  'inspection:perform',
  'insight:read',
  'jobs:read',
  'license:manage',
  'rating:rate',
  'rating:handle',
  'rating:supervise',
  'open311:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  applicant: ['me:read', 'catalog:read', 'application:create', 'rating:rate', 'case:confirm'],
  window_clerk: ['me:read', 'org:read', 'catalog:read', 'application:intake', 'rating:handle'],
  approver: ['me:read', 'org:read', 'catalog:read', 'catalog:edit', 'application:review', 'rating:handle', 'license:manage'],
  grid_worker: ['me:read', 'org:read', 'case:report', 'case:verify'],
  dispatcher: ['me:read', 'org:read', 'case:report', 'case:dispatch', 'case:supervise', 'case:confirm'],
  handler: ['me:read', 'org:read', 'case:handle'],
  inspector: ['me:read', 'org:read', 'catalog:read', 'inspection:perform', 'case:verify'],
  staffing_officer: ['me:read', 'org:read', 'org:manage', 'staffing:manage', 'catalog:read', 'catalog:edit', 'catalog:review', 'insight:read'],
  leader: ['me:read', 'org:read', 'catalog:read', 'application:supervise', 'case:supervise', 'insight:read', 'audit:read', 'rating:handle', 'rating:supervise'],
  admin: [...PERMISSIONS],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  window_clerk: { zh: '窗口人员', en: 'Window clerk' },
  approver: { zh: '审批人员', en: 'Approver' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  dispatcher: { zh: '指挥调度员', en: 'Dispatcher' },
  handler: { zh: '处置人员', en: 'Handler' },
  inspector: { zh: '执法检查人员', en: 'Inspector' },
  staffing_officer: { zh: '编办人员', en: 'Staffing officer' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};
