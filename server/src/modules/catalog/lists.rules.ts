/**
 * Pure rules of the catalog's lists: devolution (赋权), territorial duties
 * (属地管理事项) and the proof-requirement list (证明事项清单).
 *
 * Territorial duties (DOMAIN §2; 2025 State Council opinion): county
 * departments carry the lead duty of the matters the list gives them and may
 * not push it down to towns. Enforced twice:
 * - on save, a town entry may make the town lead a matter a county entry
 *   gives to a department only when it cites an active devolution of the
 *   power to that very town (dutyPushDownProblem);
 * - on routing, selectDutyEntry takes the most specific entry for the town,
 *   but when that entry makes the town lead while a broader entry gives the
 *   matter to a department, the town leads only under an active devolution to
 *   it; otherwise the department entry is used. composeRoute then refuses a
 *   department lead that resolves to a town-level organisation and a town
 *   lead that resolves to anything but a town-level one. A town therefore
 *   only ever leads matters listed as the town's.
 */
import type { FieldError } from '../../platform/errors/index.ts';
import type { ItemType } from './catalog.types.rules.ts';
import type { DutyRole, DutyUnitKind } from './lists.schema.ts';

const fe = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn, in: 'body' });

// ── regions ────────────────────────────────────────────────────────────────

/**
 * A region code and the codes of the regions enclosing it, most specific
 * first: 320281107 → [320281107, 320281, 320200, 320000]. Lists published
 * by any of them apply in the region.
 */
export function regionAncestry(code: string): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  if (/^\d{9}$/.test(code)) {
    add(code);
    code = code.slice(0, 6);
  }
  if (!/^\d{6}$/.test(code)) return out;
  add(code);
  add(`${code.slice(0, 4)}00`);
  add(`${code.slice(0, 2)}0000`);
  return out;
}

/** Town-level units (towns, streets, townships, development zones) have 9-digit codes. */
export const isTownRegion = (code: string) => /^\d{9}$/.test(code);

/** Does a grant or list at `scope` cover `code` (same region or below)? */
export function regionContains(scope: string, code: string): boolean {
  return regionAncestry(code).includes(scope);
}

// ── organisations ──────────────────────────────────────────────────────────

export interface OrgFacts {
  id: number;
  name: string;
  type: string;
  level: string;
  regionCode: string;
  active: boolean;
}

const TOWN_ORG_TYPES = new Set(['town_government', 'street_office', 'dev_zone']);

/** A town-level organisation: a town government, street office or zone committee, or a body of one. */
export const isTownOrg = (o: Pick<OrgFacts, 'type' | 'level'>) => o.level === 'town' || o.level === 'village' || TOWN_ORG_TYPES.has(o.type);

/** A county (or higher) department: not a town-level body. */
export const isDepartmentOrg = (o: Pick<OrgFacts, 'type' | 'level'>) => !isTownOrg(o);

// ── devolution ─────────────────────────────────────────────────────────────

/** Jiangyin counts devolved powers as approval and public service vs penalty and other (890 = 75 + 815). */
export type DevolutionCategory = 'approval_service' | 'penalty_other';
const APPROVAL_SERVICE = new Set<string>(['licensing', 'public_service', 'confirmation', 'filing', 'benefit', 'reward', 'adjudication']);
export const devolutionCategory = (t: ItemType | string): DevolutionCategory => (APPROVAL_SERVICE.has(t) ? 'approval_service' : 'penalty_other');

/** The receiving side of a devolution: a town or zone, and optionally its organisation there. */
export function devolutionTargetProblems(regionCode: string, region: { level: string } | undefined, org: OrgFacts | null | undefined, orgId: number | null | undefined): FieldError[] {
  const out: FieldError[] = [];
  if (!region) out.push(fe('regionCode', `行政区划 ${regionCode} 不存在`, `Region ${regionCode} does not exist`));
  else if (region.level !== 'town' || !isTownRegion(regionCode)) {
    out.push(fe('regionCode', '承接赋权的须是镇（街道）或开发区', 'The receiving region must be a town, street or development zone'));
  }
  if (orgId != null) {
    if (!org) out.push(fe('orgId', `机构 ${orgId} 不存在`, `Organisation ${orgId} does not exist`));
    else if (!isTownOrg(org) || org.regionCode !== regionCode) {
      out.push(fe('orgId', '承接机构须是该镇（街道、开发区）的机构', 'The receiving organisation must belong to that town or zone'));
    }
  }
  return out;
}

