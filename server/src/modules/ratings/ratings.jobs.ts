import type { AppContext } from '../../context.ts';
import { SLA_OVERDUE, SLA_WARNING } from '../../platform/clock/index.ts';
import { ratingModule } from './ratings.module.ts';

/** Outbox topic the applications module emits when a matter is completed (payload: ApplicationCompleted). */
export const APPLICATION_COMPLETED = 'application.completed';

/**
 * Subscriptions of the ratings module: completed applications become ratable
 * matters; the SLA watcher's warnings and overdue events mark call-backs.
 */
export function registerRatingJobs(ctx: AppContext): void {
  const { ratings, rectifications } = ratingModule(ctx);
  ctx.jobs.subscribe(APPLICATION_COMPLETED, 'ratings.matter', (event, tx) => ratings.onApplicationCompleted(event, tx));
  ctx.jobs.subscribe(SLA_WARNING, 'ratings.callback-warning', (event, tx) => rectifications.onSla(event, tx, 'warned'));
  ctx.jobs.subscribe(SLA_OVERDUE, 'ratings.callback-overdue', (event, tx) => rectifications.onSla(event, tx, 'overdue'));
}
