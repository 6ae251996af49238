import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { count, FIRM_USCC, ok, PDF, setUpServices, type Fixture } from './services.test-fixtures.ts';

describeEachBackend('applications API: applying online, review, decision', (backend) => {
  let t: TestApp;
  let f: Fixture;
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...(who ? f.h[who] : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const upload = (id: number, key: string, who: string, name = 'doc.pdf', data: Buffer = PDF) => {
    const m = multipart({}, { name, data, type: 'application/pdf' });
    return t.app.inject({ method: 'POST', url: `/api/applications/${id}/materials/${key}/file`, headers: { ...f.h[who], ...m.headers }, payload: m.payload });
  };

  beforeAll(async () => {
    t = await testApp(backend);
    f = await setUpServices(t);
  });
  afterAll(() => t.close());

  it('draft → upload → submit → accept → review → approve, with notices, deadlines, history and events', async () => {
    const draft = ok<{ id: number; applicationNo: string; state: string; version: number; materials: { key: string; name: string; status: string }[]; actions: { action: string }[] }>(
      await req('POST', '/api/applications', 'person', { itemId: f.items.food, formData: { shopName: '思远小吃' } }),
      201,
    );
    expect(draft.state).toBe('draft');
    expect(draft.applicationNo).toMatch(/^JY\d{8}\d{6}$/);
    expect(draft.materials.map((m) => m.name)).toEqual(['食品经营许可申请书', '营业执照复印件', '食品安全管理制度文本']);
    expect(draft.actions.map((a) => a.action)).toEqual(['submit']);

    // incomplete submission: 400 naming each missing material
    const early = await req('POST', `/api/applications/${draft.id}/submit`, 'person', {});
    expect(early.statusCode).toBe(400);
    expect(problem(early).code).toBe('services.INCOMPLETE');
    expect(problem(early).errors.map((e) => e.field)).toEqual(['materials.m1', 'materials.m2', 'materials.m3']);

    // a file whose content is not what its name says is refused, naming the field
    const fake = await upload(draft.id, 'm1', 'person', 'fake.pdf', Buffer.from('plain text, not a pdf'));
    expect(fake.statusCode).toBe(400);
    expect(problem(fake).errors[0].field).toBe('file');
    for (const k of ['m1', 'm2', 'm3']) {
      const m = ok<{ status: string; file: { sha256: string } }>(await upload(draft.id, k, 'person'));
      expect(m.status).toBe('provided');
      expect(m.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // save the draft with the version read; a stale version is a conflict
    const saved = ok<{ version: number }>(await req('PUT', `/api/applications/${draft.id}/draft`, 'person', { formData: { shopName: '思远小吃店' }, version: draft.version }));
    expect(saved.version).toBe(draft.version + 1);
    expect((await req('PUT', `/api/applications/${draft.id}/draft`, 'person', { formData: {}, version: draft.version })).statusCode).toBe(409);

    const submitted = ok<{ state: string; deadlines: { purpose: string; state: string; dueDate: string }[]; version: number }>(
      await req('POST', `/api/applications/${draft.id}/submit`, 'person', { version: saved.version }),
    );
    expect(submitted.state).toBe('submitted');
    expect(submitted.deadlines.map((d) => [d.purpose, d.state])).toEqual([
      ['correction', 'running'],
      ['decision', 'running'],
    ]);

    // the window accepts: receipt with number, promised date and clock start
    const accepted = ok<{ state: string; notices: { kind: string; number: string; content: Record<string, unknown> }[]; deadlines: { purpose: string; state: string; dueDate: string }[]; step: { name: string } }>(
      await req('POST', `/api/applications/${draft.id}/accept`, 'clerk', {}),
    );
    expect(accepted.state).toBe('in_review');
    expect(accepted.step.name).toBe('审查');
    const receipt = accepted.notices.find((n) => n.kind === 'receipt')!;
    expect(receipt.number).toBe(`SL${draft.applicationNo}-01`);
    const decision = accepted.deadlines.find((d) => d.purpose === 'decision')!;
    expect(receipt.content).toMatchObject({ applicationNo: draft.applicationNo, promisedDate: decision.dueDate, decisionDays: 5 });
    expect(receipt.content.clockStart).toBeTruthy();
    expect(accepted.deadlines.find((d) => d.purpose === 'correction')!.state).toBe('stopped');

    // the notice verifies publicly by number and renders as a PDF
    const verify = ok<{ valid: boolean; kind: string; itemName: string }>(await req('GET', `/api/notices/${receipt.number}/verify`));
    expect(verify).toMatchObject({ valid: true, kind: 'receipt', itemName: '食品经营许可' });
    expect(JSON.stringify(verify)).not.toContain('陈思远');

    // the decision waits for the last step
    const tooEarly = await req('POST', `/api/applications/${draft.id}/decision`, 'spj1', { approve: true, reason: '符合条件' });
    expect(tooEarly.statusCode).toBe(409);
    expect(problem(tooEarly).code).toBe('services.NOT_LAST_STEP');
    ok(await req('POST', `/api/applications/${draft.id}/advance`, 'spj1', { opinion: '材料审查通过' }));
    const approved = ok<{ state: string; outcome: string; notices: { kind: string; content: Record<string, unknown> }[]; history: { action: string }[] }>(
      await req('POST', `/api/applications/${draft.id}/decision`, 'spj1', { approve: true, reason: '申请材料齐全，符合法定条件', legalBasis: '《中华人民共和国食品安全法》第三十五条' }),
    );
    expect(approved).toMatchObject({ state: 'approved', outcome: 'approved' });
    expect(approved.notices.map((n) => n.kind)).toEqual(['receipt', 'decision']);
    expect(approved.history.map((h) => h.action)).toEqual(['submit', 'accept', 'advance', 'decide']);

    const events = await t.db().execute(sql`select topic, payload from outbox_events where topic like 'application.%' order by id`);
    const rows = (events as unknown as { rows: { topic: string; payload: Record<string, unknown> }[] }).rows;
    expect(rows.map((r) => r.topic)).toEqual(['application.submitted', 'application.accepted', 'application.approved', 'application.supervision_handover', 'application.completed']);
    const approvedEvent = rows.find((r) => r.topic === 'application.approved')!.payload;
    expect(approvedEvent).toMatchObject({
      applicationNo: draft.applicationNo,
      parentApplicationNo: null,
      itemName: '食品经营许可',
      licence: { type: '食品经营许可证', validYears: 5 },
      holder: { kind: 'person', name: '陈思远', accountId: f.ids.person },
      issuer: { orgId: f.orgs.spj, name: '江阴市行政审批局', regionCode: '320281' },
      commitment: false,
      formData: { shopName: '思远小吃店' },
    });
    expect((approvedEvent.holder as { idNumber: string }).idNumber).toHaveLength(18);
    expect(rows.find((r) => r.topic === 'application.completed')!.payload).toMatchObject({ outcome: 'approved', channel: 'online', applicantAccountId: f.ids.person });

    const pdf = await req('GET', `/api/applications/${draft.id}/notices/${(await req('GET', `/api/applications/${draft.id}`, 'person')).json().notices[0].id}/pdf`, 'person');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // my list: state, deadlines, notices and actions
    const mine = ok<{ items: { id: number; state: string; notices: unknown[]; deadlines: unknown[] }[] }>(await req('GET', '/api/applications/mine', 'person'));
    expect(mine.items[0]).toMatchObject({ id: draft.id, state: 'approved' });
    expect(mine.items[0].notices).toHaveLength(2);

    // an earlier submission's material is filled in next time, not asked again
    const next = ok<{ materials: { key: string; status: string; reusedMaterialId: number | null }[] }>(await req('POST', '/api/applications', 'person', { itemId: f.items.food }), 201);
    expect(next.materials.map((m) => m.status)).toEqual(['reused', 'reused', 'reused']);
  });

  it('a retried creation or submission with the same Idempotency-Key makes one application', async () => {
    const before = await count(t, sql`select count(*)::int as n from applications`);
    const key = { 'idempotency-key': 'create-simple-1' };
    const body = { itemId: f.items.simple, formData: { name: 'x' } };
    const [a, b] = [await req('POST', '/api/applications', 'other', body, key), await req('POST', '/api/applications', 'other', body, key)];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    expect(await count(t, sql`select count(*)::int as n from applications`)).toBe(before + 1);
    const id = a.json().id as number;
    for (const k of ['m1', 'm2']) ok(await upload(id, k, 'other'));
    const sk = { 'idempotency-key': 'submit-simple-1' };
    const s1 = await req('POST', `/api/applications/${id}/submit`, 'other', {}, sk);
    const s2 = await req('POST', `/api/applications/${id}/submit`, 'other', {}, sk);
    expect([s1.statusCode, s2.statusCode]).toEqual([200, 200]);
    expect(s2.json().state).toBe('submitted');
    expect(await count(t, sql`select count(*)::int as n from workflow_history where workflow = 'application' and subject_id = ${String(id)} and action = 'submit'`)).toBe(1);
    expect(await count(t, sql`select count(*)::int as n from outbox_events where topic = 'application.submitted' and (payload->>'applicationId')::int = ${id}`)).toBe(1);
  });

  it('two approvers deciding the same application at once: one 200, one 409, nothing half-written', async () => {
    const created = ok<{ id: number }>(await req('POST', '/api/applications', 'person', { itemId: f.items.simple }), 201);
    for (const k of ['m1', 'm2']) ok(await upload(created.id, k, 'person'));
    ok(await req('POST', `/api/applications/${created.id}/submit`, 'person', {}));
    ok(await req('POST', `/api/applications/${created.id}/accept`, 'clerk', {}));
    const cur = ok<{ version: number }>(await req('POST', `/api/applications/${created.id}/advance`, 'spj1', {}));
    const auditsBefore = await count(t, sql`select count(*)::int as n from audit_entries where entity_type = 'application' and entity_id = ${String(created.id)}`);
    const [r1, r2] = await Promise.all([
      req('POST', `/api/applications/${created.id}/decision`, 'spj1', { approve: true, reason: '符合条件', version: cur.version }),
      req('POST', `/api/applications/${created.id}/decision`, 'spj2', { approve: false, reason: '不符合条件', legalBasis: '《行政许可法》第三十八条', version: cur.version }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const lost = r1.statusCode === 409 ? r1 : r2;
    expect(problem(lost).code).toBe('common.VERSION_CONFLICT');
    const won = (r1.statusCode === 200 ? r1 : r2).json();
    expect(await count(t, sql`select count(*)::int as n from workflow_history where subject_id = ${String(created.id)} and action = 'decide'`)).toBe(1);
    expect(await count(t, sql`select count(*)::int as n from audit_entries where entity_type = 'application' and entity_id = ${String(created.id)}`)).toBe(auditsBefore + 1);
    expect(await count(t, sql`select count(*)::int as n from application_notices where application_id = ${created.id} and kind = 'decision'`)).toBe(1);
    expect(await count(t, sql`select count(*)::int as n from outbox_events where topic in ('application.approved', 'application.denied') and (payload->>'applicationId')::int = ${created.id}`)).toBe(1);
    expect(won.outcome).toBe(won.state);
  });

  it('the applicant receives the correction notice in the inbox and hands in the corrections online; the clock resumes', async () => {
    const d = ok<{ id: number; applicationNo: string }>(await req('POST', '/api/applications', 'other', { itemId: f.items.food }), 201);
    for (const k of ['m1', 'm2', 'm3']) ok(await upload(d.id, k, 'other'));
    ok(await req('POST', `/api/applications/${d.id}/submit`, 'other', {}));
    // the window finds the business licence copy illegible: one notice, the file is asked for again
    const c = ok<{ state: string; materials: { key: string; status: string }[] }>(await req('POST', `/api/applications/${d.id}/correction`, 'clerk', { missing: [{ key: 'm2', reason: '复印件不清晰' }] }));
    expect(c.state).toBe('correction');
    expect(c.materials.find((m) => m.key === 'm2')!.status).toBe('missing');
    const inbox = ok<{ items: { kind: string; title: string; link: string }[] }>(await req('GET', '/api/me/notifications', 'other'));
    expect(inbox.items[0]).toMatchObject({ kind: 'application.notice.correction', link: `/my/applications/${d.id}` });
    expect(inbox.items[0].title).toContain('补正');
    const early = await req('POST', `/api/applications/${d.id}/resubmit`, 'other', {});
    expect(early.statusCode).toBe(400);
    expect(problem(early).errors[0].field).toBe('materials.m2');
    ok(await upload(d.id, 'm2', 'other'));
    expect((await req('POST', `/api/applications/${d.id}/resubmit`, 'person', {})).statusCode).toBe(404);
    const r = ok<{ state: string; deadlines: { purpose: string; state: string }[]; actions: { action: string }[] }>(await req('POST', `/api/applications/${d.id}/resubmit`, 'other', {}));
    expect(r.state).toBe('resubmitted');
    expect(r.deadlines.find((x) => x.purpose === 'decision')!.state).toBe('running');
    expect(r.actions).toEqual([]);
    const staffView = ok<{ actions: { action: string }[] }>(await req('GET', `/api/applications/${d.id}`, 'clerk'));
    expect(staffView.actions.map((a) => a.action)).toEqual(['accept', 'acceptDeferred', 'acceptCommitment', 'refuse']);
  });

  it('answers 400 naming fields, 401, 403 and 404 for someone else’s application', async () => {
    const bad = await req('POST', '/api/applications', 'person', { itemId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('itemId');
    const neither = await req('POST', '/api/applications', 'person', {});
    expect(neither.statusCode).toBe(400);
    expect(problem(neither).errors[0].field).toBe('itemId');
    const missingItem = await req('POST', '/api/applications', 'person', { itemId: 999999 });
    expect(missingItem.statusCode).toBe(400);
    expect(problem(missingItem).errors[0].field).toBe('itemId');
    expect((await req('POST', '/api/applications', undefined, { itemId: f.items.food })).statusCode).toBe(401);
    expect((await req('POST', '/api/applications', 'clerk', { itemId: f.items.food })).statusCode).toBe(403);
    expect((await req('POST', '/api/applications/1/decision', 'person', { approve: true, reason: '自己批准' })).statusCode).toBe(403);
    const mine = ok<{ id: number }>(await req('POST', '/api/applications', 'person', { itemId: f.items.simple }), 201);
    expect((await req('GET', `/api/applications/${mine.id}`, 'other')).statusCode).toBe(404);
    expect((await req('GET', `/api/applications/${mine.id}`, 'yx')).statusCode).toBe(404);
    expect((await req('POST', `/api/applications/${mine.id}/submit`, 'other', {})).statusCode).toBe(404);
    expect((await upload(mine.id, 'm1', 'other')).statusCode).toBe(404);
    expect((await req('GET', '/api/applications/99999', 'person')).statusCode).toBe(404);
    const badDecision = await req('POST', `/api/applications/${mine.id}/decision`, 'spj1', { approve: 'yes' });
    expect(badDecision.statusCode).toBe(400);
    expect(problem(badDecision).errors.map((e) => e.field).sort()).toEqual(['approve', 'reason']);
  });

  it('proxy service: an authorised agent applies for the firm; without a valid authorisation it is refused', async () => {
    const refused = await req('POST', '/api/applications', 'agent', { bundleCode: 'svc-setup', onBehalfOf: FIRM_USCC });
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe('services.NO_PROXY');
    expect((await req('POST', '/api/proxy-authorisations', 'person', { agentUsername: 'agent', validUntil: '2099-01-01T00:00:00+08:00' })).statusCode).toBe(403);
    const auth = ok<{ valid: boolean; firmUscc: string }>(await req('POST', '/api/proxy-authorisations', 'firm', { agentUsername: 'agent', validUntil: '2099-01-01T00:00:00+08:00' }), 201);
    expect(auth).toMatchObject({ valid: true, firmUscc: FIRM_USCC });
    const app = ok<{ id: number; applicant: { kind: string; name: string; idNumber: string }; agent: { name: string }; kind: string }>(
      await req('POST', '/api/applications', 'agent', { bundleCode: 'svc-setup', onBehalfOf: FIRM_USCC }),
      201,
    );
    expect(app).toMatchObject({ kind: 'bundle', applicant: { kind: 'legal', name: '江阴市恒通纺织有限公司' }, agent: { name: '代办员张三' } });
    expect(app.applicant.idNumber).toContain('*');
    // the firm sees the application its agent made
    expect((await req('GET', `/api/applications/${app.id}`, 'firm')).statusCode).toBe(200);
    // once the firm withdraws the authorisation, the agent can no longer apply for it
    const authId = ok<{ items: { id: number }[] }>(await req('GET', '/api/proxy-authorisations', 'firm')).items[0].id;
    expect((await req('POST', `/api/proxy-authorisations/${authId}/revoke`, 'agent')).statusCode).toBe(404);
    expect(ok<{ valid: boolean }>(await req('POST', `/api/proxy-authorisations/${authId}/revoke`, 'firm')).valid).toBe(false);
    expect((await req('POST', '/api/applications', 'agent', { bundleCode: 'svc-setup', onBehalfOf: FIRM_USCC })).statusCode).toBe(403);
    expect((await req('POST', `/api/applications/${app.id}/submit`, 'agent', {})).statusCode).toBe(403);
  });
});
