/**
 * The command screen's queries (指挥屏): overview figures and rankings,
 * case density per grid, the drill-down list and one case's trace. Reads
 * only; scope: the caller's region grants carrying case:supervise or
 * insight:read (an outside region looks like a missing one).
 */
import { regionPrefix, type Actor } from '../../platform/access/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { decodeCursor, paginate, type Db, type Page } from '../../platform/db/index.ts';
import { canonicalRegionCode } from '../org/index.ts';
import { CommandErrors } from './command.errors.ts';
import { caseIndicators, ratesOf, type Rates, type UnitFigures } from '../cases/index.ts';
import { canViewCommand, commandRegion, defaultPeriod, gridCodeLength, parentFits, periodBounds, periodProblem, rankByScore } from './command.rules.ts';
import { densityByGrid, findCase, listCases, liveFigures, type CaseRow } from './command.cases.repository.ts';
import { orgNames, regionNames, workflowTrace } from './command.repository.ts';

/** DOMAIN §5 indicators of a unit: counts and rates as the cases module computes them (closure, rework and extension of dispatched; on-time of closed). */
export interface Figures {
  received: number;
  dispatched: number;
  closed: number;
  onTime: number;
  rework: number;
  extended: number;
  closureRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  /** Composite score 0–100 (cases module: 40 on-time closure, 30 closure, 20 no rework, 10 no extension). */
  score: number | null;
}
export interface LiveCounts {
  open: number;
  overdue: number;
}
export interface TownRanking extends Figures, LiveCounts {
  regionCode: string;
  name: string;
  rank: number | null;
}
export interface DepartmentRanking extends Figures, LiveCounts {
  orgId: number;
  name: string;
  rank: number | null;
}
export interface Overview {
  region: { code: string; name: string | null };
  period: { from: string; to: string };
  generatedAt: string;
  /** `filed`: received and filed (not invalid, merged or still unfiled). */
  totals: Figures & LiveCounts & { filed: number };
  byStatus: { key: string; count: number }[];
  bySource: { key: string; count: number }[];
  byCategory: { key: string; name: string; className: string | null; kind: string | null; count: number }[];
  towns: TownRanking[];
  departments: DepartmentRanking[];
}

export interface OverviewQuery {
  region?: string;
  from?: string;
  to?: string;
}

/** A resolved view: region code ('' = everywhere), its prefix, and the period. */
export interface CommandView {
  region: string;
  prefix: string;
  from: string;
  to: string;
}

export interface DensityResult {
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

export interface CaseTrace extends CaseSummary {
  leadOrgName: string | null;
  townName: string | null;
  trace: { id: number; action: string; from: string; to: string; actor: string; note: string | null; data: Record<string, unknown> | null; at: string }[];
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

function presentCase(r: CaseRow): CaseSummary {
  return {
    id: Number(r.id),
    caseNo: r.case_no,
    kind: r.kind,
    source: r.source,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    title: r.title,
    description: r.description,
    state: r.state,
    urgency: r.urgency,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    gridCode: r.grid_code,
    gridName: r.grid_name,
    townRegionCode: r.town_region_code,
    regionCode: r.region_code,
    leadOrgId: r.lead_org_id,
    dueAt: iso(r.due_at),
    reportedAt: iso(r.reported_at) as string,
    closedAt: iso(r.closed_at),
    closedOnTime: r.closed_on_time,
    reworkCount: r.rework_count,
    extensionCount: r.extension_count,
    overdue: r.overdue,
  };
}

type UnitRow = UnitFigures & Omit<Rates, never>;
const ZERO: UnitFigures = { received: 0, dispatched: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0 };

/** The cases module's unit figures and rates (one definition of the score) in this API's names. */
function figuresOf(u: UnitRow | undefined): Figures {
  const f = u ?? { ...ZERO, ...ratesOf(ZERO) };
  return {
    received: f.received,
    dispatched: f.dispatched,
    closed: f.closed,
    onTime: f.closedOnTime,
    rework: f.reworked,
    extended: f.extended,
    closureRate: f.closureRate,
    onTimeRate: f.onTimeClosureRate,
    reworkRate: f.reworkRate,
    extensionRate: f.extensionRate,
    score: f.score,
  };
}

export class CommandService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Checks the caller and resolves region and period; throws 403 / 404 / 400. */
  view(actor: Actor, q: OverviewQuery): CommandView {
    if (!canViewCommand(actor)) throw CommandErrors.NO_ACCESS();
    let requested: string | null = null;
    if (q.region) {
      requested = canonicalRegionCode(q.region);
      if (!requested) throw CommonErrors.VALIDATION({ fields: [{ field: 'region', in: 'query', message: '行政区划代码无效', messageEn: 'Invalid region code' }] });
    }
    const region = commandRegion(actor, requested);
    if (region === null) throw CommandErrors.REGION_NOT_FOUND();
    const d = defaultPeriod(this.now());
    const from = q.from ?? (q.to && q.to < d.from ? `${q.to.slice(0, 4)}-01-01` : d.from);
    const to = q.to ?? d.to;
    const problem = periodProblem(from, to);
    if (problem) throw CommonErrors.VALIDATION({ fields: [{ field: problem.field, in: 'query', message: problem.zh, messageEn: problem.en }] });
    return { region, prefix: region ? regionPrefix(region) : '', from, to };
  }

