import { Alert, Card, Col, Flex, Grid, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';
import type { Evaluation, MergedMaterial } from '../catalog.types.ts';
import { FORM_LABEL, MEDIUM_LABEL, REQUIREMENT_LABEL, daysText, labelOf, visitsText } from '../labels.ts';

const REQ_COLOR: Record<string, string> = { required: 'red', conditional: 'orange', optional: 'default' };

function ServesTags({ m }: { m: MergedMaterial }) {
  return (
    <Flex wrap gap={4}>
      {m.items.map((i) => (
        <Link key={i.itemId} to={`/items/${i.itemId}`}>
          <Tag color="geekblue" style={{ margin: 0, whiteSpace: 'normal' }}>
            {i.name}
          </Tag>
        </Link>
      ))}
    </Flex>
  );
}

function MaterialCell({ m }: { m: MergedMaterial }) {
  const { t } = useI18n();
  return (
    <div className="tb-wrap">
      <Typography.Text strong>{m.name}</Typography.Text>
      {m.names.length > 1 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.bundle.alsoCalled', { names: m.names.filter((n) => n !== m.name).join('、') })}
          </Typography.Text>
        </div>
      )}
      {m.conditions.map((c) => (
        <div key={c}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.material.when', { condition: c })}
          </Typography.Text>
        </div>
      ))}
      {m.because.length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.bundle.because', { options: m.because.join('、') })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The outcome of the situation answers: applicable items and one merged material list. */
export function BundleResult({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const e = evaluation;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="bundle-result">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('catalog.bundle.itemsCount')} value={e.totals.items} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('catalog.bundle.materialsCount')} value={e.totals.materials} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('catalog.bundle.savedCount')} value={Math.max(0, e.totals.materialsBeforeMerge - e.totals.materials)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('catalog.bundle.maxDays')} value={e.totals.maxPromisedDays ?? '—'} suffix={e.totals.maxPromisedDays !== null ? t('catalog.workingDaysUnit') : undefined} />
          </Card>
        </Col>
      </Row>

      {e.unanswered.length > 0 && <Alert type="warning" showIcon title={t('catalog.bundle.unanswered', { questions: e.unanswered.map((u) => u.text).join('；') })} />}

      <Card title={t('catalog.bundle.items')} size="small" data-testid="bundle-items">
        <Table
          size="small"
          rowKey="itemId"
          pagination={false}
          dataSource={e.items}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('catalog.field.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/items/${r.itemId}`}>{v}</Link> },
            { title: t('catalog.field.implementingBody'), dataIndex: 'orgName' },
            { title: t('catalog.field.promisedDays'), dataIndex: 'promisedDays', render: (v: number | null) => daysText(v, t) },
            { title: t('catalog.field.visits'), dataIndex: 'visits', render: (v: number | null) => visitsText(v, t) },
          ]}
        />
        {e.skippedItems.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            {t('catalog.bundle.skipped', { names: e.skippedItems.map((s) => s.name ?? `#${s.itemId}`).join('、') })}
          </Typography.Paragraph>
        )}
      </Card>

      <Card title={t('catalog.bundle.materials')} size="small" data-testid="bundle-materials">
        {screens.md ? (
          <Table<MergedMaterial>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={e.materials}
            columns={[
              { title: t('catalog.material.name'), key: 'name', render: (_, m) => <MaterialCell m={m} /> },
              { title: t('catalog.material.requirement'), key: 'req', width: 84, render: (_, m) => <Tag color={REQ_COLOR[m.requirement]}>{labelOf(REQUIREMENT_LABEL, m.requirement, t)}</Tag> },
              {
                title: t('catalog.material.form'),
                key: 'form',
                width: 128,
                render: (_, m) => (
                  <>
                    {`${labelOf(FORM_LABEL, m.form, t)} · ${t('catalog.material.copiesN', { n: m.copies })}`}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {labelOf(MEDIUM_LABEL, m.medium, t)}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: t('catalog.material.license'),
                key: 'lic',
                width: 112,
                render: (_, m) => (m.licenseType ? <Tag color="blue" style={{ whiteSpace: 'normal' }}>{m.licenseType}</Tag> : '—'),
              },
              { title: t('catalog.bundle.serves'), key: 'serves', width: 180, render: (_, m) => <ServesTags m={m} /> },
            ]}
          />
        ) : (
          <Space orientation="vertical" size={10} style={{ width: '100%' }}>
            {e.materials.map((m) => (
              <Card size="small" key={m.key}>
                <MaterialCell m={m} />
                <Space size={[4, 4]} wrap style={{ display: 'flex', margin: '6px 0' }}>
                  <Tag color={REQ_COLOR[m.requirement]}>{labelOf(REQUIREMENT_LABEL, m.requirement, t)}</Tag>
                  <Tag>{`${labelOf(FORM_LABEL, m.form, t)} · ${t('catalog.material.copiesN', { n: m.copies })}`}</Tag>
                  {m.licenseType && <Tag color="blue">{m.licenseType}</Tag>}
                  {m.deferrable && <Tag color="green">{t('catalog.material.deferrable')}</Tag>}
                </Space>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('catalog.bundle.serves')}
                  </Typography.Text>
                  <ServesTags m={m} />
                </div>
              </Card>
            ))}
          </Space>
        )}
        {e.waivedMaterials.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={t('catalog.bundle.waived')}
            description={e.waivedMaterials.map((w) => `${w.name}（${w.by.join('、')}）`).join('；')}
          />
        )}
        {e.excludedMaterials.some((x) => x.reason === 'produced') && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('catalog.bundle.produced')}
            description={e.excludedMaterials
              .filter((x) => x.reason === 'produced')
              .map((x) => t('catalog.bundle.producedBy', { name: x.name, item: x.itemName, by: x.producedBy?.name ?? '' }))
              .join('；')}
          />
        )}
      </Card>
    </Space>
  );
}
