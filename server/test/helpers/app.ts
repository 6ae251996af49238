import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config/index.ts';
import { buildApp } from '../../src/app.ts';
import { composeContext } from '../../src/compose.ts';
import { insertAccount, type NewAccount } from '../../src/platform/auth/index.ts';
import type { AppContext } from '../../src/context.ts';
import { freshDatabase, type Backend, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  db(): AppContext['db'];
  close(): Promise<void>;
}

/** A full application over a fresh database, driven in-process with inject(). */
export async function testApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase(backend);
  const filesDir = env.FILES_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never', FILES_DIR: filesDir, ...env });
  const ctx = await composeContext(config, database);
  const app = await buildApp(ctx, { serveWebUi: false });
  await app.ready();
  return {
    app,
    ctx,
    database,
    db: () => ctx.db,
    async close() {
      await ctx.jobs.stop();
      await app.close();
      await database.destroy();
      if (!env.FILES_DIR) fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'Test@2026pass';

export async function createTestAccount(t: TestApp, a: Partial<NewAccount> & { username: string }): Promise<number> {
  return insertAccount(t.ctx.db, { kind: 'staff', displayName: a.username, password: TEST_PASSWORD, ...a });
}

/** Signs in and returns headers (cookie + CSRF) for later requests. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tb_session');
  return { cookie: `tb_session=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken };
}

export function problem(res: LightMyRequestResponse) {
  return res.json() as { status: number; code: string; title: string; errors: { field: string; message: string; in?: string }[] };
}
