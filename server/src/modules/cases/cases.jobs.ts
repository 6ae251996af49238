/**
 * The case loop's reactions: SLA warnings and overdue deadlines of case
 * clocks (platform SLA watcher, outbox topics sla.warning / sla.overdue)
 * are recorded on the case and escalate it up the command hierarchy.
 */
import type { AppContext } from '../../context.ts';
import { SLA_OVERDUE, SLA_WARNING, type SlaEventPayload } from '../../platform/clock/index.ts';
import { caseServiceOf } from './cases.context.ts';
import { caseFlow, CLOCK } from './cases.workflow.ts';

export function registerCaseJobs(ctx: AppContext): void {
  const mine = (p: SlaEventPayload) => p.subjectType === caseFlow.name && p.purpose === CLOCK && /^\d+$/.test(p.subjectId);
  ctx.jobs.subscribe<SlaEventPayload>(SLA_WARNING, 'cases.sla-warning', async (e) => {
    if (mine(e.payload)) await caseServiceOf(ctx).onSla('warning', Number(e.payload.subjectId), e.payload.dueAt);
  });
  ctx.jobs.subscribe<SlaEventPayload>(SLA_OVERDUE, 'cases.sla-escalate', async (e) => {
    if (mine(e.payload)) await caseServiceOf(ctx).onSla('overdue', Number(e.payload.subjectId), e.payload.dueAt);
  });
}
