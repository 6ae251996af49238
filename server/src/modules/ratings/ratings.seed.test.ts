import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { seedRatingsDemo } from './index.ts';
import { completeApplication, insertRatingRegions, JY } from './ratings.test-fixtures.ts';

describeEachBackend('ratings demo seed', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await insertRatingRegions(db);
    const gov = await insertOrg(db, { code: 's.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    const scjg = await insertOrg(db, { code: 's.scjg', name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
    const center = await insertOrg(db, { code: 's.center', name: '江阴市政务服务中心', type: 'department', level: 'county', regionCode: JY, parentId: gov });
    const person = await createTestAccount(t, { username: 'p1', kind: 'person', displayName: '王五', residentId: '320281199001011234', grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    for (let i = 1; i <= 60; i++) {
      await completeApplication(db, {
        applicationId: 1000 + i,
        handlingOrgId: scjg,
        intakeOrgId: i % 2 ? center : null,
        channel: i % 2 ? 'window' : 'online',
        applicantAccountId: person,
        completedAt: new Date(Date.now() - (i % 50) * 86_400_000 - 3_600_000).toISOString(),
      });
    }
    await t.ctx.jobs.drainOutbox();
  });
  afterAll(() => t.close());

  it('rates most matters, takes bad ratings through every outcome, and is not repeated on a second run', async () => {
    const r = await seedRatingsDemo(t.ctx, { badShare: 0.5, seed: 7 });
    expect(r.matters).toBe(60);
    expect(r.rated).toBeGreaterThan(40);
    expect(r.bad).toBeGreaterThan(10);
    const states = await query<{ state: string; outcome: string | null; n: number }>(
      t.db(),
      sql`select state, outcome, count(*)::int as n from rating_rectifications group by 1, 2 order by 1, 2`,
    );
    const seen = new Set(states.map((s) => s.outcome).filter(Boolean));
    expect(seen).toEqual(new Set(['fix_now', 'log_fix', 'explain']));
    expect(states.every((s) => s.state !== 'assigned' && s.state !== 'new')).toBe(true);
    const [channels] = await query<{ onsite: number; online: number }>(
      t.db(),
      sql`select count(*) filter (where channel = 'onsite')::int as onsite, count(*) filter (where channel = 'online')::int as online from ratings`,
    );
    expect(channels.onsite).toBeGreaterThan(0);
    expect(channels.online).toBeGreaterThan(0);
    expect((await seedRatingsDemo(t.ctx, { seed: 7 })).matters).toBe(60 - r.rated);
  });
});