// ── territorial duties ─────────────────────────────────────────────────────

export interface DutyText {
  text: string;
  basis: string;
}

export interface DutyUnitInput {
  unitKind: DutyUnitKind;
  /** Department: required. Town: null means "the town where the matter is"; a town entry may name one of its bodies. */
  orgId: number | null;
  unitName: string;
  duties: DutyText[];
}

export interface DutyEntryInput {
  matterCode: string;
  name: string;
  field: string;
  regionCode: string;
  description?: string | null;
  devolutionId: number | null;
  lead: DutyUnitInput;
  supporting: DutyUnitInput[];
}

/**
 * Problems of the units of an entry, given the organisations they name:
 * every duty has a basis; a department unit names an existing, active
 * county department whose region covers the entry; a town unit of a
 * county-wide entry names no organisation (it is whichever town the matter
 * is in), and of a town entry names none or a body of that town.
 */
export function dutyUnitProblems(e: DutyEntryInput, orgs: Map<number, OrgFacts>): FieldError[] {
  const out: FieldError[] = [];
  const check = (u: DutyUnitInput, path: string) => {
    u.duties.forEach((d, i) => {
      if (!d.basis.trim()) out.push(fe(`${path}.duties.${i}.basis`, '每项职责须有法律依据', 'Every duty needs its legal basis'));
    });
    const org = u.orgId == null ? undefined : orgs.get(u.orgId);
    if (u.unitKind === 'department') {
      if (u.orgId == null) out.push(fe(`${path}.orgId`, '部门须指明机构', 'A department unit must name its organisation'));
      else if (!org || !org.active) out.push(fe(`${path}.orgId`, `机构 ${u.orgId} 不存在或已撤销`, `Organisation ${u.orgId} does not exist or is inactive`));
      else if (!isDepartmentOrg(org)) out.push(fe(`${path}.orgId`, `${org.name}是镇级机构，不是县级部门`, `${org.name} is a town-level body, not a county department`));
      else if (!regionContains(org.regionCode, e.regionCode)) {
        out.push(fe(`${path}.orgId`, `${org.name}的辖区不含 ${e.regionCode}`, `${org.name} has no jurisdiction over ${e.regionCode}`));
      }
    } else if (u.orgId != null) {
      if (!isTownRegion(e.regionCode)) {
        out.push(fe(`${path}.orgId`, '县级清单中的镇（街道）职责不指定机构，由事发地镇（街道）承担', 'In a county-wide entry the town unit names no organisation: it is the town where the matter is'));
      } else if (!org || !org.active || !isTownOrg(org) || org.regionCode !== e.regionCode) {
        out.push(fe(`${path}.orgId`, '须是本镇（街道）的机构', 'Must be a body of this town'));
      }
    }
  };
  check(e.lead, 'lead');
  e.supporting.forEach((u, i) => check(u, `supporting.${i}`));
  if (e.devolutionId != null && e.lead.unitKind !== 'town') {
    out.push(fe('devolutionId', '只有镇（街道）牵头的事项才引用赋权决定', 'Only a town-led entry cites a devolution'));
  }
  return out;
}

/**
 * The no-push-down rule on save: a town entry making the town lead a matter
 * that a broader entry gives to a department needs an active devolution to
 * this town. Returns the field errors (empty when allowed).
 */
export function dutyPushDownProblem(
  e: Pick<DutyEntryInput, 'regionCode' | 'lead' | 'devolutionId'>,
  broader: { leadKind: DutyUnitKind; regionCode: string }[],
  devolution: { status: string; regionCode: string } | null,
): FieldError[] {
  if (e.lead.unitKind !== 'town') return [];
  const dept = broader.find((b) => b.leadKind === 'department' && b.regionCode !== e.regionCode && regionContains(b.regionCode, e.regionCode));
  if (!dept) return [];
  if (devolution && devolution.status === 'active' && devolution.regionCode === e.regionCode) return [];
  return [
    fe(
      'lead.unitKind',
      `县级清单（${dept.regionCode}）规定由部门牵头，不得下放给镇（街道）；如已依法赋权，请在 devolutionId 中引用赋权记录`,
      `The county list (${dept.regionCode}) gives the lead to a department; it may not be pushed down to the town. If the power was devolved, cite the record in devolutionId`,
    ),
  ];
}

