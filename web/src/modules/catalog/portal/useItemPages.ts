import { useEffect, useState } from 'react';
import type { Page } from '../catalog.types.ts';

/** A cursor-paged list: the first page whenever `key` changes, more on request. */
export function useItemPages<T>(load: (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>, key: string) {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    load(undefined, ctrl.signal).then(
      (p) => {
        if (ctrl.signal.aborted) return;
        setRows(p.items);
        setCursor(p.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [key, tick]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const p = await load(cursor);
      setRows((r) => [...r, ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return { rows, hasMore: cursor !== null, loading, error, more, reload: () => setTick((n) => n + 1) };
}
