import { api, withQuery } from '../../app/api.ts';
import type {
  ActionInput,
  AdjustmentAction,
  AdjustmentDetail,
  AdjustmentInput,
  AdjustmentState,
  AdjustmentSummary,
  BundleApplicantKind,
  BundleDetail,
  BundleSummary,
  DeferrableRow,
  Devolution,
  DevolutionCounts,
  Evaluation,
  ImportPreview,
  ImportSummary,
  ItemContent,
  ItemDetail,
  ItemKind,
  ItemQuery,
  ItemSummary,
  ItemType,
  LawArticle,
  LawSummary,
  Page,
  Proof,
  ProofReplacement,
  SearchQuery,
  SearchResult,
  TypeLabel,
  Version,
  VersionDiff,
} from './catalog.types.ts';

// ── public catalog ──

export const listItems = (q: ItemQuery, signal?: AbortSignal) => api.get<Page<ItemSummary>>('/api/catalog/items', { ...q }, signal);
export const getItem = (id: number, signal?: AbortSignal) => api.get<ItemDetail>(`/api/catalog/items/${id}`, undefined, signal);
export const listVersions = (id: number, signal?: AbortSignal) =>
  api.get<{ itemId: number; currentVersion: number; items: Version[] }>(`/api/catalog/items/${id}/versions`, undefined, signal);
export const getVersion = (id: number, no: number, signal?: AbortSignal) =>
  api.get<Version & { itemId: number; content: ItemContent }>(`/api/catalog/items/${id}/versions/${no}`, undefined, signal);
export const getDiff = (id: number, q: { from?: number; to?: number }, signal?: AbortSignal) =>
  api.get<VersionDiff>(`/api/catalog/items/${id}/diff`, q, signal);
export const listTypes = (signal?: AbortSignal) =>
  api.get<{ items: (TypeLabel & { itemType: ItemType; kind: ItemKind })[] }>('/api/catalog/types', undefined, signal);

type ListFilter = { type?: string; orgId?: number; regionCode?: string; cursor?: string; limit?: number };
export const listCommitment = (q: ListFilter, signal?: AbortSignal) => api.get<Page<ItemSummary>>('/api/catalog/lists/commitment', { ...q }, signal);
export const listDeferrable = (q: ListFilter, signal?: AbortSignal) => api.get<Page<DeferrableRow>>('/api/catalog/lists/deferrable', { ...q }, signal);

export const searchCatalog = (q: SearchQuery, signal?: AbortSignal) => api.get<SearchResult>('/api/catalog/search', { ...q }, signal);

// ── bundles (一件事) ──

export const listBundles = (q: { lifeEvent?: string; applicantKind?: BundleApplicantKind; q?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Page<BundleSummary>>('/api/catalog/bundles', { ...q }, signal);
export const getBundle = (code: string, signal?: AbortSignal) => api.get<BundleDetail>(`/api/catalog/bundles/${encodeURIComponent(code)}`, undefined, signal);
export const evaluateBundle = (code: string, answers: Record<string, string | string[] | null>) =>
  api.post<Evaluation & { code: string; version: number }>(`/api/catalog/bundles/${encodeURIComponent(code)}/evaluate`, { answers });

// ── lists ──

export const listDevolutions = (q: { regionCode?: string; field?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Page<Devolution> & { counts: DevolutionCounts }>('/api/catalog/devolutions', { ...q }, signal);
export const listProofs = (q: { regionCode?: string; q?: string; replacement?: ProofReplacement; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Page<Proof>>('/api/catalog/proofs', { ...q }, signal);

// ── statute texts ──

export const listLaws = (signal?: AbortSignal) => api.get<{ items: LawSummary[] }>('/api/catalog/laws', undefined, signal);
export const getLawArticle = (lawId: string, no: number, signal?: AbortSignal) =>
  api.get<LawArticle>(`/api/catalog/laws/${encodeURIComponent(lawId)}/articles/${no}`, undefined, signal);

// ── staff: adjustment requests ──

export const listAdjustments = (q: { state?: AdjustmentState; mine?: boolean; itemId?: number; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Page<AdjustmentSummary>>('/api/catalog/adjustments', { ...q }, signal);
export const getAdjustment = (id: number, signal?: AbortSignal) => api.get<AdjustmentDetail>(`/api/catalog/adjustments/${id}`, undefined, signal);
export const createAdjustment = (body: AdjustmentInput) => api.post<AdjustmentDetail>('/api/catalog/adjustments', body);
export const editAdjustment = (id: number, body: { version: number; proposed?: ItemContent; reason?: string; basis?: string; rebase?: boolean }) =>
  api.put<AdjustmentDetail>(`/api/catalog/adjustments/${id}`, body);
export const actOnAdjustment = (id: number, action: AdjustmentAction, body: ActionInput) =>
  api.post<AdjustmentDetail>(`/api/catalog/adjustments/${id}/actions/${action}`, body);

// ── staff: import and export ──

export function uploadImport(file: File, fields: { regionCode: string; createMissingOrgs: boolean }) {
  const form = new FormData();
  form.set('regionCode', fields.regionCode);
  form.set('createMissingOrgs', String(fields.createMissingOrgs));
  form.set('file', file, file.name);
  return api.upload<ImportPreview>('/api/catalog/imports', form);
}
export const listImports = (q: { state?: ImportSummary['state']; cursor?: number; limit?: number }, signal?: AbortSignal) =>
  api.get<{ items: ImportSummary[]; nextCursor: number | null }>('/api/catalog/imports', { ...q }, signal);
export const getImport = (id: number, signal?: AbortSignal) => api.get<ImportPreview>(`/api/catalog/imports/${id}`, undefined, signal);
export const commitImport = (id: number, body: { version: number; approvalDocNo: string; effectiveDate: string; reason?: string }) =>
  api.post<ImportPreview>(`/api/catalog/imports/${id}/commit`, body);
export const discardImport = (id: number, version: number) => api.post<ImportPreview>(`/api/catalog/imports/${id}/discard`, { version });

/** The export download address with the list's filters (public GET; the browser downloads it). */
export const exportUrl = (format: 'xlsx' | 'csv', q: Omit<ItemQuery, 'cursor' | 'limit' | 'sort' | 'visits'>) =>
  withQuery(`/api/catalog/export.${format}`, { ...q });

