import { Card, Col, Descriptions, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { getDiff, getItem, listVersions } from '../catalog.api.ts';
import type { Version } from '../catalog.types.ts';
import { CHANGE_LABEL, labelOf } from '../labels.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { DiffView } from './DiffView.tsx';

function VersionCard({ title, v }: { title: string; v: Version }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'no', label: t('catalog.version.no'), children: `${t('catalog.version.nth', { n: v.versionNo })}（${labelOf(CHANGE_LABEL, v.change, t)}）` },
          { key: 'doc', label: t('catalog.version.approvalDocNo'), children: v.approvalDocNo },
          { key: 'date', label: t('catalog.version.effectiveDate'), children: v.effectiveDate },
          ...(v.reason ? [{ key: 'reason', label: t('catalog.version.reason'), children: v.reason }] : []),
          ...(v.basis ? [{ key: 'basis', label: t('catalog.version.basis'), children: v.basis }] : []),
        ]}
      />
    </Card>
  );
}

/** The difference between two published versions of an item (defaults: the current one and the one before). */
export function ItemDiffPage() {
  const { id } = useParams();
  const itemId = Number(id);
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) && Number.isInteger(Number(params.get(k))) ? Number(params.get(k)) : undefined);
  const from = num('from');
  const to = num('to');
  const item = useRemote((signal) => getItem(itemId, signal), [itemId]);
  const versions = useRemote((signal) => listVersions(itemId, signal), [itemId]);
  const diff = useRemote((signal) => getDiff(itemId, { from, to }, signal), [itemId, from, to]);
  const name = item.data?.name ?? t('catalog.guide.title');
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.versionNo, label: t('catalog.version.nthDated', { n: v.versionNo, date: v.effectiveDate }) }));
  const set = (k: 'from' | 'to', v: number) => {
    const next = new URLSearchParams(params);
    next.set(k, String(v));
    if (k === 'from' && !next.get('to') && diff.data) next.set('to', String(diff.data.to.versionNo));
    if (k === 'to' && !next.get('from') && diff.data) next.set('from', String(diff.data.from.versionNo));
    setParams(next, { replace: true });
  };

  return (
    <PortalSection
      title={t('catalog.diff.title', { name })}
      crumbs={[
        { title: t('catalog.nav.powerList'), to: '/lists/power' },
        { title: name, to: `/items/${itemId}` },
        { title: t('catalog.guide.history'), to: `/items/${itemId}/history` },
        { title: t('catalog.diff.crumb') },
      ]}
    >
      {options.length > 1 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('catalog.history.compare')}</Typography.Text>
          <Select style={{ width: 220 }} value={diff.data?.from.versionNo ?? from} options={options} onChange={(v: number) => set('from', v)} data-testid="diff-from" />
          <Typography.Text type="secondary">→</Typography.Text>
          <Select style={{ width: 220 }} value={diff.data?.to.versionNo ?? to} options={options} onChange={(v: number) => set('to', v)} data-testid="diff-to" />
        </Space>
      )}
      {diff.error ? (
        <LoadError error={diff.error} onRetry={diff.reload} />
      ) : !diff.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              <VersionCard title={t('catalog.diff.from')} v={diff.data.from} />
            </Col>
            <Col xs={24} md={12}>
              <VersionCard title={t('catalog.diff.to')} v={diff.data.to} />
            </Col>
          </Row>
          <Card title={t('catalog.diff.changes')}>
            <DiffView diff={diff.data} />
          </Card>
        </>
      )}
    </PortalSection>
  );
}
