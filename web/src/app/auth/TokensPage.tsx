import { useState } from 'react';
import { App, Badge, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { useRemote } from '../hooks/useRemote.ts';
import { errorText } from '../errors.ts';
import { formatInstant } from '../format.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { listTokens, revokeToken } from './tokens.api.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { TokenSecretModal } from './TokenSecretModal.tsx';
import type { CreatedToken, TokenRow } from './types.ts';

function statusOf(row: TokenRow, t: Translate) {
  if (row.revoked_at) return <Badge status="default" text={t('tokens.status.revoked')} />;
  if (row.expires_at && new Date(row.expires_at) < new Date()) return <Badge status="warning" text={t('tokens.status.expired')} />;
  return <Badge status="success" text={t('tokens.status.active')} />;
}

/** API tokens for machine clients: create (secret shown once), list, revoke. */
export function TokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tokens = useRemote((signal) => listTokens(signal), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const revoke = async (id: number) => {
    try {
      await revokeToken(id);
      message.success(t('tokens.revoked'));
      tokens.reload();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      {tokens.error ? (
        <LoadError error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<TokenRow>
            rowKey="id"
            loading={tokens.loading}
            dataSource={tokens.data?.items ?? []}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('tokens.empty') }}
            columns={[
              { title: t('tokens.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
              { title: t('tokens.created'), dataIndex: 'created_at', render: (v: string) => formatInstant(v) },
              { title: t('tokens.expires'), dataIndex: 'expires_at', render: (v: string | null) => (v ? formatInstant(v) : t('tokens.never')) },
              { title: t('tokens.lastUsed'), dataIndex: 'last_used_at', render: (v: string | null) => (v ? formatInstant(v) : '—') },
              { title: t('tokens.status'), key: 'status', render: (_, row) => statusOf(row, t) },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                width: 96,
                render: (_, row) =>
                  row.revoked_at ? null : (
                    <Popconfirm title={t('tokens.revokeConfirm')} okText={t('tokens.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(row.id)}>
                      <Button type="link" danger size="small">
                        {t('tokens.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setCreated(tok);
          tokens.reload();
        }}
      />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
