import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { applyFormErrors } from '../../app/errors.ts';
import { validateIdentifier, type IdentifierKind, type ValidationResult } from './ids.api.ts';
import { IdentifierResult } from './IdentifierResult.tsx';

interface Values {
  kind: IdentifierKind;
  value: string;
}

const FIELDS = ['value'] as const;

/** Checks a unified social credit code (GB 32100) or a resident ID number (GB 11643) and explains what is wrong. */
export function IdentifierChecker() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'uscc';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(ValidationResult & { kind: IdentifierKind }) | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const value = v.value.trim();
    try {
      setResult({ ...(await validateIdentifier(v.kind, value)), kind: v.kind });
    } catch (e) {
      setResult(null);
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ids.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'uscc', value: '' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('kind' in changed) {
            setResult(null);
            setError(null);
          }
        }}
        requiredMark={false}
      >
        <Form.Item name="kind" label={t('ids.kind')}>
          <Segmented
            block
            options={[
              { value: 'uscc', label: t('ids.uscc') },
              { value: 'resident-id', label: t('ids.residentId') },
            ]}
            data-testid="id-kind"
          />
        </Form.Item>
        <Form.Item name="value" label={kind === 'uscc' ? t('ids.uscc') : t('ids.residentId')} rules={[{ required: true, whitespace: true, message: t('ids.valueRequired') }]}>
          <Input
            maxLength={40}
            allowClear
            placeholder={kind === 'uscc' ? t('ids.usccPlaceholder') : t('ids.residentIdPlaceholder')}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', letterSpacing: 1 }}
            data-testid="id-value"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="id-submit">
          {t('ids.submit')}
        </Button>
      </Form>
      {result && <IdentifierResult kind={result.kind} result={result} />}
    </Card>
  );
}
