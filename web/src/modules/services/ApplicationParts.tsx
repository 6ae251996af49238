/** Building blocks of an application's page, shared by the applicant centre and the workbench. */
import { Button, Descriptions, Empty, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { RowList } from './RowList.tsx';
import { FilePdfOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import {
  CHANNEL_LABEL,
  CLOCK_STATE_LABEL,
  FORM_FIELD_LABEL,
  OUTCOME_LABEL,
  COUNTERSIGN_LABEL,
  KIND_LABEL,
  labelOf,
  MATERIAL_STATUS_LABEL,
  NOTICE_LABEL,
  PURPOSE_LABEL,
  stateColor,
  URGENCY_COLOR,
  URGENCY_LABEL,
  urgencyOf,
} from './labels.ts';
import { noticePdfUrl } from './services.api.ts';
import type { Application, ApplicationDetail, Countersign, Deadline, Material, Notice } from './services.types.ts';

export function StateTag({ a }: { a: Pick<Application, 'state' | 'stateLabel'> }) {
  const pick = useBilingual();
  return (
    <Tag color={stateColor(a.state)} data-testid="app-state" data-state={a.state}>
      {pick(a.stateLabel.zh, a.stateLabel.en)}
    </Tag>
  );
}

/** The warning light: red overdue, yellow warning, green on time. */
export function UrgencyTag({ a }: { a: Application }) {
  const { t } = useI18n();
  const u = urgencyOf(a);
  if (u === 'done') return null;
  return (
    <Tag color={URGENCY_COLOR[u]} icon={u === 'normal' ? undefined : <WarningOutlined />} data-testid="app-urgency" data-urgency={u}>
      {t(URGENCY_LABEL[u])}
    </Tag>
  );
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** The due date of the decision clock in one line, for lists. */
export function DueText({ a }: { a: Application }) {
  const { t } = useI18n();
  const d = a.deadlines.filter((x) => x.purpose === 'decision').at(-1);
  if (!d) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <span data-testid="app-due">{d.dueDate}</span>
      {d.state === 'paused' && (
        <Tooltip title={t('svc.clock.paused')}>
          <PauseCircleOutlined style={{ color: '#d46b08' }} />
        </Tooltip>
      )}
      {d.provisional && <Tag>{t('svc.deadline.provisional')}</Tag>}
    </Space>
  );
}

/** The clocks (补正告知期限, 办结时限) with budget, paused working days and due date. */
export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  const { t } = useI18n();
  if (deadlines.length === 0) return <Typography.Text type="secondary">{t('svc.deadline.none')}</Typography.Text>;
  return (
    <Table<Deadline>
      size="small"
      pagination={false}
      rowKey={(d) => `${d.purpose}-${d.startedAt}`}
      dataSource={deadlines}
      data-testid="deadlines"
      scroll={{ x: true }}
      columns={[
        { title: t('svc.deadline.purpose'), dataIndex: 'purpose', render: (p: string) => labelOf(PURPOSE_LABEL, p, t) },
        { title: t('svc.deadline.start'), dataIndex: 'startedAt', render: (v: string) => formatInstant(v) },
        { title: t('svc.deadline.budget'), dataIndex: 'budget', render: (n: number) => t('svc.days', { n }) },
        {
          title: t('svc.deadline.paused'),
          dataIndex: 'pausedDays',
          render: (n: number, d) => (
            <span data-testid={`deadline-${d.purpose}-paused`} data-days={n}>
              {t('svc.days', { n })}
            </span>
          ),
        },
        {
          title: t('svc.deadline.due'),
          dataIndex: 'dueDate',
          render: (v: string, d) => (
            <Space size={4}>
              <Typography.Text strong type={d.overdue ? 'danger' : undefined} data-testid={`deadline-${d.purpose}-due`} data-date={v}>
                {v}
              </Typography.Text>
              {d.provisional && <Tag>{t('svc.deadline.provisional')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('svc.deadline.state'),
          dataIndex: 'state',
          render: (s: string, d) => (
            <Space size={4}>
              <Tag color={s === 'paused' ? 'orange' : s === 'running' ? 'blue' : 'default'} data-testid={`deadline-${d.purpose}-state`}>
                {labelOf(CLOCK_STATE_LABEL, s, t)}
              </Tag>
              {d.overdue && <Tag color="red">{t('svc.urgency.overdue')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The notices (受理通知书, 补正告知书, 决定书 …) with PDF download and the missing materials of a correction notice. */
export function NoticeList({ applicationId, notices }: { applicationId: number; notices: Notice[] }) {
  const { t } = useI18n();
  if (notices.length === 0) return <Typography.Text type="secondary">{t('svc.notice.none')}</Typography.Text>;
  return (
    <RowList
      testId="notices"
      rows={notices.map((n) => {
        const missing = (n.content.missing as { key: string; name: string; reason?: string }[] | undefined) ?? [];
        const title = typeof n.content.title === 'string' ? n.content.title : labelOf(NOTICE_LABEL, n.kind, t);
        return {
          key: n.id,
          testId: `notice-${n.kind}`,
          title: (
            <Space size={6} wrap>
              <Tag color="geekblue">{labelOf(NOTICE_LABEL, n.kind, t)}</Tag>
              <span className="tb-wrap">{title}</span>
            </Space>
          ),
          description: (
            <Space orientation="vertical" size={2}>
              <span>
                {t('svc.notice.number')}: <Typography.Text copyable>{n.number}</Typography.Text> · {formatInstant(n.issuedAt)}
              </span>
              {typeof n.content.promisedDate === 'string' && <span>{t('svc.notice.promisedDate', { date: n.content.promisedDate })}</span>}
              {missing.length > 0 && (
                <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="notice-missing">
                  {missing.map((m) => (
                    <li key={m.key}>
                      {m.name}
                      {m.reason ? `（${m.reason}）` : ''}
                    </li>
                  ))}
                </ol>
              )}
              {typeof n.content.note === 'string' && <Typography.Text type="secondary">{n.content.note}</Typography.Text>}
            </Space>
          ),
          actions: [
            <Button key="pdf" size="small" icon={<FilePdfOutlined />} href={noticePdfUrl(applicationId, n.id)} target="_blank" data-testid={`notice-pdf-${n.kind}`}>
              {t('svc.notice.pdf')}
            </Button>,
          ],
        };
      })}
    />
  );
}

/** Every step of the matter from the workflow history. */
export function HistoryTimeline({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  if (a.history.length === 0) return <Typography.Text type="secondary">{t('svc.history.none')}</Typography.Text>;
  return (
    <Timeline
      data-testid="history"
      items={a.history.map((h) => ({
        key: `${h.version}-${h.at}`,
        content: (
          <div>
            <Typography.Text strong>{actionName(h.action, t)}</Typography.Text>
            {h.actor && <Typography.Text type="secondary"> · {h.actor}</Typography.Text>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(h.at)}
              </Typography.Text>
            </div>
            {h.note && <Typography.Text className="tb-wrap">{h.note}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}

const ACTION_NAME: Record<string, MessageKeyOf> = {
  submit: 'svc.action.submit',
  windowSubmit: 'svc.action.windowSubmit',
  accept: 'svc.action.accept',
  acceptDeferred: 'svc.action.acceptDeferred',
  acceptCommitment: 'svc.action.acceptCommitment',
  deemAccept: 'svc.action.deemAccept',
  requestCorrection: 'svc.action.requestCorrection',
  resubmit: 'svc.action.resubmit',
  receiveCorrection: 'svc.action.receiveCorrection',
  refuse: 'svc.action.refuse',
  dispatch: 'svc.action.dispatch',
  advance: 'svc.action.advance',
  returnStep: 'svc.action.returnStep',
  requestCountersign: 'svc.action.requestCountersign',
  startSpecial: 'svc.action.startSpecial',
  endSpecial: 'svc.action.endSpecial',
  requestExtension: 'svc.action.requestExtension',
  approveExtension: 'svc.action.approveExtension',
  rejectExtension: 'svc.action.rejectExtension',
  decide: 'svc.action.decide',
  join: 'svc.action.join',
};
type MessageKeyOf = Parameters<ReturnType<typeof useI18n>['t']>[0];
export const actionName = (action: string, t: ReturnType<typeof useI18n>['t']) => (ACTION_NAME[action] ? t(ACTION_NAME[action]) : action);

/** The core facts of the matter. */
export function ApplicationFacts({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="app-facts"
      items={[
        { key: 'no', label: t('svc.field.applicationNo'), children: <Typography.Text copyable data-testid="app-no">{a.applicationNo}</Typography.Text> },
        { key: 'state', label: t('svc.field.state'), children: <Space size={4}><StateTag a={a} /><UrgencyTag a={a} /></Space> },
        { key: 'item', label: t('svc.field.item'), children: <Space size={4} wrap><span>{a.itemName}</span><Tag>{labelOf(KIND_LABEL, a.kind, t)}</Tag></Space> },
        { key: 'org', label: t('svc.field.handlingOrg'), children: a.handlingOrg.name },
        { key: 'applicant', label: t('svc.field.applicant'), children: `${a.applicant.name}（${a.applicant.idNumber}）` },
        { key: 'channel', label: t('svc.field.channel'), children: labelOf(CHANNEL_LABEL, a.channel, t) },
        { key: 'received', label: t('svc.field.receivedAt'), children: a.receivedAt ? formatInstant(a.receivedAt) : '—' },
        { key: 'accepted', label: t('svc.field.acceptedAt'), children: a.acceptedAt ? formatInstant(a.acceptedAt) : '—' },
        { key: 'promised', label: t('svc.field.decisionDays'), children: t('svc.days', { n: a.decisionDays }) },
        { key: 'step', label: t('svc.field.step'), children: a.step ? `${a.step.name ?? '—'}（${a.step.index + 1}/${a.step.total}）` : '—' },
        ...(a.outcome
          ? [
              {
                key: 'outcome',
                label: t('svc.field.outcome'),
                children: (
                  <Space size={6} wrap data-testid="app-outcome">
                    <Tag color={a.outcome === 'approved' ? 'success' : 'error'}>{labelOf(OUTCOME_LABEL, a.outcome, t)}</Tag>
                    {a.decisionReason && <span className="tb-wrap">{a.decisionReason}</span>}
                  </Space>
                ),
              },
            ]
          : []),
        ...(a.decisionBasis ? [{ key: 'basis', label: t('svc.field.legalBasis'), children: a.decisionBasis }] : []),
        ...(a.special ? [{ key: 'special', label: t('svc.field.special'), children: `${a.special.procedure ?? ''} · ${t('svc.days', { n: a.special.expectedDays ?? 0 })}` }] : []),
        ...(a.extensionDays > 0 || a.extensionReason ? [{ key: 'ext', label: t('svc.field.extension'), children: `${t('svc.days', { n: a.extensionDays })} ${a.extensionReason ?? ''}` }] : []),
        ...(a.overdueExplanation ? [{ key: 'explain', label: t('svc.field.overdueExplanation'), children: a.overdueExplanation }] : []),
      ]}
    />
  );
}

/** The form as filled in (key → value). */
export function FormDataView({ formData }: { formData: Record<string, unknown> }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const entries = Object.entries(formData).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return <Typography.Text type="secondary">{t('svc.form.empty')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={entries.map(([k, v]) => ({ key: k, label: FORM_FIELD_LABEL[k] ? pick(...FORM_FIELD_LABEL[k]) : k, children: Array.isArray(v) ? v.join('、') : String(v) }))}
    />
  );
}

/** The materials with their state; `extra` renders the actions of a row (upload, reuse). */
export function MaterialTable({ materials, extra }: { materials: Material[]; extra?: (m: Material) => React.ReactNode }) {
  const { t } = useI18n();
  if (materials.length === 0) return <Empty description={t('svc.material.noneListed')} />;
  return (
    <Table<Material>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={materials}
      data-testid="materials"
      scroll={{ x: true }}
      onRow={(m) => ({ 'data-testid': `material-${m.key}`, 'data-status': m.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('svc.material.name'),
          dataIndex: 'name',
          render: (name: string, m) => (
            <Space size={4} wrap>
              <span className="tb-wrap">{name}</span>
              {m.requirement === 'required' && <Tag color="red">{t('svc.material.required')}</Tag>}
              {m.deferrable && <Tag color="cyan">{t('svc.material.deferrable')}</Tag>}
              {m.licenseType && <Tag color="green">{t('svc.material.licenceOk', { type: m.licenseType })}</Tag>}
            </Space>
          ),
        },
        {
          title: t('svc.material.status'),
          dataIndex: 'status',
          render: (s: string, m) => (
            <Space orientation="vertical" size={0}>
              <Tag color={s === 'missing' ? 'orange' : s === 'deferred' ? 'cyan' : 'green'}>{labelOf(MATERIAL_STATUS_LABEL, s, t)}</Tag>
              {m.file?.name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.file.name}</Typography.Text>}
              {m.reusedLicence && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('svc.material.byLicence', { no: m.reusedLicence.licenceNo ?? m.reusedLicence.id })}</Typography.Text>}
              {m.deferredUntil && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('svc.material.deferredUntil', { date: day(m.deferredUntil) })}</Typography.Text>}
            </Space>
          ),
        },
        ...(extra ? [{ title: t('svc.material.actions'), key: 'x', render: (_: unknown, m: Material) => extra(m) }] : []),
      ]}
    />
  );
}

/** A bundle's sub-applications, one per department, reviewed in parallel. */
export function SubApplications({ subs, linkTo }: { subs: Application[]; linkTo?: (id: number) => string }) {
  const { t } = useI18n();
  return (
    <Table<Application>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={subs}
      data-testid="sub-applications"
      scroll={{ x: true }}
      onRow={(s) => ({ 'data-testid': `sub-${s.applicationNo}`, 'data-state': s.state }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('svc.field.applicationNo'),
          dataIndex: 'applicationNo',
          render: (no: string, s) => <span style={{ whiteSpace: 'nowrap' }}>{linkTo ? <Link to={linkTo(s.id)}>{no}</Link> : no}</span>,
        },
        { title: t('svc.field.item'), dataIndex: 'itemName' },
        { title: t('svc.field.handlingOrg'), key: 'org', render: (_: unknown, s) => s.handlingOrg.name },
        { title: t('svc.field.state'), key: 'state', render: (_: unknown, s) => <StateTag a={s} /> },
        { title: t('svc.deadline.due'), key: 'due', render: (_: unknown, s) => <span style={{ whiteSpace: 'nowrap' }}><DueText a={s} /></span> },
      ]}
    />
  );
}

export function CountersignList({ items }: { items: Countersign[] }) {
  const { t } = useI18n();
  return (
    <RowList
      testId="countersigns"
      rows={items.map((c) => ({
        key: c.id,
        title: (
          <Space size={6}>
            <span>{c.orgName}</span>
            <Tag color={c.state === 'pending' ? 'processing' : c.state === 'agreed' ? 'success' : 'error'}>{labelOf(COUNTERSIGN_LABEL, c.state, t)}</Tag>
          </Space>
        ),
        description: (
          <span className="tb-wrap">
            {c.question}
            {c.opinion ? ` — ${c.opinion}` : ''}
          </span>
        ),
      }))}
    />
  );
}
