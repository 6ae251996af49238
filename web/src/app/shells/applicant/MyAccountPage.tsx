import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, IdcardOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useBilingual, useI18n } from '../../i18n/index.tsx';
import { useCapabilities } from '../../capabilities.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { maskIdentifier } from '../../format.ts';
import { IDENTIFIER } from '../../identifiers.ts';
import { PORTAL_TOOLS } from '../portal/tools.ts';


export function MyAccountPage() {
  const me = useMe();
  const { t } = useI18n();
  const pick = useBilingual();
  const { has } = useCapabilities();
  const isIdentifier = IDENTIFIER.test(me.username);
  const tools = PORTAL_TOOLS.filter((tool) => tool.requires.every(has));

  return (
    <>
      <PageHeader title={t('applicant.account.title')} description={t('applicant.account.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('applicant.account.info')} extra={<SafetyCertificateOutlined style={{ color: '#237a3b' }} />}>
            <Descriptions
              column={1}
              bordered
              size="middle"
              styles={{ label: { width: 140 } }}
              items={[
                { key: 'name', label: me.kind === 'legal' ? t('applicant.account.legalName') : t('applicant.account.personName'), children: <span data-testid="account-name">{me.displayName}</span> },
                { key: 'kind', label: t('applicant.account.kind'), children: <Tag color={me.kind === 'legal' ? 'geekblue' : 'blue'}>{t(me.kind === 'legal' ? 'kind.legal' : 'kind.person')}</Tag> },
                {
                  key: 'login',
                  label: isIdentifier ? (me.kind === 'legal' ? t('ids.uscc') : t('ids.residentId')) : t('applicant.account.login'),
                  children: (
                    <Typography.Text style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }} data-testid="account-login">
                      {isIdentifier ? maskIdentifier(me.username) : me.username}
                    </Typography.Text>
                  ),
                },
                { key: 'roles', label: t('applicant.account.roles'), children: me.roles.map((r) => <Tag key={r.role}>{pick(r.label, r.labelEn)}</Tag>) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('applicant.account.security')}>
              <Typography.Paragraph type="secondary">{t('applicant.account.securityText')}</Typography.Paragraph>
              <Link to="/my/password">
                <Button icon={<LockOutlined />} block>
                  {t('account.changePassword')}
                </Button>
              </Link>
            </Card>
            {tools.length > 0 && (
              <Card title={t('applicant.account.tools')}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {tools.map((tool) => (
                    <Link key={tool.path} to={tool.path}>
                      <Button block icon={tool.path.includes('working') ? <CalendarOutlined /> : <IdcardOutlined />} style={{ justifyContent: 'flex-start' }}>
                        {t(tool.title)}
                      </Button>
                    </Link>
                  ))}
                </Space>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
