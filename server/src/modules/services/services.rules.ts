/**
 * Pure rules of applications: deadline snapshot, numbers, material
 * completeness, deferral (容缺), the bundle fan-out plan and the join.
 */
import type { FieldError } from '../../platform/errors/index.ts';
import { isResidentId, isUscc } from '../../platform/ids/index.ts';
import type { MaterialStatus } from './services.schema.ts';

/** Licensing Law art. 42: 20 working days when nothing shorter is promised. */
export const DEFAULT_DECISION_DAYS = 20;

/**
 * The decision clock's budget: the promised limit, capped by the statutory
 * one; the statutory one when nothing is promised; 20 working days when the
 * catalog has neither.
 */
export function decisionDays(promised: number | null | undefined, statutory: number | null | undefined): number {
  const p = promised ?? null;
  const s = statutory ?? null;
  if (p !== null && s !== null) return Math.min(p, s);
  if (p !== null) return p;
  if (s !== null) return s;
  return DEFAULT_DECISION_DAYS;
}

/** A bundle's budget: the longest of its items' budgets (they run in parallel). */
export function bundleDecisionDays(items: { promisedDays: number | null; statutoryDays: number | null }[]): number {
  if (items.length === 0) return DEFAULT_DECISION_DAYS;
  return Math.max(...items.map((i) => decisionDays(i.promisedDays, i.statutoryDays)));
}

/** A readable application number: prefix + China date + 6-digit serial, e.g. JY20261203000123. */
export function applicationNumber(prefix: string, chinaDate: string, serial: number): string {
  return `${prefix}${chinaDate.replaceAll('-', '')}${String(serial % 1_000_000).padStart(6, '0')}`;
}

export const NOTICE_PREFIX = {
  receipt: 'SL',
  correction: 'BZ',
  refusal: 'BSL',
  decision: 'JD',
  special_procedure: 'TB',
  extension: 'YQ',
  deferred: 'RQ',
  commitment: 'CN',
} as const;

/** A notice number: kind prefix, the application number and a running number. */
export function noticeNumber(kind: keyof typeof NOTICE_PREFIX, applicationNo: string, n: number): string {
  return `${NOTICE_PREFIX[kind]}${applicationNo}-${String(n).padStart(2, '0')}`;
}

/** Masks a resident ID or USCC for display: the first 6 and the last 4 characters stay. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return `${id.slice(0, 2)}${'*'.repeat(Math.max(id.length - 4, 0))}${id.slice(-2)}`;
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export interface MaterialState {
  key: string;
  name: string;
  requirement: string;
  deferrable: boolean;
  status: MaterialStatus;
}

/** Required materials not yet in (neither provided, reused nor deferred). */
export function missingMaterials<M extends MaterialState>(materials: readonly M[]): M[] {
  return materials.filter((m) => m.requirement === 'required' && m.status === 'missing');
}

export type DeferralCheck = { ok: true } | { ok: false; unknown: string[]; notDeferrable: string[]; stillMissing: string[] };

/**
 * May the window accept with the materials `keys` handed in later (容缺)?
 * Only materials the guide marks deferrable, and every other required
 * material must be in.
 */
export function checkDeferral(materials: readonly MaterialState[], keys: readonly string[]): DeferralCheck {
  const byKey = new Map(materials.map((m) => [m.key, m]));
  const unknown = keys.filter((k) => !byKey.has(k));
  const notDeferrable = keys.filter((k) => byKey.has(k) && !byKey.get(k)!.deferrable);
  const deferred = new Set(keys);
  const stillMissing = missingMaterials(materials)
    .filter((m) => !deferred.has(m.key))
    .map((m) => m.key);
  if (unknown.length || notDeferrable.length || stillMissing.length || keys.length === 0) return { ok: false, unknown, notDeferrable, stillMissing };
  return { ok: true };
}

export interface PlanItem {
  itemId: number;
  implCode: string;
  name: string;
  orgId: number | null;
  orgName: string;
  promisedDays: number | null;
  statutoryDays: number | null;
}

export interface SubPlan {
  itemId: number;
  implCode: string;
  name: string;
  orgId: number | null;
  orgName: string;
  decisionDays: number;
  /** Material keys of the parent this sub-application uses. */
  materialKeys: string[];
}

