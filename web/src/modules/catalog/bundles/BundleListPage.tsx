import { Card, Col, Empty, Row, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { BRAND_BLUE } from '../../../app/theme.ts';
import { listBundles } from '../catalog.api.ts';
import type { BundleApplicantKind, BundleSummary } from '../catalog.types.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { bundleApplicantText } from './bundleLabels.ts';

/** 一件事一次办: the published bundles, grouped by life event. */
export function BundleListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const applicant = (params.get('applicant') as BundleApplicantKind | null) ?? undefined;
  const remote = useRemote((signal) => listBundles({ applicantKind: applicant, limit: 200 }, signal), [applicant]);
  const groups = new Map<string, BundleSummary[]>();
  for (const b of remote.data?.items ?? []) groups.set(b.lifeEvent, [...(groups.get(b.lifeEvent) ?? []), b]);

  return (
    <PortalSection
      title={t('catalog.nav.bundles')}
      description={t('catalog.bundle.listDescription')}
      crumbs={[{ title: t('catalog.nav.bundles') }]}
      extra={
        <Segmented
          value={applicant ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { applicant: String(v) }, { replace: true })}
          options={[
            { value: 'person', label: t('catalog.applicant.personService') },
            { value: 'legal', label: t('catalog.applicant.legalService') },
            { value: 'all', label: t('catalog.services.all') },
          ]}
        />
      }
    >
      {remote.error ? (
        <LoadError error={remote.error} onRetry={remote.reload} />
      ) : !remote.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : groups.size === 0 ? (
        <Card>
          <Empty description={t('catalog.bundle.none')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {[...groups.entries()].map(([event, list]) => (
            <Card key={event} title={event} size="small">
              <Row gutter={[12, 12]}>
                {list.map((b) => (
                  <Col xs={24} md={12} xl={8} key={b.code}>
                    <Link to={`/bundles/${encodeURIComponent(b.code)}`} data-testid="bundle-card">
                      <Card hoverable size="small" style={{ height: '100%' }}>
                        <Space align="start">
                          <AppstoreOutlined style={{ fontSize: 22, color: BRAND_BLUE, marginTop: 2 }} />
                          <div style={{ minWidth: 0 }}>
                            <Typography.Text strong className="tb-wrap">
                              {b.name}
                            </Typography.Text>
                            {b.description && (
                              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0', fontSize: 13 }}>
                                {b.description}
                              </Typography.Paragraph>
                            )}
                            <Space size={4} wrap>
                              <Tag>{bundleApplicantText(b.applicantKind, t)}</Tag>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t('catalog.bundle.counts', { items: b.memberCount, questions: b.questionCount })}
                              </Typography.Text>
                            </Space>
                          </div>
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
        </Space>
      )}
    </PortalSection>
  );
}
