import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { COMPANY_ORDER, companyDefinition, companySetupContents, content, insertListRegions, insertTestItem, JY, YX, type CompanyKey } from './bundles.test-fixtures.ts';

describeEachBackend('bundles API (一件事)', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  const ids = {} as Record<CompanyKey, number>;
  let draftItem = 0;

  const definition = () => {
    const def = companyDefinition(ids);
    return { members: def.members, questions: def.questions };
  };
  const body = (over: Record<string, unknown> = {}) => ({
    code: 'company-setup',
    name: '开办企业一件事',
    lifeEvent: '开办企业',
    description: '企业登记、公章刻制、发票申领、参保登记、银行开户一次办',
    applicantKind: 'legal',
    regionCode: JY,
    ...definition(),
    ...over,
  });
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const auditCount = async (action: string) =>
    (await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = ${action}`))[0].n;

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await insertListRegions(db);
    const gov = await insertOrg(db, { code: 'b.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    const scjg = await insertOrg(db, { code: 'b.scjg', name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
    const contents = companySetupContents();
    for (const k of COMPANY_ORDER) ids[k] = await insertTestItem(db, contents[k], { implCode: `B-${k}`, orgId: k === 'register' ? scjg : null });
    draftItem = await insertTestItem(db, content('食品经营许可', '江阴市市场监督管理局', [{ name: '食品经营许可申请书' }]), { implCode: 'B-food', status: 'draft' });
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'yxadmin', grants: [{ role: 'admin', regionCode: YX, orgId: null }] });
    await createTestAccount(t, { username: 'bianban', grants: [{ role: 'staffing_officer', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'chuangkou', grants: [{ role: 'window_clerk', regionCode: JY, orgId: null }] });
    for (const u of ['admin', 'yxadmin', 'bianban', 'chuangkou']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  it('creates a draft bundle (audited) that the public cannot see until it is published', async () => {
    const res = await req('POST', '/api/catalog/bundles', 'admin', body());
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ code: 'company-setup', status: 'draft', version: 1, actions: { edit: true, review: true } });
    expect(b.members.map((m: { name: string }) => m.name)).toEqual(['公司设立登记', '公章刻制备案', '发票申领', '企业参保登记', '银行开户']);
    // default answers: rented premises, all services; "employees" has no default and is reported, not an error
    expect(b.evaluation.unanswered).toEqual([{ key: 'employees', text: '是否已招用员工？' }]);
    expect(b.evaluation.items.map((i: { name: string }) => i.name)).toEqual(['公司设立登记', '公章刻制备案', '发票申领', '银行开户']);
    expect(await auditCount('catalog.bundle_created')).toBe(1);

    expect((await req('GET', '/api/catalog/bundles/company-setup')).statusCode).toBe(404);
    expect((await req('GET', '/api/catalog/bundles')).json().items).toEqual([]);
    expect((await req('GET', '/api/catalog/bundles', 'bianban')).json().items.map((x: { code: string }) => x.code)).toEqual(['company-setup']);

    const pub = await req('POST', '/api/catalog/bundles/company-setup/publish', 'bianban', { version: 1 });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', version: 2 });
    const list = await req('GET', '/api/catalog/bundles?lifeEvent=%E5%BC%80%E5%8A%9E%E4%BC%81%E4%B8%9A&regionCode=320281107');
    expect(list.json().items).toEqual([expect.objectContaining({ code: 'company-setup', memberCount: 5, questionCount: 3, status: 'published' })]);
    const again = await req('POST', '/api/catalog/bundles/company-setup/publish', 'bianban', { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe('catalog.BUNDLE_STATE');
  });

  it('evaluates answers publicly: situation answers change items and materials; a document for four items is asked once', async () => {
    const before = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries`);
    const all = await req('POST', '/api/catalog/bundles/company-setup/evaluate', undefined, {
      answers: { premises: 'rented', services: ['seal', 'invoice', 'social', 'bank'], employees: 'yes' },
    });
    expect(all.statusCode).toBe(200);
    const r = all.json();
    expect(r.items).toHaveLength(5);
    const rep = r.materials.find((m: { name: string }) => m.name === '法定代表人身份证');
    expect(rep.items.map((i: { name: string }) => i.name)).toEqual(['公司设立登记', '公章刻制备案', '发票申领', '银行开户']);
    expect(r.materials.filter((m: { name: string }) => m.name.includes('法定代表人身份证'))).toHaveLength(1);
    expect(r.materials.map((m: { name: string }) => m.name)).toContain('房屋租赁合同');
    expect(r.totals).toMatchObject({ items: 5, materials: 10, materialsBeforeMerge: 14 });
    expect(r.formFields.map((f: { key: string }) => f.key)).toEqual(['companyName', 'legalRepName', 'legalRepId', 'address', 'sealKinds', 'agentPhone']);

    const few = (await req('POST', '/api/catalog/bundles/company-setup/evaluate', undefined, { answers: { premises: 'own', services: ['seal'] } })).json();
    expect(few.items.map((i: { name: string }) => i.name)).toEqual(['公司设立登记', '公章刻制备案']);
    const names = few.materials.map((m: { name: string }) => m.name);
    expect(names).toContain('房屋产权证明');
    expect(names).not.toContain('房屋租赁合同');
    expect(names).not.toContain('开户申请书');
    // read-only: nothing audited
    const after = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('names the unanswered question and the bad answer (400)', async () => {
    const res = await req('POST', '/api/catalog/bundles/company-setup/evaluate', undefined, { answers: { premises: 'rented', services: ['social'] } });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('catalog.UNANSWERED');
    expect(problem(res).title).toContain('是否已招用员工？');
    expect(problem(res).errors[0].field).toBe('answers.employees');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/bundles/company-setup/evaluate',
      headers: { 'accept-language': 'en' },
      payload: { answers: { services: ['seal'] } },
    });
    expect(problem(en).title).toContain('经营场所是自有还是租赁？');
    const bad = await req('POST', '/api/catalog/bundles/company-setup/evaluate', undefined, { answers: { premises: 'tent', services: ['seal'] } });
    expect(problem(bad)).toMatchObject({ code: 'catalog.BAD_ANSWER', errors: [expect.objectContaining({ field: 'answers.premises' })] });
    const shape = await req('POST', '/api/catalog/bundles/company-setup/evaluate', undefined, { answers: { premises: 3 } });
    expect(shape.statusCode).toBe(400);
    expect(problem(shape).errors[0].field).toMatch(/^answers\.premises/);
    expect((await req('POST', '/api/catalog/bundles/no-such/evaluate', undefined, { answers: {} })).statusCode).toBe(404);
  });

  it('edits under optimistic locking (409 on a stale version), audits before and after, and returns the bundle to draft', async () => {
    const cur = (await req('GET', '/api/catalog/bundles/company-setup')).json();
    const edited = await req('PUT', '/api/catalog/bundles/company-setup', 'admin', { ...body({ name: '开办企业“一件事”' }), code: undefined, version: cur.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '开办企业“一件事”', status: 'draft', version: cur.version + 1 });
    const stale = await req('PUT', '/api/catalog/bundles/company-setup', 'admin', { ...body(), code: undefined, version: cur.version });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('common.VERSION_CONFLICT');
    const [entry] = await query<{ before: { name: string; status: string }; after: { name: string; status: string } }>(
      t.db(),
      sql`select before, after from audit_entries where action = 'catalog.bundle_updated'`,
    );
    expect(entry.before).toMatchObject({ name: '开办企业一件事', status: 'published' });
    expect(entry.after).toMatchObject({ name: '开办企业“一件事”', status: 'draft' });
    const pub = await req('POST', '/api/catalog/bundles/company-setup/publish', 'bianban', { version: cur.version + 1 });
    expect(pub.statusCode).toBe(200);
  });

  it('answers 400 naming the field for bad definitions', async () => {
    const code = await req('POST', '/api/catalog/bundles', 'admin', body({ code: '开办' }));
    expect(code.statusCode).toBe(400);
    expect(problem(code).errors[0]).toMatchObject({ field: 'code', in: 'body' });
    const noItem = await req('POST', '/api/catalog/bundles', 'admin', body({ code: 'x-1', members: [{ itemId: ids.register }, { itemId: 999999 }] }));
    expect(problem(noItem)).toMatchObject({ code: 'catalog.BUNDLE_INVALID', errors: [expect.objectContaining({ field: 'members.1.itemId' })] });
    const dangling = await req('POST', '/api/catalog/bundles', 'admin', body({ code: 'x-2', members: [{ itemId: ids.register }, { itemId: ids.seal, condition: { any: ['services.fax'] } }] }));
    expect(problem(dangling).errors.map((e) => e.field)).toEqual(['members.1.condition']);
    const opt = definition().questions[0];
    const typo = await req('POST', '/api/catalog/bundles', 'admin', body({
      code: 'x-3',
      questions: [{ ...opt, options: [{ id: 'own', label: '自有', requireMaterials: ['不存在的材料'] }, opt.options[1]] }],
      members: [{ itemId: ids.register }],
    }));
    expect(problem(typo).errors.map((e) => e.field)).toEqual(['questions.0.options.0.requireMaterials.0']);
    const region = await req('POST', '/api/catalog/bundles', 'admin', body({ code: 'x-4', regionCode: '320281999' }));
    expect(problem(region).errors.map((e) => e.field)).toContain('regionCode');
    const dup = await req('POST', '/api/catalog/bundles', 'admin', body());
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).code).toBe('catalog.BUNDLE_CODE_TAKEN');
  });

  it('refuses publication while a member item is unpublished', async () => {
    const res = await req('POST', '/api/catalog/bundles', 'admin', body({ code: 'restaurant', name: '开办餐饮店', lifeEvent: '开办餐饮店', members: [{ itemId: ids.register }, { itemId: draftItem }], questions: [] }));
    expect(res.statusCode).toBe(201);
    const pub = await req('POST', '/api/catalog/bundles/restaurant/publish', 'bianban', { version: 1 });
    expect(pub.statusCode).toBe(400);
    expect(problem(pub).errors.map((e) => e.field)).toEqual(['members.1.itemId']);
    const retire = await req('POST', '/api/catalog/bundles/restaurant/retire', 'bianban', { version: 1 });
    expect(retire.json()).toMatchObject({ status: 'retired', version: 2 });
  });

  it('hides bundles outside the caller’s region (404) and checks permissions (403, 401)', async () => {
    const cur = (await req('GET', '/api/catalog/bundles/company-setup')).json();
    const outside = await req('PUT', '/api/catalog/bundles/company-setup', 'yxadmin', { ...body(), code: undefined, version: cur.version });
    expect(outside.statusCode).toBe(404);
    expect((await req('GET', '/api/catalog/bundles/restaurant', 'yxadmin')).statusCode).toBe(404);
    const create = await req('POST', '/api/catalog/bundles', 'yxadmin', body({ code: 'yx-1' }));
    expect(create.statusCode).toBe(404);
    expect(problem(create).errors[0].field).toBe('regionCode');
    expect((await req('POST', '/api/catalog/bundles', 'chuangkou', body({ code: 'x-5' }))).statusCode).toBe(403);
    expect((await req('POST', '/api/catalog/bundles', undefined, body({ code: 'x-6' }))).statusCode).toBe(401);
    expect((await req('POST', '/api/catalog/bundles/company-setup/retire', 'yxadmin', { version: cur.version })).statusCode).toBe(404);
  });
});
