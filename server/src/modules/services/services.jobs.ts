/** The services module's reactions to outbox events: the SLA watcher's warnings and overdue marks. */
import { SLA_OVERDUE, SLA_WARNING, type SlaEventPayload } from '../../platform/clock/index.ts';
import type { AppContext } from '../../context.ts';
import { servicesOf } from './services.module.ts';

/** Subscribes the services module's handlers (one line in wiring.ts). */
export function registerServicesJobs(ctx: AppContext): void {
  const s = servicesOf(ctx);
  ctx.jobs.subscribe<SlaEventPayload>(SLA_WARNING, 'services.sla-warning', (e, tx) => s.supervise.onWarning(tx, e.payload));
  ctx.jobs.subscribe<SlaEventPayload>(SLA_OVERDUE, 'services.sla-overdue', (e, tx) => s.supervise.onOverdue(tx, e.payload));
}
