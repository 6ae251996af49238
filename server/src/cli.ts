import { ConfigError, loadConfig } from './platform/config/index.ts';
import { DataDirLockedError } from './platform/db/index.ts';
import { chainPending, verifyChain } from './platform/audit/index.ts';
import { openRuntime } from './runtime.ts';
import { calendarCommand } from './platform/clock/index.ts';

const USAGE = `通办 Tongban command line

  tongban serve                      start API, jobs and web UI (npm start)
  tongban migrate                    apply database migrations
  tongban audit verify               check the audit hash chain (exit 1 naming the first bad entry)
  tongban calendar load FILE         load a year's official holiday schedule (holiday-cn JSON);
                                     prints the days that changed and the deadlines recomputed
  tongban calendar show YEAR         month grid, days off and make-up days of a year; says if provisional
`;

/** Runs a command with an open, migrated runtime and closes it afterwards. */
async function withRuntime(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<number>): Promise<number> {
  const rt = await openRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve': {
        const { serve } = await import('./main.ts');
        return await serve();
      }
      case 'migrate':
        return await withRuntime(async ({ applied }) => {
          console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
          return 0;
        });
      case 'audit':
        if (sub !== 'verify') break;
        return await withRuntime(async ({ ctx }) => {
          const linked = await chainPending(ctx.db);
          const r = await verifyChain(ctx.db);
          if (r.ok) {
            console.log(`审计链完整 audit chain intact: ${r.entries} entries (${linked} newly linked), head ${r.headHash}`);
            return 0;
          }
          console.error(`审计链被破坏 audit chain BROKEN at seq ${r.seq}${r.id ? ` (entry id ${r.id})` : ''}: ${r.reason}`);
          return 1;
        });
      case 'calendar': {
        if ((sub !== 'load' && sub !== 'show') || !rest[0]) break;
        return await withRuntime(async ({ ctx }) => (await calendarCommand(ctx.calendar, sub, rest)) ?? 2);
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return 0;
    }
    console.error(`unknown command: ${[cmd, sub, ...rest].filter(Boolean).join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
