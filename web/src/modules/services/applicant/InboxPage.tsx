import { useState } from 'react';
import { App, Badge, Button, Card, Space, Switch, Typography } from 'antd';
import { RowList } from '../RowList.tsx';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { errorText } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import { markAllNotificationsRead, markNotificationRead, myNotifications } from '../services.api.ts';
import type { InboxNotice } from '../services.types.ts';

/** Where a notice's link points inside the applicant centre (the server links applications as /applications/:id). */
const localLink = (link: string | null) => (link ? link.replace(/^\/applications\//, '/my/applications/') : null);

/** 消息: the platform inbox of the signed-in account. */
export function InboxPage() {
  const { t } = useI18n();
  const pick = useBilingual();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [more, setMore] = useState<InboxNotice[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const remote = useRemote(
    (s) =>
      myNotifications({ limit: 20, unread: unreadOnly }, s).then((r) => {
        setMore([]);
        setCursor(r.nextCursor);
        return r;
      }),
    [unreadOnly],
  );
  const items = [...(remote.data?.items ?? []), ...more];

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      remote.reload();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const loadMore = async () => {
    if (!cursor) return;
    const r = await myNotifications({ limit: 20, unread: unreadOnly, cursor });
    setMore((m) => [...m, ...r.items]);
    setCursor(r.nextCursor);
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('svc.nav.inbox')}
            <Badge count={remote.data?.unread ?? 0} data-testid="inbox-unread" />
          </Space>
        }
        description={t('svc.inbox.description')}
        extra={
          <Space>
            <Switch checked={unreadOnly} onChange={setUnreadOnly} checkedChildren={t('svc.inbox.unread')} unCheckedChildren={t('svc.inbox.all')} />
            <Button icon={<CheckOutlined />} disabled={!remote.data?.unread} onClick={() => void run(markAllNotificationsRead)} data-testid="inbox-read-all">
              {t('svc.inbox.readAll')}
            </Button>
          </Space>
        }
      />
      {remote.error ? (
        <LoadError error={remote.error} onRetry={remote.reload} />
      ) : (
        <Card>
          <RowList
            loading={remote.loading}
            testId="inbox"
            empty={t('svc.inbox.empty')}
            footer={
              cursor ? (
                <div style={{ textAlign: 'center', marginTop: 12 }}>
                  <Button onClick={() => void loadMore()}>{t('svc.inbox.more')}</Button>
                </div>
              ) : null
            }
            rows={items.map((n) => {
              const link = localLink(n.link);
              return {
                key: n.id,
                testId: 'inbox-item',
                avatar: <Badge status={n.readAt ? 'default' : 'processing'} />,
                title: link ? (
                  <Link to={link} onClick={() => !n.readAt && void markNotificationRead(n.id).catch(() => undefined)}>
                    {pick(n.title, n.titleEn)}
                  </Link>
                ) : (
                  pick(n.title, n.titleEn)
                ),
                description: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text className="tb-wrap">{pick(n.body, n.bodyEn)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(n.createdAt)}
                    </Typography.Text>
                  </Space>
                ),
                actions: n.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => void run(() => markNotificationRead(n.id))}>
                        {t('svc.inbox.markRead')}
                      </Button>,
                    ],
              };
            })}
          />
        </Card>
      )}
    </>
  );
}
