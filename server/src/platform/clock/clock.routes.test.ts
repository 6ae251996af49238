import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';

const qs = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

describeEachBackend('calendar API', (backend) => {
  let t: TestApp;
  const get = (path: string, params: Record<string, string | number> = {}) => t.app.inject({ method: 'GET', url: `${path}?${qs(params)}` });
  beforeAll(async () => {
    t = await testApp(backend);
    await createTestAccount(t, { username: 'caladmin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'clerk', grants: [{ role: 'window_clerk', regionCode: '320281', orgId: null }] });
  });
  afterAll(() => t.close());

  it('adds working days: the DOMAIN §4 vectors, publicly', async () => {
    for (const [from, add, date] of [
      ['2026-09-18', 20, '2026-10-22'],
      ['2026-09-30', 5, '2026-10-13'],
      ['2026-02-13', 5, '2026-02-27'],
      ['2025-12-31', 20, '2026-01-29'],
      ['2026-04-30', 3, '2026-05-08'],
    ] as const) {
      const res = await get('/api/calendar/working-days', { from, add });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(JSON.stringify({ date, provisional: false }));
    }
    expect((await get('/api/calendar/working-days', { from: '2026-10-22', add: -20 })).json()).toEqual({ date: '2026-09-18', provisional: false });
    expect((await get('/api/calendar/working-days', { from: '2026-12-30', add: 2 })).json()).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('answers bad input with a 400 problem naming the field', async () => {
    for (const [params, field] of [
      [{ from: '2026-09-18', add: 'abc' }, 'add'],
      [{ from: '2026-09-18', add: 3651 }, 'add'],
      [{ from: '2026-09-18', add: 1.5 }, 'add'],
      [{ from: '2026-02-30', add: 1 }, 'from'],
      [{ from: '18/09/2026', add: 1 }, 'from'],
      [{ add: 1 }, 'from'],
    ] as const) {
      const res = await get('/api/calendar/working-days', params);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(problem(res).errors[0]).toMatchObject({ field, in: 'query' });
    }
    const en = await t.app.inject({ method: 'GET', url: '/api/calendar/working-days?from=x&add=1', headers: { 'accept-language': 'en' } });
    expect(problem(en).title).toBe('The request is invalid');
  });

  it("lists a year's days with kinds and names, and says whether the year is loaded", async () => {
    const y2026 = (await get('/api/calendar/days', { year: 2026 })).json();
    expect(y2026).toMatchObject({ year: 2026, loaded: true, provisional: false, source: 'bundled:holiday-cn', workingDays: 248 });
    expect(y2026.days).toHaveLength(365);
    const byDate = (days: { date: string }[], d: string) => days.find((x) => x.date === d);
    expect(byDate(y2026.days, '2026-10-01')).toEqual({ date: '2026-10-01', weekday: 4, kind: 'holiday', name: '国庆节', working: false });
    expect(byDate(y2026.days, '2026-10-10')).toMatchObject({ kind: 'makeup', working: true });
    expect(byDate(y2026.days, '2026-10-17')).toMatchObject({ kind: 'weekend', name: null });
    const y2027 = (await get('/api/calendar/days', { year: 2027 })).json();
    expect(y2027).toMatchObject({ year: 2027, loaded: false, provisional: true, source: null });
    expect(y2027.days.filter((d: { name: string | null }) => d.name === '春节').map((d: { date: string }) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect((await get('/api/calendar/days', { year: 1800 })).statusCode).toBe(400);
  });

  it('counts working days between two dates and adds working hours', async () => {
    expect((await get('/api/calendar/between', { from: '2026-09-18', to: '2026-10-22' })).json()).toEqual({
      from: '2026-09-18',
      to: '2026-10-22',
      workingDays: 20,
      provisional: false,
    });
    expect(problem(await get('/api/calendar/between', { from: '2026-09-18' })).errors[0].field).toBe('to');
    const hours = (await get('/api/calendar/add-hours', { from: '2026-09-30T16:00:00+08:00', hours: 2 })).json();
    expect(hours).toEqual({ from: '2026-09-30T16:00:00+08:00', hours: 2, at: '2026-10-08T09:30:00+08:00', provisional: false, officeHours: '09:00-12:00,13:30-17:30' });
    expect((await get('/api/calendar/add-hours', { from: '2026-09-30T08:00:00Z', hours: 2 })).json().at).toBe('2026-10-08T09:30:00+08:00');
    expect((await get('/api/calendar/add-hours', { from: '2026-09-30T16:00', hours: 2 })).json().at).toBe('2026-10-08T09:30:00+08:00');
    expect(problem(await get('/api/calendar/add-hours', { from: 'tomorrow', hours: 2 })).errors[0].field).toBe('from');
    expect(problem(await get('/api/calendar/add-hours', { from: '2026-09-30T16:00', hours: -1 })).errors[0].field).toBe('hours');
  });

  it('loads a year only with calendar:manage, validating the file', async () => {
    const file = {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-09', isOffDay: true },
        { name: '春节', date: '2027-02-20', isOffDay: false },
      ],
    };
    const anon = await t.app.inject({ method: 'POST', url: '/api/calendar/years', payload: file });
    expect(anon.statusCode).toBe(401);
    const clerk = await t.app.inject({ method: 'POST', url: '/api/calendar/years', payload: file, headers: await signIn(t.app, 'clerk') });
    expect(clerk.statusCode).toBe(403);
    const h = await signIn(t.app, 'caladmin');
    const bad = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: h, payload: { ...file, days: [{ name: '元旦', date: '2027-13-01', isOffDay: true }] } });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0]).toMatchObject({ field: 'days.0.date', in: 'body' });
    const empty = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: h, payload: { year: 2027, days: [] } });
    expect(empty.statusCode).toBe(400);
    expect(problem(empty).code).toBe('calendar.NOT_PUBLISHED');

    const ok = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: h, payload: file });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2027, created: true, dayCount: 3, recomputed: { examined: 0, changed: 0 } });
    expect((await get('/api/calendar/working-days', { from: '2027-02-04', add: 1 })).json()).toEqual({ date: '2027-02-05', provisional: false });
    expect((await get('/api/calendar/working-days', { from: '2026-12-30', add: 2 })).json()).toEqual({ date: '2027-01-04', provisional: false });
    const years = (await get('/api/calendar/years')).json();
    expect(years.items.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect((await get('/api/calendar/days', { year: 2027 })).json()).toMatchObject({ loaded: true, provisional: false, source: 'api' });

    const keyed = { ...h, 'idempotency-key': 'load-2027-again' };
    const first = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: keyed, payload: file });
    expect(first.json()).toMatchObject({ created: false, changes: [] });
    const replay = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: keyed, payload: file });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
  });

  it('documents the calendar routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/calendar/working-days', '/api/calendar/days', '/api/calendar/between', '/api/calendar/add-hours', '/api/calendar/years']));
  });
});
