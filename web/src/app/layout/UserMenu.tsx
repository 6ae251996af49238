import { App, Avatar, Dropdown, Grid, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../auth/AuthProvider.tsx';
import { useBilingual, useI18n } from '../i18n/index.tsx';
import { errorText } from '../errors.ts';

export interface UserMenuLinks {
  password: string;
  tokens?: string;
}

/** Avatar, name and primary role; the dropdown offers account settings and sign-out. */
export function UserMenu({ links, dark = false }: { links: UserMenuLinks; dark?: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const pick = useBilingual();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const role = me.roles[0];

  const items: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined />, label: t('account.changePassword'), onClick: () => navigate(links.password) },
    ...(links.tokens ? [{ key: 'tokens', icon: <KeyOutlined />, label: t('tokens.title'), onClick: () => navigate(links.tokens as string) }] : []),
    { type: 'divider' as const },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('auth.logout'),
      danger: true,
      onClick: () =>
        logout().then(
          () => navigate('/login', { replace: true }),
          (e: unknown) => message.error(errorText(e, t)),
        ),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <div
        role="button"
        tabIndex={0}
        style={{ cursor: 'pointer', padding: '0 4px', height: 56, display: 'flex', alignItems: 'center', gap: 8, lineHeight: 'normal' }}
        data-testid="user-menu"
      >
        <Avatar size={30} icon={<UserOutlined />} style={{ flex: 'none', background: dark ? 'rgba(255,255,255,0.2)' : '#e8effa', color: dark ? '#fff' : '#1554ad' }} />
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', minWidth: 0 }}>
          <Typography.Text strong style={{ color: dark ? '#fff' : undefined, maxWidth: 120, lineHeight: '20px' }} ellipsis data-testid="display-name">
            {me.displayName}
          </Typography.Text>
          {screens.sm && role && (
            <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: '16px', color: dark ? 'rgba(255,255,255,0.65)' : undefined }}>
              {pick(role.label, role.labelEn)}
            </Typography.Text>
          )}
        </div>
        <DownOutlined style={{ fontSize: 10, color: dark ? 'rgba(255,255,255,0.65)' : '#98a2b3' }} />
      </div>
    </Dropdown>
  );
}
