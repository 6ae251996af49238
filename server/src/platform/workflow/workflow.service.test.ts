import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { permissionsOf, type Actor, type RoleGrant } from '../access/index.ts';
import { isDomainError, type DomainError } from '../errors/index.ts';
import { query } from '../db/index.ts';
import { Workflows, tableStore } from './index.ts';
import { permitFlow } from './workflow.rules.test.ts';

const actor = (id: number, grants: RoleGrant[]): Actor => ({ id, username: `u${id}`, kind: 'staff', displayName: `u${id}`, grants, permissions: permissionsOf(grants), via: 'session' });
const approverA = { actor: actor(1, [{ role: 'approver', regionCode: '320281', orgId: null }]), ip: '10.0.0.1' };
const approverB = { actor: actor(2, [{ role: 'approver', regionCode: '320281', orgId: null }]), ip: '10.0.0.2' };
const outsider = { actor: actor(3, [{ role: 'approver', regionCode: '320282', orgId: null }]) };
const store = tableStore('wf_permits');

describeEachBackend('workflow engine', (backend) => {
  let t: TestDatabase;
  let wf: Workflows;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await t.db.execute(sql`create table wf_permits (id serial primary key, state text not null, version int not null default 1, region_code text, decision text)`);
    wf = new Workflows(t.db);
  });
  beforeEach(async () => {
    await t.db.execute(sql`truncate wf_permits, workflow_history restart identity`);
    await t.db.execute(sql`insert into wf_permits (state, region_code) values ('accepted', '320281001000')`);
  });
  afterAll(() => t.destroy());

  it('gives one winner and one clear conflict when two approvers decide at once, with nothing half-written', async () => {
    const results = await Promise.allSettled([
      wf.transition(permitFlow, store, 1, 'decide', { expectedVersion: 1, input: { approve: true }, who: approverA, effect: (tx) => tx.execute(sql`update wf_permits set decision = 'A' where id = 1`).then(() => undefined) }),
      wf.transition(permitFlow, store, 1, 'decide', { expectedVersion: 1, input: { approve: false }, who: approverB, effect: (tx) => tx.execute(sql`update wf_permits set decision = 'B' where id = 1`).then(() => undefined) }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDomainError(lost[0].reason) && (lost[0].reason as DomainError).code).toBe('common.VERSION_CONFLICT');
    const [row] = await query<{ state: string; version: number; decision: string }>(t.db, sql`select state, version, decision from wf_permits where id = 1`);
    const winner = won[0] as PromiseFulfilledResult<{ state: string }>;
    expect(row.state).toBe(winner.value.state);
    expect(row.version).toBe(2);
    expect(row.decision).toBe(row.state === 'approved' ? 'A' : 'B');
    const history = await wf.history('permit', 1);
    expect(history).toHaveLength(1);
    const audits = await query<{ n: number }>(t.db, sql`select count(*)::int as n from audit_entries where entity_type = 'permit'`);
    expect(audits[0].n).toBe(1);
  });

  it('rejects a stale version without changing anything', async () => {
    await wf.transition(permitFlow, store, 1, 'return', { input: { reason: '材料不全' }, who: approverA });
    await expect(wf.transition(permitFlow, store, 1, 'decide', { expectedVersion: 1, input: { approve: true }, who: approverB })).rejects.toMatchObject({ code: 'common.VERSION_CONFLICT' });
    await expect(wf.transition(permitFlow, store, 1, 'decide', { input: { approve: true }, who: approverB })).rejects.toMatchObject({ code: 'workflow.WRONG_STATE', zh: '当前状态为「已退回」，不能执行「决定」' });
  });

  it('hides items outside the caller\'s region as not found and rolls back a failing effect', async () => {
    await expect(wf.transition(permitFlow, store, 1, 'decide', { expectedVersion: 7, input: { approve: true }, who: outsider })).rejects.toMatchObject({ code: 'common.NOT_FOUND' });
    await expect(wf.transition(permitFlow, store, 99, 'decide', { input: { approve: true }, who: approverA })).rejects.toMatchObject({ code: 'common.NOT_FOUND' });
    await expect(
      wf.transition(permitFlow, store, 1, 'decide', { input: { approve: true }, who: approverA, effect: async () => { throw new Error('licence service down'); } }),
    ).rejects.toThrow('licence service down');
    const [row] = await query<{ state: string; version: number }>(t.db, sql`select state, version from wf_permits where id = 1`);
    expect(row).toEqual({ state: 'accepted', version: 1 });
    expect(await wf.history('permit', 1)).toHaveLength(0);
  });

  it('names the missing input field', async () => {
    await expect(wf.transition(permitFlow, store, 1, 'return', { input: {}, who: approverA })).rejects.toMatchObject({ code: 'workflow.MISSING_INPUT', fields: [{ field: 'reason' }] });
  });
});
