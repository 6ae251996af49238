/**
 * Pure rules of the case loop (DOMAIN §2, §5): handling limits by category,
 * hotline kind and urgency; routing outcome and the no-push-down rule for a
 * dispatch; likely duplicates; returns and arbitration; escalation up the
 * command hierarchy; indicators and the composite score.
 */
import type { FieldError } from '../../platform/errors/index.ts';
import type { CaseKind, CategoryKind, HotlineKind, LimitUnit, Urgency } from './cases.schema.ts';

const fe = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn, in: 'body' });

// ── limits ─────────────────────────────────────────────────────────────────

/** The clock units a case may run on: the category's, or calendar days for "same day" emergencies. */
export type CaseClockUnit = LimitUnit | 'calendar_days';

export interface Limit {
  amount: number;
  unit: CaseClockUnit;
  /** Where the limit comes from, for the case response. */
  basis: 'category' | 'hotline_kind' | 'emergency';
}

/** 12345 default limits (local, DOMAIN §5): consultation and help 3 working days; complaint, report and suggestion 13. */
export const HOTLINE_DEFAULT_LIMITS: Record<HotlineKind, number> = { consult: 3, help: 3, complaint: 13, report: 13, suggest: 13 };

export const HOTLINE_KIND_LABELS: Record<HotlineKind, { zh: string; en: string }> = {
  consult: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggest: { zh: '建议', en: 'Suggestion' },
};

/**
 * The handling limit of a case: an emergency is handled the same day
 * (calendar day 0: due at the end of the day it is dispatched); a hotline
 * request takes its kind's limit (from the hotline kind's category when
 * staff edited it, else the default); everything else the category's.
 */
export function limitFor(c: {
  category: { limitAmount: number; limitUnit: LimitUnit };
  source: string;
  hotlineKind: HotlineKind | null;
  urgency: Urgency;
  hotlineKindLimit?: { limitAmount: number; limitUnit: LimitUnit } | null;
}): Limit {
  if (c.urgency === 'emergency') return { amount: 0, unit: 'calendar_days', basis: 'emergency' };
  if (c.hotlineKind && c.source === 'hotline') {
    const k = c.hotlineKindLimit;
    return k ? { amount: k.limitAmount, unit: k.limitUnit, basis: 'hotline_kind' } : { amount: HOTLINE_DEFAULT_LIMITS[c.hotlineKind], unit: 'working_days', basis: 'hotline_kind' };
  }
  return { amount: c.category.limitAmount, unit: c.category.limitUnit, basis: 'category' };
}

/** When to warn: one working day before for limits of 3 days or more; a fifth of the time (at least half an hour) for hour limits. */
export function warnBeforeFor(limit: { amount: number; unit: CaseClockUnit }): number {
  if (limit.unit === 'working_hours') return Math.max(0.5, Math.round(limit.amount * 0.2 * 2) / 2);
  if (limit.unit === 'working_days') return limit.amount >= 3 ? 1 : 0;
  return 0;
}

/** A category limit must be a positive amount: whole working days (at most 60), or working hours in half hours (at most 240). */
export function limitProblems(amount: number, unit: LimitUnit, field = 'limitAmount'): FieldError[] {
  if (!Number.isFinite(amount) || amount <= 0) return [fe(field, '办理时限必须大于 0', 'The limit must be greater than 0')];
  if (unit === 'working_days' && (!Number.isInteger(amount) || amount > 60)) return [fe(field, '工作日时限须为 1–60 的整数', 'Working-day limits are whole numbers from 1 to 60')];
  if (unit === 'working_hours' && (amount * 2 !== Math.round(amount * 2) || amount > 240)) {
    return [fe(field, '工作小时时限须为 0.5 的整数倍且不超过 240', 'Working-hour limits are in half hours, at most 240')];
  }
  return [];
}

/** The case kind of a category: assets and events by their class; hotline categories make hotline cases; complaints complaints. */
export const caseKindOf = (k: CategoryKind): CaseKind => k;

// ── routing ────────────────────────────────────────────────────────────────

export type UnitKind = 'department' | 'town';

