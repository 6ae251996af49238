import { useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { LoginOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Brand } from '../../layout/Brand.tsx';
import { LangSwitch } from '../../layout/LangSwitch.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { homeFor } from '../../auth/home.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PortalFooter } from './PortalFooter.tsx';
import { PORTAL_TOOLS } from './tools.ts';
import { PORTAL_SECTIONS } from './sections.ts';
import { useCapabilities } from '../../capabilities.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';

/** The public portal: top navigation, no sign-in needed. */
export function PortalLayout() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);

  const { has } = useCapabilities();
  const sections = PORTAL_SECTIONS.filter((s) => s.requires.every(has)).map((s) => {
    const children = s.children?.filter((c) => c.requires.every(has)).map((c) => ({ key: c.path, label: t(c.label) }));
    return children ? { key: s.path, label: t(s.nav), children } : { key: s.path, label: t(s.nav) };
  });
  const items: { key: string; label: string; children?: { key: string; label: string }[] }[] = [
    { key: '/', label: t('portal.nav.home') },
    ...sections,
    ...PORTAL_TOOLS.filter((tool) => tool.requires.every(has)).map((tool) => ({ key: tool.path, label: t(tool.nav) })),
  ];
  const leaves = items.flatMap((i) => [i, ...(i.children ?? [])]);
  useDocumentTitle([leaves.find((i) => i.key !== '/' && pathname.startsWith(i.key))?.label ?? t('portal.section')]);
  const selected = leaves.filter((i) => (i.key === '/' ? pathname === '/' : pathname.startsWith(i.key))).map((i) => i.key);
  const go = ({ key }: { key: string }) => {
    navigate(key);
    setDrawer(false);
  };

  const account = me ? (
    <Button type="primary" icon={<UserOutlined />} onClick={() => navigate(homeFor(me))} data-testid="portal-home-link">
      {mobile ? t('portal.mine') : t('portal.enter', { name: me.displayName })}
    </Button>
  ) : (
    <Link to="/login">
      <Button type="primary" icon={<LoginOutlined />} data-testid="portal-login">
        {t('auth.login')}
      </Button>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #e6e9ef', position: 'sticky', top: 0, zIndex: 20, padding: mobile ? '0 12px' : '0 32px' }}>
        {mobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('nav.openMenu')} />}
        <Brand section={t('portal.section')} compact={mobile} />
        {!mobile && <Menu mode="horizontal" items={items} selectedKeys={selected} onClick={go} style={{ flex: 1, minWidth: 0, borderBottom: 'none', marginLeft: 24 }} />}
        {mobile && <div style={{ flex: 1 }} />}
        <LangSwitch />
        {account}
      </Layout.Header>
      {mobile && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('portal.section')} styles={{ body: { padding: 0 } }}>
          <Menu mode="inline" items={items} selectedKeys={selected} onClick={go} style={{ borderInlineEnd: 'none' }} />
        </Drawer>
      )}
      <Layout.Content>
        <Outlet />
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
