import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import { DueText, StateTag, UrgencyTag } from '../ApplicationParts.tsx';
import { labelOf, NOTICE_LABEL } from '../labels.ts';
import { myApplications } from '../services.api.ts';
import { FINAL_STATES, type Application } from '../services.types.ts';

type Tab = 'open' | 'draft' | 'done';
const tabOf = (a: Application): Tab => (a.state === 'draft' ? 'draft' : FINAL_STATES.includes(a.state) ? 'done' : 'open');

/** 我的办件: my applications with state, promised date and warning colours; drafts to continue. */
export function MyApplicationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remote = useRemote((s) => myApplications({ limit: 100 }, s), []);
  const [tab, setTab] = useState<Tab>('open');
  const rows = useMemo(() => (remote.data?.items ?? []).filter((a) => tabOf(a) === tab), [remote.data, tab]);
  const count = (k: Tab) => (remote.data?.items ?? []).filter((a) => tabOf(a) === k).length;

  return (
    <>
      <PageHeader
        title={t('svc.nav.mine')}
        description={t('svc.mine.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/services')} data-testid="mine-new">
            {t('svc.mine.new')}
          </Button>
        }
      />
      {remote.error ? (
        <LoadError error={remote.error} onRetry={remote.reload} />
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as Tab)}
            items={(['open', 'draft', 'done'] as Tab[]).map((k) => ({ key: k, label: `${t(`svc.mine.tab.${k}`)} (${count(k)})` }))}
            data-testid="mine-tabs"
          />
          <Table<Application>
            rowKey="id"
            loading={remote.loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            data-testid="mine-table"
            onRow={(a) => ({ 'data-testid': `mine-row-${a.applicationNo}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('svc.field.applicationNo'),
                dataIndex: 'applicationNo',
                render: (no: string, a) => <Link to={a.state === 'draft' ? `/my/apply/${a.id}` : `/my/applications/${a.id}`}>{no}</Link>,
              },
              { title: t('svc.field.item'), dataIndex: 'itemName', render: (n: string) => <span className="tb-wrap">{n}</span> },
              {
                title: t('svc.field.state'),
                key: 'state',
                render: (_: unknown, a) => (
                  <Space size={4} wrap>
                    <StateTag a={a} />
                    <UrgencyTag a={a} />
                  </Space>
                ),
              },
              { title: t('svc.field.promisedDate'), key: 'due', render: (_: unknown, a) => <DueText a={a} /> },
              {
                title: t('svc.field.latestNotice'),
                key: 'notice',
                render: (_: unknown, a) => {
                  const n = a.notices?.at(-1);
                  return n ? <Tag>{labelOf(NOTICE_LABEL, n.kind, t)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
                },
              },
              { title: t('svc.field.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatInstant(v) },
              {
                title: t('svc.material.actions'),
                key: 'go',
                render: (_: unknown, a) =>
                  a.state === 'draft' ? (
                    <Link to={`/my/apply/${a.id}`}>{t('svc.mine.continue')}</Link>
                  ) : (
                    <Link to={`/my/applications/${a.id}`}>{t('svc.mine.view')}</Link>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
