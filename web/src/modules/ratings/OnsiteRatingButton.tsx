import { useState } from 'react';
import { Button, Modal, Typography, message } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { openVisitForApplication } from './ratings.api.ts';

/**
 * For the window clerk on a completed application: opens an on-site rating
 * for this visit and shows the tablet address with its one-time code. The
 * applicant rates on the tablet (`/rate/:code`); the clerk never sees or
 * gives the rating. Embed: `<OnsiteRatingButton applicationId={id} />`.
 */
export function OnsiteRatingButton({ applicationId }: { applicationId: number }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [visit, setVisit] = useState<{ code: string; expiresAt: string } | null>(null);
  const open = async () => {
    setBusy(true);
    try {
      setVisit(await openVisitForApplication(applicationId));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const url = visit ? `${window.location.origin}/rate/${visit.code}` : '';
  return (
    <>
      <Button icon={<LikeOutlined />} loading={busy} onClick={open} data-testid="open-onsite-rating">
        {t('rating.onsite.open')}
      </Button>
      <Modal open={!!visit} title={t('rating.onsite.title')} footer={null} onCancel={() => setVisit(null)}>
        <Typography.Paragraph>{t('rating.onsite.text', { minutes: 15 })}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: url }} code>
          {url}
        </Typography.Paragraph>
        <Typography.Title level={3} copyable style={{ letterSpacing: 2 }}>
          {visit?.code}
        </Typography.Title>
        <Button href={url} target="_blank" rel="noopener">
          {t('rating.onsite.openTablet')}
        </Button>
      </Modal>
    </>
  );
}
