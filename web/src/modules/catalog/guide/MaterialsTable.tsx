import type { HTMLAttributes } from 'react';
import { Card, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { useI18n, type Translate } from '../../../app/i18n/index.tsx';
import type { Material } from '../catalog.types.ts';
import { FORM_LABEL, MEDIUM_LABEL, REQUIREMENT_LABEL, SOURCE_LABEL, labelOf } from '../labels.ts';

const REQ_COLOR: Record<string, string> = { required: 'red', conditional: 'orange', optional: 'default' };

function RequirementTag({ m, t }: { m: Material; t: Translate }) {
  return <Tag color={REQ_COLOR[m.requirement]}>{labelOf(REQUIREMENT_LABEL, m.requirement, t)}</Tag>;
}

/** Name with the condition, the notes and the proof-list code under it. */
function MaterialName({ m, t }: { m: Material; t: Translate }) {
  return (
    <div className="tb-wrap">
      <Typography.Text strong>{m.name}</Typography.Text>
      {m.condition && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('catalog.material.when', { condition: m.condition })}
          </Typography.Text>
        </div>
      )}
      {m.notes && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {m.notes}
          </Typography.Text>
        </div>
      )}
      {m.proofCode && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.material.proofCode', { code: m.proofCode })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

const sourceText = (m: Material, t: Translate) => [labelOf(SOURCE_LABEL, m.source, t), m.sourceNote].filter(Boolean).join('：');

/** The application materials: a table on wide screens, one card per material on phones. */
export function MaterialsTable({ materials }: { materials: Material[] }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  if (materials.length === 0) return <Typography.Text type="secondary">{t('catalog.material.none')}</Typography.Text>;

  if (!screens.lg) {
    return (
      <Flex vertical gap={12} data-testid="materials-table">
        {materials.map((m, i) => (
          <Card size="small" key={i} data-testid="material-row">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Space align="start" size={8}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                <MaterialName m={m} t={t} />
              </Space>
              <Space size={[4, 6]} wrap>
                <RequirementTag m={m} t={t} />
                <Tag>
                  {labelOf(FORM_LABEL, m.form, t)} · {t('catalog.material.copiesN', { n: m.copies })}
                </Tag>
                <Tag>{labelOf(MEDIUM_LABEL, m.medium, t)}</Tag>
                {m.deferrable && <Tag color="green">{t('catalog.material.deferrable')}</Tag>}
                {m.licenseType && <Tag color="blue">{t('catalog.material.licenseShort', { type: m.licenseType })}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('catalog.material.source')}：{sourceText(m, t)}
              </Typography.Text>
            </Space>
          </Card>
        ))}
      </Flex>
    );
  }

  return (
    <Table<Material & { index: number }>
      data-testid="materials-table"
      size="middle"
      pagination={false}
      rowKey="index"
      dataSource={materials.map((m, index) => ({ ...m, index }))}
      onRow={() => ({ 'data-testid': 'material-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('catalog.material.no'), dataIndex: 'index', width: 52, render: (i: number) => i + 1 },
        { title: t('catalog.material.name'), key: 'name', render: (_, m) => <MaterialName m={m} t={t} /> },
        {
          title: t('catalog.material.form'),
          key: 'form',
          width: 96,
          render: (_, m) => (
            <>
              {labelOf(FORM_LABEL, m.form, t)}
              <div>
                <Typography.Text type="secondary">{t('catalog.material.copiesN', { n: m.copies })}</Typography.Text>
              </div>
            </>
          ),
        },
        { title: t('catalog.material.source'), key: 'source', width: 128, render: (_, m) => <span className="tb-wrap">{sourceText(m, t)}</span> },
        {
          title: t('catalog.material.requirement'),
          key: 'req',
          width: 100,
          render: (_, m) => (
            <Flex vertical gap={4} align="flex-start">
              <RequirementTag m={m} t={t} />
              {m.deferrable && (
                <Tag color="green" data-testid="material-deferrable">
                  {t('catalog.material.deferrable')}
                </Tag>
              )}
            </Flex>
          ),
        },
        { title: t('catalog.material.medium'), key: 'medium', width: 96, render: (_, m) => labelOf(MEDIUM_LABEL, m.medium, t) },
        {
          title: t('catalog.material.license'),
          key: 'license',
          width: 124,
          render: (_, m) => (m.licenseType ? <Tag color="blue" style={{ whiteSpace: 'normal' }}>{m.licenseType}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
        },
      ]}
    />
  );
}
