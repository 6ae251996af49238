import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { inTransaction, query } from '../db/index.ts';
import { CalendarService, renderLoad, renderYear, type SlaClock } from './index.ts';

const who = { actor: { id: 7, username: 'calendar-admin' }, ip: '127.0.0.1', requestId: 'r-cal' };
const subject = (id: string) => ({ type: 'application', id, regionCode: '320281' });
const t = (s: string) => new Date(s);

/** A 2027 schedule as the State Council might publish it (built for the test). */
const schedule2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/test-2027'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ name: '春节', date: `2027-02-${d}`, isOffDay: true })),
    { name: '春节', date: '2027-02-13', isOffDay: false },
    { name: '清明节', date: '2027-04-05', isOffDay: true },
    { name: '劳动节', date: '2027-05-01', isOffDay: true },
    { name: '劳动节', date: '2027-05-02', isOffDay: true },
    { name: '端午节', date: '2027-06-09', isOffDay: true },
    { name: '中秋节', date: '2027-09-15', isOffDay: true },
    { name: '国庆节', date: '2027-10-01', isOffDay: true },
    { name: '国庆节', date: '2027-10-02', isOffDay: true },
    { name: '国庆节', date: '2027-10-03', isOffDay: true },
  ],
};

describeEachBackend('calendar service and SLA clocks', (backend) => {
  let db: TestDatabase;
  let svc: CalendarService;
  let other: CalendarService;
  let stale: CalendarService;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    svc = await CalendarService.load(db.db);
    other = await CalendarService.load(db.db, { seed: false, refreshSeconds: 0 });
    stale = await CalendarService.load(db.db, { seed: false, refreshSeconds: 3600 });
  });
  afterAll(() => db.destroy());

  const inTx = <T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) => inTransaction(db.db, fn);

  it('seeds the bundled 2020–2026 schedules once, with an audit entry each, and not the empty 2027 file', async () => {
    expect(svc.calendar.loadedYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(svc.yearStatus(2027)).toMatchObject({ loaded: false, provisional: true, dayCount: 0 });
    expect(svc.yearStatus(2026)).toMatchObject({ loaded: true, provisional: false, source: 'bundled:holiday-cn', dayCount: 39 });
    expect(await svc.seedBundled()).toEqual([]);
    await CalendarService.load(db.db);
    const [counts] = await query<{ years: number; days: number; audits: number }>(
      db.db,
      sql`select (select count(*)::int from calendar_years) as years, (select count(*)::int from calendar_days) as days,
          (select count(*)::int from audit_entries where entity_type = 'calendar_year') as audits`,
    );
    expect(counts).toEqual({ years: 7, days: 37 + 38 + 38 + 34 + 36 + 33 + 39, audits: 7 });
  });

  it('refuses an invalid or unpublished file and changes nothing', async () => {
    await expect(svc.loadYear(db.db, { year: 2027, days: [] }, who)).rejects.toMatchObject({ code: 'calendar.NOT_PUBLISHED' });
    await expect(svc.loadYear(db.db, { year: 2027, days: [{ name: 'x', date: '2026-06-01', isOffDay: true }] }, who)).rejects.toMatchObject({
      code: 'calendar.INVALID_FILE',
      fields: [expect.objectContaining({ field: 'days.0.date' })],
    });
    const rows = await query<{ n: number }>(db.db, sql`select count(*)::int as n from calendar_years where year = 2027`);
    expect(rows[0].n).toBe(0);
  });

  it('start → pause 3 working days → resume moves the due date by exactly 3 working days', async () => {
    const started = await inTx((tx) => svc.clocks.start(tx, subject('A-1'), 'working_days', 20, t('2026-03-02T10:00:00+08:00'), 3));
    expect(started).toMatchObject({ state: 'running', dueDate: '2026-03-30', dueAt: '2026-03-30T16:00:00.000Z', provisional: false, version: 1 });
    expect(started.warnAt).toBe('2026-03-25T16:00:00.000Z');
    const paused = await inTx((tx) => svc.clocks.pause(tx, started.id, t('2026-03-05T15:00:00+08:00')));
    expect(paused).toMatchObject({ state: 'paused', pauseStartedAt: '2026-03-05T07:00:00.000Z', dueDate: '2026-03-30', version: 2 });
    const resumed = await inTx((tx) => svc.clocks.resume(tx, started.id, t('2026-03-10T11:00:00+08:00')));
    expect(resumed).toMatchObject({ state: 'running', pausedTotal: 3, pauseStartedAt: null, version: 3 });
    expect(resumed.dueDate).toBe(svc.calendar.addWorkingDays('2026-03-30', 3).date);
    expect(resumed.dueDate).toBe('2026-04-02');
    expect(svc.calendar.workingDaysBetween(started.dueDate, resumed.dueDate).days).toBe(3);
    const stopped = await inTx((tx) => svc.clocks.stop(tx, started.id, t('2026-04-03T09:00:00+08:00')));
    expect(stopped).toMatchObject({ state: 'stopped', overdue: true, stoppedAt: '2026-04-03T01:00:00.000Z', version: 4 });
  });

  it('pauses and resumes a working-hour clock by the office hours paused', async () => {
    const c = await inTx((tx) => svc.clocks.start(tx, { ...subject('C-9'), type: 'case', purpose: 'handling' }, 'working_hours', 5, t('2026-09-29T09:00:00+08:00')));
    expect(c).toMatchObject({ dueAt: '2026-09-29T07:30:00.000Z', purpose: 'handling' }); // 15:30 China time (3 h before lunch, 2 after)
    await inTx((tx) => svc.clocks.pause(tx, c.id, t('2026-09-29T11:00:00+08:00')));
    const r = await inTx((tx) => svc.clocks.resume(tx, c.id, t('2026-09-30T10:00:00+08:00'))); // 1 + 4 + 1 = 6 office hours
    expect(r.pausedTotal).toBe(6);
    expect(r.dueAt).toBe('2026-09-30T06:30:00.000Z'); // 11 office hours after Sep 29 09:00 = Sep 30 14:30
    expect(await svc.clocks.ofSubject(db.db, 'case', 'C-9')).toHaveLength(1);
  });

  it('refuses commands that do not fit the state, and bad amounts', async () => {
    const c = await inTx((tx) => svc.clocks.start(tx, subject('A-2'), 'calendar_days', 90, t('2026-07-04T09:00:00+08:00')));
    expect(c.dueDate).toBe('2026-10-08');
    await expect(inTx((tx) => svc.clocks.resume(tx, c.id, t('2026-07-05T09:00:00+08:00')))).rejects.toMatchObject({ code: 'sla.NOT_PAUSED' });
    await expect(inTx((tx) => svc.clocks.pause(tx, c.id, t('2026-07-01T09:00:00+08:00')))).rejects.toMatchObject({ code: 'sla.TIME_ORDER' });
    await inTx((tx) => svc.clocks.stop(tx, c.id, t('2026-07-10T09:00:00+08:00')));
    await expect(inTx((tx) => svc.clocks.stop(tx, c.id, t('2026-07-11T09:00:00+08:00')))).rejects.toMatchObject({ code: 'sla.ALREADY_STOPPED' });
    await expect(inTx((tx) => svc.clocks.pause(tx, c.id, t('2026-07-11T09:00:00+08:00')))).rejects.toMatchObject({ code: 'sla.NOT_RUNNING' });
    await expect(inTx((tx) => svc.clocks.pause(tx, 999_999, t('2026-07-11T09:00:00+08:00')))).rejects.toMatchObject({ code: 'sla.NOT_FOUND' });
    await expect(inTx((tx) => svc.clocks.start(tx, subject('A-3'), 'working_days', 2.5, t('2026-07-04T09:00:00+08:00')))).rejects.toMatchObject({
      code: 'sla.INVALID_BUDGET',
    });
    expect((await svc.clocks.get(db.db, c.id))?.overdue).toBe(false);
  });

  it('keeps 2027 deadlines provisional until the 2027 schedule is loaded, then recomputes them', async () => {
    const dec = await inTx((tx) => svc.clocks.start(tx, subject('B-1'), 'working_days', 40, t('2026-12-01T09:00:00+08:00')));
    const feb = await inTx((tx) => svc.clocks.start(tx, subject('B-2'), 'working_days', 5, t('2027-02-01T09:00:00+08:00'), 1));
    const done = await inTx((tx) => svc.clocks.start(tx, subject('B-3'), 'working_days', 20, t('2026-12-20T09:00:00+08:00')));
    await inTx((tx) => svc.clocks.stop(tx, done.id, t('2026-12-25T09:00:00+08:00')));
    const inside2026 = await inTx((tx) => svc.clocks.start(tx, subject('B-4'), 'working_days', 5, t('2026-11-02T09:00:00+08:00')));
    expect(dec).toMatchObject({ dueDate: '2027-01-27', provisional: true });
    expect(feb).toMatchObject({ dueDate: '2027-02-10', provisional: true }); // statutory 春节 Feb 5–8 assumed
    expect(inside2026.provisional).toBe(false);

    const r = await svc.loadYear(db.db, schedule2027, who);
    expect(r).toMatchObject({ year: 2027, created: true, dayCount: schedule2027.days.length });
    expect(r.recomputed).toEqual({ examined: 2, changed: 2 });
    expect(r.changes.map((c) => c.date)).toEqual(['2027-01-02', '2027-01-03', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-13']);
    expect(r.changes.find((c) => c.date === '2027-02-13')).toMatchObject({ before: { kind: 'weekend' }, after: { kind: 'makeup', working: true } });

    const after = async (c: SlaClock) => (await svc.clocks.get(db.db, c.id))!;
    expect(await after(dec)).toMatchObject({ dueDate: '2027-01-27', provisional: false, version: 2 });
    expect(await after(feb)).toMatchObject({ dueDate: '2027-02-13', provisional: false, warnAt: '2027-02-12T16:00:00.000Z', version: 2 });
    expect(await after(done)).toMatchObject({ provisional: true, version: 2 });
    expect(await after(inside2026)).toMatchObject({ version: 1 });
    expect(svc.calendar.isLoaded(2027)).toBe(true);
    expect(svc.yearStatus(2027)).toMatchObject({ loaded: true, source: 'api', papers: schedule2027.papers });

    const [audit] = await query<{ actor_name: string; action: string; after: { deadlinesRecomputed: number; changedDays: number } }>(
      db.db,
      sql`select actor_name, action, after from audit_entries where entity_type = 'calendar_year' and entity_id = '2027'`,
    );
    expect(audit).toMatchObject({ actor_name: 'calendar-admin', action: 'calendar.year.load', after: { deadlinesRecomputed: 2, changedDays: 6 } });
    expect(renderLoad(r)).toContain('deadlines recomputed: 2 changed of 2 examined');

    // A process that has not seen the load yet still stores the deadline with the loaded schedule.
    expect(stale.calendar.isLoaded(2027)).toBe(false);
    const late = await inTx((tx) => stale.clocks.start(tx, subject('B-5'), 'working_days', 5, t('2027-02-01T09:00:00+08:00')));
    expect(late).toMatchObject({ dueDate: '2027-02-13', provisional: false });
    expect(stale.calendar.isLoaded(2027)).toBe(true);
  });

  it('reports no change when the same schedule is loaded again', async () => {
    const r = await svc.loadYear(db.db, schedule2027, who, 'cli');
    expect(r).toMatchObject({ created: false, changes: [], recomputed: { changed: 0 } });
    const actions = await query<{ action: string }>(db.db, sql`select action from audit_entries where entity_id = '2027' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['calendar.year.load', 'calendar.year.replace']);
  });

  it('lets another process pick up a loaded year through fresh()', async () => {
    expect(other.calendar.isLoaded(2027)).toBe(false);
    expect((await other.fresh()).isLoaded(2027)).toBe(true);
    expect(other.yearStatus(2027).loaded).toBe(true);
  });

  it('renders a year for the command line, saying whether it is provisional', () => {
    const text2026 = renderYear(svc.calendar, svc.yearStatus(2026));
    expect(text2026).toContain('official schedule loaded');
    expect(text2026).toContain('国庆节 2026-10-01 – 2026-10-07（7 天 days）');
    expect(text2026).toContain('2026-10-10 星期六（国庆节）');
    const text2028 = renderYear(svc.calendar, svc.yearStatus(2028));
    expect(text2028).toContain('PROVISIONAL');
  });
});
