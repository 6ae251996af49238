import type { Config } from './platform/config/index.ts';
import type { Database } from './platform/db/index.ts';
import { AuthService } from './platform/auth/index.ts';
import { CalendarService } from './platform/clock/index.ts';
import { JobRunner } from './platform/jobs/index.ts';
import { Workflows, slaPort } from './platform/workflow/index.ts';
import type { AppContext } from './context.ts';
import { registerModuleJobs } from './wiring.ts';
import { FileService, LocalBlobStore } from './platform/files/index.ts';

/** Builds the platform services over an open, migrated database. */
export async function composeContext(config: Config, database: Database): Promise<AppContext> {
  const auth = new AuthService(database.db, {
    maxFailures: config.loginMaxFailures,
    lockMinutes: config.loginLockMinutes,
    ipAttempts: config.loginIpAttempts,
    sessionHours: config.sessionHours,
  });
  const calendar = await CalendarService.load(database.db, { officeHours: config.officeHours });
  const jobs = new JobRunner({ database, logLevel: config.logLevel });
  const workflows = new Workflows(database.db, { sla: slaPort(calendar.clocks), emit: jobs });
  const files = new FileService(database.db, new LocalBlobStore(config.filesDir), config.uploadMaxBytes);
  const ctx: AppContext = { config, database, db: database.db, auth, calendar, jobs, workflows, files };
  registerModuleJobs(ctx);
  return ctx;
}
