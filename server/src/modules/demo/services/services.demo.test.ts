import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../../platform/db/index.ts';
import { isoOf, localDayOf } from '../../../platform/clock/index.ts';
import { describeEachBackend } from '../../../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { verifyNumber } from '../../licenses/index.ts';
import { seedDemo } from '../index.ts';
import { SERVICES_MARKER, seedServicesDemo } from './services.demo.ts';

describeEachBackend('services demo (historical applications)', (backend) => {
  let t: TestApp;
  const N = 400;
  beforeAll(async () => {
    t = await testApp(backend);
    await seedDemo(t.ctx, { cases: 20, applications: N });
  }, 600_000);
  afterAll(async () => t?.close());

  const rows = <T,>(q: ReturnType<typeof sql>) => query<T>(t.ctx.db, q);

  it('wrote the applications once, with one audit entry for the seed', async () => {
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from applications where kind <> 'sub'`);
    expect(n).toBe(N);
    const again = await seedServicesDemo(t.ctx, { applications: N });
    expect(again.seeded).toBe(false);
    const [{ audits }] = await rows<{ audits: number }>(sql`select count(*)::int as audits from audit_entries where action = 'demo.services_seeded' and entity_id = ${SERVICES_MARKER}`);
    expect(audits).toBe(1);
  });

  it("every application's state and version agree with its history", async () => {
    const bad = await rows<{ id: number }>(sql`
      select a.id from applications a
      left join lateral (select to_state, version from workflow_history h where h.workflow = 'application' and h.subject_id = a.id::text order by h.id desc limit 1) h on true
      where h.to_state is distinct from a.state or h.version is distinct from a.version`);
    expect(bad).toEqual([]);
    // transitions chain: each from_state is the previous to_state, times never go back
    const broken = await rows<{ id: string }>(sql`
      select subject_id as id from (
        select subject_id, from_state, at, lag(to_state) over w as prev_to, lag(at) over w as prev_at, row_number() over w as k
        from workflow_history where workflow = 'application' window w as (partition by subject_id order by id)) x
      where (k > 1 and from_state <> prev_to) or (k > 1 and at < prev_at)`);
    expect(broken).toEqual([]);
  });

  it('every decided application has a stopped decision clock, overdue exactly when decided after the due time', async () => {
    const bad = await rows<{ id: number }>(sql`
      select a.id from applications a
      join sla_clocks c on c.subject_type = 'application' and c.subject_id = a.id::text and c.purpose = 'decision'
      where a.decided_at is not null
        and (c.state <> 'stopped' or c.stopped_at <> a.decided_at or c.overdue <> (a.decided_at > c.due_at))`);
    expect(bad).toEqual([]);
    const open = await rows<{ state: string; n: number }>(sql`
      select a.state, count(*)::int as n from applications a
      join sla_clocks c on c.subject_type = 'application' and c.subject_id = a.id::text and c.purpose = 'decision'
      where a.decided_at is null and c.state <> 'stopped' group by 1`);
    expect(open.reduce((s, r) => s + r.n, 0)).toBeGreaterThan(0);
    const [{ undecided }] = await rows<{ undecided: number }>(sql`
      select count(*)::int as undecided from applications where decided_at is null and state in ('approved', 'denied', 'refused', 'completed')`);
    expect(undecided).toBe(0);
  });

  it('corrections paused the decision clock by exactly the working days they took', async () => {
    const cal = t.ctx.calendar.calendar;
    const list = await rows<{ id: number; paused: number; p: string; r: string }>(sql`
      select a.id, c.paused_total as paused, rc.at::text as p, rs.at::text as r from applications a
      join sla_clocks c on c.subject_type = 'application' and c.subject_id = a.id::text and c.purpose = 'decision'
      join workflow_history rc on rc.workflow = 'application' and rc.subject_id = a.id::text and rc.action = 'requestCorrection'
      join workflow_history rs on rs.workflow = 'application' and rs.subject_id = a.id::text and rs.action in ('resubmit', 'receiveCorrection')
      where not exists (select 1 from workflow_history s where s.workflow = 'application' and s.subject_id = a.id::text and s.action = 'startSpecial')`);
    expect(list.length).toBeGreaterThan(0);
    for (const x of list) {
      const days = cal.workingDaysBetween(isoOf(localDayOf(new Date(x.p))), isoOf(localDayOf(new Date(x.r)))).days;
      expect(Number(x.paused), `application ${x.id}`).toBe(days);
    }
    const [{ withNotice, issued }] = await rows<{ withNotice: number; issued: number }>(sql`
      select (select count(distinct application_id)::int from application_notices where kind = 'correction') as "withNotice",
             (select count(*)::int from applications where correction_issued) as issued`);
    expect(withNotice).toBe(issued);
  });

  it('licences of approved applications verify against the published keys', async () => {
    const lic = await rows<{ licence_no: string; application_no: string }>(sql`select licence_no, application_no from licenses where application_no like 'JY%'`);
    expect(lic.length).toBeGreaterThan(0);
    for (const l of lic.slice(0, 25)) {
      const v = await verifyNumber(t.ctx.db, l.licence_no);
      expect(v.signatureValid, l.licence_no).toBe(true);
    }
    const [{ missing }] = await rows<{ missing: number }>(sql`
      select count(*)::int as missing from applications a
      where a.state = 'approved' and a.item_snapshot->'result'->>'licenseType' is not null
        and not exists (select 1 from licenses l where l.application_no = a.application_no)`);
    expect(missing).toBe(0);
  });

  it('one licence per approved licence-producing application; a ratable matter per completed matter; ratings audited, bad ones in the loop', async () => {
    const [l] = await rows<{ approved: number; licences: number; apps: number }>(sql`
      select (select count(*)::int from applications a where a.state = 'approved' and a.kind <> 'bundle' and a.item_snapshot->'result'->>'licenseType' is not null) as approved,
             (select count(*)::int from licenses where application_no like 'JY%') as licences,
             (select count(distinct application_no)::int from licenses where application_no like 'JY%') as apps`);
    expect(l.licences).toBe(l.apps);
    expect(l.licences).toBe(l.approved);
    const [e] = await rows<{ events: number; audits: number; issued: number }>(sql`
      select (select count(*)::int from license_events e join licenses l on l.id = e.license_id where l.application_no like 'JY%' and e.action = 'issue') as events,
             (select count(*)::int from audit_entries a join licenses l on a.entity_id = l.id::text where l.application_no like 'JY%' and a.action = 'license.issue') as audits,
             (select count(*)::int from outbox_events where topic = 'license.issued' and payload->>'applicationNo' like 'JY%') as issued`);
    expect(e).toEqual({ events: l.licences, audits: l.licences, issued: l.licences });
    const [m] = await rows<{ missing: number }>(sql`
      select count(*)::int as missing from applications a
      where a.kind <> 'sub' and a.decided_at is not null and a.outcome is not null and coalesce(a.handling_org_id, a.intake_org_id) is not null
        and not exists (select 1 from rating_matters m where m.subject_type = 'application' and m.subject_id = a.id::text)`);
    expect(m.missing).toBe(0);
    const [r] = await rows<{ ratings: number; audited: number; events: number; bad: number; loops: number; assigned: number; clocks: number }>(sql`
      select (select count(*)::int from ratings) as ratings,
             (select count(*)::int from ratings r where exists (select 1 from audit_entries a where a.entity_type = 'rating' and a.entity_id = r.id::text and a.action in ('rating.rated', 'rating.rerated'))) as audited,
             (select count(*)::int from outbox_events where topic = 'rating.recorded') as events,
             (select count(*)::int from ratings where level <= 2 and replaces_id is null) as bad,
             (select count(*)::int from rating_rectifications) as loops,
             (select count(distinct subject_id)::int from workflow_history where workflow = 'rating_rectification' and action = 'assign') as assigned,
             (select count(*)::int from sla_clocks where subject_type = 'rating_rectification' and purpose = 'callback') as clocks`);
    expect(r.ratings).toBeGreaterThan(0);
    expect(r.audited).toBe(r.ratings);
    expect(r.events).toBe(r.ratings);
    expect(r.bad).toBeGreaterThan(0);
    expect(r.loops).toBe(r.bad);
    expect(r.assigned).toBe(r.bad);
    expect(r.clocks).toBe(r.bad);
  });

  it('the kinds come in their intended shares', async () => {
    const [s] = await rows<Record<string, number>>(sql`
      select count(*)::int as total,
        count(*) filter (where correction_issued)::int as corrections,
        count(*) filter (where extension_days > 0)::int as extensions,
        count(*) filter (where overdue_at is not null)::int as overdue,
        count(*) filter (where state = 'refused')::int as refused,
        count(*) filter (where state = 'denied')::int as denied,
        count(*) filter (where kind = 'bundle')::int as bundles,
        count(*) filter (where channel = 'online')::int as online
      from applications where kind <> 'sub'`);
    expect(s.corrections / s.total).toBeGreaterThan(0.03);
    expect(s.corrections / s.total).toBeLessThan(0.15);
    expect(s.overdue / s.total).toBeLessThan(0.06);
    expect(s.extensions / s.total).toBeLessThan(0.08);
    expect(s.refused).toBeGreaterThan(0);
    expect(s.bundles).toBeGreaterThan(0);
    expect(s.online / s.total).toBeGreaterThan(0.45);
    expect(s.online / s.total).toBeLessThan(0.8);
    const [{ matters, rated }] = await rows<{ matters: number; rated: number }>(sql`
      select (select count(*)::int from rating_matters where subject_type = 'application') as matters,
             (select count(distinct matter_id)::int from ratings) as rated`);
    expect(matters).toBeGreaterThan(N * 0.8);
    expect(rated).toBeGreaterThan(0);
  });
});
