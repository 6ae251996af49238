import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, query } from '../../src/platform/db/index.ts';
import { chainPending, recordAudit } from '../../src/platform/audit/index.ts';
import { freePort, tongban, waitForHealth } from '../helpers/process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-'));
const env = { DATA_DIR: dataDir, SEED_DEMO: 'never', LOG_LEVEL: 'warn', DATABASE_URL: '' };

describe('process lifecycle on an embedded database', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process on the same data directory without harming the first, and shuts down cleanly', async () => {
    const port = await freePort();
    const first = tongban(['serve'], { ...env, PORT: String(port) });
    await waitForHealth(`http://127.0.0.1:${port}`, first);

    const second = tongban(['serve'], { ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.out()).toContain('数据目录');
    expect(second.out()).toContain(`in use by process ${first.child.pid}`);

    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', database: 'pglite' });

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'tongban.lock'))).toBe(false);
  });

  it('audit verify passes on an intact chain and fails naming the altered entry', async () => {
    const database = await openDatabase({ dataDir });
    await migrate(database);
    for (let i = 1; i <= 5; i++) {
      await recordAudit(database.db, { actor: { id: 1, username: 'e2e' } }, { action: 'update', entityType: 'thing', entityId: i, after: { i } });
    }
    await chainPending(database.db);
    await database.close();

    const ok = tongban(['audit', 'verify'], env);
    expect(await ok.exited).toBe(0);
    expect(ok.out()).toMatch(/intact: \d+ entries/);

    const again = await openDatabase({ dataDir });
    const [target] = await query<{ seq: number }>(again.db, sql`select seq::int as seq from audit_entries where entity_type = 'thing' and entity_id = '3'`);
    await again.db.execute(sql`alter table audit_entries disable trigger audit_entries_guard`);
    await again.db.execute(sql`update audit_entries set after = '{"i": 42}'::jsonb where seq = ${target.seq}`);
    await again.db.execute(sql`alter table audit_entries enable trigger audit_entries_guard`);
    await again.close();

    const bad = tongban(['audit', 'verify'], env);
    expect(await bad.exited).toBe(1);
    expect(bad.out()).toContain(`BROKEN at seq ${target.seq} `);
  });
});