  /**
   * Figures of a resolved view (also what the live stream pushes): the period's
   * indicators from the cases module (caseIndicators: counts, rates, composite
   * score per town and department), with what is open and overdue now.
   */
  async overviewOf(v: CommandView): Promise<Overview> {
    const now = this.now();
    const { fromAt, toAt } = periodBounds(v.from, v.to);
    const [ind, live] = await Promise.all([
      caseIndicators(this.db, { regionCode: v.prefix, from: fromAt, to: toAt }),
      liveFigures(this.db, v.prefix, now.toISOString()),
    ]);
    const liveBy = new Map(live.map((r) => [`${r.dim}:${r.key}`, r]));
    const liveOf = (dim: string, key: string | null): LiveCounts => {
      const r = liveBy.get(`${dim}:${key}`);
      return { open: r?.open ?? 0, overdue: r?.overdue ?? 0 };
    };
    // towns and county departments with open cases from before the period still belong on the wall
    const townCodes = new Set(ind.towns.map((t) => t.regionCode));
    const leadIds = new Set(ind.departments.map((d) => d.orgId));
    const liveTowns = live.filter((r) => r.dim === 'town' && r.key && !townCodes.has(r.key)).map((r) => r.key as string);
    const liveLeads = live.filter((r) => r.dim === 'lead' && r.key && !leadIds.has(Number(r.key))).map((r) => Number(r.key));
    const [names, orgs] = await Promise.all([regionNames(this.db, [...liveTowns, ...(v.region ? [v.region] : [])]), orgNames(this.db, liveLeads)]);

    const towns = [
      ...ind.towns.map((t) => ({ regionCode: t.regionCode, name: t.name ?? t.regionCode, ...figuresOf(t), ...liveOf('town', t.regionCode) })),
      ...liveTowns.map((code) => ({ regionCode: code, name: names.get(code) ?? code, ...figuresOf(undefined), ...liveOf('town', code) })),
    ];
    const departments = [
      ...ind.departments.map((d) => ({ orgId: d.orgId, name: d.name, ...figuresOf(d), ...liveOf('lead', String(d.orgId)) })),
      ...liveLeads
        .filter((id) => orgs.get(id)?.level === 'county')
        .map((id) => ({ orgId: id, name: orgs.get(id)?.name ?? String(id), ...figuresOf(undefined), ...liveOf('lead', String(id)) })),
    ];
    const counted = (r: Record<string, number>) => Object.entries(r).map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
    return {
      region: { code: v.region, name: v.region ? (names.get(v.region) ?? null) : null },
      period: { from: v.from, to: v.to },
      generatedAt: now.toISOString(),
      totals: { ...figuresOf(ind.totals), filed: ind.totals.filed, ...liveOf('total', null) },
      byStatus: counted(ind.byState),
      bySource: counted(ind.bySource),
      byCategory: ind.byCategory.map((c) => ({ key: c.code, name: c.name, className: c.className, kind: null, count: c.count })),
      towns: rankByScore(towns),
      departments: rankByScore(departments),
    };
  }

