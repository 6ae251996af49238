import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../app/auth/AuthProvider.tsx';
import { can } from '../../../app/auth/home.ts';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listItems } from '../catalog.api.ts';
import { ExportButtons } from '../lists/ExportButtons.tsx';
import { filterFromParams, paramsFromFilter } from '../lists/filterParams.ts';
import { ItemFilterBar } from '../lists/ItemFilterBar.tsx';
import { ItemTable } from '../lists/ItemTable.tsx';
import { useItemPages } from '../portal/useItemPages.ts';

/** The catalog for its editors and reviewers: filter, export, and request changes item by item. */
export function CatalogAdminPage() {
  const me = useMe();
  const { t } = useI18n();
  const { has } = useCapabilities();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = useItemPages((cursor, signal) => listItems({ ...filter, cursor, limit: 50 }, signal), JSON.stringify(filter));
  const mayRequest = can(me, 'catalog:edit') && has('POST /api/catalog/adjustments');

  return (
    <>
      <PageHeader
        title={t('catalog.wb.items')}
        description={t('catalog.wb.itemsDescription')}
        extra={
          mayRequest && (
            <Link to="/workbench/catalog/adjustments/new?change=create">
              <Button type="primary" icon={<PlusOutlined />} data-testid="catalog-new">
                {t('catalog.wb.newItem')}
              </Button>
            </Link>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ItemFilterBar value={filter} onChange={(f) => setParams(paramsFromFilter(f), { replace: true })} />
          <ExportButtons filter={filter} />
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <ItemTable
            rows={list.rows}
            loading={list.loading}
            hasMore={list.hasMore}
            onMore={() => void list.more()}
            testId="wb-item-table"
            actions={
              mayRequest
                ? (i) =>
                    i.status === 'published' ? (
                      <Space size={4} wrap>
                        <Link to={`/workbench/catalog/adjustments/new?change=update&itemId=${i.id}`} data-testid="item-request-update">
                          {t('catalog.item.requestChange')}
                        </Link>
                        <Link to={`/workbench/catalog/adjustments/new?change=retire&itemId=${i.id}`}>{t('catalog.item.requestRetire')}</Link>
                      </Space>
                    ) : null
                : undefined
            }
          />
        )}
      </Card>
    </>
  );
}
