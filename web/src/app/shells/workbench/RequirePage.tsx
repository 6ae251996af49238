import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useCapabilities } from '../../capabilities.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { pageAllowed, WORKBENCH_PAGES } from './nav.tsx';

/** Renders a workbench page only when the account may use it and the server offers it. */
export function RequirePage({ path, children }: { path: string; children: ReactNode }) {
  const me = useMe();
  const { ready, has } = useCapabilities();
  const page = WORKBENCH_PAGES.find((p) => p.path === path);
  if (!ready) return <FullPageSpin />;
  if (!page || !pageAllowed(page, me, has)) return <Navigate to="/workbench" replace />;
  return <>{children}</>;
}
