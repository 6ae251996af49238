/**
 * Indicators for the command screen (DOMAIN §5): counts by status, source,
 * kind and category; closure, on-time closure, rework and extension rates;
 * the composite score per town and per department, for a region subtree and
 * a period of report dates. Aggregate SQL over the (region_code, reported_at)
 * index: one pass per grouping, no rows brought back to the process.
 */
import { sql } from 'drizzle-orm';
import { regionPrefix } from '../../platform/access/index.ts';
import { query, type Executor } from '../../platform/db/index.ts';
import { isTownLevelOrg, ratesOf, type Rates, type UnitFigures } from './cases.rules.ts';

export interface IndicatorQuery {
  regionCode: string;
  /** Inclusive start and exclusive end (ISO instants or China-local dates). */
  from: string;
  to: string;
}

type FigureRow = { received: number; dispatched: number; closed: number; closed_on_time: number; reworked: number; extended: number };

const FIGURES = sql`count(*)::int as received,
  count(*) filter (where c.first_dispatched_at is not null)::int as dispatched,
  count(*) filter (where c.closed_at is not null)::int as closed,
  count(*) filter (where c.closed_on_time)::int as closed_on_time,
  count(*) filter (where c.rework_count > 0)::int as reworked,
  count(*) filter (where c.extension_count > 0)::int as extended`;

const figuresOf = (r: FigureRow): UnitFigures => ({
  received: Number(r.received),
  dispatched: Number(r.dispatched),
  closed: Number(r.closed),
  closedOnTime: Number(r.closed_on_time),
  reworked: Number(r.reworked),
  extended: Number(r.extended),
});

/** A China-local date becomes its midnight (+08:00); instants pass through. */
export const instantOf = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);

type GroupRow = FigureRow & {
  g_state: number;
  g_source: number;
  g_kind: number;
  g_category: number;
  g_town: number;
  g_org: number;
  state: string | null;
  source: string | null;
  kind: string | null;
  category_id: number | null;
  town_region_code: string | null;
  lead_org_id: number | null;
  filed: number;
  open: number;
  overdue_open: number;
};

/**
 * One pass over the period's cases (GROUPING SETS): the totals and every
 * breakdown come from the same scan, then the few names are looked up.
 */
export async function caseIndicators(ex: Executor, q: IndicatorQuery) {
  const prefix = `${regionPrefix(q.regionCode)}%`;
  const where = sql`c.region_code like ${prefix} and c.reported_at >= ${instantOf(q.from)} and c.reported_at < ${instantOf(q.to)}`;
  const rows = await query<GroupRow>(
    ex,
    sql`select grouping(c.state) as g_state, grouping(c.source) as g_source, grouping(c.kind) as g_kind,
          grouping(c.category_id) as g_category, grouping(c.town_region_code) as g_town, grouping(c.lead_org_id) as g_org,
          c.state, c.source, c.kind, c.category_id, c.town_region_code, c.lead_org_id, ${FIGURES},
          count(*) filter (where c.state not in ('reported', 'invalid', 'merged'))::int as filed,
          count(*) filter (where c.closed_at is null and c.state not in ('invalid', 'merged'))::int as open,
          count(*) filter (where c.state in ('dispatched', 'signed', 'returned', 'arbitration') and c.due_at < now())::int as overdue_open
        from cases c where ${where}
        group by grouping sets ((), (c.state), (c.source), (c.kind), (c.category_id), (c.town_region_code), (c.lead_org_id))`,
  );
  const ALL = 1;
  const only = (g: keyof Pick<GroupRow, 'g_state' | 'g_source' | 'g_kind' | 'g_category' | 'g_town' | 'g_org'>) =>
    rows.filter((r) => Number(r[g]) === 0 && (['g_state', 'g_source', 'g_kind', 'g_category', 'g_town', 'g_org'] as const).every((o) => o === g || Number(r[o]) === ALL));
  const totals =
    rows.find((r) => (['g_state', 'g_source', 'g_kind', 'g_category', 'g_town', 'g_org'] as const).every((o) => Number(r[o]) === ALL)) ??
    ({ received: 0, dispatched: 0, closed: 0, closed_on_time: 0, reworked: 0, extended: 0, filed: 0, open: 0, overdue_open: 0 } as GroupRow);
  const counts = (g: Parameters<typeof only>[0], key: (r: GroupRow) => string | null) =>
    only(g)
      .filter((r) => key(r) !== null)
      .map((r) => ({ key: key(r) as string, count: Number(r.received) }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const categoryRows = only('g_category').filter((r) => r.category_id !== null);
  const townRows = only('g_town').filter((r) => r.town_region_code !== null);
  const orgRows = only('g_org').filter((r) => r.lead_org_id !== null);
  const ids = (xs: (number | null)[]) => sql.join(xs.map((x) => sql`${Number(x)}`), sql`, `);
  const categories = categoryRows.length
    ? await query<{ id: number; code: string; name: string; class_name: string }>(ex, sql`select id, code, name, class_name from case_categories where id in (${ids(categoryRows.map((r) => r.category_id))})`)
    : [];
  const regions = townRows.length
    ? await query<{ code: string; name: string }>(ex, sql`select code, name from regions where code in (${sql.join(townRows.map((r) => sql`${r.town_region_code}`), sql`, `)})`)
    : [];
  const orgs = orgRows.length
    ? await query<{ id: number; name: string; type: string; level: string; region_code: string }>(
        ex,
        sql`select id, name, type, level, region_code from organisations where id in (${ids(orgRows.map((r) => r.lead_org_id))})`,
      )
    : [];
  const categoryOf = new Map(categories.map((k) => [Number(k.id), k]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const orgOf = new Map(orgs.map((o) => [Number(o.id), o]));

  const withRates = <T>(base: T, f: UnitFigures): T & UnitFigures & Rates => ({ ...base, ...f, ...ratesOf(f) });
  const t = figuresOf(totals);
  const byCategory = categoryRows
    .map((r) => {
      const k = categoryOf.get(Number(r.category_id));
      return { code: k?.code ?? String(r.category_id), name: k?.name ?? '', className: k?.class_name ?? '', count: Number(r.received) };
    })
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const units = orgRows
    .map((r) => ({ r, o: orgOf.get(Number(r.lead_org_id)) }))
    .filter((u): u is { r: GroupRow; o: NonNullable<typeof u.o> } => u.o !== undefined)
    .sort((a, b) => a.o.name.localeCompare(b.o.name, 'zh-Hans-CN'));
  return {
    regionCode: q.regionCode,
    from: q.from,
    to: q.to,
    totals: withRates({ filed: Number(totals.filed), open: Number(totals.open), overdueOpen: Number(totals.overdue_open) }, t),
    byState: Object.fromEntries(counts('g_state', (r) => r.state).map((r) => [r.key, r.count])),
    bySource: Object.fromEntries(counts('g_source', (r) => r.source).map((r) => [r.key, r.count])),
    byKind: Object.fromEntries(counts('g_kind', (r) => r.kind).map((r) => [r.key, r.count])),
    byCategory,
    towns: townRows
      .map((r) => withRates({ regionCode: r.town_region_code as string, name: regionName.get(r.town_region_code as string) ?? null }, figuresOf(r)))
      .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
    departments: units
      .filter((u) => !isTownLevelOrg(u.o))
      .map((u) => withRates({ orgId: Number(u.o.id), name: u.o.name }, figuresOf(u.r)))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
  };
}
export type CaseIndicators = Awaited<ReturnType<typeof caseIndicators>>;
