import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Spin, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { applyFormErrors, errorText } from '../../app/errors.ts';
import { PortalPage } from '../../app/shells/portal/PortalPage.tsx';
import { verifyByNumber, verifyFile, type VerifyResult } from './licenses.api.ts';
import { VerdictCard } from './VerdictCard.tsx';

const FIELDS = ['licenceNo'] as const;

/** Public verification page: /verify and /verify/licence/:licenceNo (the QR code on every certificate points here). */
export function VerifyPage() {
  const { t } = useI18n();
  const { licenceNo } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ licenceNo: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);

  const run = useCallback(
    async (job: () => Promise<VerifyResult>, onError: (e: unknown) => string) => {
      setBusy(true);
      setError(null);
      try {
        setResult(await job());
      } catch (e) {
        setResult(null);
        setError(onError(e));
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  useEffect(() => {
    if (!licenceNo) return;
    form.setFieldsValue({ licenceNo });
    void run(
      () => verifyByNumber(licenceNo),
      (e) => applyFormErrors(form, e, FIELDS, t),
    );
  }, [licenceNo, form, run, t]);

  const byNumber = (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => navigate(`/verify/licence/${encodeURIComponent(v.licenceNo.trim())}`)}>
      <Form.Item name="licenceNo" label={t('licenses.verify.number')} rules={[{ required: true, whitespace: true, message: t('licenses.verify.numberRequired') }]}>
        <Input
          allowClear
          maxLength={140}
          placeholder={t('licenses.verify.numberPlaceholder')}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
          data-testid="licence-number"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="licence-verify-submit">
        {t('licenses.verify.submit')}
      </Button>
    </Form>
  );

  const byFile = (
    <Upload.Dragger
      accept=".pdf,.json,application/pdf,application/json"
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        void run(
          () => verifyFile(file),
          (e) => errorText(e, t),
        );
        return false;
      }}
      data-testid="licence-file"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('licenses.verify.drop')}</p>
      <p className="ant-upload-hint">{t('licenses.verify.dropHint')}</p>
    </Upload.Dragger>
  );

  return (
    <PortalPage title={t('licenses.verify.title')} description={t('licenses.verify.description')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Tabs
              items={[
                { key: 'number', label: t('licenses.verify.byNumber'), children: byNumber },
                { key: 'file', label: t('licenses.verify.byFile'), children: byFile },
              ]}
            />
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="licence-verify-error" />}
          </Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            <SafetyCertificateOutlined /> {t('licenses.verify.offline')}{' '}
            <a href="/.well-known/jwks.json" target="_blank" rel="noreferrer">
              {t('licenses.verify.jwks')}
            </a>
          </Typography.Paragraph>
        </Col>
        <Col xs={24} lg={14}>
          {busy && !result ? <Spin /> : result && <VerdictCard result={result} />}
        </Col>
      </Row>
    </PortalPage>
  );
}
