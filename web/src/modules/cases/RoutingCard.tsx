import { Alert, Tag, Tooltip, Typography } from 'antd';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import type { CaseSummary } from './cases.api.ts';

/** The routing suggestion (lead and supporting units) with the duty list's reason, or why the case could not be routed. */
export function RoutingCard({ c, compact }: { c: CaseSummary; compact?: boolean }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const r = c.routing;
  if (!r) return null;
  if (compact && (r.status !== 'routed' || !r.suggestion)) {
    return (
      <Tooltip title={r.reason ? pick(r.reason.zh, r.reason.en) : undefined}>
        <Tag color="warning" data-testid="routing">
          {t('cases.routing.manual')}
        </Tag>
      </Tooltip>
    );
  }
  if (r.status !== 'routed' || !r.suggestion) {
    return <Alert type="warning" showIcon title={t('cases.routing.unroutable')} description={r.reason ? pick(r.reason.zh, r.reason.en) : undefined} data-testid="routing" />;
  }
  const s = r.suggestion;
  if (compact) {
    return (
      <span data-testid="routing">
        <Typography.Text strong>{s.lead.name}</Typography.Text>
        <Tag style={{ marginInlineStart: 6 }}>{s.lead.kind === 'town' ? t('cases.routing.town') : t('cases.routing.department')}</Tag>
        {c.returnedOrgIds.includes(s.lead.orgId) && <Tag color="orange">{t('cases.dispatch.returnedBefore')}</Tag>}
        <Tooltip title={pick(s.reason.zh, s.reason.en)}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {pick(s.reason.zh, s.reason.en)}
          </Typography.Text>
        </Tooltip>
      </span>
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="routing"
      title={
        <span>
          {t('cases.routing.suggested')}：<Typography.Text strong data-testid="routing-lead">{s.lead.name}</Typography.Text>
          <Tag style={{ marginInlineStart: 6 }}>{s.lead.kind === 'town' ? t('cases.routing.town') : t('cases.routing.department')}</Tag>
          {s.supporting.length > 0 && (
            <Typography.Text type="secondary">
              {t('cases.routing.supporting')}：{s.supporting.map((u) => u.name).join('、')}
            </Typography.Text>
          )}
        </span>
      }
      description={<span data-testid="routing-reason">{pick(s.reason.zh, s.reason.en)}</span>}
    />
  );
}
