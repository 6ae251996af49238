/** Client of the services API (一网通办): applying, window intake, review, supervision, and the applicant's inbox. */
import { api, request } from '../../app/api.ts';
import type {
  Application,
  ApplicationDetail,
  ApplicationState,
  CountersignRequest,
  Identity,
  Inbox,
  Material,
  MyLicence,
  Page,
  Precheck,
} from './services.types.ts';

type Answers = Record<string, string | string[] | null>;

/** A fresh Idempotency-Key for one user action (a retried click returns the first result). */
export const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

const postOnce = <T>(path: string, body: unknown, key: string) => request<T>('POST', path, { body, headers: { 'Idempotency-Key': key } });

// ── applicant ──

export const createDraft = (input: { itemId?: number; bundleCode?: string; answers?: Answers; formData?: Record<string, unknown>; onBehalfOf?: string }, key: string) =>
  postOnce<ApplicationDetail>('/api/applications', input, key);
export const myApplications = (q: { cursor?: string; limit?: number; state?: ApplicationState }, signal?: AbortSignal) =>
  api.get<Page<Application>>('/api/applications/mine', { ...q }, signal);
export const getApplication = (id: number, signal?: AbortSignal) => api.get<ApplicationDetail>(`/api/applications/${id}`, undefined, signal);
export const saveDraft = (id: number, formData: Record<string, unknown>, version: number) => api.put<ApplicationDetail>(`/api/applications/${id}/draft`, { formData, version });
export const uploadMaterial = (id: number, key: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<Material>(`/api/applications/${id}/materials/${encodeURIComponent(key)}/file`, form);
};
export const reuseMaterial = (id: number, key: string, body: { licenceId?: string; materialId?: number }) =>
  api.post<Material>(`/api/applications/${id}/materials/${encodeURIComponent(key)}/reuse`, body);
export const submitApplication = (id: number, version: number, key: string) => postOnce<ApplicationDetail>(`/api/applications/${id}/submit`, { version }, key);
export const resubmitApplication = (id: number, version: number, key: string) => postOnce<ApplicationDetail>(`/api/applications/${id}/resubmit`, { version }, key);
export const noticePdfUrl = (applicationId: number, noticeId: number) => `/api/applications/${applicationId}/notices/${noticeId}/pdf`;
export const myLicences = (signal?: AbortSignal) => api.get<{ items: MyLicence[] }>('/api/me/licenses', undefined, signal);

// ── inbox (platform notices) ──

export const myNotifications = (q: { cursor?: string; limit?: number; unread?: boolean }, signal?: AbortSignal) =>
  api.get<Inbox>('/api/me/notifications', { cursor: q.cursor, limit: q.limit, unread: q.unread ? 'true' : undefined }, signal);
export const markNotificationRead = (id: number) => api.post<{ changed: number }>(`/api/me/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<{ changed: number }>('/api/me/notifications/read-all');

// ── window ──

export const identify = (idNumber: string, signal?: AbortSignal) => api.get<Identity>('/api/intake/identity', { idNumber }, signal);
export const windowCreate = (
  input: { itemId?: number; bundleCode?: string; answers?: Answers; formData?: Record<string, unknown>; idNumber: string; name?: string; at?: string },
  key: string,
) => postOnce<ApplicationDetail>('/api/intake/applications', input, key);
export const intakeQueue = (q: { cursor?: string; limit?: number }, signal?: AbortSignal) => api.get<Page<Application>>('/api/intake/queue', { ...q }, signal);
export const precheck = (id: number, signal?: AbortSignal) => api.get<Precheck>(`/api/applications/${id}/precheck`, undefined, signal);

/** Every staff action on one application: the body the route takes, posted with an Idempotency-Key. */
export const ACTION_PATHS: Record<string, string> = {
  accept: 'accept',
  requestCorrection: 'correction',
  receiveCorrection: 'receive-correction',
  acceptDeferred: 'accept-deferred',
  acceptCommitment: 'accept-commitment',
  refuse: 'refuse',
  advance: 'advance',
  returnStep: 'return',
  requestCountersign: 'countersigns',
  startSpecial: 'special-procedure',
  endSpecial: 'special-procedure/end',
  requestExtension: 'extension',
  decide: 'decision',
  approveExtension: 'extension/decision',
  rejectExtension: 'extension/decision',
};

export const act = (id: number, action: string, body: Record<string, unknown>, key: string) => {
  const path = ACTION_PATHS[action];
  if (!path) throw new Error(`unknown action ${action}`);
  return postOnce<ApplicationDetail>(`/api/applications/${id}/${path}`, body, key);
};

// ── review ──

export const reviewQueue = (q: { cursor?: string; limit?: number }, signal?: AbortSignal) => api.get<Page<Application>>('/api/review/queue', { ...q }, signal);
export const countersignQueue = (signal?: AbortSignal) => api.get<{ items: CountersignRequest[] }>('/api/countersigns', undefined, signal);
export const answerCountersign = (id: number, body: { agree: boolean; opinion: string; version: number }) => api.post<unknown>(`/api/countersigns/${id}/answer`, body);

// ── supervision ──

export const overdueList = (q: { cursor?: string; limit?: number; unexplained?: boolean }, signal?: AbortSignal) =>
  api.get<Page<Application>>('/api/supervision/overdue', { cursor: q.cursor, limit: q.limit, unexplained: q.unexplained ? 'true' : undefined }, signal);
export const warningList = (q: { cursor?: string; limit?: number }, signal?: AbortSignal) => api.get<Page<Application>>('/api/supervision/warnings', { ...q }, signal);
export const extensionList = (q: { cursor?: string; limit?: number }, signal?: AbortSignal) => api.get<Page<Application>>('/api/supervision/extensions', { ...q }, signal);
export const explainOverdue = (id: number, explanation: string) => api.post<Application>(`/api/applications/${id}/overdue-explanation`, { explanation });
