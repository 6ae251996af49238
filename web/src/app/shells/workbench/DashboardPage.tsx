import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useCapabilities } from '../../capabilities.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { BRAND_BLUE } from '../../theme.ts';
import { pageAllowed, WORKBENCH_PAGES } from './nav.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';
import { DutiesCard } from './DutiesCard.tsx';
import { ScopeFigures } from '../../../modules/org/ScopeFigures.tsx';

/** What this account's roles cover, and the workbench pages it can open. */
export function DashboardPage() {
  const me = useMe();
  const { t } = useI18n();
  const { has } = useCapabilities();
  const pages = WORKBENCH_PAGES.filter((p) => p.group === 'work' && pageAllowed(p, me, has));
  const orgs = pages.some((p) => p.path === '/workbench/orgs');

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomeCard />
      </Col>
      {orgs && (
        <Col span={24}>
          <ScopeFigures />
        </Col>
      )}
      {pages.length > 0 && (
        <Col span={24}>
          <Card title={t('workbench.dashboard.entries')}>
            <Row gutter={[16, 16]}>
              {pages.map((p) => (
                <Col xs={24} sm={12} xl={6} key={p.path}>
                  <Link to={p.path} data-testid={`entry-${p.path.split('/').pop()}`}>
                    <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { display: 'flex', gap: 12, alignItems: 'flex-start', padding: 16 } }}>
                      <span style={{ fontSize: 22, color: BRAND_BLUE, background: '#e8effa', borderRadius: 8, width: 42, height: 42, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                        {p.icon}
                      </span>
                      <span style={{ minWidth: 0 }}>
                        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                          {t(p.label)}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t(p.description)}
                        </Typography.Text>
                      </span>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      )}
      <Col span={24}>
        <DutiesCard />
      </Col>
    </Row>
  );
}
