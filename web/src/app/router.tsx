import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { canUseCommandScreen, canUseWorkbench, isApplicant } from './auth/home.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { PortalLayout } from './shells/portal/PortalLayout.tsx';
import { PortalHome } from './shells/portal/PortalHome.tsx';
import { ApplicantShell } from './shells/applicant/ApplicantShell.tsx';
import { MyAccountPage } from './shells/applicant/MyAccountPage.tsx';
import { WorkbenchShell } from './shells/workbench/WorkbenchShell.tsx';
import { DashboardPage } from './shells/workbench/DashboardPage.tsx';
import { RequirePage } from './shells/workbench/RequirePage.tsx';

const lazyPage = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const WorkingDaysPage = lazyPage(() => import('./shells/portal/WorkingDaysPage.tsx'), 'WorkingDaysPage');
const IdentifierPage = lazyPage(() => import('./shells/portal/IdentifierPage.tsx'), 'IdentifierPage');
const OrgBrowserPage = lazyPage(() => import('../modules/org/OrgBrowserPage.tsx'), 'OrgBrowserPage');
const StaffingPage = lazyPage(() => import('../modules/org/StaffingPage.tsx'), 'StaffingPage');
const AuditPage = lazyPage(() => import('../modules/audit/AuditPage.tsx'), 'AuditPage');
const RegisterPage = lazyPage(() => import('./auth/RegisterPage.tsx'), 'RegisterPage');
const TokensPage = lazyPage(() => import('./auth/TokensPage.tsx'), 'TokensPage');
const WorkbenchWorkingDaysPage = lazyPage(() => import('./shells/workbench/WorkingDaysPage.tsx'), 'WorkbenchWorkingDaysPage');
const CommandShell = lazyPage(() => import('./shells/command/CommandShell.tsx'), 'CommandShell');
const CommandScreen = lazyPage(() => import('./shells/command/CommandScreen.tsx'), 'CommandScreen');

const page = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
const wb = (path: string, node: ReactNode) => <RequirePage path={path}>{page(node)}</RequirePage>;

/** Routes of the four shells: public portal, applicant centre, staff workbench, command screen. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="tools/working-days" element={page(<WorkingDaysPage />)} />
        <Route path="tools/identifier" element={page(<IdentifierPage />)} />
        <Route path="register" element={page(<RegisterPage />)} />
      </Route>
      <Route path="login" element={<LoginPage />} />
      <Route
        path="my"
        element={
          <RequireAuth allow={isApplicant}>
            <ApplicantShell />
          </RequireAuth>
        }
      >
        <Route index element={<MyAccountPage />} />
        <Route path="password" element={<ChangePasswordPage />} />
      </Route>
      <Route
        path="workbench"
        element={
          <RequireAuth allow={(me) => canUseWorkbench(me) && !isApplicant(me)}>
            <WorkbenchShell />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="orgs" element={wb('/workbench/orgs', <OrgBrowserPage />)} />
        <Route path="staffing" element={wb('/workbench/staffing', <StaffingPage />)} />
        <Route path="working-days" element={wb('/workbench/working-days', <WorkbenchWorkingDaysPage />)} />
        <Route path="audit" element={wb('/workbench/audit', <AuditPage />)} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="tokens" element={wb('/workbench/tokens', <TokensPage />)} />
      </Route>
      <Route
        path="command"
        element={
          <RequireAuth allow={canUseCommandScreen}>
            {page(<CommandShell />)}
          </RequireAuth>
        }
      >
        <Route index element={page(<CommandScreen />)} />
      </Route>
      <Route path="home" element={<Navigate to="/" replace />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
