import type { Config } from './platform/config/index.ts';
import type { Database } from './platform/db/index.ts';
import { AuthService } from './platform/auth/index.ts';
import type { AppContext } from './context.ts';

/** Builds the platform services over an open, migrated database. */
export async function composeContext(config: Config, database: Database): Promise<AppContext> {
  const auth = new AuthService(database.db, {
    maxFailures: config.loginMaxFailures,
    lockMinutes: config.loginLockMinutes,
    sessionHours: config.sessionHours,
  });
  return { config, database, db: database.db, auth };
}
