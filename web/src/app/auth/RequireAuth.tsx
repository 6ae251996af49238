import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthProvider.tsx';
import { homeFor } from './home.ts';
import type { Me } from './types.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';

/**
 * Renders its children for a signed-in account that `allow`s; sends others to
 * sign in (remembering where they were going) or to their own home.
 */
export function RequireAuth({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!allow(me)) return <Navigate to={homeFor(me)} replace />;
  return <>{children}</>;
}
