import { Card } from 'antd';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listCommitment } from '../catalog.api.ts';
import type { ItemSummary } from '../catalog.types.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { useItemPages } from '../portal/useItemPages.ts';
import { ItemTable } from './ItemTable.tsx';
import { ListsNav } from './ListsNav.tsx';

/** 告知承诺制事项清单: items an applicant may obtain on a written commitment. */
export function CommitmentListPage() {
  const { t } = useI18n();
  const list = useItemPages<ItemSummary>((cursor, signal) => listCommitment({ cursor, limit: 50 }, signal), 'commitment');
  return (
    <PortalSection title={t('catalog.nav.commitment')} description={t('catalog.commitment.description')} crumbs={[{ title: t('catalog.lists.title') }, { title: t('catalog.nav.commitment') }]}>
      <ListsNav />
      <Card styles={{ body: { padding: 0 } }}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <ItemTable rows={list.rows} loading={list.loading} hasMore={list.hasMore} onMore={() => void list.more()} testId="commitment-table" />
        )}
      </Card>
    </PortalSection>
  );
}
