import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n/index.tsx';
import type { LiveStatus } from './useLiveOverview.ts';

const COLOURS: Record<LiveStatus, string> = { live: '#52c41a', connecting: '#faad14', reconnecting: '#faad14', offline: '#ff4d4f' };

/** "实时" with a pulsing dot while the stream is open; "重连中" / "离线" otherwise. */
export function LiveBadge({ status, updatedAt }: { status: LiveStatus; updatedAt: Date | null }) {
  const { t } = useI18n();
  const text = status === 'live' ? t('cmd.live') : status === 'offline' ? t('cmd.offline') : t('cmd.reconnecting');
  return (
    <Tooltip title={t('cmd.liveTip', { time: updatedAt ? dayjs(updatedAt).format('HH:mm:ss') : '—' })}>
      <span data-testid="live-badge" data-status={status} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, padding: '2px 10px', borderRadius: 12, border: `1px solid ${COLOURS[status]}`, color: COLOURS[status], fontSize: 13 }}>
        <span className={status === 'live' ? 'tb-live-dot' : undefined} style={{ width: 8, height: 8, borderRadius: 4, background: COLOURS[status], display: 'inline-block' }} />
        {text}
      </span>
    </Tooltip>
  );
}
