import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { localDayOf, isoOf, watchSla } from '../../platform/clock/index.ts';
import { insertOrg } from '../org/index.ts';
import { completeApplication, insertRatingRegions, JY, YX } from './ratings.test-fixtures.ts';

const ONLINE = { efficiency: 5, guideAccuracy: 5, convenience: 4, usability: 5 };
const ONSITE = { efficiency: 4, competence: 5, attitude: 5 };
const ZHANG = { name: '张晓红', residentId: '320281199003071526', phone: '13812345678' };
const LI = { name: '李建国', residentId: '320281198512120019', phone: '13998765432' };

describeEachBackend('ratings API (好差评)', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  const o: Record<string, number> = {};
  const acc: Record<string, number> = {};
  const matter: Record<string, number> = {};

  const req = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const act = (id: number, action: string, who: string, body: Record<string, unknown>) => req('POST', `/api/ratings/rectifications/${id}/actions/${action}`, who, body);
  const matterOf = async (applicationId: number) =>
    (await query<{ id: number }>(t.db(), sql`select id from rating_matters where subject_type = 'application' and subject_id = ${String(applicationId)}`))[0]?.id;

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await insertRatingRegions(db);
    o.gov = await insertOrg(db, { code: 'r.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    o.scjg = await insertOrg(db, { code: 'r.scjg', name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.rs = await insertOrg(db, { code: 'r.rs', name: '江阴市人力资源和社会保障局', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.ga = await insertOrg(db, { code: 'r.ga', name: '江阴市公安局', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.center = await insertOrg(db, { code: 'r.center', name: '江阴市政务服务中心', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.yx = await insertOrg(db, { code: 'r.yx', name: '宜兴市人民政府', type: 'government', level: 'county', regionCode: YX });
    acc.zhang = await createTestAccount(t, { username: 'zhang', kind: 'person', displayName: ZHANG.name, residentId: ZHANG.residentId, phone: ZHANG.phone, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    acc.li = await createTestAccount(t, { username: 'li', kind: 'person', displayName: LI.name, residentId: LI.residentId, phone: LI.phone, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    acc.unit = await createTestAccount(t, { username: 'unit', orgId: o.scjg, grants: [{ role: 'approver', regionCode: JY, orgId: o.scjg }] });
    acc.rsUnit = await createTestAccount(t, { username: 'rsunit', orgId: o.rs, grants: [{ role: 'approver', regionCode: JY, orgId: o.rs }] });
    acc.gaUnit = await createTestAccount(t, { username: 'gaunit', orgId: o.ga, grants: [{ role: 'approver', regionCode: JY, orgId: o.ga }] });
    acc.clerk = await createTestAccount(t, { username: 'clerk', orgId: o.center, grants: [{ role: 'window_clerk', regionCode: JY, orgId: o.center }] });
    acc.yxClerk = await createTestAccount(t, { username: 'yxclerk', grants: [{ role: 'window_clerk', regionCode: YX, orgId: null }] });
    acc.leader = await createTestAccount(t, { username: 'leader', grants: [{ role: 'leader', regionCode: JY, orgId: null }] });
    for (const u of ['zhang', 'li', 'unit', 'rsunit', 'gaunit', 'clerk', 'yxclerk', 'leader']) h[u] = await signIn(t.app, u);

    const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await completeApplication(db, { applicationId: 101, handlingOrgId: o.scjg, applicantAccountId: acc.zhang, completedAt: days(1) });
    await completeApplication(db, { applicationId: 101, handlingOrgId: o.scjg, applicantAccountId: acc.zhang, completedAt: days(1) }); // redelivered
    await completeApplication(db, { applicationId: 102, handlingOrgId: o.scjg, intakeOrgId: o.center, channel: 'window', applicantAccountId: acc.zhang, completedAt: days(2), itemName: '个体工商户登记' });
    await completeApplication(db, { applicationId: 103, handlingOrgId: o.scjg, applicantAccountId: acc.li, completedAt: days(1), itemName: '药品零售许可' });
    await completeApplication(db, { applicationId: 104, handlingOrgId: o.scjg, applicantAccountId: acc.zhang, completedAt: days(40), itemName: '食品小作坊登记' });
    await completeApplication(db, { applicationId: 105, handlingOrgId: o.rs, applicantAccountId: acc.li, completedAt: days(1), handlingOrgName: '江阴市人力资源和社会保障局', itemName: '失业登记' });
    await completeApplication(db, { applicationId: 106, handlingOrgId: o.scjg, applicantAccountId: acc.li, completedAt: days(1), itemName: '食品经营许可变更' });
    // a bundle parent without a handling unit is rated against its window; with neither there is nobody to rate
    await completeApplication(db, { applicationId: 107, handlingOrgId: null, handlingOrgName: '', intakeOrgId: o.center, channel: 'window', applicantAccountId: acc.li, completedAt: days(1), itemName: '开办企业一件事' });
    await completeApplication(db, { applicationId: 108, handlingOrgId: null, handlingOrgName: '', intakeOrgId: null, applicantAccountId: acc.li, completedAt: days(1) });
    await completeApplication(db, { applicationId: 109, handlingOrgId: o.ga, handlingOrgName: '江阴市公安局', applicantAccountId: acc.li, completedAt: days(1), itemName: '居民身份证换领' });
    await t.ctx.jobs.drainOutbox();
    for (const a of [101, 102, 103, 104, 105, 106, 109]) matter[a] = await matterOf(a);
  });
  afterAll(() => t.close());

  it('makes one ratable matter per completed application, also when the event is delivered twice', async () => {
    const [n] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from rating_matters where subject_id = '101'`);
    expect(n.n).toBe(1);
    const [bundle] = await query<{ handling_org_id: number; handling_org_name: string }>(t.db(), sql`select handling_org_id, handling_org_name from rating_matters where subject_id = '107'`);
    expect(bundle).toEqual({ handling_org_id: o.center, handling_org_name: '江阴市政务服务中心' });
    expect(await matterOf(108)).toBeUndefined();
    const mine = await req('GET', '/api/ratings/mine', 'zhang');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((m: { itemName: string }) => m.itemName).sort()).toEqual(['个体工商户登记', '食品小作坊登记', '食品经营许可']);
    const window = mine.json().items.find((m: { id: number }) => m.id === matter[102]);
    expect(window).toMatchObject({ channel: 'window', intakeOrgName: '江阴市政务服务中心', canRateOnline: true });
    expect(mine.json().items.find((m: { id: number }) => m.id === matter[104]).canRateOnline).toBe(false);
    const subject = await req('GET', '/api/ratings/subjects/application/101', 'zhang');
    expect(subject.json()).toMatchObject({ id: matter[101], canRateOnline: true, rating: null });
    expect((await req('GET', '/api/ratings/subjects/application/103', 'zhang')).statusCode).toBe(404);
  });

  describe('online rating', () => {
    it('refuses the unauthenticated (401), staff without the permission (403), someone else’s matter (404) and bad input (400 naming fields)', async () => {
      expect((await req('POST', `/api/ratings/matters/${matter[101]}/online`, undefined, { level: 5, dimensions: ONLINE })).statusCode).toBe(401);
      expect((await req('POST', `/api/ratings/matters/${matter[101]}/online`, 'clerk', { level: 5, dimensions: ONLINE })).statusCode).toBe(403);
      const other = await req('POST', `/api/ratings/matters/${matter[103]}/online`, 'zhang', { level: 5, dimensions: ONLINE });
      expect(other.statusCode).toBe(404);
      expect(problem(other).code).toBe('rating.MATTER_NOT_FOUND');
      expect((await req('POST', '/api/ratings/matters/999999/online', 'zhang', { level: 5, dimensions: ONLINE })).statusCode).toBe(404);
      const bad = await req('POST', `/api/ratings/matters/${matter[101]}/online`, 'zhang', { level: 2, dimensions: { efficiency: 2, guideAccuracy: 3, convenience: 2 } });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors.map((e) => e.field)).toEqual(['dimensions.usability', 'reasons']);
      const level = await req('POST', `/api/ratings/matters/${matter[101]}/online`, 'zhang', { level: 7, dimensions: ONLINE });
      expect(level.statusCode).toBe(400);
      expect(problem(level).errors[0]).toMatchObject({ field: 'level', in: 'body' });
      const [n] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from ratings`);
      expect(n.n).toBe(0);
    });

    it('records the owner’s rating once (409 on a second) and refuses after the deadline', async () => {
      const ok = await req('POST', `/api/ratings/matters/${matter[101]}/online`, 'zhang', { level: 5, dimensions: ONLINE, comment: '很快' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ channel: 'online', level: 5, bad: false, rectificationId: null });
      const again = await req('POST', `/api/ratings/matters/${matter[101]}/online`, 'zhang', { level: 4, dimensions: ONLINE });
      expect(again.statusCode).toBe(409);
      expect(problem(again).code).toBe('rating.ALREADY_RATED');
      const late = await req('POST', `/api/ratings/matters/${matter[104]}/online`, 'zhang', { level: 5, dimensions: ONLINE });
      expect(late.statusCode).toBe(409);
      expect(problem(late).code).toBe('rating.DEADLINE_PASSED');
      expect(problem(late).title).toContain('评价期限已过');
      const [audit] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'rating.rated'`);
      expect(audit.n).toBe(1);
    });
  });

  it('replays a retried bad rating with the same Idempotency-Key: one rating, one follow-up', async () => {
    const body = { level: 2, dimensions: ONLINE, reasons: ['slow'] };
    const headers = { ...h.li, 'idempotency-key': 'rate-109-once' };
    const first = await t.app.inject({ method: 'POST', url: `/api/ratings/matters/${matter[109]}/online`, headers, payload: body });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/ratings/matters/${matter[109]}/online`, headers, payload: body });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const [n] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from rating_rectifications x join ratings r on r.id = x.rating_id where r.matter_id = ${matter[109]}`);
    expect(n.n).toBe(1);
    // the unit's steps with a key run in the same request transaction
    const x = first.json().rectificationId;
    const cb = await t.app.inject({ method: 'POST', url: `/api/ratings/rectifications/${x}/actions/callBack`, headers: { ...h.gaunit, 'idempotency-key': 'cb-109' }, payload: { version: 2, note: '已回访' } });
    expect(cb.json()).toMatchObject({ state: 'called_back', history: [{ action: 'assign' }, { action: 'callBack' }] });
  });

  describe('on site', () => {
    let code = '';
    it('lets the window clerk open a rating for a visit, in scope only', async () => {
      expect((await req('POST', `/api/ratings/matters/${matter[102]}/visits`, 'yxclerk')).statusCode).toBe(404);
      expect((await req('POST', `/api/ratings/matters/${matter[102]}/visits`, 'zhang')).statusCode).toBe(403);
      const open = await req('POST', `/api/ratings/matters/${matter[102]}/visits`, 'clerk');
      expect(open.statusCode).toBe(201);
      code = open.json().code;
      expect((await req('POST', `/api/ratings/matters/${matter[102]}/visits`, 'clerk')).statusCode).toBe(409);
      expect((await req('POST', '/api/ratings/subjects/application/102/visits', 'clerk')).statusCode).toBe(409);
      expect((await req('POST', '/api/ratings/subjects/application/999/visits', 'clerk')).statusCode).toBe(404);
      const info = await req('GET', `/api/ratings/visits/${code}`);
      expect(info.json()).toMatchObject({ itemName: '个体工商户登记', intakeOrgName: '江阴市政务服务中心' });
      expect(info.body).not.toContain(ZHANG.name);
    });

    it('takes one on-site rating per visit, on the on-site dimensions, credited to the applicant', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: `/api/ratings/visits/${code}`, payload: { level: 4, dimensions: ONLINE } });
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors.map((e) => e.field)).toContain('dimensions.attitude');
      const ok = await t.app.inject({ method: 'POST', url: `/api/ratings/visits/${code}`, payload: { level: 4, dimensions: ONSITE } });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ channel: 'onsite', level: 4 });
      const reuse = await t.app.inject({ method: 'POST', url: `/api/ratings/visits/${code}`, payload: { level: 5, dimensions: ONSITE } });
      expect(reuse.statusCode).toBe(409);
      expect((await t.app.inject({ method: 'GET', url: '/api/ratings/visits/AAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
      const [r] = await query<{ rater_account_id: number; named: boolean }>(t.db(), sql`select rater_account_id, named from ratings where id = ${ok.json().id}`);
      expect(r).toEqual({ rater_account_id: acc.zhang, named: true });
      // the online rating of the same matter is still open: one per matter online, one per visit on site
      expect((await req('POST', `/api/ratings/matters/${matter[102]}/online`, 'zhang', { level: 5, dimensions: ONLINE })).statusCode).toBe(201);
    });
  });

  describe('the bad-rating loop', () => {
    let rect = 0;
    let ratingId = 0;
    it('starts with a bad rating: assigned to the rated unit with a 5-working-day call-back clock', async () => {
      const res = await req('POST', `/api/ratings/matters/${matter[103]}/online`, 'li', { level: 1, dimensions: { efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 3 }, reasons: ['slow', 'many_visits'], comment: '跑了三趟' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ bad: true });
      rect = res.json().rectificationId;
      ratingId = res.json().id;
      const [x] = await query<{ state: string; named: boolean }>(t.db(), sql`select state, named from rating_rectifications where id = ${rect}`);
      expect(x).toEqual({ state: 'assigned', named: true });
      const [clock] = await t.ctx.calendar.clocks.ofSubject(t.db(), 'rating_rectification', rect);
      expect(clock).toMatchObject({ purpose: 'callback', unit: 'working_days', budget: 5, state: 'running' });
      expect(clock.dueDate).toBe(t.ctx.calendar.calendar.addWorkingDays(isoOf(localDayOf(new Date(clock.startedAt))), 5).date);
    });

    it('shows the unit its bad ratings without the rater’s identity, and hides them from other units', async () => {
      const list = await req('GET', '/api/ratings/rectifications?open=true', 'unit');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([rect]);
      const one = await req('GET', `/api/ratings/rectifications/${rect}`, 'unit');
      expect(one.statusCode).toBe(200);
      const body = one.json();
      expect(body.rater).toMatchObject({ named: true, maskedPhone: '139****5432' });
      expect(body.rater.pseudonym).toMatch(/^评价人#[0-9A-F]{6}$/);
      expect(body.actions.map((a: { action: string }) => a.action)).toEqual(['callBack', 'appeal']);
      for (const res of [list, one]) {
        for (const secret of [LI.name, LI.residentId, LI.phone, 'JY2026000103', '"li"']) expect(res.body).not.toContain(secret);
      }
      expect((await req('GET', `/api/ratings/rectifications/${rect}`, 'rsunit')).statusCode).toBe(404);
      expect((await req('GET', '/api/ratings/rectifications', 'rsunit')).json().items).toEqual([]);
      expect((await req('GET', `/api/ratings/rectifications/${rect}`, 'zhang')).statusCode).toBe(403);
    });

    it('lets only a supervisor read the identity, and audits each read', async () => {
      expect((await req('GET', `/api/ratings/rectifications/${rect}/rater`, 'unit')).statusCode).toBe(403);
      const who = await req('GET', `/api/ratings/rectifications/${rect}/rater`, 'leader');
      expect(who.statusCode).toBe(200);
      expect(who.json().rater).toMatchObject({ displayName: LI.name, residentId: LI.residentId, phone: LI.phone });
      const audits = await query<{ actor_id: number; entity_id: string }>(t.db(), sql`select actor_id, entity_id from audit_entries where action = 'rating.rater_identity_read'`);
      expect(audits).toEqual([{ actor_id: acc.leader, entity_id: String(rect) }]);
    });

    it('records the call-back (409 on a stale version), the outcome, tells the rater, who re-rates', async () => {
      const missing = await act(rect, 'callBack', 'unit', { version: 2 });
      expect(missing.statusCode).toBe(400);
      expect(problem(missing).errors.map((e) => e.field)).toEqual(['note']);
      expect((await act(rect, 'callBack', 'unit', { version: 1, note: '已电话回访' })).statusCode).toBe(409);
      const cb = await act(rect, 'callBack', 'unit', { version: 2, note: '已通过中转号码回访，了解到多次补材料' });
      expect(cb.statusCode).toBe(200);
      expect(cb.json()).toMatchObject({ state: 'called_back', version: 3 });
      const [clock] = await t.ctx.calendar.clocks.ofSubject(t.db(), 'rating_rectification', rect);
      expect(clock.state).toBe('stopped');
      const noOutcome = await act(rect, 'resolve', 'unit', { version: 3, note: '已整改' });
      expect(noOutcome.statusCode).toBe(400);
      expect(problem(noOutcome).errors.map((e) => e.field)).toEqual(['outcome']);
      const res = await act(rect, 'resolve', 'unit', { version: 3, outcome: 'fix_now', note: '已将材料清单一次性告知并更新指南' });
      expect(res.json()).toMatchObject({ state: 'notified', outcome: 'fix_now' });

      const mine = (await req('GET', '/api/ratings/mine', 'li')).json();
      expect(mine.notices[0].zh).toContain('立即整改');
      const m = mine.items.find((i: { id: number }) => i.id === matter[103]);
      expect(m.ratings[0].rectification).toMatchObject({ state: 'notified', canRerate: true });
      expect((await req('POST', `/api/ratings/${ratingId}/rerate`, 'zhang', { version: 4, level: 4, dimensions: ONLINE })).statusCode).toBe(404);
      const rerate = await req('POST', `/api/ratings/${ratingId}/rerate`, 'li', { version: 4, level: 4, dimensions: ONLINE });
      expect(rerate.statusCode).toBe(200);
      expect(rerate.json()).toMatchObject({ state: 'closed', rating: { level: 4, bad: false } });
      const after = (await req('GET', '/api/ratings/mine', 'li')).json().items.find((i: { id: number }) => i.id === matter[103]);
      expect(after.ratings.map((r: { level: number; current: boolean }) => [r.level, r.current])).toEqual([
        [1, false],
        [4, true],
      ]);
      const history = (await req('GET', `/api/ratings/rectifications/${rect}`, 'unit')).json().history;
      expect(history.map((x: { action: string }) => x.action)).toEqual(['assign', 'callBack', 'resolve', 'rerate']);
      expect(JSON.stringify(history)).not.toContain('"li"');
    });

    it('logs and fixes by a date, then tells the rater', async () => {
      const res = await req('POST', `/api/ratings/matters/${matter[106]}/online`, 'li', { level: 2, dimensions: ONLINE, reasons: ['guide_inaccurate'] });
      const id = res.json().rectificationId;
      await act(id, 'callBack', 'unit', { version: 2, note: '已回访' });
      const noDate = await act(id, 'resolve', 'unit', { version: 3, outcome: 'log_fix', note: '指南修订需走调整程序' });
      expect(noDate.statusCode).toBe(400);
      expect(problem(noDate).errors.map((e) => e.field)).toEqual(['fixBy']);
      const fixBy = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const logged = await act(id, 'resolve', 'unit', { version: 3, outcome: 'log_fix', fixBy, note: '指南修订需走调整程序' });
      expect(logged.json()).toMatchObject({ state: 'fixing', fixBy });
      const done = await act(id, 'completeFix', 'unit', { version: 4, note: '指南已修订发布' });
      expect(done.json()).toMatchObject({ state: 'notified' });
      const accept = await req('POST', `/api/ratings/${res.json().id}/accept`, 'li', { version: 5 });
      expect(accept.json()).toMatchObject({ state: 'closed' });
    });

    it('marks an overdue call-back from the SLA watcher, and an upheld appeal takes the rating out of the statistics', async () => {
      const res = await req('POST', `/api/ratings/matters/${matter[105]}/online`, 'li', { level: 1, dimensions: ONLINE, reasons: ['other'], comment: '与本单位无关的投诉' });
      const id = res.json().rectificationId;
      await watchSla(t.db(), new Date(Date.now() + 30 * 86_400_000));
      await t.ctx.jobs.drainOutbox();
      expect((await req('GET', `/api/ratings/rectifications/${id}`, 'rsunit')).json().callback).toMatchObject({ overdue: true });

      const before = (await req('GET', `/api/ratings/stats?regionCode=${JY}`)).json();
      const rsBefore = before.units.find((u: { unitId: number }) => u.unitId === o.rs);
      expect(rsBefore).toMatchObject({ ratings: 1, bad: 1, satisfaction: 0 });

      expect((await act(id, 'appeal', 'rsunit', { version: 2 })).statusCode).toBe(400);
      const appeal = await act(id, 'appeal', 'rsunit', { version: 2, reason: '评价内容为其他部门事项，属误评' });
      expect(appeal.json()).toMatchObject({ state: 'appealed' });
      // the unit may not decide its own appeal: approvers lack rating:supervise
      expect((await act(id, 'uphold', 'rsunit', { version: 3, note: '成立' })).statusCode).toBe(403);
      const upheld = await act(id, 'uphold', 'leader', { version: 3, note: '经核实为误评，申诉成立' });
      expect(upheld.statusCode).toBe(200);
      expect(upheld.json()).toMatchObject({ state: 'excluded' });
      const [x] = await query<{ excluded: boolean }>(t.db(), sql`select excluded from ratings where id = ${res.json().id}`);
      expect(x.excluded).toBe(true);
      const rsAfter = (await req('GET', `/api/ratings/stats?regionCode=${JY}`)).json().units.find((u: { unitId: number }) => u.unitId === o.rs);
      expect(rsAfter).toMatchObject({ completed: 1, ratings: 0, bad: 0, loops: 0, satisfaction: null, ratingRate: 0 });
    });
  });

  it('publishes the statistics per unit and per window, with the ranking', async () => {
    const res = await req('GET', `/api/ratings/stats?regionCode=${JY}&by=unit`);
    expect(res.statusCode).toBe(200);
    const scjg = res.json().units.find((u: { unitId: number }) => u.unitId === o.scjg);
    // matters 101 (5), 102 (onsite 4 + online 5), 103 (re-rated 1 → 4), 104 (unrated), 106 (2, fixed)
    expect(scjg).toMatchObject({ rank: 1, unitName: '江阴市市场监督管理局', completed: 5, ratedMatters: 4, ratings: 5, bad: 1, satisfied: 4, loops: 2, calledBack: 2, fixed: 2 });
    expect(scjg).toMatchObject({ ratingRate: 80, badRate: 20, satisfaction: 80, average: 4, callbackRate: 100, fixRate: 100 });
    const windows = (await req('GET', `/api/ratings/stats?regionCode=${JY}&by=window`)).json();
    expect(windows.units).toEqual([expect.objectContaining({ unitId: o.center, unitName: '江阴市政务服务中心', completed: 2, ratings: 2 })]);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect((await req('GET', `/api/ratings/stats?period=${month}`)).json().totals.completed).toBeGreaterThanOrEqual(4);
    expect((await req('GET', '/api/ratings/stats?period=2020-01')).json().units).toEqual([]);
    const bad = await req('GET', '/api/ratings/stats?period=2026-13&by=town');
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors.map((e) => e.field).sort()).toEqual(['by', 'period']);
  });
});
