/**
 * One demo case from report to where it stands today: a pure simulation of
 * the case workflow (cases.workflow.ts) producing exactly the rows the
 * service and the platform would have written — the case row, one
 * workflow_history row per transition (versions, from → to, input data),
 * and the handling SLA clocks computed with the platform clock
 * (computeDeadline on the working-day calendar), including the SLA
 * watcher's warnings and escalations. Nothing happens after `now`: cases
 * reported recently are still open with running clocks.
 */
import { computeDeadline, isoOf, localDayOf } from '../../../platform/clock/index.ts';
import type { Rng } from '../../../platform/ids/index.ts';
import { caseNumber, everyCandidateReturned, limitFor, phoneHash, warnBeforeFor, type CaseState, type HotlineKind } from '../../cases/index.ts';
import { maskPhone } from '../../org/index.ts';
import { CALLERS, TEXT } from './cases.data.ts';
import type { CaseSpec } from './cases.draw.ts';
import type { CasesPlan, PlanActor, PlanOrg } from './cases.plan.ts';
import type { CaseRow, ClockRow, HistoryRow, SimulatedCase } from './cases.rows.ts';

export type { CaseRow, ClockRow, HistoryRow, SimulatedCase } from './cases.rows.ts';
export { drawCase, SOURCE_SHARES, HOTLINE_KIND_SHARES, type CaseSpec, type DemoSource } from './cases.draw.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Working hours in a working day, for turning a day limit into a handling time. */
const DAY_HOURS = 7.5;

/** Intended rates of the loop's detours (per dispatched case). */
export const RATES = { invalid: 0.03, wrongDispatch: 0.05, extension: 0.04, rework: 0.06, overdue: 0.025, evaluated: 0.4, urge: 0.5 } as const;

interface Clock {
  row: ClockRow;
  due: number;
  warn: number | null;
}

