import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { RegisterForm } from './RegisterForm.tsx';

/** Applicant self-registration (natural or legal person), inside the portal. */
export function RegisterPage() {
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: '32px 16px 48px' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('register.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('register.subtitle')}</Typography.Paragraph>
        <RegisterForm />
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          {t('register.haveAccount')} <Link to="/login">{t('auth.login')}</Link>
        </div>
      </Card>
    </div>
  );
}
