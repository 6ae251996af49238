import { Card } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('account.changePassword')} description={t('password.description')} />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
