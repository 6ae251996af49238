import { api } from '../../app/api.ts';

export interface Figures {
  received: number;
  filed?: number;
  dispatched: number;
  closed: number;
  onTime: number;
  rework: number;
  extended: number;
  closureRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  score: number | null;
  open: number;
  overdue: number;
}

export interface TownRanking extends Figures {
  regionCode: string;
  name: string;
  rank: number | null;
}
export interface DepartmentRanking extends Figures {
  orgId: number;
  name: string;
  rank: number | null;
}

export interface Overview {
  region: { code: string; name: string | null };
  period: { from: string; to: string };
  generatedAt: string;
  totals: Figures;
  byStatus: { key: string; count: number }[];
  bySource: { key: string; count: number }[];
  byCategory: { key: string; name: string; className: string | null; kind: string | null; count: number }[];
  towns: TownRanking[];
  departments: DepartmentRanking[];
}

export interface Density {
  level: 1 | 2 | 3;
  parent: string | null;
  generatedAt: string;
  grids: { code: string; open: number; overdue: number }[];
  max: number;
}

export interface CaseSummary {
  id: number;
  caseNo: string;
  kind: string;
  source: string;
  categoryCode: string;
  categoryName: string | null;
  title: string | null;
  description: string;
  state: string;
  urgency: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
  gridName: string | null;
  townRegionCode: string | null;
  regionCode: string;
  leadOrgId: number | null;
  dueAt: string | null;
  reportedAt: string;
  closedAt: string | null;
  closedOnTime: boolean | null;
  reworkCount: number;
  extensionCount: number;
  overdue: boolean;
}

export interface TraceStep {
  id: number;
  action: string;
  from: string;
  to: string;
  actor: string;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface CaseTrace extends CaseSummary {
  leadOrgName: string | null;
  townName: string | null;
  trace: TraceStep[];
}

export interface GridFeature {
  type: 'Feature';
  id: number;
  properties: { code: string; name: string; level: number; parent: string | null; town: string; households: number; firms: number };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export interface CaseQuery {
  region?: string;
  grid?: string;
  status?: string;
  overdue?: boolean;
  open?: boolean;
  cursor?: string;
  limit?: number;
}

export const getOverview = (q: { region?: string; from?: string; to?: string }, signal?: AbortSignal) => api.get<Overview>('/api/command/overview', q, signal);
export const getDensity = (q: { level: 1 | 2 | 3; parent?: string; region?: string }, signal?: AbortSignal) => api.get<Density>('/api/command/density', q, signal);
export const listCommandCases = (q: CaseQuery, signal?: AbortSignal) => api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/api/command/cases', { ...q }, signal);
export const getCaseTrace = (id: number, signal?: AbortSignal) => api.get<CaseTrace>(`/api/command/cases/${id}`, undefined, signal);
/** Grid outlines for the map: a level, or the children of a grid (by id); simplified for drawing. */
export const getGridShapes = (q: { level: 1 | 2 | 3; parent?: number }, signal?: AbortSignal) =>
  api.get<GridCollection>('/api/grids/geojson', { level: q.level, parent: q.parent, simplify: q.level === 1 ? 0.0005 : 0.0002 }, signal);

/** The live stream's address for a view. */
export const streamUrl = (q: { region?: string; from?: string; to?: string }) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return `/api/command/stream${s ? `?${s}` : ''}`;
};
