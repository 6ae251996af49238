import { Card, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listItems } from '../catalog.api.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { useItemPages } from '../portal/useItemPages.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { ItemFilterBar, type ItemFilter } from './ItemFilterBar.tsx';
import { ItemTable } from './ItemTable.tsx';
import { ListsNav } from './ListsNav.tsx';
import { filterFromParams, paramsFromFilter } from './filterParams.ts';

/** 权责清单 / 政务服务事项清单: the published items, filterable, each with its version history. */
export function PowerListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: ItemFilter = params.get('kind') ? filterFromParams(params) : { kind: 'power', ...filterFromParams(params) };
  const list = useItemPages((cursor, signal) => listItems({ ...filter, cursor, limit: 50 }, signal), JSON.stringify(filter));
  return (
    <PortalSection title={t('catalog.nav.powerList')} description={t('catalog.lists.powerDescription')} crumbs={[{ title: t('catalog.lists.title') }, { title: t('catalog.nav.powerList') }]}>
      <ListsNav />
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ItemFilterBar value={filter} onChange={(f) => setParams(paramsFromFilter(f), { replace: true })} />
          <ExportButtons filter={filter} />
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : <ItemTable rows={list.rows} loading={list.loading} hasMore={list.hasMore} onMore={() => void list.more()} />}
      </Card>
    </PortalSection>
  );
}
