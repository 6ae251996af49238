import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../../app/auth/AuthProvider.tsx';
import { can } from '../../../app/auth/home.ts';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { applyFormErrors } from '../../../app/errors.ts';
import { formatInstant } from '../../../app/format.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listImports, uploadImport } from '../catalog.api.ts';
import type { ImportSummary } from '../catalog.types.ts';
import { ImportStateTag } from './ImportStateTag.tsx';

interface Values {
  regionCode: string;
  createMissingOrgs: boolean;
}

/** Upload a power or service list (xlsx, CSV, JSON) for a preview; earlier batches below. */
export function ImportPage() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const batches = useRemote((signal) => listImports({ limit: 20 }, signal), []);
  const region = me.roles.find((r) => r.role === 'staffing_officer' && r.regionCode)?.regionCode ?? me.roles.find((r) => r.regionCode)?.regionCode ?? '';

  const upload = async () => {
    const v = await form.validateFields();
    if (!file) {
      setError(t('catalog.import.fileRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const preview = await uploadImport(file, { regionCode: v.regionCode.trim(), createMissingOrgs: !!v.createMissingOrgs });
      navigate(`/workbench/catalog/imports/${preview.id}`);
    } catch (e) {
      setError(applyFormErrors(form, e, ['regionCode'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('catalog.wb.imports')} description={t('catalog.import.description')} />
      <Card title={t('catalog.import.upload')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" initialValues={{ regionCode: region, createMissingOrgs: false }} data-testid="import-form">
          <Upload.Dragger
            accept=".xlsx,.csv,.json"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('catalog.import.drop')}</p>
            <p className="ant-upload-hint">{t('catalog.import.hint')}</p>
          </Upload.Dragger>
          <Row gutter={12} style={{ marginTop: 16 }}>
            <Col xs={24} md={8}>
              <Form.Item
                name="regionCode"
                label={t('catalog.import.region')}
                extra={t('catalog.import.regionHelp')}
                rules={[{ required: true, pattern: /^\d{6}(\d{3}){0,2}$/, message: t('catalog.import.regionInvalid') }]}
              >
                <Input maxLength={12} data-testid="import-region" />
              </Form.Item>
            </Col>
            {can(me, 'org:manage') && (
              <Col xs={24} md={16}>
                <Form.Item name="createMissingOrgs" valuePropName="checked" label=" " extra={t('catalog.import.createOrgsHelp')}>
                  <Checkbox>{t('catalog.import.createOrgs')}</Checkbox>
                </Form.Item>
              </Col>
            )}
          </Row>
          {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="import-error" />}
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => void upload().catch(() => undefined)} data-testid="import-upload">
            {t('catalog.import.preview')}
          </Button>
        </Form>
      </Card>
      <Card title={t('catalog.import.batches')} styles={{ body: { padding: 0 } }}>
        {batches.error ? (
          <LoadError error={batches.error} onRetry={batches.reload} />
        ) : (
          <Table<ImportSummary>
            rowKey="id"
            size="middle"
            loading={batches.loading}
            dataSource={batches.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('catalog.import.noBatches') }}
            columns={[
              { title: t('catalog.import.file'), dataIndex: 'fileName', render: (v: string, b) => <Link to={`/workbench/catalog/imports/${b.id}`}>{v}</Link> },
              { title: t('catalog.import.state'), dataIndex: 'state', width: 100, render: (_: string, b) => <ImportStateTag batch={b} /> },
              { title: t('catalog.import.rows'), dataIndex: 'totalRows', width: 80, align: 'right' },
              {
                title: t('catalog.import.errors'),
                dataIndex: 'errorCount',
                width: 80,
                align: 'right',
                render: (n: number) => (n ? <Tag color="red">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
              },
              { title: t('catalog.import.region'), dataIndex: 'regionName', width: 100 },
              { title: t('catalog.import.uploadedAt'), dataIndex: 'createdAt', width: 150, render: (v: string | null) => (v ? formatInstant(v) : '—') },
              { title: t('catalog.version.approvalDocNo'), dataIndex: 'approvalDocNo', render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
