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
import {
  canViewCommand,
  commandRegion,
  defaultPeriod,
  gridCodeLength,
  parentFits,
  periodBounds,
  periodProblem,
  rankByScore,
  ratesOf,
  type Counts,
  type Rates,
} from './command.rules.ts';
import { categoryNames, densityByGrid, findCase, listCases, liveFigures, periodFigures, type CaseRow, type FigureRow } from './command.cases.repository.ts';
import { orgNames, regionNames, workflowTrace } from './command.repository.ts';

export type Figures = Counts & Rates & { score: number | null };
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
  totals: Figures & LiveCounts;
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

const countsOf = (r: FigureRow | undefined): Counts => ({
  received: r?.received ?? 0,
  filed: r?.filed ?? 0,
  dispatched: r?.dispatched ?? 0,
  closed: r?.closed ?? 0,
  onTime: r?.on_time ?? 0,
  rework: r?.rework ?? 0,
  extended: r?.extended ?? 0,
});
const figuresOf = (r: FigureRow | undefined): Figures => {
  const c = countsOf(r);
  return { ...c, ...ratesOf(c) };
};

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

  /** Figures of a resolved view (also what the live stream pushes). */
  async overviewOf(v: CommandView): Promise<Overview> {
    const now = this.now();
    const [rows, live] = await Promise.all([periodFigures(this.db, v.prefix, periodBounds(v.from, v.to)), liveFigures(this.db, v.prefix, now.toISOString())]);
    const by = (dim: FigureRow['dim']) => rows.filter((r) => r.dim === dim && r.key !== null);
    const liveBy = new Map(live.map((r) => [`${r.dim}:${r.key}`, r]));
    const liveOf = (dim: string, key: string | null): LiveCounts => {
      const r = liveBy.get(`${dim}:${key}`);
      return { open: r?.open ?? 0, overdue: r?.overdue ?? 0 };
    };
    const towns = new Set([...by('town').map((r) => r.key as string), ...live.filter((r) => r.dim === 'town' && r.key).map((r) => r.key as string)]);
    const leads = new Set([...by('lead').map((r) => Number(r.key)), ...live.filter((r) => r.dim === 'lead' && r.key).map((r) => Number(r.key))]);
    const categoryCodes = by('category').map((r) => r.key as string);
    const [names, orgs, categories] = await Promise.all([
      regionNames(this.db, [...towns, ...(v.region ? [v.region] : [])]),
      orgNames(this.db, [...leads]),
      categoryNames(this.db, categoryCodes),
    ]);
    const figure = new Map(rows.map((r) => [`${r.dim}:${r.key}`, r]));

    const townRows = [...towns].map((code) => ({ regionCode: code, name: names.get(code) ?? code, ...figuresOf(figure.get(`town:${code}`)), ...liveOf('town', code) }));
    // departments: lead units above the towns (county departments); town units are ranked with their town
    const deptRows = [...leads]
      .filter((id) => orgs.get(id)?.level !== 'town' && orgs.get(id)?.level !== 'village')
      .map((id) => {
        const o = orgs.get(id);
        return { orgId: id, name: o?.shortName ?? o?.name ?? String(id), ...figuresOf(figure.get(`lead:${id}`)), ...liveOf('lead', String(id)) };
      });
    const total = rows.find((r) => r.dim === 'total');
    const desc = <T extends { count: number }>(list: T[]) => list.sort((a, b) => b.count - a.count);
    return {
      region: { code: v.region, name: v.region ? (names.get(v.region) ?? null) : null },
      period: { from: v.from, to: v.to },
      generatedAt: now.toISOString(),
      totals: { ...figuresOf(total), ...liveOf('total', null) },
      byStatus: desc(by('state').map((r) => ({ key: r.key as string, count: r.received }))),
      bySource: desc(by('source').map((r) => ({ key: r.key as string, count: r.received }))),
      byCategory: desc(
        categoryCodes.map((code) => {
          const c = categories.get(code);
          return { key: code, name: c?.name ?? code, className: c?.className ?? null, kind: c?.kind ?? null, count: figure.get(`category:${code}`)?.received ?? 0 };
        }),
      ),
      towns: rankByScore(townRows),
      departments: rankByScore(deptRows),
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
