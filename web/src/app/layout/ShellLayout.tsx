import { useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Brand } from './Brand.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { UserMenu, type UserMenuLinks } from './UserMenu.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

export interface NavItem {
  key: string;
  icon?: ReactNode;
  label: string;
  /** Items with children render as a group. */
  children?: NavItem[];
}

interface Props {
  section: string;
  home: string;
  nav: NavItem[];
  links: UserMenuLinks;
  /** Extra header actions (e.g. the switch to the command screen). */
  actions?: ReactNode;
}

/** The key of the deepest nav item whose path is a prefix of the location. */
function selectedKey(nav: NavItem[], pathname: string): string | undefined {
  const keys = nav.flatMap((n) => (n.children ? n.children.map((c) => c.key) : [n.key]));
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}

const toMenu = (nav: NavItem[]): MenuProps['items'] =>
  nav.map((n) => (n.children ? { type: 'group' as const, key: n.key, label: n.label, children: toMenu(n.children) } : { key: n.key, icon: n.icon, label: n.label }));

/** Applicant centre and staff workbench: header, collapsible side menu (a drawer on phones), content. */
export function ShellLayout({ section, home, nav, links, actions }: Props) {
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { t } = useI18n();
  const selected = selectedKey(nav, pathname);
  const current = nav.flatMap((n) => n.children ?? [n]).find((n) => n.key === selected);
  useDocumentTitle(current ? [current.label, section] : [section]);

  const menu = (
    <Menu
      mode="inline"
      items={toMenu(nav)}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        setDrawer(false);
      }}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      data-testid="shell-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #e6e9ef', position: 'sticky', top: 0, zIndex: 20, padding: mobile ? '0 12px' : undefined }}
      >
        {mobile ? (
          <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('nav.openMenu')} data-testid="menu-toggle" />
        ) : (
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={t('nav.toggleMenu')}
          />
        )}
        <Brand section={section} to={home} compact={mobile} />
        <div style={{ flex: 1 }} />
        {!mobile && actions}
        <LangSwitch />
        <UserMenu links={links} />
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={216} collapsible collapsed={collapsed} trigger={null} style={{ borderInlineEnd: '1px solid #e6e9ef' }}>
            <div style={{ position: 'sticky', top: 56 }}>{menu}</div>
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={section} styles={{ body: { padding: 0 } }}>
            {menu}
            {actions && <div style={{ padding: 16 }}>{actions}</div>}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
