import '../services.css';
import { Space, Table, Typography } from 'antd';
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
        {
          title: t('svc.field.applicationNo'),
          dataIndex: 'applicationNo',
          render: (no: string, a) => (
            <Space orientation="vertical" size={2}>
              <Link to={`/workbench/applications/${a.id}`} data-testid="queue-open" style={{ whiteSpace: 'nowrap' }}>
                {no}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {labelOf(CHANNEL_LABEL, a.channel, t)}
                {a.kind !== 'single' ? ` · ${labelOf(KIND_LABEL, a.kind, t)}` : ''}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('svc.field.item'),
          dataIndex: 'itemName',
          render: (n: string, a) => (
            <div style={{ minWidth: 160 }}>
              <div className="tb-wrap">{n}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.handlingOrg.name}
              </Typography.Text>
            </div>
          ),
        },
        { title: t('svc.field.applicant'), key: 'applicant', render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}>{a.applicant.name}</span> },
        {
          title: t('svc.field.state'),
          key: 'state',
          render: (_: unknown, a) => (
            <Space size={4} wrap style={{ minWidth: 110 }}>
              <StateTag a={a} />
              <UrgencyTag a={a} />
            </Space>
          ),
        },
        {
          title: t('svc.field.step'),
          key: 'step',
          render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}>{a.step && a.state === 'in_review' ? `${a.step.name ?? '—'}（${a.step.index + 1}/${a.step.total}）` : '—'}</span>,
        },
        { title: t('svc.field.promisedDate'), key: 'due', render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}><DueText a={a} /></span> },
        { title: t('svc.field.receivedAt'), dataIndex: 'receivedAt', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatInstant(v) : '—'}</span> },
        ...(extra ? [{ title: t('svc.material.actions'), key: 'x', render: (_: unknown, a: Application) => extra(a) }] : []),
      ]}
    />
  );
}
