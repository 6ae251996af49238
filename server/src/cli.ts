import { ConfigError, loadConfig } from './platform/config/index.ts';
import { DataDirLockedError, DataDirUnusableError } from './platform/db/index.ts';
import { chainPending, verifyChain } from './platform/audit/index.ts';
import { openRuntime } from './runtime.ts';
import { demoAccountsTable, seedDemo, type DemoScale } from './modules/demo/index.ts';
import { calendarCommand } from './platform/clock/index.ts';

const USAGE = `通办 Tongban command line

  tongban serve                      start API, jobs and web UI (npm start)
  tongban migrate                    apply database migrations
  tongban audit verify               check the audit hash chain (exit 1 naming the first bad entry)
  tongban calendar load FILE         load a year's official holiday schedule (holiday-cn JSON);
                                     prints the days that changed and the deadlines recomputed
  tongban calendar show YEAR         month grid, days off and make-up days of a year; says if provisional
  tongban seed demo [--scale large]  seed the demo county Jiangyin (idempotent); large: 366,000 market entities
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

/** `--scale large`, `--scale=default` or nothing (default); null when the arguments are anything else. */
function demoScaleArg(args: string[]): DemoScale | null {
  if (args.length === 0) return 'default';
  const value = args.length === 1 && args[0].startsWith('--scale=') ? args[0].slice(8) : args.length === 2 && args[0] === '--scale' ? args[1] : null;
  return value === 'default' || value === 'large' ? value : null;
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
      case 'seed': {
        const scale = sub === 'demo' ? demoScaleArg(rest) : null;
        if (!scale) break;
        return await withRuntime(async ({ ctx }) => {
          console.log(`正在生成演示数据（江阴市，${scale}）… / Seeding the demo county (Jiangyin, ${scale})…`);
          const r = await seedDemo(ctx, { scale, log: (line) => console.log(`  ${line}`) });
          console.log(
            r.seeded
              ? `演示数据已生成 / demo data seeded in ${(r.ms / 1000).toFixed(1)} s: ${JSON.stringify(r.counts)}`
              : `演示数据已存在（${r.scale}），未作更改 / demo data already present (${r.scale}): nothing changed`,
          );
          console.log(`\n${demoAccountsTable()}`);
          return 0;
        });
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
    if (e instanceof DataDirLockedError || e instanceof DataDirUnusableError || e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
