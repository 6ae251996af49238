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
const CommandWallPage = lazyPage(() => import('../modules/command/CommandWallPage.tsx'), 'CommandWallPage');
const CommandLeaderPage = lazyPage(() => import('../modules/command/LeaderPage.tsx'), 'LeaderPage');
const ServicesPage = lazyPage(() => import('../modules/catalog/portal/ServicesPage.tsx'), 'ServicesPage');
const SearchPage = lazyPage(() => import('../modules/catalog/portal/SearchPage.tsx'), 'SearchPage');
const ItemGuidePage = lazyPage(() => import('../modules/catalog/guide/ItemGuidePage.tsx'), 'ItemGuidePage');
const ItemHistoryPage = lazyPage(() => import('../modules/catalog/diff/ItemHistoryPage.tsx'), 'ItemHistoryPage');
const ItemDiffPage = lazyPage(() => import('../modules/catalog/diff/ItemDiffPage.tsx'), 'ItemDiffPage');
const BundleListPage = lazyPage(() => import('../modules/catalog/bundles/BundleListPage.tsx'), 'BundleListPage');
const BundlePage = lazyPage(() => import('../modules/catalog/bundles/BundlePage.tsx'), 'BundlePage');
const PowerListPage = lazyPage(() => import('../modules/catalog/lists/PowerListPage.tsx'), 'PowerListPage');
const DevolutionPage = lazyPage(() => import('../modules/catalog/lists/DevolutionPage.tsx'), 'DevolutionPage');
const ProofListPage = lazyPage(() => import('../modules/catalog/lists/ProofListPage.tsx'), 'ProofListPage');
const CommitmentListPage = lazyPage(() => import('../modules/catalog/lists/CommitmentListPage.tsx'), 'CommitmentListPage');
const DeferrableListPage = lazyPage(() => import('../modules/catalog/lists/DeferrableListPage.tsx'), 'DeferrableListPage');
const CatalogAdminPage = lazyPage(() => import('../modules/catalog/workbench/CatalogAdminPage.tsx'), 'CatalogAdminPage');
const MyRequestsPage = lazyPage(() => import('../modules/catalog/workbench/AdjustmentListPage.tsx'), 'MyRequestsPage');
const ReviewQueuePage = lazyPage(() => import('../modules/catalog/workbench/AdjustmentListPage.tsx'), 'ReviewQueuePage');
const AdjustmentDetailPage = lazyPage(() => import('../modules/catalog/workbench/AdjustmentDetailPage.tsx'), 'AdjustmentDetailPage');
const AdjustmentEditorPage = lazyPage(() => import('../modules/catalog/editor/AdjustmentEditorPage.tsx'), 'AdjustmentEditorPage');
const ImportPage = lazyPage(() => import('../modules/catalog/imports/ImportPage.tsx'), 'ImportPage');
const ImportPreviewPage = lazyPage(() => import('../modules/catalog/imports/ImportPreviewPage.tsx'), 'ImportPreviewPage');
const LicenceVerifyPage = lazyPage(() => import('../modules/licenses/VerifyPage.tsx'), 'VerifyPage');
const NoticeVerifyPage = lazyPage(() => import('../modules/services/portal/NoticeVerifyPage.tsx'), 'NoticeVerifyPage');
const MyLicencesPage = lazyPage(() => import('../modules/licenses/MyLicencesPage.tsx'), 'MyLicencesPage');
const CaseReportPage = lazyPage(() => import('../modules/cases/ReportPage.tsx'), 'ReportPage');
const GridCasesPage = lazyPage(() => import('../modules/cases/GridCasesPage.tsx'), 'GridCasesPage');
const DispatchPage = lazyPage(() => import('../modules/cases/DispatchPage.tsx'), 'DispatchPage');
const HandlePage = lazyPage(() => import('../modules/cases/HandlePage.tsx'), 'HandlePage');
const HotlinePage = lazyPage(() => import('../modules/cases/HotlinePage.tsx'), 'HotlinePage');
const CaseDetailPage = lazyPage(() => import('../modules/cases/CaseDetailPage.tsx'), 'CaseDetailPage');
const PublicReportPage = lazyPage(() => import('../modules/cases/PublicReportPage.tsx'), 'PublicReportPage');
const MyReportsPage = lazyPage(() => import('../modules/cases/MyReportsPage.tsx'), 'MyReportsPage');
const CaseLinkPage = lazyPage(() => import('../modules/cases/CaseLinkPage.tsx'), 'CaseLinkPage');
const MyApplicationsPage = lazyPage(() => import('../modules/services/applicant/MyApplicationsPage.tsx'), 'MyApplicationsPage');
const MyApplicationPage = lazyPage(() => import('../modules/services/applicant/MyApplicationPage.tsx'), 'MyApplicationPage');
const ApplyPage = lazyPage(() => import('../modules/services/applicant/ApplyPage.tsx'), 'ApplyPage');
const InboxPage = lazyPage(() => import('../modules/services/applicant/InboxPage.tsx'), 'InboxPage');
const IntakePage = lazyPage(() => import('../modules/services/workbench/IntakePage.tsx'), 'IntakePage');
const ReviewPage = lazyPage(() => import('../modules/services/workbench/ReviewPage.tsx'), 'ReviewPage');
const SupervisePage = lazyPage(() => import('../modules/services/workbench/SupervisePage.tsx'), 'SupervisePage');
const StaffApplicationPage = lazyPage(() => import('../modules/services/workbench/StaffApplicationPage.tsx'), 'StaffApplicationPage');
const MyRatingsPage = lazyPage(() => import('../modules/ratings/MyRatingsPage.tsx'), 'MyRatingsPage');
const RectificationsPage = lazyPage(() => import('../modules/ratings/RectificationsPage.tsx'), 'RectificationsPage');
const RatingStatsPage = lazyPage(() => import('../modules/ratings/RatingStatsPage.tsx'), 'RatingStatsPage');
const RatingKioskPage = lazyPage(() => import('../modules/ratings/KioskPage.tsx'), 'KioskPage');

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
        <Route path="services" element={page(<ServicesPage />)} />
        <Route path="search" element={page(<SearchPage />)} />
        <Route path="items/:id" element={page(<ItemGuidePage />)} />
        <Route path="items/:id/history" element={page(<ItemHistoryPage />)} />
        <Route path="items/:id/diff" element={page(<ItemDiffPage />)} />
        <Route path="bundles" element={page(<BundleListPage />)} />
        <Route path="bundles/:code" element={page(<BundlePage />)} />
        <Route path="lists" element={<Navigate to="/lists/power" replace />} />
        <Route path="lists/power" element={page(<PowerListPage />)} />
        <Route path="lists/devolutions" element={page(<DevolutionPage />)} />
        <Route path="lists/proofs" element={page(<ProofListPage />)} />
        <Route path="lists/commitment" element={page(<CommitmentListPage />)} />
        <Route path="lists/deferrable" element={page(<DeferrableListPage />)} />
        <Route path="report" element={page(<PublicReportPage />)} />
        <Route path="verify" element={page(<LicenceVerifyPage />)} />
        <Route path="verify/licence/:licenceNo" element={page(<LicenceVerifyPage />)} />
        <Route path="verify/notice" element={page(<NoticeVerifyPage />)} />
        <Route path="verify/notice/:number" element={page(<NoticeVerifyPage />)} />
        <Route path="ratings" element={page(<RatingStatsPage />)} />
        <Route path="rate/:code" element={page(<RatingKioskPage />)} />
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
        <Route path="licenses" element={page(<MyLicencesPage />)} />
        <Route path="reports" element={page(<MyReportsPage />)} />
        <Route path="applications" element={page(<MyApplicationsPage />)} />
        <Route path="applications/:id" element={page(<MyApplicationPage />)} />
        <Route path="apply" element={page(<ApplyPage />)} />
        <Route path="apply/:id" element={page(<ApplyPage />)} />
        <Route path="inbox" element={page(<InboxPage />)} />
        <Route path="ratings" element={page(<MyRatingsPage />)} />
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
        <Route path="intake" element={wb('/workbench/intake', <IntakePage />)} />
        <Route path="review" element={wb('/workbench/review', <ReviewPage />)} />
        <Route path="supervise" element={wb('/workbench/supervise', <SupervisePage />)} />
        <Route path="ratings" element={wb('/workbench/ratings', <RectificationsPage />)} />
        <Route path="applications/:id" element={page(<StaffApplicationPage />)} />
        <Route path="catalog" element={wb('/workbench/catalog', <CatalogAdminPage />)} />
        <Route path="catalog/requests" element={wb('/workbench/catalog/requests', <MyRequestsPage />)} />
        <Route path="catalog/review" element={wb('/workbench/catalog/review', <ReviewQueuePage />)} />
        <Route path="catalog/adjustments/new" element={wb('/workbench/catalog/requests', <AdjustmentEditorPage />)} />
        <Route path="catalog/adjustments/:id" element={wb('/workbench/catalog', <AdjustmentDetailPage />)} />
        <Route path="catalog/adjustments/:id/edit" element={wb('/workbench/catalog/requests', <AdjustmentEditorPage />)} />
        <Route path="catalog/imports" element={wb('/workbench/catalog/imports', <ImportPage />)} />
        <Route path="catalog/imports/:id" element={wb('/workbench/catalog/imports', <ImportPreviewPage />)} />
        <Route path="cases/report" element={wb('/workbench/cases/report', <CaseReportPage />)} />
        <Route path="cases/grid" element={wb('/workbench/cases/grid', <GridCasesPage />)} />
        <Route path="cases/dispatch" element={wb('/workbench/cases/dispatch', <DispatchPage />)} />
        <Route path="cases/handle" element={wb('/workbench/cases/handle', <HandlePage />)} />
        <Route path="cases/hotline" element={wb('/workbench/cases/hotline', <HotlinePage />)} />
        <Route path="cases/:id" element={page(<CaseDetailPage />)} />
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
        <Route index element={page(<CommandWallPage />)} />
        <Route path="leader" element={page(<CommandLeaderPage />)} />
        <Route path="centres" element={page(<CommandScreen />)} />
      </Route>
      <Route path="cases/:id" element={page(<CaseLinkPage />)} />
      <Route path="home" element={<Navigate to="/" replace />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
