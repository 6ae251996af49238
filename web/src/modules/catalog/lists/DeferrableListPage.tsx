import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listDeferrable } from '../catalog.api.ts';
import type { DeferrableRow } from '../catalog.types.ts';
import { FORM_LABEL, labelOf } from '../labels.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { useItemPages } from '../portal/useItemPages.ts';
import { ListsNav } from './ListsNav.tsx';
import { MoreButton } from './MoreButton.tsx';

/** 容缺受理材料清单: materials that may be handed in after acceptance, each with its item. */
export function DeferrableListPage() {
  const { t } = useI18n();
  const list = useItemPages<DeferrableRow>((cursor, signal) => listDeferrable({ cursor, limit: 100 }, signal), 'deferrable');
  return (
    <PortalSection title={t('catalog.nav.deferrable')} description={t('catalog.deferrable.description')} crumbs={[{ title: t('catalog.lists.title') }, { title: t('catalog.nav.deferrable') }]}>
      <ListsNav />
      <Card styles={{ body: { padding: 0 } }}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <>
            <Table<DeferrableRow>
              rowKey={(r) => `${r.item.id}.${r.position}`}
              size="middle"
              loading={list.loading && list.rows.length === 0}
              dataSource={list.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="deferrable-table"
              columns={[
                {
                  title: t('catalog.field.name'),
                  key: 'item',
                  render: (_, r) => (
                    <div style={{ minWidth: 180, maxWidth: 320 }} className="tb-wrap">
                      <Link to={`/items/${r.item.id}`}>{r.item.name}</Link>
                    </div>
                  ),
                },
                { title: t('catalog.deferrable.material'), key: 'material', render: (_, r) => <div style={{ minWidth: 180, maxWidth: 320 }}>{r.material.name ?? '—'}</div> },
                { title: t('catalog.material.form'), key: 'form', width: 110, render: (_, r) => labelOf(FORM_LABEL, r.material.form, t) },
                { title: t('catalog.field.implementingBody'), key: 'org', render: (_, r) => r.item.org.name },
                {
                  title: t('catalog.deferrable.note'),
                  key: 'note',
                  render: (_, r) => <Typography.Text type="secondary">{[r.material.condition, r.material.notes].filter(Boolean).join('；') || '—'}</Typography.Text>,
                },
              ]}
            />
            <MoreButton list={list} />
          </>
        )}
      </Card>
    </PortalSection>
  );
}
