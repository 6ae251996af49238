import type { MessageKey } from '../../app/i18n/index.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { PANEL_BG, PANEL_BORDER } from '../../app/shells/command/screen.ts';
import type { Figures } from './command.api.ts';
import { percent, score } from './labels.ts';

interface Tile {
  key: string;
  label: MessageKey;
  value: string | number;
  accent?: string;
}

/** The big figures across the top of the wall. */
export function FigureTiles({ totals, keys }: { totals: Figures; keys?: string[] }) {
  const { t } = useI18n();
  const all: Tile[] = [
    { key: 'received', label: 'cmd.kpi.received', value: totals.received },
    { key: 'open', label: 'cmd.kpi.open', value: totals.open, accent: '#3fb1e3' },
    { key: 'overdue', label: 'cmd.kpi.overdue', value: totals.overdue, accent: totals.overdue > 0 ? '#ff5b4f' : '#5be3a7' },
    { key: 'closed', label: 'cmd.kpi.closed', value: totals.closed, accent: '#5be3a7' },
    { key: 'closureRate', label: 'cmd.kpi.closureRate', value: percent(totals.closureRate) },
    { key: 'onTimeRate', label: 'cmd.kpi.onTimeRate', value: percent(totals.onTimeRate), accent: '#5be3a7' },
    { key: 'reworkRate', label: 'cmd.kpi.reworkRate', value: percent(totals.reworkRate), accent: '#ffb37a' },
    { key: 'extensionRate', label: 'cmd.kpi.extensionRate', value: percent(totals.extensionRate), accent: '#ffd666' },
    { key: 'score', label: 'cmd.kpi.score', value: score(totals.score), accent: '#f5b301' },
  ];
  const tiles = keys ? all.filter((x) => keys.includes(x.key)) : all;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: 12 }}>
      {tiles.map((k) => (
        <div key={k.key} style={{ background: PANEL_BG, border: PANEL_BORDER, borderRadius: 6, padding: '10px 16px' }} data-testid={`figure-${k.key}`}>
          <div style={{ color: '#9cc3ff', fontSize: 13, whiteSpace: 'nowrap' }}>{t(k.label)}</div>
          <div className="tb-kpi-big" style={{ color: k.accent ?? '#fff' }} data-testid={`figure-${k.key}-value`}>
            {k.value}
          </div>
        </div>
      ))}
    </div>
  );
}
