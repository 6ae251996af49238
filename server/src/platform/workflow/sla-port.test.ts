import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { permissionsOf, type Actor, type RoleGrant } from '../access/index.ts';
import { CalendarService } from '../clock/index.ts';
import { Workflows, slaPort, tableStore, type WorkflowDef } from './index.ts';

const actor = (grants: RoleGrant[]): Actor => ({ id: 5, username: 'approver', kind: 'staff', displayName: 'a', grants, permissions: permissionsOf(grants), via: 'session' });
const who = { actor: actor([{ role: 'approver', regionCode: '320281', orgId: null }, { role: 'window_clerk', regionCode: '320281', orgId: null }]) };

/** A licensing flow with the statutory clock: 20 working days, paused for corrections, +10 on extension. */
const licensing: WorkflowDef = {
  name: 'licence_app',
  initial: 'received',
  states: {
    received: { label: { zh: '已收件', en: 'Received' } },
    reviewing: { label: { zh: '审查中', en: 'Reviewing' } },
    correcting: { label: { zh: '补正中', en: 'Awaiting corrections' } },
    decided: { label: { zh: '已决定', en: 'Decided' }, final: true },
  },
  actions: {
    accept: { label: { zh: '受理', en: 'Accept' }, from: ['received'], to: 'reviewing', permission: 'application:intake', sla: [{ op: 'start', clock: 'statutory', unit: 'working_days', budget: 20, warnBefore: 3 }] },
    requestCorrection: { label: { zh: '补正', en: 'Request correction' }, from: ['reviewing'], to: 'correcting', permission: 'application:review', sla: [{ op: 'pause', clock: 'statutory' }] },
    resubmit: { label: { zh: '补正提交', en: 'Resubmit' }, from: ['correcting'], to: 'reviewing', permission: 'application:intake', sla: [{ op: 'resume', clock: 'statutory' }] },
    extend: { label: { zh: '延期', en: 'Extend' }, from: ['reviewing'], to: 'reviewing', permission: 'application:review', requires: ['reason'], sla: [{ op: 'extend', clock: 'statutory', by: 10 }] },
    decide: { label: { zh: '决定', en: 'Decide' }, from: ['reviewing'], to: 'decided', permission: 'application:review', sla: [{ op: 'stop', clock: 'statutory' }] },
  },
};

describeEachBackend('workflow with the statutory clock', (backend) => {
  let t: TestDatabase;
  let calendar: CalendarService;
  let wf: Workflows;
  const store = tableStore('wf_apps');
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await t.db.execute(sql`create table wf_apps (id serial primary key, state text not null, version int not null default 1, region_code text)`);
    await t.db.execute(sql`insert into wf_apps (state, region_code) values ('received', '320281001000')`);
    calendar = await CalendarService.load(t.db);
    wf = new Workflows(t.db, { sla: slaPort(calendar.clocks) });
  });
  afterAll(() => t.destroy());

  const clock = async () => (await calendar.clocks.ofSubject(t.db, 'licence_app', 1))[0];

  it('starts, pauses, resumes, extends and stops the clock through transitions', async () => {
    await wf.transition(licensing, store, 1, 'accept', { who, input: { at: '2026-09-18T10:00:00+08:00' } });
    expect((await clock()).dueDate).toBe('2026-10-22'); // DOMAIN §4 vector: +20 over the National Day holiday
    await wf.transition(licensing, store, 1, 'requestCorrection', { who, input: { at: '2026-09-21T10:00:00+08:00' } });
    expect((await clock()).state).toBe('paused');
    // paused Mon 21 → Thu 24 September: 3 working days
    await wf.transition(licensing, store, 1, 'resubmit', { who, input: { at: '2026-09-24T10:00:00+08:00' } });
    expect((await clock()).dueDate).toBe(calendar.calendar.addWorkingDays('2026-10-22', 3).date);
    const beforeExtension = (await clock()).dueDate;
    await wf.transition(licensing, store, 1, 'extend', { who, input: { reason: '需现场核查' } });
    expect((await clock()).dueDate).toBe(calendar.calendar.addWorkingDays(beforeExtension, 10).date);
    await wf.transition(licensing, store, 1, 'decide', { who, input: { at: '2026-10-20T16:00:00+08:00' } });
    expect(await clock()).toMatchObject({ state: 'stopped', overdue: false });
  });
});
