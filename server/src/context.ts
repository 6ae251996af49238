import type { Config } from './platform/config/index.ts';
import type { Database, Db } from './platform/db/index.ts';
import type { AuthService } from './platform/auth/index.ts';
import type { CalendarService } from './platform/clock/index.ts';
import type { JobRunner } from './platform/jobs/index.ts';
import type { Workflows } from './platform/workflow/index.ts';
import type { FileService } from './platform/files/index.ts';

/** What the composition root hands to every module: configuration and platform services. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  auth: AuthService;
  /** Working-day calendar and SLA clocks. */
  calendar: CalendarService;
  /** Background jobs and the outbox relay (started only by the worker role). */
  jobs: JobRunner;
  /** Workflow transitions with the SLA clock and the outbox wired in. */
  workflows: Workflows;
  /** Uploaded files (materials, photos): checked by content, stored by SHA-256. */
  files: FileService;
}
