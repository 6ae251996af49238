import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Form, Input, DatePicker, Modal, Radio, Segmented, Space, Table, Tag, Timeline, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { applyFormErrors, errorText } from '../../app/errors.ts';
import { formatInstant } from '../../app/format.ts';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { useMe } from '../../app/auth/AuthProvider.tsx';
import { can } from '../../app/auth/home.ts';
import { actOnRectification, raterIdentity, rectification, rectifications, type RaterIdentity, type Rectification } from './ratings.api.ts';

type Filter = 'open' | 'appealed' | 'all';

/** 差评整改: the rated unit's bad ratings (raters by pseudonym only), and the supervisor's appeal review. */
export function RectificationsPage() {
  const { t } = useI18n();
  const pick = useBilingual();
  const [filter, setFilter] = useState<Filter>('open');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useRemote((s) => rectifications(filter === 'open' ? { open: true } : filter === 'appealed' ? { state: 'appealed' } : {}, s), [filter]);

  return (
    <>
      <PageHeader
        title={t('rating.nav.workbench')}
        description={t('rating.wb.description')}
        extra={
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'open', label: t('rating.wb.open') },
              { value: 'appealed', label: t('rating.wb.appeals') },
              { value: 'all', label: t('rating.wb.all') },
            ]}
          />
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card>
          <Table<Rectification>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('rating.wb.none')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            data-testid="rectification-table"
            columns={[
              { title: t('rating.wb.item'), render: (_, r) => <Space direction="vertical" size={0}><span>{r.matter.itemName}</span><Typography.Text type="secondary">{r.matter.handlingOrgName}</Typography.Text></Space> },
              { title: t('rating.wb.rater'), render: (_, r) => <Space><span>{r.rater.pseudonym}</span><Tag>{t(r.rater.named ? 'rating.wb.named' : 'rating.wb.anonymous')}</Tag></Space> },
              { title: t('rating.wb.level'), render: (_, r) => <Tag color="red">{pick(r.rating.levelLabel.zh, r.rating.levelLabel.en)}</Tag> },
              { title: t('rating.wb.reasons'), render: (_, r) => r.rating.reasonLabels.map((l) => pick(l.zh, l.en)).join('、') },
              { title: t('rating.wb.state'), render: (_, r) => <Tag color={r.state === 'excluded' ? 'default' : r.state === 'closed' ? 'green' : 'blue'}>{pick(r.stateLabel.zh, r.stateLabel.en)}</Tag> },
              {
                title: t('rating.wb.callbackDue'),
                render: (_, r) => (
                  <Space>
                    {r.callback.dueAt ? formatInstant(r.callback.dueAt) : '—'}
                    {r.callback.overdue && !r.callback.calledBackAt && <Tag color="red">{t('rating.wb.overdue')}</Tag>}
                    {!r.callback.overdue && r.callback.warned && !r.callback.calledBackAt && <Tag color="orange">{t('rating.wb.warned')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('rating.wb.detail')} width={640} destroyOnHidden>
        {openId !== null && <RectificationDetail id={openId} onChanged={list.reload} />}
      </Drawer>
    </>
  );
}

function RectificationDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const me = useMe();
  const remote = useRemote((s) => rectification(id, s), [id]);
  const [action, setAction] = useState<{ action: string; label: string } | null>(null);
  const [identity, setIdentity] = useState<RaterIdentity | null>(null);
  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  const x = remote.data;
  if (!x) return null;

  const showIdentity = () =>
    Modal.confirm({
      title: t('rating.wb.identity'),
      content: t('rating.wb.identityAudited'),
      onOk: async () => {
        try {
          setIdentity(await raterIdentity(id));
        } catch (e) {
          void message.error(errorText(e, t));
        }
      },
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="rectification-detail">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('rating.wb.item')}>{x.matter.itemName}（{x.matter.handlingOrgName}{x.matter.intakeOrgName ? ` · ${x.matter.intakeOrgName}` : ''}，{x.matter.completedOn}）</Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.level')}>
          <Tag color="red">{pick(x.rating.levelLabel.zh, x.rating.levelLabel.en)}</Tag>
          <Tag>{t(x.rating.channel === 'online' ? 'rating.channel.online' : 'rating.channel.onsite')}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.reasons')}>{x.rating.reasonLabels.map((l) => pick(l.zh, l.en)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.comment')}>{x.rating.comment ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.rater')}>
          {x.rater.pseudonym} · {t(x.rater.named ? 'rating.wb.named' : 'rating.wb.anonymous')}
        </Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.contact')}>
          {x.rater.maskedPhone ?? '—'}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{pick(x.rater.relay.zh, x.rater.relay.en)}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.state')}>{pick(x.stateLabel.zh, x.stateLabel.en)}</Descriptions.Item>
        <Descriptions.Item label={t('rating.wb.callbackDue')}>
          {x.callback.dueAt ? formatInstant(x.callback.dueAt) : '—'} {x.callback.overdue && <Tag color="red">{t('rating.wb.overdue')}</Tag>}
        </Descriptions.Item>
        {x.callback.calledBackAt && <Descriptions.Item label={t('rating.wb.callback')}>{formatInstant(x.callback.calledBackAt)} {x.callback.note}</Descriptions.Item>}
        {x.outcomeLabel && (
          <Descriptions.Item label={t('rating.wb.outcome')}>
            {pick(x.outcomeLabel.zh, x.outcomeLabel.en)}：{x.outcomeNote} {x.fixBy && `（${t('rating.wb.fixBy')} ${x.fixBy}）`}
          </Descriptions.Item>
        )}
        {x.appeal && (
          <Descriptions.Item label={t('rating.wb.appeal')}>
            {x.appeal.reason} {x.appeal.decision && <Tag>{x.appeal.decision}</Tag>}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {x.actions
          .filter((a) => !(x.appeal?.ownAppeal && (a.action === 'uphold' || a.action === 'rejectAppeal')))
          .map((a) => (
            <Button key={a.action} type={a.action === 'callBack' || a.action === 'resolve' ? 'primary' : 'default'} onClick={() => setAction({ action: a.action, label: pick(a.label.zh, a.label.en) })} data-testid={`action-${a.action}`}>
              {pick(a.label.zh, a.label.en)}
            </Button>
          ))}
        {can(me, 'rating:supervise') && (
          <Button danger onClick={showIdentity} data-testid="show-identity">
            {t('rating.wb.identity')}
          </Button>
        )}
      </Space>
      {identity && (
        <Alert
          type="warning"
          showIcon
          message={t('rating.wb.identityTitle')}
          description={identity.rater ? `${identity.rater.displayName} · ${identity.rater.username} · ${identity.rater.residentId ?? identity.rater.uscc ?? ''} · ${identity.rater.phone ?? ''} · ${identity.matterNo}` : t('rating.wb.anonymous')}
        />
      )}
      {x.history && (
        <Card size="small" title={t('rating.wb.history')}>
          <Timeline
            items={x.history.map((h) => ({
              children: (
                <>
                  <Typography.Text strong>{pick(h.label.zh, h.label.en)}</Typography.Text> · {h.by} · {formatInstant(h.at)}
                  {h.note && <div><Typography.Text type="secondary">{h.note}</Typography.Text></div>}
                </>
              ),
            }))}
          />
        </Card>
      )}
      {action && (
        <ActionModal
          x={x}
          action={action.action}
          title={action.label}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            remote.reload();
            onChanged();
          }}
        />
      )}
    </Space>
  );
}

function ActionModal({ x, action, title, onClose, onDone }: { x: Rectification; action: string; title: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const fields = action === 'appeal' ? ['reason'] : action === 'resolve' ? ['outcome', 'fixBy', 'note'] : ['note'];

  const submit = async (v: { note?: string; reason?: string; outcome?: string; fixBy?: Dayjs }) => {
    setBusy(true);
    setError(null);
    try {
      await actOnRectification(x.id, action, { version: x.version, note: v.note, reason: v.reason, outcome: v.outcome, fixBy: v.fixBy?.format('YYYY-MM-DD') });
      onDone();
    } catch (e) {
      setError(applyFormErrors(form, e, fields, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="rectification-action-form">
        {action === 'resolve' && (
          <Form.Item name="outcome" label={t('rating.wb.outcomeChoice')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['fix_now', 'log_fix', 'explain'] as const).map((o) => ({ value: o, label: t(`rating.outcome.${o}`) }))}
              optionType="button"
            />
          </Form.Item>
        )}
        {action === 'resolve' && outcome === 'log_fix' && (
          <Form.Item name="fixBy" label={t('rating.wb.fixBy')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'appeal' ? (
          <Form.Item name="reason" label={t('rating.wb.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('rating.wb.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