export interface DutyRowFacts {
  id: number;
  role: DutyRole;
  unitKind: DutyUnitKind;
  orgId: number | null;
  unitName: string;
  duty: string;
  basis: string;
  sort: number;
}

export interface DutyEntryFacts {
  id: number;
  matterCode: string;
  name: string;
  field: string;
  regionCode: string;
  leadKind: DutyUnitKind;
  devolutionId: number | null;
  duties: DutyRowFacts[];
}

export interface DevolutionFacts {
  id: number;
  regionCode: string;
  status: string;
  decisionNo: string;
}

export interface DutySelection {
  entry: DutyEntryFacts;
  /** The devolution under which the town leads, when it does so over a department listing. */
  devolution: DevolutionFacts | null;
  /** A more specific entry made the town lead without a valid devolution; the department entry was used. */
  keptWithDepartment: boolean;
}

/**
 * Chooses the list entry that governs a matter in a region: the most
 * specific active entry whose region encloses it, subject to the
 * no-push-down rule (see the file comment). Null when the list has none.
 */
export function selectDutyEntry(entries: DutyEntryFacts[], regionCode: string, devolutions: Map<number, DevolutionFacts>): DutySelection | null {
  const ancestry = regionAncestry(regionCode);
  const candidates = entries
    .filter((e) => ancestry.includes(e.regionCode))
    .sort((a, b) => ancestry.indexOf(a.regionCode) - ancestry.indexOf(b.regionCode));
  const chosen = candidates[0];
  if (!chosen) return null;
  if (chosen.leadKind !== 'town') return { entry: chosen, devolution: null, keptWithDepartment: false };
  const dev = chosen.devolutionId == null ? undefined : devolutions.get(chosen.devolutionId);
  const validDev = dev && dev.status === 'active' && dev.regionCode === chosen.regionCode && dev.regionCode === regionCode ? dev : null;
  const dept = candidates.find((e) => e.leadKind === 'department');
  if (!dept) return { entry: chosen, devolution: validDev, keptWithDepartment: false };
  if (validDev) return { entry: chosen, devolution: validDev, keptWithDepartment: false };
  return { entry: dept, devolution: null, keptWithDepartment: true };
}

export interface DutyUnit {
  role: DutyRole;
  unitKind: DutyUnitKind;
  orgId: number | null;
  unitName: string;
  duties: { id: number; text: string; basis: string }[];
}

/** The duty rows of an entry grouped by unit, in sort order (the lead first). */
export function groupDuties(rows: DutyRowFacts[]): DutyUnit[] {
  const units: DutyUnit[] = [];
  const sorted = [...rows].sort((a, b) => (a.role === b.role ? a.sort - b.sort || a.id - b.id : a.role === 'lead' ? -1 : 1));
  for (const r of sorted) {
    let u = units.find((x) => x.role === r.role && x.unitKind === r.unitKind && x.orgId === r.orgId && x.unitName === r.unitName);
    if (!u) {
      u = { role: r.role, unitKind: r.unitKind, orgId: r.orgId, unitName: r.unitName, duties: [] };
      units.push(u);
    }
    u.duties.push({ id: r.id, text: r.duty, basis: r.basis });
  }
  return units;
}

export interface RouteUnit {
  orgId: number;
  name: string;
  kind: DutyUnitKind;
  duties: { id: number; text: string; basis: string }[];
}

export interface DutyRoute {
  lead: RouteUnit;
  supporting: RouteUnit[];
  reason: {
    zh: string;
    en: string;
    dutyId: number;
    basis: string;
    matterId: number;
    matterName: string;
    entryRegionCode: string;
    devolutionId: number | null;
    keptWithDepartment: boolean;
  };
}

