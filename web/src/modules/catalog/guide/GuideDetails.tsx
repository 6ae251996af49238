import { Collapse, Descriptions, Grid, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import type { ItemContent, ItemDetail } from '../catalog.types.ts';
import { APPLICANT_LABEL, CHANNEL_LABEL, HANDLING_LABEL, LEVEL_LABEL, SCOPE_LABEL, VARIANT_LABEL, daysText, labelOf } from '../labels.ts';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Label column width: narrower on phones so the values keep their room. */
function useLabelWidth(wide: number): number {
  const screens = Grid.useBreakpoint();
  return screens.md ? wide : 96;
}

/** 基本信息: type, body, level, codes, who may apply, how and where it is handled. */
export function BasicInfo({ item }: { item: ItemDetail }) {
  const { t, lang } = useI18n();
  const join = (values: string[]) => (values.length ? values.join(lang === 'en' ? ', ' : '、') : dash);
  const bi = useBilingual();
  const c = item.content;
  const labelWidth = useLabelWidth(132);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, xl: 2 }}
      styles={{ label: { width: labelWidth } }}
      items={[
        { key: 'type', label: t('catalog.field.itemType'), children: bi(item.typeLabel.zh, item.typeLabel.en) },
        { key: 'body', label: t('catalog.field.implementingBody'), children: c.implementingBody.name },
        { key: 'level', label: t('catalog.field.level'), children: labelOf(LEVEL_LABEL, c.level, t) },
        { key: 'variant', label: t('catalog.field.variant'), children: c.variant ? labelOf(VARIANT_LABEL, c.variant, t) : dash },
        { key: 'impl', label: t('catalog.field.implCode'), children: <span className="tb-wrap">{item.implCode}</span> },
        { key: 'base', label: t('catalog.field.baseCode'), children: c.baseCode ?? dash },
        { key: 'applicants', label: t('catalog.field.applicantKinds'), children: join(c.applicantKinds.map((k) => labelOf(APPLICANT_LABEL, k, t))) },
        { key: 'mode', label: t('catalog.field.handlingMode'), children: c.handlingMode ? labelOf(HANDLING_LABEL, c.handlingMode, t) : dash },
        { key: 'channels', label: t('catalog.field.channels'), children: join(c.channels.map((k) => labelOf(CHANNEL_LABEL, k, t))) },
        { key: 'scope', label: t('catalog.field.scope'), children: join(c.scope.map((k) => labelOf(SCOPE_LABEL, k, t))) },
        {
          key: 'events',
          label: t('catalog.field.lifeEvents'),
          children: c.lifeEvents.length ? (
            <Space size={[4, 4]} wrap>
              {c.lifeEvents.map((e) => (
                <Link key={e} to={`/services?event=${encodeURIComponent(e)}`}>
                  <Tag>{e}</Tag>
                </Link>
              ))}
            </Space>
          ) : (
            dash
          ),
        },
        { key: 'commitment', label: t('catalog.field.commitmentAllowed'), children: c.commitmentAllowed ? t('catalog.commitment.yes') : t('catalog.commitment.no') },
      ]}
    />
  );
}

/** 办理时限: statutory and promised limits in working days. */
export function TimeLimits({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  const labelWidth = useLabelWidth(180);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: labelWidth } }}
      data-testid="time-limits"
      items={[
        { key: 's', label: t('catalog.field.statutoryDays'), children: daysText(c.statutoryDays, t) },
        { key: 'p', label: t('catalog.field.promisedDays'), children: daysText(c.promisedDays, t) },
      ]}
    />
  );
}

/** 收费: free, or each fee with its standard and basis. */
export function Fees({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  if (c.fees.length === 0) return <Typography.Text>{t('catalog.fee.freeLong')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={c.fees}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('catalog.fee.name'), dataIndex: 'name' },
        { title: t('catalog.fee.amount'), dataIndex: 'amount' },
        { title: t('catalog.fee.basis'), dataIndex: 'basis', render: (v?: string) => v ?? '—' },
      ]}
    />
  );
}

/** 办理地点、时间和电话. */
export function PlaceAndContacts({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  const labelWidth = useLabelWidth(132);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: labelWidth } }}
      items={[
        { key: 'place', label: t('catalog.field.place'), children: c.place ?? dash },
        { key: 'hours', label: t('catalog.field.hours'), children: c.hours ?? dash },
        { key: 'consult', label: t('catalog.field.consultPhone'), children: c.consultPhone ? <a href={`tel:${c.consultPhone}`}>{c.consultPhone}</a> : dash },
        { key: 'complaint', label: t('catalog.field.complaintPhone'), children: c.complaintPhone ? <a href={`tel:${c.complaintPhone}`}>{c.complaintPhone}</a> : dash },
      ]}
    />
  );
}

/** 常见问题. */
export function Faq({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  if (c.faq.length === 0) return <Typography.Text type="secondary">{t('catalog.guide.noFaq')}</Typography.Text>;
  return (
    <Collapse
      items={c.faq.map((f, i) => ({
        key: i,
        label: <span className="tb-wrap">{f.q}</span>,
        children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{f.a}</Typography.Paragraph>,
      }))}
    />
  );
}

/** 表格下载: a link where the form is online, else "collect it at the window". */
export function Forms({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  if (c.forms.length === 0) return <Typography.Text type="secondary">{t('catalog.guide.noForms')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={6}>
      {c.forms.map((f, i) =>
        f.url ? (
          <a key={i} href={f.url} target="_blank" rel="noreferrer noopener">
            <DownloadOutlined /> {f.name}
          </a>
        ) : (
          <span key={i}>
            <FileTextOutlined /> {f.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('catalog.guide.formAtWindow')}
            </Typography.Text>
          </span>
        ),
      )}
    </Space>
  );
}

/** Power-list fields: responsibilities by step, accountability cases, integrity risks, remarks. */
export function PowerFields({ c }: { c: ItemContent }) {
  const { t } = useI18n();
  const empty = !c.responsibilities.length && !c.accountability.length && !c.integrityRisks.length && !c.remarks;
  if (empty) return null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {c.responsibilities.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="step"
          dataSource={c.responsibilities}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('catalog.resp.step'), dataIndex: 'step', width: 120 },
            { title: t('catalog.resp.content'), dataIndex: 'content', render: (v: string) => <div style={{ minWidth: 240, whiteSpace: 'pre-wrap' }}>{v}</div> },
            { title: t('catalog.resp.basis'), dataIndex: 'basis', render: (v?: string) => <div style={{ minWidth: 200, whiteSpace: 'pre-wrap' }}>{v ?? '—'}</div> },
          ]}
        />
      )}
      {c.accountability.length > 0 && (
        <div>
          <Typography.Text strong>{t('catalog.field.accountability')}</Typography.Text>
          <ol style={{ margin: '6px 0 0', paddingInlineStart: 22 }}>
            {c.accountability.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </div>
      )}
      {c.integrityRisks.length > 0 && (
        <div>
          <Typography.Text strong>{t('catalog.field.integrityRisks')}</Typography.Text>
          <ol style={{ margin: '6px 0 0', paddingInlineStart: 22 }}>
            {c.integrityRisks.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </div>
      )}
      {c.remarks && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <Typography.Text strong>{t('catalog.field.remarks')}：</Typography.Text>
          {c.remarks}
        </Typography.Paragraph>
      )}
    </Space>
  );
}
