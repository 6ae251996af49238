/** Client of the case-loop API (server/src/modules/cases, grids) and its response types. */
import { api } from '../../app/api.ts';

export type Bilingual = { zh: string; en: string };
export type CaseKind = 'event' | 'asset' | 'hotline' | 'complaint';
export type HotlineKind = 'consult' | 'help' | 'complaint' | 'report' | 'suggest';
export type Urgency = 'normal' | 'urgent' | 'emergency';
export type CaseState = 'reported' | 'filed' | 'dispatched' | 'signed' | 'returned' | 'arbitration' | 'handled' | 'reviewed' | 'closed' | 'evaluated' | 'invalid' | 'merged';

export const HOTLINE_KINDS: HotlineKind[] = ['complaint', 'report', 'help', 'consult', 'suggest'];
export const URGENCIES: Urgency[] = ['normal', 'urgent', 'emergency'];

export interface Category {
  id: number;
  code: string;
  kind: 'asset' | 'event' | 'hotline' | 'complaint';
  className: string;
  name: string;
  filingConditions: string;
  closingConditions: string;
  limitAmount: number;
  limitUnit: 'working_days' | 'working_hours';
  defaultUrgency: Urgency;
  dutyMatterCode: string | null;
  hotlineKind: HotlineKind | null;
  callScript: string | null;
  active: boolean;
}

export interface RouteUnit {
  orgId: number;
  name: string;
  kind: 'department' | 'town';
}

export interface Routing {
  status: 'routed' | 'unroutable';
  reason: ({ code: string } & Bilingual) | null;
  suggestion: {
    lead: RouteUnit;
    supporting: RouteUnit[];
    reason: Bilingual & { basis: string; matterName: string; keptWithDepartment: boolean };
  } | null;
  limitBasis?: string;
}

export interface Duplicate {
  id: number;
  caseNo: string;
  distanceMetres: number;
  hoursApart: number;
}

export interface CaseAction {
  action: string;
  label: Bilingual;
  requires: string[];
}

export interface TraceEntry {
  action: string;
  label: Bilingual;
  from: string | null;
  to: string;
  by: string;
  at: string;
  note: string | null;
  where: { lng: number; lat: number } | null;
  data: Record<string, unknown>;
}

/** The staff view of a case (GET /api/cases, queues). */
export interface CaseSummary {
  id: number;
  caseNo: string;
  kind: CaseKind;
  source: string;
  state: CaseState;
  stateLabel: Bilingual;
  version: number;
  category: { id: number; code: string; name: string; className: string };
  limit: { amount: number; unit: string };
  title: string | null;
  description: string;
  location: { lng: number | null; lat: number | null; address: string | null };
  grid: { id: string; code: string; name: string } | null;
  townRegionCode: string | null;
  regionCode: string;
  requester: { kind: string; accountId: number | null; name: string | null; phone: string | null; uscc: string | null };
  hotlineKind: HotlineKind | null;
  hotlineKindLabel: Bilingual | null;
  urgency: Urgency;
  routing: Routing | null;
  leadOrg: { id: number; name: string } | null;
  supportingOrgIds: number[];
  returnedOrgIds: number[];
  escalation: { level: number; centre: Bilingual };
  reworkCount: number;
  extensionCount: number;
  urgeCount: number;
  pendingExtension: { amount: number; unit: string; reason: string; by: string; at: string } | null;
  dueAt: string | null;
  overdue: boolean;
  firstDispatchedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  satisfaction: 'satisfied' | 'unsatisfied' | null;
  evaluationScore: number | null;
  mergedInto: number | null;
  reportedAt: string;
  updatedAt: string;
}

/** GET /api/cases/:id for staff: the summary with photos, trace, duplicates and my actions. */
export interface CaseDetail extends CaseSummary {
  photos: { fileId: string; stage: 'report' | 'feedback' | 'verify'; at: string }[];
  trace: TraceEntry[];
  possibleDuplicates: Duplicate[];
  actions: CaseAction[];
}

/** What a requester sees (their own report). */
export interface RequesterView {
  id?: number;
  caseNo: string;
  state: string;
  stateLabel: Bilingual;
  category: { code: string; name: string };
  reportedAt: string;
  description?: string;
  address?: string | null;
  closedAt?: string | null;
  satisfaction?: 'satisfied' | 'unsatisfied' | null;
}

export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

export interface Located {
  gridId: string;
  code: string;
  name: string;
  level: number;
  townRegionCode: string;
  path: { id: string; code: string; name: string; level: number }[];
}

