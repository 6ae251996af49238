import type { Config } from './platform/config/index.ts';
import type { Database, Db } from './platform/db/index.ts';
import type { AuthService } from './platform/auth/index.ts';

/** What the composition root hands to every module: configuration and platform services. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  auth: AuthService;
}