/** Simulates the case with id `id` from its spec up to `now`. */
export function simulateCase(rng: Rng, plan: CasesPlan, spec: CaseSpec, id: number, now: number): SimulatedCase {
  const { category, source, grid, route } = spec;
  const cal = plan.calendar;
  const a = plan.actors;
  const town = grid.town;
  const kind = category.kind === 'complaint' || source === 'enterprise' ? 'complaint' : source === 'hotline' ? 'hotline' : category.kind;
  const hk = (spec.hotlineKind ?? (category.hotlineKind as HotlineKind | null)) || null;
  const limit = limitFor({
    category: { limitAmount: category.limitAmount, limitUnit: category.limitUnit },
    source,
    hotlineKind: hk,
    urgency: category.urgency,
    hotlineKindLimit: hk && source === 'hotline' ? (plan.hotlineKindLimits.get(hk) ?? null) : null,
  });
  const reportedIso = new Date(spec.reportedAt).toISOString();

  // requester
  let requesterKind = 'staff';
  let requesterAccountId: number | null = null;
  let requesterName: string | null = null;
  let phone: string | null = null;
  let uscc: string | null = null;
  let reporterAccountId: number | null = null;
  let externalRef: string | null = null;
  const demoGrid = town === plan.demoTown;
  const gridActor: PlanActor = demoGrid ? a.grid : { id: null, username: grid.worker, displayName: grid.worker };
  if (source === 'grid_patrol') {
    requesterName = gridActor.displayName;
    reporterAccountId = gridActor.id;
  } else if (source === 'hotline') {
    requesterKind = 'caller';
    requesterName = rng.pick(CALLERS);
    phone = `1${rng.pick(['39', '38', '58', '59', '36', '89', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  } else if (source === 'enterprise') {
    requesterKind = 'enterprise';
    const firm = rng.next() < 0.1 || plan.firms.length === 0 ? { uscc: a.firm.uscc ?? '', name: a.firm.displayName, id: a.firm.id } : { ...rng.pick(plan.firms), id: null };
    requesterAccountId = firm.id;
    requesterName = firm.name;
    uscc = firm.uscc || null;
  } else if (source === 'public') {
    if (rng.next() < 0.2 && a.person.id != null) {
      requesterKind = 'account';
      requesterAccountId = a.person.id;
      requesterName = a.person.displayName;
    } else requesterKind = 'anonymous';
  } else {
    requesterKind = 'machine';
    if (source === 'sensor') externalRef = `IOT-${id}`;
  }

  const row: CaseRow = {
    id,
    case_no: caseNumber(town, new Date(spec.reportedAt), id),
    kind,
    source,
    category_id: category.id,
    category_code: category.code,
    category_version: category.version,
    limit_amount: limit.amount,
    limit_unit: limit.unit,
    title: null,
    description: TEXT[category.code] ?? `${category.name}，请尽快处置`,
    lng: spec.lng,
    lat: spec.lat,
    address: `${grid.name}附近`,
    grid_id: String(grid.id),
    grid_code: grid.code,
    grid_name: grid.name,
    town_region_code: town,
    region_code: town,
    requester_kind: requesterKind,
    requester_account_id: requesterAccountId,
    requester_name: requesterName,
    requester_phone: phone,
    requester_phone_masked: phone ? maskPhone(phone) : null,
    requester_phone_hash: phone ? phoneHash(phone) : null,
    requester_uscc: uscc,
    reporter_account_id: reporterAccountId,
    hotline_kind: hk,
    urgency: category.urgency,
    state: 'reported',
    version: 1,
    route: { ...route.routing, limitBasis: limit.basis },
    routable: route.routing.status === 'routed',
    lead_org_id: null,
    lead_org_path: [],
    supporting_org_ids: route.routing.suggestion?.supporting.map((s) => s.orgId) ?? [],
    returned_org_ids: [],
    escalation_level: 0,
    rework_count: 0,
    extension_count: 0,
    urge_count: 0,
    pending_extension: null,
    due_at: null,
    first_dispatched_at: null,
    handled_at: null,
    closed_at: null,
    closed_on_time: null,
    satisfaction: null,
    evaluation_score: null,
    external_ref: externalRef,
    reported_at: reportedIso,
  };
  const history: HistoryRow[] = [];
  const clocks: Clock[] = [];
  let t = spec.reportedAt;
  let stopped = false;
  const unitActor = (org: PlanOrg | null): PlanActor =>
    org && org.id === route.target.id && town === plan.demoTown && route.target.regionCode === plan.demoTown ? a.handler : { id: null, username: org?.name ?? '处置单位', displayName: org?.name ?? '处置单位' };
  let lead: PlanOrg | null = null;

  const open = () => clocks.find((c) => c.row.state === 'running');
  const record = (actor: PlanActor, action: string, to: CaseState, data: Record<string, unknown>, at: number, note: string | null = null) => {
    row.version += 1;
    history.push({
      workflow: 'case',
      subject_id: String(id),
      region_code: town,
      action,
      from_state: row.state,
      to_state: to,
      version: row.version,
      actor_id: actor.id,
      actor_name: actor.username,
      note,
      data,
      at: new Date(at).toISOString(),
    });
    row.state = to;
  };
  /** The SLA watcher's announcements of the running clock up to `until` (warning, then overdue → escalation one level up). */
  const watch = (until: number) => {
    const c = open();
    if (!c) return;
    const dueIso = c.row.due_at;
    if (c.warn !== null && !c.row.warned_at && c.warn + 30_000 <= until) {
      const at = c.warn + 30_000;
      c.row.warned_at = new Date(at).toISOString();
      record(a.system, 'sla_warning', row.state, { stay: row.state, dueAt: dueIso }, at, `临期预警：${dueIso} 到期`);
    }
    if (!c.row.overdue_at && c.due + 30_000 <= until) {
      const at = c.due + 30_000;
      const from = row.escalation_level;
      const level = Math.min(2, from + 1);
      c.row.overdue_at = new Date(at).toISOString();
      record(a.system, 'escalate', row.state, { stay: row.state, level, from, dueAt: dueIso }, at, `超期未办结，升级至${['镇（街道）', '县（市、区）', '市'][level]}指挥中心`);
      row.escalation_level = level;
    }
  };
  /** One step `after` ms later; false (and nothing recorded) when that is after now. */
  const step = (actor: PlanActor, action: string, to: CaseState, data: Record<string, unknown>, at: number, note: string | null = null): boolean => {
    if (stopped || at > now) {
      stopped = true;
      return false;
    }
    watch(at);
    t = at;
    record(actor, action, to, { ...data, at: new Date(at).toISOString() }, at, note);
    return true;
  };
  const startClock = (at: number) => {
    const warnBefore = warnBeforeFor({ amount: limit.amount, unit: limit.unit });
    const d = computeDeadline(cal, { unit: limit.unit, budget: limit.amount, pausedTotal: 0, startedAt: new Date(at), warnBefore });
    const c: Clock = {
      due: d.dueAt.getTime(),
      warn: d.warnAt ? d.warnAt.getTime() : null,
      row: {
        subject_type: 'case',
        subject_id: String(id),
        purpose: 'handling',
        region_code: town,
        unit: limit.unit,
        budget: limit.amount,
        started_at: new Date(at).toISOString(),
        start_date: isoOf(localDayOf(new Date(at))),
        state: 'running',
        paused_total: 0,
        warn_before: warnBefore,
        due_at: d.dueAt.toISOString(),
        due_date: d.dueDate,
        warn_at: d.warnAt ? d.warnAt.toISOString() : null,
        provisional: d.provisional,
        stopped_at: null,
        overdue: null,
        warned_at: null,
        overdue_at: null,
        version: 1,
      },
    };
    clocks.push(c);
    row.due_at = c.row.due_at;
  };
  const stopClock = (at: number) => {
    const c = open();
    if (!c) return;
    c.row.state = 'stopped';
    c.row.stopped_at = new Date(at).toISOString();
    c.row.overdue = at > c.due;
    c.row.version += 1;
  };
  const afterHours = (from: number, hours: number) => cal.addWorkingHours(new Date(from), Math.max(0, hours)).at.getTime();
  const minutes = (lo: number, hi: number) => Math.round((lo + rng.next() * (hi - lo)) * MIN);
  /** Handling time for one round: a share of the limit, or past the deadline for the overdue few. */
  const handlingEnd = (start: number, late: boolean, share: number) => {
    const c = open();
    if (late && c) return afterHours(c.due, 2 + rng.next() * 22);
    const hours = limit.unit === 'working_hours' ? limit.amount : limit.amount * DAY_HOURS;
    const end = limit.unit === 'calendar_days' ? start + minutes(60, 300) : afterHours(start, hours * share);
    // on time means before the deadline, however late the unit signed
    return c && end >= c.due ? Math.max(start + MIN, c.due - minutes(5, 60)) : end;
  };

  const finish = (): SimulatedCase => {
    watch(now);
    const c = open();
    if (c && c.due + 30_000 <= now && row.urge_count === 0 && rng.next() < RATES.urge) {
      const at = Math.max(c.due + DAY, t + MIN);
      if (at <= now) {
        record(a.leader, 'urge', row.state, { note: '超期未办结，请加快处置并反馈', at: new Date(at).toISOString(), stay: row.state }, at, '超期未办结，请加快处置并反馈');
        row.urge_count = 1;
      }
    }
    return { row, history, clocks: clocks.map((k) => k.row) };
  };

  // 1. filing (or not)
  if (rng.next() < RATES.invalid) {
    step(a.dispatcher, 'invalidate', 'invalid', { reason: '重复上报或不属于受理范围' }, t + minutes(10, 120), '重复上报或不属于受理范围');
    return finish();
  }
  if (!step(a.dispatcher, 'file', 'filed', {}, t + (source === 'hotline' ? minutes(2, 15) : minutes(5, 90)))) return finish();
  // 2. dispatch; a few go first to a unit that returns them (退单) and are then dispatched again
  const wrong = route.wrong && rng.next() < RATES.wrongDispatch ? route.wrong : null;
  const first = wrong ?? route.target;
  if (!step(a.dispatcher, 'dispatch', 'dispatched', { orgId: first.id }, t + minutes(5, 60))) return finish();
  lead = first;
  row.lead_org_id = first.id;
  row.lead_org_path = first.path;
  row.first_dispatched_at = new Date(t).toISOString();
  startClock(t);
  const dispatchedAt = t;
  if (wrong) {
    const returned = [wrong.id];
    const all = everyCandidateReturned(route.routing.suggestion, returned);
    if (!step(unitActor(wrong), 'return', all ? 'arbitration' : 'returned', { reason: '经核实不属于本单位职责', allReturned: all }, t + minutes(60, 360), '经核实不属于本单位职责')) return finish();
    row.returned_org_ids = returned;
    row.lead_org_id = null;
    row.lead_org_path = [];
    lead = null;
    if (all) row.escalation_level = Math.max(row.escalation_level, 1);
    if (!step(a.dispatcher, 'dispatch', 'dispatched', { orgId: route.target.id }, t + minutes(30, 180))) return finish();
    lead = route.target;
    row.lead_org_id = lead.id;
    row.lead_org_path = lead.path;
  }
  const handler = unitActor(lead);
  if (!step(handler, 'sign', 'signed', {}, afterHours(t, 0.2 + rng.next() * 2.5))) return finish();
  // 3. an extension now and then (day limits of two days or more)
  if (limit.unit === 'working_days' && limit.amount >= 2 && rng.next() < RATES.extension) {
    const amount = Math.max(1, Math.min(10, Math.round(limit.amount / 2)));
    const reason = '需协调相关部门联合处置';
    if (!step(handler, 'request_extension', 'signed', { amount, reason }, afterHours(t, limit.amount * DAY_HOURS * (0.2 + rng.next() * 0.4)), reason)) {
      return finish();
    }
    row.pending_extension = { amount, unit: limit.unit, reason, by: handler.displayName, at: new Date(t).toISOString() };
    if (rng.next() < 0.9) {
      if (!step(a.dispatcher, 'approve_extension', 'signed', { amount }, t + minutes(60, 300))) return finish();
      const c = open()!;
      c.row.budget += amount;
      const d = computeDeadline(cal, { unit: limit.unit, budget: c.row.budget, pausedTotal: 0, startedAt: new Date(c.row.started_at), warnBefore: c.row.warn_before });
      c.due = d.dueAt.getTime();
      c.warn = d.warnAt ? d.warnAt.getTime() : null;
      Object.assign(c.row, { due_at: d.dueAt.toISOString(), due_date: d.dueDate, warn_at: d.warnAt ? d.warnAt.toISOString() : null, provisional: d.provisional });
      // the watcher announces a deadline that moved later again when its new time comes
      if (c.row.warned_at && c.warn !== null && c.warn > new Date(c.row.warned_at).getTime()) c.row.warned_at = null;
      if (c.row.overdue_at && c.due > new Date(c.row.overdue_at).getTime()) c.row.overdue_at = null;
      c.row.version += 1;
      row.due_at = c.row.due_at;
      row.extension_count += 1;
    } else if (!step(a.dispatcher, 'deny_extension', 'signed', { reason: '现有时限内可以办结' }, t + minutes(60, 300), '现有时限内可以办结')) return finish();
    row.pending_extension = null;
  }
  // 4. handling, then verification / review and call-back / confirmation; a failed check sends it back once
  const late = rng.next() < RATES.overdue;
  const rework = rng.next() < RATES.rework;
  for (let round = 0; round < 2; round++) {
    const start = round === 0 ? Math.max(t, dispatchedAt) : t;
    const end = Math.max(t + MIN, handlingEnd(start, round === 0 && late, round === 0 ? 0.15 + rng.next() * 0.7 : 0.1 + rng.next() * 0.4));
    const result = round === 0 ? '已到场处置完毕，现场恢复' : '已按要求二次处置';
    if (!step(handler, 'feedback', 'handled', { result }, end, result)) return finish();
    stopClock(t);
    row.handled_at = new Date(t).toISOString();
    const fail = round === 0 && rework;
    let closed = false;
    if (kind === 'event' || kind === 'asset') {
      if (!step(gridActor, 'verify', fail ? 'signed' : 'closed', { passed: !fail }, afterHours(t, 0.5 + rng.next() * 6))) return finish();
      closed = !fail;
    } else {
      if (!step(a.dispatcher, 'review', 'reviewed', { approved: true }, t + minutes(30, 240))) return finish();
      if (kind === 'hotline') {
        const satisfaction = fail ? 'unsatisfied' : 'satisfied';
        if (!step(a.dispatcher, 'callback', fail ? 'signed' : 'closed', { satisfaction }, afterHours(t, 1 + rng.next() * 8))) return finish();
        row.satisfaction = satisfaction;
      } else {
        if (!step(a.dispatcher, 'confirm', fail ? 'signed' : 'closed', { confirmed: !fail }, afterHours(t, 2 + rng.next() * 16))) return finish();
        row.satisfaction = fail ? 'unsatisfied' : 'satisfied';
      }
      closed = !fail;
    }
    if (closed) {
      row.closed_at = new Date(t).toISOString();
      row.closed_on_time = clocks.every((k) => k.row.overdue !== true);
      break;
    }
    row.rework_count += 1;
    row.handled_at = null;
    startClock(t);
  }
  // 5. evaluation of some closed cases
  if (row.state === 'closed' && rng.next() < RATES.evaluated) {
    const score = row.closed_on_time ? rng.int(80, 100) : rng.int(60, 85);
    if (step(a.leader, 'evaluate', 'evaluated', { score }, t + rng.int(1, 10) * DAY)) row.evaluation_score = score;
  }
  return finish();
}
