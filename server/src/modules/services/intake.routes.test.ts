import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { watchSla } from '../../platform/clock/index.ts';
import { makeResidentId } from '../../platform/ids/index.ts';
import { count, ok, PDF, setUpServices, WALKIN_ID, type Fixture } from './services.test-fixtures.ts';

interface Deadline {
  purpose: string;
  state: string;
  dueDate: string;
  pausedDays: number;
}
interface Detail {
  id: number;
  applicationNo: string;
  state: string;
  version: number;
  acceptance: string | null;
  acceptedAt: string | null;
  receivedAt: string | null;
  overdueAt: string | null;
  warnedAt: string | null;
  deadlines: Deadline[];
  notices: { kind: string; number: string; content: Record<string, unknown> }[];
  materials: { key: string; status: string; deferredUntil: string | null }[];
}

describeEachBackend('applications API: window intake and the statutory clock', (backend) => {
  let t: TestApp;
  let f: Fixture;
  const req = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? f.h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const upload = (id: number, key: string, who = 'clerk') => {
    const m = multipart({}, { name: 'doc.pdf', data: PDF, type: 'application/pdf' });
    return t.app.inject({ method: 'POST', url: `/api/applications/${id}/materials/${key}/file`, headers: { ...f.h[who], ...m.headers }, payload: m.payload });
  };
  const decision = (d: Detail) => d.deadlines.find((c) => c.purpose === 'decision')!;
  const walkIn = async (itemId: number, at: string, idNumber = WALKIN_ID) => ok<Detail>(await req('POST', '/api/intake/applications', 'clerk', { itemId, idNumber, name: '王五', at }), 201);

  beforeAll(async () => {
    t = await testApp(backend);
    f = await setUpServices(t);
  });
  afterAll(() => t.close());

  it('identifies a walk-in by resident ID or USCC and refuses a malformed number naming the field', async () => {
    const bad = await req('GET', '/api/intake/identity?idNumber=IIIIIIIIIIIIIIIIII', 'clerk');
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('idNumber');
    expect((await req('GET', '/api/intake/identity?idNumber=' + WALKIN_ID, 'clerk')).statusCode).toBe(404);
    expect((await req('GET', '/api/intake/identity?idNumber=' + WALKIN_ID, 'person')).statusCode).toBe(403);
    expect((await req('GET', '/api/intake/identity?idNumber=' + WALKIN_ID)).statusCode).toBe(401);
  });

  it('a town window accepts a county item for a walk-in (无差别全科受理); other counties\' windows see nothing of it', async () => {
    const d = ok<Detail & { actions: { action: string }[] }>(
      await req('POST', '/api/intake/applications', 'townclerk', { itemId: f.items.food, idNumber: makeResidentId('32028119660606006'), name: '赵六', at: '2026-09-14T10:00:00+08:00' }),
      201,
    );
    expect(d.state).toBe('submitted');
    expect(d.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['accept', 'requestCorrection', 'refuse']));
    const queue = ok<{ items: { id: number }[] }>(await req('GET', '/api/intake/queue', 'townclerk'));
    expect(queue.items.map((x) => x.id)).toContain(d.id);
    // the county centre's window sees it too (the item is the county's)
    expect(ok<{ items: { id: number }[] }>(await req('GET', '/api/intake/queue', 'clerk')).items.map((x) => x.id)).toEqual(expect.arrayContaining([d.id]));
    for (const key of ['m1', 'm2', 'm3']) ok(await upload(d.id, key, 'townclerk'));
    expect(ok<{ complete: boolean }>(await req('GET', `/api/applications/${d.id}/precheck`, 'townclerk')).complete).toBe(true);
    // Yixing's window (another county) neither sees nor acts on it
    expect((await req('GET', `/api/applications/${d.id}`, 'yx')).statusCode).toBe(404);
    expect((await req('POST', `/api/applications/${d.id}/accept`, 'yx', { at: '2026-09-14T11:00:00+08:00' })).statusCode).toBe(404);
    const accepted = ok<Detail>(await req('POST', `/api/applications/${d.id}/accept`, 'townclerk', { at: '2026-09-14T11:00:00+08:00' }));
    expect(accepted.state).not.toBe('submitted');
    expect(accepted.notices.map((n) => n.kind)).toContain('receipt');
    // the town window sees only what it received
    const countyWalkIn = await walkIn(f.items.simple, '2026-09-14T10:30:00+08:00', makeResidentId('32028119670707007'));
    expect(ok<{ items: { id: number }[] }>(await req('GET', '/api/intake/queue', 'townclerk')).items.map((x) => x.id)).not.toContain(countyWalkIn.id);
    expect((await req('GET', `/api/applications/${countyWalkIn.id}`, 'townclerk')).statusCode).toBe(404);
  });

  it('one correction notice lists both missing materials; a second is refused; resubmission moves the due date by exactly the paused working days', async () => {
    const d = await walkIn(f.items.food, '2026-09-14T10:00:00+08:00');
    expect(d.state).toBe('submitted');
    ok(await upload(d.id, 'm1'));
    const pre = ok<{ complete: boolean; missing: { key: string }[] }>(await req('GET', `/api/applications/${d.id}/precheck`, 'clerk'));
    expect(pre.complete).toBe(false);
    expect(pre.missing.map((m) => m.key)).toEqual(['m2', 'm3']);
    const dueBefore = decision(d).dueDate;

    // accepting with materials missing is refused, naming them
    const early = await req('POST', `/api/applications/${d.id}/accept`, 'clerk', {});
    expect(early.statusCode).toBe(400);
    expect(problem(early).errors.map((e) => e.field)).toEqual(['materials.m2', 'materials.m3']);
    // a notice that leaves out a missing material is refused: everything at once (art. 32)
    const partial = await req('POST', `/api/applications/${d.id}/correction`, 'clerk', { missing: [{ key: 'm2' }], at: '2026-09-15T10:00:00+08:00' });
    expect(partial.statusCode).toBe(400);
    expect(problem(partial).errors[0].field).toBe('missing');

    const c = ok<Detail>(
      await req('POST', `/api/applications/${d.id}/correction`, 'clerk', {
        missing: [{ key: 'm2', reason: '未提交营业执照' }, { key: 'm3' }],
        at: '2026-09-15T10:00:00+08:00',
      }),
    );
    expect(c.state).toBe('correction');
    expect(decision(c).state).toBe('paused');
    const notice = c.notices.find((n) => n.kind === 'correction')!;
    expect((notice.content.missing as { name: string }[]).map((m) => m.name)).toEqual(['营业执照复印件', '食品安全管理制度文本']);

    const again = await req('POST', `/api/applications/${d.id}/correction`, 'clerk', { missing: [{ key: 'm2' }] });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe('services.CORRECTION_ONCE');

    // the corrections must all be in before they are received
    const notYet = await req('POST', `/api/applications/${d.id}/receive-correction`, 'clerk', { at: '2026-09-18T10:00:00+08:00' });
    expect(notYet.statusCode).toBe(400);
    expect(problem(notYet).code).toBe('services.STILL_MISSING');
    ok(await upload(d.id, 'm2'));
    ok(await upload(d.id, 'm3'));
    const r = ok<Detail>(await req('POST', `/api/applications/${d.id}/receive-correction`, 'clerk', { at: '2026-09-18T10:00:00+08:00' }));
    expect(r.state).toBe('resubmitted');
    // paused Tue 15 → Fri 18 September: 3 working days
    expect(decision(r)).toMatchObject({ state: 'running', pausedDays: 3, dueDate: t.ctx.calendar.calendar.addWorkingDays(dueBefore, 3).date });
    const second = await req('POST', `/api/applications/${d.id}/correction`, 'clerk', { missing: [{ key: 'm1' }] });
    expect(second.statusCode).toBe(409);

    const a = ok<Detail>(await req('POST', `/api/applications/${d.id}/accept`, 'clerk', { at: '2026-09-18T11:00:00+08:00' }));
    expect(a.state).toBe('in_review');
    expect(a.notices.find((n) => n.kind === 'receipt')!.content.promisedDate).toBe(decision(r).dueDate);
  });

  it('Licensing Law art. 32: no correction notice within 5 working days → accepted as of receipt; overdue decisions are marked and explained publicly', async () => {
    const d = await walkIn(f.items.simple, '2026-09-14T10:00:00+08:00');
    // the yellow warning comes first (3 working days before the decision deadline)
    await watchSla(t.db(), new Date('2026-09-14T16:00:01Z'));
    await t.ctx.jobs.drainOutbox();
    const warned = ok<Detail>(await req('GET', `/api/applications/${d.id}`, 'clerk'));
    expect(warned.warnedAt).not.toBeNull();
    const warnings = ok<{ items: { id: number }[] }>(await req('GET', '/api/supervision/warnings', 'leader'));
    expect(warnings.items.map((i) => i.id)).toContain(d.id);

    // five working days after receipt (Mon 14 → Mon 21 September), no notice: deemed accepted on the day received
    await watchSla(t.db(), new Date('2026-09-21T16:00:01Z'));
    await t.ctx.jobs.drainOutbox();
    const a = ok<Detail>(await req('GET', `/api/applications/${d.id}`, 'clerk'));
    expect(a).toMatchObject({ state: 'in_review', acceptance: 'deemed' });
    expect(a.acceptedAt).toBe(a.receivedAt);
    expect(a.notices.map((n) => n.kind)).toEqual(['receipt']);
    expect(a.deadlines.find((c) => c.purpose === 'correction')!.state).toBe('stopped');
    // the decision clock (3 working days from receipt) ran out too: red, in the supervisor's queue
    expect(a.overdueAt).not.toBeNull();
    const overdue = ok<{ items: { id: number }[] }>(await req('GET', '/api/supervision/overdue?unexplained=true', 'leader'));
    expect(overdue.items.map((i) => i.id)).toContain(d.id);
    expect((await req('GET', '/api/supervision/overdue', 'clerk')).statusCode).toBe(403);

    // a repeated delivery changes nothing (the handler is idempotent)
    await watchSla(t.db(), new Date('2026-09-22T16:00:01Z'));
    await t.ctx.jobs.drainOutbox();
    expect(await count(t, sql`select count(*)::int as n from workflow_history where subject_id = ${String(d.id)} and action = 'deemAccept'`)).toBe(1);

    const short = await req('POST', `/api/applications/${d.id}/overdue-explanation`, 'leader', { explanation: '短' });
    expect(short.statusCode).toBe(400);
    expect(problem(short).errors[0].field).toBe('explanation');
    ok(await req('POST', `/api/applications/${d.id}/overdue-explanation`, 'leader', { explanation: '因申请人经营场所需补充现场核查，延误一个工作日，已整改。' }));
    expect((await req('POST', `/api/applications/${d.id}/overdue-explanation`, 'leader', { explanation: '再次说明超期原因，内容足够长。' })).statusCode).toBe(409);
    const pub = ok<{ items: { applicationNo: string; explanation: string }[] }>(await req('GET', '/api/public/overdue-explanations?regionCode=320281'));
    expect(pub.items[0]).toMatchObject({ applicationNo: d.applicationNo, itemName: '个体工商户设立登记' });
    expect(JSON.stringify(pub)).not.toContain('王五');
  });

  it('accepts with deferred materials (容缺) only for deferrable ones, with their due date', async () => {
    // a new applicant: nothing handed in before to reuse
    const d = await walkIn(f.items.food, '2026-10-12T09:00:00+08:00', makeResidentId('32028119750505005'));
    ok(await upload(d.id, 'm1'));
    const notAll = await req('POST', `/api/applications/${d.id}/accept-deferred`, 'clerk', { deferred: ['m3'], deferredUntil: '2026-10-30', at: '2026-10-12T10:00:00+08:00' });
    expect(notAll.statusCode).toBe(400);
    expect(problem(notAll).errors.map((e) => e.field)).toEqual(['materials.m2']);
    const notDeferrable = await req('POST', `/api/applications/${d.id}/accept-deferred`, 'clerk', { deferred: ['m2', 'm3'], deferredUntil: '2026-10-30', at: '2026-10-12T10:00:00+08:00' });
    expect(notDeferrable.statusCode).toBe(400);
    expect(problem(notDeferrable).code).toBe('services.NOT_DEFERRABLE');
    const badDate = await req('POST', `/api/applications/${d.id}/accept-deferred`, 'clerk', { deferred: ['m3'], deferredUntil: '30/10/2026' });
    expect(badDate.statusCode).toBe(400);
    expect(problem(badDate).errors[0].field).toBe('deferredUntil');
    ok(await upload(d.id, 'm2'));
    const a = ok<Detail>(await req('POST', `/api/applications/${d.id}/accept-deferred`, 'clerk', { deferred: ['m3'], deferredUntil: '2026-10-30', at: '2026-10-12T10:00:00+08:00' }));
    expect(a).toMatchObject({ state: 'in_review', acceptance: 'deferred' });
    expect(a.materials.find((m) => m.key === 'm3')).toMatchObject({ status: 'deferred', deferredUntil: '2026-10-30' });
    expect(a.notices[0].content).toMatchObject({ deferredUntil: '2026-10-30', deferred: [{ key: 'm3', name: '食品安全管理制度文本' }] });
    // the deferred material is handed in later; the others are locked once accepted
    expect(ok<{ status: string }>(await upload(d.id, 'm3')).status).toBe('provided');
    const locked = await upload(d.id, 'm1');
    expect(locked.statusCode).toBe(409);
    expect(problem(locked).code).toBe('services.MATERIAL_LOCKED');
  });

  it('approves on commitment (告知承诺) only where the item allows it, and emits the verification task', async () => {
    const notAllowed = await walkIn(f.items.simple, '2026-10-12T09:00:00+08:00');
    const refused = await req('POST', `/api/applications/${notAllowed.id}/accept-commitment`, 'clerk', { commitments: '承诺符合许可条件' });
    expect(refused.statusCode).toBe(400);
    expect(problem(refused).code).toBe('services.COMMITMENT_NOT_ALLOWED');
    const d = await walkIn(f.items.food, '2026-10-12T09:00:00+08:00');
    const a = ok<Detail & { outcome: string }>(await req('POST', `/api/applications/${d.id}/accept-commitment`, 'clerk', { commitments: '本人承诺经营场所、设备设施符合食品安全要求' }));
    expect(a).toMatchObject({ state: 'approved', outcome: 'approved', acceptance: 'commitment' });
    expect(decision(a).state).toBe('stopped');
    const topics = await t.db().execute(sql`select topic, payload from outbox_events where (payload->>'applicationId')::int = ${d.id} order by id`);
    const rows = (topics as unknown as { rows: { topic: string; payload: Record<string, unknown> }[] }).rows;
    expect(rows.map((r) => r.topic)).toEqual([
      'application.submitted',
      'application.approved',
      'application.commitment_verification',
      'application.supervision_handover',
      'application.completed',
    ]);
    expect(rows[1].payload).toMatchObject({ commitment: true, licence: { type: '食品经营许可证' } });
    expect(rows[2].payload).toMatchObject({ itemName: '食品经营许可', verifyWithinDays: 20, holder: { kind: 'person', name: '王五' } });

    // the verification task: on the supervisor's list with its own 20-working-day clock
    type Check = { id: number; applicationId: number; state: string; version: number; dueDate: string; commitments: string; actions: { action: string }[] };
    const list = ok<{ items: Check[] }>(await req('GET', '/api/supervision/commitment-checks?state=open', 'leader'));
    const check = list.items.find((c) => c.applicationId === d.id)!;
    expect(check).toMatchObject({ state: 'open', commitments: '本人承诺经营场所、设备设施符合食品安全要求' });
    expect(check.actions.map((x) => x.action)).toEqual(['record']);
    const approvedOn = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const expected = ok<{ date: string }>(await req('GET', `/api/calendar/working-days?from=${approvedOn}&add=20`, 'leader'));
    expect(check.dueDate).toBe(expected.date);
    expect((await req('GET', '/api/supervision/commitment-checks', 'clerk')).statusCode).toBe(403);
    const bad = await req('POST', `/api/supervision/commitment-checks/${check.id}/result`, 'leader', { version: check.version, met: false });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('result');
    const breached = ok<Check>(await req('POST', `/api/supervision/commitment-checks/${check.id}/result`, 'leader', { version: check.version, met: false, result: '现场核查：未设置食品安全管理人员' }));
    expect(breached.state).toBe('breached');
    expect((await req('POST', `/api/supervision/commitment-checks/${check.id}/result`, 'leader', { version: breached.version, met: true, result: '再次核查属实' })).statusCode).toBe(409);
    const breachEvents = await t.db().execute(sql`select payload from outbox_events where topic = 'application.commitment_breached' and payload->>'id' = ${String(check.id)}`);
    expect((breachEvents as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it('refuses with reason and legal basis (both required)', async () => {
    const d = await walkIn(f.items.simple, '2026-10-12T09:00:00+08:00');
    const missing = await req('POST', `/api/applications/${d.id}/refuse`, 'clerk', { reason: '不属于本机关职权范围' });
    expect(missing.statusCode).toBe(400);
    expect(problem(missing).errors[0].field).toBe('legalBasis');
    expect((await req('POST', `/api/applications/${d.id}/refuse`, 'yx', { reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条' })).statusCode).toBe(404);
    const future = await req('POST', `/api/applications/${d.id}/refuse`, 'clerk', { reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条', at: '2099-01-01T09:00:00+08:00' });
    expect(future.statusCode).toBe(400);
    expect(problem(future).errors[0].field).toBe('at');
    const beforeReceipt = await req('POST', `/api/applications/${d.id}/refuse`, 'clerk', { reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条', at: '2026-10-11T09:00:00+08:00' });
    expect(beforeReceipt.statusCode).toBe(400);
    expect(problem(beforeReceipt).code).toBe('sla.TIME_ORDER');
    const r = ok<Detail & { outcome: string }>(await req('POST', `/api/applications/${d.id}/refuse`, 'clerk', { reason: '不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' }));
    expect(r).toMatchObject({ state: 'refused', outcome: 'refused' });
    expect(r.notices.map((n) => n.kind)).toEqual(['refusal']);
    expect(r.deadlines.every((c) => c.state === 'stopped')).toBe(true);
  });
});