/**
 * The route of a selected entry once each unit is resolved to an
 * organisation (`resolved` in the order of groupDuties; null when the unit
 * has none: no such town body, an inactive department). Null (the
 * dispatcher's queue) when the lead does not resolve, or resolves to an
 * organisation of the wrong kind: a department lead is never a town body
 * and a town lead is always one.
 */
export function composeRoute(sel: DutySelection, units: DutyUnit[], resolved: (OrgFacts | null)[]): DutyRoute | null {
  const leadIdx = units.findIndex((u) => u.role === 'lead');
  if (leadIdx < 0) return null;
  const leadUnit = units[leadIdx];
  const leadOrg = resolved[leadIdx];
  if (!leadOrg || !leadOrg.active || leadUnit.unitKind !== sel.entry.leadKind) return null;
  if (leadUnit.unitKind === 'department' ? !isDepartmentOrg(leadOrg) : !isTownOrg(leadOrg)) return null;
  const lead: RouteUnit = { orgId: leadOrg.id, name: leadOrg.name, kind: leadUnit.unitKind, duties: leadUnit.duties };
  const supporting: RouteUnit[] = [];
  units.forEach((u, i) => {
    const org = resolved[i];
    if (u.role !== 'support' || !org || !org.active || org.id === lead.orgId) return;
    if (u.unitKind === 'department' ? !isDepartmentOrg(org) : !isTownOrg(org)) return;
    const same = supporting.find((s) => s.orgId === org.id);
    if (same) same.duties.push(...u.duties);
    else supporting.push({ orgId: org.id, name: org.name, kind: u.unitKind, duties: [...u.duties] });
  });
  const e = sel.entry;
  const basis = leadUnit.duties[0].basis;
  const dev = sel.devolution;
  const zh =
    `依属地管理事项清单「${e.name}」（${e.matterCode}），由${lead.name}牵头处置` +
    (dev ? `（依赋权决定 ${dev.decisionNo}）` : '') +
    (sel.keptWithDepartment ? '；清单规定该事项由县级部门牵头，不得交由镇（街道）牵头' : '') +
    `。职责依据：${basis}`;
  const en =
    `Per the territorial duty list entry "${e.name}" (${e.matterCode}), ${lead.name} leads` +
    (dev ? ` (under devolution decision ${dev.decisionNo})` : '') +
    (sel.keptWithDepartment ? '; the list gives this matter to a county department, so a town may not lead it' : '') +
    `. Basis: ${basis}`;
  return {
    lead,
    supporting,
    reason: {
      zh,
      en,
      dutyId: leadUnit.duties[0].id,
      basis,
      matterId: e.id,
      matterName: e.name,
      entryRegionCode: e.regionCode,
      devolutionId: dev?.id ?? null,
      keptWithDepartment: sel.keptWithDepartment,
    },
  };
}

// ── proof-requirement list ─────────────────────────────────────────────────

/** Proof codes compare trimmed and upper-cased. */
export const normaliseProofCode = (code: string) => code.trim().toUpperCase();

export interface UnlistedProof {
  /** Index of the material in the content's materials. */
  index: number;
  name: string;
  proofCode: string;
  /** unlisted: no such proof on the list in force here; cancelled: taken off the list. */
  reason: 'unlisted' | 'cancelled';
}

/**
 * Materials that claim to be proofs but reference no listed proof
 * (Regulation art. 44: only listed proofs may be asked for). `listed` maps
 * normalised codes in force for the item's region to their status.
 */
export function unlistedProofs(
  content: { materials?: { name: string; proofCode?: string | null }[] },
  listed: Map<string, 'listed' | 'cancelled'>,
): UnlistedProof[] {
  const out: UnlistedProof[] = [];
  (content.materials ?? []).forEach((m, index) => {
    if (!m.proofCode || !m.proofCode.trim()) return;
    const status = listed.get(normaliseProofCode(m.proofCode));
    if (status === 'listed') return;
    out.push({ index, name: m.name, proofCode: m.proofCode, reason: status === 'cancelled' ? 'cancelled' : 'unlisted' });
  });
  return out;
}
