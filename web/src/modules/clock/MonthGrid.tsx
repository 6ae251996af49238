import { Tooltip } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import type { CalendarDay } from './clock.api.ts';

const STYLE: Record<CalendarDay['kind'], { bg: string; fg: string; border?: string }> = {
  workday: { bg: '#ffffff', fg: '#1f2937' },
  weekend: { bg: '#f2f4f7', fg: '#98a2b3' },
  holiday: { bg: '#fde8e7', fg: '#b42318' },
  makeup: { bg: '#fff6e0', fg: '#b54708', border: '#f5b301' },
};

/** One month as a Monday-first grid, each day coloured by kind. */
export function MonthGrid({ month, days }: { month: number; days: CalendarDay[] }) {
  const { t, lang } = useI18n();
  const lead = (days[0].weekday + 6) % 7;
  const heads = lang === 'en' ? ['M', 'T', 'W', 'T', 'F', 'S', 'S'] : ['一', '二', '三', '四', '五', '六', '日'];
  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{lang === 'en' ? new Date(2000, month - 1, 1).toLocaleString('en', { month: 'long' }) : `${month}月`}</div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
        {heads.map((h, i) => (
          <div key={`h${i}`} style={{ color: '#98a2b3' }}>
            {h}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`b${i}`} />
        ))}
        {days.map((d) => {
          const s = STYLE[d.kind];
          const cell = (
            <div
              style={{
                background: s.bg,
                color: s.fg,
                border: `1px solid ${s.border ?? 'transparent'}`,
                borderRadius: 3,
                lineHeight: '22px',
                position: 'relative',
                fontWeight: d.kind === 'holiday' || d.kind === 'makeup' ? 600 : 400,
              }}
            >
              {Number(d.date.slice(8))}
            </div>
          );
          return d.name || d.kind === 'makeup' ? (
            <Tooltip key={d.date} title={`${d.name ?? ''} ${d.kind === 'makeup' ? t('clock.kind.makeup') : t('clock.kind.holiday')}`}>
              {cell}
            </Tooltip>
          ) : (
            <div key={d.date}>{cell}</div>
          );
        })}
      </div>
    </div>
  );
}
