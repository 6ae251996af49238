import { api } from '../../app/api.ts';

/** GET /api/audit item (server/src/platform/audit/audit.routes.ts). */
export interface AuditEntry {
  id: number;
  occurred_at: string;
  actor_id: number | null;
  actor_name: string;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  /** Position in the hash chain; null until the chainer links the entry. */
  seq: number | null;
  hash: string | null;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export type VerifyResult = { linked: number; ok: true; entries: number; headSeq: number; headHash: string } | { linked: number; ok: false; entries: number; seq: number; id: number | null; reason: string };

export const listAudit = (f: AuditFilter & { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/audit', { ...f }, signal);

export const verifyAudit = () => api.post<VerifyResult>('/api/audit/verify');
