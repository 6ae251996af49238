/**
 * Status changes of cases for GET servicerequestupdates: the case workflow's
 * outbox events are recorded as request updates (idempotent by event id).
 */
import type { AppContext } from '../../context.ts';
import { open311Of } from './open311.context.ts';

/**
 * Case topics that change what an Open311 client sees. `case.closed` is not
 * emitted by the cases module yet; once it is (payload `caseId` or `id`),
 * closures appear in servicerequestupdates without a change here.
 */
export const CASE_TOPICS = ['case.reported', 'case.dispatched', 'case.returned', 'case.handled', 'case.closed'] as const;

const IMPLIED_STATE: Partial<Record<(typeof CASE_TOPICS)[number], string>> = { 'case.reported': 'reported', 'case.closed': 'closed' };

export function registerOpen311Jobs(ctx: AppContext): void {
  for (const topic of CASE_TOPICS) {
    ctx.jobs.subscribe<{ caseId?: number; id?: string | number; to?: string }>(topic, `open311.${topic}`, async (e, tx) => {
      const caseId = Number(e.payload.caseId ?? e.payload.id);
      if (!Number.isInteger(caseId) || caseId <= 0) return;
      await open311Of(ctx).service.recordCaseChange(tx, `${e.id}`, caseId, e.payload.to ?? IMPLIED_STATE[topic] ?? null, new Date(e.createdAt));
    });
  }
}
