import { Layout, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';

export function PortalFooter() {
  const { t } = useI18n();
  return (
    <Layout.Footer style={{ background: '#0f2a52', color: 'rgba(255,255,255,0.75)', textAlign: 'center', padding: '24px 16px' }}>
      <Space orientation="vertical" size={4}>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.9)' }}>{t('portal.footer.title')}</Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', fontSize: 12 }}>
          {t('portal.footer.note')} ·{' '}
          <a href="/api/docs" style={{ color: 'rgba(255,255,255,0.85)' }}>
            {t('portal.footer.api')}
          </a>
        </Typography.Text>
      </Space>
    </Layout.Footer>
  );
}
