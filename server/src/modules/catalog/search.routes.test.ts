import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { districtItems, insertFixtureItems } from './search.test-fixtures.ts';
import { reindexAll } from './search.indexer.ts';

describeEachBackend('catalog search API', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await testApp(backend);
    await insertFixtureItems(t.db(), districtItems());
    await reindexAll(t.db());
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'clerk', grants: [{ role: 'window_clerk', regionCode: null, orgId: null }] });
    for (const u of ['admin', 'clerk']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who: string | undefined, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, payload: payload as object });
  const search = (params: Record<string, string>) => get(`/api/catalog/search?${new URLSearchParams(params)}`);

  it('searches publicly and answers the documented shape', async () => {
    const res = await search({ q: '开饭店', limit: '5' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: expect.any(Number), took: expect.any(Number), expanded: expect.arrayContaining(['餐饮', '食品经营']), relaxed: false });
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({
      id: expect.any(Number),
      name: expect.stringMatching(/餐饮|食品.*经营/),
      type: expect.any(String),
      typeLabel: expect.any(String),
      department: expect.stringMatching(/^广安区/),
      highlight: expect.stringContaining('<em>'),
      score: expect.any(Number),
      online: expect.any(Boolean),
    });
    expect(body.nextCursor).toEqual(expect.any(String));
    const next = await search({ q: '开饭店', limit: '5', cursor: body.nextCursor });
    expect(next.statusCode).toBe(200);
    expect(next.json().items.map((i: { id: number }) => i.id)).not.toContain(body.items[0].id);
  });

  it('accepts filters, the item type also as a label or code', async () => {
    const res = await search({ q: '许可', type: 'XK', kind: 'power', visits: '1', online: 'true', limit: '50' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; visits: number; online: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.type === 'licensing' && i.visits <= 1 && i.online)).toBe(true);
    expect((await search({ q: '许可', type: '行政许可' })).statusCode).toBe(200);
  });

  it('answers 400 naming the field for a missing, empty or over-long q and bad parameters', async () => {
    for (const params of [{}, { q: '' }, { q: '   ' }, { q: '证'.repeat(101) }]) {
      const res = await search(params as Record<string, string>);
      expect(res.statusCode).toBe(400);
      expect(problem(res).errors.map((e) => e.field)).toContain('q');
    }
    const badLimit = await search({ q: '许可', limit: '0' });
    expect(problem(badLimit).errors[0].field).toBe('limit');
    const badType = await search({ q: '许可', type: '不存在' });
    expect(badType.statusCode).toBe(400);
    expect(problem(badType).errors[0].field).toBe('type');
    const badCursor = await search({ q: '许可', cursor: 'xyz' });
    expect(badCursor.statusCode).toBe(400);
    expect(problem(badCursor).errors[0].field).toBe('cursor');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/catalog/search', '/api/catalog/synonyms', '/api/catalog/synonyms/{id}']));
  });

  it('lets only catalog editors see and edit synonyms', async () => {
    expect((await get('/api/catalog/synonyms')).statusCode).toBe(401);
    expect((await get('/api/catalog/synonyms', 'clerk')).statusCode).toBe(403);
    expect((await send('POST', '/api/catalog/synonyms', 'clerk', { term: '吃饭证', expansions: ['食品经营许可'] })).statusCode).toBe(403);
    const list = await get('/api/catalog/synonyms?limit=10', 'admin');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(10);
    expect(list.json().nextCursor).toEqual(expect.any(String));
    const page2 = await get(`/api/catalog/synonyms?limit=10&cursor=${list.json().nextCursor}`, 'admin');
    expect(page2.json().items[0].term > list.json().items[9].term).toBe(true);
    const filtered = await get(`/api/catalog/synonyms?q=${encodeURIComponent('公积金')}`, 'admin');
    expect(filtered.json().items.map((s: { term: string }) => s.term)).toEqual(expect.arrayContaining(['公积金', '取公积金']));
  });

  it('creates, updates and deletes a synonym with optimistic versions, audited', async () => {
    const bad = await send('POST', '/api/catalog/synonyms', 'admin', { term: '吃饭证', expansions: [] });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('expansions');
    const blank = await send('POST', '/api/catalog/synonyms', 'admin', { term: '吃饭证', expansions: ['食品经营许可', '！！'] });
    expect(blank.statusCode).toBe(400);
    expect(problem(blank).errors[0].field).toBe('expansions.1');
    const noTerm = await send('POST', '/api/catalog/synonyms', 'admin', { term: '？', expansions: ['食品经营许可'] });
    expect(problem(noTerm).errors[0].field).toBe('term');

    const created = await send('POST', '/api/catalog/synonyms', 'admin', { term: ' 吃饭 证 ', expansions: ['食品经营许可', '食品经营许可'], note: '群众说法' });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ term: '吃饭证', expansions: ['食品经营许可'], note: '群众说法', version: 1 });

    const dup = await send('POST', '/api/catalog/synonyms', 'admin', { term: '吃饭证', expansions: ['餐饮'] });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).code).toBe('catalog_search.SYNONYM_EXISTS');
    expect(problem(dup).errors[0].field).toBe('term');

    const used = (await search({ q: '吃饭证', limit: '3' })).json();
    expect(used.expanded).toContain('食品经营许可');
    expect(used.items[0].name).toMatch(/食品.*经营许可/);

    const stale = await send('PUT', `/api/catalog/synonyms/${s.id}`, 'admin', { term: '吃饭证', expansions: ['餐饮'], version: 5 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('common.VERSION_CONFLICT');
    const taken = await send('PUT', `/api/catalog/synonyms/${s.id}`, 'admin', { term: '公积金', expansions: ['餐饮'], version: 1 });
    expect(taken.statusCode).toBe(409);
    const updated = await send('PUT', `/api/catalog/synonyms/${s.id}`, 'admin', { term: '吃饭证', expansions: ['餐饮', '食品经营'], version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ expansions: ['餐饮', '食品经营'], version: 2, note: null });
    expect((await search({ q: '吃饭证' })).json().expanded).toEqual(['吃饭证', '餐饮', '食品经营']);

    expect((await send('DELETE', `/api/catalog/synonyms/${s.id}`, 'admin')).statusCode).toBe(400);
    expect((await send('DELETE', `/api/catalog/synonyms/${s.id}?version=1`, 'admin')).statusCode).toBe(409);
    expect((await send('DELETE', `/api/catalog/synonyms/${s.id}?version=2`, 'admin')).statusCode).toBe(204);
    expect((await get(`/api/catalog/synonyms/${s.id}`, 'admin')).statusCode).toBe(404);
    expect((await send('PUT', `/api/catalog/synonyms/${s.id}`, 'admin', { term: '吃饭证', expansions: ['餐饮'], version: 2 })).statusCode).toBe(404);
    expect((await search({ q: '吃饭证' })).json().expanded).not.toContain('餐饮');

    const audit = await query<{ action: string; actor_name: string }>(
      t.db(),
      sql`select action, actor_name from audit_entries where entity_type = 'catalog_synonym' and entity_id = ${String(s.id)} order by id`,
    );
    expect(audit).toEqual([
      { action: 'catalog.synonym_created', actor_name: 'admin' },
      { action: 'catalog.synonym_updated', actor_name: 'admin' },
      { action: 'catalog.synonym_deleted', actor_name: 'admin' },
    ]);
  });
});
