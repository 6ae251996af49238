import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { formatInstant } from '../../app/format.ts';
import { errorText } from '../../app/errors.ts';
import { isApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth/AuthProvider.tsx';
import { can } from '../../app/auth/home.ts';
import { casesApi, type CaseAction, type CaseDetail } from './cases.api.ts';
import { DueTag, StateTag, UrgencyTag } from './CaseTags.tsx';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseTrace } from './CaseTrace.tsx';
import { RoutingCard } from './RoutingCard.tsx';
import { ActionModal } from './ActionModal.tsx';
import { hotlineKindLabel, limitText, sourceLabel } from './labels.ts';

/** Names of the units a case's trace may mention (the duty list's units and the current one). */
function orgNamesOf(c: CaseDetail): Map<number, string> {
  const names = new Map<number, string>();
  const s = c.routing?.suggestion;
  if (s) for (const u of [s.lead, ...s.supporting]) names.set(u.orgId, u.name);
  if (c.leadOrg) names.set(c.leadOrg.id, c.leadOrg.name);
  return names;
}

/** Actions shown as primary buttons (the step the case is waiting for). */
const PRIMARY = new Set(['file', 'dispatch', 'sign', 'feedback', 'verify', 'review', 'callback', 'approve_extension', 'confirm']);
const DANGER = new Set(['invalidate', 'return', 'deny_extension']);

