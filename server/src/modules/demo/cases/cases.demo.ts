/**
 * A year of 一网统管 cases for the demo county (Jiangyin), in bulk: every
 * source and category, points inside the grids (denser in town centres),
 * routed like the real intake (duty list; town units for town-led matters,
 * county departments for theirs), with realistic timings, returns,
 * extensions, rework, overdue cases, call-back satisfaction and live clocks
 * for the cases still open (cases.simulate.ts). Rows are written exactly as
 * the workflow would have written them, in multi-row chunks: cases,
 * workflow_history, sla_clocks; one audit entry for the seed. Deterministic
 * for a given (rng key, now). Streams: at most one chunk is in memory, so the
 * same writer fills a bench database with 1,000,000 cases.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../platform/access/index.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { executor, inTransaction, query, type Db, type Executor } from '../../../platform/db/index.ts';
import type { CalendarService } from '../../../platform/clock/index.ts';
import { createRng } from '../../../platform/ids/index.ts';
import * as repo from '../demo.repository.ts';
import { COUNTY, loadCasesPlan, type CasesPlan } from './cases.plan.ts';
import { drawCase, simulateCase, type CaseRow, type ClockRow, type HistoryRow } from './cases.simulate.ts';

export type CasesDemoScale = 'default' | 'large';
/** Cases per scale: a year of a county of 1.8 million people at default; the large figure for load tests of the command screen. */
export const CASES_DEMO_SCALES: Readonly<Record<CasesDemoScale, number>> = { default: 20_000, large: 300_000 };
const MARKER = 'jiangyin-cases';
const CHUNK = 1_000;

const CASE_COLUMNS = [
  'id', 'case_no', 'kind', 'source', 'category_id', 'category_code', 'category_version', 'limit_amount', 'limit_unit', 'title', 'description',
  'lng', 'lat', 'address', 'grid_id', 'grid_code', 'grid_name', 'town_region_code', 'region_code', 'requester_kind', 'requester_account_id', 'requester_name',
  'requester_phone', 'requester_phone_masked', 'requester_phone_hash', 'requester_uscc', 'reporter_account_id', 'hotline_kind', 'urgency', 'state', 'version',
  'route', 'routable', 'lead_org_id', 'lead_org_path', 'supporting_org_ids', 'returned_org_ids', 'escalation_level', 'rework_count', 'extension_count',
  'urge_count', 'pending_extension', 'due_at', 'first_dispatched_at', 'handled_at', 'closed_at', 'closed_on_time', 'satisfaction', 'evaluation_score',
  'external_ref', 'reported_at',
] as const satisfies readonly (keyof CaseRow)[];
const HISTORY_COLUMNS = ['workflow', 'subject_id', 'region_code', 'action', 'from_state', 'to_state', 'version', 'actor_id', 'actor_name', 'note', 'data', 'at'] as const satisfies readonly (keyof HistoryRow)[];
const CLOCK_COLUMNS = [
  'subject_type', 'subject_id', 'purpose', 'region_code', 'unit', 'budget', 'started_at', 'start_date', 'state', 'paused_total', 'warn_before', 'due_at',
  'due_date', 'warn_at', 'provisional', 'stopped_at', 'overdue', 'warned_at', 'overdue_at', 'version',
] as const satisfies readonly (keyof ClockRow)[];

/** Multi-row insert of `rows` into `table` in their order, as one JSON parameter (fast on both back ends, no parameter limit). */
async function insertJson(ex: Executor, table: string, columns: readonly string[], rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = sql.raw(columns.join(', '));
  const picked = sql.raw(columns.map((c) => `r.${c}`).join(', '));
  await ex.execute(sql`insert into ${sql.raw(table)} (${cols})
    select ${picked} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::json) with ordinality as r order by r.ordinality`);
}

export interface WriteCasesOptions {
  count: number;
  /** The day the year ends (default now); nothing is dated after it. */
  now?: Date;
  /** Rng key: the same key, plan and now give the same cases. */
  seed?: string;
  /** Commit every chunk on its own (bench databases; default: one transaction, or the caller's). */
  commitEachChunk?: boolean;
  chunk?: number;
  log?: (line: string) => void;
  /** A plan already loaded (bench runs several writes on one database). */
  plan?: CasesPlan;
}

export interface WriteCasesResult {
  cases: number;
  history: number;
  clocks: number;
  bySource: Record<string, number>;
  byState: Record<string, number>;
  ms: number;
}

