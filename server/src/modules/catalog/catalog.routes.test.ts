import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { inTransaction, pgErrorOf, query } from '../../platform/db/index.ts';
import type { ItemContentInput } from './catalog.content.ts';
import { publishDirect } from './catalog.service.ts';
import { HUASHI, JIANGYIN, YIXING, foodLicence, insertTestOrgs, type TestOrgs } from './catalog.test-fixtures.ts';

type Json = Record<string, unknown>;

describeEachBackend('catalog API', (backend) => {
  let t: TestApp;
  let orgs: TestOrgs;
  let itemId: number;
  const h: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    orgs = await insertTestOrgs(db);
    // Requesters (catalog:edit, scoped to their organisation): the market regulator (a county department) and the Huashi town government.
    await createTestAccount(t, { username: 'scjg', displayName: '市场监管局经办人', grants: [{ role: 'approver', regionCode: JIANGYIN, orgId: orgs.scjg }] });
    await createTestAccount(t, { username: 'huashi', displayName: '华士镇经办人', grants: [{ role: 'approver', regionCode: HUASHI, orgId: orgs.hs }] });
    await createTestAccount(t, { username: 'yixing', displayName: '宜兴经办人', grants: [{ role: 'approver', regionCode: YIXING, orgId: orgs.yx }] });
    // Reviewers: the staffing office (catalog:review and catalog:edit over the county).
    await createTestAccount(t, { username: 'bianban', displayName: '编办甲', grants: [{ role: 'staffing_officer', regionCode: JIANGYIN, orgId: null }] });
    await createTestAccount(t, { username: 'bianban2', displayName: '编办乙', grants: [{ role: 'staffing_officer', regionCode: JIANGYIN, orgId: null }] });
    await createTestAccount(t, { username: 'clerk', grants: [{ role: 'window_clerk', regionCode: JIANGYIN, orgId: null }] });
    for (const u of ['scjg', 'huashi', 'yixing', 'bianban', 'bianban2', 'clerk']) h[u] = await signIn(t.app, u);
    const out = await inTransaction(db, (tx) =>
      publishDirect(tx, [foodLicence(orgs.scjg), foodLicence(orgs.hs, { name: '小餐饮经营许可', baseCode: 'XK0010100200', implCode: 'HS-0001', commitmentAllowed: false, implementingBody: { orgId: orgs.hs, name: '江阴市华士镇人民政府' }, level: 'town' })], {
        approvalDocNo: '澄政发〔2025〕30号',
        effectiveDate: '2025-12-01',
        reason: '权责清单公布',
        who: { actor: SYSTEM_ACTOR },
      }),
    );
    itemId = out.items[0].itemId;
  });
  afterAll(() => t.close());

  const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });
  const post = (url: string, who: string, payload: Json) => t.app.inject({ method: 'POST', url, headers: h[who], payload });
  const put = (url: string, who: string, payload: Json) => t.app.inject({ method: 'PUT', url, headers: h[who], payload });
  const act = (id: number, action: string, who: string, payload: Json) => post(`/api/catalog/adjustments/${id}/actions/${action}`, who, payload);
  const current = async (): Promise<ItemContentInput> => (await get(`/api/catalog/items/${itemId}`)).json().content;

  /** Takes a request from submitted to published; returns the final detail. */
  async function reviewApprovePublish(id: number, version: number, docNo: string) {
    const reviewed = await act(id, 'review', 'bianban', { version, note: '材料齐全，依据充分' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const approved = await act(id, 'approve', 'bianban', { version: reviewed.json().version, approvalDocNo: docNo, effectiveDate: '2026-03-01' });
    expect(approved.statusCode, approved.body).toBe(200);
    const published = await act(id, 'publish', 'bianban', { version: approved.json().version });
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  }

  describe('public reads', () => {
    it('lists published items with filters, without signing in', async () => {
      const all = await get('/api/catalog/items');
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((i: Json) => i.name)).toEqual(['小餐饮经营许可', '食品经营许可'].sort());
      const byOrg = await get(`/api/catalog/items?orgId=${orgs.hs}`);
      expect(byOrg.json().items.map((i: Json) => i.name)).toEqual(['小餐饮经营许可']);
      const town = await get(`/api/catalog/items?regionCode=${HUASHI}&type=XK&kind=power&level=town&lifeEvent=${encodeURIComponent('开餐馆')}&visits=1&online=true&applicantKind=legal`);
      expect(town.json().items.map((i: Json) => i.name)).toEqual(['小餐饮经营许可']);
      expect((await get('/api/catalog/items?kind=service')).json().items).toEqual([]);
      expect((await get(`/api/catalog/items?q=${encodeURIComponent('小餐饮')}`)).json().items).toHaveLength(1);
      const page1 = await get('/api/catalog/items?limit=1&sort=popularity');
      const page2 = await get(`/api/catalog/items?limit=1&sort=popularity&cursor=${page1.json().nextCursor}`);
      expect([...page1.json().items, ...page2.json().items].map((i: Json) => i.id).sort()).toHaveLength(2);
      expect(page2.json().nextCursor).toBeNull();
      const bad = await get('/api/catalog/items?type=XX');
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors[0].field).toBe('type');
    });

    it('shows one item with its version, type label and implementing body', async () => {
      const res = await get(`/api/catalog/items/${itemId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: itemId,
        name: '食品经营许可',
        itemType: 'licensing',
        typeLabel: { zh: '行政许可', en: 'Licensing', num: 1, letters: 'XK' },
        kind: 'power',
        org: { id: orgs.scjg, name: '江阴市市场监督管理局' },
        currentVersion: 1,
        status: 'published',
        version: { versionNo: 1, change: 'create', approvalDocNo: '澄政发〔2025〕30号', effectiveDate: '2025-12-01' },
        content: { name: '食品经营许可', regionCode: JIANGYIN, materials: [{ name: '食品经营许可申请书', copies: 1 }, {}, {}] },
      });
      expect((await get('/api/catalog/items/999999')).statusCode).toBe(404);
    });

    it('lists the type labels, the commitment list and the deferrable materials', async () => {
      const types = (await get('/api/catalog/types')).json().items as Json[];
      expect(types).toHaveLength(12);
      expect(types.find((x) => x.itemType === 'public_service')).toMatchObject({ zh: '公共服务', num: 20, letters: 'GG', kind: 'service' });
      await t.db().execute(sql`insert into catalog_type_labels (item_type, zh, en, num, letters) values ('filing', '备案', 'Filing', 11, 'BA')`);
      expect(((await get('/api/catalog/types')).json().items as Json[]).find((x) => x.itemType === 'filing')).toMatchObject({ zh: '备案' });

      const commitment = (await get('/api/catalog/lists/commitment')).json();
      expect(commitment.items.map((i: Json) => i.name)).toEqual(['食品经营许可']);
      const deferrable = (await get(`/api/catalog/lists/deferrable?orgId=${orgs.scjg}`)).json();
      expect(deferrable.items).toEqual([
        {
          item: expect.objectContaining({ id: itemId, name: '食品经营许可' }),
          position: 2,
          material: expect.objectContaining({ name: '食品安全管理制度文本', deferrable: true }),
        },
      ]);
    });
  });

  describe('adjustments', () => {
    it('runs request → review → approve → publish, and the public diff shows exactly what changed', async () => {
      const proposed = await current();
      proposed.materials![1].copies = 2;
      proposed.promisedDays = 3;
      const created = await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed, reason: '压缩承诺时限', basis: '江阴市优化营商环境三年行动方案', submit: true });
      expect(created.statusCode, created.body).toBe(201);
      const adj = created.json();
      expect(adj).toMatchObject({ state: 'submitted', version: 2, baseVersion: 1, stale: false, requestedBy: { name: '市场监管局经办人' } });
      expect(adj.diff.changes.map((c: Json) => c.field)).toEqual(['materials', 'promisedDays']);
      expect(adj.actions.map((a: Json) => a.action)).toEqual(['withdraw']);

      const queue = (await get('/api/catalog/adjustments', 'bianban')).json();
      expect(queue.items.map((a: Json) => a.id)).toContain(adj.id);
      const seen = (await get(`/api/catalog/adjustments/${adj.id}`, 'bianban')).json();
      expect(seen.actions.map((a: Json) => a.action)).toEqual(['review', 'return', 'reject']);
      // the requester may not review
      const notReviewer = await act(adj.id, 'review', 'scjg', { version: 2 });
      expect(notReviewer.statusCode).toBe(403);
      expect(problem(notReviewer).code).toBe('common.FORBIDDEN');
      // and a reviewer may not withdraw the department's request
      const notRequester = await act(adj.id, 'withdraw', 'bianban', { version: 2 });
      expect(problem(notRequester).code).toBe('catalog.NOT_REQUESTER');

      const reviewed = await act(adj.id, 'review', 'bianban', { version: 2, note: '依据充分' });
      expect(reviewed.json()).toMatchObject({ state: 'reviewed', version: 3, reviewNote: '依据充分' });
      const missing = await act(adj.id, 'approve', 'bianban', { version: 3 });
      expect(missing.statusCode).toBe(400);
      expect(problem(missing).errors.map((e) => e.field)).toEqual(['approvalDocNo', 'effectiveDate']);
      const badDate = await act(adj.id, 'approve', 'bianban', { version: 3, approvalDocNo: '澄编办〔2026〕3号', effectiveDate: '2026-13-01' });
      expect(problem(badDate).errors.map((e) => e.field)).toEqual(['effectiveDate']);
      const approved = await act(adj.id, 'approve', 'bianban', { version: 3, approvalDocNo: '澄编办〔2026〕3号', effectiveDate: '2026-03-01' });
      expect(approved.json()).toMatchObject({ state: 'approved', approvalDocNo: '澄编办〔2026〕3号', effectiveDate: '2026-03-01' });
      const published = await act(adj.id, 'publish', 'bianban', { version: 4 });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({ state: 'published', currentVersion: 2, stale: false, actions: [] });
      expect(published.json().history.map((x: Json) => x.action)).toEqual(['submit', 'review', 'approve', 'publish']);

      const item = (await get(`/api/catalog/items/${itemId}`)).json();
      expect(item).toMatchObject({ currentVersion: 2, promisedDays: 3, version: { versionNo: 2, change: 'update', approvalDocNo: '澄编办〔2026〕3号', effectiveDate: '2026-03-01', reason: '压缩承诺时限', basis: '江阴市优化营商环境三年行动方案', adjustmentId: adj.id } });
      const versions = (await get(`/api/catalog/items/${itemId}/versions`)).json();
      expect(versions.items.map((v: Json) => [v.versionNo, v.change, v.approvalDocNo])).toEqual([
        [2, 'update', '澄编办〔2026〕3号'],
        [1, 'create', '澄政发〔2025〕30号'],
      ]);
      const v1 = (await get(`/api/catalog/items/${itemId}/versions/1`)).json();
      expect(v1.content.promisedDays).toBe(5);
      expect((await get(`/api/catalog/items/${itemId}/versions/9`)).statusCode).toBe(404);

      const diff = (await get(`/api/catalog/items/${itemId}/diff?from=1&to=2`)).json();
      expect(diff.summary).toEqual({ fields: 2, added: 0, removed: 0, changed: 2 });
      expect(diff.changes).toEqual([
        {
          kind: 'list',
          field: 'materials',
          label: { zh: '申请材料', en: 'Required materials' },
          added: [],
          removed: [],
          changed: [{ key: '营业执照复印件', beforeIndex: 1, afterIndex: 1, changes: [{ field: 'copies', label: { zh: '份数', en: 'Copies' }, before: 1, after: 2 }] }],
          reordered: false,
        },
        { kind: 'value', field: 'promisedDays', label: { zh: '承诺办结时限（工作日）', en: 'Promised time limit (working days)' }, before: 5, after: 3 },
      ]);
      expect((await get(`/api/catalog/items/${itemId}/diff`)).json().changes).toEqual(diff.changes);

      const [counts] = await query<{ events: number; audits: number; transitions: number }>(
        t.db(),
        sql`select (select count(*)::int from outbox_events where topic = 'catalog.item_published' and (payload ->> 'itemId')::int = ${itemId}) as events,
                   (select count(*)::int from audit_entries where action = 'catalog.item_published' and entity_id = ${String(itemId)}) as audits,
                   (select count(*)::int from audit_entries where entity_type = 'catalog_adjustment' and entity_id = ${String(adj.id)}) as transitions`,
      );
      // one event per published version (the bulk load and this one); audit: the creation and four transitions
      expect(counts).toEqual({ events: 2, audits: 1, transitions: 5 });
    });

    it('creates a new item through a request and registers its base item', async () => {
      const proposed = foodLicence(orgs.hs, {
        name: '食品小作坊登记',
        baseCode: 'XK0010100300',
        implCode: undefined,
        level: 'town',
        implementingBody: { orgId: orgs.hs, name: '江阴市华士镇人民政府' },
      });
      const created = await post('/api/catalog/adjustments', 'huashi', { change: 'create', proposed, reason: '承接赋权事项', basis: '苏政发〔2025〕8号' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ state: 'draft', itemId: null, regionCode: HUASHI, diff: null });
      const submitted = await act(created.json().id, 'submit', 'huashi', { version: 1 });
      const done = await reviewApprovePublish(created.json().id, submitted.json().version, '澄政发〔2026〕5号');
      expect(done.itemId).toEqual(expect.any(Number));
      const item = (await get(`/api/catalog/items/${done.itemId}`)).json();
      expect(item).toMatchObject({ name: '食品小作坊登记', regionCode: HUASHI, level: 'town', currentVersion: 1, version: { change: 'create' } });
      expect(item.implCode).toMatch(/^XK0010100300-320281107000-\d{6}$/);
      const [base] = await query<{ name: string; item_type: string }>(t.db(), sql`select name, item_type from catalog_base_items where base_code = 'XK0010100300'`);
      expect(base).toEqual({ name: '食品小作坊登记', item_type: 'licensing' });
      // indexed for search in the publishing transaction
      const [doc] = await query<{ name: string }>(t.db(), sql`select name from catalog_search_docs where item_id = ${done.itemId}`);
      expect(doc).toEqual({ name: '食品小作坊登记' });
    });

    it('returns a request with a reason; the requester edits and resubmits it', async () => {
      const proposed = await current();
      proposed.fees = [{ name: '工本费', amount: '10元' }];
      const adj = (await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed, reason: '增加收费', basis: '收费文件', submit: true })).json();
      const noReason = await act(adj.id, 'return', 'bianban', { version: adj.version });
      expect(noReason.statusCode).toBe(400);
      expect(problem(noReason).errors.map((e) => e.field)).toEqual(['reason']);
      const returned = await act(adj.id, 'return', 'bianban', { version: adj.version, reason: '行政许可不得收费，请删除收费项' });
      expect(returned.json()).toMatchObject({ state: 'returned', reviewNote: '行政许可不得收费，请删除收费项' });
      expect(returned.json().actions).toEqual([]);
      const mine = (await get(`/api/catalog/adjustments/${adj.id}`, 'scjg')).json();
      expect(mine.actions.map((a: Json) => a.action)).toEqual(['submit', 'withdraw']);

      // a reviewer may not edit the proposal; the requester may, with the version read
      expect((await put(`/api/catalog/adjustments/${adj.id}`, 'bianban', { version: mine.version, reason: '改写' })).statusCode).toBe(403);
      const edited = proposed;
      edited.fees = [];
      edited.hours = '工作日 9:00-17:00';
      const stale = await put(`/api/catalog/adjustments/${adj.id}`, 'scjg', { version: mine.version - 1, proposed: edited });
      expect(stale.statusCode).toBe(409);
      const ok = await put(`/api/catalog/adjustments/${adj.id}`, 'scjg', { version: mine.version, proposed: edited, reason: '明确办理时间' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ state: 'returned', reason: '明确办理时间', version: mine.version + 1 });
      expect(ok.json().diff.changes.map((c: Json) => c.field)).toEqual(['hours']);
      const resubmitted = await act(adj.id, 'submit', 'scjg', { version: ok.json().version });
      expect(resubmitted.json().state).toBe('submitted');
      const done = await reviewApprovePublish(adj.id, resubmitted.json().version, '澄编办〔2026〕9号');
      expect(done.history.map((x: Json) => x.action)).toEqual(['submit', 'return', 'submit', 'review', 'approve', 'publish']);
      expect((await put(`/api/catalog/adjustments/${adj.id}`, 'scjg', { version: done.version, reason: '再改一下' })).statusCode).toBe(409);
      expect((await get(`/api/catalog/items/${itemId}`)).json().content.hours).toBe('工作日 9:00-17:00');
    });

    it('has no way to edit a published version: no API route, and the database refuses', async () => {
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({ method, url: `/api/catalog/items/${itemId}/versions/1`, headers: h.bianban, payload: { content: {} } });
        expect(res.statusCode).toBe(404);
      }
      let message = '';
      try {
        await t.db().execute(sql`update catalog_item_versions set content = '{}'::jsonb where item_id = ${itemId} and version_no = 1`);
      } catch (e) {
        message = pgErrorOf(e)?.message ?? String(e);
      }
      expect(message).toMatch(/cannot be changed or deleted/);
      expect((await get(`/api/catalog/items/${itemId}/versions/1`)).json().content.name).toBe('食品经营许可');
    });

    it('refuses a base code that already means another item (四级四同), naming the field', async () => {
      const proposed = foodLicence(orgs.hs, { name: '食品经营许可证核发', implCode: 'HS-0002', implementingBody: { orgId: orgs.hs, name: '江阴市华士镇人民政府' } });
      const res = await post('/api/catalog/adjustments', 'huashi', { change: 'create', proposed, reason: '新增事项', basis: '赋权决定' });
      expect(res.statusCode).toBe(400);
      const p = problem(res);
      expect(p.code).toBe('catalog.BASE_CODE_MISMATCH');
      expect(p.title).toContain('XK0010100100');
      expect(p.title).toContain('食品经营许可');
      expect(p.errors.map((e) => e.field)).toEqual(['proposed.name']);
      const type = await post('/api/catalog/adjustments', 'huashi', { change: 'create', proposed: { ...proposed, name: '食品经营许可', itemType: 'filing' }, reason: '新增事项', basis: '赋权决定' });
      expect(problem(type).errors.map((e) => e.field)).toEqual(['proposed.itemType']);
    });

    it('refuses to publish a request based on an older version, until it is rebased', async () => {
      const base = await current();
      const a = (await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed: { ...base, consultPhone: '0510-86000001' }, reason: '更新咨询电话', basis: '机构职能调整', submit: true })).json();
      const b = (await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed: { ...base, complaintPhone: '12345' }, reason: '更新投诉电话', basis: '12345 热线整合', submit: true })).json();
      await reviewApprovePublish(a.id, a.version, '澄编办〔2026〕11号');
      const bReviewed = (await act(b.id, 'review', 'bianban', { version: b.version })).json();
      const bApproved = (await act(b.id, 'approve', 'bianban', { version: bReviewed.version, approvalDocNo: '澄编办〔2026〕12号', effectiveDate: '2026-04-01' })).json();
      expect(bApproved.stale).toBe(true);
      const refused = await act(b.id, 'publish', 'bianban', { version: bApproved.version });
      expect(refused.statusCode).toBe(409);
      expect(problem(refused).code).toBe('catalog.STALE_BASE');
      const still = (await get(`/api/catalog/adjustments/${b.id}`, 'bianban')).json();
      expect(still).toMatchObject({ state: 'approved', version: bApproved.version });

      const returned = (await act(b.id, 'return', 'bianban', { version: still.version, reason: '事项已更新，请基于现行版本重新提交' })).json();
      const rebased = await put(`/api/catalog/adjustments/${b.id}`, 'scjg', { version: returned.version, proposed: { ...(await current()), complaintPhone: '12345' }, rebase: true });
      expect(rebased.json()).toMatchObject({ stale: false, diff: { changes: [{ field: 'complaintPhone', before: null, after: '12345' }] } });
      const resubmitted = (await act(b.id, 'submit', 'scjg', { version: rebased.json().version })).json();
      await reviewApprovePublish(b.id, resubmitted.version, '澄编办〔2026〕13号');
      expect((await get(`/api/catalog/items/${itemId}`)).json().content).toMatchObject({ consultPhone: '0510-86000001', complaintPhone: '12345' });
    });

    it('hides requests and items outside the requester’s scope as not found', async () => {
      const adj = (await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed: await current(), reason: '核对', basis: '年度清理' })).json();
      expect((await get(`/api/catalog/adjustments/${adj.id}`, 'yixing')).statusCode).toBe(404);
      expect((await get(`/api/catalog/adjustments/${adj.id}`, 'huashi')).statusCode).toBe(404);
      expect((await act(adj.id, 'submit', 'yixing', { version: adj.version })).statusCode).toBe(404);
      expect((await act(adj.id, 'withdraw', 'huashi', { version: 99 })).statusCode).toBe(404);
      expect((await put(`/api/catalog/adjustments/${adj.id}`, 'yixing', { version: adj.version, reason: '越权修改' })).statusCode).toBe(404);
      const foreign = await post('/api/catalog/adjustments', 'yixing', { change: 'retire', itemId, reason: '越权注销', basis: '无依据' });
      expect(foreign.statusCode).toBe(404);
      const list = (await get('/api/catalog/adjustments', 'yixing')).json();
      expect(list.items).toEqual([]);
      const outOfScope = await post('/api/catalog/adjustments', 'huashi', { change: 'create', proposed: foodLicence(orgs.scjg, { implCode: 'X-1', baseCode: undefined, name: '他人事项' }), reason: '越权新增', basis: '无依据' });
      expect(outOfScope.statusCode).toBe(403);
      expect((await get('/api/catalog/adjustments', 'clerk')).statusCode).toBe(403);
      expect((await get('/api/catalog/adjustments')).statusCode).toBe(401);
      expect((await post('/api/catalog/adjustments', 'clerk', { change: 'retire', itemId, reason: '窗口不提申请', basis: '无依据' })).statusCode).toBe(403);
      const withdrawn = await act(adj.id, 'withdraw', 'scjg', { version: adj.version });
      expect(withdrawn.json().state).toBe('withdrawn');
      const mine = (await get('/api/catalog/adjustments?mine=true&state=withdrawn', 'scjg')).json();
      expect(mine.items.map((a: Json) => a.id)).toEqual([adj.id]);
    });

    it('answers 400 naming the field path of bad input', async () => {
      const proposed = await current();
      proposed.materials![2].copies = -1;
      const res = await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed, reason: '测试', basis: '测试' });
      expect(res.statusCode).toBe(400);
      expect(problem(res).errors.map((e) => e.field)).toEqual(['proposed.materials.2.copies']);
      const noItem = await post('/api/catalog/adjustments', 'scjg', { change: 'update', proposed: await current(), reason: '测试', basis: '测试' });
      expect(problem(noItem).errors.map((e) => e.field)).toEqual(['itemId']);
      const noName = await post('/api/catalog/adjustments', 'scjg', { change: 'create', proposed: { ...(await current()), name: '' }, reason: '测试', basis: '测试' });
      expect(problem(noName).errors.map((e) => e.field)).toEqual(['proposed.name']);
      const unknownAction = await act(1, 'sign', 'bianban', { version: 1 });
      expect(unknownAction.statusCode).toBe(400);
      expect(problem(unknownAction).errors.map((e) => e.field)).toEqual(['action']);
    });

    it('does not let a staffing officer review their own request (four eyes)', async () => {
      const own = (await post('/api/catalog/adjustments', 'bianban2', { change: 'update', itemId, proposed: { ...(await current()), place: '江阴市民中心' }, reason: '编办直接提出', basis: '机构改革', submit: true })).json();
      expect(own.actions.map((a: Json) => a.action)).toEqual(['withdraw']);
      const self = await act(own.id, 'review', 'bianban2', { version: own.version });
      expect(self.statusCode).toBe(403);
      expect(problem(self).code).toBe('catalog.SELF_REVIEW');
      const other = (await get(`/api/catalog/adjustments/${own.id}`, 'bianban')).json();
      expect(other.actions.map((a: Json) => a.action)).toEqual(['review', 'return', 'reject']);
      expect((await act(own.id, 'reject', 'bianban', { version: own.version, reason: '不属于本次调整范围' })).json()).toMatchObject({ state: 'rejected', actions: [] });
    });

    it('lets one of two reviewers acting at once win; the other gets 409', async () => {
      const adj = (await post('/api/catalog/adjustments', 'scjg', { change: 'update', itemId, proposed: { ...(await current()), remarks: '并发测试' }, reason: '并发', basis: '测试', submit: true })).json();
      const [r1, r2] = await Promise.all([
        act(adj.id, 'review', 'bianban', { version: adj.version, note: '甲审核' }),
        act(adj.id, 'return', 'bianban2', { version: adj.version, reason: '乙退回' }),
      ]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
      const loser = r1.statusCode === 409 ? r1 : r2;
      expect(problem(loser).code).toBe('common.VERSION_CONFLICT');
      const final = (await get(`/api/catalog/adjustments/${adj.id}`, 'bianban')).json();
      expect(final.version).toBe(adj.version + 1);
      expect(final.history).toHaveLength(2);
    });

    it('retires an item: it leaves the published list, keeps its history', async () => {
      const hsItem = (await get(`/api/catalog/items?orgId=${orgs.hs}&q=${encodeURIComponent('小餐饮')}`)).json().items[0];
      const adj = (await post('/api/catalog/adjustments', 'huashi', { change: 'retire', itemId: hsItem.id, reason: '事项取消', basis: '国发〔2026〕1号', submit: true })).json();
      expect(adj.diff.changes).toEqual([]);
      await reviewApprovePublish(adj.id, adj.version, '澄政发〔2026〕20号');
      expect((await get(`/api/catalog/items?orgId=${orgs.hs}&q=${encodeURIComponent('小餐饮')}`)).json().items).toEqual([]);
      const retired = (await get(`/api/catalog/items?status=retired`)).json().items;
      expect(retired.map((i: Json) => i.id)).toEqual([hsItem.id]);
      expect(await query(t.db(), sql`select item_id from catalog_search_docs where item_id = ${hsItem.id}`)).toEqual([]);
      const detail = (await get(`/api/catalog/items/${hsItem.id}`)).json();
      expect(detail).toMatchObject({ status: 'retired', currentVersion: 2, version: { change: 'retire', approvalDocNo: '澄政发〔2026〕20号' } });
      const again = await post('/api/catalog/adjustments', 'huashi', { change: 'retire', itemId: hsItem.id, reason: '重复注销', basis: '同上文件' });
      expect(again.statusCode).toBe(409);
    });
  });
});
