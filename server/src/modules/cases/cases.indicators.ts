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

export async function caseIndicators(ex: Executor, q: IndicatorQuery) {
  const prefix = `${regionPrefix(q.regionCode)}%`;
  const where = sql`c.region_code like ${prefix} and c.reported_at >= ${instantOf(q.from)} and c.reported_at < ${instantOf(q.to)}`;
  const [totals] = await query<FigureRow & { filed: number; open: number; overdue_open: number }>(
    ex,
    sql`select ${FIGURES},
          count(*) filter (where c.state not in ('reported', 'invalid', 'merged'))::int as filed,
          count(*) filter (where c.closed_at is null and c.state not in ('invalid', 'merged'))::int as open,
          count(*) filter (where c.state in ('dispatched', 'signed', 'returned', 'arbitration') and c.due_at < now())::int as overdue_open
        from cases c where ${where}`,
  );
  const group = (col: string) =>
    query<{ key: string; count: number }>(ex, sql`select ${sql.raw(col)} as key, count(*)::int as count from cases c where ${where} group by 1 order by 2 desc, 1`);
  const byState = await group('c.state');
  const bySource = await group('c.source');
  const byKind = await group('c.kind');
  const byCategory = await query<{ code: string; name: string; class_name: string; count: number }>(
    ex,
    sql`select c.category_code as code, k.name, k.class_name, count(*)::int as count from cases c join case_categories k on k.id = c.category_id
        where ${where} group by 1, 2, 3 order by 4 desc, 1`,
  );
  const towns = await query<FigureRow & { code: string; name: string | null }>(
    ex,
    sql`select c.town_region_code as code, r.name, ${FIGURES} from cases c left join regions r on r.code = c.town_region_code
        where ${where} and c.town_region_code is not null group by 1, 2 order by 1`,
  );
  const units = await query<FigureRow & { org_id: number; name: string; type: string; level: string; region_code: string }>(
    ex,
    sql`select c.lead_org_id as org_id, o.name, o.type, o.level, o.region_code, ${FIGURES} from cases c join organisations o on o.id = c.lead_org_id
        where ${where} group by 1, 2, 3, 4, 5 order by 2`,
  );
  const withRates = <T>(base: T, f: UnitFigures): T & UnitFigures & Rates => ({ ...base, ...f, ...ratesOf(f) });
  const t = figuresOf(totals);
  return {
    regionCode: q.regionCode,
    from: q.from,
    to: q.to,
    totals: withRates({ filed: Number(totals.filed), open: Number(totals.open), overdueOpen: Number(totals.overdue_open) }, t),
    byState: Object.fromEntries(byState.map((r) => [r.key, r.count])),
    bySource: Object.fromEntries(bySource.map((r) => [r.key, r.count])),
    byKind: Object.fromEntries(byKind.map((r) => [r.key, r.count])),
    byCategory: byCategory.map((r) => ({ code: r.code, name: r.name, className: r.class_name, count: r.count })),
    towns: towns.map((r) => withRates({ regionCode: r.code, name: r.name }, figuresOf(r))).sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
    departments: units
      .filter((u) => !isTownLevelOrg(u))
      .map((u) => withRates({ orgId: u.org_id, name: u.name }, figuresOf(u)))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
  };
}
export type CaseIndicators = Awaited<ReturnType<typeof caseIndicators>>;
