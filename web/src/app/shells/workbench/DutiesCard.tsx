import { Card, Col, Row, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PERMISSION_GROUPS, permissionKey } from './permissions.ts';

/** The permissions this account's roles grant, in plain words, grouped by line of business. */
export function DutiesCard() {
  const me = useMe();
  const { t } = useI18n();
  const groups = PERMISSION_GROUPS.map((g) => ({ ...g, granted: g.permissions.filter((p) => me.permissions.includes(p)) })).filter((g) => g.granted.length > 0);
  return (
    <Card title={t('workbench.duties.title')} extra={<Typography.Text type="secondary">{t('workbench.duties.note')}</Typography.Text>} data-testid="duties">
      <Row gutter={[24, 16]}>
        {groups.map((g) => (
          <Col xs={24} md={12} xl={8} key={g.title}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {t(g.title)}
            </Typography.Text>
            {g.granted.map((p) => (
              <div key={p} style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 6 }}>
                <CheckCircleOutlined style={{ color: '#237a3b', flex: 'none' }} />
                <Typography.Text>{t(permissionKey(p))}</Typography.Text>
              </div>
            ))}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
