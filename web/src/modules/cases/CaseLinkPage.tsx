import { Navigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { FullPageSpin } from '../../app/components/FullPageSpin.tsx';

/** `/cases/:id`, the link in case notices: staff open the case in the workbench, requesters their reports, others sign in first. */
export function CaseLinkPage() {
  const { me } = useAuth();
  const { id } = useParams();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) return <Navigate to="/login" replace state={{ from: `/cases/${id ?? ''}` }} />;
  return <Navigate to={me.kind === 'staff' ? `/workbench/cases/${id ?? ''}` : '/my/reports'} replace />;
}
