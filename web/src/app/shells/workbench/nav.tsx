import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  CameraOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  FileSearchOutlined,
  FormOutlined,
  InboxOutlined,
  KeyOutlined,
  LikeOutlined,
  LockOutlined,
  NodeIndexOutlined,
  PhoneOutlined,
  PartitionOutlined,
  ToolOutlined,
  ProfileOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Me } from '../../auth/types.ts';
import { can } from '../../auth/home.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { NavItem } from '../../layout/ShellLayout.tsx';

/** A workbench page: where it lives, the permission it needs, and the API operations behind it. */
export interface WorkbenchPage {
  path: string;
  icon: ReactNode;
  label: MessageKey;
  description: MessageKey;
  /** Any one of these permissions opens the page; none listed means every staff member. */
  permissions?: string[];
  requires: string[];
  group: 'work' | 'account';
}

export const WORKBENCH_PAGES: WorkbenchPage[] = [
  {
    path: '/workbench/orgs',
    icon: <ApartmentOutlined />,
    label: 'workbench.nav.orgs',
    description: 'workbench.nav.orgsText',
    permissions: ['org:read'],
    requires: ['GET /api/orgs/tree', 'GET /api/orgs/:id', 'GET /api/people'],
    group: 'work',
  },
  {
    path: '/workbench/staffing',
    icon: <BarChartOutlined />,
    label: 'workbench.nav.staffing',
    description: 'workbench.nav.staffingText',
    permissions: ['staffing:manage', 'insight:read'],
    requires: ['GET /api/orgs/tree', 'GET /api/orgs/:id'],
    group: 'work',
  },
  {
    path: '/workbench/working-days',
    icon: <CalendarOutlined />,
    label: 'workbench.nav.workingDays',
    description: 'workbench.nav.workingDaysText',
    requires: ['GET /api/calendar/working-days'],
    group: 'work',
  },
  {
    path: '/workbench/catalog',
    icon: <ProfileOutlined />,
    label: 'catalog.wb.items',
    description: 'catalog.wb.itemsText',
    permissions: ['catalog:edit', 'catalog:review'],
    requires: ['GET /api/catalog/items', 'GET /api/catalog/adjustments', 'GET /api/catalog/adjustments/:id'],
    group: 'work',
  },
  {
    path: '/workbench/catalog/requests',
    icon: <FormOutlined />,
    label: 'catalog.wb.requests',
    description: 'catalog.wb.requestsText',
    permissions: ['catalog:edit'],
    requires: ['GET /api/catalog/adjustments', 'POST /api/catalog/adjustments', 'PUT /api/catalog/adjustments/:id'],
    group: 'work',
  },
  {
    path: '/workbench/catalog/review',
    icon: <FileSearchOutlined />,
    label: 'catalog.wb.review',
    description: 'catalog.wb.reviewText',
    permissions: ['catalog:review'],
    requires: ['GET /api/catalog/adjustments', 'POST /api/catalog/adjustments/:id/actions/:action'],
    group: 'work',
  },
  {
    path: '/workbench/catalog/imports',
    icon: <CloudUploadOutlined />,
    label: 'catalog.wb.imports',
    description: 'catalog.wb.importsText',
    permissions: ['catalog:review'],
    requires: ['POST /api/catalog/imports', 'GET /api/catalog/imports', 'GET /api/catalog/imports/:id', 'POST /api/catalog/imports/:id/commit'],
    group: 'work',
  },
  {
    path: '/workbench/intake',
    icon: <InboxOutlined />,
    label: 'svc.nav.intake',
    description: 'svc.nav.intakeText',
    permissions: ['application:intake'],
    requires: ['GET /api/intake/queue', 'GET /api/intake/identity', 'POST /api/intake/applications', 'GET /api/applications/:id/precheck', 'POST /api/applications/:id/accept', 'POST /api/applications/:id/correction'],
    group: 'work',
  },
  {
    path: '/workbench/review',
    icon: <SolutionOutlined />,
    label: 'svc.nav.review',
    description: 'svc.nav.reviewText',
    permissions: ['application:review'],
    requires: ['GET /api/review/queue', 'GET /api/countersigns', 'GET /api/applications/:id', 'POST /api/applications/:id/decision'],
    group: 'work',
  },
  {
    path: '/workbench/supervise',
    icon: <AlertOutlined />,
    label: 'svc.nav.supervise',
    description: 'svc.nav.superviseText',
    permissions: ['application:supervise'],
    requires: ['GET /api/supervision/overdue', 'GET /api/supervision/warnings', 'GET /api/supervision/extensions', 'POST /api/applications/:id/overdue-explanation', 'GET /api/supervision/commitment-checks', 'POST /api/supervision/commitment-checks/:id/result'],
    group: 'work',
  },
  {
    path: '/workbench/ratings',
    icon: <LikeOutlined />,
    label: 'rating.nav.workbench',
    description: 'rating.nav.workbenchText',
    permissions: ['rating:handle', 'rating:supervise'],
    requires: ['GET /api/ratings/rectifications', 'GET /api/ratings/rectifications/:id', 'POST /api/ratings/rectifications/:id/actions/:action'],
    group: 'work',
  },
  {
    path: '/workbench/cases/report',
    icon: <CameraOutlined />,
    label: 'cases.nav.report',
    description: 'cases.nav.reportText',
    permissions: ['case:report'],
    requires: ['GET /api/cases/categories', 'POST /api/cases/reports/grid', 'POST /api/files', 'GET /api/grids/geojson', 'GET /api/grids/locate'],
    group: 'work',
  },
  {
    path: '/workbench/cases/grid',
    icon: <PartitionOutlined />,
    label: 'cases.nav.grid',
    description: 'cases.nav.gridText',
    permissions: ['case:report'],
    requires: ['GET /api/cases/grid', 'GET /api/cases/:id', 'POST /api/cases/:id/actions/:action'],
    group: 'work',
  },
  {
    path: '/workbench/cases/dispatch',
    icon: <NodeIndexOutlined />,
    label: 'cases.nav.dispatch',
    description: 'cases.nav.dispatchText',
    permissions: ['case:dispatch'],
    requires: ['GET /api/cases/queue', 'GET /api/cases', 'GET /api/cases/:id', 'POST /api/cases/:id/actions/:action', 'GET /api/orgs'],
    group: 'work',
  },
  {
    path: '/workbench/cases/handle',
    icon: <ToolOutlined />,
    label: 'cases.nav.handle',
    description: 'cases.nav.handleText',
    permissions: ['case:handle'],
    requires: ['GET /api/cases/mine', 'GET /api/cases/:id', 'POST /api/cases/:id/actions/:action', 'POST /api/files'],
    group: 'work',
  },
  {
    path: '/workbench/cases/hotline',
    icon: <PhoneOutlined />,
    label: 'cases.nav.hotline',
    description: 'cases.nav.hotlineText',
    permissions: ['case:dispatch'],
    requires: ['POST /api/cases/reports/hotline', 'GET /api/cases/callers', 'GET /api/cases/categories', 'GET /api/cases/:id'],
    group: 'work',
  },
  {
    // the leader's view lives in the command shell (overdue cases and rankings, live)
    path: '/command/leader',
    icon: <FundProjectionScreenOutlined />,
    label: 'cmd.nav.leader',
    description: 'cmd.nav.leaderText',
    permissions: ['case:supervise'],
    requires: ['GET /api/command/overview', 'GET /api/command/cases', 'GET /api/command/stream'],
    group: 'work',
  },
  {
    path: '/workbench/audit',
    icon: <AuditOutlined />,
    label: 'workbench.nav.audit',
    description: 'workbench.nav.auditText',
    permissions: ['audit:read'],
    requires: ['GET /api/audit'],
    group: 'work',
  },
  { path: '/workbench/password', icon: <LockOutlined />, label: 'account.changePassword', description: 'password.description', requires: [], group: 'account' },
  {
    path: '/workbench/tokens',
    icon: <KeyOutlined />,
    label: 'tokens.title',
    description: 'tokens.description',
    permissions: ['token:manage'],
    requires: ['GET /api/auth/tokens'],
    group: 'account',
  },
];

export const pageAllowed = (p: WorkbenchPage, me: Me, has: (op: string) => boolean) =>
  (!p.permissions || p.permissions.some((perm) => can(me, perm))) && p.requires.every(has);

export function workbenchNav(me: Me, has: (op: string) => boolean, t: Translate): NavItem[] {
  const pages = WORKBENCH_PAGES.filter((p) => pageAllowed(p, me, has));
  const item = (p: WorkbenchPage): NavItem => ({ key: p.path, icon: p.icon, label: t(p.label) });
  return [
    { key: '/workbench', icon: <DashboardOutlined />, label: t('workbench.nav.home') },
    ...pages.filter((p) => p.group === 'work').map(item),
    { key: 'account', label: t('workbench.nav.account'), children: pages.filter((p) => p.group === 'account').map(item) },
  ];
}
