import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { executor, query } from '../../../platform/db/index.ts';
import { createRng } from '../../../platform/ids/index.ts';
import { caseIndicators, dispatchTargetProblems, HOTLINE_KINDS, type RouteSuggestion } from '../../cases/index.ts';
import { GridService } from '../../grids/index.ts';
import { seedDemo } from '../index.ts';
import { seedCasesDemo } from './cases.demo.ts';
import { loadCasesPlan } from './cases.plan.ts';
import { drawCase, simulateCase, SOURCE_SHARES } from './cases.simulate.ts';

const COUNT = 2_000;
const NOW = new Date('2026-11-20T06:00:00Z');
/** The bulk cases (the 60 real-loop demo cases carry external refs demo-N). */
const BULK = sql`coalesce(c.external_ref, '') not like 'demo-%'`;

describeEachBackend('demo cases (a year of 一网统管 cases in bulk)', (backend) => {
  let t: TestApp;
  let seedMs = 0;

  beforeAll(async () => {
    t = await testApp(backend);
    const started = performance.now();
    await seedDemo(t.ctx, { cases: 0 });
    const r = await seedCasesDemo(t.ctx, { count: COUNT, now: NOW });
    seedMs = performance.now() - started;
    expect(r?.cases).toBe(COUNT);
  }, 900_000);
  afterAll(() => t.close());

  it('writes the cases once (a second run at the same size adds nothing)', async () => {
    console.info(`[${backend}] demo county + ${COUNT} bulk cases: ${Math.round(seedMs)} ms`);
    expect(await seedCasesDemo(t.ctx, { count: COUNT, now: NOW })).toBeNull();
    const [{ n }] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from cases c where ${BULK}`);
    expect(n).toBe(COUNT);
    const audits = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'demo.cases_seeded'`);
    expect(audits[0].n).toBe(1);
  });

  it('dates everything within the year before now, in order', async () => {
    const [r] = await query<{ first: string; last: string; after_now: number; disorder: number }>(
      t.db(),
      sql`select min(c.reported_at) as first, max(c.reported_at) as last,
                 (select count(*)::int from workflow_history h join cases c on c.id::text = h.subject_id and h.workflow = 'case' where ${BULK} and h.at > ${NOW.toISOString()}) as after_now,
                 (select count(*)::int from (select h.at < lag(h.at) over (partition by h.subject_id order by h.id) as bad from workflow_history h where h.workflow = 'case') x where bad) as disorder
            from cases c where ${BULK}`,
    );
    expect(new Date(r.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 366 * 86_400_000);
    expect(new Date(r.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(r.after_now).toBe(0);
    expect(r.disorder).toBe(0);
  });

  it("agrees with its trace: the state and version are the last transition's", async () => {
    const rows = await query<{ state: string; version: number; last_to: string | null; last_version: number | null; n: number; first_from: string | null }>(
      t.db(),
      sql`select c.state, c.version, l.to_state as last_to, l.version as last_version, l.n, f.from_state as first_from
            from cases c
            left join lateral (select h.to_state, h.version, count(*) over ()::int as n from workflow_history h where h.workflow = 'case' and h.subject_id = c.id::text order by h.id desc limit 1) l on true
            left join lateral (select h.from_state from workflow_history h where h.workflow = 'case' and h.subject_id = c.id::text order by h.id limit 1) f on true
           where ${BULK}`,
    );
    for (const r of rows) {
      if (r.last_to === null) {
        expect(r.state).toBe('reported');
        expect(r.version).toBe(1);
        continue;
      }
      expect(r.state).toBe(r.last_to);
      expect(r.version).toBe(r.last_version);
      expect(r.version).toBe(r.n + 1);
      expect(r.first_from).toBe('reported');
    }
  });

  it('closed cases have stopped clocks, overdue exactly when stopped after the due time; open handling cases have one running clock', async () => {
    const clocks = await query<{ state: string; closed_on_time: boolean | null; case_due: string | null; clock_state: string; stopped_at: string | null; due_at: string; overdue: boolean | null; n_running: number }>(
      t.db(),
      sql`select c.state, c.closed_on_time, c.due_at as case_due, k.state as clock_state, k.stopped_at, k.due_at, k.overdue,
                 count(*) filter (where k.state = 'running') over (partition by c.id)::int as n_running
            from cases c join sla_clocks k on k.subject_type = 'case' and k.subject_id = c.id::text where ${BULK}`,
    );
    expect(clocks.length).toBeGreaterThan(COUNT / 2);
    const closedStates = new Set(['closed', 'evaluated']);
    for (const k of clocks) {
      if (k.clock_state === 'stopped') expect(k.overdue).toBe(new Date(k.stopped_at!).getTime() > new Date(k.due_at).getTime());
      else expect(k.overdue).toBeNull();
      if (closedStates.has(k.state)) expect(k.clock_state).toBe('stopped');
      if (['dispatched', 'signed', 'returned', 'arbitration'].includes(k.state)) {
        expect(k.n_running).toBe(1);
        if (k.clock_state === 'running') expect(new Date(k.case_due!).getTime()).toBe(new Date(k.due_at).getTime());
      }
    }
    // on time = no handling clock of the case ran past its due time
    const [mismatch] = await query<{ n: number }>(
      t.db(),
      sql`select count(*)::int as n from cases c where ${BULK} and c.state in ('closed', 'evaluated')
            and c.closed_on_time is distinct from not exists (select 1 from sla_clocks k where k.subject_type = 'case' and k.subject_id = c.id::text and k.overdue)`,
    );
    expect(mismatch.n).toBe(0);
  });

  it("puts every case's point in its grid", async () => {
    const rows = await query<{ lng: number; lat: number; grid_id: string; town_region_code: string; region_code: string }>(
      t.db(),
      sql`select c.lng, c.lat, c.grid_id, c.town_region_code, c.region_code from cases c where ${BULK}`,
    );
    const hits = await GridService.of(t.ctx).locateMany(rows.map((r) => ({ lng: r.lng, lat: r.lat })));
    rows.forEach((r, i) => {
      expect(String(hits[i]?.gridId)).toBe(r.grid_id);
      expect(hits[i]?.townRegionCode).toBe(r.town_region_code);
      expect(r.region_code).toBe(r.town_region_code);
    });
  });

  it('never sends a department-led matter to a town, and routes town-led ones to town units', async () => {
    const rows = await query<{ route: { suggestion: RouteSuggestion | null }; region_code: string; org_id: number; name: string; type: string; level: string; org_region: string; active: boolean; path: number[] }>(
      t.db(),
      sql`select c.route, c.region_code, o.id as org_id, o.name, o.type, o.level, o.region_code as org_region, o.active, o.path
            from cases c join workflow_history h on h.workflow = 'case' and h.subject_id = c.id::text and h.action = 'dispatch'
            join organisations o on o.id = (h.data->>'orgId')::int where ${BULK}`,
    );
    expect(rows.length).toBeGreaterThan(COUNT / 2);
    let departmentLed = 0;
    let townLed = 0;
    for (const r of rows) {
      const lead = r.route.suggestion?.lead;
      const org = { id: r.org_id, name: r.name, type: r.type, level: r.level, regionCode: r.org_region, active: r.active, path: r.path };
      expect(dispatchTargetProblems(r.route.suggestion, org as never, r.region_code)).toEqual([]);
      if (lead?.kind === 'department') {
        departmentLed++;
        expect(r.level).not.toBe('town');
      }
      if (lead?.kind === 'town') townLed++;
    }
    expect(departmentLed).toBeGreaterThan(0);
    expect(townLed).toBeGreaterThan(0);
  });

  it('draws sources within their intended shares, every hotline kind, and most categories', async () => {
    const bySource = await query<{ source: string; n: number }>(t.db(), sql`select c.source, count(*)::int as n from cases c where ${BULK} group by 1`);
    const got = Object.fromEntries(bySource.map((r) => [r.source, r.n / COUNT]));
    for (const [source, share] of Object.entries(SOURCE_SHARES)) expect(Math.abs((got[source] ?? 0) - share), source).toBeLessThan(0.04);
    const kinds = await query<{ hotline_kind: string }>(t.db(), sql`select distinct c.hotline_kind from cases c where ${BULK} and c.source = 'hotline'`);
    expect(kinds.map((k) => k.hotline_kind).sort()).toEqual([...HOTLINE_KINDS].sort());
    const [cats] = await query<{ n: number; top: string }>(
      t.db(),
      sql`select count(distinct c.category_code)::int as n,
                 (select category_code from cases c where ${BULK} and c.source = 'grid_patrol' group by 1 order by count(*) desc limit 1) as top
            from cases c where ${BULK}`,
    );
    expect(cats.n).toBeGreaterThanOrEqual(30);
    expect(cats.top).toBe('E0101'); // 暴露垃圾 leads the patrol reports
  });

  it('has the loop’s detours at realistic rates, call-backs on hotline cases and open cases today', async () => {
    const [r] = await query<Record<string, number>>(
      t.db(),
      sql`select count(*)::int as n,
                 count(*) filter (where cardinality(c.returned_org_ids) > 0)::int as returned,
                 count(*) filter (where c.extension_count > 0)::int as extended,
                 count(*) filter (where c.rework_count > 0)::int as rework,
                 count(*) filter (where c.state = 'invalid')::int as invalid,
                 count(*) filter (where c.closed_on_time = false)::int as late,
                 count(*) filter (where c.state in ('closed', 'evaluated'))::int as closed,
                 count(*) filter (where c.kind = 'hotline' and c.state in ('closed', 'evaluated') and c.satisfaction is null)::int as hotline_unrated,
                 count(*) filter (where c.state in ('dispatched', 'signed', 'handled', 'reviewed', 'returned'))::int as open,
                 count(*) filter (where c.state = 'evaluated')::int as evaluated
            from cases c where ${BULK}`,
    );
    console.info(`[${backend}] bulk case figures`, r);
    const share = (k: string) => r[k] / r.n;
    expect(share('returned')).toBeGreaterThan(0.01);
    expect(share('returned')).toBeLessThan(0.1);
    expect(share('extended')).toBeGreaterThan(0.005);
    expect(share('extended')).toBeLessThan(0.08);
    expect(share('rework')).toBeGreaterThan(0.02);
    expect(share('rework')).toBeLessThan(0.1);
    expect(r.late / r.closed).toBeGreaterThan(0.005);
    expect(r.late / r.closed).toBeLessThan(0.08);
    expect(r.hotline_unrated).toBe(0);
    expect(r.open).toBeGreaterThan(0);
    expect(r.evaluated).toBeGreaterThan(0);
    // the command screen's indicators see the year: every town ranked, departments too, rates between 0 and 1
    const ind = await caseIndicators(t.db(), { regionCode: '320281', from: '2025-11-01', to: '2026-12-01' });
    expect(ind.totals.received).toBeGreaterThanOrEqual(COUNT);
    expect(ind.towns.length).toBe(17);
    expect(ind.departments.length).toBeGreaterThan(3);
    expect(ind.totals.onTimeClosureRate).toBeGreaterThan(0.9);
    expect(ind.totals.onTimeClosureRate).toBeLessThan(1);
  });

  it('is deterministic: the same key and now give the same cases', async () => {
    const plan = await loadCasesPlan(executor(t.db()), await t.ctx.calendar.current(executor(t.db())));
    const run = () => {
      const rng = createRng('determinism');
      return Array.from({ length: 200 }, (_, i) => simulateCase(rng, plan, drawCase(rng, plan, NOW.getTime()), i + 1, NOW.getTime()));
    };
    const a = run();
    expect(JSON.stringify(run())).toBe(JSON.stringify(a));
    expect(new Set(a.map((c) => c.row.source)).size).toBeGreaterThan(3);
  });
});
