import type { ReactNode } from 'react';
import { Anchor, Button, Card, Col, Descriptions, Grid, Row, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { can } from '../../../app/auth/home.ts';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { getItem } from '../catalog.api.ts';
import type { ItemDetail } from '../catalog.types.ts';
import { CHANGE_LABEL, labelOf } from '../labels.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { BasicInfo, Faq, Fees, Forms, PlaceAndContacts, PowerFields, TimeLimits } from './GuideDetails.tsx';
import { GuideHeader } from './GuideHeader.tsx';
import { LegalBasisList } from './LegalBasisList.tsx';
import { MaterialsTable } from './MaterialsTable.tsx';
import { ProcessSteps, SpecialProcedures } from './ProcessSection.tsx';
import { OnlineApplyButton } from '../../services/OnlineApplyButton.tsx';

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Card id={id} title={t(title)} size={screens.md ? 'medium' : 'small'} className="tb-guide-section" style={{ marginBottom: 16 }} data-testid={`guide-${id}`}>
      {children}
    </Card>
  );
}

const SECTIONS: { id: string; title: MessageKey; show?: (i: ItemDetail) => boolean }[] = [
  { id: 'basic', title: 'catalog.guide.basic' },
  { id: 'conditions', title: 'catalog.guide.conditions' },
  { id: 'materials', title: 'catalog.guide.materials' },
  { id: 'process', title: 'catalog.guide.process' },
  { id: 'limits', title: 'catalog.guide.limits' },
  { id: 'fees', title: 'catalog.guide.feesTitle' },
  { id: 'place', title: 'catalog.guide.place' },
  { id: 'basis', title: 'catalog.guide.basis' },
  { id: 'faq', title: 'catalog.guide.faq' },
  { id: 'forms', title: 'catalog.guide.forms' },
  {
    id: 'power',
    title: 'catalog.guide.power',
    show: (i) => !!(i.content.responsibilities.length || i.content.accountability.length || i.content.integrityRisks.length || i.content.remarks),
  },
];

/** The public service guide (办事指南) of one item: everything an applicant needs before applying. */
export function ItemGuidePage() {
  const { id } = useParams();
  const itemId = Number(id);
  const { t } = useI18n();
  const { me } = useAuth();
  const { has } = useCapabilities();
  const screens = Grid.useBreakpoint();
  const remote = useRemote((signal) => getItem(itemId, signal), [itemId]);
  const item = remote.data;
  const crumbs = [{ title: t('catalog.nav.services'), to: '/services' }, { title: item?.name ?? t('catalog.guide.title') }];

  if (remote.error) {
    return (
      <PortalSection title={t('catalog.guide.title')} crumbs={crumbs}>
        <LoadError error={remote.error} onRetry={remote.reload} />
      </PortalSection>
    );
  }
  if (!item) {
    return (
      <PortalSection title={t('catalog.guide.title')} crumbs={crumbs}>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PortalSection>
    );
  }

  const c = item.content;
  const sections = SECTIONS.filter((s) => !s.show || s.show(item));
  const mayRequest = !!me && can(me, 'catalog:edit') && has('POST /api/catalog/adjustments') && item.status === 'published';
  const body: Record<string, ReactNode> = {
    basic: <BasicInfo item={item} />,
    conditions: c.acceptanceConditions.length ? (
      <ol style={{ margin: 0, paddingInlineStart: 22 }} data-testid="acceptance-conditions">
        {c.acceptanceConditions.map((a, i) => (
          <li key={i} style={{ marginBottom: 4 }} className="tb-wrap">
            {a}
          </li>
        ))}
      </ol>
    ) : (
      <Typography.Text type="secondary">{t('catalog.guide.noConditions')}</Typography.Text>
    ),
    materials: <MaterialsTable materials={c.materials} />,
    process: <ProcessSteps steps={c.process} />,
    limits: (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <TimeLimits c={c} />
        <SpecialProcedures items={c.specialProcedures} />
      </Space>
    ),
    fees: <Fees c={c} />,
    place: <PlaceAndContacts c={c} />,
    basis: <LegalBasisList basis={c.legalBasis} />,
    faq: <Faq c={c} />,
    forms: <Forms c={c} />,
    power: <PowerFields c={c} />,
  };

  const side = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {c.channels.includes('online') && item.status === 'published' && <OnlineApplyButton itemId={item.id} block />}
      {item.version && (
        <Card size="small" title={t('catalog.guide.version')} data-testid="guide-version">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'no', label: t('catalog.version.no'), children: t('catalog.version.nth', { n: item.version.versionNo }) },
              { key: 'change', label: t('catalog.version.change'), children: labelOf(CHANGE_LABEL, item.version.change, t) },
              { key: 'date', label: t('catalog.version.effectiveDate'), children: item.version.effectiveDate },
              { key: 'doc', label: t('catalog.version.approvalDocNo'), children: <span className="tb-wrap">{item.version.approvalDocNo}</span> },
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Link to={`/items/${item.id}/history`} data-testid="guide-history">
              <Button size="small" icon={<HistoryOutlined />}>
                {t('catalog.guide.history')}
              </Button>
            </Link>
            {mayRequest && (
              <Link to={`/workbench/catalog/adjustments/new?change=update&itemId=${item.id}`}>
                <Button size="small" icon={<EditOutlined />}>
                  {t('catalog.item.requestChange')}
                </Button>
              </Link>
            )}
          </Space>
        </Card>
      )}
      {screens.lg && (
        <Card size="small" title={t('catalog.guide.contents')}>
          <Anchor offsetTop={72} targetOffset={72} items={sections.map((s) => ({ key: s.id, href: `#${s.id}`, title: t(s.title) }))} />
        </Card>
      )}
    </Space>
  );

  return (
    <PortalSection title={c.name} crumbs={crumbs} hideTitle>
      <GuideHeader item={item} />
      <Row gutter={16}>
        <Col xs={24} lg={18} style={{ minWidth: 0 }}>
          {sections.map((s) => (
            <Section key={s.id} id={s.id} title={s.title}>
              {body[s.id]}
            </Section>
          ))}
          {!screens.lg && side}
        </Col>
        {screens.lg && (
          <Col lg={6}>
            <div style={{ position: 'sticky', top: 72 }}>{side}</div>
          </Col>
        )}
      </Row>
    </PortalSection>
  );
}
