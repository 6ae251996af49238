import { useState } from 'react';
import { Badge, Button, Card, Empty, Flex, List, Modal, Space, Tag, Typography, message } from 'antd';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { errorText } from '../../app/errors.ts';
import { formatInstant } from '../../app/format.ts';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { acceptOutcome, markNoticesRead, myRatings, rateOnline, rerate, type MyMatter, type RatingBody } from './ratings.api.ts';
import { RatingForm } from './RatingForm.tsx';
import { useRatingMeta } from './useRatingMeta.ts';

type Rating = MyMatter['ratings'][number];

/** 我的评价: completed matters, their ratings (history kept), follow-up outcomes and re-rating. */
export function MyRatingsPage() {
  const { t } = useI18n();
  const pick = useBilingual();
  const meta = useRatingMeta();
  const remote = useRemote((s) => myRatings(s), []);
  const [rating, setRating] = useState<{ matter: MyMatter; replaces?: Rating } | null>(null);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      remote.reload();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  if (remote.error || meta.error) return <LoadError error={remote.error ?? meta.error} onRetry={remote.reload} />;
  const data = remote.data;
  const unread = data?.notices.filter((n) => !n.read) ?? [];

  const submit = async (body: RatingBody) => {
    if (!rating) return;
    const r = rating.replaces;
    if (r?.rectification) await rerate(r.id, r.rectification.version, body);
    else await rateOnline(rating.matter.id, body);
    setRating(null);
    void message.success(t('rating.form.done'));
    remote.reload();
  };

  return (
    <>
      <PageHeader title={t('rating.nav.mine')} description={t('rating.mine.description')} />
      <Card
        title={
          <Space>
            {t('rating.mine.notices')}
            <Badge count={unread.length} />
          </Space>
        }
        extra={unread.length > 0 && <Button onClick={() => run(() => markNoticesRead(unread.map((n) => n.id)))}>{t('rating.mine.markRead')}</Button>}
        style={{ marginBottom: 16 }}
        data-testid="rating-notices"
      >
        {data && data.notices.length === 0 ? (
          <Typography.Text type="secondary">{t('rating.mine.noNotices')}</Typography.Text>
        ) : (
          <List
            loading={remote.loading}
            dataSource={data?.notices ?? []}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={<Typography.Text strong={!n.read}>{pick(n.zh, n.en)}</Typography.Text>}
                  description={formatInstant(n.createdAt)}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('rating.mine.matters')} data-testid="rating-matters">
        {data && data.items.length === 0 ? (
          <Empty description={t('rating.mine.none')} />
        ) : (
          <List
            loading={remote.loading}
            dataSource={data?.items ?? []}
            renderItem={(m) => {
              const current = m.ratings.filter((r) => r.current);
              const earlier = m.ratings.filter((r) => !r.current);
              const rerateable = current.find((r) => r.rectification?.canRerate);
              return (
                <List.Item
                  actions={[
                    m.canRateOnline && (
                      <Button key="rate" type="primary" onClick={() => setRating({ matter: m })} data-testid={`rate-${m.id}`}>
                        {t('rating.mine.rate')}
                      </Button>
                    ),
                    rerateable && (
                      <Button key="rerate" type="primary" onClick={() => setRating({ matter: m, replaces: rerateable })} data-testid={`rerate-${m.id}`}>
                        {t('rating.mine.rerate')}
                      </Button>
                    ),
                    rerateable?.rectification && (
                      <Button key="accept" onClick={() => run(() => acceptOutcome(rerateable.id, rerateable.rectification!.version))}>
                        {t('rating.mine.accept')}
                      </Button>
                    ),
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {m.itemName}
                        <Typography.Text type="secondary">{m.matterNo}</Typography.Text>
                      </Space>
                    }
                    description={
                      <Flex vertical gap={4}>
                        <span>
                          {m.handlingOrgName}
                          {m.intakeOrgName ? ` · ${m.intakeOrgName}` : ''} · {t('rating.mine.completed', { date: m.completedAt.slice(0, 10) })}
                        </span>
                        {current.map((r) => (
                          <Space key={r.id} wrap>
                            <Tag>{t(r.channel === 'online' ? 'rating.channel.online' : 'rating.channel.onsite')}</Tag>
                            <Tag color={r.bad ? 'red' : 'green'}>{pick(r.levelLabel.zh, r.levelLabel.en)}</Tag>
                            {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
                            {r.rectification && <Tag color="blue">{t('rating.mine.followUp', { state: pick(r.rectification.stateLabel.zh, r.rectification.stateLabel.en) })}</Tag>}
                            {r.rectification?.outcomeNote && <Typography.Text type="secondary">{r.rectification.outcomeNote}</Typography.Text>}
                          </Space>
                        ))}
                        {earlier.map((r) => (
                          <Typography.Text key={r.id} type="secondary" delete>
                            {t('rating.mine.history')}: {pick(r.levelLabel.zh, r.levelLabel.en)} · {formatInstant(r.ratedAt)}
                          </Typography.Text>
                        ))}
                      </Flex>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Modal open={!!rating} title={rating ? `${t('rating.form.title')} · ${rating.matter.itemName}` : ''} footer={null} onCancel={() => setRating(null)} destroyOnHidden width={640}>
        {rating && meta.data && <RatingForm meta={meta.data} channel={rating.replaces?.channel ?? 'online'} onSubmit={submit} />}
      </Modal>
    </>
  );
}
