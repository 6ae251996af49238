import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/platform/config/index.ts';
import { composeContext } from '../server/src/compose.ts';
import { buildApp } from '../server/src/app.ts';
import { SYSTEM_ACTOR } from '../server/src/platform/access/index.ts';
import { insertAccount } from '../server/src/platform/auth/index.ts';
import { executor, query } from '../server/src/platform/db/index.ts';
import { createRng } from '../server/src/platform/ids/index.ts';
import { seedDemo } from '../server/src/modules/demo/index.ts';
import { loadCasesPlan, type CasesPlan } from '../server/src/modules/demo/cases/cases.plan.ts';
import { seedCasesDemo, writeDemoCases } from '../server/src/modules/demo/cases/cases.demo.ts';
import { drawCase } from '../server/src/modules/demo/cases/cases.simulate.ts';
import { CommandService } from '../server/src/modules/insight/index.ts';
import { measureBaselines } from './foundation.ts';
import { pgliteBackend, postgresBackend, type BenchBackend } from './lib/backends.ts';
import { fmt, load, type LoadResult } from './lib/load.ts';
import type { Section } from './sections.ts';

const PASSWORD = 'Bench@2026cases';
const DEFAULT_SEED_CASES = 20_000;
/** Case counts to time the command screen at (BENCH_CASES_SIZES=100000 for a quick run). */
const SIZES: number[] = (process.env.BENCH_CASES_SIZES ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0);

interface QueryFigure {
  name: string;
  /** Median and worst of the timed runs, ms. */
  median: number;
  max: number;
  runs: number;
  rows: number;
}

interface Figures {
  name: string;
  demoSeconds: number;
  casesSeedSeconds: number;
  intake: LoadResult;
  insert: LoadResult;
  /** Per size: write time (s) and the command screen's queries, or why the size was skipped. */
  sizes: { size: number; writeSeconds?: number; rowsPerSecond?: number; queries?: QueryFigure[]; skipped?: string }[];
}

async function casesCount(b: BenchBackend): Promise<number> {
  const [r] = await query<{ n: number }>(executor(b.database.db), sql`select count(*)::int as n from cases`);
  return r.n;
}

/** Times `fn`: one warm-up, then `runs` runs (fewer when a run is slow). */
async function timeQuery(name: string, fn: () => Promise<unknown>, rowsOf: (r: unknown) => number, runs = 5): Promise<QueryFigure> {
  const first = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.reduce((a, b) => a + b, 0) > 20_000) break;
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)], max: times[times.length - 1], runs: times.length, rows: rowsOf(first) };
}

/** The command screen's queries as its routes run them (CommandService, county view, the year). */
async function commandQueries(b: BenchBackend): Promise<QueryFigure[]> {
  const db = b.database.db;
  const svc = new CommandService(db);
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const view = svc.view(SYSTEM_ACTOR, { region: '320281', from: day(from), to: day(to) });
  const month = svc.view(SYSTEM_ACTOR, { region: '320281', from: day(new Date(to.getTime() - 30 * 86_400_000)), to: day(to) });
  const [busy] = await query<{ town: string; l2: string }>(
    executor(db),
    sql`select left(grid_code, 9) as town, left(grid_code, 12) as l2 from cases where grid_code is not null group by 1, 2 order by count(*) desc limit 1`,
  );
  const len = (r: unknown) => {
    const o = r as { grids?: unknown[]; items?: unknown[]; towns?: unknown[] };
    return (o.grids ?? o.items ?? o.towns ?? []).length;
  };
  return [
    await timeQuery('overview, county, the year', () => svc.overviewOf(view), len, 3),
    await timeQuery('overview, county, last 30 days', () => svc.overviewOf(month), len, 3),
    await timeQuery('density, level 1 (17 towns)', () => svc.density(SYSTEM_ACTOR, { level: 1, region: '320281' }), len),
    await timeQuery(`density, level 2 under ${busy.town}`, () => svc.density(SYSTEM_ACTOR, { level: 2, parent: busy.town, region: '320281' }), len),
    await timeQuery(`density, level 3 under ${busy.l2}`, () => svc.density(SYSTEM_ACTOR, { level: 3, parent: busy.l2, region: '320281' }), len),
    await timeQuery('drill-down: open cases, county (first page of 50)', () => svc.cases(SYSTEM_ACTOR, { region: '320281', open: true }), len),
    await timeQuery('drill-down: overdue cases, county', () => svc.cases(SYSTEM_ACTOR, { region: '320281', overdue: true }), len),
    await timeQuery(`drill-down: open cases in town ${busy.town}`, () => svc.cases(SYSTEM_ACTOR, { region: '320281', grid: busy.town, open: true }), len),
    await timeQuery(`drill-down: cases in grid ${busy.l2}`, () => svc.cases(SYSTEM_ACTOR, { region: '320281', grid: busy.l2 }), len),
  ];
}

