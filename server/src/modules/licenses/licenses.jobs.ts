/** Outbox subscription (application.approved → issue) and the daily expiry / renewal-reminder job. */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { DomainError } from '../../platform/errors/index.ts';
import type { OutboxEvent } from '../../platform/jobs/index.ts';
import type { AppContext } from '../../context.ts';
import { DEFAULT_RENEWAL_DAYS, LicenseService } from './licenses.service.ts';
import { issueInputOfApproval, type ApplicationApproved } from './licenses.approval.ts';

export type { ApplicationApproved };

export const LICENSE_DAILY_QUEUE = 'licenses.daily';
/** 01:10 China time (the runner's cron time zone is Asia/Shanghai): expire, then remind. */
export const LICENSE_DAILY_CRON = '10 1 * * *';

/** Issues the licence of an approved application; a repeat delivery finds the licence already there. */
export async function onApplicationApproved(svc: LicenseService, event: OutboxEvent<ApplicationApproved>, log?: (msg: string) => void): Promise<void> {
  const input = issueInputOfApproval(event.payload);
  if (!input) return;
  try {
    await svc.issue(
      input,
      { actor: SYSTEM_ACTOR },
      { allowNewType: true },
    );
  } catch (e) {
    // bad data will not get better by retrying: record it and let the delivery complete
    if (e instanceof DomainError && e.kind === 'invalid') {
      log?.(`licenses: application ${input.applicationNo} approved but no licence issued: ${e.message}`);
      return;
    }
    throw e;
  }
}

/** Days before expiry that holders are reminded (LICENSE_RENEWAL_DAYS, default 30). */
export function renewalDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LICENSE_RENEWAL_DAYS);
  return Number.isInteger(n) && n > 0 && n <= 366 ? n : DEFAULT_RENEWAL_DAYS;
}

export function registerLicenseJobs(ctx: AppContext): void {
  const svc = new LicenseService(ctx);
  ctx.jobs.subscribe<ApplicationApproved>('application.approved', 'licenses.issue', async (event) => onApplicationApproved(svc, event, (m) => console.warn(m)));
  void ctx.jobs.register(
    LICENSE_DAILY_QUEUE,
    async () => {
      await svc.expireDue();
      await svc.remindRenewals(renewalDays());
    },
    { policy: 'short', retryLimit: 2, expireInSeconds: 1800 },
  );
  void ctx.jobs.schedule(LICENSE_DAILY_QUEUE, LICENSE_DAILY_CRON);
}
