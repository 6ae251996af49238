import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import { BankOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';
import { visitsText } from '../labels.ts';

export interface ItemCardData {
  id: number;
  title: ReactNode;
  subTitle?: ReactNode;
  snippet?: ReactNode;
  typeLabel: string;
  department: string;
  visits: number | null;
  online: boolean;
  promisedDays: number | null;
  extra?: ReactNode;
}

/** One item in a result or browse list: name, department, the handling facts as tags. */
export function ItemCard({ d, testId = 'item-card' }: { d: ItemCardData; testId?: string }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '14px 0', borderBottom: '1px solid #f0f0f0', minWidth: 0 }} data-testid={testId}>
      <div>
        <Link to={`/items/${d.id}`} style={{ fontSize: 16, fontWeight: 500 }} className="tb-wrap" data-testid={`${testId}-link`}>
          {d.title}
        </Link>
      </div>
      {d.subTitle && (
        <div className="tb-wrap">
          <Typography.Text type="secondary">{d.subTitle}</Typography.Text>
        </div>
      )}
      {d.snippet && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }} className="tb-wrap">
          {d.snippet}
        </Typography.Paragraph>
      )}
      <Space size={[6, 6]} wrap style={{ display: 'flex', marginTop: 8 }}>
        <Tag color="blue">{d.typeLabel}</Tag>
        {d.visits !== null && d.visits <= 1 && <Tag color="green">{visitsText(d.visits, t)}</Tag>}
        {d.online && <Tag color="cyan">{t('catalog.tag.online')}</Tag>}
        {d.promisedDays !== null && (
          <Tag icon={<ClockCircleOutlined />}>{d.promisedDays === 0 ? t('catalog.handling.immediate') : t('catalog.tag.promised', { n: d.promisedDays })}</Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }} className="tb-wrap">
          <BankOutlined /> {d.department}
        </Typography.Text>
        {d.extra}
      </Space>
    </div>
  );
}
