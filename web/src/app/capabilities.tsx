import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api.ts';

/**
 * Which API operations this server offers, read from its OpenAPI document.
 * Shells show a page only when the endpoints behind it exist.
 */
interface Capabilities {
  ready: boolean;
  has(operation: string): boolean;
}

const CapabilitiesContext = createContext<Capabilities>({ ready: false, has: () => false });

interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
}

/** "GET /api/orgs/:id" → "get /api/orgs/{}" */
const normalise = (op: string) => {
  const [method, path] = op.trim().split(/\s+/);
  return `${method.toLowerCase()} ${path.replace(/:\w+|\{\w+\}/g, '{}')}`;
};

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const [ops, setOps] = useState<Set<string> | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<OpenApiDoc>('/api/openapi.json')
      .then((doc) => {
        const set = new Set<string>();
        for (const [path, methods] of Object.entries(doc.paths ?? {})) for (const m of Object.keys(methods)) set.add(normalise(`${m} ${path}`));
        if (live) setOps(set);
      })
      .catch(() => live && setOps(new Set()));
    return () => {
      live = false;
    };
  }, []);
  const value = useMemo<Capabilities>(() => ({ ready: ops !== null, has: (op) => !!ops?.has(normalise(op)) }), [ops]);
  return <CapabilitiesContext.Provider value={value}>{children}</CapabilitiesContext.Provider>;
}

export const useCapabilities = () => useContext(CapabilitiesContext);
