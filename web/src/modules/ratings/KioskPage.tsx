import { useState } from 'react';
import { Card, Result, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../app/components/LoadError.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { rateVisit, visitInfo } from './ratings.api.ts';
import { RatingForm } from './RatingForm.tsx';
import { useRatingMeta } from './useRatingMeta.ts';

/** The window tablet (现场评价): the clerk opened a rating for this visit; the applicant rates with the one-time code. */
export function KioskPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const meta = useRatingMeta();
  const visit = useRemote((s) => visitInfo(code, s), [code]);
  const [done, setDone] = useState(false);
  const error = meta.error ?? visit.error;
  return (
    <div style={{ maxWidth: 760, margin: '24px auto', padding: '0 16px' }}>
      {error ? (
        <LoadError error={error} />
      ) : done ? (
        <Result status="success" title={t('rating.kiosk.thanks')} />
      ) : (
        <Card title={t('rating.kiosk.title')} loading={!meta.data || !visit.data} data-testid="kiosk">
          {visit.data && meta.data && (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {visit.data.itemName}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {visit.data.intakeOrgName ?? visit.data.handlingOrgName} · {t('rating.kiosk.intro')}
              </Typography.Paragraph>
              <RatingForm meta={meta.data} channel="onsite" onSubmit={async (body) => void (await rateVisit(code, body), setDone(true))} />
            </>
          )}
        </Card>
      )}
    </div>
  );
}
