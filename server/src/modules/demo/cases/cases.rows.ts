/** The rows a simulated case becomes: the columns of cases, workflow_history and sla_clocks. */
import type { CaseState } from '../../cases/index.ts';

export interface CaseRow {
  id: number;
  case_no: string;
  kind: string;
  source: string;
  category_id: number;
  category_code: string;
  category_version: number;
  limit_amount: number;
  limit_unit: string;
  title: null;
  description: string;
  lng: number;
  lat: number;
  address: string;
  grid_id: string;
  grid_code: string;
  grid_name: string;
  town_region_code: string;
  region_code: string;
  requester_kind: string;
  requester_account_id: number | null;
  requester_name: string | null;
  requester_phone: string | null;
  requester_phone_masked: string | null;
  requester_phone_hash: string | null;
  requester_uscc: string | null;
  reporter_account_id: number | null;
  hotline_kind: string | null;
  urgency: string;
  state: CaseState;
  version: number;
  route: unknown;
  routable: boolean;
  lead_org_id: number | null;
  lead_org_path: number[];
  supporting_org_ids: number[];
  returned_org_ids: number[];
  escalation_level: number;
  rework_count: number;
  extension_count: number;
  urge_count: number;
  pending_extension: unknown;
  due_at: string | null;
  first_dispatched_at: string | null;
  handled_at: string | null;
  closed_at: string | null;
  closed_on_time: boolean | null;
  satisfaction: string | null;
  evaluation_score: number | null;
  external_ref: string | null;
  reported_at: string;
}

export interface HistoryRow {
  workflow: 'case';
  subject_id: string;
  region_code: string;
  action: string;
  from_state: string;
  to_state: string;
  version: number;
  actor_id: number | null;
  actor_name: string;
  note: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface ClockRow {
  subject_type: 'case';
  subject_id: string;
  purpose: 'handling';
  region_code: string;
  unit: string;
  budget: number;
  started_at: string;
  start_date: string;
  state: 'running' | 'stopped';
  paused_total: 0;
  warn_before: number;
  due_at: string;
  due_date: string;
  warn_at: string | null;
  provisional: boolean;
  stopped_at: string | null;
  overdue: boolean | null;
  warned_at: string | null;
  overdue_at: string | null;
  version: number;
}

export interface SimulatedCase {
  row: CaseRow;
  history: HistoryRow[];
  clocks: ClockRow[];
}
