import { BellOutlined, CameraOutlined, FileTextOutlined, LikeOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { ShellLayout, type NavItem } from '../../layout/ShellLayout.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Applicant centre for natural and legal persons. */
export function ApplicantShell() {
  const { t } = useI18n();
  const nav: NavItem[] = [
    { key: '/my', icon: <UserOutlined />, label: t('applicant.nav.account') },
    { key: '/my/applications', icon: <FileTextOutlined />, label: t('svc.nav.mine') },
    { key: '/my/inbox', icon: <BellOutlined />, label: t('svc.nav.inbox') },
    { key: '/my/ratings', icon: <LikeOutlined />, label: t('rating.nav.mine') },
    { key: '/my/reports', icon: <CameraOutlined />, label: t('cases.mine.title') },
    { key: '/my/licenses', icon: <SafetyCertificateOutlined />, label: t('licenses.nav.mine') },
    { key: '/my/password', icon: <LockOutlined />, label: t('account.changePassword') },
  ];
  return <ShellLayout section={t('applicant.section')} home="/my" nav={nav} links={{ password: '/my/password' }} />;
}