export interface OrgFacts {
  id: number;
  name: string;
  type: string;
  level: string;
  regionCode: string;
  active: boolean;
  path: number[];
}

const TOWN_ORG_TYPES = new Set(['town_government', 'street_office', 'dev_zone']);
/** Town-level bodies: towns, streets, zones and everything inside them (their centres and teams). */
export const isTownLevelOrg = (o: Pick<OrgFacts, 'type' | 'level'>) => o.level === 'town' || o.level === 'village' || TOWN_ORG_TYPES.has(o.type);

/** Why a case could not be routed (it goes to the dispatcher's queue with this reason). */
export type UnroutableReason = 'no_location' | 'outside_grids' | 'no_duty_matter' | 'no_duty_entry';

export const UNROUTABLE_LABELS: Record<UnroutableReason, { zh: string; en: string }> = {
  no_location: { zh: '未提供位置或所属镇（街道），无法确定属地', en: 'No location or town given; the territory is unknown' },
  outside_grids: { zh: '位置不在任何网格内，无法确定属地', en: 'The location is outside every grid; the territory is unknown' },
  no_duty_matter: { zh: '该分类未关联属地管理事项，须人工派遣', en: 'The category has no territorial-duty matter; dispatch by hand' },
  no_duty_entry: { zh: '属地管理事项清单中没有适用于该镇（街道）的条目或牵头单位，须人工派遣', en: 'The duty list has no usable entry or lead for this town; dispatch by hand' },
};

export interface RouteSuggestion {
  lead: { orgId: number; name: string; kind: UnitKind };
  supporting: { orgId: number; name: string; kind: UnitKind }[];
  reason: { zh: string; en: string; basis: string; matterName: string; keptWithDepartment: boolean };
}

/**
 * May the case be dispatched to `target`? A matter the duty list gives to a
 * county department (including a 12345 request belonging to a department)
 * is never dispatched down to a town-level body (DOMAIN §2, 2025 opinion).
 * The target must be an active organisation of the case's county.
 */
export function dispatchTargetProblems(route: RouteSuggestion | null, target: OrgFacts | null, caseRegionCode: string): FieldError[] {
  if (!target || !target.active) return [fe('orgId', '处置单位不存在或已撤销', 'The handling unit does not exist or is inactive')];
  if (!target.regionCode.startsWith(caseRegionCode.slice(0, 6))) {
    return [fe('orgId', '处置单位不在本案件所属县（市、区）', "The handling unit is outside the case's county")];
  }
  if (route && route.lead.kind === 'department' && isTownLevelOrg(target)) {
    return [
      fe(
        'orgId',
        `属地管理事项清单规定「${route.reason.matterName}」由县级部门牵头，不得派遣给镇（街道）`,
        `The duty list gives "${route.reason.matterName}" to a county department; it may not be dispatched down to a town`,
      ),
    ];
  }
  return [];
}

/** Units that may lead the case: the suggested lead and, for a department-led matter, only departments among the supporting units. */
export function leadCandidates(route: RouteSuggestion | null): number[] {
  if (!route) return [];
  const more = route.supporting.filter((s) => route.lead.kind === 'town' || s.kind === 'department').map((s) => s.orgId);
  return [...new Set([route.lead.orgId, ...more])];
}

/** After a return: did every unit that may lead the case return it? Then the county centre arbitrates. */
export function everyCandidateReturned(route: RouteSuggestion | null, returned: readonly number[]): boolean {
  const candidates = leadCandidates(route);
  return candidates.length > 0 && candidates.every((id) => returned.includes(id));
}

// ── duplicates ─────────────────────────────────────────────────────────────

export interface Point {
  lng: number;
  lat: number;
}

/** Great-circle distance in metres (WGS-84 mean radius). */
export function distanceMetres(a: Point, b: Point): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box around a point that holds every point within `metres` (a cheap index filter before the exact distance). */
export function boundingBox(p: Point, metres: number): { minLng: number; maxLng: number; minLat: number; maxLat: number } {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
  return { minLng: p.lng - dLng, maxLng: p.lng + dLng, minLat: p.lat - dLat, maxLat: p.lat + dLat };
}

