import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import { query } from '../../platform/db/index.ts';
import { watchSla } from '../../platform/clock/index.ts';
import { caseAccounts, HERE, HS, insertCaseDuties, insertCaseOrgs, insertCaseRegions, JY, NEAR, type Orgs, type Users } from './cases.test-fixtures.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-case-photo')]);
// Monday 30 November 2026, China time 09:00 / 10:00; one working day later ends Tuesday 24:00 China time
const REPORTED = '2026-11-30T01:00:00.000Z';
const DISPATCHED = '2026-11-30T02:00:00.000Z';

describeEachBackend('cases API (一网统管 case loop)', (backend) => {
  let t: TestApp;
  let o: Orgs;
  let h: Users;
  let ids: Record<string, number>;

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...(who ? h[who] : {}), ...extra }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const act = (who: string, id: number, action: string, body: Record<string, unknown>) => req('POST', `/api/cases/${id}/actions/${action}`, who, body);
  const get = async (id: number, who = 'disp') => (await req('GET', `/api/cases/${id}`, who)).json();
  const photo = async (who: string) => {
    const m = multipart({}, { name: 'photo.png', data: PNG, type: 'image/png' });
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...h[who], ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const gridReport = (body: Record<string, unknown> = {}) =>
    req('POST', '/api/cases/reports/grid', 'grid', { categoryCode: 'E0101', description: '华士镇龙河路口暴露垃圾约 3 平方米', ...HERE, townRegionCode: HS, at: REPORTED, ...body });
  /** Reports and files a case; returns its id and version. */
  const filed = async (body: Record<string, unknown> = {}) => {
    const r = await gridReport(body);
    expect(r.statusCode).toBe(201);
    const f = await act('disp', r.json().id, 'file', { version: 1 });
    expect(f.statusCode).toBe(200);
    return { id: r.json().id as number, version: f.json().version as number };
  };

  beforeAll(async () => {
    t = await testApp(backend);
    await insertCaseRegions(t.db());
    o = await insertCaseOrgs(t.db());
    await insertCaseDuties(t.db(), o);
    ({ h, ids } = await caseAccounts(t, o));
  });
  afterAll(() => t.close());

  describe('categories', () => {
    it('lists the GB/T 30428 classes, the 12345 kinds and business-environment complaints publicly', async () => {
      const res = await req('GET', '/api/cases/categories');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { code: string; name: string; kind: string; className: string; limitAmount: number; limitUnit: string; hotlineKind: string | null; callScript: string | null }[];
      const by = Object.fromEntries(items.map((i) => [i.name, i]));
      expect(by['暴露垃圾']).toMatchObject({ kind: 'event', className: '市容环境', limitAmount: 1, limitUnit: 'working_days', dutyMatterCode: 'event.garbage_exposed' });
      expect(by['道路不洁']).toMatchObject({ limitAmount: 5, limitUnit: 'working_hours' });
      expect(by['违法建设']).toMatchObject({ className: '施工管理', limitAmount: 15 });
      expect(by['井盖缺失']).toMatchObject({ kind: 'asset', className: '公用设施' });
      expect(new Set(items.filter((i) => i.kind === 'asset').map((i) => i.className))).toEqual(new Set(['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施', '扩展']));
      expect(new Set(items.filter((i) => i.kind === 'event').map((i) => i.className))).toEqual(new Set(['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '扩展']));
      expect(by['投诉']).toMatchObject({ kind: 'hotline', hotlineKind: 'complaint', limitAmount: 13 });
      expect(by['投诉'].callScript).toContain('13 个工作日');
      expect(by['营商环境投诉']).toMatchObject({ kind: 'complaint' });
    });

    it('staff who supervise edit a category with its version (audited); stale 409, bad 400, others 403/401', async () => {
      const list = (await req('GET', '/api/cases/categories?kind=asset')).json().items;
      const cat = list.find((c: { code: string }) => c.code === 'A0102');
      const body = { ...cat, limitAmount: 2, version: cat.version };
      for (const k of ['id', 'code', 'updatedAt']) delete body[k];
      const ok = await req('PUT', `/api/cases/categories/${cat.id}`, 'disp', body);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ limitAmount: 2, version: 2 });
      const [audit] = await query<{ before: { limitAmount: number }; after: { limitAmount: number } }>(t.db(), sql`select before, after from audit_entries where action = 'case.category_updated'`);
      expect([audit.before.limitAmount, audit.after.limitAmount]).toEqual([3, 2]);
      expect((await req('PUT', `/api/cases/categories/${cat.id}`, 'disp', body)).statusCode).toBe(409);
      const bad = await req('PUT', `/api/cases/categories/${cat.id}`, 'disp', { ...body, version: 2, limitAmount: 1.5 });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors.map((e) => e.field)).toEqual(['limitAmount']);
      expect((await req('PUT', `/api/cases/categories/${cat.id}`, 'hsEnf', body)).statusCode).toBe(403);
      expect((await req('PUT', `/api/cases/categories/${cat.id}`, undefined, body)).statusCode).toBe(401);
      const created = await req('POST', '/api/cases/categories', 'disp', { ...body, code: 'E9990', name: '共享单车乱停放', className: '街面秩序', kind: 'event', limitAmount: 4, limitUnit: 'working_hours' });
      expect(created.statusCode).toBe(201);
      expect((await req('POST', '/api/cases/categories', 'disp', { ...body, code: 'E9990' })).statusCode).toBe(409);
    });
  });

  describe('the event loop', () => {
    it('grid worker reports 暴露垃圾 → routed to the town → dispatched → signed → feedback with photo → verified → closed on time', async () => {
      const reportPhoto = await photo('grid');
      const r = await gridReport({ photoFileIds: [reportPhoto] });
      expect(r.statusCode).toBe(201);
      const c = r.json();
      expect(c).toMatchObject({ kind: 'event', source: 'grid_patrol', state: 'reported', version: 1, townRegionCode: HS, regionCode: HS, limit: { amount: 1, unit: 'working_days' } });
      expect(c.caseNo).toMatch(/^320281-20261130-\d{6}$/);
      expect(c.routing.status).toBe('routed');
      expect(c.routing.suggestion.lead).toMatchObject({ orgId: o.hs, kind: 'town' });
      expect(c.routing.suggestion.supporting.map((s: { orgId: number }) => s.orgId)).toEqual([o.cgj]);
      expect(c.routing.suggestion.reason.zh).toContain('暴露垃圾');
      expect(c.photos).toEqual([expect.objectContaining({ fileId: reportPhoto, stage: 'report' })]);
      expect(c.actions.map((a: { action: string }) => a.action)).toEqual([]); // the grid worker cannot file

      const queue = (await req('GET', '/api/cases/queue', 'disp')).json().items.map((x: { id: number }) => x.id);
      expect(queue).toContain(c.id);
      const f = await act('disp', c.id, 'file', { version: 1 });
      expect(f.json()).toMatchObject({ state: 'filed', version: 2 });
      expect(f.json().actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['dispatch', 'invalidate', 'merge', 'urge']));

      const d = await act('disp', c.id, 'dispatch', { version: 2, orgId: o.hsEnf, at: DISPATCHED, note: '请华士镇执法局处置' });
      expect(d.statusCode).toBe(200);
      expect(d.json()).toMatchObject({ state: 'dispatched', leadOrg: { id: o.hsEnf }, dueAt: '2026-12-01T16:00:00.000Z', firstDispatchedAt: DISPATCHED });

      // a unit the case was not dispatched to does not see it
      expect((await act('zfj', c.id, 'sign', { version: 3 })).statusCode).toBe(404);
      const mine = (await req('GET', '/api/cases/mine', 'hsEnf')).json().items.map((x: { id: number }) => x.id);
      expect(mine).toEqual([c.id]);
      const inbox = (await req('GET', '/api/me/notifications', 'hsEnf')).json().items;
      expect(inbox[0]).toMatchObject({ kind: 'case.dispatched', subjectType: 'case', subjectId: String(c.id) });

      const s = await act('hsEnf', c.id, 'sign', { version: 3, lng: 120.452, lat: 31.8012, at: '2026-11-30T03:00:00Z' });
      expect(s.json()).toMatchObject({ state: 'signed', version: 4 });
      const fbPhoto = await photo('hsEnf');
      const fb = await act('hsEnf', c.id, 'feedback', { version: 4, result: '已组织环卫清运，现场清理完毕', photoFileIds: [fbPhoto], ...HERE, at: '2026-11-30T06:00:00Z' });
      expect(fb.statusCode).toBe(200);
      expect(fb.json()).toMatchObject({ state: 'handled', handledAt: '2026-11-30T06:00:00.000Z' });

      const gridList = (await req('GET', '/api/cases/grid?mine=true', 'grid')).json().items;
      expect(gridList.find((x: { id: number }) => x.id === c.id)).toMatchObject({ state: 'handled' });
      const v = await act('grid', c.id, 'verify', { version: 5, passed: true, ...NEAR, at: '2026-11-30T07:00:00Z' });
      expect(v.statusCode).toBe(200);
      expect(v.json()).toMatchObject({ state: 'closed', closedOnTime: true, closedAt: '2026-11-30T07:00:00.000Z', reworkCount: 0 });
      expect((await req('GET', '/api/me/notifications', 'grid')).json().items.map((n: { kind: string }) => n.kind)).toContain('case.closed');

      const e = await act('leader', c.id, 'evaluate', { version: 6, score: 95 });
      expect(e.json()).toMatchObject({ state: 'evaluated', evaluationScore: 95 });

      const full = await get(c.id);
      expect(full.trace.map((x: { action: string }) => x.action)).toEqual(['report', 'file', 'dispatch', 'sign', 'feedback', 'verify', 'evaluate']);
      const sign = full.trace.find((x: { action: string }) => x.action === 'sign');
      expect(sign).toMatchObject({ by: 'hsEnf', where: { lng: 120.452, lat: 31.8012 }, at: '2026-11-30T03:00:00.000Z' });
      expect(full.trace.find((x: { action: string }) => x.action === 'verify')).toMatchObject({ by: 'grid', where: NEAR });
      expect(full.photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'feedback']);
      const audits = await query<{ action: string }>(t.db(), sql`select action from audit_entries where entity_type = 'case' and entity_id = ${String(c.id)} order by id`);
      expect(audits.map((a) => a.action)).toEqual(['case.reported', 'case.file', 'case.dispatch', 'case.sign', 'case.feedback', 'case.verify', 'case.evaluate']);
      // photos are served to staff who see the case
      const img = await req('GET', `/api/cases/${c.id}/photos/${fbPhoto}`, 'grid');
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
    });

    it('a failed on-site check sends the case back for rework with a new clock', async () => {
      const { id } = await filed();
      await act('disp', id, 'dispatch', { version: 2, orgId: o.hsEnf, at: DISPATCHED });
      await act('hsEnf', id, 'sign', { version: 3 });
      await act('hsEnf', id, 'feedback', { version: 4, result: '已清运', at: '2026-11-30T05:00:00Z' });
      const v = await act('grid', id, 'verify', { version: 5, passed: false, note: '仍有残留', at: '2026-11-30T06:00:00Z' });
      expect(v.json()).toMatchObject({ state: 'signed', reworkCount: 1, dueAt: '2026-12-01T16:00:00.000Z' });
      const clocks = await query<{ state: string }>(t.db(), sql`select state from sla_clocks where subject_type = 'case' and subject_id = ${String(id)} order by id`);
      expect(clocks.map((k) => k.state)).toEqual(['stopped', 'running']);
    });
  });

  describe('the 12345 loop', () => {
    it('complaint returned by the first unit → reassigned → answered → call-back unsatisfied → redo → closed', async () => {
      const r = await req('POST', '/api/cases/reports/hotline', 'disp', {
        categoryCode: 'E0303',
        hotlineKind: 'complaint',
        description: '华士镇某小区楼顶正在搭建违章建筑',
        townRegionCode: HS,
        caller: { name: '李女士', phone: '13812345678' },
        at: REPORTED,
      });
      expect(r.statusCode).toBe(201);
      const c = r.json();
      expect(c).toMatchObject({ kind: 'hotline', source: 'hotline', hotlineKind: 'complaint', limit: { amount: 13, unit: 'working_days' }, requester: { kind: 'caller', name: '李女士', phone: '138****5678' } });
      expect(JSON.stringify(c)).not.toContain('13812345678');
      expect(c.routing.suggestion.lead).toMatchObject({ orgId: o.zfj, kind: 'department' });
      await act('disp', c.id, 'file', { version: 1 });

      // a department's listed duty is never dispatched down to the town
      const down = await act('disp', c.id, 'dispatch', { version: 2, orgId: o.hs });
      expect(down.statusCode).toBe(400);
      expect(problem(down).code).toBe('cases.PUSH_DOWN');
      expect(problem(down).errors[0].field).toBe('orgId');
      expect((await act('disp', c.id, 'dispatch', { version: 2, orgId: o.hsEnf })).statusCode).toBe(400);

      const d = await act('disp', c.id, 'dispatch', { version: 2, at: DISPATCHED }); // the duty list's lead by default
      expect(d.json()).toMatchObject({ state: 'dispatched', leadOrg: { id: o.zfj }, dueAt: '2026-12-17T16:00:00.000Z' });
      const noReason = await act('zfj', c.id, 'return', { version: 3 });
      expect(noReason.statusCode).toBe(400);
      expect(problem(noReason).errors.map((e) => e.field)).toEqual(['reason']);
      const ret = await act('zfj', c.id, 'return', { version: 3, reason: '该建筑位于规划区外，请自然资源部门认定' });
      expect(ret.json()).toEqual({ id: c.id, caseNo: c.caseNo, state: 'returned', stateLabel: { zh: '已退单', en: 'Returned' }, version: 4 });
      expect(await get(c.id)).toMatchObject({ state: 'returned', leadOrg: null, returnedOrgIds: [o.zfj] });
      expect((await req('GET', `/api/cases/${c.id}`, 'zfj')).statusCode).toBe(404);
      expect((await req('GET', '/api/cases/queue?state=returned', 'disp')).json().items.map((x: { id: number }) => x.id)).toContain(c.id);

      await act('disp', c.id, 'dispatch', { version: 4, orgId: o.zrj, reason: '改派规划部门' });
      await act('zrj', c.id, 'sign', { version: 5 });
      await act('zrj', c.id, 'feedback', { version: 6, result: '已认定为违法建设并移交执法' });
      expect((await act('disp', c.id, 'review', { version: 7, approved: true })).json().state).toBe('reviewed');
      const unhappy = await act('disp', c.id, 'callback', { version: 8, satisfaction: 'unsatisfied', note: '来电人表示违建仍在施工' });
      expect(unhappy.json()).toMatchObject({ state: 'signed', reworkCount: 1, satisfaction: 'unsatisfied' });
      await act('zrj', c.id, 'feedback', { version: 9, result: '已会同执法局责令停工并拆除' });
      await act('disp', c.id, 'review', { version: 10, approved: true });
      const happy = await act('disp', c.id, 'callback', { version: 11, satisfaction: 'satisfied' });
      expect(happy.json()).toMatchObject({ state: 'closed', satisfaction: 'satisfied', reworkCount: 1, closedOnTime: true });
      // case.closed is announced once, by the call-back that closed it, not by the unsatisfied one
      const closedEvents = await query<{ payload: { id: string; action: string; to: string } }>(
        t.db(),
        sql`select payload from outbox_events where topic = 'case.closed' and payload->>'id' = ${String(c.id)}`,
      );
      expect(closedEvents.map((e) => [e.payload.action, e.payload.to])).toEqual([['callback', 'closed']]);

      // the caller's earlier requests, by phone (masked, audited); the full number only through the audited reveal
      const calls = await req('GET', '/api/cases/callers?phone=138-1234-5678', 'disp');
      expect(calls.json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
      const reveal = await req('POST', `/api/cases/${c.id}/reveal-phone`, 'disp');
      expect(reveal.json()).toMatchObject({ phone: '13812345678' });
      expect((await req('POST', `/api/cases/${c.id}/reveal-phone`, 'yxdisp')).statusCode).toBe(404);
      const reads = await query<{ action: string }>(t.db(), sql`select action from audit_entries where action in ('case.phone_revealed', 'case.caller_lookup')`);
      expect(reads.map((a) => a.action).sort()).toEqual(['case.caller_lookup', 'case.phone_revealed']);
      // verification on site is for events and assets
      expect((await act('grid', c.id, 'verify', { version: 12, passed: true })).statusCode).toBe(409);
    });

    it('a case returned by every unit that may lead it goes to the county centre for arbitration', async () => {
      const r = await req('POST', '/api/cases/reports/hotline', 'disp', { categoryCode: 'E0303', hotlineKind: 'report', description: '举报违建', townRegionCode: HS, caller: { phone: '13900001111' } });
      const id = r.json().id;
      await act('disp', id, 'file', { version: 1 });
      await act('disp', id, 'dispatch', { version: 2 });
      await act('zfj', id, 'return', { version: 3, reason: '非本部门职责' });
      await act('disp', id, 'dispatch', { version: 4, orgId: o.zrj });
      const last = await act('zrj', id, 'return', { version: 5, reason: '非本部门职责' });
      expect(last.json()).toMatchObject({ state: 'arbitration' });
      expect(await get(id)).toMatchObject({ state: 'arbitration', escalation: { level: 1 }, returnedOrgIds: [o.zfj, o.zrj] });
      const town = await act('hsdisp', id, 'dispatch', { version: 6, orgId: o.zfj });
      expect(town.statusCode).toBe(403);
      expect(problem(town).code).toBe('cases.ARBITRATION_LEVEL');
      expect((await act('disp', id, 'dispatch', { version: 6, orgId: o.zfj, note: '仲裁：由综合行政执法局牵头' })).json().state).toBe('dispatched');
    });
  });

  describe('concurrency', () => {
    it('two dispatchers dispatch the same case at once: one 200, one 409, one history row and one audit entry', async () => {
      const { id, version } = await filed();
      const [a, b] = await Promise.all([
        act('disp', id, 'dispatch', { version, orgId: o.hsEnf, at: DISPATCHED }),
        act('disp2', id, 'dispatch', { version, orgId: o.hs, at: DISPATCHED }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(problem(loser).code).toBe('common.VERSION_CONFLICT');
      const hist = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from workflow_history where workflow = 'case' and subject_id = ${String(id)} and action = 'dispatch'`);
      expect(hist[0].n).toBe(1);
      const audits = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'case.dispatch' and entity_id = ${String(id)}`);
      expect(audits[0].n).toBe(1);
      const clocks = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from sla_clocks where subject_type = 'case' and subject_id = ${String(id)}`);
      expect(clocks[0].n).toBe(1);
    });
  });

  describe('idempotency', () => {
    it('a retried action with the same Idempotency-Key replays the first answer (one transition)', async () => {
      const { id, version } = await filed();
      const send = () => req('POST', `/api/cases/${id}/actions/dispatch`, 'disp', { version, orgId: o.hsEnf, at: DISPATCHED }, { 'idempotency-key': `dispatch-${id}` });
      const first = await send();
      expect(first.statusCode).toBe(200);
      expect(first.json().trace.map((x: { action: string }) => x.action)).toEqual(['report', 'file', 'dispatch']);
      const again = await send();
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().version).toBe(first.json().version);
      const hist = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from workflow_history where workflow = 'case' and subject_id = ${String(id)} and action = 'dispatch'`);
      expect(hist[0].n).toBe(1);
    });
  });

  describe('extensions, urging and escalation', () => {
    it('an approved extension moves the due time; urging is recorded', async () => {
      const { id } = await filed({ categoryCode: 'E0501', description: '龙河路占道摆摊' });
      await act('disp', id, 'dispatch', { version: 2, orgId: o.hsEnf, at: DISPATCHED });
      await act('hsEnf', id, 'sign', { version: 3 });
      const bad = await act('hsEnf', id, 'request_extension', { version: 4, amount: 1.5, reason: '需联合市场监管' });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors[0].field).toBe('amount');
      const asked = await act('hsEnf', id, 'request_extension', { version: 4, amount: 2, reason: '需联合市场监管部门取缔' });
      expect(asked.json()).toMatchObject({ pendingExtension: { amount: 2 }, dueAt: '2026-12-01T16:00:00.000Z' });
      expect((await act('hsEnf', id, 'approve_extension', { version: 5 })).statusCode).toBe(403); // handlers do not approve
      const ok = await act('disp', id, 'approve_extension', { version: 5 });
      expect(ok.json()).toMatchObject({ dueAt: '2026-12-03T16:00:00.000Z', extensionCount: 1, pendingExtension: null });
      expect((await act('disp', id, 'approve_extension', { version: 6 })).statusCode).toBe(409);
      const urged = await act('leader', id, 'urge', { version: 6, note: '请加快处置' });
      expect(urged.json()).toMatchObject({ state: 'signed', urgeCount: 1 });
      const events = await query<{ topic: string }>(t.db(), sql`select topic from outbox_events where topic = 'case.urged'`);
      expect(events).toHaveLength(1);
    });

    it('a deadline warning is recorded on the trace without moving the case', async () => {
      const { id } = await filed({ categoryCode: 'E0303', description: '违法建设（临期）' });
      const d = await act('disp', id, 'dispatch', { version: 2, at: DISPATCHED });
      expect(d.json().dueAt).toBe('2026-12-21T16:00:00.000Z'); // 15 working days; the warning one working day before
      await watchSla(t.db(), new Date('2026-12-21T02:00:00Z'));
      await t.ctx.jobs.drainOutbox();
      const c = await get(id);
      expect(c).toMatchObject({ state: 'dispatched', escalation: { level: 0 } });
      expect(c.trace.at(-1)).toMatchObject({ action: 'sla_warning', by: 'system', from: 'dispatched', to: 'dispatched' });
    });

    it('an overdue clock escalates the case from the town centre to the county centre (SLA watcher → outbox)', async () => {
      const { id } = await filed({ categoryCode: 'E0501', description: '占道经营（逾期）' });
      await act('disp', id, 'dispatch', { version: 2, orgId: o.hsEnf, at: DISPATCHED });
      await watchSla(t.db(), new Date('2026-12-02T00:00:00Z'));
      await t.ctx.jobs.drainOutbox();
      const c = await get(id);
      expect(c.escalation.level).toBe(1);
      expect(c.trace.at(-1)).toMatchObject({ action: 'escalate', by: 'system' });
      const told = (await req('GET', '/api/me/notifications', 'disp')).json().items;
      expect(told.find((n: { kind: string; subjectId: string }) => n.kind === 'case.escalated' && n.subjectId === String(id))).toBeDefined();
      const overdue = (await req('GET', '/api/cases/overdue', 'leader')).json().items.map((x: { id: number }) => x.id);
      expect(overdue).toContain(id);
    });
  });

  describe('duplicates', () => {
    it('proposes a nearby same-class report as a duplicate, and the dispatcher merges it', async () => {
      const first = (await gridReport({ description: '暴露垃圾（第一次上报）' })).json();
      const second = (await gridReport({ description: '暴露垃圾（重复上报）', ...NEAR })).json();
      expect(second.possibleDuplicates.map((d: { id: number }) => d.id)).toContain(first.id);
      const m = await act('disp', second.id, 'merge', { version: 1, masterId: first.id });
      expect(m.json()).toMatchObject({ state: 'merged', mergedInto: first.id });
      expect((await act('disp', first.id, 'merge', { version: 1, masterId: 999999 })).statusCode).toBe(400);
    });
  });

  describe('other channels', () => {
    it('anonymous public reports answer without personal data and are rate-limited per address', async () => {
      const body = { categoryCode: 'E0201', description: '墙上有小广告', townRegionCode: HS, contact: { name: '王先生', phone: '13700000000' } };
      const res = await t.app.inject({ method: 'POST', url: '/api/cases/reports/public', payload: body, remoteAddress: '10.1.1.1' });
      expect(res.statusCode).toBe(201);
      expect(Object.keys(res.json()).sort()).toEqual(['caseNo', 'category', 'reportedAt', 'state', 'stateLabel']);
      for (let i = 1; i < 10; i++) expect((await t.app.inject({ method: 'POST', url: '/api/cases/reports/public', payload: body, remoteAddress: '10.1.1.1' })).statusCode).toBe(201);
      const limited = await t.app.inject({ method: 'POST', url: '/api/cases/reports/public', payload: body, remoteAddress: '10.1.1.1' });
      expect(limited.statusCode).toBe(429);
      expect((await t.app.inject({ method: 'POST', url: '/api/cases/reports/public', payload: body, remoteAddress: '10.1.1.2' })).statusCode).toBe(201);
    });

    it('the public attach photos uploaded without signing in (images only)', async () => {
      const m = multipart({}, { name: 'p.png', data: PNG, type: 'image/png' });
      const up = await t.app.inject({ method: 'POST', url: '/api/cases/reports/public/photos', headers: m.headers, payload: m.payload, remoteAddress: '10.2.2.2' });
      expect(up.statusCode).toBe(201);
      const pdf = multipart({}, { name: 'x.pdf', data: '%PDF-1.4 test', type: 'application/pdf' });
      const refused = await t.app.inject({ method: 'POST', url: '/api/cases/reports/public/photos', headers: pdf.headers, payload: pdf.payload, remoteAddress: '10.2.2.2' });
      expect(refused.statusCode).toBe(400);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/cases/reports/public',
        payload: { categoryCode: 'E0101', description: '路边垃圾', townRegionCode: HS, photoFileIds: [up.json().id] },
        remoteAddress: '10.2.2.2',
      });
      expect(r.statusCode).toBe(201);
      const c = (await req('GET', `/api/cases?source=public&q=${encodeURIComponent('路边垃圾')}`, 'disp')).json().items[0];
      expect((await get(c.id)).photos).toEqual([expect.objectContaining({ fileId: up.json().id, stage: 'report' })]);
      expect(c.requester).toMatchObject({ kind: 'anonymous', accountId: null });
    });

    it('signed-in citizens see their own reports; the enterprise confirms or disputes the resolution of its complaint', async () => {
      const mine = await req('POST', '/api/cases/reports/public', 'citizen', { categoryCode: 'E0501', description: '小区门口占道经营', townRegionCode: HS });
      expect(mine.statusCode).toBe(201);
      const list = (await req('GET', '/api/cases/my-reports', 'citizen')).json().items;
      expect(list.map((x: { caseNo: string }) => x.caseNo)).toEqual([mine.json().caseNo]);
      expect((await req('GET', `/api/cases/${mine.json().id}`, 'firm')).statusCode).toBe(404);

      const c = await req('POST', '/api/cases/reports/enterprise', 'firm', { description: '办理施工许可时被要求重复提交材料', regionCode: JY, contact: { name: '赵经理', phone: '13600000000' } });
      expect(c.statusCode).toBe(201);
      expect(c.json()).toMatchObject({ kind: 'complaint', state: 'reported' });
      expect((await req('POST', '/api/cases/reports/enterprise', 'citizen', { description: 'x', regionCode: JY })).statusCode).toBe(403);
      const id = c.json().id;
      await act('disp', id, 'file', { version: 1 });
      await act('disp', id, 'dispatch', { version: 2, orgId: o.fgw });
      await act('fgw', id, 'sign', { version: 3 });
      await act('fgw', id, 'feedback', { version: 4, result: '已协调审批局一次性告知' });
      await act('disp', id, 'review', { version: 5, approved: true });
      expect((await act('citizen', id, 'confirm', { version: 6, confirmed: true })).statusCode).toBe(404);
      const disputed = await act('firm', id, 'confirm', { version: 6, confirmed: false, note: '仍被要求提交' });
      expect(disputed.json()).toMatchObject({ state: 'signed' });
      await act('fgw', id, 'feedback', { version: 7, result: '已督促整改并书面致歉' });
      await act('disp', id, 'review', { version: 8, approved: true });
      expect((await act('firm', id, 'confirm', { version: 9, confirmed: true })).json()).toMatchObject({ state: 'closed' });
    });

    it('the command centre registers a case assigned from above (idempotent on its reference)', async () => {
      const body = { categoryCode: 'E0503', description: '市指挥中心交办：人行道违停', townRegionCode: HS, externalRef: 'WX-2026-1203-07' };
      const a = await req('POST', '/api/cases/reports/assigned', 'disp', body);
      expect(a.statusCode).toBe(201);
      expect(a.json()).toMatchObject({ source: 'assigned_from_above', requester: { kind: 'staff' }, externalRef: 'WX-2026-1203-07' });
      expect((await req('POST', '/api/cases/reports/assigned', 'disp', body)).json().id).toBe(a.json().id);
      expect((await req('POST', '/api/cases/reports/assigned', 'grid', body)).statusCode).toBe(403);
    });

    it('machines report with an API token; a repeated externalRef returns the first case', async () => {
      const tok = await t.ctx.auth.createToken({ id: ids.sensor } as Actor, { actor: SYSTEM_ACTOR, ip: '127.0.0.1', requestId: 't', lang: 'zh' }, 'sensor', null);
      const auth = { authorization: `Bearer ${tok.token}` };
      const body = { categoryCode: 'A0101', description: '井盖位移传感器告警', ...HERE, townRegionCode: HS, externalRef: 'mh-0042-20261130' };
      const first = await t.app.inject({ method: 'POST', url: '/api/cases/reports/machine', headers: auth, payload: body });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ created: true });
      const again = await t.app.inject({ method: 'POST', url: '/api/cases/reports/machine', headers: auth, payload: body });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: first.json().id, created: false });
      expect((await req('POST', '/api/cases/reports/machine', 'grid', body)).statusCode).toBe(403);
    });
  });

  describe('errors', () => {
    it('400 names the fields; 401 without sign-in; 403 without the permission; 404 outside scope or missing; 409 stale or wrong state', async () => {
      const bad = await req('POST', '/api/cases/reports/grid', 'grid', { categoryCode: 'NOPE', description: '有问题', townRegionCode: HS, lng: 120.4 });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors.map((e) => e.field).sort()).toEqual(['categoryCode', 'lat']);
      const empty = await req('POST', '/api/cases/reports/grid', 'grid', { categoryCode: 'E0101' });
      expect(problem(empty).errors.map((e) => e.field)).toEqual(['description']);
      const nowhere = await req('POST', '/api/cases/reports/grid', 'grid', { categoryCode: 'E0101', description: '无位置' });
      expect(nowhere.statusCode).toBe(400);
      expect(problem(nowhere).errors[0].field).toBe('townRegionCode');
      const future = await gridReport({ at: '2099-01-01T00:00:00Z' });
      expect(problem(future).errors[0].field).toBe('at');
      const elsewhere = await req('POST', '/api/cases/reports/grid', 'grid', { categoryCode: 'E0101', description: '周庄镇', townRegionCode: '320281108' });
      expect(elsewhere.statusCode).toBe(400);
      expect(problem(elsewhere).code).toBe('cases.OUT_OF_SCOPE');

      expect((await req('POST', '/api/cases/reports/grid', undefined, { categoryCode: 'E0101', description: 'x', townRegionCode: HS })).statusCode).toBe(401);
      expect((await req('POST', '/api/cases/reports/grid', 'citizen', { categoryCode: 'E0101', description: 'x', townRegionCode: HS })).statusCode).toBe(403);

      const { id, version } = await filed();
      expect((await req('GET', `/api/cases/${id}`, 'yxdisp')).statusCode).toBe(404);
      expect((await act('yxdisp', id, 'dispatch', { version, orgId: o.hsEnf })).statusCode).toBe(404);
      expect((await act('grid', id, 'dispatch', { version, orgId: o.hsEnf })).statusCode).toBe(403);
      expect((await act('hsEnf', id, 'sign', { version })).statusCode).toBe(404);
      expect((await req('GET', '/api/cases/999999', 'disp')).statusCode).toBe(404);
      expect((await act('disp', 999999, 'file', { version: 1 })).statusCode).toBe(404);
      const noVersion = await act('disp', id, 'dispatch', { orgId: o.hsEnf });
      expect(problem(noVersion).errors.map((e) => e.field)).toEqual(['version']);
      const early = await act('disp', id, 'dispatch', { version, orgId: o.hsEnf, at: '2026-11-29T00:00:00Z' });
      expect(problem(early).errors.map((e) => e.field)).toEqual(['at']);
      const stale = await act('disp', id, 'dispatch', { version: version - 1, orgId: o.hsEnf });
      expect(stale.statusCode).toBe(409);
      expect(problem(stale).code).toBe('common.VERSION_CONFLICT');
      const wrong = await act('disp', id, 'file', { version });
      expect(wrong.statusCode).toBe(409);
      expect(problem(wrong).code).toBe('workflow.WRONG_STATE');
      const kind = await act('disp', id, 'callback', { version, satisfaction: 'satisfied' });
      expect(kind.statusCode).toBe(409);
      expect(problem(kind).code).toBe('cases.WRONG_KIND');
      expect((await req('POST', `/api/cases/${id}/actions/fly`, 'disp', { version })).statusCode).toBe(400);
    });
  });

  describe('indicators', () => {
    it('counts by status, source and category with rates and a composite score per town and department', async () => {
      const res = await req('GET', `/api/cases/indicators?regionCode=${JY}&from=2026-11-01&to=2026-12-31`, 'leader');
      expect(res.statusCode).toBe(200);
      const ind = res.json();
      expect(ind.totals.received).toBeGreaterThan(5);
      expect(ind.totals.closed).toBeGreaterThanOrEqual(3);
      expect(ind.bySource).toMatchObject({ grid_patrol: expect.any(Number), hotline: expect.any(Number) });
      expect(ind.byCategory.find((k: { code: string }) => k.code === 'E0101')).toMatchObject({ name: '暴露垃圾', className: '市容环境' });
      const hs = ind.towns.find((x: { regionCode: string }) => x.regionCode === HS);
      expect(hs.name).toBe('华士镇');
      expect(hs.score).toBeGreaterThan(0);
      expect(hs.reworkRate).toBeGreaterThan(0);
      expect(hs.extensionRate).toBeGreaterThan(0);
      expect(ind.departments.map((d: { orgId: number }) => d.orgId)).toEqual(expect.arrayContaining([o.zrj, o.fgw]));
      expect(ind.departments.map((d: { orgId: number }) => d.orgId)).not.toContain(o.hsEnf);
      // every breakdown is a partition of the same cases (one scan, grouping sets): it agrees with plain counts
      const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      const period = sql`region_code like '320281%' and reported_at >= '2026-11-01T00:00:00+08:00' and reported_at < '2026-12-31T00:00:00+08:00'`;
      const [plain] = await query<{ n: number; closed: number; towned: number }>(
        t.db(),
        sql`select count(*)::int as n, count(*) filter (where closed_at is not null)::int as closed, count(*) filter (where town_region_code is not null)::int as towned from cases where ${period}`,
      );
      expect(ind.totals.received).toBe(plain.n);
      expect(ind.totals.closed).toBe(plain.closed);
      expect(sum(ind.byState)).toBe(plain.n);
      expect(sum(ind.bySource)).toBe(plain.n);
      expect(sum(ind.byKind)).toBe(plain.n);
      expect(ind.byCategory.reduce((a: number, k: { count: number }) => a + k.count, 0)).toBe(plain.n);
      expect(ind.towns.reduce((a: number, k: { received: number }) => a + k.received, 0)).toBe(plain.towned);
      const byState = await query<{ state: string; n: number }>(t.db(), sql`select state, count(*)::int as n from cases where ${period} group by 1`);
      expect(ind.byState).toEqual(Object.fromEntries(byState.map((r) => [r.state, r.n])));
      expect((await req('GET', `/api/cases/indicators?regionCode=320282&from=2026-11-01&to=2026-12-31`, 'leader')).statusCode).toBe(404);
      expect((await req('GET', `/api/cases/indicators?regionCode=${JY}&from=2026-11-01&to=2026-12-31`, 'hsEnf')).statusCode).toBe(403);
      expect(problem(await req('GET', `/api/cases/indicators?regionCode=JY&from=2026-11-01&to=2026-12-31`, 'leader')).errors[0].field).toBe('regionCode');
    });
  });
});