function Phone({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  if (!c.requester.phone) return <>{c.requester.name ?? '—'}</>;
  return (
    <span>
      {c.requester.name ?? ''} {full ?? c.requester.phone}
      {!full && can(me, 'case:dispatch') && (
        <Button
          size="small"
          type="link"
          icon={<PhoneOutlined />}
          data-testid="reveal-phone"
          onClick={() =>
            casesApi.revealPhone(c.id).then(
              (r) => setFull(r.phone),
              (e: unknown) => void message.error(errorText(e, t)),
            )
          }
        >
          {t('cases.detail.revealPhone')}
        </Button>
      )}
    </span>
  );
}

/**
 * A case with everything staff need: state, deadline, routing with the duty
 * list's reason, the requester (phone masked), location and grid, photos,
 * likely duplicates, the full trace, and the actions the caller may take now.
 */
export function CaseView({ id, onChanged, showLink }: { id: number; onChanged?: () => void; showLink?: boolean }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const { message } = App.useApp();
  const remote = useRemote((signal) => casesApi.get(id, signal), [id]);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [gone, setGone] = useState<{ caseNo: string; state: string; label: string } | null>(null);

  if (gone) {
    return <Result status="success" title={t('cases.detail.handedOn', { caseNo: gone.caseNo })} subTitle={gone.label} data-testid="case-gone" />;
  }
  if (remote.error) {
    if (isApiError(remote.error) && remote.error.status === 404) return <Result status="404" title={t('cases.detail.notFound')} />;
    return <LoadError error={remote.error} onRetry={remote.reload} />;
  }
  const c = remote.data;
  if (!c) return <Skeleton active />;
  const staffView = 'trace' in c;

  const actions = (c.actions ?? []).filter((a) => a.action !== 'evaluate' || c.state === 'closed');
  return (
    <Flex vertical gap={16} data-testid="case-view" data-case-id={c.id} data-state={c.state} data-version={c.version}>
      <Card size="small">
        <Flex justify="space-between" gap={8} wrap align="center">
          <Flex gap={8} wrap align="center">
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="case-no" copyable={{ text: c.caseNo }}>
              {showLink ? <Link to={`/workbench/cases/${c.id}`}>{c.caseNo}</Link> : c.caseNo}
            </Typography.Title>
            <StateTag state={c.state} label={c.stateLabel} />
            <UrgencyTag urgency={c.urgency} />
            <DueTag dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
            {c.closedAt && c.closedOnTime !== null && (
              <Tag color={c.closedOnTime ? 'success' : 'error'} data-testid="case-on-time">
                {c.closedOnTime ? t('cases.detail.onTime') : t('cases.detail.late')}
              </Tag>
            )}
            {c.escalation.level > 0 && <Tag color="volcano">{t('cases.detail.escalated', { centre: pick(c.escalation.centre.zh, c.escalation.centre.en) })}</Tag>}
          </Flex>
        </Flex>
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>
          <Typography.Text type="secondary">
            {c.category.className} › {c.category.name} · {t('cases.detail.limit')} {limitText(t, c.limit)}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }} data-testid="case-description">
          {c.description}
        </Typography.Paragraph>
        {actions.length > 0 && (
          <Flex gap={8} wrap style={{ marginTop: 12 }} data-testid="case-actions">
            {actions.map((a) => (
              <Button key={a.action} type={PRIMARY.has(a.action) ? 'primary' : 'default'} danger={DANGER.has(a.action)} onClick={() => setAction(a)} data-testid={`act-${a.action}`}>
                {pick(a.label.zh, a.label.en)}
              </Button>
            ))}
          </Flex>
        )}
      </Card>

      {c.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-extension"
          title={t('cases.extension.pending', { amount: limitText(t, { amount: c.pendingExtension.amount, unit: c.pendingExtension.unit }), by: c.pendingExtension.by })}
          description={c.pendingExtension.reason}
        />
      )}
      {staffView && c.routing && <RoutingCard c={c} />}

      {staffView && (
        <Card size="small" title={t('cases.detail.facts')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('cases.detail.source')}>{sourceLabel(t, c.source)}</Descriptions.Item>
            {c.hotlineKind && <Descriptions.Item label={t('cases.hotline.kind')}>{hotlineKindLabel(t, c.hotlineKind)}</Descriptions.Item>}
            <Descriptions.Item label={t('cases.detail.reportedAt')}>{formatInstant(c.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.requester')}>
              <Phone c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.grid')}>{c.grid ? c.grid.name : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.address')}>{c.location.address ?? '—'}</Descriptions.Item>
            {c.location.lng !== null && c.location.lat !== null && (
              <Descriptions.Item label={t('cases.detail.coordinates')}>
                {c.location.lng.toFixed(5)}, {c.location.lat.toFixed(5)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('cases.detail.lead')}>
              <span data-testid="case-lead">{c.leadOrg?.name ?? '—'}</span>
            </Descriptions.Item>
            {c.firstDispatchedAt && <Descriptions.Item label={t('cases.detail.dispatchedAt')}>{formatInstant(c.firstDispatchedAt)}</Descriptions.Item>}
            {c.dueAt && <Descriptions.Item label={t('cases.detail.dueAt')}>{formatInstant(c.dueAt)}</Descriptions.Item>}
            {c.handledAt && <Descriptions.Item label={t('cases.detail.handledAt')}>{formatInstant(c.handledAt)}</Descriptions.Item>}
            {c.closedAt && <Descriptions.Item label={t('cases.detail.closedAt')}>{formatInstant(c.closedAt)}</Descriptions.Item>}
            <Descriptions.Item label={t('cases.detail.counts')}>
              {t('cases.detail.countsText', { rework: c.reworkCount, ext: c.extensionCount, urge: c.urgeCount })}
            </Descriptions.Item>
            {c.satisfaction && <Descriptions.Item label={t('cases.trace.satisfaction')}>{t(c.satisfaction === 'satisfied' ? 'cases.callback.satisfied' : 'cases.callback.unsatisfied')}</Descriptions.Item>}
            {c.evaluationScore !== null && <Descriptions.Item label={t('cases.trace.score')}>{c.evaluationScore}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}

      {staffView && c.possibleDuplicates.length > 0 && (
        <Card size="small" title={t('cases.duplicates.title')} data-testid="case-duplicates">
          <Flex vertical gap={6}>
            {c.possibleDuplicates.map((d) => (
              <Flex key={d.id} justify="space-between" gap={8} wrap>
                <Link to={`/workbench/cases/${d.id}`}>{d.caseNo}</Link>
                <Typography.Text type="secondary">{t('cases.duplicates.distance', { m: Math.round(d.distanceMetres), h: d.hoursApart })}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}

      {staffView && (
        <Card size="small" title={t('cases.detail.photos')}>
          <CasePhotos c={c} />
        </Card>
      )}
      {staffView && (
        <Card size="small" title={t('cases.detail.trace')}>
          <CaseTrace trace={c.trace} orgNames={orgNamesOf(c)} />
        </Card>
      )}

      <ActionModal
        c={c}
        action={action}
        onClose={() => setAction(null)}
        onDone={(res) => {
          const label = action ? pick(action.label.zh, action.label.en) : '';
          setAction(null);
          void message.success(t('cases.action.done', { action: label, state: pick(res.stateLabel.zh, res.stateLabel.en) }));
          onChanged?.();
          if (!('trace' in res)) setGone({ caseNo: res.caseNo, state: res.state, label: pick(res.stateLabel.zh, res.stateLabel.en) });
          else remote.reload();
        }}
      />
    </Flex>
  );
}