export interface DuplicateSettings {
  radiusMetres: number;
  hours: number;
}
export const DEFAULT_DUPLICATES: DuplicateSettings = { radiusMetres: 50, hours: 72 };

export interface DuplicateCandidate extends Point {
  id: number;
  caseNo: string;
  categoryCode: string;
  reportedAt: Date;
  state: string;
}

/** States in which a case can still absorb duplicates (it is not closed, invalid or itself merged). */
export const OPEN_FOR_MERGE = ['reported', 'filed', 'dispatched', 'signed', 'returned', 'arbitration', 'handled', 'reviewed'];

/**
 * Likely duplicates of a case: same sub-class, within the radius and within
 * the time window (either side), still open; nearest first.
 */
export function findDuplicates(
  c: { id?: number; categoryCode: string; reportedAt: Date } & Point,
  others: DuplicateCandidate[],
  s: DuplicateSettings = DEFAULT_DUPLICATES,
): { id: number; caseNo: string; distanceMetres: number; hoursApart: number }[] {
  return others
    .filter((o) => o.id !== c.id && o.categoryCode === c.categoryCode && OPEN_FOR_MERGE.includes(o.state))
    .map((o) => ({ o, d: distanceMetres(c, o), h: Math.abs(c.reportedAt.getTime() - o.reportedAt.getTime()) / 3_600_000 }))
    .filter(({ d, h }) => d <= s.radiusMetres && h <= s.hours)
    .sort((a, b) => a.d - b.d || a.h - b.h)
    .map(({ o, d, h }) => ({ id: o.id, caseNo: o.caseNo, distanceMetres: Math.round(d * 10) / 10, hoursApart: Math.round(h * 10) / 10 }));
}

// ── escalation ─────────────────────────────────────────────────────────────

export const ESCALATION_LEVELS = [
  { zh: '镇（街道）指挥中心', en: 'town centre' },
  { zh: '县（市、区）指挥中心', en: 'county centre' },
  { zh: '市指挥中心', en: 'city centre' },
] as const;

/** The next level up the command hierarchy (town → county → city), or null at the top. */
export function nextEscalationLevel(level: number): number | null {
  return level < ESCALATION_LEVELS.length - 1 ? level + 1 : null;
}

/** The region a level's centre covers: the town (9 digits), the county (6) or the city (4 + 00). */
export function centreRegion(regionCode: string, level: number): string {
  if (level <= 0 && regionCode.length === 9) return regionCode;
  if (level <= 1) return regionCode.slice(0, 6);
  return `${regionCode.slice(0, 4)}00`;
}

// ── case numbers ───────────────────────────────────────────────────────────

/** A readable, unique case number: county code, China-local date and the id (e.g. 320281-20261203-000042). */
export function caseNumber(regionCode: string, at: Date, id: number): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${regionCode.slice(0, 6)}-${local}-${String(id).padStart(6, '0')}`;
}

// ── indicators ─────────────────────────────────────────────────────────────

export interface UnitFigures {
  received: number;
  dispatched: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  extended: number;
}

export interface Rates {
  closureRate: number | null;
  onTimeClosureRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  /** 0–100: 40 on-time closure, 30 closure, 20 no rework, 10 no extension. */
  score: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Rates and the composite score (DOMAIN §5 indicators) of one unit; null when nothing was dispatched to it. */
export function ratesOf(f: UnitFigures): Rates {
  const closureRate = ratio(f.closed, f.dispatched);
  const onTimeClosureRate = ratio(f.closedOnTime, f.closed);
  const reworkRate = ratio(f.reworked, f.dispatched);
  const extensionRate = ratio(f.extended, f.dispatched);
  if (closureRate === null) return { closureRate, onTimeClosureRate, reworkRate, extensionRate, score: null };
  const score = 40 * (onTimeClosureRate ?? 0) + 30 * closureRate + 20 * (1 - (reworkRate ?? 0)) + 10 * (1 - (extensionRate ?? 0));
  return { closureRate, onTimeClosureRate, reworkRate, extensionRate, score: Math.round(score * 10) / 10 };
}
