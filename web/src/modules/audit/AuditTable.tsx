import { Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import { actionKey, entityKey } from './actions.ts';
import { maskIdentifier } from '../../app/format.ts';
import { IDENTIFIER } from '../../app/identifiers.ts';
import type { AuditEntry } from './audit.api.ts';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div style={{ flex: 1, minWidth: 240 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre style={{ fontFamily: MONO, fontSize: 12, background: '#f6f8fa', padding: 8, borderRadius: 4, margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditTable({ rows, loading }: { rows: AuditEntry[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('audit.empty') }}
      expandable={{
        rowExpandable: (r) => r.before != null || r.after != null || !!r.hash,
        expandedRowRender: (r) => (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Json label={t('audit.before')} value={r.before} />
            <Json label={t('audit.after')} value={r.after} />
            {r.hash && (
              <div style={{ flexBasis: '100%' }}>
                <Typography.Text type="secondary">{t('audit.hash')}：</Typography.Text>
                <Typography.Text style={{ fontFamily: MONO, fontSize: 12 }}>{r.hash}</Typography.Text>
              </div>
            )}
          </div>
        ),
      }}
      columns={[
        { title: t('audit.time'), dataIndex: 'occurred_at', width: 150, render: (v: string) => formatInstant(v) },
        {
          title: t('audit.actor'),
          dataIndex: 'actor_name',
          width: 170,
          // applicants sign in with their ID number: never show it in full here
          render: (v: string, r) => {
            const name = IDENTIFIER.test(v) ? maskIdentifier(v) : v;
            return r.actor_id ? <Tooltip title={`#${r.actor_id}`}>{name}</Tooltip> : name;
          },
        },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          width: 170,
          render: (v: string) => {
            const key = actionKey(v);
            return <Tag color={v.endsWith('failed') || v.endsWith('locked') ? 'error' : 'blue'}>{key ? t(key) : v}</Tag>;
          },
        },
        {
          title: t('audit.entity'),
          key: 'entity',
          render: (_, r) => {
            const key = entityKey(r.entity_type);
            return (
              <span>
                {key ? t(key) : <span style={{ fontFamily: MONO, fontSize: 13 }}>{r.entity_type}</span>}
                {r.entity_id && <Typography.Text type="secondary" style={{ fontFamily: MONO, fontSize: 13 }}>{` #${r.entity_id}`}</Typography.Text>}
              </span>
            );
          },
        },
        { title: t('audit.region'), dataIndex: 'region_code', width: 110, render: (v: string | null) => v ?? '—' },
        { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => <span style={{ fontFamily: MONO, fontSize: 13 }}>{v ?? '—'}</span> },
        { title: t('audit.seq'), dataIndex: 'seq', width: 90, align: 'right', render: (v: number | null) => (v === null ? <Typography.Text type="secondary">{t('audit.pending')}</Typography.Text> : v) },
      ]}
    />
  );
}
