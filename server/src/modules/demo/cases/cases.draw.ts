/** Drawing a demo case: source, category, grid (weighted towards town centres), a point inside it, and when it was reported. */
import { isoOf, localDayOf } from '../../../platform/clock/index.ts';
import type { Rng } from '../../../platform/ids/index.ts';
import type { HotlineKind } from '../../cases/index.ts';
import { INSIDE, pointInGeometry } from '../../grids/index.ts';
import { ENTERPRISE, HOTLINE, SENSOR, STREET, type Weights } from './cases.data.ts';
import type { CasesPlan, PlanCategory, PlanGrid, PlanRoute } from './cases.plan.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DemoSource = 'grid_patrol' | 'hotline' | 'public' | 'sensor' | 'enterprise' | 'open311';
/** Intended shares of the sources (the test checks the generated counts against them). */
export const SOURCE_SHARES: Readonly<Record<DemoSource, number>> = { grid_patrol: 0.5, hotline: 0.22, public: 0.12, sensor: 0.06, enterprise: 0.05, open311: 0.05 };
export const HOTLINE_KIND_SHARES: Readonly<Record<HotlineKind, number>> = { complaint: 0.35, report: 0.2, help: 0.2, consult: 0.15, suggest: 0.1 };

/** What is drawn before the id is known: where, what, who, when. */
export interface CaseSpec {
  source: DemoSource;
  category: PlanCategory;
  hotlineKind: HotlineKind | null;
  grid: PlanGrid;
  lng: number;
  lat: number;
  route: PlanRoute;
  reportedAt: number;
}

function weighted(rng: Rng, items: Weights): string {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng.next() * total;
  for (const [k, w] of items) {
    x -= w;
    if (x < 0) return k;
  }
  return items[items.length - 1][0];
}

function pickSource(rng: Rng): DemoSource {
  return weighted(rng, Object.entries(SOURCE_SHARES)) as DemoSource;
}

function pickGrid(rng: Rng, plan: CasesPlan): PlanGrid {
  const x = rng.next() * plan.totalWeight;
  let lo = 0;
  let hi = plan.grids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.grids[mid].cumulative > x) hi = mid;
    else lo = mid + 1;
  }
  return plan.grids[lo];
}

/** A point strictly inside the grid (rejection sampling within its box). */
function pointIn(rng: Rng, g: PlanGrid): { lng: number; lat: number } {
  for (let i = 0; i < 50; i++) {
    const lng = g.minLng + (0.02 + rng.next() * 0.96) * (g.maxLng - g.minLng);
    const lat = g.minLat + (0.02 + rng.next() * 0.96) * (g.maxLat - g.minLat);
    if (pointInGeometry(lng, lat, g.geometry) === INSIDE) return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
  }
  throw new Error(`demo cases: no interior point found in grid ${g.code}`);
}

/** When it was reported: a day in the last year, at an hour that suits the source (staff on working days in office hours). */
function reportTime(rng: Rng, plan: CasesPlan, source: DemoSource, now: number): number {
  const staffHours = source === 'grid_patrol' || source === 'enterprise';
  for (let i = 0; ; i++) {
    const dayStart = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR - rng.int(0, 364) * DAY; // China midnight
    if (staffHours && i < 20 && !plan.calendar.isWorkingDay(isoOf(localDayOf(new Date(dayStart + 12 * HOUR))))) continue;
    const hour = source === 'sensor' ? rng.next() * 24 : staffHours ? 8.5 + rng.next() * 8.5 : 7 + rng.next() * 15;
    const t = dayStart + Math.round(hour * HOUR);
    if (t < now - 5 * MIN) return t;
  }
}

/** Draws the next case's source, category, grid, point and report time (deterministic for a given rng). */
export function drawCase(rng: Rng, plan: CasesPlan, now: number): CaseSpec {
  for (;;) {
    const source = pickSource(rng);
    let hotlineKind: HotlineKind | null = null;
    let code: string;
    if (source === 'hotline') {
      hotlineKind = weighted(rng, Object.entries(HOTLINE_KIND_SHARES)) as HotlineKind;
      code = weighted(rng, HOTLINE[hotlineKind]);
    } else if (source === 'enterprise') code = weighted(rng, ENTERPRISE);
    else if (source === 'sensor') code = weighted(rng, SENSOR);
    else code = weighted(rng, STREET);
    const category = plan.categories.get(code);
    const grid = pickGrid(rng, plan);
    const route = plan.routes.get(`${grid.town}|${code}`);
    if (!category || !route) continue; // a category edited away, or a pair no unit handles: draw again
    const { lng, lat } = pointIn(rng, grid);
    return { source, category, hotlineKind, grid, lng, lat, route, reportedAt: reportTime(rng, plan, source, now) };
  }
}
