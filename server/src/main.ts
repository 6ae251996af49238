import { loadConfig } from './platform/config/index.ts';
import { DataDirLockedError, DataDirUnusableError } from './platform/db/index.ts';
import { chainPending } from './platform/audit/index.ts';
import { buildApp, WEB_DIST } from './app.ts';
import { openRuntime } from './runtime.ts';
import { DEMO_PASSWORD, demoAccountsTable, demoSeedState, seedDemo } from './modules/demo/index.ts';

/** `tongban serve` (npm start): API, jobs and web UI in one process. */
export async function serve(): Promise<number> {
  const config = loadConfig();
  let runtime;
  try {
    runtime = await openRuntime(config);
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof DataDirUnusableError) {
      console.error(`\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { ctx, database } = runtime;
  // Demo county on first start (SEED_DEMO=auto): only into an empty database, never over real organisations.
  let demo = false;
  if (config.seedDemo === 'auto') {
    try {
      const state = await demoSeedState(ctx);
      if (state === 'empty') {
        console.log('正在生成演示数据（江阴市）… / Seeding the demo county (Jiangyin)…');
        const seeded = await seedDemo(ctx, { scale: 'default' });
        console.log(`  演示数据已生成 / demo data ready (${(seeded.ms / 1000).toFixed(1)} s)`);
      } else if (state === 'other-data') {
        console.log('数据库已有机构数据，未生成演示数据 / The database already holds organisations: demo data not seeded');
      }
      demo = state !== 'other-data';
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  const app = await buildApp(ctx);
  // The worker role runs the jobs: outbox relay, audit chaining, cleanup, modules' jobs.
  if (config.roles.has('worker')) await ctx.jobs.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    try {
      await app.close();
    } finally {
      try {
        // running jobs finish before the database closes
        await ctx.jobs.stop({ graceful: true });
        await chainPending(ctx.db);
      } finally {
        await database.close();
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  console.log(`\n通办 Tongban 已启动 / is running: ${url}`);
  console.log(`  数据库 Database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)'}`);
  console.log(`  API 文档 API docs: ${url}/api/docs`);
  if (!(await import('node:fs')).existsSync(WEB_DIST)) console.log('  (web UI not built: run `npm run build`)');
  if (demo) console.log(`\n  演示账号 Demo accounts (密码 password: ${DEMO_PASSWORD})\n${demoAccountsTable()}\n`);
  return 0;
}
