import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { ApiOutlined, CalendarOutlined, IdcardOutlined, SolutionOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useCapabilities } from '../../capabilities.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { BRAND_BLUE } from '../../theme.ts';
import { PORTAL_TOOLS } from './tools.ts';
import { HomeSearch } from '../../../modules/catalog/portal/HomeSearch.tsx';
import { HomeCatalogEntries } from '../../../modules/catalog/portal/HomeCatalogEntries.tsx';

interface Entry {
  to: string;
  external?: boolean;
  icon: ReactNode;
  title: MessageKey;
  text: MessageKey;
}

const ICONS: Record<string, ReactNode> = { '/tools/working-days': <CalendarOutlined />, '/tools/identifier': <IdcardOutlined /> };

function EntryCard({ e }: { e: Entry }) {
  const { t } = useI18n();
  const body = (
    <Card hoverable style={{ height: '100%' }} styles={{ body: { display: 'flex', gap: 16, alignItems: 'flex-start' } }}>
      <div style={{ fontSize: 24, color: BRAND_BLUE, background: '#e8effa', borderRadius: 8, width: 48, height: 48, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {e.icon}
      </div>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={5} style={{ margin: '2px 0 6px' }}>
          {t(e.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(e.text)}</Typography.Text>
      </div>
    </Card>
  );
  return e.external ? <a href={e.to}>{body}</a> : <Link to={e.to}>{body}</Link>;
}

/** Portal home: what the platform offers today, and the ways in. */
export function PortalHome() {
  const { t, lang } = useI18n();
  const { has } = useCapabilities();
  const tools: Entry[] = PORTAL_TOOLS.filter((tool) => tool.requires.every(has)).map((tool) => ({ to: tool.path, icon: ICONS[tool.path], title: tool.title, text: tool.text }));
  const ways: Entry[] = [
    { to: '/login', icon: <SolutionOutlined />, title: 'portal.entry.applicant', text: 'portal.entry.applicantText' },
    ...(has('POST /api/auth/register') ? [{ to: '/register', icon: <UserAddOutlined />, title: 'auth.register' as const, text: 'portal.entry.registerText' as const }] : []),
    { to: '/login', icon: <TeamOutlined />, title: 'portal.entry.staff', text: 'portal.entry.staffText' },
    { to: '/api/docs', external: true, icon: <ApiOutlined />, title: 'portal.entry.api', text: 'portal.entry.apiText' },
  ];

  return (
    <>
      <section
        style={{
          background: `linear-gradient(120deg, #0f3a7d 0%, ${BRAND_BLUE} 55%, #2f7ad8 100%)`,
          color: '#fff',
          padding: '56px 24px 64px',
        }}
      >
        <div style={{ maxWidth: 1120, margin: '0 auto' }}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 'clamp(26px, 5vw, 38px)', letterSpacing: lang === 'zh' ? 2 : 0 }}>
            {t('portal.hero.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, margin: '16px 0 0', maxWidth: 720 }}>
            {t('portal.hero.text')}
          </Typography.Paragraph>
          {has('GET /api/catalog/search') && <HomeSearch />}
        </div>
      </section>
      <div style={{ maxWidth: 1120, margin: '-32px auto 0', padding: '0 16px 48px' }}>
        <HomeCatalogEntries />
        {tools.length > 0 && (
          <Card title={t('portal.tools')} style={{ marginBottom: 24 }}>
            <Row gutter={[16, 16]}>
              {tools.map((e) => (
                <Col xs={24} md={12} key={e.to}>
                  <EntryCard e={e} />
                </Col>
              ))}
            </Row>
          </Card>
        )}
        <Card title={t('portal.ways')}>
          <Row gutter={[16, 16]}>
            {ways.map((e) => (
              <Col xs={24} md={12} xl={24 / ways.length} key={e.title}>
                <EntryCard e={e} />
              </Col>
            ))}
          </Row>
        </Card>
      </div>
    </>
  );
}
