/**
 * What the bulk demo cases are generated from, read once from a seeded demo
 * county: the case categories, the leaf grids (with weights that make town
 * centres denser and their grid workers), the duty-list routing of every
 * (town, matter) pair through the cases module's own `routeCase`, the
 * handling units a dispatcher would pick, and the demo accounts that act.
 */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../../platform/db/index.ts';
import type { Calendar } from '../../../platform/clock/index.ts';
import { dispatchTargetProblems, routeCase, type RouteSuggestion } from '../../cases/index.ts';
import type { GridGeometry } from '../../grids/index.ts';

export const COUNTY = '320281';

export interface PlanCategory {
  id: number;
  code: string;
  kind: 'asset' | 'event' | 'hotline' | 'complaint';
  name: string;
  version: number;
  limitAmount: number;
  limitUnit: 'working_days' | 'working_hours';
  urgency: 'normal' | 'urgent' | 'emergency';
  dutyMatterCode: string | null;
  hotlineKind: string | null;
}

export interface PlanGrid {
  id: number;
  code: string;
  name: string;
  town: string;
  geometry: GridGeometry;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** Cumulative weight (households, times up to 5 near the town's centre) for weighted picks. */
  cumulative: number;
  /** The grid's full-time grid worker (网格员), who reports and verifies. */
  worker: string;
}

export interface PlanOrg {
  id: number;
  name: string;
  path: number[];
  regionCode: string;
  type: string;
  level: string;
  active: boolean;
}

/** How a (town, category) pair is routed and whom the dispatcher sends it to. */
export interface PlanRoute {
  routing: { status: 'routed' | 'unroutable'; reason: unknown; suggestion: RouteSuggestion | null };
  /** The unit the case is dispatched to (validated by the cases module's no-push-down rule). */
  target: PlanOrg;
  /** A unit a hasty first dispatch may pick instead, which then returns the case (退单), or null. */
  wrong: PlanOrg | null;
}

export interface PlanActor {
  id: number | null;
  username: string;
  displayName: string;
}

export interface CasesPlan {
  categories: Map<string, PlanCategory>;
  grids: PlanGrid[];
  totalWeight: number;
  /** key `${town}|${categoryCode}` */
  routes: Map<string, PlanRoute>;
  hotlineKindLimits: Map<string, { limitAmount: number; limitUnit: 'working_days' | 'working_hours' }>;
  actors: { grid: PlanActor; dispatcher: PlanActor; handler: PlanActor; leader: PlanActor; system: PlanActor; person: PlanActor; firm: PlanActor & { uscc: string | null } };
  demoTown: string;
  firms: { uscc: string; name: string }[];
  calendar: Calendar;
}

/** Units a dispatcher picks for categories the duty list does not route (no matter code), by category code. */
const MANUAL_TARGETS: Record<string, string> = {
  A0301: 'enf',
  A0401: 'enf',
  A9901: 'enf',
  A0501: `${COUNTY}.zjj`,
  H01: `${COUNTY}.spj`,
  H02: `${COUNTY}.mzj`,
  H03: `${COUNTY}.scjg`,
  H04: `${COUNTY}.zfj`,
  H05: 'gov',
};

async function actor(ex: Executor, username: string): Promise<PlanActor & { uscc: string | null }> {
  const [row] = await query<{ id: number; display_name: string; uscc: string | null }>(ex, sql`select id, display_name, uscc from accounts where username = ${username}`);
  return row ? { id: row.id, username, displayName: row.display_name, uscc: row.uscc } : { id: null, username, displayName: username, uscc: null };
}

/** Reads everything the generator needs from a seeded demo county (grids, catalog duties, organisations, demo accounts). */
export async function loadCasesPlan(ex: Executor, calendar: Calendar, demoTown = '320281107'): Promise<CasesPlan> {
  const cats = await query<{
    id: number;
    code: string;
    kind: PlanCategory['kind'];
    name: string;
    version: number;
    limit_amount: number;
    limit_unit: PlanCategory['limitUnit'];
    default_urgency: PlanCategory['urgency'];
    duty_matter_code: string | null;
    hotline_kind: string | null;
  }>(ex, sql`select id, code, kind, name, version, limit_amount, limit_unit, default_urgency, duty_matter_code, hotline_kind from case_categories where active`);
  const categories = new Map(
    cats.map((c) => [
      c.code,
      {
        id: c.id,
        code: c.code,
        kind: c.kind,
        name: c.name,
        version: c.version,
        limitAmount: Number(c.limit_amount),
        limitUnit: c.limit_unit,
        urgency: c.default_urgency,
        dutyMatterCode: c.duty_matter_code,
        hotlineKind: c.hotline_kind,
      } satisfies PlanCategory,
    ]),
  );
  const hotlineKindLimits = new Map(cats.filter((c) => c.kind === 'hotline' && c.hotline_kind).map((c) => [c.hotline_kind!, { limitAmount: Number(c.limit_amount), limitUnit: c.limit_unit }]));

  const leaves = await query<{ id: number; code: string; name: string; town: string; geometry: GridGeometry; households: number; min_lng: number; min_lat: number; max_lng: number; max_lat: number; worker: string | null }>(
    ex,
    sql`select g.id, g.code, g.name, g.town_region_code as town, g.geometry, g.households, g.min_lng, g.min_lat, g.max_lng, g.max_lat,
               (select s.person_name from grid_staff s where s.grid_id = g.id and s.role = 'grid_worker' order by s.sort, s.id limit 1) as worker
          from grids g where g.level = 3 and g.active and g.town_region_code like ${`${COUNTY}%`} order by g.code`,
  );
  if (leaves.length === 0) throw new Error('demo cases: no grids in the demo county; seed the grids first');
  // town extents: leaves near the middle of their town weigh up to 5 times more (town centres are denser)
  const extent = new Map<string, { minLng: number; minLat: number; maxLng: number; maxLat: number }>();
  for (const g of leaves) {
    const e = extent.get(g.town);
    if (!e) extent.set(g.town, { minLng: g.min_lng, minLat: g.min_lat, maxLng: g.max_lng, maxLat: g.max_lat });
    else Object.assign(e, { minLng: Math.min(e.minLng, g.min_lng), minLat: Math.min(e.minLat, g.min_lat), maxLng: Math.max(e.maxLng, g.max_lng), maxLat: Math.max(e.maxLat, g.max_lat) });
  }
  let total = 0;
  const grids: PlanGrid[] = leaves.map((g) => {
    const e = extent.get(g.town)!;
    const cx = (e.minLng + e.maxLng) / 2;
    const cy = (e.minLat + e.maxLat) / 2;
    const r = Math.hypot(e.maxLng - e.minLng, e.maxLat - e.minLat) / 4;
    const d = Math.hypot((g.min_lng + g.max_lng) / 2 - cx, (g.min_lat + g.max_lat) / 2 - cy);
    total += Math.max(1, g.households) * (1 + 4 * Math.exp(-((d / r) ** 2)));
    return {
      id: g.id,
      code: g.code,
      name: g.name,
      town: g.town,
      geometry: g.geometry,
      minLng: g.min_lng,
      minLat: g.min_lat,
      maxLng: g.max_lng,
      maxLat: g.max_lat,
      cumulative: total,
      worker: g.worker ?? '网格员',
    };
  });

  const orgRows = await query<{ id: number; code: string; name: string; path: number[]; region_code: string; type: string; level: string; active: boolean }>(
    ex,
    sql`select id, code, name, path, region_code, type, level, active from organisations where region_code like ${`${COUNTY}%`}`,
  );
  const byId = new Map<number, PlanOrg>();
  const byCode = new Map<string, PlanOrg>();
  for (const o of orgRows) {
    const org = { id: o.id, name: o.name, path: o.path, regionCode: o.region_code, type: o.type, level: o.level, active: o.active };
    byId.set(o.id, org);
    byCode.set(o.code, org);
  }
  const valid = (route: RouteSuggestion | null, org: PlanOrg | undefined, town: string): org is PlanOrg => !!org && dispatchTargetProblems(route, org, town).length === 0;

  const routes = new Map<string, PlanRoute>();
  const towns = [...extent.keys()];
  for (const town of towns) {
    for (const c of categories.values()) {
      const r = await routeCase(ex, undefined, { townRegionCode: town, dutyMatterCode: c.dutyMatterCode });
      const suggestion = r.suggestion;
      let target: PlanOrg | undefined;
      let wrong: PlanOrg | null = null;
      if (suggestion) {
        // town-led matters go to the town's enforcement bureau, department-led ones to the department
        const enf = byCode.get(`${town}.enf`);
        target = suggestion.lead.kind === 'town' && valid(suggestion, enf, town) ? enf : byId.get(suggestion.lead.orgId);
        if (!valid(suggestion, target, town)) target = undefined;
        const alt = suggestion.supporting.map((s) => byId.get(s.orgId)).find((o) => o && o.id !== target?.id && valid(suggestion, o, town));
        wrong = alt ?? null;
      } else {
        const manual = MANUAL_TARGETS[c.code] ?? 'enf';
        target = byCode.get(manual.startsWith(COUNTY) ? manual : `${town}.${manual}`);
        if (!valid(null, target, town)) target = byCode.get(`${COUNTY}.cgj`);
      }
      if (!target) continue; // neither the duty list nor the fallback gives a unit: the generator avoids the pair
      routes.set(`${town}|${c.code}`, { routing: { status: r.status, reason: r.reason, suggestion }, target, wrong });
    }
  }

  const firms = await query<{ uscc: string; name: string }>(ex, sql`select uscc, name from entities where region_code like ${`${COUNTY}%`} and kind = 'enterprise' order by uscc limit 400`);
  const a = {
    grid: await actor(ex, 'grid'),
    dispatcher: await actor(ex, 'dispatcher'),
    handler: await actor(ex, 'handler'),
    leader: await actor(ex, 'leader'),
    person: await actor(ex, 'person'),
    firm: await actor(ex, 'firm'),
    system: { id: null, username: 'system', displayName: '系统' },
  };
  return { categories, grids, totalWeight: total, routes, hotlineKindLimits, actors: a, demoTown, firms, calendar };
}
