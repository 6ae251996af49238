import { api } from '../../app/api.ts';
import type { OrgDetail, OrgSummary, OrgTreeNode, OrgType, Page, Person, RegionDetail, Staffing, StaffingUpdate } from './org.types.ts';

export const getOrgTree = (signal?: AbortSignal) => api.get<{ items: OrgTreeNode[] }>('/api/orgs/tree', undefined, signal);
export const getOrg = (id: number, signal?: AbortSignal) => api.get<OrgDetail>(`/api/orgs/${id}`, undefined, signal);
export const getRegion = (code: string, signal?: AbortSignal) => api.get<RegionDetail>(`/api/regions/${code}`, undefined, signal);
export const updateStaffing = (id: number, body: StaffingUpdate) => api.put<Staffing>(`/api/orgs/${id}/staffing`, body);

export const listPeople = (q: { orgId?: number; subtree?: boolean; q?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Page<Person>>('/api/people', q, signal);

/** Every organisation of a type within my scope, following the cursor. */
export async function listAllOrgs(q: { type?: OrgType; regionCode?: string }, signal?: AbortSignal): Promise<OrgSummary[]> {
  const out: OrgSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<OrgSummary>>('/api/orgs', { ...q, limit: 500, cursor }, signal);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Runs `fn` over `items` with at most `limit` requests in flight. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
