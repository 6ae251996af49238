import { useState } from 'react';
import { Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { casesApi } from './cases.api.ts';
import { CaseList } from './CaseList.tsx';
import { useCasePages } from './useCasePages.ts';

type View = 'verify' | 'mine' | 'all';

/** 我的网格: cases waiting for my on-site check, those I reported, and everything in my grids. */
export function GridCasesPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.nav.grid')]);
  const navigate = useNavigate();
  const [view, setView] = useState<View>('verify');
  const list = useCasePages(
    (offset, signal) => casesApi.grid({ offset, limit: 30, ...(view === 'verify' ? { state: 'handled' } : view === 'mine' ? { mine: true } : {}) }, signal),
    view,
  );
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader title={t('cases.nav.grid')} description={t('cases.grid.description')} />
      <Segmented<View>
        block
        value={view}
        onChange={setView}
        style={{ marginBottom: 12 }}
        data-testid="grid-view"
        options={[
          { value: 'verify', label: <span data-testid="grid-view-verify">{t('cases.grid.verify')}</span> },
          { value: 'mine', label: <span data-testid="grid-view-mine">{t('cases.grid.mine')}</span> },
          { value: 'all', label: <span data-testid="grid-view-all">{t('cases.grid.all')}</span> },
        ]}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <CaseList items={list.items} loading={list.loading} onOpen={(c) => navigate(`/workbench/cases/${c.id}`)} more={list.more} onMore={list.loadMore} unit="lead" testId="grid-cases" />
    </div>
  );
}
