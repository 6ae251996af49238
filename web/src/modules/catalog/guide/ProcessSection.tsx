import { Alert, Space, Steps, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/index.tsx';
import type { ProcessStep, SpecialProcedure } from '../catalog.types.ts';
import { daysText } from '../labels.ts';

/** 办理流程: the steps in order, with who acts and how many working days each takes. */
export function ProcessSteps({ steps }: { steps: ProcessStep[] }) {
  const { t } = useI18n();
  if (steps.length === 0) return <Typography.Text type="secondary">{t('catalog.guide.noProcess')}</Typography.Text>;
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={steps.length}
      data-testid="process-steps"
      items={steps.map((s) => ({
        title: s.name,
        status: 'finish' as const,
        subTitle: s.days !== undefined ? daysText(s.days, t) : undefined,
        content: (
          <span className="tb-wrap">
            {s.actor && <Typography.Text type="secondary">{t('catalog.guide.stepActor', { actor: s.actor })}</Typography.Text>}
            {s.actor && s.description && <br />}
            {s.description}
          </span>
        ),
      }))}
    />
  );
}

/** 特别程序: hearing, testing, on-site checks…, and whether their time counts in the limit. */
export function SpecialProcedures({ items }: { items: SpecialProcedure[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <div data-testid="special-procedures">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('catalog.guide.special')}
      </Typography.Title>
      <div style={{ border: '1px solid #f0f0f0', borderRadius: 4 }}>
        {items.map((p, i) => (
          <div key={i} style={{ padding: '10px 14px', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
            <Space size={[8, 4]} wrap>
              <Typography.Text strong>{p.name}</Typography.Text>
              {p.maxDays !== null && <Tag>{t('catalog.guide.specialDays', { n: p.maxDays })}</Tag>}
              {p.counted ? <Tag color="blue">{t('catalog.guide.counted')}</Tag> : <Tag color="orange">{t('catalog.guide.notCounted')}</Tag>}
            </Space>
            {p.basis && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }} className="tb-wrap">
                  {t('catalog.guide.specialBasis', { basis: p.basis })}
                </Typography.Text>
              </div>
            )}
          </div>
        ))}
      </div>
      {items.some((p) => !p.counted) && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('catalog.guide.notCountedNote')} />}
    </div>
  );
}
