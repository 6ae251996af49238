/** 审批办理: my tasks by urgency (overdue red, warning yellow) and the countersign requests to my departments. */
import { useMemo, useState } from 'react';
import { App, Alert, Button, Card, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { applyFormErrors } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import { answerCountersign, countersignQueue, reviewQueue } from '../services.api.ts';
import type { CountersignRequest } from '../services.types.ts';
import { byUrgency, COUNTERSIGN_LABEL, labelOf, urgencyOf } from '../labels.ts';
import { QueueTable } from './QueueTable.tsx';

export function ReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tasks = useRemote((s) => reviewQueue({ limit: 200 }, s), []);
  const signs = useRemote((s) => countersignQueue(s), []);
  const [answering, setAnswering] = useState<CountersignRequest | null>(null);
  const sorted = useMemo(() => [...(tasks.data?.items ?? [])].sort(byUrgency), [tasks.data]);
  const counts = useMemo(() => {
    const c = { overdue: 0, warning: 0 };
    for (const a of sorted) {
      const u = urgencyOf(a);
      if (u === 'overdue' || u === 'warning') c[u] += 1;
    }
    return c;
  }, [sorted]);
  const pending = (signs.data?.items ?? []).filter((c) => c.state === 'pending').length;

  return (
    <>
      <PageHeader
        title={t('svc.nav.review')}
        description={t('svc.review.description')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              tasks.reload();
              signs.reload();
            }}
          />
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'tasks',
              label: (
                <Space size={6}>
                  {t('svc.review.tasks')}
                  <Tag>{sorted.length}</Tag>
                  {counts.overdue > 0 && <Tag color="red">{t('svc.review.overdueN', { n: counts.overdue })}</Tag>}
                  {counts.warning > 0 && <Tag color="gold">{t('svc.review.warningN', { n: counts.warning })}</Tag>}
                </Space>
              ),
              children: tasks.error ? <LoadError error={tasks.error} onRetry={tasks.reload} /> : <QueueTable items={sorted} loading={tasks.loading} testId="review-queue" />,
            },
            {
              key: 'countersigns',
              label: (
                <Space size={6}>
                  {t('svc.review.countersigns')}
                  {pending > 0 && <Tag color="processing">{pending}</Tag>}
                </Space>
              ),
              children: signs.error ? (
                <LoadError error={signs.error} onRetry={signs.reload} />
              ) : (
                <Table<CountersignRequest>
                  rowKey="id"
                  loading={signs.loading}
                  dataSource={signs.data?.items ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: true }}
                  data-testid="countersign-queue"
                  columns={[
                    { title: t('svc.field.applicationNo'), dataIndex: 'applicationNo', render: (no: string, c) => <Link to={`/workbench/applications/${c.applicationId}`}>{no}</Link> },
                    { title: t('svc.field.item'), dataIndex: 'itemName' },
                    { title: t('svc.review.toOrg'), dataIndex: 'orgName' },
                    { title: t('svc.act.question'), dataIndex: 'question', render: (q: string) => <span className="tb-wrap">{q}</span> },
                    { title: t('svc.field.state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'pending' ? 'processing' : 'default'}>{labelOf(COUNTERSIGN_LABEL, s, t)}</Tag> },
                    { title: t('svc.review.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatInstant(v) },
                    {
                      title: t('svc.material.actions'),
                      key: 'x',
                      render: (_: unknown, c) =>
                        c.state === 'pending' ? (
                          <Button size="small" type="primary" onClick={() => setAnswering(c)} data-testid={`countersign-answer-${c.id}`}>
                            {t('svc.review.answer')}
                          </Button>
                        ) : (
                          <Typography.Text type="secondary">{c.opinion}</Typography.Text>
                        ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <AnswerModal
        request={answering}
        onClose={() => setAnswering(null)}
        onDone={() => {
          setAnswering(null);
          signs.reload();
          void message.success(t('svc.review.answered'));
        }}
      />
    </>
  );
}

function AnswerModal({ request, onClose, onDone }: { request: CountersignRequest | null; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ agree: boolean; opinion: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!request) return null;
  const ok = async () => {
    let v: { agree: boolean; opinion: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await answerCountersign(request.id, { agree: v.agree, opinion: v.opinion, version: request.version });
      onDone();
    } catch (e) {
      setError(applyFormErrors(form, e, ['agree', 'opinion'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('svc.review.answer')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Typography.Paragraph className="tb-wrap">{request.question}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ agree: true }}>
        <Form.Item name="agree" label={t('svc.review.agree')}>
          <Radio.Group
            options={[
              { value: true, label: t('svc.countersign.agreed') },
              { value: false, label: t('svc.countersign.disagreed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label={t('svc.act.opinion')} rules={[{ required: true, min: 2, message: t('svc.act.textRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
