/** SQL of the demo seed: its marker row and the few lookups it needs. */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { TownKind } from '../org/index.ts';

export interface DemoMarker {
  name: string;
  scale: 'default' | 'large';
  counts: Record<string, number>;
  duration_ms: number;
}

export async function findMarker(ex: Executor, name: string): Promise<DemoMarker | undefined> {
  const [row] = await query<DemoMarker>(ex, sql`select name, scale, counts, duration_ms from demo_seed where name = ${name}`);
  return row;
}

export async function saveMarker(ex: Executor, m: DemoMarker): Promise<void> {
  await ex.execute(sql`
    insert into demo_seed (name, scale, counts, duration_ms) values (${m.name}, ${m.scale}, ${JSON.stringify(m.counts)}::jsonb, ${Math.round(m.duration_ms)})
    on conflict (name) do update set scale = excluded.scale, counts = excluded.counts, duration_ms = excluded.duration_ms, seeded_at = now()`);
}

/** Town-level units of a county, in code order. */
export async function townsOf(ex: Executor, county: string): Promise<{ code: string; name: string; townKind: TownKind }[]> {
  return query(ex, sql`select code, name, town_kind as "townKind" from regions where parent_code = ${county} and level = 'town' order by code`);
}

export async function hasOrganisations(ex: Executor): Promise<boolean> {
  const rows = await query(ex, sql`select 1 from organisations limit 1`);
  return rows.length > 0;
}

export async function accountIdByUsername(ex: Executor, username: string): Promise<number | undefined> {
  const [row] = await query<{ id: number }>(ex, sql`select id from accounts where username = ${username}`);
  return row?.id;
}

/** Counts of what the demo county holds (organisations and people under the county, registry rows, demo accounts). */
export async function demoCounts(ex: Executor, countyPrefix: string, usernames: string[]): Promise<Record<string, number>> {
  const [row] = await query<Record<string, number>>(
    ex,
    sql`select
          (select count(*)::int from organisations where region_code like ${`${countyPrefix}%`}) as organisations,
          (select count(*)::int from people where region_code like ${`${countyPrefix}%`}) as people,
          (select count(*)::int from entities where region_code like ${`${countyPrefix}%`}) as entities,
          (select count(*)::int from citizens where region_code like ${`${countyPrefix}%`}) as citizens,
          (select count(*)::int from accounts where username in (${sql.join(usernames.map((u) => sql`${u}`), sql`, `)})) as accounts`,
  );
  return row;
}
