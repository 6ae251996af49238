import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { PANEL_BG, PANEL_BORDER } from './screen.ts';

export interface Kpi {
  label: MessageKey;
  value: number | string;
  accent?: string;
}

/** The figures across the top of the command screen, in equal columns. */
export function KpiTiles({ items }: { items: Kpi[] }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 16 }}>
      {items.map((k) => (
        <div key={k.label} style={{ background: PANEL_BG, border: PANEL_BORDER, borderRadius: 6, padding: '14px 18px' }} data-testid={`kpi-${k.label}`}>
          <div style={{ color: '#9cc3ff', fontSize: 13 }}>{t(k.label)}</div>
          <div style={{ fontSize: 30, fontWeight: 600, color: k.accent ?? '#fff', fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }}>{k.value}</div>
        </div>
      ))}
    </div>
  );
}
