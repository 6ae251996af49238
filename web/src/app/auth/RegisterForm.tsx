import { useState } from 'react';
import { Alert, Button, Form, Input, Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { applyFormErrors } from '../errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAuth } from './AuthProvider.tsx';

type Kind = 'person' | 'legal';

interface Values {
  kind: Kind;
  name: string;
  residentId?: string;
  uscc?: string;
  legalRepresentative?: string;
  phone: string;
  password: string;
  confirm: string;
}

const FIELDS = ['name', 'residentId', 'uscc', 'legalRepresentative', 'phone', 'password'] as const;

/** POST /api/auth/register, then signs in with the identifier and opens the applicant centre. */
export function RegisterForm() {
  const { t } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body =
      v.kind === 'person'
        ? { kind: v.kind, name: v.name.trim(), residentId: v.residentId?.trim().toUpperCase(), phone: v.phone.trim(), password: v.password }
        : { kind: v.kind, name: v.name.trim(), uscc: v.uscc?.trim().toUpperCase(), legalRepresentative: v.legalRepresentative?.trim(), phone: v.phone.trim(), password: v.password };
    try {
      const created = await api.post<{ username: string }>('/api/auth/register', body);
      await login(created.username, v.password);
      navigate('/my', { replace: true });
    } catch (e) {
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'person' }} onFinish={submit} requiredMark={false} data-testid="register-form">
      <Form.Item name="kind">
        <Segmented
          block
          options={[
            { value: 'person', label: t('register.person') },
            { value: 'legal', label: t('register.legal') },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label={kind === 'person' ? t('register.name') : t('register.orgName')} rules={required('register.required')}>
        <Input maxLength={kind === 'person' ? 50 : 100} autoComplete={kind === 'person' ? 'name' : 'organization'} />
      </Form.Item>
      {kind === 'person' ? (
        <Form.Item name="residentId" label={t('ids.residentId')} rules={required('register.required')}>
          <Input maxLength={18} placeholder={t('ids.residentIdPlaceholder')} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="uscc" label={t('ids.uscc')} rules={required('register.required')}>
            <Input maxLength={18} placeholder={t('ids.usccPlaceholder')} />
          </Form.Item>
          <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={required('register.required')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      )}
      <Form.Item name="phone" label={t('register.phone')} rules={required('register.required')}>
        <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={required('auth.passwordRequired')} extra={t('password.rules')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('register.submit')}
      </Button>
    </Form>
  );
}
