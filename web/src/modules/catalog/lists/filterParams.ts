import type { ItemFilter } from './ItemFilterBar.tsx';

const KEYS = ['q', 'type', 'kind', 'level', 'status', 'lifeEvent', 'applicantKind'] as const;

/** The list filters from the address bar (so a filtered list can be linked to). `kind=all` means both kinds. */
export function filterFromParams(params: URLSearchParams): ItemFilter {
  const f: Record<string, string> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  if (f.kind === 'all') delete f.kind;
  return f as ItemFilter;
}

/** The address-bar form of list filters; a filter without a kind is written `kind=all`. */
export function paramsFromFilter(f: ItemFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEYS) {
    const v = f[k];
    if (v) out[k] = String(v);
  }
  if (!f.kind) out.kind = 'all';
  return out;
}
