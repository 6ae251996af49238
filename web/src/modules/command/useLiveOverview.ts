import { useEffect, useRef, useState } from 'react';
import { streamUrl, type Overview } from './command.api.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The command screen's figures, live: an EventSource on /api/command/stream
 * whose `overview` events replace the figures without a reload. The browser
 * reconnects by itself after a dropped connection (the server's `retry:`);
 * when the stream is refused (signed out, server down) it is reopened here
 * with a growing delay. `version` counts updates so views can refetch
 * what depends on the figures (map density, case lists).
 */
export function useLiveOverview(q: { region?: string; from?: string; to?: string }) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [version, setVersion] = useState(0);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const key = streamUrl(q);
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let delay = 2000;
    let closed = false;
    // the previous figures stay until the new view's first event replaces them (no flash on drill-down)
    setStatus('connecting');

    const open = () => {
      if (closed) return;
      source = new EventSource(key, { withCredentials: true });
      source.onopen = () => {
        delay = 2000;
        setStatus('live');
      };
      source.addEventListener('overview', (e) => {
        try {
          setOverview(JSON.parse((e as MessageEvent<string>).data) as Overview);
          setVersion((v) => v + 1);
          setUpdatedAt(new Date());
          setStatus('live');
        } catch {
          // a malformed event is skipped; the next one replaces it
        }
      });
      source.onerror = () => {
        if (!source) return;
        if (source.readyState === EventSource.CLOSED) {
          // refused (401/403/5xx) or closed for good: reopen later ourselves
          source.close();
          source = null;
          setStatus('offline');
          timer = setTimeout(open, delay);
          delay = Math.min(delay * 2, 30_000);
        } else {
          setStatus('reconnecting');
        }
      };
    };
    open();
    const online = () => {
      if (!source && !closed) {
        if (timer) clearTimeout(timer);
        open();
      }
    };
    window.addEventListener('online', online);
    return () => {
      closed = true;
      window.removeEventListener('online', online);
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [key]);

  return { overview, status, version, updatedAt };
}