/** Writes `count` generated cases with their history and clocks into the database of a seeded demo county. */
export async function writeDemoCases(ctx: { db: Db; calendar: CalendarService }, opts: WriteCasesOptions): Promise<WriteCasesResult> {
  const started = performance.now();
  const now = (opts.now ?? new Date()).getTime();
  const rng = createRng(opts.seed ?? 'demo-cases-bulk');
  const chunk = opts.chunk ?? CHUNK;
  const out: WriteCasesResult = { cases: 0, history: 0, clocks: 0, bySource: {}, byState: {}, ms: 0 };
  const plan = opts.plan ?? (await loadCasesPlan(executor(ctx.db), await ctx.calendar.current(executor(ctx.db))));
  const writeChunk = async (ex: Executor, n: number) => {
    const ids = await query<{ id: number }>(ex, sql`select nextval(pg_get_serial_sequence('cases', 'id'))::float8 as id from generate_series(1, ${n})`);
    const rows: CaseRow[] = [];
    const history: HistoryRow[] = [];
    const clocks: ClockRow[] = [];
    for (const { id } of ids) {
      const spec = drawCase(rng, plan, now);
      const c = simulateCase(rng, plan, spec, Number(id), now);
      rows.push(c.row);
      for (const h of c.history) history.push(h);
      for (const k of c.clocks) clocks.push(k);
      out.bySource[c.row.source] = (out.bySource[c.row.source] ?? 0) + 1;
      out.byState[c.row.state] = (out.byState[c.row.state] ?? 0) + 1;
    }
    await insertJson(ex, 'cases', CASE_COLUMNS, rows);
    await insertJson(ex, 'workflow_history', HISTORY_COLUMNS, history);
    await insertJson(ex, 'sla_clocks', CLOCK_COLUMNS, clocks);
    out.cases += rows.length;
    out.history += history.length;
    out.clocks += clocks.length;
  };
  const all = async (ex?: Executor) => {
    for (let done = 0; done < opts.count; ) {
      const n = Math.min(chunk, opts.count - done);
      if (ex) await writeChunk(ex, n);
      else await inTransaction(ctx.db, (tx) => writeChunk(tx, n));
      done += n;
      if (opts.log && (done % (chunk * 50) === 0 || done === opts.count)) opts.log(`  一网统管案件 cases: ${done.toLocaleString('en-US')} / ${opts.count.toLocaleString('en-US')}`);
    }
  };
  if (opts.commitEachChunk) await all();
  else await inTransaction(ctx.db, (tx) => all(tx));
  out.ms = performance.now() - started;
  return out;
}

export interface SeedCasesDemoOptions {
  scale?: CasesDemoScale;
  now?: Date;
  /** How many cases in all (default: by scale). */
  count?: number | null;
  log?: (line: string) => void;
}

/**
 * Seeds the demo county's year of cases (default 20,000, large 300,000) once;
 * a large run after a default one adds the missing cases. Joins the caller's
 * transaction (seedDemo); one audit entry.
 */
export async function seedCasesDemo(ctx: { db: Db; calendar?: CalendarService }, opts: SeedCasesDemoOptions = {}): Promise<WriteCasesResult | null> {
  if (!ctx.calendar) return null;
  const calendar = ctx.calendar;
  const scale = opts.scale ?? 'default';
  return inTransaction(ctx.db, async (tx) => {
    const marker = await repo.findMarker(tx, MARKER);
    const have = marker?.counts.cases ?? 0;
    const want = opts.count ?? CASES_DEMO_SCALES[scale];
    if (have >= want) return null;
    const r = await writeDemoCases({ db: ctx.db, calendar }, { count: want - have, now: opts.now, seed: `demo-cases-bulk:${have}`, log: opts.log });
    const counts = { cases: have + r.cases, history: (marker?.counts.history ?? 0) + r.history, clocks: (marker?.counts.clocks ?? 0) + r.clocks };
    await repo.saveMarker(tx, { name: MARKER, scale, counts, duration_ms: r.ms });
    await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'demo.cases_seeded', entityType: 'demo_seed', entityId: MARKER, regionCode: COUNTY, after: { scale, ...counts, bySource: r.bySource } });
    opts.log?.(`一网统管一年案件 a year of cases: ${r.cases} cases, ${r.history} trace rows, ${r.clocks} clocks (${Math.round(r.ms)} ms)`);
    return r;
  });
}
