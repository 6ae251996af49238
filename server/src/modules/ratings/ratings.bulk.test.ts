import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction, query } from '../../platform/db/index.ts';
import { permissionsOf, SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import { insertOrg } from '../org/index.ts';
import * as repo from './ratings.repository.ts';
import { ratingModule, type ApplicationCompleted } from './index.ts';
import { insertRatingRegions, JY } from './ratings.test-fixtures.ts';

describeEachBackend('ratings bulk paths (recordMatters, recordFirstRatings)', (backend) => {
  let t: TestApp;
  let scjg: number;
  let center: number;
  let person: number;
  const rows = <T,>(q: ReturnType<typeof sql>) => query<T>(t.ctx.db, q);

  const completion = (id: number, over: Partial<ApplicationCompleted> = {}): ApplicationCompleted => ({
    applicationId: id,
    applicationNo: `JY2026${String(id).padStart(6, '0')}`,
    itemName: '食品经营许可',
    handlingOrgId: scjg,
    handlingOrgName: id % 3 ? '江阴市市场监督管理局' : null,
    intakeOrgId: id % 2 ? center : null,
    channel: id % 2 ? 'window' : 'online',
    applicantAccountId: person,
    regionCode: JY,
    completedAt: new Date(Date.now() - (id % 7) * 86_400_000 - 3_600_000).toISOString(),
    outcome: id % 5 ? 'approved' : 'denied',
    ...over,
  });
  const ev = (p: ApplicationCompleted) => ({ id: 0, topic: 'application.completed', payload: p, regionCode: JY, createdAt: p.completedAt, attempt: 1 });
  const matters = (from: number, to: number) =>
    rows<Record<string, unknown>>(sql`select subject_type, matter_no, item_name, handling_org_id, handling_org_name, handling_org_path, intake_org_id, intake_org_name,
      intake_org_path, channel, applicant_account_id, region_code, completed_at, outcome, rate_by, subject_id::int - ${from} as k
      from rating_matters where subject_id::int between ${from} and ${to} order by subject_id::int`);

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await insertRatingRegions(db);
    const gov = await insertOrg(db, { code: 'b.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    scjg = await insertOrg(db, { code: 'b.scjg', name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
    center = await insertOrg(db, { code: 'b.center', name: '江阴市政务服务中心', type: 'department', level: 'county', regionCode: JY, parentId: gov });
    person = await createTestAccount(t, { username: 'p1', kind: 'person', displayName: '王五', residentId: '320281199001011234', grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('recordMatters writes the rows the application.completed subscriber writes, in list order, once', async () => {
    const { ratings } = ratingModule(t.ctx);
    const at = Date.now();
    const list = Array.from({ length: 12 }, (_, i) => i);
    const noUnit = completion(0, { handlingOrgId: null, intakeOrgId: null });
    await inTransaction(t.ctx.db, async (tx) => {
      for (const i of list) await ratings.onApplicationCompleted(ev(completion(1000 + i, { completedAt: new Date(at - i * 3_600_000).toISOString() })), tx);
      await ratings.onApplicationCompleted(ev({ ...noUnit, applicationId: 1999 }), tx);
    });
    const written = await inTransaction(t.ctx.db, (tx) =>
      ratings.recordMatters(tx, [...list.map((i) => completion(2000 + i, { completedAt: new Date(at - i * 3_600_000).toISOString() })), { ...noUnit, applicationId: 2999 }]),
    );
    expect(written).toBe(12);
    const one = await matters(1000, 1999);
    const many = await matters(2000, 2999);
    expect(many.map(({ matter_no: _m, ...r }) => r)).toEqual(one.map(({ matter_no: _m, ...r }) => r));
    expect(many.some((m) => m.intake_org_name === '江阴市政务服务中心' && m.handling_org_name === '江阴市市场监督管理局')).toBe(true);
    // ids follow the list order
    const ids = await rows<{ id: number }>(sql`select id from rating_matters where subject_id::int between 2000 and 2999 order by subject_id::int`);
    expect(ids.map((r) => r.id)).toEqual([...ids.map((r) => r.id)].sort((a, b) => a - b));
    // idempotent, and bad payloads are refused as the subscriber refuses them
    expect(await inTransaction(t.ctx.db, (tx) => ratings.recordMatters(tx, list.map((i) => completion(2000 + i))))).toBe(0);
    await expect(inTransaction(t.ctx.db, (tx) => ratings.recordMatters(tx, [{ ...completion(3000), channel: 'fax' }]))).rejects.toThrow();
  });

  it('recordFirstRatings stores what rateOnline / openVisit + rateOnsite store, with the same audit and events', async () => {
    const rater: Actor = { id: person, username: 'p1', kind: 'person', displayName: '王五', grants: [{ role: 'applicant', regionCode: null, orgId: null }], permissions: permissionsOf([{ role: 'applicant', regionCode: null, orgId: null }]), via: 'system' };
    const who = { actor: rater, ip: '127.0.0.1' };
    const onlineIn = { level: 5, dimensions: { efficiency: 5, guideAccuracy: 4, convenience: 5, usability: 5 }, comment: '办事很快' };
    const onsiteIn = { level: 4, dimensions: { efficiency: 4, competence: 4, attitude: 5 } };
    const mattersOf = async (a: number, b: number) => (await repo.unratedMatters(t.ctx.db, 10_000)).filter((m) => Number(m.subject_id) === a || Number(m.subject_id) === b);
    // single path on 1000 (online) and 1001 (window), bulk on 2000 and 2001
    const at = new Date(Date.now() - 60_000);
    const single = ratingModule(t.ctx, { now: () => at });
    const [m1000, m1001] = await mattersOf(1000, 1001);
    await single.ratings.rateOnline(who, m1000.id, onlineIn);
    const visit = await single.ratings.openVisit({ actor: SYSTEM_ACTOR }, m1001.id);
    await single.ratings.rateOnsite(who, visit.code, onsiteIn);
    const [m2000, m2001] = await mattersOf(2000, 2001);
    const ids = await inTransaction(t.ctx.db, (tx) =>
      ratingModule(t.ctx).ratings.recordFirstRatings(tx, [
        { who, matter: m2000, channel: 'online', input: onlineIn, at },
        { who, matter: m2001, channel: 'onsite', input: onsiteIn, at },
      ]),
    );
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    const ratingRows = (a: number, b: number) =>
      rows<Record<string, unknown>>(sql`select r.channel, (r.visit_id is not null) as has_visit, regexp_replace(r.rating_key, '[0-9]+', 'N') as key, r.level, r.dimensions,
        r.comment, r.reasons, r.rater_account_id, r.named, r.replaces_id, r.handling_org_id, r.intake_org_id, r.region_code, r.rated_at, r.excluded,
        v.used_at, v.expires_at, v.opened_by, (r.rating_key = 'visit:' || v.id) as key_matches_visit
        from ratings r join rating_matters m on m.id = r.matter_id left join rating_visits v on v.id = r.visit_id
        where m.subject_id::int in (${a}, ${b}) order by m.subject_id::int`);
    const one = await ratingRows(1000, 1001);
    expect(one).toHaveLength(2);
    expect(await ratingRows(2000, 2001)).toEqual(one);
    const records = (a: number, b: number) =>
      rows<{ action: string; actor_name: string; after: Record<string, unknown>; topic: string | null }>(sql`
        select action, actor_name, after - 'matterId' - 'visitId' - 'expiresAt' as after, null as topic from audit_entries
          where (entity_type = 'rating' and entity_id in (select r.id::text from ratings r join rating_matters m on m.id = r.matter_id where m.subject_id::int in (${a}, ${b})))
             or (entity_type = 'rating_matter' and entity_id in (select id::text from rating_matters where subject_id::int in (${a}, ${b})))
        union all
        select 'event', '', payload - 'ratingId' - 'matterId' - 'subjectId', topic from outbox_events
          where topic = 'rating.recorded' and payload->>'subjectId' in (${String(a)}, ${String(b)})
        order by 1, 3`);
    const oneRecords = await records(1000, 1001);
    expect(oneRecords.map((r) => r.action).sort()).toEqual(['event', 'event', 'rating.rated', 'rating.rated', 'rating.visit_opened']);
    expect(await records(2000, 2001)).toEqual(oneRecords);
    // a second rating of the same matter is not written; a bad rating must go through the workflow
    expect(await inTransaction(t.ctx.db, (tx) => ratingModule(t.ctx).ratings.recordFirstRatings(tx, [{ who, matter: m2000, channel: 'online', input: onlineIn, at }]))).toEqual([null]);
    const [m2002] = await mattersOf(2002, -1);
    await expect(
      inTransaction(t.ctx.db, (tx) =>
        ratingModule(t.ctx).ratings.recordFirstRatings(tx, [{ who, matter: m2002, channel: 'online', input: { level: 1, dimensions: { efficiency: 1, guideAccuracy: 1, convenience: 1, usability: 1 }, reasons: ['slow'], comment: '太慢' }, at }]),
      ),
    ).rejects.toThrow(/rectification/);
  });
});