  async overview(actor: Actor, q: OverviewQuery): Promise<Overview> {
    return this.overviewOf(this.view(actor, q));
  }

  /** Open and overdue cases per grid at a level (under a parent grid) for the map's choropleth. */
  async density(actor: Actor, q: { level: 1 | 2 | 3; parent?: string; region?: string }): Promise<DensityResult> {
    const v = this.view(actor, { region: q.region });
    const parent = q.parent ?? null;
    if (!parentFits(q.level, parent))
      throw CommonErrors.VALIDATION({
        fields: [{ field: 'parent', in: 'query', message: `第 ${q.level} 级网格的上级网格编码长度不符`, messageEn: `Not a parent grid code for level ${q.level}` }],
      });
    if (parent && !this.gridInView(v, parent)) throw CommandErrors.GRID_NOT_FOUND();
    const rows = await densityByGrid(this.db, v.prefix, gridCodeLength(q.level), parent, this.now().toISOString());
    rows.sort((a, b) => a.code.localeCompare(b.code));
    return { level: q.level, parent, generatedAt: this.now().toISOString(), grids: rows, max: rows.reduce((m, r) => Math.max(m, r.open), 0) };
  }

  /** A grid code starts with its town's region code, so it lies in the view when it starts with the view's prefix. */
  private gridInView(v: CommandView, grid: string): boolean {
    return grid.startsWith(v.prefix);
  }

  /** The drill-down list: cases of a grid (any level), by state and overdue, most urgent first. */
  async cases(
    actor: Actor,
    q: { region?: string; grid?: string; status?: string; overdue?: boolean; open?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<CaseSummary>> {
    const v = this.view(actor, { region: q.region });
    if (q.grid && !this.gridInView(v, q.grid)) throw CommandErrors.GRID_NOT_FOUND();
    const raw = decodeCursor(q.cursor);
    let after: [string | null, number] | undefined;
    if (raw) {
      if (raw.length !== 2 || (raw[0] !== null && typeof raw[0] !== 'string') || typeof raw[1] !== 'number')
        throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', in: 'query', message: '分页游标无效', messageEn: 'Invalid pagination cursor' }] });
      after = [raw[0] as string | null, raw[1]];
    }
    const limit = q.limit ?? 50;
    const rows = await listCases(this.db, { prefix: v.prefix, grid: q.grid, state: q.status, overdue: q.overdue, open: q.open, now: this.now().toISOString() }, after, limit);
    const page = paginate(rows, limit, (r) => [iso(r.due_at), Number(r.id)]);
    return { items: page.items.map(presentCase), nextCursor: page.nextCursor };
  }

  /** One case with its full trace (who, when, what, where) for the last drill-down step. */
  async caseTrace(actor: Actor, id: number): Promise<CaseTrace> {
    if (!canViewCommand(actor)) throw CommandErrors.NO_ACCESS();
    const row = await findCase(this.db, id, this.now().toISOString());
    if (!row || commandRegion(actor, row.region_code) === null) throw CommonErrors.NOT_FOUND();
    const [trace, orgs, names] = await Promise.all([
      workflowTrace(this.db, 'case', String(row.id)),
      orgNames(this.db, row.lead_org_id === null ? [] : [row.lead_org_id]),
      regionNames(this.db, row.town_region_code ? [row.town_region_code] : []),
    ]);
    return {
      ...presentCase(row),
      leadOrgName: row.lead_org_id === null ? null : (orgs.get(row.lead_org_id)?.name ?? null),
      townName: row.town_region_code ? (names.get(row.town_region_code) ?? null) : null,
      trace: trace.map((t) => ({ id: Number(t.id), action: t.action, from: t.from_state, to: t.to_state, actor: t.actor_name, note: t.note, data: t.data, at: iso(t.at) as string })),
    };
  }
}
