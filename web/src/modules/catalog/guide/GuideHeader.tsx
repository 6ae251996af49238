import type { ReactNode } from 'react';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import type { ItemDetail } from '../catalog.types.ts';
import { HANDLING_LABEL, VARIANT_LABEL, daysText, labelOf, visitsText } from '../labels.ts';

function Fact({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div style={{ background: '#f5f8fd', borderRadius: 6, padding: '12px 14px', height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 20, fontWeight: 600, color: '#0f3a7d', marginTop: 2, lineHeight: 1.4 }} className="tb-wrap">
        {value}
      </div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}

/** The guide's title block: name, what kind of item, and the figures an applicant looks for first. */
export function GuideHeader({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  const bi = useBilingual();
  const c = item.content;
  const free = c.fees.every((f) => /^0+(\.0+)?\s*元?$/u.test(f.amount.trim()) || /不收费|免费/u.test(`${f.name}${f.amount}`));
  const fees = free ? t('catalog.fee.free') : c.fees.map((f) => f.amount).join('；');
  return (
    <Card style={{ marginBottom: 16 }} data-testid="guide-header">
      <Space size={[6, 6]} wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{bi(item.typeLabel.zh, item.typeLabel.en)}</Tag>
        {c.variant && <Tag>{labelOf(VARIANT_LABEL, c.variant, t)}</Tag>}
        {c.handlingMode && <Tag>{labelOf(HANDLING_LABEL, c.handlingMode, t)}</Tag>}
        {c.visits !== null && c.visits <= 1 && <Tag color="green">{visitsText(c.visits, t)}</Tag>}
        {c.channels.includes('online') && <Tag color="cyan">{t('catalog.tag.online')}</Tag>}
        {c.commitmentAllowed && <Tag color="gold">{t('catalog.tag.commitment')}</Tag>}
        {item.status === 'retired' && <Tag color="red">{t('catalog.status.retired')}</Tag>}
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }} className="tb-wrap" data-testid="guide-title">
        {c.name}
      </Typography.Title>
      {c.subItemName && (
        <Typography.Title level={5} type="secondary" style={{ margin: '4px 0 0', fontWeight: 400 }} className="tb-wrap">
          {c.subItemName}
        </Typography.Title>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 16px' }} className="tb-wrap">
        <BankOutlined /> {c.implementingBody.name}
        <span style={{ margin: '0 8px', color: '#d9d9d9' }}>|</span>
        {t('catalog.guide.implCode')}：{item.implCode}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Fact label={t('catalog.guide.statutory')} value={daysText(c.statutoryDays, t)} testId="fact-statutory" />
        </Col>
        <Col xs={12} md={6}>
          <Fact label={t('catalog.guide.promised')} value={daysText(c.promisedDays, t)} testId="fact-promised" />
        </Col>
        <Col xs={12} md={6}>
          <Fact label={t('catalog.guide.visits')} value={visitsText(c.visits, t)} testId="fact-visits" />
        </Col>
        <Col xs={12} md={6}>
          <Fact label={t('catalog.guide.fees')} value={fees} testId="fact-fees" />
        </Col>
      </Row>
    </Card>
  );
}
