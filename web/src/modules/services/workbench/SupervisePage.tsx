/** 督办: overdue (red) and warned (yellow) applications, public explanations of delays, and extension requests to approve. */
import { useState } from 'react';
import { App, Alert, Button, Card, Form, Input, Modal, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { applyFormErrors } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { explainOverdue, extensionList, overdueList, warningList } from '../services.api.ts';
import type { Application } from '../services.types.ts';
import { QueueTable } from './QueueTable.tsx';
import { CommitmentChecks } from './CommitmentChecks.tsx';

export function SupervisePage() {
  const { t } = useI18n();
  const bi = useBilingual();
  const { message } = App.useApp();
  const [unexplained, setUnexplained] = useState(false);
  const overdue = useRemote((s) => overdueList({ limit: 200, unexplained }, s), [unexplained]);
  const warnings = useRemote((s) => warningList({ limit: 200 }, s), []);
  const extensions = useRemote((s) => extensionList({ limit: 200 }, s), []);
  const [explaining, setExplaining] = useState<Application | null>(null);

  const list = (r: typeof overdue, testId: string, extra?: (a: Application) => React.ReactNode) =>
    r.error ? <LoadError error={r.error} onRetry={r.reload} /> : <QueueTable items={r.data?.items ?? []} loading={r.loading} testId={testId} extra={extra} />;

  return (
    <>
      <PageHeader
        title={t('svc.nav.supervise')}
        description={t('svc.supervise.description')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              overdue.reload();
              warnings.reload();
              extensions.reload();
            }}
          />
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'overdue',
              label: (
                <Space size={6}>
                  {t('svc.supervise.overdue')}
                  <Tag color="red">{overdue.data?.items.length ?? 0}</Tag>
                </Space>
              ),
              children: (
                <>
                  <Space style={{ marginBottom: 12 }}>
                    <Switch checked={unexplained} onChange={setUnexplained} />
                    <Typography.Text>{t('svc.supervise.unexplained')}</Typography.Text>
                  </Space>
                  {list(overdue, 'overdue-list', (a) =>
                    a.overdueExplanation ? (
                      <Tag color="success">{t('svc.supervise.explained')}</Tag>
                    ) : (
                      <Button size="small" onClick={() => setExplaining(a)} data-testid={`explain-${a.applicationNo}`}>
                        {t('svc.supervise.explain')}
                      </Button>
                    ),
                  )}
                </>
              ),
            },
            {
              key: 'warnings',
              label: (
                <Space size={6}>
                  {t('svc.supervise.warnings')}
                  <Tag color="gold">{warnings.data?.items.length ?? 0}</Tag>
                </Space>
              ),
              children: list(warnings, 'warning-list'),
            },
            {
              key: 'extensions',
              label: (
                <Space size={6}>
                  {t('svc.supervise.extensions')}
                  <Tag color="purple">{extensions.data?.items.length ?? 0}</Tag>
                </Space>
              ),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('svc.supervise.extensionsHelp')}</Typography.Paragraph>
                  {list(extensions, 'extension-list', (a) => (
                    <Link to={`/workbench/applications/${a.id}`}>
                      <Button size="small" type="primary">
                        {t('svc.supervise.decideExtension')}
                      </Button>
                    </Link>
                  ))}
                </>
              ),
            },
            { key: 'commitments', label: bi('告知承诺核查', 'Commitment checks'), children: <CommitmentChecks /> },
          ]}
        />
      </Card>
      <ExplainModal
        app={explaining}
        onClose={() => setExplaining(null)}
        onDone={() => {
          setExplaining(null);
          overdue.reload();
          void message.success(t('svc.supervise.published'));
        }}
      />
    </>
  );
}

function ExplainModal({ app, onClose, onDone }: { app: Application | null; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ explanation: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!app) return null;
  const ok = async () => {
    let v: { explanation: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await explainOverdue(app.id, v.explanation);
      onDone();
    } catch (e) {
      setError(applyFormErrors(form, e, ['explanation'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('svc.supervise.explainTitle', { no: app.applicationNo })} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('svc.supervise.explainHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="explanation" label={t('svc.supervise.explanation')} rules={[{ required: true, min: 10, message: t('svc.supervise.explanationMin') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
