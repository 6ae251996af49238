import { Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import { DueText, StateTag, UrgencyTag } from '../ApplicationParts.tsx';
import { CHANNEL_LABEL, KIND_LABEL, labelOf, urgencyOf } from '../labels.ts';
import type { Application } from '../services.types.ts';

/** A queue of applications; rows tinted red when overdue and yellow on warning. */
export function QueueTable({ items, loading, testId, extra }: { items: Application[]; loading: boolean; testId: string; extra?: (a: Application) => React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Table<Application>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      data-testid={testId}
      rowClassName={(a) => `tb-urgency-${urgencyOf(a)}`}
      onRow={(a) => ({ 'data-testid': `queue-row-${a.applicationNo}`, 'data-urgency': urgencyOf(a) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('svc.field.applicationNo'), dataIndex: 'applicationNo', render: (no: string, a) => <Link to={`/workbench/applications/${a.id}`} data-testid="queue-open">{no}</Link> },
        {
          title: t('svc.field.item'),
          dataIndex: 'itemName',
          render: (n: string, a) => (
            <Space size={4} wrap>
              <span className="tb-wrap">{n}</span>
              {a.kind !== 'single' && <Tag>{labelOf(KIND_LABEL, a.kind, t)}</Tag>}
            </Space>
          ),
        },
        { title: t('svc.field.applicant'), key: 'applicant', render: (_: unknown, a) => a.applicant.name },
        { title: t('svc.field.handlingOrg'), key: 'org', render: (_: unknown, a) => a.handlingOrg.name },
        { title: t('svc.field.channel'), dataIndex: 'channel', render: (c: string) => labelOf(CHANNEL_LABEL, c, t) },
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
        { title: t('svc.field.step'), key: 'step', render: (_: unknown, a) => (a.step ? `${a.step.name ?? '—'}（${a.step.index + 1}/${a.step.total}）` : '—') },
        { title: t('svc.field.promisedDate'), key: 'due', render: (_: unknown, a) => <DueText a={a} /> },
        { title: t('svc.field.receivedAt'), dataIndex: 'receivedAt', render: (v: string | null) => (v ? formatInstant(v) : '—') },
        ...(extra ? [{ title: t('svc.material.actions'), key: 'x', render: (_: unknown, a: Application) => extra(a) }] : []),
      ]}
    />
  );
}
