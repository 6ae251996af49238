import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api.ts';
import { errorText } from '../../../app/errors.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import { PortalPage } from '../../../app/shells/portal/PortalPage.tsx';

interface NoticeCheck {
  valid: boolean;
  number: string;
  kind: string;
  title: string;
  applicationNo: string;
  itemName: string;
  handlingOrg: string;
  issuedAt: string;
  state: string;
  stateLabel: { zh: string; en: string };
}

/**
 * Public check of a receipt or notice (受理回执、补正告知书、决定书…): /verify/notice/:number,
 * where the QR code on every printed notice points. Shows what the platform
 * issued under that number — never the applicant's personal data.
 */
export function NoticeVerifyPage() {
  const { number } = useParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const bi = useBilingual();
  const [result, setResult] = useState<NoticeCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!number) return;
    let live = true;
    setBusy(true);
    setError(null);
    api
      .get<NoticeCheck>(`/api/notices/${encodeURIComponent(number)}/verify`)
      .then((r) => live && setResult(r))
      .catch((e: unknown) => {
        if (!live) return;
        setResult(null);
        setError(errorText(e, t));
      })
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [number, t]);

  return (
    <PortalPage
      title={bi('文书核验', 'Check a notice')}
      description={bi('核验受理回执、补正告知书、决定书等文书是否由本平台出具。扫描文书上的二维码或输入文书编号。', 'Check that a receipt, correction notice or decision was issued by this platform: scan its QR code or enter its number.')}
    >
      <Card style={{ maxWidth: 720 }}>
        <Form layout="inline" initialValues={{ number }} onFinish={(v: { number: string }) => navigate(`/verify/notice/${encodeURIComponent(v.number.trim())}`)}>
          <Form.Item name="number" rules={[{ required: true, whitespace: true, message: bi('请输入文书编号', 'Enter the notice number') }]} style={{ flex: 1 }}>
            <Input allowClear maxLength={80} placeholder={bi('文书编号', 'Notice number')} data-testid="notice-number" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-verify-submit">
            {bi('核验', 'Check')}
          </Button>
        </Form>
        <div style={{ marginTop: 24 }} data-testid="notice-verdict">
          {busy && <Spin />}
          {!busy && error && <Alert type="error" showIcon message={bi('未找到该编号的文书，请核对编号或向出具单位核实', 'No notice has this number: check it, or ask the issuing office')} description={error} />}
          {!busy && result && (
            <Result
              status="success"
              title={bi(`本平台出具的${result.title}`, `A ${result.title} issued by this platform`)}
              subTitle={result.number}
              extra={
                <Descriptions column={1} size="small" bordered style={{ textAlign: 'left' }}>
                  <Descriptions.Item label={bi('办件编号', 'Application number')}>{result.applicationNo}</Descriptions.Item>
                  <Descriptions.Item label={bi('事项', 'Matter')}>{result.itemName}</Descriptions.Item>
                  <Descriptions.Item label={bi('办理单位', 'Handled by')}>{result.handlingOrg}</Descriptions.Item>
                  <Descriptions.Item label={bi('出具时间', 'Issued')}>{formatInstant(result.issuedAt)}</Descriptions.Item>
                  <Descriptions.Item label={bi('办件当前状态', 'Current state')}>{bi(result.stateLabel.zh, result.stateLabel.en)}</Descriptions.Item>
                </Descriptions>
              }
            />
          )}
        </div>
      </Card>
    </PortalPage>
  );
}
