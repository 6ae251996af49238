import type { AppContext } from './context.ts';
import { SLA_WATCH_QUEUE, watchSla } from './platform/clock/index.ts';
import { registerRatingJobs } from './modules/ratings/index.ts';
import { registerCaseJobs } from './modules/cases/index.ts';
import { registerLicenseJobs } from './modules/licenses/index.ts';
import { registerOpen311Jobs } from './modules/open311/index.ts';
import { registerServicesJobs } from './modules/services/index.ts';

/** How often the SLA watcher looks for warnings and overdue deadlines (seconds). */
const SLA_WATCH_SECONDS = 60;

/**
 * Where modules hook into the job runner: outbox subscriptions
 * (`ctx.jobs.subscribe`), queues (`ctx.jobs.register`) and periodic jobs
 * (`ctx.jobs.every` / `schedule`). Called once by composeContext, before the
 * worker role starts the runner, so api-only processes know the same
 * subscribers (harmless: only a started runner delivers). One line per module.
 */
export function registerModuleJobs(ctx: AppContext): void {
  // platform: SLA warnings and overdue announcements (sla.warning / sla.overdue outbox events)
  void ctx.jobs.register(SLA_WATCH_QUEUE, async () => void (await watchSla(ctx.db)), { policy: 'short', retryLimit: 1, expireInSeconds: 600 });
  ctx.jobs.every(SLA_WATCH_QUEUE, SLA_WATCH_SECONDS);
  registerRatingJobs(ctx);
  registerCaseJobs(ctx);
  registerLicenseJobs(ctx);
  registerOpen311Jobs(ctx);
  registerServicesJobs(ctx);
}
