import { Button } from 'antd';
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/AuthProvider.tsx';
import { can, canUseCommandScreen } from '../../auth/home.ts';
import { useCapabilities } from '../../capabilities.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ShellLayout } from '../../layout/ShellLayout.tsx';
import { workbenchNav } from './nav.tsx';
import { commandScreenAvailable } from '../command/available.ts';

/** The staff workbench: navigation by permission and by what the server offers. */
export function WorkbenchShell() {
  const me = useMe();
  const { t } = useI18n();
  const { has } = useCapabilities();
  const navigate = useNavigate();
  const command = canUseCommandScreen(me) && commandScreenAvailable(has);
  return (
    <ShellLayout
      section={t('workbench.section')}
      home="/workbench"
      nav={workbenchNav(me, has, t)}
      links={{ password: '/workbench/password', tokens: can(me, 'token:manage') ? '/workbench/tokens' : undefined }}
      actions={
        command && (
          <Button icon={<FundProjectionScreenOutlined />} onClick={() => navigate('/command')} data-testid="to-command">
            {t('command.open')}
          </Button>
        )
      }
    />
  );
}
