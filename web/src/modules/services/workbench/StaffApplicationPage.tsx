import { useMemo, useState } from 'react';
import { App, Alert, Button, Card, Col, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { useMe } from '../../../app/auth/AuthProvider.tsx';
import { can } from '../../../app/auth/home.ts';
import { getItem } from '../../catalog/catalog.api.ts';
import { getOrgTree } from '../../org/org.api.ts';
import type { OrgTreeNode } from '../../org/org.types.ts';
import { ApplicationFacts, CountersignList, DeadlineList, FormDataView, HistoryTimeline, MaterialTable, NoticeList, StateTag, SubApplications, UrgencyTag } from '../ApplicationParts.tsx';
import { MaterialActions } from '../applicant/MaterialActions.tsx';
import { getApplication, precheck } from '../services.api.ts';
import type { ApplicationDetail } from '../services.types.ts';
import { ActionModal, type ActionContext } from './ActionModal.tsx';

const INTAKE_STATES = ['draft', 'submitted', 'correction', 'resubmitted'];

/** Departments (not towns or their offices) flattened from the tree, for countersigning. */
function departments(nodes: OrgTreeNode[], out: { id: number; name: string }[] = []): { id: number; name: string }[] {
  for (const n of nodes) {
    if (n.active && (n.type === 'department' || n.type === 'approval_bureau') && n.level === 'county') out.push({ id: n.id, name: n.name });
    departments(n.children ?? [], out);
  }
  return out;
}

/** The review steps decide between "next step" and "decide": the decision belongs to the last step. */
function stepAllows(a: ApplicationDetail, action: string): boolean {
  if (!a.step || a.step.total === 0) return true;
  const last = a.step.index >= a.step.total - 1;
  if (action === 'advance') return !last;
  if (action === 'decide') return last;
  if (action === 'returnStep') return a.step.index > 0;
  return true;
}

/** 办件 on the workbench: the facts, the clock, pre-check, notices, history, and the actions the caller may take now. */
export function StaffApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const pick = useBilingual();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const remote = useRemote((s) => getApplication(Number(id), s), [id]);
  const [override, setOverride] = useState<ApplicationDetail | null>(null);
  const a = override && String(override.id) === id ? override : remote.data;
  const isWindow = can(me, 'application:intake');
  const intake = !!a && isWindow && INTAKE_STATES.includes(a.state) && a.kind !== 'sub';
  const check = useRemote(intake && a ? (s) => precheck(a.id, s) : null, [a?.id, a?.version, intake]);
  const item = useRemote(a?.itemId && a.actions.some((x) => x.action === 'startSpecial') ? (s) => getItem(a.itemId as number, s) : null, [a?.itemId]);
  const orgs = useRemote(a?.actions.some((x) => x.action === 'requestCountersign') ? (s) => getOrgTree(s) : null, [a?.id]);
  const [action, setAction] = useState<string | null>(null);

  const ctx: ActionContext = useMemo(
    () => ({
      missing: check.data?.missing ?? [],
      procedures: (item.data?.content.specialProcedures ?? []).map((p) => ({ name: p.name, counted: p.counted, days: p.maxDays ?? undefined })),
      orgs: departments(orgs.data?.items ?? []).filter((o) => o.id !== a?.handlingOrg.id),
    }),
    [check.data, item.data, orgs.data, a?.handlingOrg.id],
  );

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!a) return <Skeleton active />;

  const reload = () => {
    setOverride(null);
    remote.reload();
  };

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{a.itemName}</span>
            <StateTag a={a} />
            <UrgencyTag a={a} />
          </Space>
        }
        description={
          <Space size={6} wrap>
            <span data-testid="staff-app-no">{a.applicationNo}</span>
            <span>·</span>
            <span>{a.applicant.name}</span>
          </Space>
        }
        crumbs={[t('svc.wb.crumb'), a.applicationNo]}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('svc.wb.back')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} />
          </Space>
        }
      />
      <Card size="small" title={t('svc.wb.actions')} style={{ marginBottom: 16 }} data-testid="staff-actions">
        {a.actions.length === 0 ? (
          <Typography.Text type="secondary">{t('svc.wb.noActions')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {a.actions.filter((x) => stepAllows(a, x.action)).map((x) => (
              <Button
                key={x.action}
                type={['accept', 'decide', 'advance', 'receiveCorrection', 'approveExtension'].includes(x.action) ? 'primary' : 'default'}
                danger={['refuse', 'rejectExtension'].includes(x.action)}
                onClick={() => setAction(x.action)}
                data-testid={`act-${x.action}`}
              >
                {pick(x.label.zh, x.label.en)}
              </Button>
            ))}
          </Flex>
        )}
        {a.parentId && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('svc.wb.subOf')} <Link to={`/workbench/applications/${a.parentId}`}>{a.applicationNo.replace(/-\d+$/, '')}</Link>
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('svc.detail.facts')} size="small">
              <ApplicationFacts a={a} />
            </Card>
            <Card title={t('svc.detail.deadlines')} size="small" data-testid="detail-deadlines">
              <DeadlineList deadlines={a.deadlines} />
            </Card>
            {intake && check.data && (
              <Card
                size="small"
                title={t('svc.wb.precheck')}
                data-testid="precheck"
                extra={check.data.complete ? <Tag color="success">{t('svc.wb.complete')}</Tag> : <Tag color="orange">{t('svc.wb.incomplete', { n: check.data.missing.length })}</Tag>}
              >
                {!check.data.complete && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('svc.wb.missingNow')}
                    description={check.data.missing.map((m) => m.name).join('；')}
                    data-testid="precheck-missing"
                  />
                )}
                <MaterialTable materials={check.data.materials} extra={(m) => <MaterialActions applicationId={a.id} m={m} licences={[]} onChanged={() => { reload(); check.reload(); }} />} />
              </Card>
            )}
            {!intake && (
              <Card title={t('svc.detail.materials')} size="small">
                <MaterialTable materials={a.materials} />
              </Card>
            )}
            {a.subApplications.length > 0 && (
              <Card title={t('svc.detail.subs')} size="small">
                <SubApplications subs={a.subApplications} linkTo={(sid) => `/workbench/applications/${sid}`} />
              </Card>
            )}
            {a.countersigns.length > 0 && (
              <Card title={t('svc.detail.countersigns')} size="small">
                <CountersignList items={a.countersigns} />
              </Card>
            )}
            <Card title={t('svc.detail.notices')} size="small">
              <NoticeList applicationId={a.id} notices={a.notices} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8} style={{ minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('svc.detail.history')} size="small">
              <HistoryTimeline a={a} />
            </Card>
            <Card title={t('svc.detail.form')} size="small">
              <FormDataView formData={a.formData} />
            </Card>
          </Space>
        </Col>
      </Row>
      <ActionModal
        action={action}
        app={a}
        ctx={ctx}
        onClose={() => setAction(null)}
        onDone={(next) => {
          void message.success(t('svc.wb.done', { action: pick(next.stateLabel.zh, next.stateLabel.en) }));
          setAction(null);
          setOverride(next);
          check.reload();
        }}
      />
    </>
  );
}
