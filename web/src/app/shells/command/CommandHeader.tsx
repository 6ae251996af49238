import { useEffect, useState } from 'react';
import { Button, Grid } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/AuthProvider.tsx';
import { can, canUseWorkbench } from '../../auth/home.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Brand } from '../../layout/Brand.tsx';
import { LangSwitch } from '../../layout/LangSwitch.tsx';
import { UserMenu } from '../../layout/UserMenu.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';

function Clock() {
  const [now, setNow] = useState(dayjs());
  useEffect(() => {
    const id = setInterval(() => setNow(dayjs()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', color: '#9cc3ff', fontSize: 15 }}>
      {now.format('YYYY-MM-DD')} <span style={{ color: '#fff', fontSize: 18, marginLeft: 6 }}>{now.format('HH:mm:ss')}</span>
    </span>
  );
}

/** Title band of the command screen. */
export function CommandHeader() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  useDocumentTitle([t('command.title')]);
  return (
    <header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        padding: '0 20px',
        height: 64,
        borderBottom: '1px solid rgba(90,150,255,0.3)',
        background: 'linear-gradient(180deg, rgba(20,60,130,0.65) 0%, rgba(6,21,46,0.2) 100%)',
      }}
    >
      <Brand dark to="/command" compact={!screens.md} />
      <div style={{ flex: 1, textAlign: 'center', minWidth: 0 }}>
        {screens.md && (
          <span style={{ fontSize: 22, fontWeight: 600, letterSpacing: 4, color: '#fff', textShadow: '0 0 12px rgba(59,140,255,0.8)' }} data-testid="command-title">
            {t('command.title')}
          </span>
        )}
      </div>
      {screens.lg && <Clock />}
      {canUseWorkbench(me) && screens.sm && (
        <Button icon={<DesktopOutlined />} onClick={() => navigate('/workbench')} data-testid="to-workbench">
          {t('workbench.section')}
        </Button>
      )}
      <LangSwitch dark />
      <UserMenu dark links={{ password: '/workbench/password', tokens: can(me, 'token:manage') ? '/workbench/tokens' : undefined }} />
    </header>
  );
}
