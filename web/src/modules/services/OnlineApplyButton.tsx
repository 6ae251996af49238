import { Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useAuth } from '../../app/auth/AuthProvider.tsx';

/** 在线办理 / 在线申办: opens the application wizard for an item or a bundle (signing in first if needed). */
export function OnlineApplyButton({ itemId, bundleCode, block }: { itemId?: number; bundleCode?: string; block?: boolean }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const to = bundleCode ? `/my/apply?bundle=${encodeURIComponent(bundleCode)}` : `/my/apply?item=${itemId}`;
  const label = me ? t(bundleCode ? 'svc.online.applyBundle' : 'svc.online.apply') : t('svc.online.signIn');
  return (
    <Link to={to} data-testid={bundleCode ? 'bundle-apply' : 'guide-apply'} style={block ? { display: 'block' } : undefined}>
      <Button type="primary" size="large" icon={<SendOutlined />} block={block}>
        {label}
      </Button>
    </Link>
  );
}