export interface GridFeature {
  type: 'Feature';
  id: number | string;
  properties: { code: string; name: string; level: number; parent: string | null; town: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export interface OrgOption {
  id: number;
  name: string;
  shortName?: string | null;
  type: string;
  regionCode: string;
}

export interface Notice {
  id: number;
  kind: string;
  title: string;
  titleEn: string | null;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ReportBody {
  categoryCode: string;
  description: string;
  title?: string;
  urgency?: Urgency;
  photoFileIds?: string[];
  lng?: number;
  lat?: number;
  address?: string;
  townRegionCode?: string;
}

export type ActionBody = Partial<{
  note: string;
  reason: string;
  orgId: number;
  amount: number;
  result: string;
  passed: boolean;
  approved: boolean;
  satisfaction: 'satisfied' | 'unsatisfied';
  confirmed: boolean;
  score: number;
  masterId: number;
  photoFileIds: string[];
  lng: number;
  lat: number;
}> & { version: number };

type ListQuery = { state?: string; kind?: string; source?: string; q?: string; offset?: number; limit?: number };

export const casesApi = {
  categories: (kind?: string, signal?: AbortSignal) => api.get<{ items: Category[] }>('/api/cases/categories', { kind }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${id}`, undefined, signal),
  list: (q: ListQuery, signal?: AbortSignal) => api.get<Page<CaseSummary>>('/api/cases', q, signal),
  queue: (q: ListQuery, signal?: AbortSignal) => api.get<Page<CaseSummary>>('/api/cases/queue', q, signal),
  mine: (q: ListQuery, signal?: AbortSignal) => api.get<Page<CaseSummary>>('/api/cases/mine', q, signal),
  grid: (q: ListQuery & { mine?: boolean }, signal?: AbortSignal) => api.get<Page<CaseSummary>>('/api/cases/grid', q, signal),
  myReports: (offset: number, signal?: AbortSignal) => api.get<Page<RequesterView & { id: number }>>('/api/cases/my-reports', { offset, limit: 30 }, signal),
  unreadNotices: (signal?: AbortSignal) => api.get<{ items: Notice[]; unread: number }>('/api/me/notifications', { unread: 'true', limit: 50 }, signal),
  markRead: (id: number) => api.post<unknown>(`/api/me/notifications/${id}/read`),
  callers: (phone: string, signal?: AbortSignal) => api.get<{ items: CaseSummary[] }>('/api/cases/callers', { phone }, signal),
  duplicates: (id: number) => api.get<{ items: Duplicate[] }>(`/api/cases/${id}/duplicates`),
  act: (id: number, action: string, body: ActionBody) => api.post<CaseDetail | { id: number; caseNo: string; state: string; stateLabel: Bilingual; version: number }>(`/api/cases/${id}/actions/${action}`, body),
  revealPhone: (id: number) => api.post<{ caseNo: string; name: string | null; phone: string | null }>(`/api/cases/${id}/reveal-phone`),
  reportGrid: (body: ReportBody) => api.post<CaseDetail & { possibleDuplicates: Duplicate[] }>('/api/cases/reports/grid', body),
  reportHotline: (body: ReportBody & { hotlineKind: HotlineKind; caller: { name?: string; phone: string } }) =>
    api.post<CaseDetail & { possibleDuplicates: Duplicate[] }>('/api/cases/reports/hotline', body),
  reportPublic: (body: ReportBody & { contact?: { name?: string; phone?: string } }) => api.post<RequesterView>('/api/cases/reports/public', body),
  /** Staff photos: the platform upload. */
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string }>('/api/files', form);
  },
  /** Photos of a public report (anonymous allowed, rate-limited). */
  uploadPublicPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string }>('/api/cases/reports/public/photos', form);
  },
  photoUrl: (caseId: number, fileId: string) => `/api/cases/${caseId}/photos/${fileId}`,
  locate: (lng: number, lat: number, signal?: AbortSignal) => api.get<Located>('/api/grids/locate', { lng, lat }, signal),
  geojson: (q: { level?: number; parent?: string | number; simplify?: number }, signal?: AbortSignal) => api.get<GridCollection>('/api/grids/geojson', q, signal),
  publicGeojson: (level: 1 | 2, signal?: AbortSignal) => api.get<GridCollection>('/api/public/grids/geojson', { level }, signal),
  orgs: (q: { q?: string; regionCode?: string; limit?: number }, signal?: AbortSignal) => api.get<{ items: OrgOption[] }>('/api/orgs', q, signal),
};
