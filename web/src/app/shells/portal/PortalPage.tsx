import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';

/** A content page of the portal: centred column with a title. */
export function PortalPage({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <div style={{ maxWidth: 1120, margin: '0 auto', padding: '24px 16px 48px' }}>
      <PageHeader title={title} description={description} />
      {children}
    </div>
  );
}
