/** Client of the ratings API (好差评). */
import { api, request } from '../../app/api.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface RatingMeta {
  levels: (Bilingual & { level: number; bad: boolean })[];
  dimensions: Record<string, Bilingual>;
  channels: Record<'online' | 'onsite', string[]>;
  reasons: (Bilingual & { code: string })[];
  states: Record<string, Bilingual>;
}

export interface RatingBody {
  level: number;
  dimensions: Record<string, number>;
  comment?: string | null;
  reasons?: string[];
}

export interface RatingView {
  id: number;
  channel: 'online' | 'onsite';
  level: number;
  levelLabel: Bilingual;
  bad: boolean;
  dimensions: Record<string, number>;
  comment: string | null;
  reasons: string[];
  current: boolean;
  excluded: boolean;
  replacesId: number | null;
  ratedAt: string;
}

export interface MyRectification {
  id: number;
  state: string;
  stateLabel: Bilingual;
  version: number;
  outcome: string | null;
  outcomeNote: string | null;
  fixBy: string | null;
  calledBackAt: string | null;
  notifiedAt: string | null;
  canRerate: boolean;
}

export interface MyMatter {
  id: number;
  matterNo: string;
  itemName: string;
  handlingOrgName: string;
  intakeOrgName: string | null;
  channel: 'online' | 'window';
  outcome: string;
  completedAt: string;
  rateBy: string;
  canRateOnline: boolean;
  ratings: (RatingView & { rectification: MyRectification | null })[];
}

export interface Notice {
  id: number;
  ratingId: number;
  rectificationId: number | null;
  kind: string;
  zh: string;
  en: string;
  createdAt: string;
  read: boolean;
}

export interface SubjectMatter {
  id: number;
  itemName: string;
  handlingOrgName: string;
  completedAt: string;
  rateBy: string;
  canRateOnline: boolean;
  rating: RatingView | null;
  rectification: { id: number; state: string; version: number } | null;
}

export interface RatedResult {
  id: number;
  level: number;
  bad: boolean;
  rectificationId: number | null;
}

export interface Rectification {
  id: number;
  state: string;
  stateLabel: Bilingual;
  version: number;
  rating: RatingView & { reasonLabels: Bilingual[] };
  matter: { itemName: string; handlingOrgId: number; handlingOrgName: string; intakeOrgName: string | null; channel: string; completedOn: string };
  rater: { pseudonym: string; named: boolean; maskedPhone: string | null; relay: Bilingual };
  callback: { dueAt: string | null; warned: boolean; overdue: boolean; calledBackAt: string | null; note: string | null };
  outcome: string | null;
  outcomeLabel: Bilingual | null;
  outcomeNote: string | null;
  fixBy: string | null;
  fixedAt: string | null;
  notifiedAt: string | null;
  appeal: { reason: string; decision: string | null; ownAppeal: boolean } | null;
  actions: { action: string; label: Bilingual; requires: string[] }[];
  history?: { action: string; label: Bilingual; from: string; to: string; by: string; note: string | null; at: string }[];
}

export interface RaterIdentity {
  rectificationId: number;
  named: boolean;
  matterNo: string;
  rater: { accountId: number; kind: string; displayName: string; username: string; residentId: string | null; uscc: string | null; phone: string | null } | null;
}

export interface UnitStats {
  rank: number;
  unitId: number;
  unitName: string;
  completed: number;
  ratedMatters: number;
  ratings: number;
  bad: number;
  satisfied: number;
  loops: number;
  calledBack: number;
  fixed: number;
  ratingRate: number | null;
  badRate: number | null;
  satisfaction: number | null;
  average: number | null;
  callbackRate: number | null;
  fixRate: number | null;
}

export interface Stats {
  by: 'unit' | 'window';
  period: string | null;
  totals: Omit<UnitStats, 'rank' | 'unitId' | 'unitName'>;
  units: UnitStats[];
}

export const ratingMeta = (signal?: AbortSignal) => api.get<RatingMeta>('/api/ratings/meta', undefined, signal);
export const myRatings = (signal?: AbortSignal) => api.get<{ items: MyMatter[]; nextBefore: number | null; notices: Notice[] }>('/api/ratings/mine', { limit: 100 }, signal);
export const subjectMatter = (subjectType: 'application' | 'case', subjectId: number, signal?: AbortSignal) =>
  api.get<SubjectMatter>(`/api/ratings/subjects/${subjectType}/${subjectId}`, undefined, signal);
export const rateOnline = (matterId: number, body: RatingBody) => api.post<RatedResult>(`/api/ratings/matters/${matterId}/online`, body);
export const rerate = (ratingId: number, version: number, body: RatingBody) => api.post<unknown>(`/api/ratings/${ratingId}/rerate`, { ...body, version });
export const acceptOutcome = (ratingId: number, version: number) => api.post<unknown>(`/api/ratings/${ratingId}/accept`, { version });
export const markNoticesRead = (ids: number[]) => api.post<{ marked: number }>('/api/ratings/notices/read', { ids });
export const visitInfo = (code: string, signal?: AbortSignal) =>
  api.get<{ itemName: string; handlingOrgName: string; intakeOrgName: string | null; expiresAt: string }>(`/api/ratings/visits/${code}`, undefined, signal);
export const rateVisit = (code: string, body: RatingBody) => api.post<RatedResult>(`/api/ratings/visits/${code}`, body);
export const openVisitForApplication = (applicationId: number) =>
  api.post<{ visitId: number; code: string; expiresAt: string }>(`/api/ratings/subjects/application/${applicationId}/visits`);
export const openVisit = (matterId: number) => api.post<{ visitId: number; code: string; expiresAt: string }>(`/api/ratings/matters/${matterId}/visits`);

export const rectifications = (q: { state?: string; open?: boolean }, signal?: AbortSignal) =>
  api.get<{ items: Rectification[]; nextBefore: number | null }>('/api/ratings/rectifications', { state: q.state, open: q.open ? 'true' : undefined, limit: 200 }, signal);
export const rectification = (id: number, signal?: AbortSignal) => api.get<Rectification>(`/api/ratings/rectifications/${id}`, undefined, signal);
export const actOnRectification = (id: number, action: string, body: Record<string, unknown>) =>
  request<Rectification>('POST', `/api/ratings/rectifications/${id}/actions/${action}`, { body });
export const raterIdentity = (id: number) => api.get<RaterIdentity>(`/api/ratings/rectifications/${id}/rater`);
export const ratingStats = (q: { period?: string; by: 'unit' | 'window'; regionCode?: string }, signal?: AbortSignal) => api.get<Stats>('/api/ratings/stats', q, signal);
