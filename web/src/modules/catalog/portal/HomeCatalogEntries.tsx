import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { AppstoreOutlined, AuditOutlined, FileDoneOutlined, ProfileOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { BRAND_BLUE } from '../../../app/theme.ts';

interface Entry {
  to: string;
  icon: ReactNode;
  title: MessageKey;
  text: MessageKey;
  requires: string[];
}

const ENTRIES: Entry[] = [
  { to: '/services?applicant=person', icon: <SolutionOutlined />, title: 'catalog.home.person', text: 'catalog.home.personText', requires: ['GET /api/catalog/items'] },
  { to: '/services?applicant=legal', icon: <TeamOutlined />, title: 'catalog.home.legal', text: 'catalog.home.legalText', requires: ['GET /api/catalog/items'] },
  { to: '/bundles', icon: <AppstoreOutlined />, title: 'catalog.nav.bundles', text: 'catalog.home.bundlesText', requires: ['GET /api/catalog/bundles'] },
  { to: '/lists/power', icon: <ProfileOutlined />, title: 'catalog.nav.powerList', text: 'catalog.home.powerText', requires: ['GET /api/catalog/items'] },
  { to: '/lists/proofs', icon: <FileDoneOutlined />, title: 'catalog.nav.proofs', text: 'catalog.home.proofsText', requires: ['GET /api/catalog/proofs'] },
  { to: '/lists/devolutions', icon: <AuditOutlined />, title: 'catalog.nav.devolutions', text: 'catalog.home.devolutionsText', requires: ['GET /api/catalog/devolutions'] },
];

/** The catalog's ways in on the portal home: services by applicant, bundles, the published lists. */
export function HomeCatalogEntries() {
  const { t } = useI18n();
  const { has } = useCapabilities();
  const entries = ENTRIES.filter((e) => e.requires.every(has));
  if (entries.length === 0) return null;
  return (
    <Card title={t('catalog.home.title')} style={{ marginBottom: 24 }} data-testid="home-catalog">
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col xs={12} md={8} xl={4} key={e.to}>
            <Link to={e.to}>
              <Card hoverable size="small" style={{ height: '100%', textAlign: 'center' }} styles={{ body: { padding: '18px 10px' } }}>
                <div style={{ fontSize: 28, color: BRAND_BLUE, marginBottom: 6 }}>{e.icon}</div>
                <Typography.Text strong>{t(e.title)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(e.text)}
                  </Typography.Text>
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
