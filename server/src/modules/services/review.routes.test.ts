import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { makeResidentId } from '../../platform/ids/index.ts';
import { count, ok, PDF, setUpServices, type Fixture } from './services.test-fixtures.ts';

interface Deadline {
  purpose: string;
  state: string;
  dueDate: string;
  pausedDays: number;
  budget: number;
}
interface Detail {
  id: number;
  applicationNo: string;
  kind: string;
  state: string;
  version: number;
  outcome: string | null;
  handlingOrg: { id: number; name: string };
  step: { index: number; name: string; total: number } | null;
  deadlines: Deadline[];
  notices: { kind: string; number: string; content: Record<string, unknown> }[];
  materials: { key: string; name: string; status: string }[];
  subApplications: Detail[];
  countersigns: { id: number; state: string; version: number; orgName: string }[];
  actions: { action: string }[];
}

describeEachBackend('applications API: review, special procedures, extensions, bundles', (backend) => {
  let t: TestApp;
  let f: Fixture;
  let seq = 100;
  const req = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? f.h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const upload = (id: number, key: string, who = 'clerk') => {
    const m = multipart({}, { name: 'doc.pdf', data: PDF, type: 'application/pdf' });
    return t.app.inject({ method: 'POST', url: `/api/applications/${id}/materials/${key}/file`, headers: { ...f.h[who], ...m.headers }, payload: m.payload });
  };
  const decision = (d: Detail) => d.deadlines.find((c) => c.purpose === 'decision')!;
  /** A food-licence application received and accepted at the window at `at`, under review. */
  const accepted = async (at: string) => {
    const d = ok<Detail>(await req('POST', '/api/intake/applications', 'clerk', { itemId: f.items.food, idNumber: makeResidentId(`32028119800101${seq++}`), name: '赵六', at }), 201);
    for (const k of ['m1', 'm2', 'm3']) ok(await upload(d.id, k));
    return ok<Detail>(await req('POST', `/api/applications/${d.id}/accept`, 'clerk', { at }));
  };

  beforeAll(async () => {
    t = await testApp(backend);
    f = await setUpServices(t);
  });
  afterAll(() => t.close());

  it('an uncounted special procedure stops the clock and the notice tells the applicant its duration; a counted one does not', async () => {
    const d = await accepted('2026-09-14T10:00:00+08:00');
    const dueBefore = decision(d).dueDate;
    const notInGuide = await req('POST', `/api/applications/${d.id}/special-procedure`, 'spj1', { procedure: '听证', expectedDays: 5 });
    expect(notInGuide.statusCode).toBe(400);
    expect(problem(notInGuide).errors[0].field).toBe('procedure');
    const tooLong = await req('POST', `/api/applications/${d.id}/special-procedure`, 'spj1', { procedure: '现场核查', expectedDays: 11 });
    expect(tooLong.statusCode).toBe(400);
    expect(problem(tooLong).errors[0].field).toBe('expectedDays');
    expect((await req('POST', `/api/applications/${d.id}/special-procedure`, 'gaj', { procedure: '现场核查', expectedDays: 5 })).statusCode).toBe(404);

    const s = ok<Detail>(await req('POST', `/api/applications/${d.id}/special-procedure`, 'spj1', { procedure: '现场核查', expectedDays: 5, at: '2026-09-15T10:00:00+08:00' }));
    expect(s.state).toBe('special_procedure');
    expect(decision(s).state).toBe('paused');
    const notice = s.notices.find((n) => n.kind === 'special_procedure')!;
    expect(notice.content).toMatchObject({ procedure: '现场核查', expectedDays: 5, counted: false });
    expect(notice.content.message).toContain('预计需要 5 日');
    expect(notice.content.message).toContain('不计入办理时限');
    // the applicant sees the same notice
    const mine = ok<Detail>(await req('GET', `/api/applications/${d.id}`, 'clerk'));
    expect(mine.notices.map((n) => n.kind)).toContain('special_procedure');

    const e = ok<Detail>(await req('POST', `/api/applications/${d.id}/special-procedure/end`, 'spj1', { result: '现场核查合格', at: '2026-09-18T10:00:00+08:00' }));
    expect(e.state).toBe('in_review');
    expect(decision(e)).toMatchObject({ state: 'running', pausedDays: 3, dueDate: t.ctx.calendar.calendar.addWorkingDays(dueBefore, 3).date });

    const counted = ok<Detail>(await req('POST', `/api/applications/${d.id}/special-procedure`, 'spj1', { procedure: '专家评审', expectedDays: 10, at: '2026-09-21T10:00:00+08:00' }));
    expect(decision(counted).state).toBe('running');
    expect(counted.notices.at(-1)!.content.message).toContain('计入办理时限');
    const back = ok<Detail>(await req('POST', `/api/applications/${d.id}/special-procedure/end`, 'spj1', { at: '2026-09-22T10:00:00+08:00' }));
    expect(decision(back)).toMatchObject({ state: 'running', pausedDays: 3 });
  });

  it('an extension needs a reason and a supervisor’s approval, and moves the deadline by +10 working days once', async () => {
    const d = await accepted('2026-10-12T10:00:00+08:00');
    const dueBefore = decision(d).dueDate;
    const noReason = await req('POST', `/api/applications/${d.id}/extension`, 'spj1', {});
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors[0].field).toBe('reason');
    const r = ok<Detail>(await req('POST', `/api/applications/${d.id}/extension`, 'spj1', { reason: '需组织多部门联合现场核查' }));
    expect(r.state).toBe('extension_requested');
    expect(decision(r).dueDate).toBe(dueBefore);
    // the approver cannot approve it; the head (application:supervise) can
    expect((await req('POST', `/api/applications/${d.id}/extension/decision`, 'spj1', { approve: true })).statusCode).toBe(403);
    const queue = ok<{ items: { id: number }[] }>(await req('GET', '/api/supervision/extensions', 'leader'));
    expect(queue.items.map((i) => i.id)).toContain(d.id);
    const a = ok<Detail>(await req('POST', `/api/applications/${d.id}/extension/decision`, 'leader', { approve: true, at: '2026-10-13T10:00:00+08:00' }));
    expect(a.state).toBe('in_review');
    expect(decision(a)).toMatchObject({ budget: 15, dueDate: t.ctx.calendar.calendar.addWorkingDays(dueBefore, 10).date });
    expect(a.notices.find((n) => n.kind === 'extension')!.content).toMatchObject({ days: 10, newDueDate: decision(a).dueDate, reason: '需组织多部门联合现场核查' });
    const twice = await req('POST', `/api/applications/${d.id}/extension`, 'spj1', { reason: '再次延期' });
    expect(twice.statusCode).toBe(409);
    expect(problem(twice).code).toBe('services.EXTENSION_USED');
  });

  it('returns to an earlier step with a reason; countersignatures from other departments gate the decision', async () => {
    const d = await accepted('2026-10-12T10:00:00+08:00');
    expect(d.step).toMatchObject({ index: 0, name: '审查', total: 2 });
    const adv = ok<Detail>(await req('POST', `/api/applications/${d.id}/advance`, 'spj1', { opinion: '同意' }));
    expect(adv.step).toMatchObject({ index: 1, name: '决定' });
    expect((await req('POST', `/api/applications/${d.id}/advance`, 'spj1', {})).statusCode).toBe(409);
    const forward = await req('POST', `/api/applications/${d.id}/return`, 'spj1', { toStep: 1, reason: '重新审查' });
    expect(forward.statusCode).toBe(400);
    expect(problem(forward).errors[0].field).toBe('toStep');
    const ret = ok<Detail>(await req('POST', `/api/applications/${d.id}/return`, 'spj1', { toStep: 0, reason: '现场照片不清晰，退回重新审查' }));
    expect(ret.step).toMatchObject({ index: 0 });
    ok(await req('POST', `/api/applications/${d.id}/advance`, 'spj1', {}));

    const cs = ok<Detail>(await req('POST', `/api/applications/${d.id}/countersigns`, 'spj1', { orgIds: [f.orgs.gaj, f.orgs.swj], question: '请就消防和税务事项出具意见' }));
    expect(cs.countersigns.map((c) => [c.orgName, c.state])).toEqual([
      ['江阴市公安局', 'pending'],
      ['国家税务总局江阴市税务局', 'pending'],
    ]);
    const blocked = await req('POST', `/api/applications/${d.id}/decision`, 'spj1', { approve: true, reason: '符合条件' });
    expect(blocked.statusCode).toBe(409);
    expect(problem(blocked).code).toBe('services.COUNTERSIGN_PENDING');
    // the departments asked can read the application (and take no action on it); others cannot
    const asView = ok<Detail>(await req('GET', `/api/applications/${d.id}`, 'gaj'));
    expect(asView.actions).toEqual([]);
    expect((await req('POST', `/api/applications/${d.id}/decision`, 'gaj', { approve: true, reason: '同意' })).statusCode).toBe(404);
    expect((await req('GET', `/api/applications/${d.id}`, 'yx')).statusCode).toBe(404);
    // each department answers its own request only
    const gajQueue = ok<{ items: { id: number; applicationId: number }[] }>(await req('GET', '/api/countersigns', 'gaj'));
    const mineGaj = gajQueue.items.find((i) => i.applicationId === d.id)!;
    const swjReq = cs.countersigns.find((c) => c.orgName.includes('税务'))!;
    expect((await req('POST', `/api/countersigns/${swjReq.id}/answer`, 'gaj', { agree: true, opinion: '同意', version: 1 })).statusCode).toBe(404);
    ok(await req('POST', `/api/countersigns/${mineGaj.id}/answer`, 'gaj', { agree: true, opinion: '消防条件符合要求', version: 1 }));
    expect((await req('POST', `/api/countersigns/${mineGaj.id}/answer`, 'gaj', { agree: true, opinion: '再次答复', version: 2 })).statusCode).toBe(409);
    ok(await req('POST', `/api/countersigns/${swjReq.id}/answer`, 'swj', { agree: true, opinion: '无欠税记录', version: 1 }));
    const denied = ok<Detail>(await req('POST', `/api/applications/${d.id}/decision`, 'spj1', { approve: false, reason: '经营场所与有毒有害场所距离不符合规定', legalBasis: '《中华人民共和国食品安全法》第三十三条' }));
    expect(denied).toMatchObject({ state: 'denied', outcome: 'denied' });
    expect(denied.notices.at(-1)!.content).toMatchObject({ approve: false, legalBasis: '《中华人民共和国食品安全法》第三十三条' });
  });

  it('a bundle fans out to one sub-application per department, reviewed in parallel, joined when the last is decided', async () => {
    const draft = ok<Detail>(await req('POST', '/api/applications', 'firm', { bundleCode: 'svc-setup', formData: { companyName: '江阴市恒通纺织有限公司' } }), 201);
    expect(draft.kind).toBe('bundle');
    // the licence the registration issues is not asked for (merged list of the bundle)
    expect(draft.materials.map((m) => m.name)).toEqual(['公司登记（备案）申请书', '公司章程', '印章刻制申请表', '发票领用申请表']);
    for (const m of draft.materials) ok(await upload(draft.id, m.key, 'firm'));
    // the one form of the bundle: its merged fields are checked at submission
    const badForm = await req('POST', `/api/applications/${draft.id}/submit`, 'firm', {});
    expect(badForm.statusCode).toBe(400);
    expect(problem(badForm).errors.map((e) => e.field)).toEqual(['formData.legalRepId']);
    const saved = ok<Detail>(
      await t.app.inject({ method: 'PUT', url: `/api/applications/${draft.id}/draft`, headers: f.h.firm, payload: { formData: { companyName: '江阴市恒通纺织有限公司', legalRepId: makeResidentId('32028119800101999') }, version: draft.version } }),
    );
    ok(await req('POST', `/api/applications/${draft.id}/submit`, 'firm', { version: saved.version }));
    const parent = ok<Detail>(await req('POST', `/api/applications/${draft.id}/accept`, 'clerk', {}));
    expect(parent.state).toBe('parallel');
    expect(parent.subApplications.map((s) => [s.handlingOrg.name, s.state])).toEqual([
      ['江阴市行政审批局', 'in_review'],
      ['江阴市公安局', 'in_review'],
      ['国家税务总局江阴市税务局', 'in_review'],
    ]);
    expect(parent.subApplications.map((s) => s.applicationNo)).toEqual([1, 2, 3].map((i) => `${parent.applicationNo}-0${i}`));
    // each sub-application has its own clock, with its own item's budget
    expect(parent.subApplications.map((s) => decision(s).budget)).toEqual([2, 1, 1]);
    const [reg, seal, invoice] = parent.subApplications;
    // each department sees and decides only its own
    expect((await req('GET', `/api/applications/${reg.id}`, 'gaj')).statusCode).toBe(404);
    expect((await req('POST', `/api/applications/${reg.id}/decision`, 'gaj', { approve: true, reason: '符合' })).statusCode).toBe(404);
    const parentDecide = await req('POST', `/api/applications/${parent.id}/decision`, 'spj1', { approve: true, reason: '符合' });
    expect(parentDecide.statusCode).toBe(409);
    expect(problem(parentDecide).code).toBe('services.BUNDLE_DECIDED_BY_SUBS');
    const queue = ok<{ items: { id: number }[] }>(await req('GET', '/api/review/queue', 'swj'));
    expect(queue.items.map((i) => i.id)).toEqual([invoice.id]);

    ok(await req('POST', `/api/applications/${reg.id}/decision`, 'spj1', { approve: true, reason: '准予设立登记' }));
    expect(ok<Detail>(await req('GET', `/api/applications/${parent.id}`, 'firm')).state).toBe('parallel');
    // the last two decided at the same moment by different approvers: the parent is joined exactly once
    const [a, b] = await Promise.all([
      req('POST', `/api/applications/${seal.id}/decision`, 'gaj', { approve: true, reason: '准予备案' }),
      req('POST', `/api/applications/${invoice.id}/decision`, 'swj', { approve: true, reason: '准予领用发票' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const joined = ok<Detail>(await req('GET', `/api/applications/${parent.id}`, 'firm'));
    expect(joined).toMatchObject({ state: 'completed', outcome: 'approved' });
    expect(joined.subApplications.map((s) => s.state)).toEqual(['approved', 'approved', 'approved']);
    // the applicant reads every department's decision notice and the joined one on the bundle
    expect(joined.notices.filter((n) => n.kind === 'decision')).toHaveLength(4);
    expect(decision(joined).state).toBe('stopped');
    expect(await count(t, sql`select count(*)::int as n from workflow_history where subject_id = ${String(parent.id)} and action = 'join'`)).toBe(1);
    expect(await count(t, sql`select count(*)::int as n from outbox_events where topic = 'application.completed' and (payload->>'applicationId')::int = ${parent.id}`)).toBe(1);
    const approvedEvents = await t.db().execute(sql`select payload from outbox_events where topic = 'application.approved' and payload->>'parentApplicationNo' = ${parent.applicationNo} order by id`);
    const rows = (approvedEvents as unknown as { rows: { payload: { itemName: string; licence: unknown; issuer: { name: string } } }[] }).rows;
    // the last two were decided concurrently: their events may be in either order
    expect(rows.map((r) => [r.payload.itemName, r.payload.issuer.name]).sort()).toEqual([
      ['企业设立登记', '江阴市行政审批局'],
      ['印章刻制备案', '江阴市公安局'],
      ['发票领用', '国家税务总局江阴市税务局'],
    ].sort());
    expect(rows[0].payload.licence).toEqual({ type: '营业执照', validYears: null });
  });
});
