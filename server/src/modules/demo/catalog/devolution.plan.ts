/**
 * The devolution plan as data: which county item goes to which town or
 * zone, in which category, under which decision; and the town or zone
 * implementation of each. Pure: the same catalog and towns give the same plan.
 */
import type { ItemContentInput } from '../../catalog/index.ts';
import { devolutionCategory } from '../../catalog/index.ts';
import { devolvedContent, type BuiltItem, type OrgRef, type TownRef } from './build.ts';
import {
  STREET_PENALTY_COUNT,
  TOWN_APPROVAL_DECISION,
  TOWN_APPROVAL_POOL,
  TOWN_PENALTY_DECISION,
  TOWN_PENALTY_SOURCES,
  ZONE_DECISION,
  ZONE_SOURCES,
  ZONES,
  type DevolutionDecision,
} from './data.devolution.ts';
import { TARGETS } from './data.index.ts';

export interface PlannedDevolution {
  county: BuiltItem;
  town: TownRef;
  /** Receiving organisation (town government, street office or zone committee). */
  receiver: OrgRef;
  decision: DevolutionDecision;
  field: string;
  /** The town's or zone's implementation of the item. */
  content: ItemContentInput;
}

/** Splits `total` over `n` receivers as evenly as possible, the first ones one more. */
function spread(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

function org(orgs: Map<string, OrgRef>, code: string): OrgRef {
  const o = orgs.get(code);
  if (!o) throw new Error(`demo catalog: organisation ${code} missing`);
  return o;
}

export function planDevolutions(county: BuiltItem[], towns: TownRef[], orgs: Map<string, OrgRef>): PlannedDevolution[] {
  const byName = new Map(county.map((c) => [c.spec.name, c]));
  const approvalPool = TOWN_APPROVAL_POOL.map((n) => {
    const item = byName.get(n);
    if (!item || devolutionCategory(item.spec.type) !== 'approval_service') throw new Error(`demo catalog: devolution pool item ${n} missing or not an approval`);
    return item;
  });
  // penalties first (the enforcement powers towns need most), then compulsory measures, inspections and the rest
  const rank = (t: string) => ['penalty', 'compulsion', 'inspection'].indexOf(t) >>> 0;
  const penaltyPool = TOWN_PENALTY_SOURCES.flatMap((src) =>
    (src.fields ?? [undefined]).flatMap((field) =>
      county.filter((c) => c.spec.dept === src.dept && (field === undefined || c.spec.field === field) && devolutionCategory(c.spec.type) === 'penalty_other'),
    ),
  ).sort((a, b) => rank(a.spec.type) - rank(b.spec.type));
  const streets = towns.filter((t) => t.townKind === 'street');
  const proper = towns.filter((t) => t.townKind === 'town' || t.townKind === 'township');
  const out: PlannedDevolution[] = [];
  const add = (item: BuiltItem, town: TownRef, decision: DevolutionDecision, bodyKey: 'gov' | 'enf') => {
    const receiver = org(orgs, `${town.code}.gov`);
    const body = org(orgs, `${town.code}.${bodyKey}`);
    const content = devolvedContent(item.content, body, town, orgs.get(`${town.code}.svc`));
    const [y, m, d] = decision.effectiveDate.split('-').map(Number);
    content.remarks = `依${decision.decidedBy}${decision.decisionNo}文件赋权，由${body.name}以自己名义实施，自${y}年${m}月${d}日起施行。`;
    out.push({ county: item, town, receiver, decision, field: item.spec.field, content });
  };

  // penalty and other: streets a fixed share, towns the rest
  const penaltyForTowns = TARGETS.devolvedPenaltyOther - STREET_PENALTY_COUNT * streets.length;
  const townPenalty = spread(penaltyForTowns, proper.length);
  const need = Math.max(STREET_PENALTY_COUNT, ...townPenalty);
  if (penaltyPool.length < need) throw new Error(`demo catalog: the town penalty pool has ${penaltyPool.length} items, ${need} needed`);
  streets.forEach((t) => penaltyPool.slice(0, STREET_PENALTY_COUNT).forEach((item) => add(item, t, TOWN_PENALTY_DECISION, 'enf')));
  proper.forEach((t, i) => penaltyPool.slice(0, townPenalty[i]).forEach((item) => add(item, t, TOWN_PENALTY_DECISION, 'enf')));

  // approval and public service: streets four each, towns the rest
  const streetApprovals = 4;
  const townApproval = spread(TARGETS.devolvedApprovalService - streetApprovals * streets.length, proper.length);
  if (approvalPool.length < Math.max(streetApprovals, ...townApproval)) throw new Error('demo catalog: the town approval pool is too small');
  streets.forEach((t) => approvalPool.slice(0, streetApprovals).forEach((item) => add(item, t, TOWN_APPROVAL_DECISION, 'gov')));
  proper.forEach((t, i) => approvalPool.slice(0, townApproval[i]).forEach((item) => add(item, t, TOWN_APPROVAL_DECISION, 'gov')));

  // development zones: approval powers of the listed departments, in priority order
  const zonePool = ZONE_SOURCES.flatMap((dept) => county.filter((c) => c.spec.dept === dept && ['licensing', 'filing', 'confirmation'].includes(c.spec.type)));
  for (const z of ZONES) {
    const zone = towns.find((t) => t.code === z.code);
    if (!zone) throw new Error(`demo catalog: development zone ${z.code} missing`);
    if (zonePool.length < z.count) throw new Error('demo catalog: the zone approval pool is too small');
    zonePool.slice(0, z.count).forEach((item) => add(item, zone, ZONE_DECISION, 'gov'));
  }
  const total = TARGETS.devolvedApprovalService + TARGETS.devolvedPenaltyOther + TARGETS.zoneApprovals;
  if (out.length !== total) throw new Error(`demo catalog: planned ${out.length} devolutions, expected ${total}`);
  return out;
}

/** How many devolution rows the plan makes (the implementations count as power items). */
export const DEVOLVED_TOTAL = TARGETS.devolvedApprovalService + TARGETS.devolvedPenaltyOther + TARGETS.zoneApprovals;
