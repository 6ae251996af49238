import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { chainPending, recordAudit, verifyChain } from './index.ts';
import { inTransaction, pgErrorOf } from '../db/index.ts';

const failure = (p: Promise<unknown>) => p.then(() => 'no error', (e) => pgErrorOf(e)?.message ?? String(e));

const who = { actor: { id: 1, username: 'clerk' }, ip: '127.0.0.1', requestId: 'r1' };

describeEachBackend('audit chain', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    for (let i = 0; i < 25; i++) {
      await inTransaction(t.db, (tx) =>
        recordAudit(tx, who, { action: 'update', entityType: 'thing', entityId: i, regionCode: '320281', before: { n: i }, after: { n: i + 1, 名称: '江阴' } }),
      );
    }
  });
  afterAll(() => t.destroy());

  it('links entries and verifies an intact chain', async () => {
    expect(await chainPending(t.db, 10)).toBe(25);
    expect(await chainPending(t.db)).toBe(0);
    const r = await verifyChain(t.db, 7);
    expect(r).toMatchObject({ ok: true, entries: 25, headSeq: 25 });
  });

  it('keeps entries written in a rolled-back transaction out of the log', async () => {
    await expect(
      inTransaction(t.db, async (tx) => {
        await recordAudit(tx, who, { action: 'create', entityType: 'thing', entityId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await chainPending(t.db)).toBe(0);
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    expect(await failure(t.db.execute(sql`update audit_entries set actor_name = 'x' where seq = 3`))).toMatch(/cannot be changed/);
    expect(await failure(t.db.execute(sql`delete from audit_entries where seq = 3`))).toMatch(/append-only/);
  });

  it('names the first altered entry when a row is tampered with behind the trigger', async () => {
    await t.db.execute(sql`alter table audit_entries disable trigger audit_entries_guard`);
    await t.db.execute(sql`update audit_entries set after = '{"n": 999}'::jsonb where seq = 7`);
    const r = await verifyChain(t.db);
    expect(r).toMatchObject({ ok: false, seq: 7 });
    if (!r.ok) expect(r.reason).toMatch(/altered/);
  });

  it('names a deleted entry', async () => {
    await t.db.execute(sql`update audit_entries set after = '{"n": 7, "名称": "江阴"}'::jsonb where seq = 7`);
    expect((await verifyChain(t.db)).ok).toBe(true);
    await t.db.execute(sql`delete from audit_entries where seq = 12`);
    const r = await verifyChain(t.db);
    expect(r).toMatchObject({ ok: false, seq: 12 });
    if (!r.ok) expect(r.reason).toMatch(/missing/);
    await t.db.execute(sql`alter table audit_entries enable trigger audit_entries_guard`);
  });
});