/** Grid worker reports at random points of the county through POST /api/cases/reports/grid (intake, grid lookup, routing by the duty list, audit, outbox). */
async function measureIntake(b: BenchBackend, ctx: Awaited<ReturnType<typeof composeContext>>, plan: CasesPlan, seconds: number): Promise<LoadResult> {
  await insertAccount(b.database.db, { username: 'bench-cases-grid', kind: 'staff', displayName: '压测网格员', password: PASSWORD, grants: [{ role: 'grid_worker', regionCode: '320281', orgId: null }] });
  const app = await buildApp(ctx, { serveWebUi: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-cases-grid', password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'tb_session');
    if (!cookie) throw new Error(`bench cases: sign-in failed (${login.statusCode})`);
    const headers = { cookie: `tb_session=${cookie.value}`, 'x-csrf-token': String(login.json().csrfToken) };
    const rng = createRng('bench:cases:intake');
    const now = Date.now();
    const bodies = Array.from({ length: 5000 }, () => {
      const s = drawCase(rng, plan, now);
      const code = s.source === 'grid_patrol' || s.source === 'public' ? s.category.code : 'E0101';
      return { categoryCode: code, description: '网格员巡查发现问题，请处置', lng: s.lng, lat: s.lat };
    });
    await load({ url: `${url}/api/cases/reports/grid`, method: 'POST', headers, body: (i) => bodies[i % bodies.length], seconds: 1 }); // warm-up
    return await load({ url: `${url}/api/cases/reports/grid`, method: 'POST', headers, body: (i) => bodies[(i + 977) % bodies.length], seconds });
  } finally {
    await app.close();
  }
}

async function measure(b: BenchBackend, seconds: number, log: (s: string) => void): Promise<Figures> {
  const ctx = await composeContext(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' }), b.database);
  try {
    let t = performance.now();
    await seedDemo(ctx, { cases: 0 });
    const demoSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await seedCasesDemo(ctx, { count: DEFAULT_SEED_CASES });
    const casesSeedSeconds = (performance.now() - t) / 1000;
    log(`  ${b.name}: demo county ${fmt(demoSeconds, 1)} s, ${DEFAULT_SEED_CASES.toLocaleString('en-US')} demo cases ${fmt(casesSeedSeconds, 1)} s`);
    const plan = await loadCasesPlan(executor(b.database.db), await ctx.calendar.current(executor(b.database.db)));

    const { insert } = await measureBaselines(b.database, seconds);
    const intake = await measureIntake(b, ctx, plan, seconds);
    log(`  ${b.name}: intake ${fmt(intake.rps, 0)} req/s (durable insert ${fmt(insert.rps, 0)} req/s)`);

    const sizes: Figures['sizes'] = [];
    for (const size of SIZES) {
      const have = await casesCount(b);
      if (b.name === 'PGlite' && size > 100_000 && process.env.BENCH_CASES_PGLITE_1M !== '1') {
        const last = sizes[sizes.length - 1];
        const eta = last?.rowsPerSecond ? ` (writing them at the 100k rate would take about ${fmt((size - have) / last.rowsPerSecond / 60, 0)} min)` : '';
        sizes.push({ size, skipped: `skipped on PGlite: single-connection embedded database${eta}; set BENCH_CASES_PGLITE_1M=1 to run it` });
        continue;
      }
      t = performance.now();
      const n = Math.max(0, size - have);
      await writeDemoCases(ctx, { count: n, seed: `bench:cases:${size}`, commitEachChunk: true, chunk: 2_000, plan, log: (s) => log(`  ${b.name}:${s}`) });
      await b.database.db.execute(sql`analyze cases`);
      await b.database.db.execute(sql`analyze workflow_history`);
      const writeSeconds = (performance.now() - t) / 1000;
      log(`  ${b.name}: ${size.toLocaleString('en-US')} cases written (${fmt(writeSeconds, 0)} s); timing the command screen's queries`);
      sizes.push({ size, writeSeconds, rowsPerSecond: n / writeSeconds, queries: await commandQueries(b) });
    }
    return { name: b.name, demoSeconds, casesSeedSeconds, intake, insert, sizes };
  } finally {
    await ctx.jobs.stop();
  }
}

/**
 * 一网统管 cases: intake with automatic routing over HTTP against the
 * durable-insert baseline, and the command screen's queries over a year of
 * 100,000 and 1,000,000 cases written by the demo generator
 * (modules/demo/cases), on PGlite and PostgreSQL.
 */
export const casesSection: Section = async (out, opts) => {
  const seconds = Math.max(1, opts.seconds);
  const figures: Figures[] = [];
  const log = (s: string) => console.log(s);
  for (const open of [postgresBackend, pgliteBackend] as (() => Promise<BenchBackend | null>)[]) {
    const b = await open();
    if (!b) continue;
    try {
      figures.push(await measure(b, seconds, log));
    } finally {
      await b.destroy();
    }
  }

  out('## Cases (一网统管)');
  out();
  out(`Demo county Jiangyin (1,557 leaf grids, duty list of the demo catalog). The bulk generator (\`modules/demo/cases\`) writes a year of cases as the workflow would have ` +
    'written them (case row, trace, SLA clocks) in chunks of 2,000.');
  out();
  out('| back end | demo county seed | 20,000 demo cases (a year) |');
  out('|---|---:|---:|');
  for (const f of figures) out(`| ${f.name} | ${fmt(f.demoSeconds, 1)} s | ${fmt(f.casesSeedSeconds, 1)} s |`);
  out();
  out(`### Intake with automatic routing over HTTP`);
  out();
  out(`POST /api/cases/reports/grid by a signed-in grid worker (cookie + CSRF), 16 closed-loop clients, ${seconds} s; each report at a random point inside a grid: ` +
    'validation, grid lookup, routing by the territorial-duty list, duplicate check, insert, audit entry and outbox event in one transaction. ' +
    'Baseline: a single-row durable INSERT route on the same database.');
  out();
  out('| back end · route | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to durable insert |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, r: LoadResult, base?: LoadResult) =>
    `| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} | ${r.errors} | ${base ? `${fmt(r.rps / base.rps, 3)}×` : '—'} |`;
  for (const f of figures) {
    out(row(`${f.name} · single-row durable INSERT`, f.insert));
    out(row(`${f.name} · case intake (grid report)`, f.intake, f.insert));
  }
  out();
  out('### Command screen queries');
  out();
  out('CommandService as its routes call it (county view): overview (indicators, live counts, town and department rankings), density per grid level, ' +
    'drill-down lists; median of up to 5 runs after a warm-up (3 for the overview).');
  out();
  out('| back end · cases | query | median ms | max ms | runs | rows |');
  out('|---|---|---:|---:|---:|---:|');
  for (const f of figures) {
    for (const s of f.sizes) {
      const label = `${f.name} · ${s.size.toLocaleString('en-US')}`;
      if (s.skipped) {
        out(`| ${label} | _${s.skipped}_ | — | — | — | — |`);
        continue;
      }
      out(`| ${label} | writing them (${fmt(s.rowsPerSecond ?? 0, 0)} cases/s with trace and clocks) | ${fmt((s.writeSeconds ?? 0) * 1000, 0)} | — | 1 | — |`);
      for (const q of s.queries ?? []) out(`| ${label} | ${q.name} | ${fmt(q.median, 1)} | ${fmt(q.max, 1)} | ${q.runs} | ${q.rows} |`);
    }
  }
  out();
};
