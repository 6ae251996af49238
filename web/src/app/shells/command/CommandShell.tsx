import { ConfigProvider, theme as antdTheme } from 'antd';
import { Navigate, Outlet } from 'react-router-dom';
import { useCapabilities } from '../../capabilities.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { theme } from '../../theme.ts';
import { commandScreenAvailable } from './available.ts';
import { CommandHeader } from './CommandHeader.tsx';
import { PANEL_BG, SCREEN_BG } from './screen.ts';

/** The large-screen command centre: dark theme, full width, no side menu. */
export function CommandShell() {
  const { ready, has } = useCapabilities();
  if (!ready) return <FullPageSpin />;
  if (!commandScreenAvailable(has)) return <Navigate to="/workbench" replace />;
  return (
    <ConfigProvider
      theme={{
        ...theme,
        algorithm: antdTheme.darkAlgorithm,
        token: { ...theme.token, colorBgContainer: PANEL_BG, colorBgLayout: SCREEN_BG, colorBorderSecondary: 'rgba(90,150,255,0.18)', colorPrimary: '#3b8cff' },
        components: { Table: { headerBg: 'rgba(30, 70, 140, 0.45)', rowHoverBg: 'rgba(59, 140, 255, 0.12)' } },
      }}
    >
      <div style={{ minHeight: '100vh', background: `radial-gradient(ellipse at top, #0d2a5c 0%, ${SCREEN_BG} 60%)`, color: '#e6f0ff' }}>
        <CommandHeader />
        <main style={{ padding: '16px 20px 24px' }}>
          <Outlet />
        </main>
      </div>
    </ConfigProvider>
  );
}
