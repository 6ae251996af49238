import { Link } from 'react-router-dom';
import { BRAND_BLUE, BRAND_GOLD } from '../theme.ts';
import { useI18n } from '../i18n/index.tsx';

/** The platform mark and name, optionally with the shell's name after a divider. */
export function Brand({ section, to = '/', dark = false, compact = false }: { section?: string; to?: string; dark?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const fg = dark ? '#fff' : '#1f2937';
  return (
    <Link to={to} style={{ display: 'flex', alignItems: 'center', gap: 10, color: fg, textDecoration: 'none', minWidth: 0 }}>
      <svg width="30" height="30" viewBox="0 0 64 64" aria-hidden style={{ flex: 'none' }}>
        <rect width="64" height="64" rx="12" fill={dark ? '#fff' : BRAND_BLUE} />
        <path d="M16 20h32v6H35v22h-6V26H16z" fill={dark ? BRAND_BLUE : '#fff'} />
        <circle cx="48" cy="46" r="5" fill={BRAND_GOLD} />
      </svg>
      <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap' }}>{t('brand.name')}</span>
      {section && !compact && (
        <>
          <span style={{ width: 1, height: 18, background: dark ? 'rgba(255,255,255,0.4)' : '#d0d5dd' }} />
          <span style={{ fontSize: 15, color: dark ? 'rgba(255,255,255,0.85)' : '#475467', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {section}
          </span>
        </>
      )}
    </Link>
  );
}
