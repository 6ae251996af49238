/** How cases and categories look in responses: the staff view, the requester's view, the trace. */
import type { CaseRow, CategoryRow } from './cases.repository.ts';
import { ESCALATION_LEVELS, HOTLINE_KIND_LABELS } from './cases.rules.ts';
import { caseFlow, CLOCK_STATES, type CaseState } from './cases.workflow.ts';

const iso = (d: string | Date | null) => (d == null ? null : new Date(d).toISOString());
export const stateLabel = (s: string) => caseFlow.states[s as CaseState]?.label ?? { zh: s, en: s };

export function presentCategory(k: CategoryRow) {
  return {
    id: k.id,
    code: k.code,
    kind: k.kind,
    className: k.class_name,
    name: k.name,
    filingConditions: k.filing_conditions,
    closingConditions: k.closing_conditions,
    limitAmount: Number(k.limit_amount),
    limitUnit: k.limit_unit,
    defaultUrgency: k.default_urgency,
    dutyMatterCode: k.duty_matter_code,
    hotlineKind: k.hotline_kind,
    callScript: k.call_script,
    sort: k.sort,
    active: k.active,
    version: k.version,
    updatedAt: iso(k.updated_at),
  };
}
export type CaseCategory = ReturnType<typeof presentCategory>;

export interface TraceEntry {
  action: string;
  label: { zh: string; en: string };
  from: string | null;
  to: string;
  by: string;
  at: string;
  note: string | null;
  where: { lng: number; lat: number } | null;
  data: Record<string, unknown>;
}

/** Fields of the input not repeated in the trace (internal to the transition). */
const HIDDEN_INPUT = new Set(['stay', 'allReturned']);

export function traceOf(c: CaseRow, history: { action: string; from_state: string; to_state: string; actor_name: string; note: string | null; at: string; data?: unknown }[]): TraceEntry[] {
  const reported: TraceEntry = {
    action: 'report',
    label: { zh: '上报', en: 'Report' },
    from: null,
    to: 'reported',
    by: c.requester_kind === 'anonymous' ? '匿名' : (c.requester_name ?? c.source),
    at: iso(c.reported_at) as string,
    note: null,
    where: c.lng == null || c.lat == null ? null : { lng: c.lng, lat: c.lat },
    data: { source: c.source },
  };
  return [
    reported,
    ...history.map((h) => {
      const data = (h.data ?? {}) as Record<string, unknown>;
      const lng = typeof data.lng === 'number' ? data.lng : null;
      const lat = typeof data.lat === 'number' ? data.lat : null;
      return {
        action: h.action,
        label: caseFlow.actions[h.action as keyof typeof caseFlow.actions]?.label ?? { zh: h.action, en: h.action },
        from: h.from_state,
        to: h.to_state,
        by: h.actor_name,
        at: iso(typeof data.at === 'string' ? data.at : h.at) as string,
        note: h.note,
        where: lng !== null && lat !== null ? { lng, lat } : null,
        data: Object.fromEntries(Object.entries(data).filter(([k]) => !HIDDEN_INPUT.has(k))),
      };
    }),
  ];
}

/** The staff view of a case (the requester's phone masked; the full number only through the audited reveal endpoint). */
export function presentCase(c: CaseRow) {
  const overdue = CLOCK_STATES.includes(c.state as CaseState) && c.due_at != null && new Date(c.due_at).getTime() < Date.now();
  return {
    id: Number(c.id),
    caseNo: c.case_no,
    kind: c.kind,
    source: c.source,
    state: c.state,
    stateLabel: stateLabel(c.state),
    version: c.version,
    category: { id: c.category_id, code: c.category_code, name: c.category_name, className: c.category_class, version: c.category_version },
    limit: { amount: Number(c.limit_amount), unit: c.limit_unit },
    title: c.title,
    description: c.description,
    location: { lng: c.lng, lat: c.lat, address: c.address },
    grid: c.grid_id == null ? null : { id: c.grid_id, code: c.grid_code, name: c.grid_name },
    townRegionCode: c.town_region_code,
    regionCode: c.region_code,
    requester: {
      kind: c.requester_kind,
      accountId: c.requester_account_id,
      name: c.requester_name,
      phone: c.requester_phone_masked,
      uscc: c.requester_uscc,
    },
    reporterAccountId: c.reporter_account_id,
    hotlineKind: c.hotline_kind,
    hotlineKindLabel: c.hotline_kind ? HOTLINE_KIND_LABELS[c.hotline_kind] : null,
    urgency: c.urgency,
    routing: c.route,
    leadOrg: c.lead_org_id == null ? null : { id: c.lead_org_id, name: c.lead_org_name },
    supportingOrgIds: c.supporting_org_ids,
    returnedOrgIds: c.returned_org_ids,
    escalation: { level: c.escalation_level, centre: ESCALATION_LEVELS[c.escalation_level] },
    reworkCount: c.rework_count,
    extensionCount: c.extension_count,
    urgeCount: c.urge_count,
    pendingExtension: c.pending_extension,
    dueAt: iso(c.due_at),
    overdue,
    firstDispatchedAt: iso(c.first_dispatched_at),
    handledAt: iso(c.handled_at),
    closedAt: iso(c.closed_at),
    closedOnTime: c.closed_on_time,
    satisfaction: c.satisfaction,
    evaluationScore: c.evaluation_score,
    mergedInto: c.merged_into == null ? null : Number(c.merged_into),
    externalRef: c.external_ref,
    reportedAt: iso(c.reported_at),
    updatedAt: iso(c.updated_at),
  };
}
export type CaseSummary = ReturnType<typeof presentCase>;

/** What a requester (or an anonymous reporter right after submitting) sees: no personal data, no internal routing. */
export function presentForRequester(c: CaseRow) {
  return {
    caseNo: c.case_no,
    kind: c.kind,
    state: c.state,
    stateLabel: stateLabel(c.state),
    version: c.version,
    category: { code: c.category_code, name: c.category_name },
    description: c.description,
    address: c.address,
    reportedAt: iso(c.reported_at),
    closedAt: iso(c.closed_at),
    satisfaction: c.satisfaction,
  };
}
