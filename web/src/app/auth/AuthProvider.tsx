import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, onUnauthorized, setCsrfToken } from '../api.ts';
import type { Me } from './types.ts';

interface Auth {
  /** undefined while the session is being checked, null when signed out. */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    setMe(m);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<Me>('/api/me'));
    } catch (e) {
      if (isApiError(e) && (e.status === 401 || e.status === 403)) accept(null);
      else {
        accept(null);
        throw e;
      }
    }
  }, [accept]);

  useEffect(() => {
    refresh().catch(() => undefined);
    return onUnauthorized(() => accept(null));
  }, [refresh, accept]);

  const login = useCallback(
    async (username: string, password: string) => {
      const m = await api.post<Me>('/api/auth/login', { username, password });
      accept(m);
      return m;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      accept(null);
    }
  }, [accept]);

  const value = useMemo<Auth>(() => ({ me, login, logout, refresh }), [me, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in account inside a guarded shell. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside a signed-in shell');
  return me;
}
