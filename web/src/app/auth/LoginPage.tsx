import { useState } from 'react';
import { Alert, Button, Card, Form, Grid, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './AuthProvider.tsx';
import { homeFor } from './home.ts';
import { useI18n } from '../i18n/index.tsx';
import { applyFormErrors } from '../errors.ts';
import { Brand } from '../layout/Brand.tsx';
import { LangSwitch } from '../layout/LangSwitch.tsx';
import { LoginAside } from './LoginAside.tsx';
import { useCapabilities } from '../capabilities.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

interface Values {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

export function LoginPage() {
  const { me, login } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { has } = useCapabilities();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle([t('auth.title')]);
  const from = (location.state as { from?: string } | null)?.from;

  if (me && !busy) return <Navigate to={from ?? homeFor(me)} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const m = await login(v.username.trim(), v.password);
      navigate(from ?? homeFor(m), { replace: true });
    } catch (e) {
      setError(applyFormErrors(form, e, FIELDS, t));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: '#f3f5f9' }}>
      {screens.lg && <LoginAside />}
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '12px 20px' }}>
          {screens.lg ? <span /> : <Brand />}
          <LangSwitch />
        </div>
        <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
          <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: screens.sm ? 32 : 20 } }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('auth.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
              {t('auth.subtitle')}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" data-testid="login-form">
              <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
                <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('auth.usernamePlaceholder')} autoFocus />
              </Form.Item>
              <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('auth.passwordPlaceholder')} />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Form>
            <div style={{ marginTop: 20, display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' }}>
              <Link to="/">{t('auth.backToPortal')}</Link>
              {has('POST /api/auth/register') && (
                <span>
                  {t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link>
                </span>
              )}
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
