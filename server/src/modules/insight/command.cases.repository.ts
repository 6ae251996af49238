/**
 * SQL over the cases module's tables (cases, case_categories) for the
 * command screen. DESIGN says modules do not read each other's tables; the
 * period indicators come from the cases module's exported caseIndicators,
 * but it exports nothing for what is open and overdue now (by town and
 * unit), density per grid at any level, or a drill-down list by grid-code
 * prefix, so these reads are isolated here, read-only, in this one file.
 * If cases grows exported queries for them, this file is what goes away.
 */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';

/** States in which a case is finished or was never a real case: not "open" even when closed_at is empty. */
export const FINISHED_STATES = ['closed', 'evaluated', 'invalid', 'merged'] as const;


const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const OPEN = sql`(c.closed_at is null and c.merged_into is null and c.state not in (${list(FINISHED_STATES)}))`;
/** Past its due time (with OPEN: not closed), as the cases module's overdue list counts it. */
const overdueAt = (now: string) => sql`(c.due_at < ${now})`;

/** `region_code like prefix%` (the cases_region_reported index serves it); '' means everywhere. */
function inRegion(prefix: string): SQL {
  return prefix ? sql`c.region_code like ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`}` : sql`true`;
}

export interface LiveRow {
  dim: 'total' | 'town' | 'lead';
  key: string | null;
  open: number;
  overdue: number;
}

/** Open and overdue cases now (whenever received), in total and by town and lead organisation. */
export async function liveFigures(ex: Executor, prefix: string, now: string): Promise<LiveRow[]> {
  return query<LiveRow>(
    ex,
    sql`select case when grouping(c.town_region_code) = 0 then 'town' when grouping(c.lead_org_id) = 0 then 'lead' else 'total' end as dim,
               coalesce(c.town_region_code, c.lead_org_id::text) as key,
               count(*)::int as open,
               count(*) filter (where ${overdueAt(now)})::int as overdue
          from cases c
         where c.closed_at is null and ${OPEN} and ${inRegion(prefix)}
         group by grouping sets ((), (c.town_region_code), (c.lead_org_id))`,
  );
}

export interface DensityRow {
  code: string;
  open: number;
  overdue: number;
}

/**
 * Open and overdue cases per grid at a level, by the grid code's prefix
 * (9 digits: town grid, 12: second level, 15: third level), under `parent`.
 */
export async function densityByGrid(ex: Executor, prefix: string, codeLength: 9 | 12 | 15, parent: string | null, now: string): Promise<DensityRow[]> {
  const under = parent ? sql`and c.grid_code like ${`${parent}%`}` : sql``;
  return query<DensityRow>(
    ex,
    sql`select left(c.grid_code, ${codeLength}) as code, count(*)::int as open, count(*) filter (where ${overdueAt(now)})::int as overdue
          from cases c
         where c.closed_at is null and ${OPEN} and ${inRegion(prefix)} and c.grid_code is not null ${under}
         group by 1`,
  );
}

export interface CaseRow {
  id: number;
  case_no: string;
  kind: string;
  source: string;
  category_code: string;
  category_name: string | null;
  title: string | null;
  description: string;
  state: string;
  urgency: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  grid_code: string | null;
  grid_name: string | null;
  town_region_code: string | null;
  region_code: string;
  lead_org_id: number | null;
  due_at: string | null;
  reported_at: string;
  closed_at: string | null;
  closed_on_time: boolean | null;
  rework_count: number;
  extension_count: number;
  overdue: boolean;
}

export interface CaseFilter {
  prefix: string;
  grid?: string;
  state?: string;
  overdue?: boolean;
  open?: boolean;
  now: string;
}

const CASE_COLUMNS = (now: string) => sql`c.id::float8 as id, c.case_no, c.kind, c.source, c.category_code, cc.name as category_name, c.title, c.description,
  c.state, c.urgency, c.address, c.lng, c.lat, c.grid_code, c.grid_name, c.town_region_code, c.region_code, c.lead_org_id,
  c.due_at, c.reported_at, c.closed_at, c.closed_on_time, c.rework_count, c.extension_count,
  (${OPEN} and c.due_at is not null and ${overdueAt(now)}) as overdue`;

/**
 * The drill-down list: most urgent first (overdue and due soonest, then the
 * newest without a due time), keyset-paginated on (due_at, id).
 */
export async function listCases(ex: Executor, f: CaseFilter, after: [string | null, number] | undefined, limit: number): Promise<CaseRow[]> {
  const conds: SQL[] = [inRegion(f.prefix)];
  if (f.grid) conds.push(sql`c.grid_code like ${`${f.grid}%`}`);
  if (f.state) conds.push(sql`c.state = ${f.state}`);
  if (f.open || f.overdue) conds.push(sql`c.closed_at is null and ${OPEN}`);
  if (f.overdue) conds.push(overdueAt(f.now));
  if (f.overdue === false) conds.push(sql`not coalesce(${OPEN} and ${overdueAt(f.now)}, false)`);
  if (after) {
    const [due, id] = after;
    conds.push(
      due === null
        ? sql`(c.due_at is null and c.id > ${id})`
        : sql`(c.due_at > ${due} or (c.due_at = ${due} and c.id > ${id}) or c.due_at is null)`,
    );
  }
  return query<CaseRow>(
    ex,
    sql`select ${CASE_COLUMNS(f.now)}
          from cases c left join case_categories cc on cc.id = c.category_id
         where ${sql.join(conds, sql` and `)}
         order by c.due_at asc nulls last, c.id asc
         limit ${limit + 1}`,
  );
}

export async function findCase(ex: Executor, id: number, now: string): Promise<CaseRow | undefined> {
  const [row] = await query<CaseRow>(
    ex,
    sql`select ${CASE_COLUMNS(now)} from cases c left join case_categories cc on cc.id = c.category_id where c.id = ${id}`,
  );
  return row;
}
