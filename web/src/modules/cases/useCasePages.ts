import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary, Page } from './cases.api.ts';

/** A case list loaded page by page ("more"), reloaded when `key` changes or on reload(). */
export function useCasePages(load: (offset: number, signal: AbortSignal) => Promise<Page<CaseSummary>>, key: string) {
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const ctrl = useRef<AbortController | null>(null);

  const fetchPage = useCallback((offset: number) => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    loadRef.current(offset, c.signal).then(
      (page) => {
        if (c.signal.aborted) return;
        setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
        setNext(page.nextOffset);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (c.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(0);
    return () => ctrl.current?.abort();
  }, [key, tick, fetchPage]);

  return {
    items,
    loading,
    error,
    more: next !== null,
    loadMore: () => next !== null && fetchPage(next),
    reload: () => setTick((n) => n + 1),
  };
}