/**
 * The bundle fan-out: one sub-application per applicable item (so per item
 * and implementing department), each with its own budget and the merged
 * materials that serve it.
 */
export function fanOutPlan(items: readonly PlanItem[], materials: readonly { key: string; itemIds: readonly number[] }[]): SubPlan[] {
  return items.map((i) => ({
    itemId: i.itemId,
    implCode: i.implCode,
    name: i.name,
    orgId: i.orgId,
    orgName: i.orgName,
    decisionDays: decisionDays(i.promisedDays, i.statutoryDays),
    materialKeys: materials.filter((m) => m.itemIds.includes(i.itemId)).map((m) => m.key),
  }));
}

export type JoinOutcome = 'approved' | 'denied' | 'partial';

/** The bundle's outcome once every sub-application is decided; null while any is open. */
export function joinOutcome(subStates: readonly string[]): JoinOutcome | null {
  if (subStates.length === 0) return null;
  if (subStates.some((s) => s !== 'approved' && s !== 'denied')) return null;
  if (subStates.every((s) => s === 'approved')) return 'approved';
  if (subStates.every((s) => s === 'denied')) return 'denied';
  return 'partial';
}

export interface Step {
  name: string;
  actor?: string;
  days?: number;
}

/** The process steps of a review; one generic step when the guide lists none. */
export function reviewSteps(process: readonly Step[] | undefined): Step[] {
  const steps = (process ?? []).filter((s) => !/^(申请|受理|收件|送达|办结|领取)/.test(s.name));
  return steps.length ? steps.map((s) => ({ name: s.name, actor: s.actor, days: s.days })) : [{ name: '审查与决定', actor: '审批人员' }];
}

/** Whether `to` is an earlier step than `from` (a return goes back, never forward or to the same step). */
export function isEarlierStep(from: number, to: number): boolean {
  return Number.isInteger(to) && to >= 0 && to < from;
}

/** Has the decision been taken late? The matter is overdue when decided (or still open) after the due time. */
export function isOverdue(dueAt: string | null, at: Date): boolean {
  return dueAt !== null && at.getTime() > new Date(dueAt).getTime();
}

export interface FormField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: string[];
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Problems of the one application form against its fields (a bundle's merged
 * form): required fields filled, values of the declared type. Each names its
 * field as `formData.<key>`.
 */
export function formProblems(fields: readonly FormField[], data: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const bad = (f: FormField, zh: string, en: string) => out.push({ field: `formData.${f.key}`, message: `${f.label}：${zh}`, messageEn: `${f.key}: ${en}`, in: 'body' });
  for (const f of fields) {
    const v = data[f.key];
    if (blank(v)) {
      if (f.required) bad(f, '必填', 'required');
      continue;
    }
    const str = typeof v === 'string' ? v.trim() : null;
    switch (f.type) {
      case 'number':
        if (!(typeof v === 'number' && Number.isFinite(v)) && !(str !== null && /^-?\d+(\.\d+)?$/.test(str))) bad(f, '应为数字', 'must be a number');
        break;
      case 'date':
        if (str === null || !/^\d{4}-\d{2}-\d{2}$/.test(str) || Number.isNaN(Date.parse(str))) bad(f, '应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)');
        break;
      case 'boolean':
        if (typeof v !== 'boolean') bad(f, '应为是或否', 'must be true or false');
        break;
      case 'select': {
        const values = Array.isArray(v) ? v : [v];
        if (f.options?.length && !values.every((x) => typeof x === 'string' && f.options!.includes(x))) bad(f, `应从选项中选择：${f.options.join('、')}`, 'must be one of the options');
        break;
      }
      case 'resident_id':
        if (str === null || !isResidentId(str)) bad(f, '居民身份证号码无效', 'not a valid resident ID');
        break;
      case 'uscc':
        if (str === null || !isUscc(str)) bad(f, '统一社会信用代码无效', 'not a valid USCC');
        break;
      case 'phone':
        if (str === null || !/^[0-9+\-\s()]{7,20}$/.test(str)) bad(f, '电话号码无效', 'not a valid phone number');
        break;
      default:
        if (typeof v !== 'string' || v.length > 2000) bad(f, '应为不超过 2000 字的文字', 'must be text of at most 2000 characters');
    }
  }
  return out;
}
