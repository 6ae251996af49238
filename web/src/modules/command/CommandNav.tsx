import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';

/** Switches between the situation screen, the leader's view and the command-centre hierarchy. */
export function CommandNav() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith('/command/leader') ? '/command/leader' : pathname.startsWith('/command/centres') ? '/command/centres' : '/command';
  return (
    <Segmented
      value={value}
      onChange={(v) => navigate(String(v))}
      options={[
        { label: t('cmd.nav.screen'), value: '/command' },
        { label: t('cmd.nav.leader'), value: '/command/leader' },
        { label: t('cmd.nav.centres'), value: '/command/centres' },
      ]}
      data-testid="command-nav"
    />
  );
}
