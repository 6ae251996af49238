import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { inTransaction, query, sql } from '../db/index.ts';
import { CalendarService } from './calendar.service.ts';
import { SLA_OVERDUE, SLA_WARNING, watchSla } from './sla.watch.ts';

describeEachBackend('SLA watcher', (backend) => {
  let t: TestDatabase;
  let calendar: CalendarService;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    calendar = await CalendarService.load(t.db);
  });
  afterAll(() => t.destroy());

  const events = (topic: string) =>
    query<{ payload: { clockId: number; subjectId: string; dueAt: string } }>(t.db, sql`select payload from outbox_events where topic = ${topic} order by id`);

  it('announces a warning once, then the overdue once, and again after the deadline moves', async () => {
    // 2026-09-18 + 20 working days → 2026-10-22 (DOMAIN §4); warn 3 working days before
    const c = await inTransaction(t.db, (tx) =>
      calendar.clocks.start(tx, { type: 'demo_app', id: 1, regionCode: '320281' }, 'working_days', 20, new Date('2026-09-18T10:00:00+08:00'), 3),
    );
    const other = await inTransaction(t.db, (tx) =>
      calendar.clocks.start(tx, { type: 'demo_app', id: 2, regionCode: '320281' }, 'working_days', 20, new Date('2026-09-18T10:00:00+08:00'), 3),
    );
    await inTransaction(t.db, (tx) => calendar.clocks.pause(tx, other.id, new Date('2026-09-21T10:00:00+08:00')));

    expect(await watchSla(t.db, new Date('2026-10-01T12:00:00+08:00'))).toEqual({ warnings: 0, overdue: 0 });
    expect(await watchSla(t.db, new Date('2026-10-20T12:00:00+08:00'))).toEqual({ warnings: 1, overdue: 0 });
    expect(await watchSla(t.db, new Date('2026-10-21T12:00:00+08:00'))).toEqual({ warnings: 0, overdue: 0 }); // once
    const [warning] = await events(SLA_WARNING);
    expect(warning.payload).toMatchObject({ clockId: c.id, subjectId: '1', subjectType: 'demo_app', purpose: 'main', regionCode: '320281' });

    expect(await watchSla(t.db, new Date('2026-10-23T09:00:00+08:00'))).toEqual({ warnings: 0, overdue: 1 });
    expect(await watchSla(t.db, new Date('2026-10-26T09:00:00+08:00'))).toEqual({ warnings: 0, overdue: 0 });
    expect((await events(SLA_OVERDUE)).map((e) => e.payload.subjectId)).toEqual(['1']); // the paused clock is never announced

    // an approved extension moves the deadline: overdue is announced again when the new due time passes
    await inTransaction(t.db, (tx) => calendar.clocks.extend(tx, c.id, 10));
    expect(await watchSla(t.db, new Date('2026-10-26T09:00:00+08:00'))).toEqual({ warnings: 0, overdue: 0 });
    expect(await watchSla(t.db, new Date('2026-11-10T09:00:00+08:00'))).toMatchObject({ overdue: 1 });

    // stopped clocks are left alone
    await inTransaction(t.db, (tx) => calendar.clocks.stop(tx, c.id, new Date('2026-11-10T10:00:00+08:00')));
    expect(await watchSla(t.db, new Date('2027-01-10T09:00:00+08:00'))).toEqual({ warnings: 0, overdue: 0 });
  });
});
