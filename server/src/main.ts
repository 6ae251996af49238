import { loadConfig } from './platform/config/index.ts';
import { DataDirLockedError } from './platform/db/index.ts';
import { chainPending } from './platform/audit/index.ts';
import { buildApp, WEB_DIST } from './app.ts';
import { openRuntime } from './runtime.ts';

/** `tongban serve` (npm start): API, jobs and web UI in one process. */
export async function serve(): Promise<number> {
  const config = loadConfig();
  let runtime;
  try {
    runtime = await openRuntime(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { ctx, database } = runtime;
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
  return 0;
}
