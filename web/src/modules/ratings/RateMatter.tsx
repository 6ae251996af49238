import { useState } from 'react';
import { Alert, Card, Result, Spin, Tag, Typography } from 'antd';
import { isApiError } from '../../app/api.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { rateOnline, subjectMatter, type RatedResult } from './ratings.api.ts';
import { RatingForm } from './RatingForm.tsx';
import { useRatingMeta } from './useRatingMeta.ts';

/**
 * The rating card for one completed matter of the signed-in applicant, for
 * the applications pages to embed: `<RateMatter applicationId={id} />`.
 * Shows the form while the matter may be rated, the rating once given, and
 * a short note before the completion has reached the ratings module or after
 * the rating period.
 */
export function RateMatter({ applicationId, subjectType = 'application' }: { applicationId: number; subjectType?: 'application' | 'case' }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const meta = useRatingMeta();
  const matter = useRemote((s) => subjectMatter(subjectType, applicationId, s), [subjectType, applicationId]);
  const [done, setDone] = useState<RatedResult | null>(null);

  const title = t('rating.form.title');
  if (meta.loading || matter.loading) return <Card title={title}><Spin /></Card>;
  if (matter.error && isApiError(matter.error) && matter.error.status === 404) {
    return <Card title={title} data-testid="rate-matter"><Typography.Text type="secondary">{t('rating.form.notReady')}</Typography.Text></Card>;
  }
  if (meta.error || matter.error || !meta.data || !matter.data) return <LoadError error={meta.error ?? matter.error} onRetry={() => { meta.reload(); matter.reload(); }} />;
  const m = matter.data;
  if (done) {
    return (
      <Card title={title} data-testid="rate-matter">
        <Result status={done.bad ? 'info' : 'success'} title={t('rating.form.done')} subTitle={done.bad ? t('rating.form.doneBad') : undefined} />
      </Card>
    );
  }
  if (m.rating) {
    return (
      <Card title={title} data-testid="rate-matter">
        <Tag color={m.rating.bad ? 'red' : 'green'}>{t('rating.form.rated', { level: pick(m.rating.levelLabel.zh, m.rating.levelLabel.en) })}</Tag>
        {m.rating.comment && <Typography.Paragraph style={{ marginTop: 8 }}>{m.rating.comment}</Typography.Paragraph>}
      </Card>
    );
  }
  if (!m.canRateOnline) return <Card title={title} data-testid="rate-matter"><Alert type="info" showIcon message={t('rating.form.closed')} /></Card>;
  return (
    <Card title={title} extra={<Typography.Text type="secondary">{t('rating.form.deadline', { date: m.rateBy.slice(0, 10) })}</Typography.Text>} data-testid="rate-matter">
      <RatingForm
        meta={meta.data}
        channel="online"
        onSubmit={async (body) => {
          setDone(await rateOnline(m.id, body));
        }}
      />
    </Card>
  );
}
