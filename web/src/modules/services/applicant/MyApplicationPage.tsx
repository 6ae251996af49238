import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { RowList } from '../RowList.tsx';
import { DownloadOutlined, EditOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { errorText } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { ApplicationFacts, DeadlineList, FormDataView, HistoryTimeline, MaterialTable, NoticeList, StateTag, SubApplications } from '../ApplicationParts.tsx';
import { getApplication, myLicences, newIdempotencyKey, resubmitApplication } from '../services.api.ts';
import { FINAL_STATES, type MyLicence } from '../services.types.ts';
import { MaterialActions } from './MaterialActions.tsx';
import { RateMatter, useRatingMeta } from '../../ratings/index.ts';

/** 办件详情 for the applicant: every step, the clock with paused days, notices as PDF, materials, corrections, licences. */
export function MyApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const remote = useRemote((s) => getApplication(Number(id), s), [id]);
  const finished = remote.data ? FINAL_STATES.includes(remote.data.state) : false;
  const licences = useRemote(finished ? (s) => myLicences(s) : null, [finished]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const a = remote.data;
  // The rating card shares one cached load of the rating levels; load it here first, and again if a
  // remount (StrictMode, fast navigation) aborted the shared request, so the card never starts from an aborted load.
  const ratingMeta = useRatingMeta();
  const metaAborted = ratingMeta.error instanceof DOMException && ratingMeta.error.name === 'AbortError';
  const reloadMeta = ratingMeta.reload;
  useEffect(() => {
    if (metaAborted) reloadMeta();
  }, [metaAborted, reloadMeta]);

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!a) return <Skeleton active />;

  const resubmit = async () => {
    setBusy(true);
    setError(null);
    try {
      await resubmitApplication(a.id, a.version, key);
      setKey(newIdempotencyKey());
      void message.success(t('svc.detail.resubmitted'));
      remote.reload();
    } catch (e) {
      setError(errorText(e, t));
      setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  };

  const canResubmit = a.actions.some((x) => x.action === 'resubmit');
  const numbers = new Set([a.applicationNo, ...a.subApplications.map((s) => s.applicationNo)]);
  const mine = (licences.data?.items ?? []).filter((l) => l.applicationNo && numbers.has(l.applicationNo));

  return (
    <>
      <PageHeader
        title={a.itemName}
        description={
          <Space size={6} wrap>
            <span data-testid="detail-no">{a.applicationNo}</span>
            <StateTag a={a} />
          </Space>
        }
        crumbs={[t('svc.nav.mine'), a.applicationNo]}
        extra={
          a.state === 'draft' && (
            <Link to={`/my/apply/${a.id}`}>
              <Button icon={<EditOutlined />}>{t('svc.mine.continue')}</Button>
            </Link>
          )
        }
      />
      {a.state === 'correction' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('svc.detail.correctionTitle')} description={t('svc.detail.correctionHelp')} data-testid="detail-correction" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('svc.detail.facts')} size="small">
              <ApplicationFacts a={a} />
            </Card>
            <Card title={t('svc.detail.deadlines')} size="small" data-testid="detail-deadlines">
              <DeadlineList deadlines={a.deadlines} />
            </Card>
            {a.subApplications.length > 0 && (
              <Card title={t('svc.detail.subs')} size="small">
                <SubApplications subs={a.subApplications} />
              </Card>
            )}
            <Card title={t('svc.detail.notices')} size="small">
              <NoticeList applicationId={a.id} notices={a.notices} />
            </Card>
            <Card title={t('svc.detail.materials')} size="small">
              <MaterialTable
                materials={a.materials}
                extra={canResubmit ? (m) => <MaterialActions applicationId={a.id} m={m} licences={[]} onChanged={remote.reload} /> : undefined}
              />
              {canResubmit && (
                <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }} wrap>
                  {error && <Alert type="error" showIcon title={error} data-testid="detail-error" />}
                  <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void resubmit()} data-testid="detail-resubmit">
                    {t('svc.action.resubmit')}
                  </Button>
                </Flex>
              )}
            </Card>
            {finished && <LicenceCard licences={mine} loading={licences.loading} error={licences.error} />}
            {finished && a.kind !== 'sub' && ratingMeta.data && <RateMatter applicationId={a.id} />}
          </Space>
        </Col>
        <Col xs={24} xl={8} style={{ minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('svc.detail.history')} size="small">
              <HistoryTimeline a={a} />
            </Card>
            <Card title={t('svc.detail.form')} size="small">
              <FormDataView formData={a.formData} />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

/** The e-licences this matter produced: download (PDF, signed JSON) and verify publicly. */
function LicenceCard({ licences, loading, error }: { licences: MyLicence[]; loading: boolean; error: unknown }) {
  const { t } = useI18n();
  const pick = useBilingual();
  return (
    <Card title={t('svc.detail.licences')} size="small" data-testid="detail-licences" extra={<Link to="/my/licenses">{t('svc.nav.licences')}</Link>}>
      {error ? (
        <LoadError error={error} />
      ) : (
        <RowList
          loading={loading}
          empty={t('svc.detail.noLicences')}
          rows={licences.map((l) => ({
            key: l.id,
            testId: 'licence-row',
            title: (
              <Space size={6} wrap>
                <span>{l.type}</span>
                {l.stateLabel && <Tag color={l.state === 'valid' ? 'success' : 'default'}>{pick(l.stateLabel.zh, l.stateLabel.en)}</Tag>}
              </Space>
            ),
            description: (
              <Typography.Text type="secondary" className="tb-wrap" data-testid="licence-no">
                {l.licenceNo} · {l.itemName}
              </Typography.Text>
            ),
            actions: [
              l.downloads?.pdf && (
                <Button key="pdf" size="small" icon={<DownloadOutlined />} href={l.downloads.pdf} target="_blank" data-testid="licence-pdf">
                  PDF
                </Button>
              ),
              l.downloads?.json && (
                <Button key="json" size="small" href={l.downloads.json} target="_blank">
                  JSON
                </Button>
              ),
              l.verifyPath && (
                <Link key="verify" to={l.verifyPath} data-testid="licence-verify">
                  <Button size="small" icon={<SafetyCertificateOutlined />}>
                    {t('svc.detail.verify')}
                  </Button>
                </Link>
              ),
            ].filter(Boolean),
          }))}
        />
      )}
    </Card>
  );
}

