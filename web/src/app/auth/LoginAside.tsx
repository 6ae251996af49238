import { Typography } from 'antd';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Brand } from '../layout/Brand.tsx';
import { BRAND_BLUE } from '../theme.ts';

const POINTS: MessageKey[] = ['auth.aside.1', 'auth.aside.2', 'auth.aside.3'];

/** The left panel of the sign-in page on wide screens. */
export function LoginAside() {
  const { t, lang } = useI18n();
  return (
    <div
      style={{
        width: '42%',
        maxWidth: 620,
        background: `linear-gradient(160deg, #0f3a7d 0%, ${BRAND_BLUE} 60%, #2f7ad8 100%)`,
        color: '#fff',
        padding: '28px 48px',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Brand dark />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: lang === 'zh' ? 2 : 0 }}>
          {t('portal.hero.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 15, marginTop: 16 }}>{t('auth.aside.lead')}</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20, margin: '8px 0 0', color: 'rgba(255,255,255,0.85)', lineHeight: 2 }}>
          {POINTS.map((p) => (
            <li key={p}>{t(p)}</li>
          ))}
        </ul>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>{t('portal.footer.title')}</Typography.Text>
    </div>
  );
}
